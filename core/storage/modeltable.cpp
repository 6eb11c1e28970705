// SPDX-License-Identifier: GPL-3.0-or-later
#include "modeltable.h"

#include "database.h"
#include "statement.h"

namespace Vitrine {

std::optional<QByteArray> ModelTable::load(const QString &name, const QString &watermark) const
{
    Statement stmt
        = m_db.prepare(QStringLiteral("SELECT data FROM models WHERE name = ? AND events_watermark = ?"));
    stmt.bind(1, name);
    stmt.bind(2, watermark);
    if (!stmt.isValid() || stmt.step() != Statement::Step::Row)
        return std::nullopt;
    return stmt.blob(0);
}

bool ModelTable::save(
    const QString &name, const QString &watermark, qint64 trainedAt, const QByteArray &data, QString *error)
{
    Statement stmt = m_db.prepare(
        QStringLiteral("INSERT OR REPLACE INTO models (name, params, events_watermark, trained_at, data)"
                       " VALUES (?, '{}', ?, ?, ?)"),
        error);
    if (!stmt.isValid())
        return false;
    stmt.bind(1, name);
    stmt.bind(2, watermark);
    stmt.bind(3, trainedAt);
    stmt.bindBlob(4, data);
    return stmt.run(error);
}

QList<ModelTable::Entry> ModelTable::entries() const
{
    QList<Entry> list;
    Statement stmt = m_db.prepare(
        QStringLiteral("SELECT name, events_watermark, trained_at, length(data) FROM models ORDER BY name"));
    while (stmt.isValid() && stmt.step() == Statement::Step::Row)
        list.append({stmt.text(0), stmt.text(1), stmt.int64(2), stmt.int64(3)});
    return list;
}

} // namespace Vitrine
