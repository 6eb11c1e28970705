// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Vitrine {

class Database;

/**
 * Whether the catalog has a category, brand or item of a given name, asked of SQLite directly:
 * for checking a definition without loading a snapshot.
 */
class CatalogLookup
{
public:
    explicit CatalogLookup(const Database &db)
        : m_db(db)
    { }

    /** A category of this path, or one below it ("Outdoor" when there is "Outdoor > Jackets"). */
    bool hasCategory(const QString &path) const;
    bool hasBrand(const QString &brand) const;
    bool hasItem(const QString &sku) const;

private:
    bool exists(const QString &sql, const QString &value) const;

    const Database &m_db;
};

} // namespace Vitrine
