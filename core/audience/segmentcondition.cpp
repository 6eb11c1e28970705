// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentcondition.h"

#include "catalog/eventtype.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>

#include <climits>
#include <cmath>
#include <functional>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SegmentCondition)
};

const char *const kFieldNames[]
    = {"gender", "age", "birth_year", "country", "city", "email_consent", "attributes"};
const char *const kDimensionNames[] = {"category", "brand", "topic"};

QString quoted(const QStringList &names)
{
    return names.join(QStringLiteral(", "));
}

/** Reads one JSON object of a rule, remembering the first problem with its path. */
class Reader
{
public:
    Reader(const QJsonObject &object, const QString &path, QString *error)
        : m_object(object)
        , m_path(path)
        , m_error(error)
    { }

    const QString &path() const { return m_path; }
    QString at(const QString &key) const { return m_path + QLatin1Char('.') + key; }
    bool failed() const { return m_failed; }
    bool has(const char *key) const { return m_object.contains(QLatin1String(key)); }
    QJsonValue value(const char *key) const { return m_object.value(QLatin1String(key)); }

    bool fail(const QString &where, const QString &message)
    {
        if (!m_failed && m_error)
            *m_error = where + QStringLiteral(": ") + message;
        m_failed = true;
        return false;
    }
    bool failAt(const char *key, const QString &message) { return fail(at(QLatin1String(key)), message); }

    bool checkKeys(std::initializer_list<const char *> allowed)
    {
        QStringList names;
        for (const char *name : allowed)
            names.append(QLatin1String(name));
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!names.contains(it.key()))
                return fail(at(it.key()), Tr::tr("unknown field (expected %1)").arg(quoted(names)));
        }
        return true;
    }

    std::optional<int> whole(const char *key, int min, int max)
    {
        const QJsonValue v = value(key);
        const double d = v.toDouble();
        if (!v.isDouble() || d != std::floor(d) || d < min || d > max) {
            failAt(key,
                max == INT_MAX ? Tr::tr("must be a whole number of at least %1").arg(min)
                               : Tr::tr("must be a whole number from %1 to %2").arg(min).arg(max));
            return std::nullopt;
        }
        return int(d);
    }

    std::optional<double> number(const char *key)
    {
        const QJsonValue v = value(key);
        if (!v.isDouble()) {
            failAt(key, Tr::tr("must be a number"));
            return std::nullopt;
        }
        return v.toDouble();
    }

    QString text(const char *key)
    {
        const QJsonValue v = value(key);
        if (!v.isString() || v.toString().trimmed().isEmpty()) {
            failAt(key, Tr::tr("must be a non-empty string"));
            return {};
        }
        return v.toString();
    }

private:
    QJsonObject m_object;
    QString m_path;
    QString *m_error;
    bool m_failed = false;
};

std::optional<SegmentCondition::Field> fieldFromName(const QString &name, QString *attribute)
{
    for (int i = 0; i < 6; ++i) {
        if (name == QLatin1String(kFieldNames[i]))
            return SegmentCondition::Field(i);
    }
    if (name.startsWith(QLatin1String("attributes.")) && name.size() > 11) {
        *attribute = name.mid(11);
        return SegmentCondition::Field::Attribute;
    }
    return std::nullopt;
}

/** Checks one operand of a profile condition; `where` names it for the message. */
bool checkOperand(Reader &reader, SegmentCondition::Field field, const QJsonValue &v, const QString &where)
{
    using Field = SegmentCondition::Field;
    switch (field) {
    case Field::Gender:
        if (!v.isString()
            || !QStringList {QStringLiteral("f"), QStringLiteral("m"), QStringLiteral("x")}.contains(
                v.toString()))
            return reader.fail(where, Tr::tr("must be \"f\", \"m\" or \"x\""));
        return true;
    case Field::Age:
    case Field::BirthYear:
        if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()) || v.toDouble() < 0)
            return reader.fail(where, Tr::tr("must be a whole number"));
        return true;
    case Field::Country:
    case Field::City:
        if (!v.isString() || v.toString().isEmpty())
            return reader.fail(where, Tr::tr("must be a non-empty string"));
        return true;
    case Field::EmailConsent:
        if (!v.isBool())
            return reader.fail(where, Tr::tr("must be true or false"));
        return true;
    case Field::Attribute:
        if (!v.isString() && !v.isDouble() && !v.isBool())
            return reader.fail(where, Tr::tr("must be a string, a number or true/false"));
        return true;
    }
    return true;
}

