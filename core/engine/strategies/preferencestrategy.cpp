// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencestrategy.h"

#include "engine/models/popularitymodel.h"
#include "explainformat.h"
#include "strategyparams.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::PreferenceStrategy)
};

QString valueKey(const QString &attribute, const QString &value)
{
    return attribute + QChar(0x1f) + value.trimmed().toLower();
}

/** The strings of an attribute: a list, or one string (comma-separated values allowed). */
QStringList stringsOf(const QJsonValue &value)
{
    QStringList result;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &element : array) {
            if (element.isString() && !element.toString().trimmed().isEmpty())
                result.append(element.toString().trimmed());
        }
    } else if (value.isString()) {
        const QStringList parts = value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            if (!part.trimmed().isEmpty())
                result.append(part.trimmed());
        }
    }
    return result;
}

} // namespace

std::unique_ptr<Strategy> PreferenceStrategy::create(
    const StrategyContext &context, const QJsonObject &params, QString *error)
{
    const QString name = QStringLiteral("preference");
    StrategyParams reader(name, params,
        {QStringLiteral("budget_attribute"), QStringLiteral("list_attributes"), QStringLiteral("history"),
            QStringLiteral("popularity"), QStringLiteral("popularity_days")});
    const QString budgetAttribute = reader.text(QStringLiteral("budget_attribute"), QStringLiteral("budget"));
    const QMap<QString, QString> listAttributes = reader.textMap(QStringLiteral("list_attributes"),
        {{QStringLiteral("favorite_activities"), QStringLiteral("activities")}});
    const bool history = reader.boolean(QStringLiteral("history"), true);
    const double popularityWeight = reader.number(QStringLiteral("popularity"), 0.05, 0, 10);
    const double popularityDays = reader.number(QStringLiteral("popularity_days"), 90, 1, 36500);
    if (!reader.check(error))
        return nullptr;

    PopularityModel::Spec spec;
    spec.toDays = popularityDays;
    spec.weighted = true;
    auto popularity = PopularityModel::fetch(context, spec);
    if (!popularity) {
        if (error)
            *error = StrategyParams::cancelled(name);
        return nullptr;
    }

    std::unique_ptr<PreferenceStrategy> strategy(new PreferenceStrategy);
    const Snapshot &snapshot = *context.snapshot;
    strategy->m_snapshot = context.snapshot;
    strategy->m_popularity = std::move(popularity);
    strategy->m_budgetAttribute = budgetAttribute;
    strategy->m_listAttributes = listAttributes;
    strategy->m_history = history;
    strategy->m_popularityWeight = float(popularityWeight);

    // Intern the values of the item attributes preferences map onto.
    QStringList itemAttributes = listAttributes.values();
    itemAttributes.removeDuplicates();
    strategy->m_valueOffsets.assign(size_t(snapshot.itemCount()) + 1, 0);
    for (int item = 0; item < snapshot.itemCount(); ++item) {
        const size_t start = strategy->m_values.size();
        for (const QString &attribute : std::as_const(itemAttributes)) {
            const QStringList values = stringsOf(snapshot.attributes(item).value(attribute));
            for (const QString &value : values) {
                const QString key = valueKey(attribute, value);
                auto it = strategy->m_valueIds.constFind(key);
                if (it == strategy->m_valueIds.constEnd()) {
                    it = strategy->m_valueIds.insert(key, int(strategy->m_valueLabels.size()));
                    strategy->m_valueLabels.push_back(value);
                }
                strategy->m_values.push_back(it.value());
            }
        }
        std::sort(strategy->m_values.begin() + qsizetype(start), strategy->m_values.end());
        strategy->m_values.erase(
            std::unique(strategy->m_values.begin() + qsizetype(start), strategy->m_values.end()),
            strategy->m_values.end());
        strategy->m_valueOffsets[size_t(item) + 1] = int(strategy->m_values.size());
    }
    return strategy;
}

QString PreferenceStrategy::name() const
{
    return QStringLiteral("preference");
}

int PreferenceStrategy::valueId(const QString &itemAttribute, const QString &value) const
{
    return m_valueIds.value(valueKey(itemAttribute, value), -1);
}

