// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audience/segmentexplanation.h"
#include "common/progress.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace Vitrine {

class EngineSession;

/**
 * What the engine knows about one person at its time, for the person page: value (RFM),
 * every stored segment with the core's explanation, category and brand affinities, and the
 * catalog's slots. Computed off the UI thread with the calls `vitrine-cli segment explain`
 * makes, so the page and the command line agree.
 */
struct PersonInsight
{
    struct Segment
    {
        QString name;
        QString title;
        QString description;
        int priority = -1; ///< position in the priority list, -1 when it is not there
        SegmentExplanation explanation; ///< ok is false (and error says why) when it could not be evaluated
    };

    struct Affinity
    {
        QString label; ///< "Knitwear", "Acme"
        QString path; ///< the category's full path, or the brand
        double share = 0; ///< 0..1
    };

    bool found = false;
    QString error; ///< why nothing could be computed (the engine, the features)
    int user = -1;
    qint64 asOf = 0;

    bool buyer = false;
    int purchases = 0;
    int orders = 0;
    double monetary = 0;
    double recencyDays = 0; ///< NaN without a purchase
    double firstPurchaseDays = 0;
    double averageOrderValue = 0;
    double saleShare = 0;
    int recencyScore = 0; ///< 1..5, 0 without a purchase
    int frequencyScore = 0;
    int monetaryScore = 0;
    int eventsAtAsOf = 0; ///< the events the engine counts (up to asOf)

    /** Stored segments: the priority list's first, in its order, then the others by name. */
    std::vector<Segment> segments;
    /** The first segment of the priority list the person belongs to (what layouts use), or empty. */
    QString firstMatch;

    QList<Affinity> categories; ///< strongest first
    QList<Affinity> brands;

    QStringList slotKeys;
    QStringList slotTitles; ///< a title per key (the key when the slot has none)

    /** The names of the segments the person belongs to, in the order above. */
    QStringList memberSegments() const;

    static PersonInsight compute(
        const EngineSession &engine, const QString &externalId, const Progress &progress = {});
};

} // namespace Vitrine
