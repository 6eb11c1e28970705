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

    /** The largest weight: far above any sensible one, far below where sums overflow a float. */
    static constexpr double MaxWeight = 1e6;
    /** The shortest half-life other than 0 (one hour): shorter ones fade every event to nothing. */
    static constexpr double MinHalfLifeDays = 1.0 / 24.0;
    /** The longest half-life (100 years); for events that never fade, 0. */
    static constexpr double MaxHalfLifeDays = 36525.0;
    /** Where the catalog keeps its weights (the meta table's key). */
    static constexpr const char *MetaKey = "event_weights";

    float weight(EventType type) const { return weights[size_t(type)]; }

    QJsonObject toJson() const;
    /**
     * Reads {"view": 1, "purchase": 8, ..., "half_life_days": 90}; unknown keys are an error, and
     * so are values that would break the engine: a weight above MaxWeight, a half-life other than
     * 0 outside MinHalfLifeDays..MaxHalfLifeDays. The error names the key.
     */
    static std::optional<EventWeights> fromJson(const QJsonObject &json, QString *error);

    /**
     * The catalog's weights (meta key "event_weights"), or the defaults when it has none. Weights
     * stored by an older build that no longer pass fromJson() are an error naming the key and how
     * to set it again.
     */
    static std::optional<EventWeights> load(const Database &db, QString *error);
    /**
     * The stored JSON object as it is, even if it no longer parses, so a change to one key can
     * repair another's bad value; empty when there is none or it is not an object.
     */
    static QJsonObject loadJson(const Database &db);
    /** Stores the weights as the catalog's own. */
    bool save(Database &db, QString *error) const;

    bool operator==(const EventWeights &other) const = default;
};

} // namespace Vitrine
