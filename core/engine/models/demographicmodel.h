// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/modelcache.h"
#include "engine/recommendrequest.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace Vitrine {

struct StrategyContext;

/**
 * What people like a given person interact with: people are grouped by the chosen fields
 * (gender, country, city, age band) and each group's items are ranked by the weighted events of
 * its members in the window. A person whose group is too small, or who has a field unknown, falls
 * back to a coarser group by dropping fields from the end of the list; nobody at all gets the
 * overall ranking. Every person's group is resolved when training, so asking is a lookup.
 */
class DemographicModel : public Model
{
public:
    enum class Field
    {
        Gender,
        Country,
        City,
        AgeBand
    };

    struct Settings
    {
        std::vector<Field> fields = {Field::Gender, Field::Country}; ///< in order of importance
        double windowDays = 90;
        int ageBandYears = 10;
        int minPeople = 10; ///< people with events in the window a group needs to stand on its own
        int keep = 500; ///< items kept per group

        QString key() const;
    };

    struct Group
    {
        std::vector<int> values; ///< per field of the settings, -1 for "anyone"
        int people = 0;
        std::vector<ScoredItem> top;
    };

    static std::shared_ptr<const DemographicModel> fetch(
        const StrategyContext &context, const Settings &settings);
    static std::shared_ptr<DemographicModel> train(
        const Snapshot &snapshot, const Settings &settings, const Progress &progress);

    static std::optional<Field> fieldFromName(const QString &name);
    static QStringList fieldNames();

    const Settings &settings() const { return m_settings; }
    /** The group whose ranking the person gets; the overall group for -1. */
    const Group &groupOf(int user) const;
    int groupCount() const { return int(m_groups.size()); }

private:
    Settings m_settings;
    std::vector<Group> m_groups; ///< [0] is everyone
    std::vector<int> m_userGroup;
};

} // namespace Vitrine
