// SPDX-License-Identifier: GPL-3.0-or-later
#include "demowriter.h"

#include "database.h"

namespace Vitrine {

namespace {

void bindOptional(Statement &stmt, int index, const std::optional<double> &value)
{
    if (value)
        stmt.bind(index, *value);
    else
        stmt.bindNull(index);
}

} // namespace

qint64 DemoWriter::filledTables(const Database &db, bool *ok)
{
    return db.queryInt(QStringLiteral("SELECT EXISTS (SELECT 1 FROM items) + EXISTS (SELECT 1 FROM users)"
                                      " + EXISTS (SELECT 1 FROM events)"),
        ok);
}

bool DemoWriter::prepare(DuplicateEvents duplicates, QString *error)
{
    m_items = m_db.prepare(
        QStringLiteral(
            "INSERT INTO items (id, sku, title, kind, category, brand, price, sale_price, stock, created_at,"
            " image, url, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        error);
    if (!m_items.isValid())
        return false;
    m_people = m_db.prepare(
        QStringLiteral("INSERT INTO users (id, external_id, name, email, gender, birth_year, country, city,"
                       " email_consent, created_at, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        error);
    if (!m_people.isValid())
        return false;
    m_events = m_db.prepare(duplicates == DuplicateEvents::Skip
            ? QStringLiteral("INSERT OR IGNORE INTO events (user_id, ts, item_id, type, quantity, value)"
                             " VALUES (?, ?, ?, ?, ?, ?)")
            : QStringLiteral("INSERT INTO events (user_id, ts, item_id, type, quantity, value)"
                             " VALUES (?, ?, ?, ?, ?, ?)"),
        error);
    return m_events.isValid();
}

bool DemoWriter::insert(const Item &item, QString *error)
{
    m_items.bind(1, item.id);
    m_items.bind(2, item.sku);
    m_items.bind(3, item.title);
    m_items.bind(4, item.kind);
    m_items.bind(5, item.category);
    m_items.bind(6, item.brand);
    bindOptional(m_items, 7, item.price);
    bindOptional(m_items, 8, item.salePrice);
    if (item.stock)
        m_items.bind(9, *item.stock);
    else
        m_items.bindNull(9);
    m_items.bind(10, item.createdAt);
    m_items.bind(11, item.image);
    m_items.bind(12, item.url);
    m_items.bind(13, item.attributes);
    return m_items.run(error);
}

bool DemoWriter::insert(const Person &person, QString *error)
{
    m_people.bind(1, person.id);
    m_people.bind(2, person.externalId);
    m_people.bind(3, person.name);
    m_people.bind(4, person.email);
    m_people.bind(5, person.gender);
    m_people.bind(6, person.birthYear);
    m_people.bind(7, person.country);
    m_people.bind(8, person.city);
    m_people.bind(9, qint64(person.emailConsent ? 1 : 0));
    m_people.bind(10, person.createdAt);
    m_people.bind(11, person.attributes);
    return m_people.run(error);
}

bool DemoWriter::insert(const Event &event, QString *error)
{
    m_events.bind(1, event.userId);
    m_events.bind(2, event.time);
    m_events.bind(3, event.itemId);
    m_events.bind(4, qint64(event.type));
    m_events.bind(5, qint64(event.quantity));
    bindOptional(m_events, 6, event.value);
    return m_events.run(error);
}

} // namespace Vitrine