bool readProfile(Reader &reader, SegmentCondition &c)
{
    using Field = SegmentCondition::Field;
    using Op = SegmentCondition::Operator;
    if (!reader.checkKeys({"field", "equals", "in", "min", "max", "exists"}))
        return false;
    if (!reader.has("field"))
        return reader.failAt("field",
            Tr::tr("missing (gender, age, birth_year, country, city, email_consent or attributes.NAME)"));
    const QString name = reader.value("field").toString();
    const auto field = fieldFromName(name, &c.attribute);
    if (!field)
        return reader.failAt("field",
            Tr::tr("unknown profile field '%1' (expected gender, age, birth_year, country, city,"
                   " email_consent or attributes.NAME)")
                .arg(name));
    c.field = *field;
    const int ops = int(reader.has("equals")) + int(reader.has("in")) + int(reader.has("exists"))
        + int(reader.has("min") || reader.has("max"));
    if (ops == 0)
        return reader.fail(reader.path(), Tr::tr("needs one of equals, in, min/max or exists"));
    if (ops > 1)
        return reader.fail(reader.path(), Tr::tr("use only one of equals, in, min/max or exists"));
    const bool numeric = c.field == Field::Age || c.field == Field::BirthYear || c.field == Field::Attribute;
    if (reader.has("equals")) {
        c.op = Op::Equals;
        if (!checkOperand(reader, c.field, reader.value("equals"), reader.at(QStringLiteral("equals"))))
            return false;
        c.values = {reader.value("equals")};
    } else if (reader.has("in")) {
        c.op = Op::In;
        if (c.field == Field::EmailConsent)
            return reader.failAt("in", Tr::tr("email_consent takes equals true or false"));
        const QJsonValue list = reader.value("in");
        if (!list.isArray() || list.toArray().isEmpty())
            return reader.failAt("in", Tr::tr("must be a non-empty list"));
        c.values = list.toArray();
        for (qsizetype i = 0; i < c.values.size(); ++i) {
            if (!checkOperand(reader, c.field, c.values.at(i), reader.at(QStringLiteral("in[%1]").arg(i))))
                return false;
        }
    } else if (reader.has("exists")) {
        c.op = Op::Exists;
        if (c.field == Field::EmailConsent)
            return reader.failAt("exists", Tr::tr("email_consent is always known; use equals true or false"));
        if (!reader.value("exists").isBool())
            return reader.failAt("exists", Tr::tr("must be true or false"));
        c.exists = reader.value("exists").toBool();
    } else {
        c.op = Op::Range;
        const char *key = reader.has("min") ? "min" : "max";
        if (!numeric)
            return reader.failAt(key, Tr::tr("%1 has no range; use equals or in").arg(name));
        if (reader.has("min") && !(c.min = reader.number("min")))
            return false;
        if (reader.has("max") && !(c.max = reader.number("max")))
            return false;
        if (c.min && c.max && *c.min > *c.max)
            return reader.failAt("min", Tr::tr("must not be above max (%1)").arg(*c.max));
    }
    return true;
}

