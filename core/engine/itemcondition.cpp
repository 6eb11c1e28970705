// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemcondition.h"

#include "snapshot.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::ItemCondition)
};

/** A JSON value against an attribute value: strings compare as text, numbers as numbers. */
bool valueEquals(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.isString() && b.isString())
        return a.toString().compare(b.toString(), Qt::CaseInsensitive) == 0;
    if (a.isBool() && b.isBool())
        return a.toBool() == b.toBool();
    return false;
}

/** An attribute value may itself be a list ("activities": ["hiking", "diving"]): any element counts. */
bool attributeEquals(const QJsonValue &attribute, const QJsonValue &wanted)
{
    if (attribute.isArray()) {
        const QJsonArray values = attribute.toArray();
        for (const QJsonValue &value : values) {
            if (valueEquals(value, wanted))
                return true;
        }
        return false;
    }
    return valueEquals(attribute, wanted);
}

bool attributeIn(const QJsonValue &attribute, const QJsonValue &list)
{
    const QJsonArray wanted = list.toArray();
    for (const QJsonValue &value : wanted) {
        if (attributeEquals(attribute, value))
            return true;
    }
    return false;
}

struct KeySpec
{
    const char *name;
    int kind;
    QJsonValue::Type type;
};

} // namespace

std::optional<ItemCondition> ItemCondition::fromJson(const QJsonObject &json, const QString &where, QString *error)
{
    static const KeySpec keys[] = {
        {"on_sale", int(Kind::OnSale), QJsonValue::Bool},
        {"in_stock", int(Kind::InStock), QJsonValue::Bool},
        {"kind", int(Kind::ItemKind), QJsonValue::String},
        {"category", int(Kind::Category), QJsonValue::String},
        {"brand", int(Kind::Brand), QJsonValue::String},
        {"brand_in", int(Kind::BrandIn), QJsonValue::Array},
        {"new_within_days", int(Kind::NewWithinDays), QJsonValue::Double},
        {"price_min", int(Kind::PriceMin), QJsonValue::Double},
        {"price_max", int(Kind::PriceMax), QJsonValue::Double},
        {"discount_min", int(Kind::DiscountMin), QJsonValue::Double},
        {"attribute", int(Kind::Attribute), QJsonValue::String},
        {"user_gender", int(Kind::UserGender), QJsonValue::String},
        {"user_country", int(Kind::UserCountry), QJsonValue::String},
        {"user_city", int(Kind::UserCity), QJsonValue::String},
        {"user_age_min", int(Kind::UserAgeMin), QJsonValue::Double},
        {"user_age_max", int(Kind::UserAgeMax), QJsonValue::Double},
        {"user_attribute", int(Kind::UserAttribute), QJsonValue::String},
    };
    static const char *const tests[] = {"equals", "in", "min", "max", "exists"};

    const auto fail = [&](const QString &message) {
        if (error)
            *error = where.isEmpty() ? message : where + QStringLiteral(": ") + message;
        return std::nullopt;
    };
    if (json.isEmpty())
        return fail(Tr::tr("a condition needs at least one key"));

    ItemCondition condition;
    condition.m_json = json;
    const bool hasAttribute = json.contains(QLatin1String("attribute")) || json.contains(QLatin1String("user_attribute"));
    int testCount = 0;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        bool isTest = false;
        for (const char *test : tests)
            isTest = isTest || key == QLatin1String(test);
        if (isTest) {
            if (!hasAttribute)
                return fail(Tr::tr("'%1' only goes with 'attribute' or 'user_attribute'").arg(key));
            ++testCount;
            continue;
        }
        const KeySpec *spec = nullptr;
        for (const KeySpec &candidate : keys) {
            if (key == QLatin1String(candidate.name))
                spec = &candidate;
        }
        if (!spec) {
            QStringList names;
            for (const KeySpec &candidate : keys)
                names.append(QLatin1String(candidate.name));
            return fail(
                Tr::tr("unknown condition '%1' (conditions: %2)").arg(key, names.join(QStringLiteral(", "))));
        }
        if (it.value().type() != spec->type) {
            const char *typeName = spec->type == QJsonValue::Bool ? "true or false"
                                 : spec->type == QJsonValue::Double ? "a number"
                                 : spec->type == QJsonValue::Array ? "a list"
                                                                    : "text";
            return fail(Tr::tr("'%1' must be %2").arg(key, QLatin1String(typeName)));
        }
        Clause clause{Kind(spec->kind), it.value(), QString(), Test::Equals, QJsonValue()};
        if (clause.kind == Kind::Attribute || clause.kind == Kind::UserAttribute) {
            clause.attribute = it.value().toString();
            bool found = false;
            for (int t = 0; t < 5 && !found; ++t) {
                if (json.contains(QLatin1String(tests[t]))) {
                    clause.test = Test(t);
                    clause.operand = json.value(QLatin1String(tests[t]));
                    found = true;
                }
            }
            if (!found)
                return fail(Tr::tr("'%1' needs one of equals, in, min, max or exists").arg(key));
            if (clause.test == Test::In && !clause.operand.isArray())
                return fail(Tr::tr("'in' must be a list"));
            if ((clause.test == Test::Min || clause.test == Test::Max) && !clause.operand.isDouble())
                return fail(Tr::tr("'%1' must be a number").arg(QLatin1String(tests[int(clause.test)])));
            if (clause.kind == Kind::UserAttribute && clause.test != Test::Equals && clause.test != Test::In
                && clause.test != Test::Exists)
                return fail(Tr::tr("'user_attribute' takes equals, in or exists"));
        }
        if (clause.kind == Kind::ItemKind && clause.value.toString() != QLatin1String("product")
            && clause.value.toString() != QLatin1String("content"))
            return fail(Tr::tr("'kind' must be \"product\" or \"content\""));
        if (clause.kind == Kind::UserGender && !QStringList({QStringLiteral("f"), QStringLiteral("m"), QStringLiteral("x")})
                                                    .contains(clause.value.toString()))
            return fail(Tr::tr("'user_gender' must be \"f\", \"m\" or \"x\""));
        condition.m_clauses.push_back(clause);
    }
    if (testCount > 1 || (testCount == 1 && json.contains(QLatin1String("attribute")) && json.contains(QLatin1String("user_attribute"))))
        return fail(Tr::tr("use one of equals, in, min, max or exists per condition"));
    return condition;
}

