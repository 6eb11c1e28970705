// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentstats.h"

#include "engine/snapshot.h"
#include "storage/timestamp.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SegmentStats)
};

QJsonArray bucketsToJson(const std::vector<SegmentBucket> &buckets)
{
    QJsonArray list;
    for (const SegmentBucket &bucket : buckets) {
        list.append(QJsonObject {{QStringLiteral("name"), bucket.name},
            {QStringLiteral("count"), bucket.count}, {QStringLiteral("share"), bucket.share}});
    }
    return list;
}

QString percent(double share)
{
    return QLocale(QLocale::English).toString(share * 100.0, 'f', 1) + QLatin1Char('%');
}

QString number(double value, int decimals = 0)
{
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

QString bucketLine(const std::vector<SegmentBucket> &buckets)
{
    QStringList parts;
    for (const SegmentBucket &bucket : buckets) {
        if (bucket.count)
            parts.append(QStringLiteral("%1 %2").arg(bucket.name, percent(bucket.share)));
    }
    return parts.join(QStringLiteral(" · "));
}

/** The grid as lines, recency 5 (the latest buyers) on top: "R5   12   30 …". */
QStringList gridLines(const SegmentRfmGrid &grid)
{
    QStringList lines;
    for (int r = SegmentRfmGrid::Scores; r >= 1; --r) {
        QString line = QStringLiteral("  R%1").arg(r);
        for (int f = 1; f <= SegmentRfmGrid::Scores; ++f)
            line += QStringLiteral(" %1").arg(number(grid.cell(r, f)), 7);
        lines.append(line);
    }
    QString footer = QStringLiteral("    ");
    for (int f = 1; f <= SegmentRfmGrid::Scores; ++f)
        footer += QStringLiteral(" %1").arg(QStringLiteral("F%1").arg(f), 7);
    lines.append(footer);
    return lines;
}

} // namespace

int SegmentRfmGrid::total() const
{
    int sum = neverBought;
    for (const auto &row : cells) {
        for (int count : row)
            sum += count;
    }
    return sum;
}

QString SegmentRfmGrid::cellKey(int recency, int frequency)
{
    return QStringLiteral("r%1f%2").arg(recency).arg(frequency);
}

QJsonObject SegmentRfmGrid::toJson() const
{
    QJsonArray rows;
    for (const auto &row : cells) {
        QJsonArray list;
        for (int count : row)
            list.append(count);
        rows.append(list);
    }
    return {{QStringLiteral("cells"), rows}, {QStringLiteral("never_bought"), neverBought}};
}

QStringList SegmentStats::toLines() const
{
    QStringList lines {
        Tr::tr("Gender   %1").arg(bucketLine(genders)),
        Tr::tr("Age      %1").arg(bucketLine(ageBands)),
        Tr::tr("Country  %1").arg(bucketLine(countries)),
        Tr::tr("Value    %1 buyers; spend %2 per member (everybody %3), orders %4 (everybody %5), order "
               "value %6")
            .arg(number(buyers), number(averageSpend, 2), number(populationAverageSpend, 2),
                number(averageOrders, 2), number(populationAverageOrders, 2), number(averageOrderValue, 2)),
        Tr::tr("Top categories by %1 (level %2)").arg(categoryEvent).arg(categoryLevel),
    };
    for (const SegmentCategory &category : topCategories) {
        lines.append(QStringLiteral("  %1 %2 %3  lift %4")
                         .arg(category.path, -44)
                         .arg(number(double(category.events)), 9)
                         .arg(percent(category.share), 6)
                         .arg(category.lift, 0, 'f', 2));
    }
    lines.append(Tr::tr("Top brands by %1").arg(categoryEvent));
    for (const SegmentBrand &brand : topBrands) {
        lines.append(QStringLiteral("  %1 %2 %3  lift %4")
                         .arg(brand.name, -44)
                         .arg(number(double(brand.events)), 9)
                         .arg(percent(brand.share), 6)
                         .arg(brand.lift, 0, 'f', 2));
    }
    lines.append(Tr::tr("RFM      members by recency score (R, 5: latest) and frequency score (F); %1 never "
                        "bought")
                     .arg(number(rfm.neverBought)));
    lines += gridLines(rfm);
    return lines;
}

QJsonObject SegmentMonthSize::toJson() const
{
    return {{QStringLiteral("month"), month}, {QStringLiteral("as_of"), Timestamp::toIso(asOf)},
        {QStringLiteral("size"), size}, {QStringLiteral("share"), share}};
}

