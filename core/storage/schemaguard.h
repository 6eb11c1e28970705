// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

struct sqlite3;

namespace Vitrine {

/**
 * Tells a catalog whose schema is exactly the one Vitrine wrote from one another program changed.
 *
 * A catalog is data, not code: a trigger added by another program would run inside Vitrine's
 * own imports (rewriting every address, say), and a view in place of a table would show made-up
 * rows. The expected schema of each version is made by running the same migrations on an empty
 * in-memory database, so it follows every new migration without a second list to keep in step.
 */
class SchemaGuard
{
public:
    enum class Result
    {
        Matches, ///< exactly the schema Vitrine writes
        Changed, ///< another program added, replaced, altered or dropped something
        Unreadable, ///< sqlite_schema itself cannot be read (a damaged file, a full disk)
    };

    /**
     * Compares `db`'s main schema (sqlite_schema: type, name, table, SQL) with the one migrations
     * 0..version create. When it differs, `problem` names the first object that does ("trigger
     * 'x' is not Vitrine's", "'items' is a view, not Vitrine's table", "table 'users' was
     * altered", "table 'meta' is missing"); when unreadable, it is SQLite's error.
     * ANALYZE's statistics tables are allowed: they are data the query planner reads, not code.
     */
    static Result check(sqlite3 *db, int version, QString *problem);

    /** Whether any schema version Vitrine writes has a trigger (none does so far). */
    static bool createsTriggers();
    /** Whether any schema version Vitrine writes has a view (none does so far). */
    static bool createsViews();
};

} // namespace Vitrine
