// SPDX-License-Identifier: GPL-3.0-or-later
#include "iteminsights.h"

#include "catalog/eventtype.h"
#include "engine/slotdefinition.h"
#include "engine/snapshot.h"
#include "layout/audiencecache.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace Vitrine {

namespace {

constexpr qint64 WeekSeconds = 7 * 24 * 3600;

SlotDefinition slotFrom(const QString &key, const QJsonObject &json)
{
    QString error;
    std::optional<SlotDefinition> slot = SlotDefinition::fromJson(key, json, &error);
    // The JSON is ours and fixed: a failure here is a programming error caught by the tests.
    return slot ? *slot : SlotDefinition();
}

/**
 * The filters of an insight, not of a shop page: out-of-stock items and items the person bought
 * still count, and no fallback fills an empty answer (an empty answer is the answer).
 */
QJsonObject insightFilters()
{
    return QJsonObject {
        {QStringLiteral("in_stock"), false},
        {QStringLiteral("exclude_bought"), false},
        {QStringLiteral("exclude_seen"), false},
    };
}

} // namespace

namespace ItemInsights {

ItemActivity activity(const Snapshot &snapshot, int item)
{
    ItemActivity result;
    if (item < 0 || item >= snapshot.itemCount())
        return result;
    const std::span<const Snapshot::ItemEvent> events = snapshot.itemEvents(item);
    if (events.empty())
        return result;

    const qint64 end = snapshot.asOf() + 1;
    qint64 first = end;
    std::vector<int> people;
    people.reserve(events.size());
    for (const Snapshot::ItemEvent &event : events) {
        first = std::min(first, snapshot.toUnix(event.time));
        people.push_back(event.user);
    }
    std::sort(people.begin(), people.end());
    result.people = int(std::unique(people.begin(), people.end()) - people.begin());

    const qint64 span = (end - first + WeekSeconds - 1) / WeekSeconds;
    const int weekCount = int(std::clamp<qint64>(span, MinWeeks, MaxWeeks));
    const qint64 start = end - weekCount * WeekSeconds;
    result.weeks.resize(weekCount);
    for (int week = 0; week < weekCount; ++week) {
        result.weeks[week].start = start + week * WeekSeconds;
        result.weeks[week].end = start + (week + 1) * WeekSeconds;
    }

    for (const Snapshot::ItemEvent &event : events) {
        const qint64 time = snapshot.toUnix(event.time);
        const qint64 week = time >= start ? (time - start) / WeekSeconds : -1;
        ItemWeek *bucket = week >= 0 && week < weekCount ? &result.weeks[week] : nullptr;
        switch (EventType(event.type)) {
        case EventType::View:
        case EventType::Click:
            ++result.views;
            if (bucket)
                ++bucket->views;
            break;
        case EventType::Cart:
            ++result.carts;
            if (bucket)
                ++bucket->carts;
            break;
        case EventType::Purchase:
            ++result.purchases;
            if (bucket)
                ++bucket->purchases;
            break;
        case EventType::Read:
            ++result.reads;
            if (bucket)
                ++bucket->reads;
            break;
        case EventType::Rating:
            break;
        }
    }
    return result;
}

std::optional<QList<SegmentLift>> segmentLift(
    const Snapshot &snapshot, const AudienceCache &audience, int item, QString *error, const Progress &progress)
{
    QList<SegmentLift> lifts;
    if (item < 0 || item >= snapshot.itemCount() || snapshot.userCount() == 0)
        return lifts;

    std::vector<int> people;
    for (const Snapshot::ItemEvent &event : snapshot.itemEvents(item))
        people.push_back(event.user);
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    if (people.empty())
        return lifts;
    const double overallShare = double(people.size()) / double(snapshot.userCount());

    const QStringList names = audience.library().names();
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (progress.isCancelled()) {
            if (error)
                *error = QCoreApplication::translate("Vitrine::ItemInsights", "cancelled");
            return std::nullopt;
        }
        progress.report(QCoreApplication::translate("Vitrine::ItemInsights", "Evaluating segments"), i, names.size());
        QString why;
        const std::shared_ptr<const PersonSet> members = audience.members(names.at(i), &why);
        if (!members || members->count() == 0)
            continue;
        SegmentLift lift;
        lift.segment = names.at(i);
        const SegmentDefinition *definition = audience.library().find(lift.segment);
        lift.title = definition ? definition->displayTitle() : lift.segment;
        lift.members = members->count();
        for (const int person : people) {
            if (person < members->size() && members->contains(person))
                ++lift.interacted;
        }
        lift.memberShare = double(lift.interacted) / double(lift.members);
        lift.overallShare = overallShare;
        lift.lift = lift.memberShare / overallShare;
        lifts.append(lift);
    }
    std::sort(lifts.begin(), lifts.end(), [](const SegmentLift &a, const SegmentLift &b) {
        return a.lift != b.lift ? a.lift > b.lift : a.segment < b.segment;
    });
    return lifts;
}

SlotDefinition boughtWithSlot(int maxItems)
{
    return slotFrom(QStringLiteral("item-bought-with"),
        QJsonObject {
            {QStringLiteral("title"), QCoreApplication::translate("Vitrine::ItemInsights", "Bought with it")},
            {QStringLiteral("strategies"),
                QJsonArray {
                    QJsonObject {{QStringLiteral("name"), QStringLiteral("bought-together")},
                        {QStringLiteral("weight"), 0.7},
                        {QStringLiteral("params"), QJsonObject {{QStringLiteral("min_support"), 2}}}},
                    QJsonObject {{QStringLiteral("name"), QStringLiteral("also-bought")}, {QStringLiteral("weight"), 0.3}},
                }},
            {QStringLiteral("normalisation"), QStringLiteral("max")},
            {QStringLiteral("filters"), insightFilters()},
            {QStringLiteral("min_items"), 1},
            {QStringLiteral("max_items"), maxItems},
        });
}

SlotDefinition similarSlot(int maxItems)
{
    return slotFrom(QStringLiteral("item-similar"),
        QJsonObject {
            {QStringLiteral("title"), QCoreApplication::translate("Vitrine::ItemInsights", "Similar items")},
            {QStringLiteral("strategies"),
                QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("similar")}, {QStringLiteral("weight"), 1.0}}}},
            {QStringLiteral("normalisation"), QStringLiteral("none")},
            {QStringLiteral("filters"), insightFilters()},
            {QStringLiteral("min_items"), 1},
            {QStringLiteral("max_items"), maxItems},
        });
}

} // namespace ItemInsights

} // namespace Vitrine