bool readBehaviour(Reader &reader, SegmentCondition &c)
{
    if (!reader.checkKeys(
            {"event", "at_least", "at_most", "within_days", "item", "category", "brand", "topic"}))
        return false;
    if (!reader.has("event"))
        return reader.failAt(
            "event", Tr::tr("missing (an event type such as \"purchase\", a list of them, or \"any\")"));
    const QJsonValue event = reader.value("event");
    QJsonArray names = event.isArray() ? event.toArray() : QJsonArray {event};
    if (names.isEmpty())
        return reader.failAt("event", Tr::tr("must name at least one event type"));
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString where
            = reader.at(event.isArray() ? QStringLiteral("event[%1]").arg(i) : QStringLiteral("event"));
        const QString name = names.at(i).toString();
        if (name == QLatin1String("any")) {
            c.eventMask = quint8((1u << EventTypeCount) - 1);
            continue;
        }
        const auto type = eventTypeFromName(QStringView(name));
        if (!names.at(i).isString() || !type)
            return reader.fail(where,
                Tr::tr("unknown event type '%1' (expected %2 or any)")
                    .arg(name, eventTypeNames().join(QStringLiteral(", "))));
        c.eventMask |= quint8(1u << int(*type));
    }
    std::optional<int> atLeast;
    if (reader.has("at_least") && !(atLeast = reader.whole("at_least", 0, INT_MAX)))
        return false;
    if (reader.has("at_most") && !(c.atMost = reader.whole("at_most", 0, INT_MAX)))
        return false;
    c.atLeast = atLeast.value_or(c.atMost ? 0 : 1);
    if (c.atMost && c.atLeast > *c.atMost)
        return reader.failAt("at_least", Tr::tr("must not be above at_most (%1)").arg(*c.atMost));
    if (reader.has("within_days") && !(c.withinDays = reader.whole("within_days", 1, 36500)))
        return false;
    if (reader.has("item") && (c.item = reader.text("item")).isEmpty())
        return false;
    if (reader.has("category") && (c.category = reader.text("category")).isEmpty())
        return false;
    if (reader.has("brand") && (c.brand = reader.text("brand")).isEmpty())
        return false;
    if (reader.has("topic") && (c.topic = reader.text("topic")).isEmpty())
        return false;
    return true;
}

bool readValue(Reader &reader, SegmentCondition &c)
{
    if (!reader.checkKeys({"measure", "min", "max", "equals"}))
        return false;
    const QString name = reader.value("measure").toString();
    const auto measure = ValueMeasures::fromName(name);
    if (!measure)
        return reader.failAt("measure",
            reader.has("measure")
                ? Tr::tr("unknown measure '%1' (expected %2)").arg(name, quoted(ValueMeasures::names()))
                : Tr::tr("missing (one of %1)").arg(quoted(ValueMeasures::names())));
    c.measure = *measure;
    const bool range = reader.has("min") || reader.has("max");
    if (range == reader.has("equals"))
        return reader.fail(reader.path(),
            range ? Tr::tr("use either equals or min/max") : Tr::tr("needs min, max or equals"));
    const bool whole = ValueMeasures::isWholeNumber(c.measure);
    const bool score = ValueMeasures::isScore(c.measure);
    const bool share = c.measure == ValueMeasure::SaleShare;
    for (const char *key : {"min", "max", "equals"}) {
        if (!reader.has(key))
            continue;
        std::optional<double> bound;
        if (score) {
            if (const auto v = reader.whole(key, 1, 5))
                bound = *v;
        } else if (whole) {
            if (const auto v = reader.whole(key, 0, INT_MAX))
                bound = *v;
        } else if ((bound = reader.number(key)) && (*bound < 0 || (share && *bound > 1))) {
            reader.failAt(
                key, share ? Tr::tr("must be a share from 0 to 1") : Tr::tr("must not be negative"));
            bound.reset();
        }
        if (!bound)
            return false;
        if (qstrcmp(key, "max") == 0)
            c.max = bound;
        else
            c.min = bound;
        if (qstrcmp(key, "equals") == 0)
            c.max = bound;
    }
    if (c.min && c.max && *c.min > *c.max)
        return reader.failAt("min", Tr::tr("must not be above max (%1)").arg(*c.max));
    return true;
}

bool readAffinity(Reader &reader, SegmentCondition &c)
{
    if (!reader.checkKeys({"category", "brand", "topic", "at_least"}))
        return false;
    int targets = 0;
    for (int d = 0; d < 3; ++d) {
        if (reader.has(kDimensionNames[d])) {
            ++targets;
            c.dimension = PersonFeatures::Dimension(d);
            c.target = reader.text(kDimensionNames[d]);
            if (c.target.isEmpty())
                return false;
        }
    }
    if (targets != 1)
        return reader.fail(reader.path(), Tr::tr("needs exactly one of category, brand or topic"));
    if (!reader.has("at_least"))
        return reader.failAt("at_least", Tr::tr("missing (a share from 0 to 1)"));
    const auto threshold = reader.number("at_least");
    if (!threshold)
        return false;
    if (*threshold < 0 || *threshold > 1)
        return reader.failAt("at_least", Tr::tr("must be a share from 0 to 1"));
    c.threshold = *threshold;
    return true;
}

