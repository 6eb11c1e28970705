// SPDX-License-Identifier: GPL-3.0-or-later
#include "slotdefinition.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SlotDefinition)
};

/** Reads keys of one JSON object, remembering the first problem with its path. */
class Reader
{
public:
    Reader(const QJsonObject &object, QString path, QString *error)
        : m_object(object)
        , m_path(std::move(path))
        , m_error(error)
    {
    }

    bool ok() const { return m_ok; }

    bool fail(const QString &key, const QString &message)
    {
        if (m_ok && m_error) {
            const QString where = key.isEmpty() ? m_path : (m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key);
            *m_error = where.isEmpty() ? message : where + QStringLiteral(": ") + message;
        }
        m_ok = false;
        return false;
    }

    /** Refuses keys other than these, so a typo does not silently do nothing. */
    void allow(std::initializer_list<const char *> keys)
    {
        QStringList known;
        for (const char *key : keys)
            known.append(QLatin1String(key));
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!known.contains(it.key())) {
                fail(it.key(), Tr::tr("unknown key (keys: %1)").arg(known.join(QStringLiteral(", "))));
                return;
            }
        }
    }

    void boolean(const char *key, bool &out)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return;
        if (!value.isBool())
            fail(QLatin1String(key), Tr::tr("must be true or false"));
        else
            out = value.toBool();
    }

    void number(const char *key, double &out, double min, double max)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return;
        if (!value.isDouble() || value.toDouble() < min || value.toDouble() > max)
            fail(QLatin1String(key), Tr::tr("must be a number from %1 to %2").arg(min).arg(max));
        else
            out = value.toDouble();
    }

    void optionalNumber(const char *key, std::optional<double> &out, double min)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return;
        if (!value.isDouble() || value.toDouble() < min)
            fail(QLatin1String(key), Tr::tr("must be a number of at least %1").arg(min));
        else
            out = value.toDouble();
    }

    void integer(const char *key, int &out, int min, int max)
    {
        double value = out;
        number(key, value, min, max);
        if (m_ok && value != double(int(value)))
            fail(QLatin1String(key), Tr::tr("must be a whole number"));
        out = int(value);
    }

    void text(const char *key, QString &out)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return;
        if (!value.isString())
            fail(QLatin1String(key), Tr::tr("must be text"));
        else
            out = value.toString();
    }

    void textList(const char *key, QStringList &out)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return;
        if (!value.isArray()) {
            fail(QLatin1String(key), Tr::tr("must be a list of text"));
            return;
        }
        const QJsonArray list = value.toArray();
        for (const QJsonValue &entry : list) {
            if (!entry.isString()) {
                fail(QLatin1String(key), Tr::tr("must be a list of text"));
                return;
            }
            out.append(entry.toString());
        }
    }

    QJsonObject object(const char *key)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return {};
        if (!value.isObject())
            fail(QLatin1String(key), Tr::tr("must be an object"));
        return value.toObject();
    }

    QJsonArray array(const char *key)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return {};
        if (!value.isArray())
            fail(QLatin1String(key), Tr::tr("must be a list"));
        return value.toArray();
    }

    QString path(const char *key) const
    {
        return m_path.isEmpty() ? QLatin1String(key) : m_path + QLatin1Char('.') + QLatin1String(key);
    }

private:
    QJsonObject m_object;
    QString m_path;
    QString *m_error;
    bool m_ok = true;
};

bool readStrategy(const QJsonValue &value, const QString &path, bool allowWeight, SlotStrategy &out, QString *error)
{
    if (value.isString()) {
        out.name = value.toString();
        if (out.name.trimmed().isEmpty()) {
            if (error)
                *error = Tr::tr("%1: a strategy name must not be empty").arg(path);
            return false;
        }
        return true;
    }
    if (!value.isObject()) {
        if (error)
            *error
                = Tr::tr("%1: must be a strategy name or {\"name\": ..., \"weight\": ..., \"params\": {...}}")
                      .arg(path);
        return false;
    }
    Reader reader(value.toObject(), path, error);
    if (allowWeight)
        reader.allow({"name", "weight", "params"});
    else
        reader.allow({"name", "params"});
    reader.text("name", out.name);
    if (allowWeight)
        reader.number("weight", out.weight, 0.0, 1e6);
    out.params = reader.object("params");
    if (reader.ok() && out.name.trimmed().isEmpty())
        return reader.fail(QStringLiteral("name"), Tr::tr("is required"));
    return reader.ok();
}

} // namespace

