// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoshopper.h"

#include "catalog/eventtype.h"
#include "demo/democalendar.h"
#include "demo/demodata.h"
#include "demo/demorandom.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace Vitrine {

namespace {

using DemoData::Audience;
using DemoData::LeafCategory;
using Cluster = DemoCatalog::Cluster;
using Item = DemoCatalog::Item;
using Leaf = DemoCatalog::Leaf;
using Person = DemoPopulation::Person;

constexpr qint64 Day = DemoCalendar::Day;

} // namespace

DemoShopper::DemoShopper(const DemoCatalog &catalog, const DemoCalendar &calendar)
    : m_catalog(catalog)
    , m_calendar(calendar)
    , m_leaves(catalog.leaves())
    , m_clusters(catalog.clusters())
    , m_items(catalog.items())
{ }

const std::vector<DemoShopper::Event> &DemoShopper::simulate(const Person &person, DemoRandom &random)
{
    makeTaste(person, random);
    makeVisits(person, random);
    return m_events;
}

void DemoShopper::makeTaste(const Person &person, DemoRandom &random)
{
    const auto tops = DemoData::topCategories();
    const auto topics = DemoData::topics();
    // What people of a gender, age and region tend to shop, before their own leanings.
    const int age = m_calendar.endYear() - person.birthYear;
    std::vector<double> prior;
    double priorSum = 0;
    for (const DemoData::TopCategory &top : tops) {
        double weight = top.prior;
        if (person.gender == 'f')
            weight *= top.women;
        else if (person.gender == 'm')
            weight *= top.men;
        weight *= age < 28 ? top.under28
                           : (age <= 45 ? top.age28to45 : (age <= 60 ? top.age46to60 : top.over60));
        if (person.region == 1)
            weight *= top.nordic;
        else if (person.region == 3)
            weight *= top.british;
        prior.push_back(weight);
        priorSum += weight;
    }

    // A Dirichlet draw around the prior: most people keep to one to three departments.
    m_topTaste.assign(tops.size(), 0);
    double drawSum = 0;
    for (size_t k = 0; k < tops.size(); ++k) {
        m_topTaste[k] = random.gamma(1.6 * prior[k] / priorSum);
        drawSum += m_topTaste[k];
    }
    for (size_t k = 0; k < tops.size(); ++k)
        m_topTaste[k] = (drawSum > 0 ? 0.96 * m_topTaste[k] / drawSum : 0) + 0.04 * prior[k] / priorSum;

    // Within a department, a few leaves, mostly those for the person's gender.
    m_leafTaste.assign(m_leaves.size(), 0);
    m_leafScratch.assign(m_leaves.size(), 0);
    for (size_t k = 0; k < tops.size(); ++k) {
        double shareSum = 0, sum = 0;
        for (size_t l = 0; l < m_leaves.size(); ++l) {
            const LeafCategory &data = *m_leaves[l].data;
            if (size_t(data.top) != k || m_catalog.leafPool(l).isEmpty())
                continue;
            double fit = 1;
            if (data.audience != Audience::Everyone)
                fit = person.gender == 'x'
                    ? 0.5
                    : ((data.audience == Audience::Women) == (person.gender == 'f') ? 1.0 : 0.04);
            m_leafScratch[l] = data.share * fit;
            shareSum += m_leafScratch[l];
        }
        if (shareSum <= 0)
            continue;
        for (size_t l = 0; l < m_leaves.size(); ++l) {
            if (size_t(m_leaves[l].data->top) == k && m_leafScratch[l] > 0) {
                m_leafTaste[l] = random.gamma(2.0 * m_leafScratch[l] / shareSum);
                sum += m_leafTaste[l];
            }
        }
        for (size_t l = 0; l < m_leaves.size(); ++l) {
            if (size_t(m_leaves[l].data->top) == k && m_leafScratch[l] > 0)
                m_leafTaste[l] = m_topTaste[k]
                    * ((sum > 0 ? 0.9 * m_leafTaste[l] / sum : 0) + 0.1 * m_leafScratch[l] / shareSum);
        }
    }

    const bool poland = qstrcmp(DemoData::countries()[size_t(person.country)].name, "Poland") == 0;
    m_logBand = 0.28 * random.normal() + (age - 40) * 0.006 - (poland ? 0.2 : 0);
    m_cartPropensity = random.logNormal(0, 0.45);
    m_buyPropensity = std::clamp(0.45 * random.logNormal(0, 0.3), 0.1, 0.9);
    m_lineShare = 0.35 + 0.35 * random.uniform();
    m_readShare = person.reader ? 0.15 + 0.35 * random.uniform() : 0;

    // Favourite product lines: where most of a person's views, carts and purchases come from,
    // and what people with the same lines have in common.
    m_favourites.clear();
    const int wanted = 2 + random.below(4) + (person.budget > 300 ? 2 : 0);
    std::vector<double> weights;
    for (int tries = 0; int(m_favourites.size()) < wanted && tries < wanted * 4; ++tries) {
        const int leaf = random.pick(m_leafTaste);
        if (leaf < 0)
            break;
        const std::vector<int> &candidates = m_catalog.clustersByLeaf(size_t(leaf));
        weights.assign(candidates.size(), 0);
        for (size_t c = 0; c < candidates.size(); ++c) {
            const Cluster &cluster = m_clusters[size_t(candidates[c])];
            const bool taken = std::any_of(m_favourites.begin(), m_favourites.end(),
                [&](const Favourite &f) { return f.cluster == candidates[c]; });
            if (taken || m_catalog.clusterPool(size_t(candidates[c])).isEmpty())
                continue;
            const double z = (std::log(cluster.tier) - m_logBand) / 0.35;
            weights[c] = cluster.popularity
                * (cluster.region == 0 ? 1.0 : (cluster.region == person.region ? 2.5 : 0.5))
                * std::exp(-0.5 * z * z);
        }
        const int chosen = random.pick(weights);
        if (chosen < 0)
            continue;
        const bool fromStart = m_favourites.size() < 2 || random.chance(0.5);
        m_favourites.push_back({candidates[size_t(chosen)], random.gamma(1.0) + 0.2,
            fromStart ? person.start : random.between(person.start, person.end)});
    }

    m_topicTaste.assign(topics.size(), 0);
    for (size_t t = 0; t < topics.size(); ++t) {
        if (m_catalog.topicPool(t).isEmpty())
            continue;
        const int top = topics[t].top;
        double middle = 0.3;
        if (*topics[t].middle) {
            middle = 0;
            for (const int l : m_catalog.topicLeaves(t))
                middle += m_leafTaste[size_t(l)];
            middle /= std::max(1e-9, m_topTaste[size_t(top)]);
        }
        m_topicTaste[t] = m_topTaste[size_t(top)] * (0.2 + middle);
    }
}