QString range(const std::optional<double> &min, const std::optional<double> &max,
    const std::function<QString(double)> &format)
{
    if (min && max)
        return *min == *max ? QStringLiteral("= %1").arg(format(*min))
                            : QStringLiteral("%1–%2").arg(format(*min), format(*max));
    if (min)
        return QStringLiteral("≥ %1").arg(format(*min));
    return QStringLiteral("≤ %1").arg(format(max.value_or(0)));
}

QString scalar(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QLocale(QLocale::English).toString(v.toDouble(), 'g', 12);
    return v.toString();
}

} // namespace

bool SegmentCondition::isConditionKey(const QString &key)
{
    return key == QLatin1String("profile") || key == QLatin1String("behaviour")
        || key == QLatin1String("behavior") || key == QLatin1String("value")
        || key == QLatin1String("affinity") || key == QLatin1String("segment");
}

std::optional<SegmentCondition> SegmentCondition::fromJson(
    const QString &key, const QJsonValue &json, const QString &path, QString *error)
{
    SegmentCondition c;
    c.path = path.isEmpty() ? key : path + QLatin1Char('.') + key;
    if (key == QLatin1String("segment")) {
        c.kind = Kind::Segment;
        if (!json.isString() || json.toString().trimmed().isEmpty()) {
            if (error)
                *error = c.path + QStringLiteral(": ") + Tr::tr("must be the name of a segment");
            return std::nullopt;
        }
        c.segment = json.toString().trimmed();
        return c;
    }
    if (!json.isObject()) {
        if (error)
            *error = c.path + QStringLiteral(": ") + Tr::tr("must be an object");
        return std::nullopt;
    }
    Reader reader(json.toObject(), c.path, error);
    bool ok = false;
    if (key == QLatin1String("profile")) {
        c.kind = Kind::Profile;
        ok = readProfile(reader, c);
    } else if (key == QLatin1String("behaviour") || key == QLatin1String("behavior")) {
        c.kind = Kind::Behaviour;
        ok = readBehaviour(reader, c);
    } else if (key == QLatin1String("value")) {
        c.kind = Kind::Value;
        ok = readValue(reader, c);
    } else if (key == QLatin1String("affinity")) {
        c.kind = Kind::Affinity;
        ok = readAffinity(reader, c);
    } else {
        reader.fail(c.path, Tr::tr("unknown kind of condition"));
    }
    if (!ok || reader.failed())
        return std::nullopt;
    return c;
}

QString SegmentCondition::fieldName(Field field)
{
    return QLatin1String(kFieldNames[int(field)]);
}

QString SegmentCondition::dimensionName(PersonFeatures::Dimension dimension)
{
    return QLatin1String(kDimensionNames[int(dimension)]);
}

QString SegmentCondition::key() const
{
    switch (kind) {
    case Kind::Profile:
        return QStringLiteral("profile");
    case Kind::Behaviour:
        return QStringLiteral("behaviour");
    case Kind::Value:
        return QStringLiteral("value");
    case Kind::Affinity:
        return QStringLiteral("affinity");
    case Kind::Segment:
        return QStringLiteral("segment");
    }
    return {};
}

