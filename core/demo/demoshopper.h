// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/democatalog.h"
#include "demo/demopopulation.h"

#include <utility>
#include <vector>

namespace Vitrine {

class DemoCalendar;
class DemoPool;
class DemoRandom;
enum class EventType : int;

/**
 * Simulates one person's year in the demo shop: their visits, and in each the views, clicks,
 * carts, purchases and reading that follow from their lasting tastes.
 *
 * Each person gets a taste drawn around what people of their gender, age and region tend to shop:
 * a few departments and leaves, a price band, and a few favourite product lines most of their
 * views and purchases come from. Consumables are bought again when they run out, articles lead on
 * to the products they are about, and seasonal categories sell in their season.
 */
class DemoShopper
{
public:
    /** One row of the events table. */
    struct Event
    {
        qint64 ts;
        int item; ///< index into DemoCatalog::items()
        int type; ///< EventType
        int quantity;
        double value; ///< DemoCatalog::NoPrice for none
    };

    DemoShopper(const DemoCatalog &catalog, const DemoCalendar &calendar);

    /**
     * Exactly person.budget events, in time order between person.start and person.end. The
     * events stay valid until the next call.
     */
    const std::vector<Event> &simulate(const DemoPopulation::Person &person, DemoRandom &random);

private:
    struct Favourite
    {
        int cluster;
        double weight;
        qint64 from;
    };

    void makeTaste(const DemoPopulation::Person &person, DemoRandom &random);
    void makeVisits(const DemoPopulation::Person &person, DemoRandom &random);
    void visit(DemoRandom &random, int events);
    void browse(DemoRandom &random, int events, int cluster, int leaf);
    int read(DemoRandom &random, int events, int *leaf);
    int pickProduct(DemoRandom &random, bool deals, int cluster, int leaf, int secondLeaf);
    int pickByPrice(DemoRandom &random, const DemoPool &pool);
    void push(
        EventType type, int item, double seconds, int quantity = 1, double value = DemoCatalog::NoPrice);

    const DemoCatalog &m_catalog;
    const DemoCalendar &m_calendar;
    const std::vector<DemoCatalog::Leaf> &m_leaves;
    const std::vector<DemoCatalog::Cluster> &m_clusters;
    const std::vector<DemoCatalog::Item> &m_items;

    // The person's taste.
    std::vector<double> m_topTaste, m_leafTaste, m_topicTaste, m_leafScratch;
    std::vector<Favourite> m_favourites;
    double m_logBand = 0, m_cartPropensity = 1, m_buyPropensity = 0.5, m_lineShare = 0.5, m_readShare = 0;

    // What they did so far.
    std::vector<Event> m_events;
    std::vector<int> m_recent, m_visitViews, m_readArticles;
    std::vector<std::pair<int, qint64>> m_consumables; ///< item, last bought
    qint64 m_clock = 0;
    double m_gapScale = 1, m_dwell = 0;
    qint64 m_gapCap = 240;
    bool m_visitStarted = false;
};

} // namespace Vitrine
