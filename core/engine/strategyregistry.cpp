// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategyregistry.h"

#include "modelcache.h"

#include "strategies/affinitystrategy.h"
#include "strategies/becauseviewedstrategy.h"
#include "strategies/bestsellersstrategy.h"
#include "strategies/boughttogetherstrategy.h"
#include "strategies/collaborativestrategy.h"
#include "strategies/cooccurrencestrategy.h"
#include "strategies/demographicstrategy.h"
#include "strategies/newarrivalsstrategy.h"
#include "strategies/onsalestrategy.h"
#include "strategies/preferencestrategy.h"
#include "strategies/recentlyviewedstrategy.h"
#include "strategies/similaritemsstrategy.h"
#include "strategies/trendingstrategy.h"

#include <QCoreApplication>

#include <algorithm>

namespace Vitrine {

namespace {

using Factory = std::unique_ptr<Strategy> (*)(const QString &name, const StrategyContext &, const QJsonObject &, QString *);

template<typename T>
std::unique_ptr<Strategy> make(const QString &, const StrategyContext &context, const QJsonObject &params, QString *error)
{
    return T::create(context, params, error);
}

template<typename T>
std::unique_ptr<Strategy> makeNamed(const QString &name, const StrategyContext &context, const QJsonObject &params,
                                    QString *error)
{
    return T::create(name, context, params, error);
}

std::unique_ptr<Strategy> makeAlsoViewed(const QString &, const StrategyContext &context, const QJsonObject &params,
                                         QString *error)
{
    return CoOccurrenceStrategy::createAlsoViewed(context, params, error);
}

std::unique_ptr<Strategy> makeAlsoBought(const QString &, const StrategyContext &context, const QJsonObject &params,
                                         QString *error)
{
    return CoOccurrenceStrategy::createAlsoBought(context, params, error);
}

struct Entry
{
    const char *name;
    const char *description;
    bool personal;
    Factory factory;
};

const std::vector<Entry> &entries()
{
    static const std::vector<Entry> list = {
        {"bestsellers", QT_TRANSLATE_NOOP("Vitrine::Strategies", "Most bought in a recent window"), false, &make<BestsellersStrategy>},
        {"trending", QT_TRANSLATE_NOOP("Vitrine::Strategies", "Rising fastest against their usual level"), false, &make<TrendingStrategy>},
        {"new", QT_TRANSLATE_NOOP("Vitrine::Strategies", "Newest arrivals"), false, &make<NewArrivalsStrategy>},
        {"on-sale", QT_TRANSLATE_NOOP("Vitrine::Strategies", "On sale, deepest discount first"), false, &make<OnSaleStrategy>},
        {"demographic", QT_TRANSLATE_NOOP("Vitrine::Strategies", "Popular with people of the same gender, country or age"), true, &make<DemographicStrategy>},
        {"similar", QT_TRANSLATE_NOOP("Vitrine::Strategies", "Similar by category, brand, attributes and title"), false, &make<SimilarItemsStrategy>},
        {"also-viewed", QT_TRANSLATE_NOOP("Vitrine::Strategies", "Viewed by the people who viewed this"), false, &makeAlsoViewed},
        {"also-bought", QT_TRANSLATE_NOOP("Vitrine::Strategies", "Bought by the people who bought this"), false, &makeAlsoBought},
        {"bought-together", QT_TRANSLATE_NOOP("Vitrine::Strategies", "Bought in the same basket (lift)"), false, &make<BoughtTogetherStrategy>},
        {"ease", QT_TRANSLATE_NOOP("Vitrine::Strategies", "Personal picks by EASE collaborative filtering"), true, &makeNamed<CollaborativeStrategy>},
        {"ials", QT_TRANSLATE_NOOP("Vitrine::Strategies", "Personal picks by implicit ALS"), true, &makeNamed<CollaborativeStrategy>},
        {"personal", QT_TRANSLATE_NOOP("Vitrine::Strategies", "Personal picks (EASE or ALS by catalog size)"), true, &makeNamed<CollaborativeStrategy>},
        {"recently-viewed", QT_TRANSLATE_NOOP("Vitrine::Strategies", "What the person looked at last"), true, &make<RecentlyViewedStrategy>},
        {"affinity", QT_TRANSLATE_NOOP("Vitrine::Strategies", "The person's favourite categories, brands and price band"), true, &make<AffinityStrategy>},
        {"because-viewed", QT_TRANSLATE_NOOP("Vitrine::Strategies", "Because you viewed X"), true, &make<BecauseViewedStrategy>},
        {"preference", QT_TRANSLATE_NOOP("Vitrine::Strategies", "Matches the person's budget and favourite attributes"), true, &make<PreferenceStrategy>},
    };
    return list;
}

} // namespace

const std::vector<StrategyInfo> &strategyInfos()
{
    static const std::vector<StrategyInfo> infos = [] {
        std::vector<StrategyInfo> list;
        for (const Entry &entry : entries())
            list.push_back({QString::fromLatin1(entry.name),
                            QCoreApplication::translate("Vitrine::Strategies", entry.description), entry.personal});
        return list;
    }();
    return infos;
}

bool checkStrategyParams(const QString &name, const QJsonObject &params, QString *error)
{
    static const SnapshotPtr empty = Snapshot::empty();
    ModelCache models(empty);
    return createStrategy(name, StrategyContext {empty, &models, {}}, params, error) != nullptr;
}

std::vector<StrategyParamSpec> strategyParamSpecs(const QString &name)
{
    StrategyParams::Recorder recorder;
    QString error;
    checkStrategyParams(name, {}, &error);
    std::vector<StrategyParamSpec> specs = recorder.specs();
    // A key a strategy accepts but reads only on some paths: offered as JSON.
    for (const QString &key : recorder.known()) {
        if (std::none_of(specs.begin(), specs.end(), [&](const StrategyParamSpec &spec) { return spec.key == key; }))
            specs.push_back({key, StrategyParamSpec::Kind::Object, {}, 0, 0, {}});
    }
    return specs;
}

std::unique_ptr<Strategy> createStrategy(const QString &name, const StrategyContext &context, const QJsonObject &params,
                                         QString *error)
{
    QStringList names;
    for (const Entry &entry : entries()) {
        if (name == QLatin1String(entry.name))
            return entry.factory(name, context, params, error);
        names.append(QLatin1String(entry.name));
    }
    if (error)
        *error = QCoreApplication::translate("Vitrine::Strategies", "unknown strategy '%1' (strategies: %2)")
                     .arg(name, names.join(QStringLiteral(", ")));
    return nullptr;
}

} // namespace Vitrine
