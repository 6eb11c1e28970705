// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audience/segmentrule.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Vitrine {

struct ConfigNames;

/**
 * A banner, stored as JSON in the catalog's banners table:
 *
 *     {"group": "home-hero", "title": "Hiking season", "text": "…", "image": "https://…",
 *      "link": "https://…", "alt": "…", "priority": 20,
 *      "targeting": {"all": [{"profile": {"field": "country", "in": ["Norway", "Sweden"]}},
 *                            {"affinity": {"topic": "Hiking", "at_least": 0.2}}]},
 *      "schedule": {"start": "2026-06-01", "end": "2026-08-31T23:59:59Z"}}
 *
 * The targeting is any segment rule (docs/segments.md); without one the banner is for everybody.
 * A banner group block shows the eligible banner (in its schedule, targeting holds) with the
 * highest priority; ties go to the targeted banner, then to the key.
 */
struct BannerDefinition
{
    QString key;
    QString group;
    QString title;
    QString text;
    QString image;
    QString link;
    QString alt;
    int priority = 0;
    std::optional<SegmentRule> targeting;
    std::optional<qint64> start; ///< Unix seconds, inclusive
    std::optional<qint64> end; ///< Unix seconds, inclusive

    static std::optional<BannerDefinition> fromJson(
        const QString &key, const QJsonObject &json, QString *error);
    QJsonObject toJson() const;
    /** Refuses a targeting rule naming an unknown segment. */
    bool check(const ConfigNames &names, QString *error) const;

    bool isScheduledAt(qint64 time) const { return (!start || time >= *start) && (!end || time <= *end); }
    /** "2026-06-01 – 2026-08-31", "always", "from 2026-06-01". */
    QString scheduleText() const;
};

} // namespace Vitrine
