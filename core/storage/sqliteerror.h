// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

struct sqlite3;

namespace Vitrine {

/**
 * SQLite's error `code` on `db` in words a user can act on. A damaged page says the catalog is
 * damaged and a full disk says "disk full" (also when SQLite only saw an I/O error whose cause
 * was ENOSPC), each with SQLite's own words in brackets; anything else is SQLite's message.
 * Read it right where the call failed: a later successful call replaces SQLite's message with
 * "not an error".
 */
QString sqliteErrorText(sqlite3 *db, int code);

/** True when `code` (with `db`'s errno) means the disk or the user's quota is full. */
bool sqliteDiskFull(sqlite3 *db, int code);

} // namespace Vitrine
