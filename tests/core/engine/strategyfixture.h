// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the strategy suites: every strategy's factory, a catalog + snapshot + model cache
// fixture, and a small seeded random shop. Header-only so each suite links vitrine-core alone.
#pragma once

#include "engine/modelcache.h"
#include "engine/strategies/affinitystrategy.h"
#include "engine/strategies/becauseviewedstrategy.h"
#include "engine/strategies/bestsellersstrategy.h"
#include "engine/strategies/boughttogetherstrategy.h"
#include "engine/strategies/cooccurrencestrategy.h"
#include "engine/strategies/demographicstrategy.h"
#include "engine/strategies/newarrivalsstrategy.h"
#include "engine/strategies/onsalestrategy.h"
#include "engine/strategies/preferencestrategy.h"
#include "engine/strategies/recentlyviewedstrategy.h"
#include "engine/strategies/similaritemsstrategy.h"
#include "engine/strategies/trendingstrategy.h"
#include "engine/strategy.h"
#include "testcatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTest>

#include <atomic>
#include <map>


namespace Vitrine::Test {

using Factory = std::unique_ptr<Strategy> (*)(const StrategyContext &, const QJsonObject &, QString *);

inline const std::map<QString, Factory> &factories()
{
    static const std::map<QString, Factory> map = {
        {QStringLiteral("bestsellers"), &BestsellersStrategy::create},
        {QStringLiteral("trending"), &TrendingStrategy::create},
        {QStringLiteral("new"), &NewArrivalsStrategy::create},
        {QStringLiteral("on-sale"), &OnSaleStrategy::create},
        {QStringLiteral("demographic"), &DemographicStrategy::create},
        {QStringLiteral("similar"), &SimilarItemsStrategy::create},
        {QStringLiteral("also-viewed"), &CoOccurrenceStrategy::createAlsoViewed},
        {QStringLiteral("also-bought"), &CoOccurrenceStrategy::createAlsoBought},
        {QStringLiteral("bought-together"), &BoughtTogetherStrategy::create},
        {QStringLiteral("recently-viewed"), &RecentlyViewedStrategy::create},
        {QStringLiteral("affinity"), &AffinityStrategy::create},
        {QStringLiteral("because-viewed"), &BecauseViewedStrategy::create},
        {QStringLiteral("preference"), &PreferenceStrategy::create},
    };
    return map;
}

inline QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

/** The time hand-built catalogs are looked at: 100 days after Day0. */
constexpr qint64 T = Day0 + 100 * Day;

/** A catalog, a snapshot of it and a model cache, with shortcuts to ask strategies. */
class Fixture
{
public:
    TestCatalog catalog;
    SnapshotPtr snapshot;
    std::unique_ptr<ModelCache> cache;

    void load(std::optional<qint64> asOf = T)
    {
        SnapshotOptions options;
        options.asOf = asOf;
        snapshot = catalog.snapshot(options);
        cache = std::make_unique<ModelCache>(snapshot);
    }

    std::unique_ptr<Strategy> make(
        const QString &name, const QJsonObject &params = {}, QString *error = nullptr)
    {
        QString message;
        const StrategyContext context {snapshot, cache.get(), {}};
        auto strategy = factories().at(name)(context, params, &message);
        if (error)
            *error = message;
        else if (!strategy)
            qWarning("%s", qPrintable(message));
        return strategy;
    }

    int item(const char *sku) const { return snapshot->itemIndexBySku(QString::fromLatin1(sku)); }
    int user(const char *id) const { return snapshot->userIndexByExternalId(QString::fromLatin1(id)); }

    RecommendRequest forUser(const char *id) const
    {
        RecommendRequest request;
        request.user = user(id);
        return request;
    }
    RecommendRequest forItem(const char *sku) const
    {
        RecommendRequest request;
        request.contextItem = item(sku);
        return request;
    }
    RecommendRequest forCart(std::initializer_list<const char *> skus) const
    {
        RecommendRequest request;
        for (const char *sku : skus)
            request.cart.push_back(item(sku));
        return request;
    }

