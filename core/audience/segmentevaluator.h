// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"
#include "personfeatures.h"
#include "personset.h"
#include "segmentexplanation.h"
#include "segmentrule.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace Vitrine {

class SegmentLibrary;

/** The members of a segment at one as_of, or why there are none. */
struct SegmentMembers
{
    bool ok = false;
    bool cancelled = false;
    QString error;
    PersonSet members;
    /** Names the rule uses that the catalog does not know, each with its place in the rule. */
    QStringList warnings;

    int count() const { return members.count(); }
};

/**
 * How many people pass each part of a rule, for the rule builder's counts: every node evaluated
 * over everybody (`alone`) and, inside its group, what the group holds after it in the written
 * order (`reached`: the running "and" of an all group, the running "or" of an any group), so an
 * all group reads like a funnel. The root's `reached` is the member count.
 */
struct SegmentFunnel
{
    struct Step
    {
        QString path; ///< the node's path in the rule ("" for the root, "all[1]", "all[1].not")
        int alone = 0;
        int reached = 0;
    };
    bool ok = false;
    bool cancelled = false;
    QString error;
    QStringList warnings;
    PersonSet members;
    std::vector<Step> steps; ///< depth first, parents before children
    const Step *step(const QString &path) const;
};

/**
 * Evaluates segment rules over every person of a snapshot at the features' as_of.
 *
 * Each condition is one pass over a column (profile fields, value features, an affinity
 * column) or over the people's time-ordered events, on all cores, into a PersonSet; groups
 * combine those with and/or/not a word at a time. Inside "all", cheap conditions run first and
 * later ones only test the people still in, so a behaviour pass after a profile filter reads a
 * fraction of the events. Referenced segments are evaluated once and memoised; a cycle of
 * references is refused with the chain named.
 *
 * Names the catalog does not know (a category, sku, brand, topic, country or city) match nobody
 * and are reported as warnings, so a typo does not pass silently.
 *
 * Not thread-safe (the memo); use one evaluator per thread. The features may be shared.
 */
class SegmentEvaluator
{
public:
    explicit SegmentEvaluator(PersonFeaturesPtr features, const SegmentLibrary *library = nullptr);
    ~SegmentEvaluator();

    const PersonFeaturesPtr &features() const { return m_features; }
    const Snapshot &snapshot() const { return *m_features->snapshot(); }
    const SegmentLibrary *library() const { return m_library; }

    /**
     * How expensive a node is to test, so "all" can test cheap conditions first and expensive
     * ones on fewer people. Over time (SegmentHistory), a quintile score needs a pass of its own.
     */
    static int cost(const SegmentRule::Node &node, bool overTime = false);

    SegmentMembers evaluate(const SegmentRule &rule, const Progress &progress = {});
    /**
     * The rule's members with the count at every node (SegmentFunnel). Each node runs over
     * everybody, so this costs more than evaluate(); the members are the same.
     */
    SegmentFunnel funnel(const SegmentRule &rule, const Progress &progress = {});
    /** A stored segment of the library, memoised. */
    SegmentMembers evaluate(const QString &segmentName, const Progress &progress = {});

    /**
     * For evaluators of their own (SegmentHistory): a test of one profile condition on one person,
     * with ages in the calendar year `ageYear`. Valid while this evaluator lives.
     */
    std::function<bool(int)> profileTest(const SegmentCondition &condition, int ageYear);
    /** The items a behaviour condition counts events on; empty: every item. */
    std::vector<quint8> behaviourItems(const SegmentCondition &condition);
    /** The category, brand or topic an affinity condition names, or -1 when the catalog lacks it. */
    int affinityTarget(const SegmentCondition &condition);

    /** Why one person (a dense index) is or is not in the segment. */
    SegmentExplanation explain(const SegmentRule &rule, int user);
    SegmentExplanation explain(const QString &segmentName, int user);

private:
    struct Prepared;
    struct Context;

    PersonSet evalNode(const SegmentRule::Node &node, const PersonSet *within, Context &context);
    PersonSet funnelNode(const SegmentRule::Node &node, Context &context, std::vector<SegmentFunnel::Step> &steps);
    PersonSet evalCondition(const SegmentCondition &condition, const PersonSet *within, Context &context);
    const PersonSet *segmentMembers(const SegmentCondition &condition, Context &context);
    Prepared prepare(const SegmentCondition &condition, Context &context);
    std::vector<quint8> behaviourItems(const SegmentCondition &condition, Context &context);
    int affinityTarget(const SegmentCondition &condition, Context &context);
    bool test(const Prepared &prepared, int user) const;
    QString actual(const Prepared &prepared, int user) const;
    SegmentExplanation::Node explainNode(const SegmentRule::Node &node, int user, Context &context);
    template<typename Test> PersonSet pass(const PersonSet *within, const Test &test) const;

    PersonFeaturesPtr m_features;
    const SegmentLibrary *m_library;
    QHash<QString, PersonSet> m_memo;
    QHash<QString, QStringList> m_memoWarnings;
};

} // namespace Vitrine
