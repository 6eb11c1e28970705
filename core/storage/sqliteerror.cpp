// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqliteerror.h"

#include <QCoreApplication>

#include <sqlite3.h>

#include <cerrno>

namespace Vitrine {

bool sqliteDiskFull(sqlite3 *db, int code)
{
    if ((code & 0xFF) == SQLITE_FULL)
        return true;
    if ((code & 0xFF) != SQLITE_IOERR || !db)
        return false;
    const int systemError = sqlite3_system_errno(db);
    return systemError == ENOSPC || systemError == EDQUOT;
}

QString sqliteErrorText(sqlite3 *db, int code)
{
    const QString message
        = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(code));
    if ((code & 0xFF) == SQLITE_CORRUPT)
        return QCoreApplication::translate(
            "Vitrine::Database", "the catalog is damaged (%1); restore it from a backup")
            .arg(message);
    if (sqliteDiskFull(db, code))
        return QCoreApplication::translate(
            "Vitrine::Database", "disk full (%1); free some space and try again")
            .arg(message);
    return message;
}

} // namespace Vitrine
