// SPDX-License-Identifier: GPL-3.0-or-later
#include "valuemeasure.h"

#include <QCoreApplication>
#include <QLocale>

#include <array>
#include <cmath>

namespace Vitrine::ValueMeasures {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::ValueMeasure)
};

constexpr std::array<const char *, ValueMeasureCount> kNames = {
    "recency_days",
    "first_purchase_days",
    "frequency",
    "purchases",
    "monetary",
    "aov",
    "sale_share",
    "recency_score",
    "frequency_score",
    "monetary_score",
};

} // namespace

QString name(ValueMeasure measure)
{
    return QLatin1String(kNames[size_t(measure)]);
}

std::optional<ValueMeasure> fromName(QStringView name)
{
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (name == QLatin1String(kNames[i]))
            return ValueMeasure(i);
    }
    return std::nullopt;
}

QStringList names()
{
    QStringList list;
    for (const char *measure : kNames)
        list.append(QLatin1String(measure));
    return list;
}

QString label(ValueMeasure measure)
{
    switch (measure) {
    case ValueMeasure::RecencyDays:
        return Tr::tr("days since the last purchase");
    case ValueMeasure::FirstPurchaseDays:
        return Tr::tr("days since the first purchase");
    case ValueMeasure::Frequency:
        return Tr::tr("orders");
    case ValueMeasure::Purchases:
        return Tr::tr("purchases");
    case ValueMeasure::Monetary:
        return Tr::tr("total spend");
    case ValueMeasure::AverageOrderValue:
        return Tr::tr("average order value");
    case ValueMeasure::SaleShare:
        return Tr::tr("share of purchases on sale");
    case ValueMeasure::RecencyScore:
        return Tr::tr("recency score");
    case ValueMeasure::FrequencyScore:
        return Tr::tr("frequency score");
    case ValueMeasure::MonetaryScore:
        return Tr::tr("monetary score");
    }
    return {};
}

bool isWholeNumber(ValueMeasure measure)
{
    return measure == ValueMeasure::Frequency || measure == ValueMeasure::Purchases || isScore(measure);
}

bool isScore(ValueMeasure measure)
{
    return measure == ValueMeasure::RecencyScore || measure == ValueMeasure::FrequencyScore
        || measure == ValueMeasure::MonetaryScore;
}

QString format(ValueMeasure measure, double value)
{
    const QLocale locale(QLocale::English);
    if (std::isnan(value))
        return Tr::tr("none");
    switch (measure) {
    case ValueMeasure::RecencyDays:
    case ValueMeasure::FirstPurchaseDays:
        return locale.toString(value, 'f', 1);
    case ValueMeasure::Monetary:
    case ValueMeasure::AverageOrderValue:
        return locale.toString(value, 'f', 2);
    case ValueMeasure::SaleShare:
        return locale.toString(value * 100.0, 'f', 0) + QLatin1Char('%');
    default:
        return locale.toString(qint64(std::llround(value)));
    }
}

} // namespace Vitrine::ValueMeasures
