// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Vitrine {

/**
 * The value a person has for the shop, as PersonFeatures computes it and value conditions test
 * it: recency, frequency and monetary (RFM), their quintile scores, and a few relatives.
 */
enum class ValueMeasure
{
    RecencyDays, ///< "recency_days": days (with fraction) since the last purchase
    FirstPurchaseDays, ///< "first_purchase_days": days since the first purchase
    Frequency, ///< "frequency": orders (days with a purchase)
    Purchases, ///< "purchases": purchase events
    Monetary, ///< "monetary": total spend
    AverageOrderValue, ///< "aov": monetary / frequency
    SaleShare, ///< "sale_share": share of purchases paid below the list price
    RecencyScore, ///< "recency_score": 1..5, 5 for the most recent buyers
    FrequencyScore, ///< "frequency_score": 1..5
    MonetaryScore, ///< "monetary_score": 1..5, 5 for the top spend quintile
};

constexpr int ValueMeasureCount = 10;

namespace ValueMeasures {

/** The name in rule JSON ("recency_days", "monetary_score", ...). */
QString name(ValueMeasure measure);
std::optional<ValueMeasure> fromName(QStringView name);
QStringList names();
/** A few words for explanations: "total spend", "days since the last purchase". */
QString label(ValueMeasure measure);
/** Counts and scores take whole numbers only. */
bool isWholeNumber(ValueMeasure measure);
bool isScore(ValueMeasure measure);
/** Formats a value of the measure for people: "1,240.50", "12.5 days", "35%", "4". */
QString format(ValueMeasure measure, double value);

} // namespace ValueMeasures

} // namespace Vitrine
