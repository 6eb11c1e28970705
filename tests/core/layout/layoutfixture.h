// SPDX-License-Identifier: GPL-3.0-or-later
// A small hand-made catalog for the layout and campaign suites: every person, item and event is
// chosen so that a test can say exactly what a person must see.
#pragma once

#include "audience/segmentdefinition.h"
#include "audience/segmentlibrary.h"
#include "audience/segmentpriority.h"
#include "storage/configstore.h"
#include "storage/database.h"
#include "storage/statement.h"
#include "storage/timestamp.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace LayoutFixture {

using namespace Vitrine;

/** 2026-06-01T00:00:00Z: the fixture's "now"; every event is before it. */
inline qint64 now()
{
    return *Timestamp::parse(u"2026-06-01T00:00:00Z");
}

inline QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

inline bool exec(Database &db, const QString &sql, const QVariantList &values)
{
    QString error;
    Statement statement = db.prepare(sql, &error);
    for (int i = 0; i < values.size(); ++i)
        statement.bindVariant(i + 1, values.at(i));
    return statement.run(&error);
}

/**
 * Items: 4 jackets and 4 tents (Outdoor), 4 lamps (Home), 4 shirts (Fashion), 2 hiking and
 * 2 cooking articles (Journal, content with a topic). SKU-J1's title, URL and attributes are
 * hostile. People: U1 (Norway, reads hiking, big spender), U2 (Norway, no history), U3 (Sweden,
 * buys lamps), U4 (no consent), U5 (no e-mail), U6 (hostile name, Denmark), U7 (no name),
 * U8 (Åsa Öberg, non-ASCII, Sweden), each with the purchases below.
 */