bool ItemCondition::matches(const Snapshot &snapshot, int item, const RecommendRequest &request) const
{
    for (const Clause &clause : m_clauses) {
        if (!clauseMatches(clause, snapshot, item, request))
            return false;
    }
    return true;
}

bool ItemCondition::clauseMatches(const Clause &clause, const Snapshot &s, int item, const RecommendRequest &request) const
{
    const int user = request.user;
    switch (clause.kind) {
    case Kind::OnSale:
        return s.onSale(item) == clause.value.toBool();
    case Kind::InStock:
        return s.inStock(item) == clause.value.toBool();
    case Kind::ItemKind:
        return s.isContent(item) == (clause.value.toString() == QLatin1String("content"));
    case Kind::Category: {
        const int category = s.categoryByPath(clause.value.toString());
        return category >= 0 && s.inCategory(item, category);
    }
    case Kind::Brand:
        return s.brand(item) >= 0 && s.brandName(s.brand(item)).compare(clause.value.toString(), Qt::CaseInsensitive) == 0;
    case Kind::BrandIn:
        return s.brand(item) >= 0 && attributeIn(QJsonValue(s.brandName(s.brand(item))), clause.value);
    case Kind::NewWithinDays:
        return s.createdAt(item) > 0 && s.createdAt(item) <= s.asOf()
            && s.asOf() - s.createdAt(item) <= qint64(clause.value.toDouble() * 86400);
    case Kind::PriceMin:
        return !std::isnan(s.currentPrice(item)) && s.currentPrice(item) >= clause.value.toDouble();
    case Kind::PriceMax:
        return !std::isnan(s.currentPrice(item)) && s.currentPrice(item) <= clause.value.toDouble();
    case Kind::DiscountMin:
        return s.discount(item) >= clause.value.toDouble();
    case Kind::Attribute: {
        const QJsonValue value = s.attributes(item).value(clause.attribute);
        switch (clause.test) {
        case Test::Exists:
            return (value.isUndefined() || value.isNull()) != clause.operand.toBool(true);
        case Test::Equals:
            return attributeEquals(value, clause.operand);
        case Test::In:
            return attributeIn(value, clause.operand);
        case Test::Min:
            return value.isDouble() && value.toDouble() >= clause.operand.toDouble();
        case Test::Max:
            return value.isDouble() && value.toDouble() <= clause.operand.toDouble();
        }
        return false;
    }
    case Kind::UserGender:
        return user >= 0 && s.gender(user) == clause.value.toString().at(0).toLatin1();
    case Kind::UserCountry:
        return user >= 0 && s.country(user) >= 0
            && s.countryName(s.country(user)).compare(clause.value.toString(), Qt::CaseInsensitive) == 0;
    case Kind::UserCity:
        return user >= 0 && s.city(user) >= 0
            && s.cityName(s.city(user)).compare(clause.value.toString(), Qt::CaseInsensitive) == 0;
    case Kind::UserAgeMin:
        return user >= 0 && s.age(user) >= 0 && s.age(user) >= clause.value.toDouble();
    case Kind::UserAgeMax:
        return user >= 0 && s.age(user) >= 0 && s.age(user) <= clause.value.toDouble();
    case Kind::UserAttribute: {
        if (user < 0)
            return false;
        const QJsonValue value = s.userAttributes(user).value(clause.attribute);
        if (clause.test == Test::Exists)
            return (value.isUndefined() || value.isNull()) != clause.operand.toBool(true);
        return clause.test == Test::In ? attributeIn(value, clause.operand) : attributeEquals(value, clause.operand);
    }
    }
    return false;
}

