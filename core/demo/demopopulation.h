// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

#include <array>
#include <vector>

class QString;

namespace Vitrine {

class DemoCalendar;

/**
 * The demo shop's customers: who they are (gender, age, home town, name), when they shop, and
 * how many of the catalog's events each of them makes. Their visits are simulated by DemoShopper.
 */
class DemoPopulation
{
public:
    /** One customer; indices refer to DemoData::countries() and its name and city lists. */
    struct Person
    {
        qint64 start = 0, end = 0, registered = 0, budget = 0; ///< budget: how many events they make
        double rate = 0; ///< how active they are, relatively
        int country = 0, city = 0, firstName = 0, family = 0, birthYear = 1980, region = 1;
        char gender = 'f';
        bool consent = false, reader = false, femaleName = true;
    };

    DemoPopulation(quint64 seed, int count, const DemoCalendar &calendar);

    const std::vector<Person> &people() const { return m_people; }

    /**
     * Shares total events out in proportion to activity and time active, summing exactly and
     * giving nobody more than one event per ten minutes. Needs at least one person when total > 0.
     */
    bool allocateBudgets(qint64 total, QString *error);

    const QByteArray &firstName(const Person &person) const;
    /** The family name as the person bears it: Polish -ska for women, Icelandic patronymics. */
    QByteArray familyName(const Person &person) const;
    const QByteArray &city(const Person &person) const;

private:
    struct Place
    {
        QList<QByteArray> cities;
        std::vector<double> weights;
    };

    std::vector<Place> m_places; ///< by country
    std::vector<double> m_countryWeights;
    std::vector<std::array<QList<QByteArray>, 3>> m_names; ///< by group: female, male, family
    std::vector<Person> m_people;
};

} // namespace Vitrine
