// SPDX-License-Identifier: GPL-3.0-or-later
#include "slotpipeline.h"

#include "catalog/eventtype.h"
#include "strategyregistry.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SlotPipeline)
};

QString money(float value)
{
    return QString::number(double(value), 'f', value == std::floor(value) ? 0 : 2);
}

/** Rescales one strategy's scores so strategies on different scales can be blended. */
std::vector<float> normalise(const std::vector<ScoredItem> &list, SlotDefinition::Normalisation how)
{
    std::vector<float> out(list.size());
    if (list.empty())
        return out;
    const size_t n = list.size();
    switch (how) {
    case SlotDefinition::Normalisation::Rank:
        for (size_t i = 0; i < n; ++i)
            out[i] = 1.0f - float(i) / float(n);
        break;
    case SlotDefinition::Normalisation::Max: {
        const float max = list.front().score;
        for (size_t i = 0; i < n; ++i)
            out[i] = max > 0 ? list[i].score / max : 0.0f;
        break;
    }
    case SlotDefinition::Normalisation::MinMax: {
        const float max = list.front().score;
        const float min = list.back().score;
        for (size_t i = 0; i < n; ++i)
            out[i] = max > min ? (list[i].score - min) / (max - min) : 1.0f;
        break;
    }
    case SlotDefinition::Normalisation::ZScore: {
        double sum = 0, squares = 0;
        for (const ScoredItem &s : list) {
            sum += s.score;
            squares += double(s.score) * s.score;
        }
        const double mean = sum / double(n);
        const double sd = std::sqrt(std::max(0.0, squares / double(n) - mean * mean));
        for (size_t i = 0; i < n; ++i)
            out[i] = sd > 0 ? float((list[i].score - mean) / sd) : 0.0f;
        break;
    }
    case SlotDefinition::Normalisation::None:
        for (size_t i = 0; i < n; ++i)
            out[i] = list[i].score;
        break;
    }
    return out;
}

bool contains(const std::vector<int> &sorted, int value)
{
    return std::binary_search(sorted.begin(), sorted.end(), value);
}

} // namespace

enum class SlotPipeline::Rule {
    None, InStock, Kind, Categories, ExcludeCategories, Brands, ExcludeBrands, PriceMin, PriceMax,
    RelativePriceMin, RelativePriceMax, SameCategory, Attribute, ExcludeBought, ExcludeSeen, ExcludePage,
    ExcludeContext,
};

/** What one request knows that the filters need, worked out once per request. */
struct SlotPipeline::Context
{
    const RecommendRequest *request = nullptr;
    std::vector<int> bought;
    std::vector<int> seen;
    std::vector<int> onPage;
    std::vector<int> contextItems;
    float contextPrice = NAN;
    int contextCategory = -1;
    mutable int failedAttribute = -1;
};

