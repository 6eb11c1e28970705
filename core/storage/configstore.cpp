// SPDX-License-Identifier: GPL-3.0-or-later
#include "configstore.h"

#include "database.h"
#include "schema.h"
#include "statement.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::ConfigStore)
};

ConfigObject readRow(const QString &kind, const Statement &stmt)
{
    return {kind, stmt.text(0), QJsonDocument::fromJson(stmt.blob(1)).object(), int(stmt.int64(2)), stmt.int64(3)};
}

} // namespace

bool ConfigStore::isKind(const QString &kind)
{
    return Schema::configTables().contains(kind);
}

std::optional<ConfigObject> ConfigStore::get(const QString &kind, const QString &key, QString *error) const
{
    if (!isKind(kind)) {
        if (error)
            *error = Tr::tr("'%1' is not a kind of configuration").arg(kind);
        return std::nullopt;
    }
    Statement stmt = m_db.prepare(QStringLiteral("SELECT key, definition, version, updated_at FROM %1 WHERE key = ?").arg(kind), error);
    if (!stmt.isValid())
        return std::nullopt;
    stmt.bind(1, key);
    if (stmt.step() != Statement::Step::Row) {
        if (error)
            *error = Tr::tr("no %1 named '%2'").arg(kind.chopped(1), key);
        return std::nullopt;
    }
    return readRow(kind, stmt);
}

QList<ConfigObject> ConfigStore::list(const QString &kind, QString *error) const
{
    QList<ConfigObject> objects;
    if (!isKind(kind))
        return objects;
    Statement stmt = m_db.prepare(QStringLiteral("SELECT key, definition, version, updated_at FROM %1 ORDER BY key").arg(kind), error);
    while (stmt.isValid() && stmt.step() == Statement::Step::Row)
        objects.append(readRow(kind, stmt));
    return objects;
}

bool ConfigStore::save(const QString &kind, const QString &key, const QJsonObject &definition, QString *error)
{
    if (!isKind(kind)) {
        if (error)
            *error = Tr::tr("'%1' is not a kind of configuration").arg(kind);
        return false;
    }
    if (key.trimmed().isEmpty()) {
        if (error)
            *error = Tr::tr("a %1 needs a name").arg(kind.chopped(1));
        return false;
    }
    Transaction transaction(m_db, error);
    if (!transaction.isActive())
        return false;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Statement keep = m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO config_history (kind, key, version, definition, updated_at)"
                                                 " SELECT ?1, key, version, definition, updated_at FROM %1 WHERE key = ?2")
                                      .arg(kind),
                                  error);
    if (!keep.isValid())
        return false;
    keep.bind(1, kind);
    keep.bind(2, key);
    if (!keep.run(error))
        return false;
    // A key removed and created again continues its numbering, so its history is never overwritten.
    Statement upsert = m_db.prepare(QStringLiteral("INSERT INTO %1 (key, definition, version, updated_at) VALUES (?1, ?2,"
                                                   " (SELECT coalesce(max(version), 0) + 1 FROM config_history"
                                                   "  WHERE kind = ?4 AND key = ?1), ?3)"
                                                   " ON CONFLICT (key) DO UPDATE SET definition = excluded.definition,"
                                                   " version = %1.version + 1, updated_at = excluded.updated_at")
                                        .arg(kind),
                                    error);
    if (!upsert.isValid())
        return false;
    upsert.bind(1, key);
    upsert.bind(2, QJsonDocument(definition).toJson(QJsonDocument::Compact));
    upsert.bind(4, kind);
    upsert.bind(3, now);
    if (!upsert.run(error))
        return false;
    return transaction.commit(error);
}

bool ConfigStore::remove(const QString &kind, const QString &key, QString *error)
{
    if (!get(kind, key, error))
        return false;
    // Nothing is removed unless its current version is safely in the history first.
    Transaction transaction(m_db, error);
    if (!transaction.isActive())
        return false;
    Statement keep = m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO config_history (kind, key, version, definition, updated_at)"
                                                 " SELECT ?1, key, version, definition, updated_at FROM %1 WHERE key = ?2")
                                      .arg(kind),
        error);
    if (!keep.isValid())
        return false;
    keep.bind(1, kind);
    keep.bind(2, key);
    Statement drop = m_db.prepare(QStringLiteral("DELETE FROM %1 WHERE key = ?").arg(kind), error);
    if (!drop.isValid())
        return false;
    drop.bind(1, key);
    if (!keep.run(error) || !drop.run(error))
        return false;
    return transaction.commit(error);
}

QList<ConfigObject> ConfigStore::history(const QString &kind, const QString &key, QString *error) const
{
    QList<ConfigObject> versions;
    Statement stmt = m_db.prepare(QStringLiteral("SELECT key, definition, version, updated_at FROM config_history"
                                                 " WHERE kind = ? AND key = ? ORDER BY version DESC"),
                                  error);
    stmt.bind(1, kind);
    stmt.bind(2, key);
    while (stmt.isValid() && stmt.step() == Statement::Step::Row)
        versions.append(readRow(kind, stmt));
    return versions;
}

bool ConfigStore::restore(const QString &kind, const QString &key, int version, QString *error)
{
    if (!isKind(kind)) {
        if (error)
            *error = Tr::tr("'%1' is not a kind of configuration").arg(kind);
        return false;
    }
    const std::optional<ConfigObject> current = get(kind, key);
    if (current && current->version == version)
        return true;
    const QList<ConfigObject> versions = history(kind, key, error);
    const auto earlier = std::find_if(versions.cbegin(), versions.cend(),
        [version](const ConfigObject &object) { return object.version == version; });
    if (earlier == versions.cend()) {
        if (error)
            *error = Tr::tr("%1 '%2' has no version %3").arg(kind.chopped(1), key).arg(version);
        return false;
    }
    if (current)
        return save(kind, key, earlier->definition, error);

    // A removed object comes back numbered after its history, so no earlier version is overwritten.
    Transaction transaction(m_db, error);
    if (!transaction.isActive())
        return false;
    Statement insert = m_db.prepare(
        QStringLiteral(
            "INSERT INTO %1 (key, definition, version, updated_at) VALUES (?1, ?2,"
            " (SELECT coalesce(max(version), 0) + 1 FROM config_history WHERE kind = ?3 AND key = ?1), ?4)")
            .arg(kind),
        error);
    if (!insert.isValid())
        return false;
    insert.bind(1, key);
    insert.bind(2, QJsonDocument(earlier->definition).toJson(QJsonDocument::Compact));
    insert.bind(3, kind);
    insert.bind(4, QDateTime::currentSecsSinceEpoch());
    if (!insert.run(error))
        return false;
    return transaction.commit(error);
}

} // namespace Vitrine
