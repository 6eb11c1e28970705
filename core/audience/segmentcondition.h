// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "personfeatures.h"
#include "valuemeasure.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace Vitrine {

/**
 * One test of a segment rule: on the person's profile, their behaviour, their value to the shop,
 * a learned affinity, or membership of another segment. A value type read from and written to
 * the rule JSON (see docs/segments.md); SegmentEvaluator gives it meaning.
 */
struct SegmentCondition
{
    enum class Kind
    {
        Profile,
        Behaviour,
        Value,
        Affinity,
        Segment
    };
    enum class Field
    {
        Gender,
        Age,
        BirthYear,
        Country,
        City,
        EmailConsent,
        Attribute
    };
    enum class Operator
    {
        Equals,
        In,
        Range,
        Exists
    };

    Kind kind = Kind::Profile;
    /** Where the condition sits in the rule JSON, e.g. "all[2].any[0].behaviour". */
    QString path;

    // Profile: field, operator and operands.
    Field field = Field::Gender;
    QString attribute; ///< the custom attribute's name for Field::Attribute
    Operator op = Operator::Equals;
    QJsonArray values; ///< Equals: one value; In: the list
    std::optional<double> min; ///< Range (inclusive), also for value conditions
    std::optional<double> max;
    bool exists = true; ///< Exists: true for "is known", false for "is missing"

    // Behaviour: which events, on what, how many, how recently.
    quint8 eventMask = 0; ///< one bit per EventType
    int atLeast = 1;
    std::optional<int> atMost;
    std::optional<int> withinDays;
    QString item; ///< sku
    QString category; ///< category path; its subtree counts
    QString brand;
    QString topic;

    // Value.
    ValueMeasure measure = ValueMeasure::Monetary;

    // Affinity.
    PersonFeatures::Dimension dimension = PersonFeatures::Dimension::Category;
    QString target;
    double threshold = 0;

    // Segment membership.
    QString segment;

    /**
     * Reads the condition under `key` ("profile", "behaviour", "value", "affinity" or "segment")
     * at `path`. On failure returns nullopt and a message that starts with the path of the bad
     * part: "all[2].behaviour.within_days: must be a whole number of at least 1".
     */
    static std::optional<SegmentCondition> fromJson(
        const QString &key, const QJsonValue &json, const QString &path, QString *error);
    static bool isConditionKey(const QString &key);

    /** The key it is written under, and what is written there. */
    QString key() const;
    QJsonValue toJson() const;
    /** The condition in words: "total spend ≥ 1,000", "purchase at least once in the last 30 days". */
    QString describe() const;

    static QString fieldName(Field field);
    static QString dimensionName(PersonFeatures::Dimension dimension);
};

} // namespace Vitrine