QJsonValue SegmentCondition::toJson() const
{
    QJsonObject json;
    switch (kind) {
    case Kind::Segment:
        return segment;
    case Kind::Profile:
        json.insert(QStringLiteral("field"),
            field == Field::Attribute ? QStringLiteral("attributes.") + attribute : fieldName(field));
        if (op == Operator::Equals)
            json.insert(QStringLiteral("equals"), values.first());
        else if (op == Operator::In)
            json.insert(QStringLiteral("in"), values);
        else if (op == Operator::Exists)
            json.insert(QStringLiteral("exists"), exists);
        if (op == Operator::Range && min)
            json.insert(QStringLiteral("min"), *min);
        if (op == Operator::Range && max)
            json.insert(QStringLiteral("max"), *max);
        break;
    case Kind::Behaviour: {
        QJsonArray events;
        for (int t = 0; t < EventTypeCount; ++t) {
            if (eventMask & (1u << t))
                events.append(eventTypeName(EventType(t)));
        }
        json.insert(QStringLiteral("event"),
            events.size() == EventTypeCount ? QJsonValue(QStringLiteral("any"))
                : events.size() == 1        ? events.first()
                                            : QJsonValue(events));
        json.insert(QStringLiteral("at_least"), atLeast);
        if (atMost)
            json.insert(QStringLiteral("at_most"), *atMost);
        if (withinDays)
            json.insert(QStringLiteral("within_days"), *withinDays);
        const std::pair<const char *, const QString *> filters[]
            = {{"item", &item}, {"category", &category}, {"brand", &brand}, {"topic", &topic}};
        for (const auto &[name, text] : filters) {
            if (!text->isEmpty())
                json.insert(QLatin1String(name), *text);
        }
        break;
    }
    case Kind::Value:
        json.insert(QStringLiteral("measure"), ValueMeasures::name(measure));
        if (min && max && *min == *max) {
            json.insert(QStringLiteral("equals"), *min);
        } else {
            if (min)
                json.insert(QStringLiteral("min"), *min);
            if (max)
                json.insert(QStringLiteral("max"), *max);
        }
        break;
    case Kind::Affinity:
        json.insert(dimensionName(dimension), target);
        json.insert(QStringLiteral("at_least"), threshold);
        break;
    }
    return json;
}

QString SegmentCondition::describe() const
{
    const QLocale locale(QLocale::English);
    switch (kind) {
    case Kind::Segment:
        return Tr::tr("in segment %1").arg(segment);
    case Kind::Profile: {
        const QString name = field == Field::Attribute
            ? Tr::tr("attribute %1").arg(attribute)
            : fieldName(field).replace(QLatin1Char('_'), QLatin1Char(' '));
        switch (op) {
        case Operator::Equals:
            return Tr::tr("%1 is %2").arg(name, scalar(values.first()));
        case Operator::In: {
            QStringList list;
            for (const QJsonValue &v : values)
                list.append(scalar(v));
            return Tr::tr("%1 is one of %2").arg(name, list.join(QStringLiteral(", ")));
        }
        case Operator::Exists:
            return exists ? Tr::tr("%1 is known").arg(name) : Tr::tr("%1 is unknown").arg(name);
        case Operator::Range:
            return QStringLiteral("%1 %2").arg(
                name, range(min, max, [&](double v) { return locale.toString(v, 'g', 12); }));
        }
        return {};
    }
    case Kind::Behaviour: {
        QStringList events;
        for (int t = 0; t < EventTypeCount; ++t) {
            if (eventMask & (1u << t))
                events.append(eventTypeName(EventType(t)));
        }
        const QString what
            = events.size() == EventTypeCount ? Tr::tr("any event") : events.join(QStringLiteral(" or "));
        QString count;
        if (atMost && *atMost == 0)
            count = Tr::tr("no %1").arg(what);
        else if (atMost && atLeast > 0)
            count = Tr::tr("%1 %2 to %3 times").arg(what).arg(atLeast).arg(*atMost);
        else if (atMost)
            count = Tr::tr("%1 at most %2 times").arg(what).arg(*atMost);
        else
            count = atLeast == 1 ? Tr::tr("%1 at least once").arg(what)
                                 : Tr::tr("%1 at least %2 times").arg(what).arg(atLeast);
        QStringList on;
        if (!item.isEmpty())
            on.append(Tr::tr("item %1").arg(item));
        if (!category.isEmpty())
            on.append(Tr::tr("in %1").arg(category));
        if (!brand.isEmpty())
            on.append(Tr::tr("brand %1").arg(brand));
        if (!topic.isEmpty())
            on.append(Tr::tr("topic %1").arg(topic));
        if (!on.isEmpty())
            count += QLatin1Char(' ') + on.join(QLatin1Char(' '));
        if (withinDays)
            count += QLatin1Char(' ') + Tr::tr("in the last %1 days").arg(*withinDays);
        return count;
    }
    case Kind::Value:
        return QStringLiteral("%1 %2").arg(ValueMeasures::label(measure),
            range(min, max, [this](double v) { return ValueMeasures::format(measure, v); }));
    case Kind::Affinity:
        return Tr::tr("affinity to %1 %2 ≥ %3")
            .arg(dimensionName(dimension), target)
            .arg(threshold, 0, 'f', 2);
    }
    return {};
}

} // namespace Vitrine