void DemoShopper::makeVisits(const Person &person, DemoRandom &random)
{
    m_events.clear();
    m_recent.clear();
    m_consumables.clear();
    m_readArticles.clear();
    const qint64 budget = person.budget;
    std::vector<int> sizes;
    for (qint64 total = 0; total < budget;) {
        const int n = int(
            std::min<qint64>(budget - total, 1 + std::min<qint64>(39, qint64(random.exponential(4.0)))));
        sizes.push_back(n);
        total += n;
    }

    // Gaps shrink for the rare person with very many events, so that all visits fit in their
    // time: no visit starts after `latest`, and pushing a visit past an overlapping earlier one
    // can add at most `bound` seconds, so the last event is never after person.end.
    const double span = double(person.end - person.start);
    m_gapScale = std::min(1.0, 0.1 * span / (240.0 * double(budget) + 60.0 * double(sizes.size())));
    m_gapCap = std::max<qint64>(1, qint64(240 * m_gapScale));
    const qint64 pauseCap = std::max<qint64>(1, qint64(60 * m_gapScale));
    const qint64 bound = budget * m_gapCap + qint64(sizes.size()) * pauseCap;
    const qint64 latest = person.end - bound;
    std::vector<qint64> starts;
    starts.reserve(sizes.size());
    for (size_t v = 0; v < sizes.size(); ++v)
        starts.push_back(m_calendar.sampleVisitTime(random, person.start, latest));
    std::sort(starts.begin(), starts.end());
    for (size_t v = 0; v < sizes.size(); ++v) {
        qint64 start = starts[v];
        if (v > 0)
            start = std::max(start, m_clock + std::clamp<qint64>(qint64(30 * m_gapScale), 1, pauseCap));
        m_clock = start;
        m_visitStarted = false;
        m_dwell = 0;
        visit(random, sizes[v]);
    }
}

