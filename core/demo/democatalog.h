// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/demopool.h"

#include <QByteArray>
#include <QList>
#include <QtContainerFwd>

#include <array>
#include <vector>

namespace Vitrine {

class DemoCalendar;
class DemoRandom;

namespace DemoData {
struct LeafCategory;
}

/**
 * The demo shop's assortment: products named, priced and dated from the category tree in
 * DemoData, grouped in product lines (a brand's related items, bought together), and journal
 * articles on its topics. It also keeps the pools the visit simulation picks items from.
 */
class DemoCatalog
{
public:
    static constexpr double NoPrice = -1;

    /** A leaf category with its word lists split. */
    struct Leaf
    {
        const DemoData::LeafCategory *data = nullptr;
        QByteArray path;
        QList<QByteArray> nouns, materials, styles, colors;
        int middle = 0; ///< id of (top, middle)
        double medianLog = 0;
    };

    /** A product line: one brand's related items in one to three leaves, bought together. */
    struct Cluster
    {
        int top = 0;
        std::array<int, 3> leaves {};
        int leafCount = 1;
        int brand = 0;
        double tier = 1;
        double popularity = 1;
        int region = 0; ///< 0 everywhere, else the region where it sells best
    };

    /** A product or, when it has a topic, an article. */
    struct Item
    {
        qint64 created = 0;
        double price = NoPrice;
        double salePrice = NoPrice;
        double weight = 1;
        int leaf = -1;
        int cluster = -1;
        int topic = -1;
        int top = 0;
        int order = 0;
        int stock = 0;
        int readingMinutes = 0;
        QByteArray title, category, brand, attributes;

        bool isContent() const { return topic >= 0; }
        double unitPrice() const { return salePrice >= 0 ? salePrice : price; }
    };

    /** Makes itemCount items, about 5 % of them articles, dated within the calendar's two years. */
    DemoCatalog(quint64 seed, int itemCount, const DemoCalendar &calendar);

    const std::vector<Leaf> &leaves() const { return m_leaves; }
    const std::vector<Cluster> &clusters() const { return m_clusters; }
    /** In id order: the oldest item first. */
    const std::vector<Item> &items() const { return m_items; }
    int contentCount() const { return m_contentCount; }
    /** The product lines with items in a leaf. */
    const std::vector<int> &clustersByLeaf(size_t leaf) const { return m_clustersByLeaf[leaf]; }
    /** The leaves an article's readers go on to. */
    const std::vector<int> &topicLeaves(size_t topic) const { return m_topicLeaves[topic]; }

    const DemoPool &leafPool(size_t leaf) const { return m_leafPools[leaf]; }
    const DemoPool &clusterPool(size_t cluster) const { return m_clusterPools[cluster]; }
    const DemoPool &topPool(size_t top) const { return m_topPools[top]; }
    /** The products of a top category that are on sale. */
    const DemoPool &salePool(size_t top) const { return m_salePools[top]; }
    const DemoPool &topicPool(size_t topic) const { return m_topicPools[topic]; }
    const DemoPool &allProducts() const { return m_allProducts; }

private:
    void makeVocabulary(quint64 seed);
    void makeItems(quint64 seed, int total, const DemoCalendar &calendar);
    void makeLines(DemoRandom &random, int products);
    void makeProduct(DemoRandom &random, int order, QSet<QByteArray> &titles, const DemoCalendar &calendar);
    void makeArticle(DemoRandom &random, int order, const DemoCalendar &calendar);

    std::vector<Leaf> m_leaves;
    std::vector<QList<QByteArray>> m_brands; ///< by top
    std::vector<std::vector<double>> m_brandWeights;
    std::vector<std::vector<double>> m_brandTiers;
    std::vector<QList<QByteArray>> m_topicTitles;
    std::vector<std::vector<int>> m_topicLeaves;

    std::vector<Cluster> m_clusters;
    std::vector<double> m_lineSizes; ///< how many products each line gets, relatively
    std::vector<std::vector<int>> m_clustersByLeaf;
    std::vector<Item> m_items;
    int m_contentCount = 0;
    std::vector<DemoPool> m_leafPools, m_clusterPools, m_topPools, m_salePools, m_topicPools;
    DemoPool m_allProducts;
};

} // namespace Vitrine
