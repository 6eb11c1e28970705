// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recommendrequest.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Vitrine {

class Snapshot;

/** What one strategy added to an item's blended score. */
struct Contribution
{
    QString strategy;
    float score = 0;      ///< the strategy's own score
    float normalised = 0; ///< after the slot's normalisation
    double weight = 0;    ///< the strategy's weight in the slot
    QString reason;       ///< the strategy's explanation
};

/** One item a slot shows, with everything that put it there. */
struct RecommendedItem
{
    int item = -1;
    float score = 0;
    std::vector<Contribution> contributions;
    QStringList boosts;  ///< "On sale ×1.3"
    bool pinned = false;
    QString fallback;    ///< the fallback strategy that supplied it, if any
    QStringList reasons; ///< the explanation in sentences, most important first
};

/** Why a named item is or is not in the result: the pipeline step it fell out at. */
struct WhyNot
{
    enum class Step { Shown, NotInCatalog, NotCandidate, Filtered, Deduped, Diversity, BelowCut };

    int item = -1;
    Step step = Step::NotCandidate;
    int position = -1;  ///< 1-based, when shown or ranked below the cut
    QString rule;       ///< the filter or cap that removed it
    QString message;    ///< the answer in a sentence

    static QString stepName(Step step);
};

/** The outcome of one slot for one request: a value the CLI prints and the GUI shows. */
struct SlotResult
{
    bool ok = false;
    QString error;
    QString slot;
    QString title;
    std::vector<RecommendedItem> items;
    bool usedFallback = false;
    std::optional<WhyNot> whyNot;
    /** What the slot's strategies lack to show anything (SlotPipeline::warnings()). */
    QStringList warnings;

    /**
     * {"user": …, "slot": …, "items": [{"item": SKU, "title": …, "score": …, "reasons": [...],
     *  "contributions": [...], "boosts": [...], "pinned": …, "fallback": …}], "why_not": {...}}
     */
    QJsonObject toJson(const Snapshot &snapshot, const RecommendRequest &request) const;
};

} // namespace Vitrine