inline bool build(Database &db, const QString &path)
{
    QString error;
    if (!db.open(path, Database::OpenMode::Create, &error))
        return false;
    const qint64 t = now();
    const QString itemSql
        = QStringLiteral("INSERT INTO items (id, sku, title, kind, category, brand, price, sale_price, stock,"
                         " created_at, image, url, attributes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    struct Item
    {
        const char *sku, *title, *kind, *category, *brand;
        double price, sale;
    };
    const Item items[] = {
        {"SKU-J1", "<script>alert(\"x\")</script> Storm Jacket", "product", "Outdoor > Jackets", "Fjell", 199,
            0},
        {"SKU-J2", "Rain Shell Jacket", "product", "Outdoor > Jackets", "Fjell", 149, 119},
        {"SKU-J3", "Down Jacket", "product", "Outdoor > Jackets", "Fjell", 249, 0},
        {"SKU-J4", "Fleece Jacket", "product", "Outdoor > Jackets", "Skog", 89, 0},
        {"SKU-T1", "Two-Person Tent", "product", "Outdoor > Tents", "Skog", 299, 0},
        {"SKU-T2", "Ultralight Tent", "product", "Outdoor > Tents", "Skog", 399, 0},
        {"SKU-T3", "Family Tent", "product", "Outdoor > Tents", "Skog", 499, 399},
        {"SKU-T4", "Tarp Shelter", "product", "Outdoor > Tents", "Skog", 79, 0},
        {"SKU-L1", "Oak Pendant Lamp", "product", "Home > Lamps", "Tuva", 129, 0},
        {"SKU-L2", "Brass Table Lamp", "product", "Home > Lamps", "Tuva", 99, 0},
        {"SKU-L3", "Paper Floor Lamp", "product", "Home > Lamps", "Tuva", 79, 59},
        {"SKU-L4", "Glass Wall Lamp", "product", "Home > Lamps", "Tuva", 149, 0},
        {"SKU-S1", "Linen Shirt", "product", "Fashion > Shirts", "Halv", 59, 0},
        {"SKU-S2", "Flannel Shirt", "product", "Fashion > Shirts", "Halv", 49, 0},
        {"SKU-S3", "Oxford Shirt", "product", "Fashion > Shirts", "Halv", 69, 0},
        {"SKU-S4", "Denim Shirt", "product", "Fashion > Shirts", "Halv", 79, 0},
        {"ART-H1", "Ten Day Hikes", "content", "Journal > Outdoor > Hiking", "", 0, 0},
        {"ART-H2", "Packing for the Trail", "content", "Journal > Outdoor > Hiking", "", 0, 0},
        {"ART-C1", "Slow-Cooked Stews", "content", "Journal > Home > Cooking", "", 0, 0},
        {"ART-C2", "Knife Skills", "content", "Journal > Home > Cooking", "", 0, 0},
    };
    int id = 0;
    for (const Item &item : items) {
        ++id;
        const bool content = qstrcmp(item.kind, "content") == 0;
        const bool hostile = id == 1;
        QJsonObject attributes;
        if (content)
            attributes.insert(QStringLiteral("topic"),
                QString::fromLatin1(item.category).section(QStringLiteral(" > "), -1));
        if (hostile)
            attributes.insert(QStringLiteral("color"), QStringLiteral("<b onmouseover=alert(1)>red</b>"));
        const QString sku = QLatin1String(item.sku);
        if (!exec(db, itemSql,
                {id, sku, QString::fromUtf8(item.title), QLatin1String(item.kind),
                    QLatin1String(item.category), QLatin1String(item.brand),
                    content ? QVariant() : QVariant(item.price),
                    item.sale > 0 ? QVariant(item.sale) : QVariant(), content ? QVariant() : QVariant(10),
                    t - 200 * 86400 + id * 86400, QStringLiteral("https://img.example.com/%1.jpg").arg(sku),
                    hostile ? QStringLiteral("javascript:alert(1)")
                            : QStringLiteral("https://shop.example.com/p/%1").arg(sku),
                    QString::fromUtf8(QJsonDocument(attributes).toJson(QJsonDocument::Compact))}))
            return false;
    }
    const QString userSql
        = QStringLiteral("INSERT INTO users (id, external_id, name, email, gender, birth_year, country, city,"
                         " email_consent, attributes) VALUES (?,?,?,?,?,?,?,?,?,?)");
    struct User
    {
        const char *id, *name, *email, *gender, *country, *city;
        int consent;
        const char *attributes;
    };
    const User users[] = {
        {"U1", "Astrid Berg", "astrid@example.com", "f", "Norway", "Bergen", 1, R"({"loyalty":"gold"})"},
        {"U2", "Lars Dahl", "lars@example.com", "m", "Norway", "Oslo", 1, "{}"},
        {"U3", "Maja Lind", "maja@example.com", "f", "Sweden", "Malmö", 1, "{}"},
        {"U4", "Noah Holm", "noah@example.com", "m", "Denmark", "Aarhus", 0, "{}"},
        {"U5", "Emil Nyberg", "", "m", "Sweden", "Umeå", 1, "{}"},
        {"U6", "<img src=x onerror=alert(1)>", "hostile@example.com", "x", "Denmark", "Odense", 1,
            R"({"nickname":"<script>alert(2)</script>"})"},
        {"U7", "", "anon@example.com", "", "Finland", "Turku", 1, "{}"},
        {"U8", "Åsa Öberg", "asa@example.com", "f", "Sweden", "Göteborg", 1, "{}"},
    };
    id = 0;
    for (const User &user : users) {
        ++id;
        if (!exec(db, userSql,
                {id, QLatin1String(user.id), QString::fromUtf8(user.name), QLatin1String(user.email),
                    QLatin1String(user.gender), 1985, QLatin1String(user.country),
                    QString::fromUtf8(user.city), user.consent, QString::fromUtf8(user.attributes)}))
            return false;
    }
    // (person id, item id, type, days before now)
    const int events[][4] = {
        // U1: reads hiking (and a little cooking), buys jackets and tents: a big spender
        {1, 17, 4, 3},
        {1, 18, 4, 2},
        {1, 17, 4, 1},
        {1, 19, 4, 20},
        {1, 3, 0, 5},
        {1, 3, 3, 5},
        {1, 5, 0, 6},
        {1, 5, 3, 6},
        {1, 6, 3, 4},
        {1, 7, 0, 2},
        // U3: lamps, recently
        {3, 9, 0, 2},
        {3, 9, 3, 2},
        {3, 10, 0, 1},
        {3, 11, 2, 1},
        {3, 13, 0, 40},
        // U4, U5, U6, U8: a purchase each, so bestsellers have something to rank
        {4, 2, 3, 10},
        {5, 2, 3, 11},
        {6, 13, 3, 12},
        {8, 14, 3, 13},
        {8, 2, 3, 13},
        {6, 2, 3, 9},
        {4, 13, 3, 8},
        {5, 9, 3, 7},
    };
    const QString eventSql = QStringLiteral(
        "INSERT INTO events (user_id, ts, item_id, type, quantity, value) VALUES (?,?,?,?,1,NULL)");
    for (const auto &e : events) {
        if (!exec(db, eventSql, {e[0], t - qint64(e[3]) * 86400 + e[0] * 60, e[1], e[2]}))
            return false;
    }

    ConfigStore store(db);
    const std::pair<const char *, const char *> slotDefinitions[] = {
        {"best",
            R"({"title": "Bestsellers", "strategies": [{"name": "bestsellers", "params": {"window_days": 365}}],
                     "filters": {"kind": "product", "exclude_bought": false},
                     "pins": [{"sku": "SKU-J1", "position": 1}], "min_items": 1, "max_items": 4})"},
        {"best-too",
            R"({"title": "More bestsellers", "strategies": [{"name": "bestsellers", "params": {"window_days": 365}}],
                         "filters": {"kind": "product", "exclude_bought": false},
                         "fallback": [{"name": "new", "params": {"max_age_days": 3650}}], "min_items": 4, "max_items": 4})"},
        {"nothing", R"({"title": "Nothing", "strategies": [{"name": "bestsellers"}],
                        "filters": {"price": {"min": 100000}}, "min_items": 1, "max_items": 4})"},
        {"new-or-best",
            R"({"title": "New for you", "strategies": [{"name": "new", "params": {"max_age_days": 1}}],
                            "filters": {"kind": "product", "exclude_bought": false},
                            "fallback": ["bestsellers"], "min_items": 3, "max_items": 3})"},
    };
    for (const auto &[key, definition] : slotDefinitions) {
        if (!store.save(QStringLiteral("slots"), QLatin1String(key), json(definition), &error))
            return false;
    }
    const std::pair<const char *, const char *> segments[] = {
        {"big-spenders",
            R"({"title": "Big spenders", "rule": {"value": {"measure": "purchases", "min": 3}}})"},
        {"norwegians",
            R"({"title": "Norwegians", "rule": {"profile": {"field": "country", "equals": "Norway"}}})"},
        {"lamp-lovers",
            R"({"title": "Lamp lovers", "rule": {"behaviour": {"event": "purchase", "category": "Home > Lamps"}}})"},
    };
    for (const auto &[name, definition] : segments) {
        auto segment = SegmentDefinition::fromJson(QLatin1String(name), json(definition), &error);
        if (!segment || !SegmentLibrary::save(db, *segment, &error))
            return false;
    }
    return SegmentPriority::save(db,
        {QStringLiteral("big-spenders"), QStringLiteral("norwegians"), QStringLiteral("lamp-lovers")},
        SegmentLibrary::load(db, &error), &error);
}

} // namespace LayoutFixture
