// SPDX-License-Identifier: GPL-3.0-or-later
#include "slotlint.h"

#include "recommendrequest.h"
#include "session/enginesession.h"
#include "slotdefinition.h"
#include "slotresult.h"
#include "snapshot.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SlotLint)
};

QString percent(double share)
{
    return QString::number(100.0 * share, 'f', share < 0.1 ? 1 : 0) + QLatin1Char('%');
}

/** The category an item counts under for a diversity cap at @p level (0: its own). */
int categoryAt(const Snapshot &snapshot, int item, int level)
{
    const std::vector<int> chain = snapshot.categoryChain(item); // leaf first
    if (chain.empty())
        return -1;
    if (level <= 0 || level >= int(chain.size()))
        return chain.front();
    return chain[chain.size() - size_t(level)];
}

} // namespace

QJsonObject SlotLintWarning::toJson() const
{
    return {{QStringLiteral("code"), code}, {QStringLiteral("where"), where}, {QStringLiteral("message"), message},
        {QStringLiteral("advice"), advice}};
}

std::vector<SlotLintWarning> SlotLint::check(
    const EngineSession &engine, const SlotDefinition &slot, const Options &options, const Progress &progress)
{
    std::vector<SlotLintWarning> warnings;
    const Snapshot &snapshot = *engine.snapshot();

    for (size_t i = 0; i < slot.strategies.size(); ++i) {
        if (slot.strategies[i].weight == 0) {
            warnings.push_back({QStringLiteral("zero-weight"), QStringLiteral("strategies[%1].weight").arg(i),
                Tr::tr("%1 has weight 0: it adds nothing to the blend").arg(slot.strategies[i].name),
                Tr::tr("Give it a weight, or remove it")});
        }
    }

    // Diversity caps the catalog cannot fill.
    if (slot.maxPerCategory > 0 || slot.maxPerBrand > 0) {
        QSet<int> categories;
        QSet<int> brands;
        for (int item = 0; item < snapshot.itemCount(); ++item) {
            categories.insert(categoryAt(snapshot, item, slot.categoryLevel));
            brands.insert(snapshot.brand(item));
        }
        if (slot.maxPerCategory > 0 && qsizetype(slot.maxPerCategory) * categories.size() < slot.maxItems) {
            warnings.push_back({QStringLiteral("diversity-unreachable"), QStringLiteral("diversity.max_per_category"),
                Tr::tr("at most %1 per category over %n categories cannot fill %2 places", nullptr, int(categories.size()))
                    .arg(slot.maxPerCategory)
                    .arg(slot.maxItems),
                Tr::tr("Raise the cap, count categories at a deeper level, or show fewer items")});
        }
        if (slot.maxPerBrand > 0 && qsizetype(slot.maxPerBrand) * brands.size() < slot.maxItems) {
            warnings.push_back({QStringLiteral("diversity-unreachable"), QStringLiteral("diversity.max_per_brand"),
                Tr::tr("at most %1 per brand over %n brands cannot fill %2 places", nullptr, int(brands.size()))
                    .arg(slot.maxPerBrand)
                    .arg(slot.maxItems),
                Tr::tr("Raise the cap or show fewer items")});
        }
    }

    // Boosts on an attribute no item has.
    for (size_t i = 0; i < slot.boosts.size(); ++i) {
        const QString attribute = slot.boosts[i].when.toJson().value(QLatin1String("attribute")).toString();
        if (attribute.isEmpty())
            continue;
        bool found = false;
        for (int item = 0; item < snapshot.itemCount() && !found; ++item)
            found = snapshot.attributes(item).contains(attribute);
        if (!found) {
            warnings.push_back({QStringLiteral("boost-attribute"), QStringLiteral("boosts[%1].when.attribute").arg(i),
                Tr::tr("no item has the attribute '%1': this boost never applies").arg(attribute),
                Tr::tr("Check the attribute's name against the items' columns")});
        }
    }

    // The sample: people spread evenly over the catalog (anonymous when it has none).
    std::vector<int> people;
    const int population = snapshot.userCount();
    const int sample = std::min(population, std::max(1, options.sample));
    for (int i = 0; i < sample; ++i)
        people.push_back(int((qint64(i) * population) / sample));
    if (people.empty())
        people.push_back(-1);

    int shortCount = 0;
    int fallbackCount = 0;
    int done = 0;
    QStringList pipelineWarnings;
    for (int user : people) {
        if (progress.isCancelled())
            return {};
        RecommendRequest request;
        request.user = user;
        const SlotResult result = engine.recommend(slot, request);
        if (!result.ok) {
            warnings.push_back({QStringLiteral("error"), QString(), result.error, Tr::tr("Fix the definition first")});
            return warnings;
        }
        shortCount += int(result.items.size()) < slot.maxItems ? 1 : 0;
        fallbackCount += result.usedFallback ? 1 : 0;
        for (const QString &warning : result.warnings) {
            if (!pipelineWarnings.contains(warning))
                pipelineWarnings.append(warning);
        }
        progress.report(Tr::tr("Checking the slot"), ++done, qint64(people.size()));
    }
    const double n = double(people.size());
    for (const QString &warning : std::as_const(pipelineWarnings)) {
        warnings.push_back({QStringLiteral("strategy"), QStringLiteral("strategies"), warning,
            Tr::tr("Import the events it needs, or choose another strategy")});
    }
    if (shortCount / n > options.shortShare) {
        warnings.push_back({QStringLiteral("short"), QStringLiteral("filters"),
            Tr::tr("%1 of %2 sampled people get fewer than %3 items").arg(percent(shortCount / n)).arg(people.size()).arg(slot.maxItems),
            slot.fallbacks.empty() ? Tr::tr("Loosen a filter, add candidates, or add a fallback")
                                   : Tr::tr("Loosen a filter or add candidates; the fallback fills only up to min_items")});
    }
    if (!slot.fallbacks.empty() && fallbackCount == 0) {
        warnings.push_back({QStringLiteral("fallback-never"), QStringLiteral("fallback"),
            Tr::tr("the fallback is never reached for %1 sampled people").arg(people.size()),
            Tr::tr("Fine if it is a safety net; raise min_items if it should fill more")});
    } else if (!slot.fallbacks.empty() && fallbackCount == int(people.size())) {
        warnings.push_back({QStringLiteral("fallback-always"), QStringLiteral("fallback"),
            Tr::tr("the fallback is needed for every sampled person: the strategies give too few items"),
            Tr::tr("Check the strategies' parameters and the filters")});
    }

    // Pins a filter removes: asked for an anonymous visitor, so only the filters on the item
    // itself count (what one person bought or saw removes it for them alone).
    for (size_t i = 0; i < slot.pins.size(); ++i) {
        const int item = snapshot.itemIndexBySku(slot.pins[i].sku);
        if (item < 0) {
            warnings.push_back({QStringLiteral("pin-unknown"), QStringLiteral("pins[%1].sku").arg(i),
                Tr::tr("no item '%1' in the catalog").arg(slot.pins[i].sku), Tr::tr("Pin an item the catalog has")});
            continue;
        }
        const SlotResult result = engine.recommend(slot, RecommendRequest(), item);
        // Not a strategy's candidate is fine for a pin; a filter that would remove it is not.
        if (result.whyNot && result.whyNot->step != WhyNot::Step::Shown && !result.whyNot->rule.isEmpty()
            && result.whyNot->step != WhyNot::Step::Diversity) {
            warnings.push_back({QStringLiteral("pin-filtered"), QStringLiteral("pins[%1]").arg(i),
                Tr::tr("the pinned item %1 is removed by %2, so it is never shown").arg(slot.pins[i].sku, result.whyNot->rule),
                Tr::tr("Unpin it, or change the filter")});
        }
    }
    return warnings;
}

} // namespace Vitrine