void DemoShopper::visit(DemoRandom &random, int events)
{
    m_visitViews.clear();
    const qint64 t = m_clock;
    // Something bought weeks ago has run out: straight to it, and on to its shelf.
    if (events >= 3 && !m_consumables.empty() && random.chance(0.35)) {
        const size_t offset = size_t(random.below(int(m_consumables.size())));
        for (size_t k = 0; k < m_consumables.size(); ++k) {
            auto &[item, last] = m_consumables[(offset + k) % m_consumables.size()];
            if (t - last < 21 * Day)
                continue;
            const Item &product = m_items[size_t(item)];
            const int quantity = random.chance(0.7) ? 1 : 2;
            push(EventType::View, item, 0);
            push(EventType::Cart, item, 8 + random.below(40), quantity);
            push(EventType::Purchase, item, 40 + random.below(160), quantity,
                std::round(product.unitPrice() * quantity * 100) / 100);
            last = m_clock;
            browse(random, events - 3, -1, product.leaf);
            return;
        }
    }
    if (m_readShare > 0 && random.chance(m_readShare)) {
        int leaf = -1;
        const int reads = read(random, events, &leaf);
        if (reads > 0) {
            browse(random, events - reads, -1, leaf);
            return;
        }
    }
    if (random.chance(m_lineShare)) {
        const auto &season = m_calendar.seasonFactor(t);
        std::vector<double> weights;
        for (const Favourite &favourite : m_favourites) {
            const Leaf &leaf = m_leaves[size_t(m_clusters[size_t(favourite.cluster)].leaves[0])];
            weights.push_back(favourite.from <= t ? favourite.weight * season[size_t(leaf.data->season)] : 0);
        }
        const int chosen = random.pick(weights);
        if (chosen >= 0) {
            browse(random, events, m_favourites[size_t(chosen)].cluster, -1);
            return;
        }
    }
    browse(random, events, -1, -1);
}

int DemoShopper::read(DemoRandom &random, int events, int *leaf)
{
    // Separate statements: the order of the draws must not be left to the compiler.
    const int second = random.chance(0.35) ? 1 : 0;
    const int third = random.chance(0.15) ? 1 : 0;
    const int wanted = std::min(events, 1 + second + third);
    int done = 0;
    for (; done < wanted; ++done) {
        int topic = -1, article = -1;
        for (int attempt = 0; attempt < 4; ++attempt) {
            topic = random.pick(m_topicTaste);
            article = topic < 0 ? -1 : m_catalog.topicPool(size_t(topic)).pick(random, m_clock);
            const bool seen
                = std::find(m_readArticles.begin(), m_readArticles.end(), article) != m_readArticles.end();
            if (article >= 0 && !seen)
                break;
        }
        if (article < 0)
            break;
        push(EventType::Read, article, 20 + random.below(40));
        m_dwell = 60.0 * m_items[size_t(article)].readingMinutes * (0.3 + 0.7 * random.uniform());
        m_readArticles.push_back(article);
        // Articles lead on to the products they are about.
        std::fill(m_leafScratch.begin(), m_leafScratch.end(), 0.0);
        for (const int l : m_catalog.topicLeaves(size_t(topic)))
            m_leafScratch[size_t(l)] = m_leafTaste[size_t(l)] + 1e-6;
        *leaf = random.pick(m_leafScratch);
    }
    return done;
}

int DemoShopper::pickByPrice(DemoRandom &random, const DemoPool &pool)
{
    // Of a few popular items, people lean towards those in their price band.
    std::array<int, 3> candidates {};
    std::array<double, 3> weights {};
    for (size_t k = 0; k < candidates.size(); ++k) {
        candidates[k] = pool.pick(random, m_clock);
        if (candidates[k] < 0)
            return -1;
        const Item &item = m_items[size_t(candidates[k])];
        const double z
            = (std::log(item.unitPrice()) - m_leaves[size_t(item.leaf)].medianLog - m_logBand) / 0.45;
        weights[k] = std::exp(-0.5 * z * z) + 1e-9;
    }
    return candidates[size_t(random.pick(weights.data(), 3))];
}

int DemoShopper::pickProduct(DemoRandom &random, bool deals, int cluster, int leaf, int secondLeaf)
{
    const qint64 t = m_clock;
    int item = -1;
    if (deals) {
        const int top = m_leaves[size_t(leaf)].data->top;
        item = random.chance(0.5) ? m_catalog.salePool(size_t(top)).pick(random, t)
                                  : m_catalog.topPool(size_t(top)).pickRecent(random, t - 30 * Day, t);
    } else if (cluster >= 0 && random.chance(0.8)) {
        item = m_catalog.clusterPool(size_t(cluster)).pick(random, t);
    }
    const int shelf = secondLeaf >= 0 && random.chance(0.35) ? secondLeaf : leaf;
    if (item < 0 && random.chance(0.1)) // new arrivals get noticed
        item = m_catalog.leafPool(size_t(shelf)).pickRecent(random, t - 30 * Day, t);
    if (item < 0)
        item = pickByPrice(random, m_catalog.leafPool(size_t(shelf)));
    if (item < 0)
        item = pickByPrice(random, m_catalog.topPool(size_t(m_leaves[size_t(shelf)].data->top)));
    if (item < 0) // the oldest product predates all activity
        item = m_catalog.allProducts().pick(random, t);
    return item;
}