std::unique_ptr<SlotPipeline> SlotPipeline::build(const SlotDefinition &definition, const StrategyContext &context,
                                                  QString *error)
{
    std::unique_ptr<SlotPipeline> pipeline(new SlotPipeline);
    pipeline->m_definition = definition;
    pipeline->m_snapshot = context.snapshot;
    const Snapshot &s = *context.snapshot;
    const QString slot = definition.key;

    const auto buildList = [&](const std::vector<SlotStrategy> &specs, const char *what, std::vector<Built> &out) {
        for (size_t i = 0; i < specs.size(); ++i) {
            QString message;
            std::unique_ptr<Strategy> strategy = createStrategy(specs[i].name, context, specs[i].params, &message);
            if (!strategy) {
                if (error)
                    *error
                        = Tr::tr("slot '%1': %2[%3]: %4").arg(slot, QLatin1String(what)).arg(i).arg(message);
                return false;
            }
            if (const QString problem = eventNeedProblem(s, specs[i].name, strategy->eventNeed()); !problem.isEmpty())
                pipeline->m_warnings.append(QStringLiteral("%1[%2] %3").arg(QLatin1String(what)).arg(i).arg(problem));
            out.push_back({specs[i], std::move(strategy)});
        }
        return true;
    };
    if (!buildList(definition.strategies, "strategies", pipeline->m_strategies)
        || !buildList(definition.fallbacks, "fallback", pipeline->m_fallbacks))
        return nullptr;

    const auto resolve = [&](const QStringList &names, bool category, const char *key, std::vector<int> &out) {
        for (const QString &name : names) {
            const int id = category ? s.categoryByPath(name) : s.brandByName(name);
            if (id < 0) {
                if (error)
                    *error = Tr::tr("slot '%1': filters.%2: the catalog has no %3 '%4'")
                                 .arg(slot, QLatin1String(key),
                                     category ? Tr::tr("category") : Tr::tr("brand"), name);
                return false;
            }
            out.push_back(id);
        }
        std::sort(out.begin(), out.end());
        return true;
    };
    const SlotFilters &f = definition.filters;
    if (!resolve(f.categories, true, "categories", pipeline->m_categories)
        || !resolve(f.excludeCategories, true, "exclude_categories", pipeline->m_excludeCategories)
        || !resolve(f.brands, false, "brands", pipeline->m_brands)
        || !resolve(f.excludeBrands, false, "exclude_brands", pipeline->m_excludeBrands))
        return nullptr;

    for (const SlotPin &pin : definition.pins) {
        const int item = s.itemIndexBySku(pin.sku);
        if (item < 0) {
            if (error)
                *error = Tr::tr("slot '%1': pins: the catalog has no item '%2'").arg(slot, pin.sku);
            return nullptr;
        }
        pipeline->m_pins.emplace_back(item, pin.position - 1);
    }
    std::stable_sort(pipeline->m_pins.begin(), pipeline->m_pins.end(),
                     [](const auto &a, const auto &b) { return a.second < b.second; });
    return pipeline;
}

SlotPipeline::Rule SlotPipeline::failingFilter(int item, const Context &c) const
{
    const Snapshot &s = *m_snapshot;
    const SlotFilters &f = m_definition.filters;
    if (f.excludeContext && contains(c.contextItems, item))
        return Rule::ExcludeContext;
    if (f.excludePage && contains(c.onPage, item))
        return Rule::ExcludePage;
    if (f.inStock && !s.isContent(item) && !s.inStock(item))
        return Rule::InStock;
    if (!f.kind.isEmpty() && s.isContent(item) != (f.kind == QLatin1String("content")))
        return Rule::Kind;
    if (!m_categories.empty()) {
        bool inside = false;
        for (int category : m_categories)
            inside = inside || s.inCategory(item, category);
        if (!inside)
            return Rule::Categories;
    }
    for (int category : m_excludeCategories) {
        if (s.inCategory(item, category))
            return Rule::ExcludeCategories;
    }
    if (!m_brands.empty() && !contains(m_brands, s.brand(item)))
        return Rule::Brands;
    if (!m_excludeBrands.empty() && contains(m_excludeBrands, s.brand(item)))
        return Rule::ExcludeBrands;
    const float price = s.currentPrice(item);
    if (f.priceMin && (std::isnan(price) || price < *f.priceMin))
        return Rule::PriceMin;
    if (f.priceMax && (std::isnan(price) || price > *f.priceMax))
        return Rule::PriceMax;
    if (!std::isnan(c.contextPrice)) {
        if (f.relativePriceMin && (std::isnan(price) || price < *f.relativePriceMin * c.contextPrice))
            return Rule::RelativePriceMin;
        if (f.relativePriceMax && (std::isnan(price) || price > *f.relativePriceMax * c.contextPrice))
            return Rule::RelativePriceMax;
    }
    if (f.sameCategoryAsContext && c.contextCategory >= 0 && !s.inCategory(item, c.contextCategory))
        return Rule::SameCategory;
    for (size_t i = 0; i < f.attributes.size(); ++i) {
        if (!f.attributes[i].matches(s, item, *c.request)) {
            c.failedAttribute = int(i);
            return Rule::Attribute;
        }
    }
    if (f.excludeBought && contains(c.bought, item))
        return Rule::ExcludeBought;
    if (f.excludeSeen && contains(c.seen, item))
        return Rule::ExcludeSeen;
    return Rule::None;
}