    QStringList skus(const std::vector<ScoredItem> &items) const
    {
        QStringList result;
        for (const ScoredItem &entry : items)
            result.append(snapshot->sku(entry.item));
        return result;
    }

    QStringList top(const Strategy &strategy, const RecommendRequest &request, int n = 10) const
    {
        return skus(strategy.candidates(request, n));
    }

    QString explain(const Strategy &strategy, const RecommendRequest &request, const char *sku) const
    {
        return strategy.explain(request, item(sku));
    }
};

inline QStringList list(std::initializer_list<const char *> values)
{
    QStringList result;
    for (const char *value : values)
        result.append(QString::fromLatin1(value));
    return result;
}

/** A small random shop (fixed seed) for properties every strategy must have. */
inline void fillShop(TestCatalog &catalog)
{
    quint64 state = 42;
    auto next = [&state](int bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return int((state >> 33) % quint64(bound));
    };
    const char *categories[] = {"Outdoor > Jackets", "Outdoor > Tents", "Fashion > Women > Knitwear",
        "Fashion > Men > Shirts", "Home > Kitchen"};
    const char *brands[] = {"Nordvik", "Fjell", "Ullmo", "Kasa"};
    const char *colors[] = {"black", "grey", "red", "blue"};
    const char *words[] = {"Merino", "Classic", "Light", "Storm", "Cotton", "Travel"};
    const char *activities[] = {"hiking", "diving", "skiing", "museums"};
    QVERIFY(catalog.db().exec(QStringLiteral("BEGIN")));
    for (int i = 0; i < 40; ++i) {
        TestCatalog::ItemSpec spec;
        spec.sku = QStringLiteral("I%1").arg(i);
        spec.title = QStringLiteral("%1 %2 %3")
                         .arg(QLatin1String(words[next(6)]), QLatin1String(words[next(6)]),
                             QString::fromLatin1(categories[i % 5]).section(QStringLiteral(" > "), -1));
        spec.category = QLatin1String(categories[i % 5]);
        spec.brand = QLatin1String(brands[next(4)]);
        spec.price = 10 + next(500);
        spec.salePrice = i % 5 == 0 ? spec.price * (0.5 + next(40) / 100.0) : -1;
        spec.createdAt = T - next(120) * Day;
        spec.attributes = QJsonObject {{QStringLiteral("color"), QLatin1String(colors[next(4)])},
            {QStringLiteral("activities"),
                QJsonArray {QLatin1String(activities[next(4)]), QLatin1String(activities[next(4)])}}};
        catalog.item(spec);
    }
    const char *countries[] = {"Denmark", "Sweden", "Norway"};
    const char *genders[] = {"f", "m", "x", ""};
    for (int u = 0; u < 30; ++u) {
        TestCatalog::UserSpec spec;
        spec.externalId = QStringLiteral("U%1").arg(u);
        spec.gender = QLatin1String(genders[next(4)]);
        spec.birthYear = 1950 + next(55);
        spec.country = QLatin1String(countries[next(3)]);
        spec.attributes = QJsonObject {{QStringLiteral("budget"), 100 + next(400)},
            {QStringLiteral("favorite_activities"), QJsonArray {QLatin1String(activities[next(4)])}}};
        catalog.user(spec);
    }
    const int types[] = {0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 3, 4};
    for (int e = 0; e < 1500; ++e) {
        const int u = next(30);
        const int i = (u * 7 + next(12) * next(4)) % 40; // people keep to a few items, so pairs repeat
        catalog.event(QStringLiteral("U%1").arg(u), QStringLiteral("I%1").arg(i), types[next(12)],
            T - next(120 * 24) * 3600, 1 + next(2));
    }
    for (int u = 0; u < 30; ++u) { // orders of two items that recur, for basket association
        const qint64 when = T - (1 + next(100)) * Day;
        catalog.event(QStringLiteral("U%1").arg(u), QStringLiteral("I%1").arg(u % 5 * 2), 3, when);
        catalog.event(QStringLiteral("U%1").arg(u), QStringLiteral("I%1").arg(u % 5 * 2 + 1), 3, when + 600);
    }
    QVERIFY(catalog.db().exec(QStringLiteral("COMMIT")));
}

} // namespace Vitrine::Test
