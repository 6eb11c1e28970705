// SPDX-License-Identifier: GPL-3.0-or-later
#include "demopopulation.h"

#include "demo/democalendar.h"
#include "demo/demodata.h"
#include "demo/demorandom.h"

#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <cmath>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::DemoGenerator)
};

constexpr qint64 Day = DemoCalendar::Day;
constexpr qint64 MinSecondsPerEvent = 600; ///< nobody averages more than one event per 10 minutes

} // namespace

DemoPopulation::DemoPopulation(quint64 seed, int count, const DemoCalendar &calendar)
{
    for (const auto &country : DemoData::countries()) {
        Place place;
        for (const QByteArray &entry : DemoData::split(country.cities)) {
            const qsizetype colon = entry.indexOf(':');
            place.cities.append(entry.left(colon));
            place.weights.push_back(entry.mid(colon + 1).toDouble());
        }
        m_places.push_back(place);
        m_countryWeights.push_back(country.share);
    }
    for (const auto &group : DemoData::nameGroups())
        m_names.push_back(
            {DemoData::split(group.female), DemoData::split(group.male), DemoData::split(group.family)});

    const auto countries = DemoData::countries();
    const qint64 activityStart = calendar.activityStart(), endTs = calendar.endTs();
    count = std::max(0, count);
    m_people.resize(size_t(count));
    for (int i = 0; i < count; ++i) {
        DemoRandom random = DemoRandom::stream(seed, DemoRandom::People, quint64(i));
        Person &person = m_people[size_t(i)];
        const double g = random.uniform();
        person.gender = g < 0.02 ? 'x' : (g < 0.51 ? 'f' : 'm');
        person.country = random.pick(m_countryWeights);
        const auto &country = countries[size_t(person.country)];
        person.region = country.nordic ? 1 : (qstrcmp(country.name, "United Kingdom") == 0 ? 3 : 2);
        person.city = random.pick(m_places[size_t(person.country)].weights);
        const auto &names = m_names[size_t(country.nameGroup)];
        person.femaleName = person.gender == 'f' || (person.gender == 'x' && random.chance(0.5));
        person.firstName = random.below(int(names[person.femaleName ? 0 : 1].size()));
        person.family = random.below(int(names[2].size()));
        // Two generations of shoppers: people around 35 and around 53.
        do {
            person.birthYear = int(
                std::lround(random.chance(0.6) ? 1990 + 9 * random.normal() : 1972 + 11 * random.normal()));
        } while (person.birthYear < 1950 || person.birthYear > 2008);
        person.consent = random.chance(0.70);
        const int age = calendar.endYear() - person.birthYear;
        person.reader = random.chance(0.33 + (person.gender == 'f' ? 0.06 : 0) + (age > 45 ? 0.04 : 0));

        person.start = random.chance(0.62) ? activityStart : random.between(activityStart, endTs - 3 * Day);
        person.end = random.chance(0.22) && endTs - person.start > 30 * Day
            ? random.between(person.start + 14 * Day, endTs)
            : endTs;
        person.registered = person.start == activityStart
            ? person.start - std::min<qint64>(6 * 365 * Day, Day + qint64(random.exponential(420 * Day)))
            : person.start - random.between(0, 2 * Day);
        person.rate = random.chance(0.05) ? 0 : random.logNormal(0, 1.0);
    }
}

bool DemoPopulation::allocateBudgets(qint64 total, QString *error)
{
    if (total <= 0)
        return true;
    if (m_people.empty()) {
        *error = Tr::tr("events need at least one person and one item");
        return false;
    }
    std::vector<double> weights(m_people.size());
    std::vector<qint64> caps(m_people.size());
    qint64 capacity = 0;
    bool anyActive = false;
    for (size_t i = 0; i < m_people.size(); ++i) {
        const Person &person = m_people[i];
        caps[i] = (person.end - person.start) / MinSecondsPerEvent;
        capacity += caps[i];
        weights[i] = person.rate * double(person.end - person.start) / Day;
        anyActive = anyActive || weights[i] > 0;
    }
    if (!anyActive)
        weights[0] = 1;
    if (capacity < total) {
        *error = Tr::tr(
            "%1 events are more than %2 people make in a year; ask for at most %3 or for more people")
                     .arg(total)
                     .arg(m_people.size())
                     .arg(capacity);
        return false;
    }
    // Water-filling: whoever would exceed their cap gets the cap, the rest share what is left
    // by largest remainder.
    std::vector<bool> capped(m_people.size(), false);
    qint64 remaining = total;
    for (bool changed = true; changed && remaining > 0;) {
        changed = false;
        double sum = 0;
        for (size_t i = 0; i < m_people.size(); ++i)
            sum += capped[i] ? 0 : weights[i];
        if (sum <= 0) { // everyone with activity is full: the inactive ones take the rest
            for (size_t i = 0; i < m_people.size(); ++i)
                weights[i] = capped[i] ? 0 : 1;
            changed = true;
            continue;
        }
        for (size_t i = 0; i < m_people.size(); ++i) {
            if (!capped[i] && double(remaining) * weights[i] / sum > double(caps[i])) {
                capped[i] = true;
                m_people[i].budget = caps[i];
                remaining -= caps[i];
                changed = true;
            }
        }
        if (changed)
            continue;
        std::vector<std::pair<double, size_t>> fractions;
        qint64 given = 0;
        for (size_t i = 0; i < m_people.size(); ++i) {
            if (capped[i])
                continue;
            const double exact = double(remaining) * weights[i] / sum;
            m_people[i].budget = std::min(caps[i], qint64(exact));
            given += m_people[i].budget;
            if (m_people[i].budget < caps[i] && weights[i] > 0)
                fractions.emplace_back(exact - std::floor(exact), i);
        }
        std::sort(fractions.begin(), fractions.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        for (size_t k = 0; k < fractions.size() && given < remaining; ++k, ++given)
            ++m_people[fractions[k].second].budget;
        // Rounding can leave a unit or two: give them to whoever has room.
        for (size_t i = 0; i < m_people.size() && given < remaining; ++i) {
            const qint64 extra = std::min(caps[i] - m_people[i].budget, remaining - given);
            m_people[i].budget += extra;
            given += extra;
        }
        remaining -= given;
    }
    if (remaining > 0) {
        *error = Tr::tr("internal error: %1 events could not be shared out").arg(remaining);
        return false;
    }
    return true;
}

const QByteArray &DemoPopulation::firstName(const Person &person) const
{
    const auto &names = m_names[size_t(DemoData::countries()[size_t(person.country)].nameGroup)];
    return names[person.femaleName ? 0 : 1][person.firstName];
}

QByteArray DemoPopulation::familyName(const Person &person) const
{
    const int nameGroup = DemoData::countries()[size_t(person.country)].nameGroup;
    const auto &group = DemoData::nameGroups()[size_t(nameGroup)];
    QByteArray family = m_names[size_t(nameGroup)][2][person.family];
    if (group.patronymic)
        family += person.gender == 'f' ? "dóttir" : (person.gender == 'm' ? "son" : "bur");
    else if (group.genderedFamily && person.gender == 'f' && family.endsWith("ki"))
        family.back() = 'a';
    return family;
}

const QByteArray &DemoPopulation::city(const Person &person) const
{
    return m_places[size_t(person.country)].cities[person.city];
}

} // namespace Vitrine