QString SlotPipeline::ruleName(Rule rule, int attributeIndex)
{
    switch (rule) {
    case Rule::None:
        return {};
    case Rule::InStock:
        return QStringLiteral("in_stock");
    case Rule::Kind:
        return QStringLiteral("kind");
    case Rule::Categories:
        return QStringLiteral("categories");
    case Rule::ExcludeCategories:
        return QStringLiteral("exclude_categories");
    case Rule::Brands:
        return QStringLiteral("brands");
    case Rule::ExcludeBrands:
        return QStringLiteral("exclude_brands");
    case Rule::PriceMin:
        return QStringLiteral("price.min");
    case Rule::PriceMax:
        return QStringLiteral("price.max");
    case Rule::RelativePriceMin:
        return QStringLiteral("relative_price.min");
    case Rule::RelativePriceMax:
        return QStringLiteral("relative_price.max");
    case Rule::SameCategory:
        return QStringLiteral("same_category_as_context");
    case Rule::Attribute:
        return QStringLiteral("attributes[%1]").arg(attributeIndex);
    case Rule::ExcludeBought:
        return QStringLiteral("exclude_bought");
    case Rule::ExcludeSeen:
        return QStringLiteral("exclude_seen");
    case Rule::ExcludePage:
        return QStringLiteral("exclude_page");
    case Rule::ExcludeContext:
        break;
    }
    return QStringLiteral("exclude_context");
}

QString SlotPipeline::ruleMessage(Rule rule, int item, const Context &c) const
{
    const Snapshot &s = *m_snapshot;
    const SlotFilters &f = m_definition.filters;
    const float price = s.currentPrice(item);
    switch (rule) {
    case Rule::None:
        return {};
    case Rule::InStock:
        return Tr::tr("it is out of stock");
    case Rule::Kind:
        return s.isContent(item) ? Tr::tr("it is an article and the slot shows products")
                                 : Tr::tr("it is a product and the slot shows articles");
    case Rule::Categories:
        return Tr::tr("it is not in %1").arg(f.categories.join(Tr::tr(" or ")));
    case Rule::ExcludeCategories:
        return Tr::tr("its category %1 is excluded").arg(s.categoryInfo(s.category(item)).path);
    case Rule::Brands:
        return Tr::tr("its brand is not %1").arg(f.brands.join(Tr::tr(" or ")));
    case Rule::ExcludeBrands:
        return Tr::tr("its brand %1 is excluded").arg(s.brandName(s.brand(item)));
    case Rule::PriceMin:
        return std::isnan(price)
            ? Tr::tr("it has no price")
            : Tr::tr("it costs %1, below the minimum %2").arg(money(price), money(float(*f.priceMin)));
    case Rule::PriceMax:
        return std::isnan(price)
            ? Tr::tr("it has no price")
            : Tr::tr("it costs %1, above the maximum %2").arg(money(price), money(float(*f.priceMax)));
    case Rule::RelativePriceMin:
        return Tr::tr("it costs %1, less than %2× the current item's %3")
            .arg(money(price))
            .arg(*f.relativePriceMin)
            .arg(money(c.contextPrice));
    case Rule::RelativePriceMax:
        return Tr::tr("it costs %1, more than %2× the current item's %3")
            .arg(money(price))
            .arg(*f.relativePriceMax)
            .arg(money(c.contextPrice));
    case Rule::SameCategory:
        return Tr::tr("it is not in the current item's category %1")
            .arg(s.categoryInfo(c.contextCategory).path);
    case Rule::Attribute:
        return Tr::tr("it does not match \"%1\"").arg(f.attributes[size_t(c.failedAttribute)].describe());
    case Rule::ExcludeBought:
        return Tr::tr("the person already bought it");
    case Rule::ExcludeSeen:
        return Tr::tr("the person has already seen it");
    case Rule::ExcludePage:
        return Tr::tr("it is already shown higher on the page");
    case Rule::ExcludeContext:
        break;
    }
    return Tr::tr("it is the current item or already in the cart");
}

