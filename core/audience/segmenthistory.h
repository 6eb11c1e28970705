// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"
#include "personfeatures.h"
#include "personset.h"

#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace Vitrine {

class SegmentLibrary;
class SegmentRule;

/**
 * A segment's size at many past times at once: what SegmentEvaluator would count with features
 * computed at each of them, in about the time of one evaluation.
 *
 * Each person carries one bit per time (up to 16 at a time) instead of one bit in a PersonSet:
 * groups combine those masks with and/or/not as the evaluator combines sets. Conditions that do
 * not change with time (the profile, except age) are tested once per person; behaviour, value
 * and affinity conditions walk each person's time-ordered events once, stopping at every time to
 * test what holds then, with the same sums in the same order as PersonFeatures. Quintile scores
 * rank all buyers at each time, so a rule with a score condition costs one more pass over the
 * purchases. Referenced segments are evaluated once per series and memoised; a cycle is refused.
 */
class SegmentHistory
{
public:
    /** `features` lend the snapshot, half-life and event weights; their own as_of does not matter. */
    SegmentHistory(PersonFeaturesPtr features, const SegmentLibrary *library);
    ~SegmentHistory();

    /**
     * The rule's member count at the end (inclusive) of each of `times` (Unix seconds,
     * increasing). Empty and a message on failure or cancel.
     */
    std::vector<int> sizes(const SegmentRule &rule, const std::vector<qint64> &times, QString *error,
        const Progress &progress = {});
    /** The members themselves at each of `times`; empty and a message on failure or cancel. */
    std::vector<PersonSet> members(const SegmentRule &rule, const std::vector<qint64> &times, QString *error,
        const Progress &progress = {});

private:
    struct Run;
    /** Calls visit(first, masks) for each run of up to 16 times, masks holding bit t - first. */
    bool evaluate(const SegmentRule &rule, const std::vector<qint64> &times, QString *error,
        const Progress &progress, const std::function<void(size_t, const std::vector<quint16> &)> &visit);

    PersonFeaturesPtr m_features;
    const SegmentLibrary *m_library;
};

} // namespace Vitrine
