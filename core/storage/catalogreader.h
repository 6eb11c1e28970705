// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "statement.h"

#include <QString>

#include <functional>
#include <optional>

namespace Vitrine {

class Database;

/**
 * Reads the items, people and events tables whole, one pass each in id (or user and time) order,
 * for the snapshot. Each row is handed to a callback as a view over the prepared statement, so
 * a column costs only what the callback reads of it.
 *
 * Callers that want the three tables from one moment hold a ReadTransaction around the reads.
 */
class CatalogReader
{
public:
    /** One row of the items table; valid only during the callback. */
    class Item
    {
    public:
        explicit Item(const Statement &stmt)
            : m_stmt(stmt)
        { }
        qint64 id() const { return m_stmt.int64(0); }
        QString sku() const { return m_stmt.text(1); }
        QString title() const { return m_stmt.text(2); }
        QString kind() const { return m_stmt.text(3); }
        QString category() const { return m_stmt.text(4); }
        QString brand() const { return m_stmt.text(5); }
        std::optional<double> price() const { return optionalReal(6); }
        std::optional<double> salePrice() const { return optionalReal(7); }
        std::optional<qint64> stock() const
        {
            return m_stmt.isNull(8) ? std::nullopt : std::optional<qint64>(m_stmt.int64(8));
        }
        /** Unix seconds; 0 when unknown. */
        qint64 createdAt() const { return m_stmt.isNull(9) ? 0 : m_stmt.int64(9); }
        QString image() const { return m_stmt.text(10); }
        QString url() const { return m_stmt.text(11); }
        /** The attributes' JSON text. */
        QByteArray attributes() const { return m_stmt.blob(12); }

    private:
        std::optional<double> optionalReal(int column) const
        {
            return m_stmt.isNull(column) ? std::nullopt : std::optional<double>(m_stmt.real(column));
        }
        const Statement &m_stmt;
    };

    /** One row of the users table; valid only during the callback. */
    class Person
    {
    public:
        explicit Person(const Statement &stmt)
            : m_stmt(stmt)
        { }
        qint64 id() const { return m_stmt.int64(0); }
        QString externalId() const { return m_stmt.text(1); }
        QString gender() const { return m_stmt.text(2); }
        /** 0 when unknown. */
        int birthYear() const { return m_stmt.isNull(3) ? 0 : int(m_stmt.int64(3)); }
        QString country() const { return m_stmt.text(4); }
        QString city() const { return m_stmt.text(5); }
        bool emailConsent() const { return m_stmt.int64(6) != 0; }
        /** The attributes' JSON text. */
        QByteArray attributes() const { return m_stmt.blob(7); }

    private:
        const Statement &m_stmt;
    };

    /** One row of the events table; valid only during the callback. */
    class Event
    {
    public:
        explicit Event(const Statement &stmt)
            : m_stmt(stmt)
        { }
        qint64 userId() const { return m_stmt.int64(0); }
        qint64 time() const { return m_stmt.int64(1); }
        qint64 itemId() const { return m_stmt.int64(2); }
        qint64 type() const { return m_stmt.int64(3); }
        qint64 quantity() const { return m_stmt.int64(4); }
        bool hasValue() const { return !m_stmt.isNull(5); }
        double value() const { return m_stmt.real(5); }

    private:
        const Statement &m_stmt;
    };

    explicit CatalogReader(const Database &db)
        : m_db(db)
    { }

    /** Every item in id order; false and why when the table cannot be read. */
    bool forEachItem(const std::function<void(const Item &)> &visit, QString *error) const;
    /** Every person in id order; false and why when the table cannot be read. */
    bool forEachPerson(const std::function<void(const Person &)> &visit, QString *error) const;
    /**
     * Every event up to @p lastTime (Unix seconds, inclusive) by person, time, item and type, the
     * order the table is clustered in. @p visit returns false to stop: then this returns false
     * without a message; on a read error, false and why.
     */
    bool forEachEvent(qint64 lastTime, const std::function<bool(const Event &)> &visit, QString *error) const;

    /** How many events the table holds (0 when it cannot be read). */
    qint64 eventCount() const;
    /** The time of the earliest event, 0 when there is none. */
    qint64 firstEventTime() const;
    /** The time of the latest event not after @p notAfter, 0 when there is none. */
    qint64 latestEventTime(qint64 notAfter, bool *ok = nullptr) const;

private:
    const Database &m_db;
};

} // namespace Vitrine
