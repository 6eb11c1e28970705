// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/modelcache.h"
#include "engine/recommendrequest.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <span>
#include <vector>

namespace Vitrine {

struct StrategyContext;

/**
 * Item-to-item similarity from what the catalog says about the items, no events needed:
 *
 *     sim(a, b) = w_category · shared depth / max(depth a, depth b)
 *               + w_brand · (same brand)
 *               + w_attributes · Jaccard of their (key, value) attribute pairs
 *               + w_title · TF-IDF cosine of their title terms
 *
 * Training keeps each item's best neighbours (100 by default). It goes through inverted indexes
 * (items per category, brand, attribute value and title term), so an item is only compared with
 * items it shares something with: a few seconds for 5,000 items even when they all share a
 * top-level category.
 */
class ContentSimilarityModel : public Model
{
public:
    struct Settings
    {
        double category = 1.0;
        double brand = 0.5;
        double attributes = 0.5;
        double title = 1.0;
        int neighbours = 100;

        QString key() const;
    };

    /** What two items share, for explanations. */
    struct Comparison
    {
        int sharedCategory = -1; ///< the deepest category both are in, -1 for none
        bool sameCategory = false; ///< both in exactly the same category
        bool sameBrand = false;
        QStringList sharedValues; ///< attribute values both have ("wool", "waterproof")
        float titleSimilarity = 0;
        float score = 0;
    };

    static std::shared_ptr<const ContentSimilarityModel> fetch(
        const StrategyContext &context, const Settings &settings);
    static std::shared_ptr<ContentSimilarityModel> train(
        const Snapshot &snapshot, const Settings &settings, const Progress &progress);

    const Settings &settings() const { return m_settings; }
    /** The item's most similar items, best first, ties by index; never the item itself. */
    std::span<const ScoredItem> neighbours(int item) const;
    Comparison compare(const Snapshot &snapshot, int a, int b) const;

private:
    struct TermWeight
    {
        int term;
        float weight;
    };

    void extractFeatures(const Snapshot &snapshot);

    Settings m_settings;
    std::vector<std::vector<int>> m_attributeTokens; ///< per item, sorted token ids
    std::vector<QString> m_tokenLabels; ///< per token, how to name it to a person
    std::vector<std::vector<TermWeight>> m_titleTerms; ///< per item, sorted by term, unit length
    int m_termCount = 0;
    std::vector<qint64> m_offsets;
    std::vector<ScoredItem> m_neighbours;
};

} // namespace Vitrine
