// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Vitrine {

class Database;

/** One saved configuration object: a segment, slot, layout, banner or campaign. */
struct ConfigObject
{
    QString kind; ///< the table: "segments", "slots", "layouts", "banners" or "campaigns"
    QString key;
    QJsonObject definition;
    int version = 0;
    qint64 updatedAt = 0;
};

/**
 * Reads and writes the studio's configuration tables. Every save bumps the object's version and
 * keeps the previous one in config_history, so a change can be undone later.
 * Checking what a definition means is the caller's job (SlotDefinition::fromJson, ...).
 */
class ConfigStore
{
public:
    explicit ConfigStore(Database &db)
        : m_db(db)
    {
    }

    static bool isKind(const QString &kind);

    std::optional<ConfigObject> get(const QString &kind, const QString &key, QString *error = nullptr) const;
    QList<ConfigObject> list(const QString &kind, QString *error = nullptr) const;
    /** Saves in one transaction; the previous version goes to the history. */
    bool save(const QString &kind, const QString &key, const QJsonObject &definition, QString *error = nullptr);
    bool remove(const QString &kind, const QString &key, QString *error = nullptr);
    /** Earlier versions, newest first. */
    QList<ConfigObject> history(const QString &kind, const QString &key, QString *error = nullptr) const;
    /**
     * Makes an earlier version current again by saving its definition as a new version, so the
     * restore itself can be undone. Restoring the current version changes nothing. Fails, naming
     * the version, when neither the object nor its history has it.
     */
    bool restore(const QString &kind, const QString &key, int version, QString *error = nullptr);

private:
    Database &m_db;
};

} // namespace Vitrine