int SlotPipeline::diversityKey(int item) const
{
    const std::vector<int> chain = m_snapshot->categoryChain(item);
    if (chain.empty())
        return -1;
    const int level = m_definition.categoryLevel;
    if (level <= 0 || level >= int(chain.size()))
        return chain.front();
    return chain[chain.size() - size_t(level)];
}

SlotResult SlotPipeline::run(const RecommendRequest &request, int whyNotItem) const
{
    const Snapshot &s = *m_snapshot;
    const SlotDefinition &def = m_definition;
    SlotResult result;
    result.slot = def.key;
    result.title = def.title;
    result.warnings = m_warnings;
    const int k = request.k > 0 ? request.k : def.maxItems;

    Context context;
    context.request = &request;
    if (request.user >= 0) {
        for (const Snapshot::Event &event : s.userEvents(request.user)) {
            context.seen.push_back(event.item);
            if (event.type == quint8(EventType::Purchase))
                context.bought.push_back(event.item);
        }
    }
    context.onPage = request.onPage;
    context.contextItems = request.cart;
    if (request.contextItem >= 0) {
        context.contextItems.push_back(request.contextItem);
        context.contextPrice = s.currentPrice(request.contextItem);
        context.contextCategory = s.category(request.contextItem);
    }
    for (std::vector<int> *list : {&context.seen, &context.bought, &context.onPage, &context.contextItems}) {
        std::sort(list->begin(), list->end());
        list->erase(std::unique(list->begin(), list->end()), list->end());
    }

    // 1-2. Candidates, normalised and blended.
    struct Candidate
    {
        int item;
        float score;
        std::vector<Contribution> contributions;
        QStringList boosts;
        bool pinned = false;
    };
    std::vector<Candidate> candidates;
    std::unordered_map<int, size_t> position;
    const int n = std::max(def.candidates, k * 3);
    for (const Built &built : m_strategies) {
        const std::vector<ScoredItem> list = built.strategy->candidates(request, n);
        const std::vector<float> normalised = normalise(list, def.normalisation);
        for (size_t i = 0; i < list.size(); ++i) {
            auto [it, inserted] = position.try_emplace(list[i].item, candidates.size());
            if (inserted)
                candidates.push_back({list[i].item, 0.0f, {}, {}, false});
            Candidate &candidate = candidates[it->second];
            candidate.score += float(built.spec.weight) * normalised[i];
            candidate.contributions.push_back({built.spec.name, list[i].score, normalised[i], built.spec.weight, QString()});
        }
    }
    const bool whyNotWasCandidate = position.count(whyNotItem) > 0;

    // 3-4. Hard filters, then boosts and buries.
    std::vector<Candidate> kept;
    kept.reserve(candidates.size());
    Rule whyNotRule = Rule::None;
    for (Candidate &candidate : candidates) {
        const Rule rule = failingFilter(candidate.item, context);
        if (rule != Rule::None) {
            if (candidate.item == whyNotItem)
                whyNotRule = rule;
            continue;
        }
        for (const SlotBoost &boost : def.boosts) {
            if (boost.when.matches(s, candidate.item, request)) {
                candidate.score *= float(boost.factor);
                candidate.boosts.append(QStringLiteral("%1 ×%2").arg(boost.label).arg(boost.factor));
            }
        }
        kept.push_back(std::move(candidate));
    }
    std::sort(kept.begin(), kept.end(), [](const Candidate &a, const Candidate &b) {
        return a.score != b.score ? a.score > b.score : a.item < b.item;
    });

    // 5. Diversity while taking the best k.
    std::unordered_map<int, int> perCategory;
    std::unordered_map<int, int> perBrand;
    const auto allowed = [&](int item) {
        if (def.maxPerCategory > 0) {
            const int key = diversityKey(item);
            if (key >= 0 && perCategory[key] >= def.maxPerCategory)
                return false;
        }
        if (def.maxPerBrand > 0 && s.brand(item) >= 0 && perBrand[s.brand(item)] >= def.maxPerBrand)
            return false;
        return true;
    };
    const auto take = [&](int item) {
        if (def.maxPerCategory > 0 && diversityKey(item) >= 0)
            ++perCategory[diversityKey(item)];
        if (def.maxPerBrand > 0 && s.brand(item) >= 0)
            ++perBrand[s.brand(item)];
    };
    std::vector<Candidate> chosen;
    int whyNotRank = -1;
    bool whyNotCapped = false;
    for (size_t i = 0; i < kept.size(); ++i) {
        Candidate &candidate = kept[i];
        if (candidate.item == whyNotItem)
            whyNotRank = int(i) + 1;
        if (int(chosen.size()) >= k)
            continue;
        if (!allowed(candidate.item)) {
            whyNotCapped = whyNotCapped || candidate.item == whyNotItem;
            continue;
        }
        take(candidate.item);
        chosen.push_back(std::move(candidate));
    }

    // 6. Pins: a pinned item obeys the hard filters but not diversity, and appears once.
    for (const auto &[item, pinPosition] : m_pins) {
        if (failingFilter(item, context) != Rule::None)
            continue;
        const auto existing = std::find_if(chosen.begin(), chosen.end(), [item = item](const Candidate &c) { return c.item == item; });
        Candidate pinned{item, 0.0f, {}, {}, false};
        if (existing != chosen.end()) {
            pinned = std::move(*existing);
            chosen.erase(existing);
        }
        pinned.pinned = true;
        chosen.insert(chosen.begin() + std::min<ptrdiff_t>(pinPosition, ptrdiff_t(chosen.size())), std::move(pinned));
    }
    if (int(chosen.size()) > k)
        chosen.resize(size_t(k));

    // 7. Fallbacks fill up when fewer than the minimum remain, under the same rules.
    std::vector<QString> fallbackOf(chosen.size());
    if (int(chosen.size()) < std::min(def.minItems, k)) {
        for (const Built &built : m_fallbacks) {
            if (int(chosen.size()) >= k)
                break;
            for (const ScoredItem &scored : built.strategy->candidates(request, n)) {
                if (int(chosen.size()) >= k)
                    break;
                const bool present = std::any_of(chosen.begin(), chosen.end(),
                                                 [&](const Candidate &c) { return c.item == scored.item; });
                if (present || failingFilter(scored.item, context) != Rule::None || !allowed(scored.item))
                    continue;
                take(scored.item);
                chosen.push_back({scored.item, 0.0f, {{built.spec.name, scored.score, 0.0f, 0.0, QString()}}, {}, false});
                fallbackOf.resize(chosen.size());
                fallbackOf.back() = built.spec.name;
                result.usedFallback = true;
            }
        }
    }
    fallbackOf.resize(chosen.size());

    // 8. Explanations.
    const auto strategyNamed = [&](const QString &name, bool fallback) -> const Strategy * {
        for (const Built &built : fallback ? m_fallbacks : m_strategies) {
            if (built.spec.name == name)
                return built.strategy.get();
        }
        return nullptr;
    };
    for (size_t i = 0; i < chosen.size(); ++i) {
        Candidate &candidate = chosen[i];
        RecommendedItem item;
        item.item = candidate.item;
        item.score = candidate.score;
        item.fallback = fallbackOf[i];
        item.pinned = candidate.pinned;
        item.boosts = candidate.boosts;
        std::stable_sort(candidate.contributions.begin(), candidate.contributions.end(),
                         [](const Contribution &a, const Contribution &b) {
                             return a.weight * a.normalised > b.weight * b.normalised;
                         });
        if (item.pinned)
            item.reasons.append(Tr::tr("pinned at position %1 by the merchandiser").arg(i + 1));
        for (Contribution &contribution : candidate.contributions) {
            if (const Strategy *strategy = strategyNamed(contribution.strategy, !item.fallback.isEmpty()))
                contribution.reason = strategy->explain(request, candidate.item);
            item.reasons.append(item.fallback.isEmpty()
                    ? QStringLiteral("%1: %2").arg(contribution.strategy, contribution.reason)
                    : Tr::tr("filled in by fallback %1: %2").arg(contribution.strategy, contribution.reason));
        }
        for (const QString &boost : std::as_const(item.boosts))
            item.reasons.append(Tr::tr("boosted: %1").arg(boost));
        item.contributions = std::move(candidate.contributions);
        result.items.push_back(std::move(item));
    }

    if (whyNotItem >= 0) {
        WhyNot why;
        why.item = whyNotItem;
        const auto shown = std::find_if(result.items.begin(), result.items.end(),
                                        [&](const RecommendedItem &r) { return r.item == whyNotItem; });
        QStringList names;
        for (const Built &built : m_strategies)
            names.append(built.spec.name);
        const Rule rule = whyNotRule != Rule::None ? whyNotRule : failingFilter(whyNotItem, context);
        if (shown != result.items.end()) {
            why.step = WhyNot::Step::Shown;
            why.position = int(shown - result.items.begin()) + 1;
            why.message = Tr::tr("%1 is shown at position %2").arg(s.title(whyNotItem)).arg(why.position);
        } else if (!whyNotWasCandidate) {
            why.step = WhyNot::Step::NotCandidate;
            why.message = Tr::tr("%1 is not a candidate: none of %2 put it in their top %3")
                              .arg(s.title(whyNotItem), names.join(QStringLiteral(", ")))
                              .arg(n);
            if (rule != Rule::None) {
                why.rule = ruleName(rule, context.failedAttribute);
                why.message += Tr::tr("; it would also be removed by the filter %1 (%2)")
                                   .arg(why.rule, ruleMessage(rule, whyNotItem, context));
            }
        } else if (rule != Rule::None) {
            why.step = rule == Rule::ExcludePage ? WhyNot::Step::Deduped : WhyNot::Step::Filtered;
            why.rule = ruleName(rule, context.failedAttribute);
            why.message = Tr::tr("%1 was removed by the filter %2: %3")
                              .arg(s.title(whyNotItem), why.rule, ruleMessage(rule, whyNotItem, context));
        } else if (whyNotCapped) {
            why.step = WhyNot::Step::Diversity;
            const bool brandCap = def.maxPerBrand > 0 && s.brand(whyNotItem) >= 0 && perBrand[s.brand(whyNotItem)] >= def.maxPerBrand;
            why.rule = brandCap ? QStringLiteral("max_per_brand") : QStringLiteral("max_per_category");
            why.message = brandCap ? Tr::tr("%1 was left out by diversity: already %2 items by %3")
                                         .arg(s.title(whyNotItem))
                                         .arg(def.maxPerBrand)
                                         .arg(s.brandName(s.brand(whyNotItem)))
                                   : Tr::tr("%1 was left out by diversity: already %2 items from %3")
                                         .arg(s.title(whyNotItem))
                                         .arg(def.maxPerCategory)
                                         .arg(s.categoryInfo(diversityKey(whyNotItem)).path);
        } else {
            why.step = WhyNot::Step::BelowCut;
            why.position = whyNotRank;
            why.message
                = Tr::tr("%1 ranked %2, below the %3 shown").arg(s.title(whyNotItem)).arg(whyNotRank).arg(k);
        }
        result.whyNot = why;
    }
    result.ok = true;
    return result;
}

} // namespace Vitrine
