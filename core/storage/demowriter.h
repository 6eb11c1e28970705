// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "statement.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Vitrine {

class Database;

/**
 * Writes the rows of a made-up catalog (the demo shop, the travel demo) into the items, users and
 * events tables, with statements prepared once. Text is UTF-8; a null QByteArray is stored as
 * NULL. The caller holds the transaction.
 */
class DemoWriter
{
public:
    /** What an event that is already there (same person, time, item and type) does. */
    enum class DuplicateEvents
    {
        Fail, ///< the insert fails
        Skip, ///< the new one is left out
    };

    struct Item
    {
        qint64 id = 0;
        QByteArray sku, title, kind, category, brand;
        std::optional<double> price, salePrice;
        std::optional<qint64> stock;
        qint64 createdAt = 0;
        QByteArray image, url, attributes;
    };

    struct Person
    {
        qint64 id = 0;
        QByteArray externalId, name, email, gender;
        qint64 birthYear = 0;
        QByteArray country, city;
        bool emailConsent = false;
        qint64 createdAt = 0;
        QByteArray attributes;
    };

    struct Event
    {
        qint64 userId = 0, time = 0, itemId = 0;
        int type = 0;
        int quantity = 1;
        std::optional<double> value;
    };

    explicit DemoWriter(Database &db)
        : m_db(db)
    { }

    /** How many of the items, users and events tables hold a row (0 to 3); 0 and !ok on failure. */
    static qint64 filledTables(const Database &db, bool *ok = nullptr);

    /** Prepares the inserts; call once before the first insert. */
    bool prepare(DuplicateEvents duplicates, QString *error);
    bool insert(const Item &item, QString *error);
    bool insert(const Person &person, QString *error);
    bool insert(const Event &event, QString *error);

private:
    Database &m_db;
    Statement m_items;
    Statement m_people;
    Statement m_events;
};

} // namespace Vitrine
