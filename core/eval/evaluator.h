// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"
#include "engine/snapshot.h"
#include "evaluationresult.h"
#include "temporalsplit.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace Vitrine {

class SlotPipeline;
class Strategy;

/** How to evaluate: the cut-offs, the split and an optional grouping of people. */
struct EvaluationOptions
{
    std::vector<int> ks = {10};
    double holdout = TemporalSplit::DefaultHoldout;
    int minItems = TemporalSplit::DefaultMinItems;
    QString subject; ///< copied to the result: the strategy name or slot key
    std::vector<int> groupOfUser; ///< by person index, -1 for none; empty: no breakdown
    QStringList groupNames; ///< groups 0..n-1; empty: no breakdown
    int threads = 0; ///< 0: one per core
};

/**
 * Offline evaluation as `evaluate` and the GUI run it: splits every person's history by time
 * (TemporalSplit), builds a snapshot without the held-out (person, item) pairs, lets the caller
 * build what it evaluates on that snapshot, then ranks for every evaluated person and scores
 * the top K lists against the held-out items (RankingMetrics).
 *
 * Items of a person's train part are never counted as recommended: the ranker is asked for
 * max K + |train| items and train items are dropped before cutting at K.
 *
 * Runs on the caller's thread plus helper threads, reports progress on the caller's thread
 * only, honours cancellation, and gives the same numbers whatever the number of threads.
 */
class Evaluator
{
public:
    /**
     * A person's ranked items (item indexes, best first), at most about n of them. Called from
     * several threads at once.
     */
    using Ranker = std::function<std::vector<int>(int user, int n)>;
    /**
     * Builds what is evaluated (a strategy, a whole slot pipeline) on the train snapshot; an
     * empty Ranker and a message on failure or cancellation.
     */
    using RankerFactory = std::function<Ranker(const SnapshotPtr &train, QString *error)>;

    /** The whole evaluation of `full`. */
    static EvaluationResult run(const SnapshotPtr &full, const RankerFactory &makeRanker,
        const EvaluationOptions &options, const Progress &progress = {});

    /**
     * The ranking and scoring half over a ready split; `ranker` must answer with item indexes
     * below itemCount (others are ignored).
     */
    static EvaluationResult rank(const TemporalSplit &split, int itemCount, const Ranker &ranker,
        const EvaluationOptions &options, const Progress &progress = {});

    /** The snapshot training may see: every event except those of held-out pairs. */
    static SnapshotPtr trainSnapshot(const Snapshot &full, const TemporalSplit &split);

    /** Asks the strategy for candidates({user, k = n}, n). The strategy must outlive the ranker. */
    static Ranker strategyRanker(const Strategy &strategy);
    /** The same, keeping the strategy alive as long as the ranker. */
    static Ranker strategyRanker(std::shared_ptr<const Strategy> strategy);
    /** Runs a whole slot ({user, k = n}): filters, boosts, pins and fallbacks included. */
    static Ranker slotRanker(std::shared_ptr<const SlotPipeline> pipeline);

    /** An empty string when the options make sense, else what is wrong with them. */
    static QString validate(const EvaluationOptions &options);
};

} // namespace Vitrine
