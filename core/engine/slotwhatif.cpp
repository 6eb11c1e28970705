// SPDX-License-Identifier: GPL-3.0-or-later
#include "slotwhatif.h"

#include "common/parallel.h"
#include "layout/audiencecache.h"
#include "recommendrequest.h"
#include "session/enginesession.h"
#include "slotdefinition.h"
#include "slotresult.h"
#include "snapshot.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <atomic>
#include <mutex>
#include <cmath>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SlotWhatIf)
};

/** Examples kept at most. */
constexpr int MaxExamples = 8;

std::vector<int> itemsOf(const SlotResult &result)
{
    std::vector<int> items;
    for (const RecommendedItem &item : result.items)
        items.push_back(item.item);
    return items;
}

QJsonArray skus(const Snapshot &snapshot, const std::vector<int> &items)
{
    QJsonArray list;
    for (int item : items)
        list.append(snapshot.sku(item));
    return list;
}

} // namespace

QJsonObject SlotWhatIf::toJson(const Snapshot &snapshot) const
{
    QJsonArray segmentList;
    for (const Segment &s : segments) {
        segmentList.append(QJsonObject {{QStringLiteral("segment"), s.name}, {QStringLiteral("people"), s.people},
            {QStringLiteral("changed"), s.changed}});
    }
    QJsonArray exampleList;
    for (const Example &e : examples) {
        exampleList.append(QJsonObject {{QStringLiteral("user"), snapshot.externalId(e.user)},
            {QStringLiteral("before"), skus(snapshot, e.before)}, {QStringLiteral("after"), skus(snapshot, e.after)}});
    }
    return {{QStringLiteral("population"), population}, {QStringLiteral("sampled"), sampled}, {QStringLiteral("changed"), changed},
        {QStringLiteral("came_in"), cameIn}, {QStringLiteral("dropped_out"), droppedOut},
        {QStringLiteral("average_move"), averageMove}, {QStringLiteral("segments"), segmentList},
        {QStringLiteral("examples"), exampleList}};
}

SlotWhatIf slotWhatIf(const EngineSession &engine, const QString &savedKey, const SlotDefinition &draft, int sample,
    const Progress &progress)
{
    SlotWhatIf result;
    const Snapshot &snapshot = *engine.snapshot();
    result.population = snapshot.userCount();
    const int count = sample <= 0 ? result.population : std::min(sample, result.population);
    std::vector<int> people(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i)
        people[size_t(i)] = int((qint64(i) * result.population) / std::max(1, count));

    // Both lists for every person, on all cores (the session is thread-safe).
    std::vector<std::vector<int>> before(people.size());
    std::vector<std::vector<int>> after(people.size());
    std::atomic<qint64> done {0};
    std::atomic_bool failed {false};
    QString error;
    std::mutex errorMutex;
    forEachInParallel(qint64(people.size()), [&](qint64 i) {
        if (failed.load() || progress.isCancelled())
            return;
        RecommendRequest request;
        request.user = people[size_t(i)];
        SlotResult now;
        now.ok = true; // a new slot: nobody sees anything of it yet
        if (!savedKey.isEmpty())
            now = engine.recommend(savedKey, request);
        const SlotResult next = engine.recommend(draft, request);
        if (!now.ok || !next.ok) {
            std::lock_guard lock(errorMutex);
            error = !now.ok ? now.error : next.error;
            failed = true;
            return;
        }
        before[size_t(i)] = itemsOf(now);
        after[size_t(i)] = itemsOf(next);
        const qint64 d = ++done;
        if ((d & 63) == 0)
            progress.report(Tr::tr("Comparing the saved slot and the draft"), d, qint64(people.size()));
    });
    if (progress.isCancelled()) {
        result.error = Tr::tr("cancelled");
        return result;
    }
    if (failed) {
        result.error = error;
        return result;
    }

    // Per person: changed or not, items in and out, how far the kept ones moved.
    std::vector<char> changed(people.size(), 0);
    double moved = 0;
    qint64 kept = 0;
    for (size_t i = 0; i < people.size(); ++i) {
        const auto &b = before[i];
        const auto &a = after[i];
        changed[i] = b != a;
        for (size_t pa = 0; pa < a.size(); ++pa) {
            const auto found = std::find(b.begin(), b.end(), a[pa]);
            if (found == b.end()) {
                ++result.cameIn;
            } else {
                moved += std::abs(double(found - b.begin()) - double(pa));
                ++kept;
            }
        }
        for (int item : b)
            result.droppedOut += std::find(a.begin(), a.end(), item) == a.end() ? 1 : 0;
        if (changed[i]) {
            ++result.changed;
            if (int(result.examples.size()) < MaxExamples)
                result.examples.push_back({people[i], b, a});
        }
    }
    result.sampled = int(people.size());
    result.averageMove = kept ? moved / double(kept) : 0;

    // Per segment, through the same audience the pages use.
    QString audienceError;
    if (const auto audience = engine.audience(&audienceError, progress)) {
        QStringList order = audience->priority();
        for (const QString &name : audience->library().names()) {
            if (!order.contains(name))
                order.append(name);
        }
        for (const QString &name : std::as_const(order)) {
            const auto members = audience->members(name, &audienceError);
            if (!members)
                continue;
            SlotWhatIf::Segment segment;
            segment.name = name;
            if (const SegmentDefinition *definition = audience->library().find(name))
                segment.title = definition->displayTitle();
            for (size_t i = 0; i < people.size(); ++i) {
                if (members->contains(people[i])) {
                    ++segment.people;
                    segment.changed += changed[i];
                }
            }
            result.segments.push_back(segment);
        }
    }
    result.ok = true;
    return result;
}

} // namespace Vitrine
