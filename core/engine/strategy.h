// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recommendrequest.h"
#include "snapshot.h"
#include "strategies/eventneed.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <vector>

namespace Vitrine {

class ModelCache;

/** What a strategy is built from: the snapshot, trained models to share, and progress for training. */
struct StrategyContext
{
    SnapshotPtr snapshot;
    ModelCache *models = nullptr; ///< never null when given to a strategy
    Progress progress;
};

/**
 * One way of proposing items: bestsellers, similar items, personal collaborative filtering...
 *
 * A strategy is built for one snapshot (training or fetching what it needs from the ModelCache
 * when it is created) and is then cheap and thread-safe to ask. It returns its best candidates
 * with scores on its own scale (the slot pipeline normalises them) and can say, for any item it
 * proposed, why, in a short phrase for a person to read.
 */
class Strategy
{
public:
    virtual ~Strategy() = default;

    /** The name used in slot JSON and on the command line ("bestsellers", "ease", ...). */
    virtual QString name() const = 0;

    /** True when the candidates depend on who is asking. */
    virtual bool isPersonal() const { return false; }

    /**
     * The best n candidates for the request, best first; equal scores in item index order, so
     * the same request always gives the same list. Items the person cannot be shown are left
     * to the slot's filters; a strategy only leaves out what makes no sense for it (the context
     * item itself for "similar", for instance).
     */
    virtual std::vector<ScoredItem> candidates(const RecommendRequest &request, int n) const = 0;

    /**
     * Why `item` was proposed for this request: "bought 312 times in the last 30 days",
     * "because you viewed Merino Sweater". Called only for the few items a slot shows.
     */
    virtual QString explain(const RecommendRequest &request, int item) const = 0;

    /** The events it learns from, as its parameters chose them (none for most non-event strategies). */
    const EventNeed &eventNeed() const { return m_eventNeed; }

protected:
    EventNeed m_eventNeed;
};

/**
 * Keeps the best n of a dense score array (NaN or -inf means "not a candidate"), best first,
 * ties by item index. Shared by all strategies so they break ties the same way.
 */
std::vector<ScoredItem> topN(const std::vector<float> &scores, int n);
/** The same over a sparse list of candidates. */
std::vector<ScoredItem> topN(std::vector<ScoredItem> candidates, int n);

} // namespace Vitrine