QString ItemCondition::describe() const
{
    QStringList parts;
    for (const Clause &clause : m_clauses) {
        const QString value = clause.value.isString() ? clause.value.toString()
                            : clause.value.isDouble() ? QString::number(clause.value.toDouble())
                                                      : QString();
        switch (clause.kind) {
        case Kind::OnSale:
            parts.append(clause.value.toBool() ? Tr::tr("on sale") : Tr::tr("not on sale"));
            break;
        case Kind::InStock:
            parts.append(clause.value.toBool() ? Tr::tr("in stock") : Tr::tr("out of stock"));
            break;
        case Kind::ItemKind:
            parts.append(value == QLatin1String("content") ? Tr::tr("an article") : Tr::tr("a product"));
            break;
        case Kind::Category:
            parts.append(Tr::tr("in %1").arg(value));
            break;
        case Kind::Brand:
            parts.append(Tr::tr("by %1").arg(value));
            break;
        case Kind::BrandIn: {
            QStringList brands;
            const QJsonArray list = clause.value.toArray();
            for (const QJsonValue &brand : list)
                brands.append(brand.toString());
            parts.append(Tr::tr("by %1").arg(brands.join(QStringLiteral(" or "))));
            break;
        }
        case Kind::NewWithinDays:
            parts.append(Tr::tr("new in the last %1 days").arg(value));
            break;
        case Kind::PriceMin:
            parts.append(Tr::tr("costs at least %1").arg(value));
            break;
        case Kind::PriceMax:
            parts.append(Tr::tr("costs at most %1").arg(value));
            break;
        case Kind::DiscountMin:
            parts.append(Tr::tr("at least %1% off").arg(clause.value.toDouble() * 100));
            break;
        case Kind::Attribute:
        case Kind::UserAttribute: {
            const QString who = clause.kind == Kind::UserAttribute ? Tr::tr("the person's ") : QString();
            QString operand = clause.operand.isArray() ? QString() : clause.operand.toVariant().toString();
            if (clause.operand.isArray()) {
                QStringList values;
                const QJsonArray list = clause.operand.toArray();
                for (const QJsonValue &v : list)
                    values.append(v.toVariant().toString());
                operand = values.join(QStringLiteral(" or "));
            }
            static const char *const words[] = {"is", "is", "is at least", "is at most", "is set"};
            parts.append(clause.test == Test::Exists
                    ? Tr::tr("%1%2 is set").arg(who, clause.attribute)
                    : QStringLiteral("%1%2 %3 %4")
                          .arg(who, clause.attribute, Tr::tr(words[int(clause.test)]), operand));
            break;
        }
        case Kind::UserGender:
            parts.append(value == QLatin1String("f") ? Tr::tr("for women")
                    : value == QLatin1String("m")    ? Tr::tr("for men")
                                                     : Tr::tr("for non-binary people"));
            break;
        case Kind::UserCountry:
        case Kind::UserCity:
            parts.append(Tr::tr("for people in %1").arg(value));
            break;
        case Kind::UserAgeMin:
            parts.append(Tr::tr("for people aged %1 or more").arg(value));
            break;
        case Kind::UserAgeMax:
            parts.append(Tr::tr("for people aged %1 or less").arg(value));
            break;
        }
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace Vitrine
