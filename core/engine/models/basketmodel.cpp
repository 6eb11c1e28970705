// SPDX-License-Identifier: GPL-3.0-or-later
#include "basketmodel.h"

#include "engine/strategy.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace Vitrine {

namespace {

constexpr quint8 kPurchase = quint8(EventType::Purchase);

} // namespace

QString BasketModel::Settings::key() const
{
    return QStringLiteral("basket:hours=%1:support=%2:neighbours=%3:max=%4")
        .arg(basketHours)
        .arg(minSupport)
        .arg(neighbours)
        .arg(maxBasketItems);
}

std::shared_ptr<const BasketModel> BasketModel::fetch(
    const StrategyContext &context, const Settings &settings)
{
    return context.models->get<BasketModel>(
        settings.key(), [&] { return train(*context.snapshot, settings, context.progress); });
}

std::span<const BasketModel::Neighbour> BasketModel::neighbours(int item) const
{
    if (item < 0 || size_t(item) + 1 >= m_offsets.size())
        return {};
    return {m_neighbours.data() + m_offsets[size_t(item)], m_neighbours.data() + m_offsets[size_t(item) + 1]};
}

const BasketModel::Neighbour *BasketModel::find(int item, int other) const
{
    for (const Neighbour &neighbour : neighbours(item)) {
        if (neighbour.item == other)
            return &neighbour;
    }
    return nullptr;
}

std::vector<int> BasketModel::lastBasket(const Snapshot &snapshot, int user) const
{
    std::vector<int> items;
    if (user < 0 || user >= snapshot.userCount())
        return items;
    const qint64 span = qint64(std::llround(m_settings.basketHours * 3600));
    const auto events = snapshot.userEvents(user);
    qint64 last = 0;
    bool found = false;
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->type != kPurchase)
            continue;
        if (!found) {
            last = it->time;
            found = true;
        }
        if (last - it->time > span)
            break;
        if (std::find(items.begin(), items.end(), it->item) == items.end())
            items.push_back(it->item);
    }
    return items;
}

std::shared_ptr<BasketModel> BasketModel::train(
    const Snapshot &snapshot, const Settings &settings, const Progress &progress)
{
    const QString stage = QCoreApplication::translate("Vitrine::BasketModel", "Reading baskets");
    auto model = std::make_shared<BasketModel>();
    model->m_settings = settings;
    const int items = snapshot.itemCount();
    model->m_support.assign(size_t(items), 0);
    const qint64 span = qint64(std::llround(settings.basketHours * 3600));

    std::vector<quint64> pairs;
    std::vector<int> basket;
    auto closeBasket = [&] {
        if (basket.empty())
            return;
        std::sort(basket.begin(), basket.end());
        basket.erase(std::unique(basket.begin(), basket.end()), basket.end());
        ++model->m_baskets;
        for (size_t i = 0; i < basket.size(); ++i) {
            ++model->m_support[size_t(basket[i])];
            for (size_t j = i + 1; j < basket.size(); ++j)
                pairs.push_back(quint64(quint32(basket[i])) << 32 | quint32(basket[j]));
        }
        basket.clear();
    };
    for (int user = 0; user < snapshot.userCount(); ++user) {
        if ((user & 0xFFF) == 0) {
            progress.report(stage, user, snapshot.userCount());
            if (progress.isCancelled())
                return nullptr;
        }
        qint64 start = 0;
        for (const Snapshot::Event &event : snapshot.userEvents(user)) {
            if (event.type != kPurchase)
                continue;
            if (!basket.empty() && event.time - start > span)
                closeBasket();
            if (basket.empty())
                start = event.time;
            if (int(basket.size()) < settings.maxBasketItems
                && std::find(basket.begin(), basket.end(), event.item) == basket.end())
                basket.push_back(event.item);
        }
        closeBasket();
    }

    // Count each pair, keep those with enough support, in both directions.
    std::sort(pairs.begin(), pairs.end());
    std::vector<std::vector<Neighbour>> lists(static_cast<size_t>(items));
    for (size_t i = 0; i < pairs.size();) {
        size_t j = i;
        while (j < pairs.size() && pairs[j] == pairs[i])
            ++j;
        const int count = int(j - i);
        if (count >= settings.minSupport) {
            const int a = int(pairs[i] >> 32);
            const int b = int(pairs[i] & 0xFFFFFFFFu);
            const double lift = double(count) * model->m_baskets
                / (double(model->m_support[size_t(a)]) * model->m_support[size_t(b)]);
            lists[size_t(a)].push_back({b, float(lift), count});
            lists[size_t(b)].push_back({a, float(lift), count});
        }
        i = j;
    }
    model->m_offsets.assign(size_t(items) + 1, 0);
    for (int item = 0; item < items; ++item) {
        auto &list = lists[size_t(item)];
        std::sort(list.begin(), list.end(), [](const Neighbour &x, const Neighbour &y) {
            return x.lift != y.lift ? x.lift > y.lift : x.item < y.item;
        });
        if (int(list.size()) > settings.neighbours)
            list.resize(size_t(settings.neighbours));
        model->m_neighbours.insert(model->m_neighbours.end(), list.begin(), list.end());
        model->m_offsets[size_t(item) + 1] = qint64(model->m_neighbours.size());
    }
    progress.report(stage, snapshot.userCount(), snapshot.userCount());
    return model;
}

} // namespace Vitrine
