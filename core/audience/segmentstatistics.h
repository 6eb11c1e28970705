// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/eventtype.h"
#include "common/progress.h"
#include "personfeatures.h"
#include "personset.h"
#include "segmentstats.h"

#include <QString>

#include <vector>

namespace Vitrine {

class Recommender;
class SegmentLibrary;
class SegmentRule;

struct SegmentStatsOptions
{
    /** Categories are counted at this depth (1: top level); shallower items at their own. */
    int categoryLevel = 2;
    /** The events that make a category a favourite. */
    EventType categoryEvent = EventType::Purchase;
    int topCategories = 10;
    int topBrands = 10;
    /** Countries beyond this many are summed as "other". */
    int topCountries = 10;
};

/** What a bar or a cell of the statistics counts people by (SegmentStatistics::peopleIn()). */
enum class SegmentFacet
{
    Gender, ///< "f", "m", "x", "unknown"
    AgeBand, ///< an age band's name: "under 20", "20-29", …, "60+", "unknown"
    Country, ///< a country's name, "other" (beyond the top countries) or "unknown"
    Category, ///< a category path at the options' level
    Brand, ///< a brand's name
    Rfm, ///< SegmentRfmGrid::cellKey() or neverKey()
};

/**
 * The numbers an analyst asks about a segment: size and share; composition by gender, age band
 * (at as_of) and country; the categories its members favour, with lift against everybody; spend
 * and orders per member; its size at past month ends; and what a slot shows its members.
 * Results are plain values (segmentstats.h); nothing here prints.
 */
class SegmentStatistics
{
public:
    explicit SegmentStatistics(PersonFeaturesPtr features);

    SegmentStats compute(const PersonSet &members, const SegmentStatsOptions &options = {},
        const Progress &progress = {}) const;

    /**
     * The members behind one bar or cell of compute() with the same options: their number is the
     * bar's count (a composition bucket, an RFM cell) or people (a category or brand: members
     * with at least one event of the counted type there). Empty for a key the facet lacks.
     */
    PersonSet peopleIn(const PersonSet &members, SegmentFacet facet, const QString &key,
        const SegmentStatsOptions &options = {}) const;

    /**
     * The rule's size as of the last second (UTC) of each of the `months` latest month ends at
     * or before the features' as_of, oldest first: what features computed at each month end
     * would count, found in one walk over the events (SegmentHistory). Empty and a message on
     * failure or cancel.
     */
    std::vector<SegmentMonthSize> sizeOverTime(const SegmentRule &rule, const SegmentLibrary *library,
        int months, QString *error, const Progress &progress = {}) const;

    /**
     * The items `slot` most often gives the members: it runs the slot for up to `sample` members
     * spread evenly through the segment (all of them when there are fewer) and counts each item.
     * The recommender must hold the features' snapshot.
     */
    SegmentShown shown(const PersonSet &members, Recommender &recommender, const QString &slot,
        int sample = 200, int topItems = 20, const Progress &progress = {}) const;

    /** "2026-03-31T23:59:59Z" and earlier month ends, newest last. */
    static std::vector<qint64> monthEnds(qint64 asOf, int months);

private:
    PersonFeaturesPtr m_features;
};

} // namespace Vitrine
