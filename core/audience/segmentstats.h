// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <array>
#include <vector>

namespace Vitrine {

class Snapshot;

/** One bar of a composition chart: a gender, an age band, a country. */
struct SegmentBucket
{
    QString name;
    int count = 0;
    double share = 0; ///< of the segment's members
};

/** A category the members are active in, against everybody. */
struct SegmentCategory
{
    int category = -1;
    QString path;
    qint64 events = 0; ///< the members' events of the counted type in it
    int people = 0; ///< members with at least one such event in it
    double share = 0; ///< events / all the members' events of that type in any category
    double lift = 0; ///< share / the same share over everybody (1: as usual)
};

/** A brand the members are active in, against everybody (like SegmentCategory). */
struct SegmentBrand
{
    int brand = -1;
    QString name;
    qint64 events = 0; ///< the members' events of the counted type on its items
    int people = 0; ///< members with at least one such event on its items
    double share = 0; ///< events / all the members' events of that type on items with a brand
    double lift = 0; ///< share / the same share over everybody (1: as usual)
};

/**
 * People by recency score × frequency score: the quintile scores value conditions test
 * (PersonFeatures: 1..5, 5 the most recent or most frequent buyers). People without a purchase
 * have no scores and are counted apart.
 */
struct SegmentRfmGrid
{
    static constexpr int Scores = 5;
    /** cells[recency - 1][frequency - 1] */
    std::array<std::array<int, Scores>, Scores> cells {};
    int neverBought = 0;

    int cell(int recency, int frequency) const { return cells[size_t(recency - 1)][size_t(frequency - 1)]; }
    /** Everybody counted: the cells and those who never bought. */
    int total() const;
    /** The key SegmentStatistics::peopleIn() takes for a cell: "r5f1"; "never" for no purchase. */
    static QString cellKey(int recency, int frequency);
    static QString neverKey() { return QStringLiteral("never"); }
    /** {"cells": [[recency 1: frequency 1..5], ...], "never_bought": n} */
    QJsonObject toJson() const;
};

/** Who is in a segment and what they are worth: what `segment stats` and the GUI's charts show. */
struct SegmentStats
{
    qint64 asOf = 0;
    int size = 0;
    int population = 0;
    double share = 0;
    std::vector<SegmentBucket> genders;
    std::vector<SegmentBucket> ageBands;
    std::vector<SegmentBucket> countries; ///< the largest, then "other" and "unknown"
    QString categoryEvent; ///< the event type counted for topCategories
    int categoryLevel = 2;
    std::vector<SegmentCategory> topCategories;
    std::vector<SegmentBrand> topBrands; ///< by the same event type as topCategories
    SegmentRfmGrid rfm; ///< the members
    SegmentRfmGrid populationRfm; ///< everybody, for the members' lift per cell
    int buyers = 0; ///< members with at least one purchase
    double averageSpend = 0; ///< monetary per member (non-buyers count as 0)
    double averageOrders = 0; ///< orders per member
    double averageOrderValue = 0; ///< the members' spend / their orders
    double populationAverageSpend = 0;
    double populationAverageOrders = 0;

    QJsonObject toJson() const;
    /** The numbers as indented lines of text: composition, value, top categories and brands, RFM. */
    QStringList toLines() const;
};

/** The segment's size at one month end. */
struct SegmentMonthSize
{
    qint64 asOf = 0; ///< the month's last second (UTC)
    QString month; ///< "2026-03"
    int size = 0;
    double share = 0;

    QJsonObject toJson() const;
    /** "2025-12 1,204 · 2026-01 1,310 · …" */
    static QString toLine(const std::vector<SegmentMonthSize> &sizes);
};

/** One item a slot shows the segment's members. */
struct SegmentShownItem
{
    int item = -1;
    int members = 0; ///< sampled members shown it
    double share = 0; ///< of the sampled members
    double averagePosition = 0; ///< 1-based
};

/** What a slot gives a segment's members, from a sample of them. */
struct SegmentShown
{
    bool ok = false;
    QString error;
    QString slot;
    int members = 0;
    int sampled = 0;
    std::vector<SegmentShownItem> items;

    bool isSample() const { return sampled < members; }
    QJsonObject toJson(const Snapshot &snapshot) const;
    /** A heading and one line per item: rank, sku, title, share of members, average position. */
    QStringList toLines(const Snapshot &snapshot) const;
};

} // namespace Vitrine
