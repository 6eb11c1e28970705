// SPDX-License-Identifier: GPL-3.0-or-later
#include "personquery.h"

#include "storage/database.h"
#include "storage/statement.h"

#include <QJsonDocument>

#include <sqlite3.h>

#include <algorithm>

namespace Vitrine {

namespace {

// Parameter numbers of the filter, fixed so that a clause and its bindings cannot drift apart.
constexpr int TextParameter = 1;
constexpr int CountryParameter = 2;
constexpr int GenderParameter = 3;
constexpr int MinYearParameter = 4;
constexpr int MaxYearParameter = 5;
constexpr int LimitParameter = 6;
constexpr int OffsetParameter = 7;
constexpr int AfterParameter = 8;
constexpr int AfterKeyParameter = 9;

const char PersonColumns[] = "id, external_id, name, email, gender, birth_year, country, city, email_consent";

/** What the user typed is text, not a pattern: "a_b" finds "a_b", not "axb". */
QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

/** vitrine_person_in(id): whether id is in the sorted list the function was registered with. */
void personInFunction(sqlite3_context *context, int, sqlite3_value **arguments)
{
    const auto *ids = static_cast<const std::vector<qint64> *>(sqlite3_user_data(context));
    const qint64 id = sqlite3_value_int64(arguments[0]);
    sqlite3_result_int(context, ids && std::binary_search(ids->begin(), ids->end(), id) ? 1 : 0);
}

void bindFilter(Statement &statement, const PersonFilter &filter)
{
    if (!filter.text.trimmed().isEmpty())
        statement.bind(TextParameter, likePattern(filter.text.trimmed()));
    if (!filter.country.isEmpty())
        statement.bind(CountryParameter, filter.country);
    if (filter.gender)
        statement.bind(GenderParameter, *filter.gender);
    if (!filter.unknownAge) {
        if (filter.maxAge >= 0)
            statement.bind(MinYearParameter, qint64(filter.referenceYear - filter.maxAge));
        if (filter.minAge >= 0)
            statement.bind(MaxYearParameter, qint64(filter.referenceYear - filter.minAge));
    }
}

PersonRow readRow(const Statement &statement)
{
    PersonRow row;
    row.id = statement.int64(0);
    row.externalId = statement.text(1);
    row.name = statement.text(2);
    row.email = statement.text(3);
    row.gender = statement.text(4);
    row.birthYear = statement.isNull(5) ? 0 : int(statement.int64(5));
    row.country = statement.text(6);
    row.city = statement.text(7);
    row.emailConsent = statement.int64(8) != 0;
    return row;
}

/** The SQL value a list is ordered by, after which it goes by id. */
QString orderExpression(PersonOrder::Key key)
{
    switch (key) {
    case PersonOrder::Key::Id:
        return QStringLiteral("id");
    case PersonOrder::Key::ExternalId:
        return QStringLiteral("external_id");
    case PersonOrder::Key::Name:
        return QStringLiteral("coalesce(name, '')");
    case PersonOrder::Key::Email:
        return QStringLiteral("coalesce(email, '')");
    case PersonOrder::Key::Gender:
        return QStringLiteral("coalesce(gender, '')");
    case PersonOrder::Key::Age:
        // Youngest first: the later birth year; people without one after everyone.
        return QStringLiteral("(CASE WHEN birth_year > 0 THEN -birth_year ELSE 0 END)");
    case PersonOrder::Key::Country:
        return QStringLiteral("coalesce(country, '')");
    case PersonOrder::Key::City:
        return QStringLiteral("coalesce(city, '')");
    case PersonOrder::Key::EmailConsent:
        return QStringLiteral("coalesce(email_consent, 0)");
    }
    return QStringLiteral("id");
}

/** orderExpression() of a row already read, to read on after it. */
void bindOrderValue(Statement &statement, int index, PersonOrder::Key key, const PersonRow &row)
{
    switch (key) {
    case PersonOrder::Key::Id:
        statement.bind(index, row.id);
        return;
    case PersonOrder::Key::ExternalId:
        statement.bind(index, row.externalId);
        return;
    case PersonOrder::Key::Name:
        statement.bind(index, row.name);
        return;
    case PersonOrder::Key::Email:
        statement.bind(index, row.email);
        return;
    case PersonOrder::Key::Gender:
        statement.bind(index, row.gender);
        return;
    case PersonOrder::Key::Age:
        statement.bind(index, qint64(row.birthYear > 0 ? -row.birthYear : 0));
        return;
    case PersonOrder::Key::Country:
        statement.bind(index, row.country);
        return;
    case PersonOrder::Key::City:
        statement.bind(index, row.city);
        return;
    case PersonOrder::Key::EmailConsent:
        statement.bind(index, qint64(row.emailConsent ? 1 : 0));
        return;
    }
}

/** The rows before (or at) the row whose key and id are ?9 and ?8, in `order`. */
QString beforeCondition(const PersonOrder &order, bool inclusive)
{
    const QString comparison = QLatin1String(order.descending ? ">" : "<") + QLatin1String(inclusive ? "=" : "");
    if (order.key == PersonOrder::Key::Id)
        return QStringLiteral("id %1 ?8").arg(comparison);
    return QStringLiteral("(%1, id) %2 (?9, ?8)").arg(orderExpression(order.key), comparison);
}

/** The rows after the row whose key and id are ?9 and ?8, in `order`. */
QString afterCondition(const PersonOrder &order)
{
    const QString comparison = QLatin1String(order.descending ? "<" : ">");
    if (order.key == PersonOrder::Key::Id)
        return QStringLiteral("id %1 ?8").arg(comparison);
    return QStringLiteral("(%1, id) %2 (?9, ?8)").arg(orderExpression(order.key), comparison);
}

QString orderBy(const PersonOrder &order)
{
    const QLatin1String direction(order.descending ? " DESC" : "");
    if (order.key == PersonOrder::Key::Id)
        return QStringLiteral(" ORDER BY id") + direction;
    return QStringLiteral(" ORDER BY ") + orderExpression(order.key) + direction + QStringLiteral(", id") + direction;
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

bool PersonFilter::operator==(const PersonFilter &other) const
{
    return text == other.text && country == other.country && gender == other.gender && minAge == other.minAge
        && maxAge == other.maxAge && unknownAge == other.unknownAge && referenceYear == other.referenceYear
        && ids == other.ids && order == other.order;
}

PersonQuery::PersonQuery(const Database &db)
    : m_db(db)
{ }

PersonQuery::~PersonQuery() = default;

QString PersonQuery::whereClause(const PersonFilter &filter) const
{
    QStringList conditions;
    if (!filter.text.trimmed().isEmpty()) {
        conditions.append(QStringLiteral("(external_id LIKE ?1 ESCAPE '\\' OR name LIKE ?1 ESCAPE '\\'"
                                         " OR email LIKE ?1 ESCAPE '\\')"));
    }
    if (!filter.country.isEmpty())
        conditions.append(QStringLiteral("country = ?2"));
    if (filter.gender)
        conditions.append(QStringLiteral("gender = ?3"));
    if (filter.unknownAge) {
        conditions.append(QStringLiteral("(birth_year IS NULL OR birth_year <= 0)"));
    } else {
        if (filter.maxAge >= 0)
            conditions.append(QStringLiteral("birth_year >= ?4"));
        if (filter.minAge >= 0)
            conditions.append(QStringLiteral("birth_year <= ?5"));
        if (filter.minAge >= 0 || filter.maxAge >= 0)
            conditions.append(QStringLiteral("birth_year > 0"));
    }
    if (filter.ids)
        conditions.append(QStringLiteral("vitrine_person_in(id)"));
    if (conditions.isEmpty())
        return {};
    return QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

bool PersonQuery::installIdFilter(const PersonFilter &filter, QString *error) const
{
    if (!filter.ids)
        return true;
    // Registered per call: the list lives as long as the filter the caller holds during it.
    const int rc = sqlite3_create_function_v2(m_db.handle(), "vitrine_person_in", 1,
        SQLITE_UTF8 | SQLITE_DETERMINISTIC, const_cast<std::vector<qint64> *>(filter.ids.get()),
        personInFunction, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        setError(error, QString::fromUtf8(sqlite3_errmsg(m_db.handle())));
        return false;
    }
    return true;
}

std::optional<qint64> PersonQuery::count(const PersonFilter &filter, QString *error) const
{
    if (filter.ids && filter.ids->empty())
        return 0;
    if (!installIdFilter(filter, error))
        return std::nullopt;
    QString message;
    Statement statement
        = m_db.prepare(QStringLiteral("SELECT count(*) FROM users") + whereClause(filter), &message);
    if (!statement.isValid()) {
        setError(error, message);
        return std::nullopt;
    }
    bindFilter(statement, filter);
    if (statement.step() != Statement::Step::Row) {
        setError(error, statement.errorMessage());
        return std::nullopt;
    }
    return statement.int64(0);
}

std::optional<qint64> PersonQuery::position(
    const PersonFilter &filter, const QString &externalId, QString *error) const
{
    QString message;
    Statement find = m_db.prepare(QStringLiteral("SELECT %1 FROM users WHERE external_id = ?1")
                                      .arg(QLatin1StringView(PersonColumns)),
        &message);
    if (!find.isValid()) {
        setError(error, message);
        return std::nullopt;
    }
    find.bind(1, externalId);
    const Statement::Step found = find.step();
    if (found == Statement::Step::Error) {
        setError(error, find.errorMessage());
        return std::nullopt;
    }
    if (found != Statement::Step::Row || (filter.ids && filter.ids->empty()))
        return -1;
    const PersonRow person = readRow(find);
    if (!installIdFilter(filter, error))
        return std::nullopt;

    // Whether the filter keeps the person, and how many it keeps up to them: one pass.
    QString where = whereClause(filter);
    where += (where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")) + beforeCondition(filter.order, true);
    Statement count = m_db.prepare(
        QStringLiteral("SELECT count(*), coalesce(sum(id = ?8), 0) FROM users") + where, &message);
    if (!count.isValid()) {
        setError(error, message);
        return std::nullopt;
    }
    bindFilter(count, filter);
    count.bind(AfterParameter, person.id);
    if (filter.order.key != PersonOrder::Key::Id)
        bindOrderValue(count, AfterKeyParameter, filter.order.key, person);
    if (count.step() != Statement::Step::Row) {
        setError(error, count.errorMessage());
        return std::nullopt;
    }
    return count.int64(1) != 0 ? count.int64(0) - 1 : -1;
}

std::optional<QList<PersonRow>> PersonQuery::rows(
    const PersonFilter &filter, qint64 offset, int limit, const std::optional<PersonRow> &after, QString *error) const
{
    if (filter.ids && filter.ids->empty())
        return QList<PersonRow>();
    if (!installIdFilter(filter, error))
        return std::nullopt;
    QString where = whereClause(filter);
    if (after)
        where += (where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")) + afterCondition(filter.order);
    const QString sql = QStringLiteral("SELECT %1 FROM users").arg(QLatin1StringView(PersonColumns)) + where
        + orderBy(filter.order) + QStringLiteral(" LIMIT ?6") + (after ? QString() : QStringLiteral(" OFFSET ?7"));
    QString message;
    Statement statement = m_db.prepare(sql, &message);
    if (!statement.isValid()) {
        setError(error, message);
        return std::nullopt;
    }
    bindFilter(statement, filter);
    statement.bind(LimitParameter, qint64(limit));
    if (after) {
        statement.bind(AfterParameter, after->id);
        if (filter.order.key != PersonOrder::Key::Id)
            bindOrderValue(statement, AfterKeyParameter, filter.order.key, *after);
    } else
        statement.bind(OffsetParameter, offset);

    QList<PersonRow> rows;
    rows.reserve(limit);
    Statement::Step step;
    while ((step = statement.step()) == Statement::Step::Row)
        rows.append(readRow(statement));
    if (step == Statement::Step::Error) {
        setError(error, statement.errorMessage());
        return std::nullopt;
    }
    return rows;
}

std::optional<PersonProfile> PersonQuery::profile(const QString &externalId, QString *error) const
{
    QString message;
    Statement statement
        = m_db.prepare(QStringLiteral("SELECT %1, created_at, attributes FROM users WHERE external_id = ?1")
                           .arg(QLatin1StringView(PersonColumns)),
            &message);
    if (!statement.isValid()) {
        setError(error, message);
        return std::nullopt;
    }
    statement.bind(1, externalId);
    const Statement::Step step = statement.step();
    if (step == Statement::Step::Done) {
        setError(error, QString());
        return std::nullopt;
    }
    if (step == Statement::Step::Error) {
        setError(error, statement.errorMessage());
        return std::nullopt;
    }
    PersonProfile profile;
    static_cast<PersonRow &>(profile) = readRow(statement);
    if (!statement.isNull(9))
        profile.createdAt = statement.int64(9);
    profile.attributes = QJsonDocument::fromJson(statement.text(10).toUtf8()).object();
    return profile;
}

std::optional<QList<PersonEvent>> PersonQuery::events(qint64 userId, int limit, QString *error) const
{
    QString message;
    // The latest `limit` events (the primary key reads them backwards), then oldest first.
    Statement statement
        = m_db.prepare(QStringLiteral("SELECT e.ts, e.type, e.item_id, i.sku, i.title, e.quantity, e.value"
                                      " FROM events e JOIN items i ON i.id = e.item_id WHERE e.user_id = ?1"
                                      " ORDER BY e.ts DESC, e.item_id DESC, e.type DESC LIMIT ?2"),
            &message);
    if (!statement.isValid()) {
        setError(error, message);
        return std::nullopt;
    }
    statement.bind(1, userId);
    statement.bind(2, qint64(limit));
    QList<PersonEvent> events;
    Statement::Step step;
    while ((step = statement.step()) == Statement::Step::Row) {
        PersonEvent event;
        event.time = statement.int64(0);
        const qint64 type = statement.int64(1);
        event.type = type >= 0 && type < EventTypeCount ? EventType(type) : EventType::View;
        event.itemId = statement.int64(2);
        event.sku = statement.text(3);
        event.title = statement.text(4);
        event.quantity = int(statement.int64(5));
        if (!statement.isNull(6))
            event.value = statement.real(6);
        events.append(std::move(event));
    }
    if (step == Statement::Step::Error) {
        setError(error, statement.errorMessage());
        return std::nullopt;
    }
    std::reverse(events.begin(), events.end());
    return events;
}

std::optional<qint64> PersonQuery::eventCount(qint64 userId, QString *error) const
{
    QString message;
    Statement statement
        = m_db.prepare(QStringLiteral("SELECT count(*) FROM events WHERE user_id = ?1"), &message);
    if (!statement.isValid()) {
        setError(error, message);
        return std::nullopt;
    }
    statement.bind(1, userId);
    if (statement.step() != Statement::Step::Row) {
        setError(error, statement.errorMessage());
        return std::nullopt;
    }
    return statement.int64(0);
}

std::optional<QStringList> PersonQuery::countries(QString *error) const
{
    QString message;
    Statement statement = m_db.prepare(
        QStringLiteral("SELECT DISTINCT country FROM users WHERE country <> '' ORDER BY country"), &message);
    if (!statement.isValid()) {
        setError(error, message);
        return std::nullopt;
    }
    QStringList countries;
    Statement::Step step;
    while ((step = statement.step()) == Statement::Step::Row)
        countries.append(statement.text(0));
    if (step == Statement::Step::Error) {
        setError(error, statement.errorMessage());
        return std::nullopt;
    }
    return countries;
}

} // namespace Vitrine
