// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogreader.h"

#include "database.h"

namespace Vitrine {

namespace {

/**
 * Hands every row to @p visit until it returns false; false when it stopped (without a message)
 * or on a read error (with why).
 */
template<typename Visit> bool readAll(Statement &stmt, const Visit &visit, QString *error)
{
    Statement::Step step;
    while ((step = stmt.step()) == Statement::Step::Row) {
        if (!visit(stmt))
            return false;
    }
    if (step == Statement::Step::Error) {
        if (error)
            *error = stmt.errorMessage();
        return false;
    }
    return true;
}

} // namespace

bool CatalogReader::forEachItem(const std::function<void(const Item &)> &visit, QString *error) const
{
    Statement stmt = m_db.prepare(
        QStringLiteral("SELECT id, sku, title, kind, category, brand, price, sale_price, stock,"
                       " created_at, image, url, attributes FROM items ORDER BY id"),
        error);
    if (!stmt.isValid())
        return false;
    return readAll(
        stmt,
        [&visit](const Statement &row) {
            visit(Item(row));
            return true;
        },
        error);
}

bool CatalogReader::forEachPerson(const std::function<void(const Person &)> &visit, QString *error) const
{
    Statement stmt = m_db.prepare(
        QStringLiteral("SELECT id, external_id, gender, birth_year, country, city, email_consent,"
                       " attributes FROM users ORDER BY id"),
        error);
    if (!stmt.isValid())
        return false;
    return readAll(
        stmt,
        [&visit](const Statement &row) {
            visit(Person(row));
            return true;
        },
        error);
}

bool CatalogReader::forEachEvent(
    qint64 lastTime, const std::function<bool(const Event &)> &visit, QString *error) const
{
    // The table is clustered by (user_id, ts), so this reads in the order the rows are wanted.
    Statement stmt
        = m_db.prepare(QStringLiteral("SELECT user_id, ts, item_id, type, quantity, value FROM events"
                                      " WHERE ts <= ?1 ORDER BY user_id, ts, item_id, type"),
            error);
    if (!stmt.isValid())
        return false;
    stmt.bind(1, lastTime);
    return readAll(
        stmt, [&visit](const Statement &row) { return visit(Event(row)); }, error);
}

qint64 CatalogReader::eventCount() const
{
    return m_db.queryInt(QStringLiteral("SELECT count(*) FROM events"));
}

qint64 CatalogReader::firstEventTime() const
{
    return m_db.queryInt(QStringLiteral("SELECT coalesce(min(ts), 0) FROM events"));
}

qint64 CatalogReader::latestEventTime(qint64 notAfter, bool *ok) const
{
    if (ok)
        *ok = false;
    Statement stmt = m_db.prepare(QStringLiteral("SELECT MAX(ts) FROM events WHERE ts <= ?1"));
    if (!stmt.isValid())
        return 0;
    stmt.bind(1, notAfter);
    const Statement::Step step = stmt.step();
    if (step == Statement::Step::Error)
        return 0;
    if (ok)
        *ok = true;
    return step == Statement::Step::Row ? stmt.int64(0) : 0;
}

} // namespace Vitrine