std::optional<SlotDefinition> SlotDefinition::fromJson(const QString &key, const QJsonObject &json, QString *error)
{
    SlotDefinition slot;
    slot.key = key;
    Reader reader(json, QString(), error);
    reader.allow({"title", "strategies", "normalisation", "candidates", "filters", "boosts", "diversity", "pins",
                  "fallback", "min_items", "max_items", "description"});
    reader.text("title", slot.title);

    const QJsonArray strategies = reader.array("strategies");
    if (reader.ok() && strategies.isEmpty()) {
        reader.fail(QStringLiteral("strategies"), Tr::tr("a slot needs at least one strategy"));
        return std::nullopt;
    }
    for (qsizetype i = 0; i < strategies.size() && reader.ok(); ++i) {
        SlotStrategy strategy;
        if (!readStrategy(strategies.at(i), QStringLiteral("strategies[%1]").arg(i), true, strategy, error))
            return std::nullopt;
        slot.strategies.push_back(strategy);
    }

    QString normalisation = normalisationName(slot.normalisation);
    reader.text("normalisation", normalisation);
    bool knownNormalisation = false;
    for (Normalisation n : {Normalisation::Rank, Normalisation::Max, Normalisation::MinMax, Normalisation::ZScore, Normalisation::None}) {
        if (normalisation == normalisationName(n)) {
            slot.normalisation = n;
            knownNormalisation = true;
        }
    }
    if (reader.ok() && !knownNormalisation)
        reader.fail(QStringLiteral("normalisation"), Tr::tr("must be rank, max, minmax, zscore or none"));
    reader.integer("candidates", slot.candidates, 1, 100000);
    reader.integer("min_items", slot.minItems, 0, 1000);
    reader.integer("max_items", slot.maxItems, 1, 1000);
    if (reader.ok() && slot.minItems > slot.maxItems)
        reader.fail(QStringLiteral("min_items"), Tr::tr("is above max_items"));

    const QJsonObject filters = reader.object("filters");
    if (reader.ok()) {
        Reader f(filters, QStringLiteral("filters"), error);
        f.allow({"in_stock", "kind", "categories", "exclude_categories", "brands", "exclude_brands", "price",
                 "relative_price", "same_category_as_context", "attributes", "exclude_bought", "exclude_seen",
                 "exclude_page", "exclude_context"});
        SlotFilters &out = slot.filters;
        f.boolean("in_stock", out.inStock);
        f.text("kind", out.kind);
        if (f.ok() && !out.kind.isEmpty() && out.kind != QLatin1String("product") && out.kind != QLatin1String("content"))
            f.fail(QStringLiteral("kind"), Tr::tr("must be \"product\" or \"content\""));
        f.textList("categories", out.categories);
        f.textList("exclude_categories", out.excludeCategories);
        f.textList("brands", out.brands);
        f.textList("exclude_brands", out.excludeBrands);
        for (const char *name : {"price", "relative_price"}) {
            const QJsonObject range = f.object(name);
            if (!f.ok())
                break;
            Reader r(range, f.path(name), error);
            r.allow({"min", "max"});
            const bool relative = QLatin1String(name) == QLatin1String("relative_price");
            r.optionalNumber("min", relative ? out.relativePriceMin : out.priceMin, 0.0);
            r.optionalNumber("max", relative ? out.relativePriceMax : out.priceMax, 0.0);
            if (!r.ok())
                return std::nullopt;
        }
        f.boolean("same_category_as_context", out.sameCategoryAsContext);
        const QJsonArray attributes = f.array("attributes");
        for (qsizetype i = 0; i < attributes.size() && f.ok(); ++i) {
            const QString where = QStringLiteral("filters.attributes[%1]").arg(i);
            if (!attributes.at(i).isObject()) {
                if (error)
                    *error = Tr::tr("%1: must be a condition object").arg(where);
                return std::nullopt;
            }
            std::optional<ItemCondition> condition = ItemCondition::fromJson(attributes.at(i).toObject(), where, error);
            if (!condition)
                return std::nullopt;
            out.attributes.push_back(*condition);
        }
        f.boolean("exclude_bought", out.excludeBought);
        f.boolean("exclude_seen", out.excludeSeen);
        f.boolean("exclude_page", out.excludePage);
        f.boolean("exclude_context", out.excludeContext);
        if (!f.ok())
            return std::nullopt;
    }

    const QJsonArray boosts = reader.array("boosts");
    for (qsizetype i = 0; i < boosts.size() && reader.ok(); ++i) {
        const QString where = QStringLiteral("boosts[%1]").arg(i);
        if (!boosts.at(i).isObject()) {
            if (error)
                *error = Tr::tr("%1: must be {\"when\": {...}, \"factor\": 1.5}").arg(where);
            return std::nullopt;
        }
        Reader b(boosts.at(i).toObject(), where, error);
        b.allow({"when", "factor", "label"});
        SlotBoost boost{ItemCondition(), 1.0, QString()};
        b.number("factor", boost.factor, 0.0, 1000.0);
        b.text("label", boost.label);
        const QJsonObject when = b.object("when");
        if (!b.ok())
            return std::nullopt;
        std::optional<ItemCondition> condition = ItemCondition::fromJson(when, where + QStringLiteral(".when"), error);
        if (!condition)
            return std::nullopt;
        boost.when = *condition;
        if (boost.label.isEmpty())
            boost.label = condition->describe();
        slot.boosts.push_back(boost);
    }

    const QJsonObject diversity = reader.object("diversity");
    if (reader.ok()) {
        Reader d(diversity, QStringLiteral("diversity"), error);
        d.allow({"max_per_category", "category_level", "max_per_brand"});
        d.integer("max_per_category", slot.maxPerCategory, 0, 1000);
        d.integer("category_level", slot.categoryLevel, 0, 10);
        d.integer("max_per_brand", slot.maxPerBrand, 0, 1000);
        if (!d.ok())
            return std::nullopt;
    }

    const QJsonArray pins = reader.array("pins");
    for (qsizetype i = 0; i < pins.size() && reader.ok(); ++i) {
        const QString where = QStringLiteral("pins[%1]").arg(i);
        Reader p(pins.at(i).toObject(), where, error);
        if (!pins.at(i).isObject())
            p.fail(QString(), Tr::tr("must be {\"sku\": ..., \"position\": 1}"));
        p.allow({"sku", "position"});
        SlotPin pin;
        p.text("sku", pin.sku);
        p.integer("position", pin.position, 1, 1000);
        if (p.ok() && pin.sku.isEmpty())
            p.fail(QStringLiteral("sku"), Tr::tr("is required"));
        if (!p.ok())
            return std::nullopt;
        slot.pins.push_back(pin);
    }

    const QJsonArray fallbacks = reader.array("fallback");
    for (qsizetype i = 0; i < fallbacks.size() && reader.ok(); ++i) {
        SlotStrategy strategy;
        if (!readStrategy(fallbacks.at(i), QStringLiteral("fallback[%1]").arg(i), false, strategy, error))
            return std::nullopt;
        slot.fallbacks.push_back(strategy);
    }
    if (!reader.ok())
        return std::nullopt;
    if (slot.title.isEmpty())
        slot.title = key;
    return slot;
}

