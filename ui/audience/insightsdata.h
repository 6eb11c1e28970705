// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audience/personfeatures.h"
#include "audience/personset.h"
#include "audience/segmentoverlap.h"
#include "audience/segmentrule.h"
#include "audience/segmentstatistics.h"
#include "audience/segmentstats.h"
#include "common/progress.h"
#include "session/enginesession.h"

#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace Vitrine {

/**
 * What the insights and compare views show about a segment, computed off the UI thread from the
 * engine's audience with the core's SegmentStatistics and SegmentOverlap (the functions
 * `vitrine-cli segment stats` and `segment overlap` call), so the charts and the CLI agree.
 */
struct InsightsData
{
    /** Why nothing could be computed; empty when the figures are valid. */
    QString error;
    SegmentStats stats;
    /** Everybody's share of each of stats' gender, age band and country buckets, in their order. */
    std::vector<double> everybodyGenders, everybodyAges, everybodyCountries;
    std::vector<SegmentMonthSize> months;
    QString monthsError;
    /** The stored segments and this one (at selfIndex), as `segment overlap` compares them. */
    std::optional<SegmentOverlap> overlap;
    QString overlapError;
    int selfIndex = -1;
    /** The overlap's members per segment, in its order, for the people behind an UpSet bar. */
    std::shared_ptr<const std::vector<PersonSet>> overlapSets;
    std::shared_ptr<const PersonSet> members;
    PersonFeaturesPtr features;
    /** The stored slots ("home-for-you") and their titles, for the "shown by" choice. */
    QStringList slotKeys, slotTitles;
    QStringList warnings;

    /**
     * Evaluates `rule` (a stored segment's or a draft's, named `name`, which may be empty) and
     * computes its statistics, its size at the last `months` month ends and its overlap with the
     * stored segments. When the rule is the stored segment's own, the overlap compares exactly
     * the stored segments, as `segment overlap` with no names does; otherwise the rule joins them
     * as an inline input in place of its stored version.
     */
    static InsightsData compute(const EngineSessionPtr &engine, const QString &name, const SegmentRule &rule,
        bool withOverlap, int months, const Progress &progress);

    /**
     * The slot to show first: a personal one ("…for-you") says most about a segment; slots that
     * need a product or a cart come last.
     */
    static int preferredSlot(const QStringList &keys);
    /** The inline name a draft takes in the overlap: `name` unless stored or invalid. */
    static QString draftName(const QString &name, const QStringList &storedNames);
};

/** Two segments side by side (SegmentCompareView): sizes, overlap, composition. */
struct CompareData
{
    /** One side: a stored segment by name, or a draft's rule under its name. */
    struct Side
    {
        QString name;
        std::optional<SegmentRule> rule;
    };

    QString error;
    QStringList storedNames;
    std::array<SegmentStats, 2> stats;
    std::array<std::shared_ptr<const PersonSet>, 2> members;
    /** The two as `segment overlap A B` compares them. */
    std::optional<SegmentOverlap> overlap;
    PersonFeaturesPtr features;
    QStringList slotKeys, slotTitles;

    static CompareData compute(
        const EngineSessionPtr &engine, const Side &a, const Side &b, const Progress &progress);
};

/** What a slot shows a segment's members, with the items' sku and title read off the UI thread. */
struct InsightsShown
{
    struct Row
    {
        QString sku;
        QString title;
        int members = 0;
        double share = 0;
        double averagePosition = 0;
    };
    SegmentShown shown;
    std::vector<Row> rows;

    static InsightsShown compute(const EngineSessionPtr &engine, const PersonFeaturesPtr &features,
        const PersonSet &members, const QString &slot, const Progress &progress);
};

/** The people behind one bar (of compute()'s statistics or of the overlap's UpSet chart). */
struct InsightsNarrowing
{
    SegmentFacet facet = SegmentFacet::Gender;
    QString key;
    /** For an UpSet bar: the overlap's segments the people are in; they are in none of the others. */
    std::vector<int> intersection;
    bool upSet = false;
    /** With upSet: in these segments, whatever else they are in (an overlap matrix cell). */
    bool inclusive = false;

    /** Runs off the UI thread: the arguments are the InsightsData's, shared. */
    std::shared_ptr<const PersonSet> people(const PersonFeaturesPtr &features,
        const std::shared_ptr<const PersonSet> &members,
        const std::shared_ptr<const std::vector<PersonSet>> &overlapSets) const;
};

} // namespace Vitrine
