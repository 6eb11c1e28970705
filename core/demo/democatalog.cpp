// SPDX-License-Identifier: GPL-3.0-or-later
#include "democatalog.h"

#include "demo/democalendar.h"
#include "demo/demodata.h"
#include "demo/demorandom.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <map>

namespace Vitrine {

namespace {

using DemoData::Audience;
using DemoData::LeafCategory;
using DemoData::Profile;
using DemoData::Season;

constexpr qint64 Day = DemoCalendar::Day;

/** Prices end like shop prices do: 4.95, 49.99, 149, 1249. */
double shopPrice(double raw)
{
    if (raw < 10)
        return std::max(1.95, std::round(raw * 2) / 2 - 0.05);
    if (raw < 100)
        return std::floor(raw) + 0.99;
    if (raw < 1000)
        return std::round(raw / 10) * 10 - 1;
    return std::round(raw / 50) * 50 - 1;
}

} // namespace

DemoCatalog::DemoCatalog(quint64 seed, int itemCount, const DemoCalendar &calendar)
{
    makeVocabulary(seed);
    makeItems(seed, std::max(0, itemCount), calendar);
}

/** The leaves' word lists, and per seed which brands lead and in which order article titles come. */
void DemoCatalog::makeVocabulary(quint64 seed)
{
    std::map<std::pair<int, QByteArray>, int> middles;
    for (const LeafCategory &data : DemoData::leafCategories()) {
        Leaf leaf;
        leaf.data = &data;
        leaf.path = QByteArray(DemoData::topCategories()[size_t(data.top)].name) + " > " + data.middle + " > "
            + data.leaf;
        leaf.nouns = DemoData::split(data.nouns);
        leaf.materials = DemoData::split(data.materials);
        leaf.styles = DemoData::split(data.styles);
        leaf.colors = DemoData::split(DemoData::colors(data.profile));
        leaf.middle = middles.emplace(std::pair(data.top, QByteArray(data.middle)), int(middles.size()))
                          .first->second;
        leaf.medianLog = std::log(data.medianPrice);
        m_leaves.push_back(std::move(leaf));
    }
    DemoRandom random = DemoRandom::stream(seed, DemoRandom::Vocabulary, 0);
    for (const auto &top : DemoData::topCategories()) {
        QList<QByteArray> brands = DemoData::split(top.brands);
        for (qsizetype i = brands.size() - 1; i > 0; --i) // which brand leads differs between seeds
            std::swap(brands[i], brands[random.below(int(i + 1))]);
        std::vector<double> weights, tiers;
        for (qsizetype i = 0; i < brands.size(); ++i) {
            weights.push_back(1 / std::pow(double(i + 1), 0.8));
            tiers.push_back(random.logNormal(0, 0.25));
        }
        m_brands.push_back(brands);
        m_brandWeights.push_back(weights);
        m_brandTiers.push_back(tiers);
    }
    for (const auto &topic : DemoData::topics()) {
        QList<QByteArray> titles = DemoData::split(topic.titles);
        for (qsizetype i = titles.size() - 1; i > 0; --i)
            std::swap(titles[i], titles[random.below(int(i + 1))]);
        m_topicTitles.push_back(titles);
        std::vector<int> leaves;
        for (size_t l = 0; l < m_leaves.size(); ++l) {
            const LeafCategory &data = *m_leaves[l].data;
            if (data.top == topic.top && (!*topic.middle || qstrcmp(data.middle, topic.middle) == 0))
                leaves.push_back(int(l));
        }
        m_topicLeaves.push_back(leaves);
    }
}

void DemoCatalog::makeItems(quint64 seed, int total, const DemoCalendar &calendar)
{
    m_contentCount = total >= 10 ? int(std::lround(total * 0.05)) : 0;
    const int products = total - m_contentCount;
    DemoRandom random = DemoRandom::stream(seed, DemoRandom::Items, 0);
    makeLines(random, products);
    QSet<QByteArray> titles;
    for (int p = 0; p < products; ++p)
        makeProduct(random, p, titles, calendar);
    for (int c = 0; c < m_contentCount; ++c)
        makeArticle(random, products + c, calendar);

    const auto tops = DemoData::topCategories();
    // Ids follow creation, as in a real shop: SKU-00001 is the oldest item, and an article on
    // a topic that has run out of titles is a later edition of an earlier one.
    std::sort(m_items.begin(), m_items.end(), [](const Item &a, const Item &b) {
        return a.created != b.created ? a.created < b.created : a.order < b.order;
    });
    std::vector<int> editions(DemoData::topics().size(), 0);
    for (Item &item : m_items) {
        if (!item.isContent())
            continue;
        const QList<QByteArray> &titles = m_topicTitles[size_t(item.topic)];
        const int used = editions[size_t(item.topic)]++;
        item.title = titles[used % titles.size()];
        if (used >= titles.size()) {
            const int year = QDateTime::fromSecsSinceEpoch(item.created, QTimeZone::utc()).date().year();
            item.title += " (" + QByteArray::number(year) + " Update";
            item.title += used >= 2 * titles.size()
                ? ", Part " + QByteArray::number(used / titles.size()) + ")"
                : ")";
        }
    }
    m_leafPools.assign(m_leaves.size(), {});
    m_clusterPools.assign(m_clusters.size(), {});
    m_topPools.assign(tops.size(), {});
    m_salePools.assign(tops.size(), {});
    m_topicPools.assign(DemoData::topics().size(), {});
    for (int i = 0; i < int(m_items.size()); ++i) {
        const Item &item = m_items[size_t(i)];
        if (item.isContent()) {
            m_topicPools[size_t(item.topic)].add(i, item.created, item.weight);
            continue;
        }
        m_leafPools[size_t(item.leaf)].add(i, item.created, item.weight);
        m_clusterPools[size_t(item.cluster)].add(i, item.created, item.weight);
        m_topPools[size_t(item.top)].add(i, item.created, item.weight);
        if (item.salePrice >= 0)
            m_salePools[size_t(item.top)].add(i, item.created, item.weight);
        m_allProducts.add(i, item.created, item.weight);
    }
}

/** Product lines: a brand's items in one leaf and up to two related ones, bought together. */
void DemoCatalog::makeLines(DemoRandom &random, int products)
{
    const auto tops = DemoData::topCategories();
    std::vector<double> topShares(tops.size(), 0), leafShares;
    for (const Leaf &leaf : m_leaves) {
        topShares[size_t(leaf.data->top)] += leaf.data->share;
        leafShares.push_back(leaf.data->share);
    }
    const int clusterCount = products > 0 ? std::max(1, int(std::lround(products / 14.0))) : 0;
    std::vector<double> scratch(m_leaves.size());
    m_clustersByLeaf.assign(m_leaves.size(), {});
    for (int c = 0; c < clusterCount; ++c) {
        Cluster cluster;
        cluster.top = random.pick(topShares);
        for (size_t l = 0; l < m_leaves.size(); ++l)
            scratch[l] = m_leaves[l].data->top == cluster.top ? leafShares[l] : 0;
        const int primary = random.pick(scratch);
        cluster.leaves[0] = primary;
        const int related = random.chance(0.35) ? 0 : (random.chance(0.5) ? 1 : 2);
        for (int r = 0; r < related; ++r) {
            for (size_t l = 0; l < m_leaves.size(); ++l) {
                const LeafCategory &data = *m_leaves[l].data;
                const Audience a = data.audience, b = m_leaves[size_t(primary)].data->audience;
                const bool clash = (a == Audience::Women && b == Audience::Men)
                    || (a == Audience::Men && b == Audience::Women);
                const bool taken
                    = std::find(cluster.leaves.begin(), cluster.leaves.begin() + cluster.leafCount, int(l))
                    != cluster.leaves.begin() + cluster.leafCount;
                scratch[l] = data.top != cluster.top || clash || taken
                    ? 0
                    : leafShares[l] * (m_leaves[l].middle == m_leaves[size_t(primary)].middle ? 4 : 1);
            }
            const int leaf = random.pick(scratch);
            if (leaf >= 0)
                cluster.leaves[size_t(cluster.leafCount++)] = leaf;
        }
        cluster.brand = random.pick(m_brandWeights[size_t(cluster.top)]);
        cluster.tier = m_brandTiers[size_t(cluster.top)][size_t(cluster.brand)] * random.logNormal(0, 0.2);
        cluster.popularity = random.logNormal(0, 0.9);
        const double u = random.uniform();
        cluster.region = u < 0.5 ? 0 : (u < 0.8 ? 1 : (u < 0.92 ? 2 : 3));
        for (int i = 0; i < cluster.leafCount; ++i)
            m_clustersByLeaf[size_t(cluster.leaves[size_t(i)])].push_back(c);
        m_clusters.push_back(cluster);
        m_lineSizes.push_back(random.logNormal(0, 0.4));
    }
}

void DemoCatalog::makeProduct(
    DemoRandom &random, int order, QSet<QByteArray> &titles, const DemoCalendar &calendar)
{
    Item item;
    item.order = order;
    item.cluster = random.pick(m_lineSizes);
    const Cluster &cluster = m_clusters[size_t(item.cluster)];
    item.leaf = cluster.leaves[size_t(
        cluster.leafCount == 1 || random.chance(0.6) ? 0 : 1 + random.below(cluster.leafCount - 1))];
    item.top = cluster.top;
    const Leaf &leaf = m_leaves[size_t(item.leaf)];
    const LeafCategory &data = *leaf.data;
    const auto &brands = m_brands[size_t(item.top)];
    const int brand = random.chance(0.85) ? cluster.brand : random.pick(m_brandWeights[size_t(item.top)]);
    item.brand = brands[brand];
    item.category = leaf.path;

    // "Nordvik Merino Wool Crew Sweater": brand, then a material or a style, then the noun.
    QByteArray material, color, title;
    for (int attempt = 0; attempt < 12; ++attempt) {
        const bool showMaterial = !leaf.materials.isEmpty() && (leaf.styles.isEmpty() || random.chance(0.5));
        material = leaf.materials.isEmpty() ? QByteArray()
                                            : leaf.materials[random.below(int(leaf.materials.size()))];
        const QByteArray middle
            = showMaterial ? material : leaf.styles[random.below(int(leaf.styles.size()))];
        title = item.brand + ' ' + middle + ' ' + leaf.nouns[random.below(int(leaf.nouns.size()))];
        color = leaf.colors.isEmpty() ? QByteArray() : leaf.colors[random.below(int(leaf.colors.size()))];
        if (attempt >= 6 && !color.isEmpty())
            title += ", " + color;
        if (!titles.contains(title))
            break;
    }
    const QByteArray base = title;
    for (int number = 2; titles.contains(title); ++number) // only in very large catalogs
        title = base + " No. " + QByteArray::number(number);
    titles.insert(title);
    item.title = title;

    const double raw = std::exp(leaf.medianLog) * cluster.tier * random.logNormal(0, 0.25);
    item.price = shopPrice(raw);
    if (random.chance(0.10)) {
        const int discount = 10 + 5 * random.below(11); // 10..60 %
        item.salePrice = std::round(item.price * (100 - discount)) / 100;
    }
    item.stock = random.chance(0.05)
        ? 0
        : int(std::clamp(std::lround(random.logNormal(std::log(35.0), 0.8)), 1L, 999L));
    const double when = random.uniform();
    if (order == 0 || (when >= 0.065 && when < 0.485)) // on sale before the year of activity
        item.created = random.between(calendar.catalogStart(), calendar.activityStart() - 1);
    else if (when < 0.065) // the new collection
        item.created = random.between(calendar.endTs() + 1 - 30 * Day, calendar.endTs() - 3600);
    else
        item.created = random.between(calendar.activityStart(), calendar.endTs() - 30 * Day);
    item.weight = cluster.popularity * random.logNormal(0, 0.8);

    QJsonObject attributes;
    if (!color.isEmpty())
        attributes.insert(QStringLiteral("color"), QString::fromUtf8(color));
    if (!material.isEmpty())
        attributes.insert(QLatin1String(data.materialKey), QString::fromUtf8(material));
    if (*data.sizes)
        attributes.insert(QStringLiteral("sizes"), QLatin1String(data.sizes));
    if (*data.activity)
        attributes.insert(QStringLiteral("activity"), QLatin1String(data.activity));
    if (data.season == Season::Summer || data.season == Season::Winter)
        attributes.insert(QStringLiteral("season"),
            data.season == Season::Summer ? QStringLiteral("summer") : QStringLiteral("winter"));
    switch (data.profile) {
    case Profile::Electronics:
        attributes.insert(QStringLiteral("warranty_years"), random.chance(0.7) ? 2 : 1 + 2 * random.below(2));
        break;
    case Profile::Beauty:
        if (qstrcmp(data.materialKey, "shade") != 0) {
            static constexpr int volumes[] = {30, 50, 75, 100, 150, 200, 250};
            attributes.insert(QStringLiteral("volume_ml"), volumes[random.below(7)]);
        }
        attributes.insert(QStringLiteral("vegan"), random.chance(0.6));
        break;
    case Profile::Pantry:
        attributes.insert(qstrcmp(data.materialKey, "origin") == 0 ? QStringLiteral("weight_g")
                                                                   : QStringLiteral("pack_size"),
            qstrcmp(data.materialKey, "origin") == 0 ? 250 * (1 + random.below(4))
                                                     : 10 * (1 + random.below(6)));
        attributes.insert(QStringLiteral("organic"), random.chance(0.4));
        break;
    case Profile::Gear:
        attributes.insert(QStringLiteral("waterproof"), random.chance(0.5));
        break;
    case Profile::Toy: {
        static const char *ages[] = {"0+", "1+", "3+", "3+", "6+", "8+"};
        attributes.insert(QStringLiteral("age"), QLatin1String(ages[random.below(6)]));
        break;
    }
    default:
        break;
    }
    item.attributes = QJsonDocument(attributes).toJson(QJsonDocument::Compact);
    m_items.push_back(std::move(item));
}

void DemoCatalog::makeArticle(DemoRandom &random, int order, const DemoCalendar &calendar)
{
    const auto topics = DemoData::topics();
    Item item;
    item.order = order;
    item.topic = random.below(int(topics.size()));
    const auto &topic = topics[size_t(item.topic)];
    item.top = topic.top;
    item.category
        = QByteArray("Journal > ") + DemoData::topCategories()[size_t(topic.top)].name + " > " + topic.name;
    item.created = random.chance(0.1)
        ? random.between(calendar.endTs() + 1 - 30 * Day, calendar.endTs() - 3600)
        : random.between(calendar.catalogStart(), calendar.endTs() - 30 * Day);
    item.weight = random.logNormal(0, 0.8);
    QJsonObject attributes;
    attributes.insert(QStringLiteral("topic"), QString::fromUtf8(topic.name));
    item.readingMinutes = 3 + random.below(12);
    attributes.insert(QStringLiteral("reading_minutes"), item.readingMinutes);
    item.attributes = QJsonDocument(attributes).toJson(QJsonDocument::Compact);
    m_items.push_back(std::move(item));
}

} // namespace Vitrine
