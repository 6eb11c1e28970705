// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "slotdefinition.h"
#include "slotresult.h"
#include "strategy.h"

#include <memory>
#include <vector>

namespace Vitrine {

/**
 * One slot, built for one snapshot: its strategies trained and its filters resolved, ready to
 * answer requests in the documented order:
 *
 * 1. candidates from each strategy (top N each);
 * 2. per-strategy normalisation, then the weighted blend;
 * 3. hard filters (stock, kind, categories, brands, price also relative to the current item,
 *    attributes, already bought/seen, already on the page, the current item and cart);
 * 4. boosts and buries (multiplicative);
 * 5. diversity (at most N per category/brand);
 * 6. pins at fixed positions;
 * 7. fallback strategies when fewer than the minimum remain — they obey the same filters;
 * 8. an explanation for every result and, on request, why a named item is absent.
 *
 * Ties break by item id, so the same request always gives the same answer. run() is const and
 * thread-safe.
 */
class SlotPipeline
{
public:
    /** Builds every strategy of the slot (training what needs training); nullptr and why on failure. */
    static std::unique_ptr<SlotPipeline> build(const SlotDefinition &definition, const StrategyContext &context,
                                               QString *error);

    /**
     * Runs the slot for a request. `whyNotItem` (an item index, or -1) asks where that item fell
     * out; the answer is in SlotResult::whyNot.
     */
    SlotResult run(const RecommendRequest &request, int whyNotItem = -1) const;

    const SlotDefinition &definition() const { return m_definition; }
    const SnapshotPtr &snapshot() const { return m_snapshot; }
    /**
     * Strategies that find no events to learn from in the snapshot, each with the parameter to
     * change ("strategies[0] bestsellers: the catalog has no purchase events …"); see
     * eventNeedProblem(). Every run() carries them in SlotResult::warnings.
     */
    const QStringList &warnings() const { return m_warnings; }

private:
    struct Built
    {
        SlotStrategy spec;
        std::unique_ptr<Strategy> strategy;
    };
    struct Context;
    enum class Rule;

    SlotPipeline() = default;
    Rule failingFilter(int item, const Context &context) const;
    QString ruleMessage(Rule rule, int item, const Context &context) const;
    static QString ruleName(Rule rule, int attributeIndex);
    int diversityKey(int item) const;

    SlotDefinition m_definition;
    SnapshotPtr m_snapshot;
    std::vector<Built> m_strategies;
    std::vector<Built> m_fallbacks;
    std::vector<int> m_categories;
    std::vector<int> m_excludeCategories;
    std::vector<int> m_brands;
    std::vector<int> m_excludeBrands;
    std::vector<std::pair<int, int>> m_pins; ///< (item, 0-based position), by position
    QStringList m_warnings;
};

} // namespace Vitrine
