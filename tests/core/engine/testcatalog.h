// SPDX-License-Identifier: GPL-3.0-or-later
// A tiny hand-built catalog for engine tests: write items, people and events in a few lines,
// then load a Snapshot of it. Header-only so each suite links vitrine-core alone.
#pragma once

#include "engine/snapshot.h"
#include "storage/database.h"
#include "storage/statement.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace Vitrine::Test {

/** 2026-01-01T00:00:00Z, the day hand-built test catalogs start on. */
constexpr qint64 Day0 = 1767225600;
constexpr qint64 Day = 86400;

class TestCatalog
{
public:
    TestCatalog()
    {
        QString error;
        if (!m_db.open(m_dir.filePath(QStringLiteral("test.vitrine")), Database::OpenMode::Create, &error))
            qFatal("cannot create test catalog: %s", qPrintable(error));
    }

    Database &db() { return m_db; }
    QString path() const { return m_db.path(); }

    struct ItemSpec
    {
        QString sku{};
        QString title{};
        QString category{};         ///< "A > B > C"
        QString brand{};
        double price = 10.0;      ///< < 0 for none
        double salePrice = -1.0;  ///< < 0 for none
        int stock = 10;           ///< < 0 for unknown
        qint64 createdAt = Day0;
        QJsonObject attributes{};
        bool content = false;
    };

    /** Adds an item; returns its catalog id. */
    qint64 item(const ItemSpec &spec)
    {
        Statement stmt = m_db.prepare(QStringLiteral(
            "INSERT INTO items (sku, title, kind, category, brand, price, sale_price, stock, created_at, attributes)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        stmt.bind(1, spec.sku);
        stmt.bind(2, spec.title.isEmpty() ? spec.sku : spec.title);
        stmt.bind(3, spec.content ? QStringLiteral("content") : QStringLiteral("product"));
        stmt.bind(4, spec.category.isNull() ? QStringLiteral("") : spec.category);
        stmt.bind(5, spec.brand.isNull() ? QStringLiteral("") : spec.brand);
        if (spec.price >= 0)
            stmt.bind(6, spec.price);
        else
            stmt.bindNull(6);
        if (spec.salePrice >= 0)
            stmt.bind(7, spec.salePrice);
        else
            stmt.bindNull(7);
        if (spec.stock >= 0)
            stmt.bind(8, qint64(spec.stock));
        else
            stmt.bindNull(8);
        stmt.bind(9, spec.createdAt);
        stmt.bind(10, QJsonDocument(spec.attributes).toJson(QJsonDocument::Compact));
        if (!stmt.run())
            qFatal("cannot add item %s: %s", qPrintable(spec.sku), qPrintable(m_db.lastError()));
        return m_db.lastInsertRowId();
    }

    /** Adds a plain item with just a sku (title = sku). */
    qint64 item(const QString &sku) { return item(ItemSpec{sku, {}, {}, {}}); }

    struct UserSpec
    {
        QString externalId{};
        QString gender{};     ///< "f", "m", "x" or ""
        int birthYear = 0;    ///< 0 for unknown
        QString country{};
        QString city{};
        bool consent = true;
        QJsonObject attributes{};
    };

    qint64 user(const UserSpec &spec)
    {
        Statement stmt = m_db.prepare(QStringLiteral(
            "INSERT INTO users (external_id, name, email, gender, birth_year, country, city, email_consent, attributes)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        stmt.bind(1, spec.externalId);
        stmt.bind(2, spec.externalId);
        stmt.bind(3, spec.externalId.toLower() + QStringLiteral("@example.com"));
        stmt.bind(4, spec.gender.isNull() ? QStringLiteral("") : spec.gender);
        if (spec.birthYear > 0)
            stmt.bind(5, qint64(spec.birthYear));
        else
            stmt.bindNull(5);
        stmt.bind(6, spec.country.isNull() ? QStringLiteral("") : spec.country);
        stmt.bind(7, spec.city.isNull() ? QStringLiteral("") : spec.city);
        stmt.bind(8, qint64(spec.consent ? 1 : 0));
        stmt.bind(9, QJsonDocument(spec.attributes).toJson(QJsonDocument::Compact));
        if (!stmt.run())
            qFatal("cannot add user %s: %s", qPrintable(spec.externalId), qPrintable(m_db.lastError()));
        return m_db.lastInsertRowId();
    }

    qint64 user(const QString &externalId) { return user(UserSpec{externalId}); }

    /** Adds an event by external id and sku; type 0 view, 1 click, 2 cart, 3 purchase, 4 read, 5 rating. */
    void event(const QString &user, const QString &sku, int type, qint64 ts, int quantity = 1, double value = -1)
    {
        Statement stmt = m_db.prepare(QStringLiteral(
            "INSERT INTO events (user_id, ts, item_id, type, quantity, value) VALUES ("
            "(SELECT id FROM users WHERE external_id = ?1), ?2, (SELECT id FROM items WHERE sku = ?3), ?4, ?5, ?6)"));
        stmt.bind(1, user);
        stmt.bind(2, ts);
        stmt.bind(3, sku);
        stmt.bind(4, qint64(type));
        stmt.bind(5, qint64(quantity));
        if (value >= 0)
            stmt.bind(6, value);
        else
            stmt.bindNull(6);
        if (!stmt.run())
            qFatal("cannot add event %s/%s: %s", qPrintable(user), qPrintable(sku), qPrintable(m_db.lastError()));
    }

    SnapshotPtr snapshot(const SnapshotOptions &options = {})
    {
        QString error;
        SnapshotPtr snapshot = Snapshot::load(m_db, options, &error);
        if (!snapshot)
            qFatal("cannot load snapshot: %s", qPrintable(error));
        return snapshot;
    }

private:
    QTemporaryDir m_dir;
    Database m_db;
};

} // namespace Vitrine::Test
