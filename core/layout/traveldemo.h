// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"
#include "demo/demogenerator.h"

#include <QDate>

namespace Vitrine {

class Database;

struct TravelDemoOptions
{
    int people = 400;
    quint64 seed = 1;
    /** The last day of activity; invalid means today (UTC). */
    QDate endDate;
};

/**
 * A small travel catalog for preference matching (scenario 5 of the design): about forty
 * destinations (items with a price per person and attributes {"activities": [...],
 * "region": ...}, in categories "Travel > Europe > Mediterranean"), people with a budget and
 * favourite activities (attributes {"budget": N, "favorite_activities": [...]}), a few months of
 * views and bookings that follow those preferences, and a slot ("travel-for-you", the preference
 * strategy), a bestsellers slot and a layout ("travel-home") to preview them.
 *
 * Deterministic for a seed and end date. The first two people are fixed personas for tests and
 * demos: T0001 (budget 900; diving, beach) and T0002 (budget 3,000; skiing, hiking).
 */
class TravelDemo
{
public:
    /** Fills an EMPTY catalog in one transaction, as DemoGenerator does. */
    static DemoResult generate(Database &db, const TravelDemoOptions &options, const Progress &progress = {});
};

} // namespace Vitrine
