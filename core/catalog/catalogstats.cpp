// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogstats.h"

#include "storage/database.h"
#include "storage/schema.h"
#include "storage/statement.h"
#include "storage/timestamp.h"

#include <QJsonArray>

namespace Vitrine {

std::optional<CatalogStats> CatalogStats::compute(Database &db, QString *error)
{
    if (!db.exec(QStringLiteral("BEGIN"), error))
        return std::nullopt;

    CatalogStats stats;
    bool ok = true;
    // Each failure keeps its own message: by the end, later statements have cleared SQLite's.
    QString message;
    const auto failed = [&message](const Statement &stmt, const Database &database) {
        if (message.isEmpty())
            message = stmt.isValid() ? stmt.errorMessage() : database.lastError();
        return false;
    };
    Statement items = db.prepare(QStringLiteral(
        "SELECT count(*), sum(kind = 'product'), sum(kind = 'content'),"
        " sum(sale_price IS NOT NULL AND price IS NOT NULL AND sale_price < price),"
        " sum(kind = 'product' AND stock IS NOT NULL AND stock <= 0),"
        " count(DISTINCT NULLIF(category, '')), count(DISTINCT NULLIF(brand, '')) FROM items"));
    if (items.isValid() && items.step() == Statement::Step::Row) {
        stats.items = items.int64(0);
        stats.products = items.int64(1);
        stats.contentItems = items.int64(2);
        stats.onSale = items.int64(3);
        stats.outOfStock = items.int64(4);
        stats.categories = items.int64(5);
        stats.brands = items.int64(6);
    } else {
        ok = failed(items, db);
    }

    Statement users = db.prepare(QStringLiteral("SELECT count(*), sum(email_consent) FROM users"));
    if (ok && users.isValid() && users.step() == Statement::Step::Row) {
        stats.users = users.int64(0);
        stats.usersWithConsent = users.int64(1);
    } else if (ok) {
        ok = failed(users, db);
    }

    Statement events = db.prepare(QStringLiteral("SELECT type, count(*), min(ts), max(ts) FROM events GROUP BY type"));
    if (ok && events.isValid()) {
        Statement::Step step;
        while ((step = events.step()) == Statement::Step::Row) {
            const qint64 type = events.int64(0);
            const qint64 count = events.int64(1);
            if (type >= 0 && type < EventTypeCount)
                stats.eventsByType[size_t(type)] = count;
            stats.events += count;
            const qint64 first = events.int64(2);
            const qint64 last = events.int64(3);
            if (!stats.firstEvent || first < *stats.firstEvent)
                stats.firstEvent = first;
            if (!stats.lastEvent || last > *stats.lastEvent)
                stats.lastEvent = last;
        }
        ok = step == Statement::Step::Done || failed(events, db);
    } else if (ok) {
        ok = failed(events, db);
    }

    for (const QString &table : Schema::configTables()) {
        if (!ok)
            break;
        bool queryOk = false;
        const qint64 count = db.queryInt(QStringLiteral("SELECT count(*) FROM %1").arg(table), &queryOk);
        if (!queryOk && message.isEmpty())
            message = db.lastError();
        ok = queryOk;
        stats.configCounts.insert(table, count);
    }
    stats.schemaVersion = db.schemaVersion();

    if (!ok && error)
        *error = message;
    db.exec(QStringLiteral("COMMIT"));
    if (!ok)
        return std::nullopt;
    return stats;
}

QJsonObject CatalogStats::toJson() const
{
    QJsonObject byType;
    for (int i = 0; i < EventTypeCount; ++i)
        byType.insert(eventTypeName(EventType(i)), eventsByType[size_t(i)]);

    QJsonObject json{
        {QStringLiteral("items"), items},
        {QStringLiteral("products"), products},
        {QStringLiteral("content_items"), contentItems},
        {QStringLiteral("on_sale"), onSale},
        {QStringLiteral("out_of_stock"), outOfStock},
        {QStringLiteral("categories"), categories},
        {QStringLiteral("brands"), brands},
        {QStringLiteral("users"), users},
        {QStringLiteral("users_with_email_consent"), usersWithConsent},
        {QStringLiteral("events"), events},
        {QStringLiteral("events_by_type"), byType},
        {QStringLiteral("first_event"), firstEvent ? QJsonValue(Timestamp::toIso(*firstEvent)) : QJsonValue()},
        {QStringLiteral("last_event"), lastEvent ? QJsonValue(Timestamp::toIso(*lastEvent)) : QJsonValue()},
        {QStringLiteral("schema_version"), schemaVersion},
        {QStringLiteral("configuration"), configCounts},
    };
    return json;
}

} // namespace Vitrine