QString SlotDefinition::normalisationName(Normalisation normalisation)
{
    switch (normalisation) {
    case Normalisation::Rank:
        return QStringLiteral("rank");
    case Normalisation::Max:
        return QStringLiteral("max");
    case Normalisation::MinMax:
        return QStringLiteral("minmax");
    case Normalisation::ZScore:
        return QStringLiteral("zscore");
    case Normalisation::None:
        break;
    }
    return QStringLiteral("none");
}

QJsonObject SlotDefinition::toJson() const
{
    const auto strategyJson = [](const SlotStrategy &strategy, bool weight) {
        QJsonObject json{{QStringLiteral("name"), strategy.name}};
        if (weight)
            json.insert(QStringLiteral("weight"), strategy.weight);
        if (!strategy.params.isEmpty())
            json.insert(QStringLiteral("params"), strategy.params);
        return json;
    };
    QJsonArray strategyList;
    for (const SlotStrategy &strategy : strategies)
        strategyList.append(strategyJson(strategy, true));
    QJsonArray fallbackList;
    for (const SlotStrategy &strategy : fallbacks)
        fallbackList.append(strategyJson(strategy, false));

    QJsonObject filterJson{
        {QStringLiteral("in_stock"), filters.inStock},
        {QStringLiteral("exclude_bought"), filters.excludeBought},
        {QStringLiteral("exclude_seen"), filters.excludeSeen},
        {QStringLiteral("exclude_page"), filters.excludePage},
        {QStringLiteral("exclude_context"), filters.excludeContext},
    };
    if (!filters.kind.isEmpty())
        filterJson.insert(QStringLiteral("kind"), filters.kind);
    const auto list = [&](const char *name, const QStringList &values) {
        if (!values.isEmpty())
            filterJson.insert(QLatin1String(name), QJsonArray::fromStringList(values));
    };
    list("categories", filters.categories);
    list("exclude_categories", filters.excludeCategories);
    list("brands", filters.brands);
    list("exclude_brands", filters.excludeBrands);
    const auto range = [&](const char *name, const std::optional<double> &min, const std::optional<double> &max) {
        QJsonObject json;
        if (min)
            json.insert(QStringLiteral("min"), *min);
        if (max)
            json.insert(QStringLiteral("max"), *max);
        if (!json.isEmpty())
            filterJson.insert(QLatin1String(name), json);
    };
    range("price", filters.priceMin, filters.priceMax);
    range("relative_price", filters.relativePriceMin, filters.relativePriceMax);
    if (filters.sameCategoryAsContext)
        filterJson.insert(QStringLiteral("same_category_as_context"), true);
    QJsonArray attributeList;
    for (const ItemCondition &condition : filters.attributes)
        attributeList.append(condition.toJson());
    if (!attributeList.isEmpty())
        filterJson.insert(QStringLiteral("attributes"), attributeList);

    QJsonArray boostList;
    for (const SlotBoost &boost : boosts) {
        boostList.append(QJsonObject{{QStringLiteral("when"), boost.when.toJson()},
                                     {QStringLiteral("factor"), boost.factor},
                                     {QStringLiteral("label"), boost.label}});
    }
    QJsonArray pinList;
    for (const SlotPin &pin : pins)
        pinList.append(QJsonObject{{QStringLiteral("sku"), pin.sku}, {QStringLiteral("position"), pin.position}});

    QJsonObject json{
        {QStringLiteral("title"), title},
        {QStringLiteral("strategies"), strategyList},
        {QStringLiteral("normalisation"), normalisationName(normalisation)},
        {QStringLiteral("candidates"), candidates},
        {QStringLiteral("filters"), filterJson},
        {QStringLiteral("min_items"), minItems},
        {QStringLiteral("max_items"), maxItems},
    };
    if (!boostList.isEmpty())
        json.insert(QStringLiteral("boosts"), boostList);
    if (maxPerCategory || maxPerBrand) {
        json.insert(QStringLiteral("diversity"), QJsonObject{{QStringLiteral("max_per_category"), maxPerCategory},
                                                             {QStringLiteral("category_level"), categoryLevel},
                                                             {QStringLiteral("max_per_brand"), maxPerBrand}});
    }
    if (!pinList.isEmpty())
        json.insert(QStringLiteral("pins"), pinList);
    if (!fallbackList.isEmpty())
        json.insert(QStringLiteral("fallback"), fallbackList);
    return json;
}

} // namespace Vitrine
