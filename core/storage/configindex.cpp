// SPDX-License-Identifier: GPL-3.0-or-later
#include "configindex.h"

#include "database.h"
#include "schema.h"
#include "statement.h"

namespace Vitrine {

namespace {

/**
 * The objects of one kind: the rows of its table, then the keys that only config_history still
 * knows (removed objects), each with its latest version. The table name comes from
 * Schema::configTables(), never from input.
 */
QString indexSql(const QString &table)
{
    return QStringLiteral(
        "SELECT t.key, CASE WHEN json_type(t.definition, '$.title') = 'text'"
        "         THEN json_extract(t.definition, '$.title') END,"
        "       t.version, t.updated_at, 0,"
        "       1 + (SELECT count(*) FROM config_history h WHERE h.kind = ?1 AND h.key = t.key)"
        "  FROM %1 t"
        " UNION ALL "
        "SELECT h.key, CASE WHEN json_type(h.definition, '$.title') = 'text'"
        "         THEN json_extract(h.definition, '$.title') END,"
        "       h.version, h.updated_at, 1,"
        "       (SELECT count(*) FROM config_history c WHERE c.kind = ?1 AND c.key = h.key)"
        "  FROM config_history h"
        " WHERE h.kind = ?1 AND NOT EXISTS (SELECT 1 FROM %1 t WHERE t.key = h.key)"
        "   AND h.version = (SELECT max(m.version) FROM config_history m WHERE m.kind = ?1 AND m.key = h.key)"
        " ORDER BY 1")
        .arg(table);
}

} // namespace

QList<ConfigIndexEntry> configIndex(Database &db, QString *error)
{
    QList<ConfigIndexEntry> entries;
    // One read transaction for all kinds: a save by another program lands wholly before or after.
    ReadTransaction transaction(db, error);
    if (!transaction.isActive())
        return entries;
    for (const QString &table : Schema::configTables()) {
        Statement stmt = db.prepare(indexSql(table), error);
        if (!stmt.isValid())
            break;
        stmt.bind(1, table);
        Statement::Step step;
        while ((step = stmt.step()) == Statement::Step::Row) {
            ConfigIndexEntry entry;
            entry.kind = table;
            entry.key = stmt.text(0);
            entry.title = stmt.isNull(1) ? QString() : stmt.text(1);
            entry.latestVersion = int(stmt.int64(2));
            entry.lastSaved = stmt.int64(3);
            entry.removed = stmt.int64(4) != 0;
            entry.versionCount = int(stmt.int64(5));
            entries.append(entry);
        }
        if (step == Statement::Step::Error) {
            if (error)
                *error = stmt.errorMessage();
            break;
        }
    }
    transaction.end();
    return entries;
}

} // namespace Vitrine