PreferenceStrategy::Preferences PreferenceStrategy::preferences(int user) const
{
    Preferences result;
    if (user < 0 || user >= m_snapshot->userCount())
        return result;
    result.values.assign(m_valueLabels.size(), 0.0f);
    const QJsonObject &profile = m_snapshot->userAttributes(user);

    const QJsonValue budget = profile.value(m_budgetAttribute);
    bool numeric = budget.isDouble();
    result.budget = numeric ? budget.toDouble() : budget.toString().toDouble(&numeric);
    if (!numeric || !(result.budget > 0))
        result.budget = 0;

    for (auto it = m_listAttributes.constBegin(); it != m_listAttributes.constEnd(); ++it) {
        const QStringList wanted = stringsOf(profile.value(it.key()));
        for (const QString &value : wanted) {
            const int id = valueId(it.value(), value);
            if (id >= 0 && result.values[size_t(id)] == 0) {
                result.values[size_t(id)] = 1.0f;
                result.total += 1.0f;
            }
        }
    }

    if (!m_history)
        return result;
    // From history: the values of the items they touched, together worth half a declared favourite
    // each at most; the budget, when not given, from the prices they went for.
    std::vector<float> learned(m_valueLabels.size(), 0.0f);
    std::vector<float> prices;
    float strongest = 0;
    for (const Snapshot::Event &event : m_snapshot->userEvents(user)) {
        const float weight = m_snapshot->weights().weights[event.type];
        if (weight <= 0)
            continue;
        const size_t item = size_t(event.item);
        for (int v = m_valueOffsets[item]; v < m_valueOffsets[item + 1]; ++v) {
            float &value = learned[size_t(m_values[size_t(v)])];
            value += weight;
            strongest = std::max(strongest, value);
        }
        if (!std::isnan(m_snapshot->currentPrice(event.item)))
            prices.push_back(m_snapshot->currentPrice(event.item));
    }
    for (size_t id = 0; id < learned.size() && strongest > 0; ++id) {
        const float add = 0.5f * learned[id] / strongest;
        result.values[id] += add;
        result.total += add;
    }
    if (result.budget <= 0 && !prices.empty()) {
        std::sort(prices.begin(), prices.end());
        result.budget = prices[(prices.size() - 1) * 4 / 5]; // what they usually go up to
        result.budgetFromHistory = true;
    }
    return result;
}

double PreferenceStrategy::fit(const Preferences &preferences, int item) const
{
    if (preferences.budget <= 0)
        return 1.0;
    const double price = m_snapshot->currentPrice(item);
    if (std::isnan(price))
        return 0.5;
    if (price <= preferences.budget)
        return 1.0;
    return std::exp(-3.0 * (price / preferences.budget - 1.0)); // 20% over: 0.55; 50% over: 0.22
}

std::vector<ScoredItem> PreferenceStrategy::candidates(const RecommendRequest &request, int n) const
{
    const Preferences wanted = preferences(request.user);
    if (wanted.budget <= 0 && wanted.total <= 0)
        return {};
    std::vector<ScoredItem> scored;
    scored.reserve(size_t(m_snapshot->itemCount()));
    for (int item = 0; item < m_snapshot->itemCount(); ++item) {
        double match = 1.0;
        if (wanted.total > 0) {
            match = 0;
            for (int v = m_valueOffsets[size_t(item)]; v < m_valueOffsets[size_t(item) + 1]; ++v)
                match += wanted.values[size_t(m_values[size_t(v)])];
            match /= wanted.total;
        }
        const double score = fit(wanted, item) * (match + m_popularityWeight * m_popularity->prior(item));
        if (score > 0)
            scored.push_back({item, float(score)});
    }
    return topN(std::move(scored), n);
}

QString PreferenceStrategy::explain(const RecommendRequest &request, int item) const
{
    if (item < 0 || item >= m_snapshot->itemCount())
        return {};
    const Preferences wanted = preferences(request.user);
    QString budget;
    const double price = m_snapshot->currentPrice(item);
    if (wanted.budget > 0 && !std::isnan(price)) {
        if (wanted.budgetFromHistory)
            budget = price <= wanted.budget ? Tr::tr("fits your usual price range") : QString();
        else if (price <= wanted.budget)
            budget = Tr::tr("fits your budget of %1").arg(ExplainFormat::money(wanted.budget));
        else
            budget = Tr::tr("%1% over your budget of %2")
                         .arg(ExplainFormat::count((price / wanted.budget - 1.0) * 100.0),
                             ExplainFormat::money(wanted.budget));
    }
    // The item's values the person wants, strongest first.
    std::vector<std::pair<float, int>> matched;
    for (int v = m_valueOffsets[size_t(item)]; v < m_valueOffsets[size_t(item) + 1]; ++v) {
        const int id = m_values[size_t(v)];
        if (wanted.total > 0 && wanted.values[size_t(id)] > 0)
            matched.emplace_back(-wanted.values[size_t(id)], id);
    }
    std::sort(matched.begin(), matched.end());
    QStringList labels;
    for (const auto &[weight, id] : matched)
        labels.append(m_valueLabels[size_t(id)]);
    const QString matches
        = labels.isEmpty() ? QString() : Tr::tr("matches %1").arg(labels.join(QStringLiteral(", ")));
    if (!budget.isEmpty() && !matches.isEmpty())
        return Tr::tr("%1 and %2").arg(budget, matches);
    if (budget.isEmpty() && matches.isEmpty())
        return m_popularity->count(item) > 0 ? Tr::tr("a popular choice") : QString();
    return budget.isEmpty() ? matches : budget;
}

} // namespace Vitrine
