// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/database.h"
#include "storage/statement.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>

#include <initializer_list>

namespace Vitrine::Testing {

/**
 * A digest of every row the queries return, in their order: equal before and after means an
 * operation that failed (or was a dry run) changed nothing the queries see.
 */
inline QByteArray rowsDigest(const Database &db, std::initializer_list<const char *> queries)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char *sql : queries) {
        Statement stmt = db.prepare(QString::fromLatin1(sql));
        while (stmt.step() == Statement::Step::Row) {
            for (int c = 0; c < stmt.columnCount(); ++c)
                hash.addData(stmt.value(c).toString().toUtf8() + '\x1f');
            hash.addData("\n");
        }
    }
    return hash.result();
}

/** A digest of a whole file's bytes; empty when it cannot be read. */
inline QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

/** The catalog's data: every item, person and event. */
inline QByteArray dataDigest(const Database &db)
{
    return rowsDigest(db, {"SELECT * FROM items ORDER BY id", "SELECT * FROM users ORDER BY id",
        "SELECT * FROM events ORDER BY user_id, ts, item_id, type"});
}

/** The studio's configuration: every configuration table, the history and the meta table. */
inline QByteArray configDigest(const Database &db)
{
    return rowsDigest(db, {"SELECT * FROM segments ORDER BY 1", "SELECT * FROM slots ORDER BY 1",
        "SELECT * FROM layouts ORDER BY 1", "SELECT * FROM banners ORDER BY 1", "SELECT * FROM campaigns ORDER BY 1",
        "SELECT * FROM config_history ORDER BY 1, 2, 3", "SELECT * FROM meta ORDER BY 1"});
}

} // namespace Vitrine::Testing
