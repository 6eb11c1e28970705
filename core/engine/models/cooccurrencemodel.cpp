// SPDX-License-Identifier: GPL-3.0-or-later
#include "cooccurrencemodel.h"

#include "engine/strategy.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace Vitrine {

QString CoOccurrenceModel::Settings::key() const
{
    return QStringLiteral("cooccurrence:types=%1:window=%2:min=%3:neighbours=%4:max=%5")
        .arg(typeMask)
        .arg(windowDays)
        .arg(minCount)
        .arg(neighbours)
        .arg(maxItems);
}

std::shared_ptr<const CoOccurrenceModel> CoOccurrenceModel::fetch(
    const StrategyContext &context, const Settings &settings)
{
    return context.models->get<CoOccurrenceModel>(
        settings.key(), [&] { return train(*context.snapshot, settings, context.progress); });
}

std::span<const CoOccurrenceModel::Neighbour> CoOccurrenceModel::neighbours(int item) const
{
    if (item < 0 || size_t(item) + 1 >= m_offsets.size())
        return {};
    return {m_neighbours.data() + m_offsets[size_t(item)], m_neighbours.data() + m_offsets[size_t(item) + 1]};
}

const CoOccurrenceModel::Neighbour *CoOccurrenceModel::find(int item, int other) const
{
    for (const Neighbour &neighbour : neighbours(item)) {
        if (neighbour.item == other)
            return &neighbour;
    }
    return nullptr;
}

std::shared_ptr<CoOccurrenceModel> CoOccurrenceModel::train(
    const Snapshot &snapshot, const Settings &settings, const Progress &progress)
{
    const QString stage
        = QCoreApplication::translate("Vitrine::CoOccurrenceModel", "Counting items seen together");
    auto model = std::make_shared<CoOccurrenceModel>();
    model->m_settings = settings;
    const int items = snapshot.itemCount();
    const int users = snapshot.userCount();
    const qint32 begin = settings.windowDays > 0
        ? snapshot.toRelative(snapshot.asOf() - qint64(std::llround(settings.windowDays * 86400)))
        : std::numeric_limits<qint32>::min();

    // Per person, their most recent distinct items, sorted: a compressed sparse row.
    std::vector<qint64> userOffsets(size_t(users) + 1, 0);
    std::vector<int> userItems;
    std::vector<int> itemPeople(size_t(items), 0);
    std::vector<char> mark(size_t(items), 0);
    for (int user = 0; user < users; ++user) {
        const size_t start = userItems.size();
        const auto events = snapshot.userEvents(user);
        for (auto it = events.rbegin();
             it != events.rend() && int(userItems.size() - start) < settings.maxItems; ++it) {
            if (it->time <= begin)
                break;
            if (!(settings.typeMask & (1u << it->type)) || mark[size_t(it->item)])
                continue;
            mark[size_t(it->item)] = 1;
            userItems.push_back(it->item);
        }
        std::sort(userItems.begin() + qsizetype(start), userItems.end());
        for (size_t i = start; i < userItems.size(); ++i) {
            mark[size_t(userItems[i])] = 0;
            ++itemPeople[size_t(userItems[i])];
        }
        userOffsets[size_t(user) + 1] = qint64(userItems.size());
    }
    std::vector<qint64> itemOffsets(size_t(items) + 1, 0);
    for (int item = 0; item < items; ++item)
        itemOffsets[size_t(item) + 1] = itemOffsets[size_t(item)] + itemPeople[size_t(item)];
    std::vector<int> itemUsers(userItems.size());
    std::vector<qint64> cursor(itemOffsets.begin(), itemOffsets.end() - 1);
    for (int user = 0; user < users; ++user) {
        for (qint64 i = userOffsets[size_t(user)]; i < userOffsets[size_t(user) + 1]; ++i)
            itemUsers[size_t(cursor[size_t(userItems[size_t(i)])]++)] = user;
    }

    std::vector<int> counts(size_t(items), 0);
    std::vector<int> touched;
    std::vector<ScoredItem> scored;
    model->m_offsets.assign(size_t(items) + 1, 0);
    for (int item = 0; item < items; ++item) {
        if ((item & 0xFF) == 0) {
            progress.report(stage, item, items);
            if (progress.isCancelled())
                return nullptr;
        }
        touched.clear();
        for (qint64 p = itemOffsets[size_t(item)]; p < itemOffsets[size_t(item) + 1]; ++p) {
            const int user = itemUsers[size_t(p)];
            for (qint64 i = userOffsets[size_t(user)]; i < userOffsets[size_t(user) + 1]; ++i) {
                const int other = userItems[size_t(i)];
                if (counts[size_t(other)]++ == 0)
                    touched.push_back(other);
            }
        }
        scored.clear();
        for (int other : touched) {
            const int count = counts[size_t(other)];
            if (other != item && count >= settings.minCount) {
                const double norm = std::sqrt(double(itemPeople[size_t(item)]) * itemPeople[size_t(other)]);
                scored.push_back({other, float(count / norm)});
            }
        }
        for (const ScoredItem &best : topN(std::move(scored), settings.neighbours))
            model->m_neighbours.push_back({best.item, best.score, counts[size_t(best.item)]});
        for (int other : touched)
            counts[size_t(other)] = 0;
        model->m_offsets[size_t(item) + 1] = qint64(model->m_neighbours.size());
        scored = {};
    }
    model->m_neighbours.shrink_to_fit();
    progress.report(stage, items, items);
    return model;
}

} // namespace Vitrine
