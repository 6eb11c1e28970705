// SPDX-License-Identifier: GPL-3.0-or-later
#include "cataloglookup.h"

#include "storage/database.h"
#include "storage/statement.h"

namespace Vitrine {

bool CatalogLookup::hasCategory(const QString &path) const
{
    return exists(QStringLiteral("SELECT 1 FROM items WHERE category = ?1"
                                 " OR substr(category, 1, length(?1) + 3) = ?1 || ' > ' LIMIT 1"),
        path);
}

bool CatalogLookup::hasBrand(const QString &brand) const
{
    return exists(QStringLiteral("SELECT 1 FROM items WHERE brand = ?1 LIMIT 1"), brand);
}

bool CatalogLookup::hasItem(const QString &sku) const
{
    return exists(QStringLiteral("SELECT 1 FROM items WHERE sku = ?1"), sku);
}

bool CatalogLookup::exists(const QString &sql, const QString &value) const
{
    Statement stmt = m_db.prepare(sql);
    stmt.bind(1, value);
    return stmt.isValid() && stmt.step() == Statement::Step::Row;
}

} // namespace Vitrine
