// SPDX-License-Identifier: GPL-3.0-or-later
#include "metastore.h"

#include "database.h"
#include "statement.h"

namespace Vitrine {

MetaStore::Read MetaStore::value(const Database &db, const QString &key, QByteArray *value, QString *error)
{
    Statement stmt = db.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"), error);
    if (!stmt.isValid())
        return Read::Failed;
    stmt.bind(1, key);
    switch (stmt.step()) {
    case Statement::Step::Row:
        *value = stmt.blob(0);
        return Read::Found;
    case Statement::Step::Done:
        return Read::Missing;
    case Statement::Step::Error:
        break;
    }
    if (error)
        *error = stmt.errorMessage();
    return Read::Failed;
}

bool MetaStore::setValue(Database &db, const QString &key, const QByteArray &value, QString *error)
{
    Statement stmt
        = db.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"), error);
    if (!stmt.isValid())
        return false;
    stmt.bind(1, key);
    stmt.bind(2, value);
    return stmt.run(error);
}

} // namespace Vitrine
