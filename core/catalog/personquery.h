// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "eventtype.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace Vitrine {

class Database;

/** The order of a people list: by one column, then by id (so it is total). */
struct PersonOrder
{
    enum class Key { Id, ExternalId, Name, Email, Gender, Age, Country, City, EmailConsent };

    Key key = Key::Id;
    bool descending = false;

    bool operator==(const PersonOrder &other) const = default;
};

/** Which people a list shows (every condition given must hold), and in which order. */
struct PersonFilter
{
    /** External id, name or e-mail contains this (case-insensitive for ASCII); empty: anyone. */
    QString text;
    /** The country exactly; empty: any. */
    QString country;
    /** "f", "m", "x", or "" for people whose gender is unknown; none: any. */
    std::optional<QString> gender;
    /**
     * Age band, as PersonFeatures counts age: referenceYear minus the birth year. Negative
     * bounds are open; unknownAge keeps only people without a birth year (the bounds are ignored).
     */
    int minAge = -1;
    int maxAge = -1;
    bool unknownAge = false;
    /** The calendar year ages are taken at (the year of the engine's as-of). */
    int referenceYear = 0;
    /** Only these people (users.id, sorted ascending): a segment's members; null: anyone. */
    std::shared_ptr<const std::vector<qint64>> ids;
    /** Not a condition: the order rows() lists them in (unknown values last for age). */
    PersonOrder order;

    bool hasAgeBand() const { return unknownAge || minAge >= 0 || maxAge >= 0; }
    bool operator==(const PersonFilter &other) const;
};

/** One row of the people table. */
struct PersonRow
{
    qint64 id = 0;
    QString externalId;
    QString name;
    QString email;
    QString gender; ///< "f", "m", "x" or ""
    int birthYear = 0; ///< 0 when unknown
    QString country;
    QString city;
    bool emailConsent = false;
};

/** Everything stored about one person. */
struct PersonProfile : PersonRow
{
    std::optional<qint64> createdAt; ///< Unix seconds
    QJsonObject attributes;
};

/** One event of a person, with the item it was on. */
struct PersonEvent
{
    qint64 time = 0; ///< Unix seconds
    EventType type = EventType::View;
    qint64 itemId = 0;
    QString sku;
    QString title;
    int quantity = 1;
    std::optional<double> value;
};

/**
 * Reads people and their events for the studio's People workspace: a filtered count, a block of
 * rows at an offset, one person's profile and events, the catalog's countries.
 *
 * Blocks are in the filter's order (id order by default). A block that follows one already read is
 * asked for with the row it ends at (`after`), which reads only its own rows however far down the
 * list it is; a jump (the end of a million rows) reads by offset. Meant for a worker thread's own connection
 * (CatalogSession::openReader()); every method reports failure as a value.
 */
class PersonQuery
{
public:
    explicit PersonQuery(const Database &db);
    ~PersonQuery();
    PersonQuery(const PersonQuery &) = delete;
    PersonQuery &operator=(const PersonQuery &) = delete;

    /** How many people match; none and why on failure. */
    std::optional<qint64> count(const PersonFilter &filter, QString *error) const;
    /**
     * At most `limit` matching people from `offset` on, in the filter's order; with `after`, the
     * ones after that row (the offset is then only what the caller says the block starts at).
     */
    std::optional<QList<PersonRow>> rows(const PersonFilter &filter, qint64 offset, int limit,
        const std::optional<PersonRow> &after, QString *error) const;

    /**
     * The row of the person with this external id in rows(filter, …) (their place in id order
     * among the matching people), or -1 when there is no such person or the filter leaves them out.
     */
    std::optional<qint64> position(const PersonFilter &filter, const QString &externalId, QString *error) const;

    /** A person by external id; none with an empty error when there is no such person. */
    std::optional<PersonProfile> profile(const QString &externalId, QString *error) const;
    /** A person's events, oldest first, at most `limit` (the latest ones when there are more). */
    std::optional<QList<PersonEvent>> events(qint64 userId, int limit, QString *error) const;
    /** How many events a person has. */
    std::optional<qint64> eventCount(qint64 userId, QString *error) const;

    /** The countries people live in, sorted, without the empty one. */
    std::optional<QStringList> countries(QString *error) const;

private:
    /** The WHERE clause of `filter`; parameters from ?1 on, see bindFilter(). */
    QString whereClause(const PersonFilter &filter) const;
    bool installIdFilter(const PersonFilter &filter, QString *error) const;

    const Database &m_db;
};

} // namespace Vitrine
