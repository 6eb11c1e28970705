// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/eventtype.h"

#include <QJsonObject>

#include <array>
#include <optional>

namespace Vitrine {

class Database;

/**
 * How much each kind of event says about a person's interest, and how fast it fades.
 * A purchase says more than a view; with a half-life, last year's views count for less.
 */
struct EventWeights
{
    std::array<float, EventTypeCount> weights = {1.0f, 2.0f, 4.0f, 8.0f, 3.0f, 3.0f};
    /** Days after which an event counts half; 0 means events never fade. */
    double halfLifeDays = 0.0;

    float weight(EventType type) const { return weights[size_t(type)]; }

    QJsonObject toJson() const;
    /** Reads {"view": 1, "purchase": 8, ..., "half_life_days": 90}; unknown keys are an error. */
    static std::optional<EventWeights> fromJson(const QJsonObject &json, QString *error);

    /** The catalog's weights (meta key "event_weights"), or the defaults when it has none. */
    static std::optional<EventWeights> load(const Database &db, QString *error);
    /** Stores the weights as the catalog's own. */
    bool save(Database &db, QString *error) const;

    bool operator==(const EventWeights &other) const = default;
};

} // namespace Vitrine