QString SegmentMonthSize::toLine(const std::vector<SegmentMonthSize> &sizes)
{
    QStringList parts;
    for (const SegmentMonthSize &size : sizes)
        parts.append(QStringLiteral("%1 %2").arg(size.month, number(size.size)));
    return parts.join(QStringLiteral(" · "));
}

QStringList SegmentShown::toLines(const Snapshot &snapshot) const
{
    QStringList lines {isSample() ? Tr::tr("Shown by %1 (to a sample of %2 of %3 members)")
                                        .arg(slot, number(sampled), number(members))
                                  : Tr::tr("Shown by %1 (to all %2 members)").arg(slot, number(members))};
    int rank = 0;
    for (const SegmentShownItem &item : items) {
        lines.append(QStringLiteral("  %1. %2 %3 %4  position %5")
                         .arg(++rank, 2)
                         .arg(snapshot.sku(item.item), -10)
                         .arg(snapshot.title(item.item), -40)
                         .arg(percent(item.share), 6)
                         .arg(item.averagePosition, 0, 'f', 1));
    }
    return lines;
}

QJsonObject SegmentStats::toJson() const
{
    QJsonArray categories;
    for (const SegmentCategory &category : topCategories) {
        categories.append(QJsonObject {{QStringLiteral("category"), category.path},
            {QStringLiteral("events"), category.events}, {QStringLiteral("people"), category.people},
            {QStringLiteral("share"), category.share}, {QStringLiteral("lift"), category.lift}});
    }
    QJsonArray brands;
    for (const SegmentBrand &brand : topBrands) {
        brands.append(QJsonObject {{QStringLiteral("brand"), brand.name},
            {QStringLiteral("events"), brand.events}, {QStringLiteral("people"), brand.people},
            {QStringLiteral("share"), brand.share}, {QStringLiteral("lift"), brand.lift}});
    }
    return {
        {QStringLiteral("as_of"), Timestamp::toIso(asOf)},
        {QStringLiteral("size"), size},
        {QStringLiteral("population"), population},
        {QStringLiteral("share"), share},
        {QStringLiteral("composition"),
            QJsonObject {{QStringLiteral("gender"), bucketsToJson(genders)},
                {QStringLiteral("age"), bucketsToJson(ageBands)},
                {QStringLiteral("country"), bucketsToJson(countries)}}},
        {QStringLiteral("top_categories"),
            QJsonObject {{QStringLiteral("event"), categoryEvent}, {QStringLiteral("level"), categoryLevel},
                {QStringLiteral("categories"), categories}}},
        {QStringLiteral("top_brands"),
            QJsonObject {{QStringLiteral("event"), categoryEvent}, {QStringLiteral("brands"), brands}}},
        {QStringLiteral("rfm"),
            QJsonObject {{QStringLiteral("rows"), QStringLiteral("recency_score")},
                {QStringLiteral("columns"), QStringLiteral("frequency_score")},
                {QStringLiteral("members"), rfm.toJson()},
                {QStringLiteral("population"), populationRfm.toJson()}}},
        {QStringLiteral("value"),
            QJsonObject {{QStringLiteral("buyers"), buyers}, {QStringLiteral("average_spend"), averageSpend},
                {QStringLiteral("average_orders"), averageOrders},
                {QStringLiteral("average_order_value"), averageOrderValue},
                {QStringLiteral("population_average_spend"), populationAverageSpend},
                {QStringLiteral("population_average_orders"), populationAverageOrders}}},
    };
}

QJsonObject SegmentShown::toJson(const Snapshot &snapshot) const
{
    QJsonArray list;
    for (const SegmentShownItem &entry : items) {
        list.append(QJsonObject {{QStringLiteral("item"), snapshot.sku(entry.item)},
            {QStringLiteral("title"), snapshot.title(entry.item)}, {QStringLiteral("members"), entry.members},
            {QStringLiteral("share"), entry.share},
            {QStringLiteral("average_position"), entry.averagePosition}});
    }
    QJsonObject json {{QStringLiteral("slot"), slot}, {QStringLiteral("members"), members},
        {QStringLiteral("sampled"), sampled}, {QStringLiteral("items"), list}};
    if (isSample())
        json.insert(QStringLiteral("note"),
            Tr::tr("from %1 of %2 members, evenly spread through the segment").arg(sampled).arg(members));
    if (!ok)
        json.insert(QStringLiteral("error"), error);
    return json;
}

} // namespace Vitrine
