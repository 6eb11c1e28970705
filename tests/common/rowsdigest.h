// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/database.h"
#include "storage/statement.h"

#include <QByteArray>
#include <QCryptographicHash>

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

} // namespace Vitrine::Testing
