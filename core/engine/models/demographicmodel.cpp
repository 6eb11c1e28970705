// SPDX-License-Identifier: GPL-3.0-or-later
#include "demographicmodel.h"

#include "engine/strategy.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace Vitrine {

namespace {

const char *const kFieldNames[] = {"gender", "country", "city", "age_band"};

int genderValue(char gender)
{
    switch (gender) {
    case 'f':
        return 0;
    case 'm':
        return 1;
    case 'x':
        return 2;
    default:
        return -1;
    }
}

int fieldValue(const Snapshot &snapshot, int user, DemographicModel::Field field, int ageBandYears)
{
    switch (field) {
    case DemographicModel::Field::Gender:
        return genderValue(snapshot.gender(user));
    case DemographicModel::Field::Country:
        return snapshot.country(user);
    case DemographicModel::Field::City:
        return snapshot.city(user);
    case DemographicModel::Field::AgeBand: {
        const int age = snapshot.age(user);
        return age >= 0 ? age / ageBandYears : -1;
    }
    }
    return -1;
}

/** One combination of exact field values, unknowns included, and its members' summed events. */
struct FineGroup
{
    std::vector<int> values;
    int people = 0;
    std::vector<ScoredItem> items; ///< by item index
};

bool matches(const std::vector<int> &key, const std::vector<int> &values)
{
    for (size_t f = 0; f < key.size(); ++f) {
        if (key[f] >= 0 && key[f] != values[f])
            return false;
    }
    return true;
}

} // namespace

QString DemographicModel::Settings::key() const
{
    QStringList names;
    for (Field field : fields)
        names.append(QLatin1String(kFieldNames[int(field)]));
    return QStringLiteral("demographic:fields=%1:window=%2:band=%3:min=%4:keep=%5")
        .arg(names.join(QLatin1Char('+')))
        .arg(windowDays)
        .arg(ageBandYears)
        .arg(minPeople)
        .arg(keep);
}

std::optional<DemographicModel::Field> DemographicModel::fieldFromName(const QString &name)
{
    for (int i = 0; i < 4; ++i) {
        if (name == QLatin1String(kFieldNames[i]))
            return Field(i);
    }
    return std::nullopt;
}

QStringList DemographicModel::fieldNames()
{
    QStringList names;
    for (const char *name : kFieldNames)
        names.append(QLatin1String(name));
    return names;
}

std::shared_ptr<const DemographicModel> DemographicModel::fetch(
    const StrategyContext &context, const Settings &settings)
{
    return context.models->get<DemographicModel>(
        settings.key(), [&] { return train(*context.snapshot, settings, context.progress); });
}

const DemographicModel::Group &DemographicModel::groupOf(int user) const
{
    if (user < 0 || user >= int(m_userGroup.size()))
        return m_groups.front();
    return m_groups[size_t(m_userGroup[size_t(user)])];
}

std::shared_ptr<DemographicModel> DemographicModel::train(
    const Snapshot &snapshot, const Settings &settings, const Progress &progress)
{
    const QString stage
        = QCoreApplication::translate("Vitrine::DemographicModel", "Ranking items per audience");
    auto model = std::make_shared<DemographicModel>();
    model->m_settings = settings;
    const size_t fieldCount = settings.fields.size();
    const int users = snapshot.userCount();
    const qint32 begin
        = snapshot.toRelative(snapshot.asOf() - qint64(std::llround(settings.windowDays * 86400)));

    // Each person's exact values; people with the same values form a fine group.
    std::map<std::vector<int>, int> fineIndex;
    std::vector<FineGroup> fine;
    std::vector<int> userFine(static_cast<size_t>(users));
    std::vector<std::vector<int>> userValues(static_cast<size_t>(users));
    for (int user = 0; user < users; ++user) {
        std::vector<int> values(fieldCount);
        for (size_t f = 0; f < fieldCount; ++f)
            values[f] = fieldValue(snapshot, user, settings.fields[f], settings.ageBandYears);
        auto it = fineIndex.find(values);
        if (it == fineIndex.end()) {
            it = fineIndex.emplace(values, int(fine.size())).first;
            fine.push_back({values, 0, {}});
        }
        userFine[size_t(user)] = it->second;
        userValues[size_t(user)] = std::move(values);
    }

    // Sum each fine group's events, one group at a time over a dense scratch row.
    std::vector<int> order(static_cast<size_t>(users));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(
        order.begin(), order.end(), [&](int a, int b) { return userFine[size_t(a)] < userFine[size_t(b)]; });
    std::vector<double> scratch(size_t(snapshot.itemCount()), 0.0);
    std::vector<int> touched;
    for (size_t i = 0; i < order.size();) {
        const int group = userFine[size_t(order[i])];
        touched.clear();
        for (; i < order.size() && userFine[size_t(order[i])] == group; ++i) {
            if ((i & 0xFFF) == 0) {
                progress.report(stage, qint64(i), qint64(users) * 2);
                if (progress.isCancelled())
                    return nullptr;
            }
            bool active = false;
            for (const Snapshot::Event &event : snapshot.userEvents(order[i])) {
                if (event.time <= begin)
                    continue;
                const double weight = snapshot.weights().weights[event.type] * snapshot.decay(event.time);
                if (weight <= 0)
                    continue;
                if (scratch[size_t(event.item)] == 0)
                    touched.push_back(event.item);
                scratch[size_t(event.item)] += weight;
                active = true;
            }
            fine[size_t(group)].people += active ? 1 : 0;
        }
        std::sort(touched.begin(), touched.end());
        auto &items = fine[size_t(group)].items;
        items.reserve(touched.size());
        for (int item : touched) {
            items.push_back({item, float(scratch[size_t(item)])});
            scratch[size_t(item)] = 0;
        }
    }

    // Resolve each person's group, building groups as people need them.
    std::map<std::vector<int>, int> resolved; // key -> group index, or -1 when too small
    auto buildGroup = [&](const std::vector<int> &key, bool force) -> int {
        const auto found = resolved.find(key);
        if (found != resolved.end())
            return found->second;
        int people = 0;
        for (const FineGroup &group : fine)
            people += matches(key, group.values) ? group.people : 0;
        if (people < settings.minPeople && !force) {
            resolved.emplace(key, -1);
            return -1;
        }
        std::vector<float> scores(size_t(snapshot.itemCount()), -INFINITY);
        for (const FineGroup &group : fine) {
            if (!matches(key, group.values))
                continue;
            for (const ScoredItem &entry : group.items)
                scores[size_t(entry.item)] = std::isinf(scores[size_t(entry.item)])
                    ? entry.score
                    : scores[size_t(entry.item)] + entry.score;
        }
        const int index = int(model->m_groups.size());
        model->m_groups.push_back({key, people, topN(scores, settings.keep)});
        resolved.emplace(key, index);
        return index;
    };
    buildGroup(std::vector<int>(fieldCount, -1), true);

    model->m_userGroup.assign(size_t(users), 0);
    for (int user = 0; user < users; ++user) {
        if ((user & 0xFFF) == 0) {
            progress.report(stage, qint64(users) + user, qint64(users) * 2);
            if (progress.isCancelled())
                return nullptr;
        }
        std::vector<int> key = userValues[size_t(user)];
        for (;;) {
            const int group = buildGroup(key, false);
            if (group >= 0) {
                model->m_userGroup[size_t(user)] = group;
                break;
            }
            // Too few people: drop the least important field still set.
            auto last = std::find_if(key.rbegin(), key.rend(), [](int value) { return value >= 0; });
            *last = -1; // the all-unknown key is always resolved, so a set field exists here
        }
    }
    return model;
}

} // namespace Vitrine
