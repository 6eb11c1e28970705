// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"

#include <QList>
#include <QString>

#include <optional>

namespace Vitrine {

class AudienceCache;
class Snapshot;
struct SlotDefinition;

/** One week of an item's events, the week ending at `end` (exclusive). */
struct ItemWeek
{
    qint64 start = 0; ///< Unix seconds
    qint64 end = 0;
    int views = 0;    ///< views and clicks
    int carts = 0;
    int purchases = 0;
    int reads = 0;
};

/** What people did with one item up to the snapshot's time. */
struct ItemActivity
{
    QList<ItemWeek> weeks; ///< oldest first; the last one ends at the snapshot's time
    qint64 views = 0;
    qint64 carts = 0;
    qint64 purchases = 0;
    qint64 reads = 0;
    int people = 0;        ///< distinct people with any event on the item

    bool isEmpty() const { return people == 0; }
};

/** How much more often a segment's members interacted with an item than everyone did. */
struct SegmentLift
{
    QString segment;   ///< the segment's key
    QString title;
    int members = 0;
    int interacted = 0;       ///< members with any event on the item
    double memberShare = 0;   ///< interacted / members
    double overallShare = 0;  ///< everyone who interacted / everyone
    double lift = 0;          ///< memberShare / overallShare; 1: as everyone
};

/**
 * What the studio's item page shows beyond the stored fields: the item's events per week, the
 * segments that over-index on it, and the two engine questions about it ("bought with it",
 * "similar items") as slot drafts, so the page asks them through EngineSession::recommend()
 * exactly as a product-page slot would.
 */
namespace ItemInsights {

/** Weeks shown at most, and at least when the item has events. */
constexpr int MaxWeeks = 26;
constexpr int MinWeeks = 8;

/** The item's events per week, from its first event (MinWeeks..MaxWeeks weeks) to the snapshot's time. */
ItemActivity activity(const Snapshot &snapshot, int item);

/**
 * Every stored segment's lift on the item, highest first (ties by key). Segments that cannot be
 * evaluated are left out; empty when nobody interacted with the item. nullopt and why on failure.
 */
std::optional<QList<SegmentLift>> segmentLift(const Snapshot &snapshot, const AudienceCache &audience, int item,
    QString *error = nullptr, const Progress &progress = {});

/** Items often bought (or carted) with the context item: basket association, then co-purchases. */
SlotDefinition boughtWithSlot(int maxItems = 8);
/** Items like the context item: content similarity (category, brand, attributes, title). */
SlotDefinition similarSlot(int maxItems = 8);

} // namespace ItemInsights

} // namespace Vitrine
