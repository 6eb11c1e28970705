// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/modelcache.h"

#include <QString>

#include <memory>
#include <span>
#include <vector>

namespace Vitrine {

struct StrategyContext;

/**
 * Basket association for "bought together": a person's purchases within basket_hours of the
 * first purchase of a basket form one basket. Two items bought in the same basket at least
 * min_support times are associated by their lift,
 *
 *     lift(a, b) = P(a ∧ b) / (P(a) · P(b)) = together · baskets / (baskets with a · baskets with b),
 *
 * which is above 1 when buying one makes buying the other likelier than its popularity alone.
 */
class BasketModel : public Model
{
public:
    struct Settings
    {
        double basketHours = 24;
        int minSupport = 3;
        int neighbours = 100;
        int maxBasketItems = 50; ///< a bigger basket (a wholesale order) counts with its first items only

        QString key() const;
    };

    struct Neighbour
    {
        int item;
        float lift;
        int count; ///< baskets with both items
    };

    static std::shared_ptr<const BasketModel> fetch(const StrategyContext &context, const Settings &settings);
    static std::shared_ptr<BasketModel> train(
        const Snapshot &snapshot, const Settings &settings, const Progress &progress);

    const Settings &settings() const { return m_settings; }
    int basketCount() const { return m_baskets; }
    /** Baskets with the item. */
    int support(int item) const { return m_support[size_t(item)]; }
    /** By lift, best first, ties by item index. */
    std::span<const Neighbour> neighbours(int item) const;
    const Neighbour *find(int item, int other) const;

    /** The items of the person's last basket (their purchases within basket_hours of the last one). */
    std::vector<int> lastBasket(const Snapshot &snapshot, int user) const;

private:
    Settings m_settings;
    int m_baskets = 0;
    std::vector<int> m_support;
    std::vector<qint64> m_offsets;
    std::vector<Neighbour> m_neighbours;
};

} // namespace Vitrine