void DemoShopper::browse(DemoRandom &random, int events, int cluster, int leaf)
{
    if (events <= 0)
        return;
    bool deals = false;
    int secondLeaf = -1;
    if (cluster >= 0) {
        leaf = m_clusters[size_t(cluster)].leaves[0];
    } else if (leaf < 0) {
        const auto &season = m_calendar.seasonFactor(m_clock);
        for (size_t l = 0; l < m_leaves.size(); ++l)
            m_leafScratch[l] = m_leafTaste[l] * season[size_t(m_leaves[l].data->season)];
        leaf = random.pick(m_leafScratch);
        deals = random.chance(0.08);
        if (random.chance(0.3))
            secondLeaf = random.pick(m_leafScratch);
    }
    if (leaf < 0)
        leaf = m_items[size_t(m_catalog.allProducts().first())].leaf;

    // Every purchase is carted and viewed first; a purchase's event slot is reserved when
    // the person decides to buy, so the visit ends at checkout with exactly `events` events.
    std::vector<std::pair<int, int>> buying;
    int remaining = events;
    while (remaining > int(buying.size())) {
        int item = -1;
        if (!m_recent.empty() && random.chance(0.08)) {
            item = m_recent[size_t(random.below(int(m_recent.size())))];
        } else {
            for (int attempt = 0; attempt < 3; ++attempt) {
                item = pickProduct(random, deals, cluster, leaf, secondLeaf);
                if (std::find(m_visitViews.begin(), m_visitViews.end(), item) == m_visitViews.end())
                    break;
            }
        }
        push(EventType::View, item, random.logNormal(std::log(35.0), 0.6));
        --remaining;
        m_visitViews.push_back(item);
        if (m_recent.size() < 16)
            m_recent.push_back(item);
        else
            m_recent[size_t(random.below(16))] = item;

        if (remaining > int(buying.size()) && random.chance(0.22)) {
            push(EventType::Click, item, 3 + random.below(15));
            --remaining;
        }
        const Item &product = m_items[size_t(item)];
        const LeafCategory &data = *m_leaves[size_t(product.leaf)].data;
        const double z
            = (std::log(product.unitPrice()) - m_leaves[size_t(product.leaf)].medianLog - m_logBand) / 0.5;
        const bool favourite = std::any_of(m_favourites.begin(), m_favourites.end(),
            [&](const Favourite &f) { return f.cluster == product.cluster; });
        const double inSeason = std::sqrt(m_calendar.seasonFactor(m_clock)[size_t(data.season)]);
        const double p = 0.07 * m_cartPropensity * (0.5 + std::exp(-0.5 * z * z))
            * (product.salePrice >= 0 ? 1.4 : 1.0) * (favourite ? 1.3 : 1.0) * (data.consumable ? 1.4 : 1.0)
            * inSeason;
        if (remaining > int(buying.size()) && random.chance(std::min(p, 0.6))) {
            const double u = random.uniform();
            const int quantity = data.consumable ? (u < 0.7 ? 1 : (u < 0.9 ? 2 : 3)) : (u < 0.95 ? 1 : 2);
            push(EventType::Cart, item, 8 + random.below(40), quantity);
            --remaining;
            if (remaining > int(buying.size()) && random.chance(m_buyPropensity))
                buying.emplace_back(item, quantity);
        }
    }
    for (const auto &[item, quantity] : buying) {
        const Item &product = m_items[size_t(item)];
        push(EventType::Purchase, item, 40 + random.below(160), quantity,
            std::round(product.unitPrice() * quantity * 100) / 100);
        if (m_leaves[size_t(product.leaf)].data->consumable) {
            auto known = std::find_if(m_consumables.begin(), m_consumables.end(),
                [item = item](const auto &entry) { return entry.first == item; });
            if (known != m_consumables.end())
                known->second = m_clock;
            else
                m_consumables.emplace_back(item, m_clock);
        }
    }
}

void DemoShopper::push(EventType type, int item, double seconds, int quantity, double value)
{
    if (m_visitStarted)
        m_clock += std::clamp<qint64>(std::llround((seconds + m_dwell) * m_gapScale), 1, m_gapCap);
    m_visitStarted = true;
    m_dwell = 0;
    m_events.push_back({m_clock, item, int(type), quantity, value});
}

} // namespace Vitrine
