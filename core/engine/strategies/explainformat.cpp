// SPDX-License-Identifier: GPL-3.0-or-later
#include "explainformat.h"

#include "catalog/eventtype.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <cmath>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::ExplainFormat)
};

} // namespace

QString ExplainFormat::ago(qint64 seconds)
{
    const qint64 days = std::max<qint64>(0, seconds) / 86400;
    if (days == 0)
        return Tr::tr("today");
    if (days == 1)
        return Tr::tr("yesterday");
    return Tr::tr("%1 days ago").arg(count(double(days)));
}

QString ExplainFormat::count(double value)
{
    return QLocale().toString(qint64(std::llround(value)));
}

QString ExplainFormat::money(double value)
{
    if (std::abs(value - std::round(value)) < 0.005)
        return count(value);
    return QLocale().toString(value, 'f', 2);
}

QString ExplainFormat::period(double days)
{
    if (days == 1)
        return Tr::tr("today");
    if (days == 7)
        return Tr::tr("this week");
    return Tr::tr("in the last %1 days").arg(count(days));
}

QString ExplainFormat::pastVerb(int eventType)
{
    switch (EventType(eventType)) {
    case EventType::View:
        return Tr::tr("viewed");
    case EventType::Click:
        return Tr::tr("clicked");
    case EventType::Cart:
        return Tr::tr("added to a cart");
    case EventType::Purchase:
        return Tr::tr("bought");
    case EventType::Read:
        return Tr::tr("read");
    case EventType::Rating:
        return Tr::tr("rated");
    }
    return Tr::tr("interacted with");
}

QString ExplainFormat::plural(int eventType)
{
    switch (EventType(eventType)) {
    case EventType::View:
        return Tr::tr("views");
    case EventType::Click:
        return Tr::tr("clicks");
    case EventType::Cart:
        return Tr::tr("cart additions");
    case EventType::Purchase:
        return Tr::tr("purchases");
    case EventType::Read:
        return Tr::tr("reads");
    case EventType::Rating:
        return Tr::tr("ratings");
    }
    return Tr::tr("interactions");
}

QString ExplainFormat::events(double count, int eventType)
{
    if (std::llround(count) != 1)
        return Tr::tr("%1 %2").arg(ExplainFormat::count(count), plural(eventType));
    switch (EventType(eventType)) {
    case EventType::View:
        return Tr::tr("1 view");
    case EventType::Click:
        return Tr::tr("1 click");
    case EventType::Cart:
        return Tr::tr("1 cart addition");
    case EventType::Purchase:
        return Tr::tr("1 purchase");
    case EventType::Read:
        return Tr::tr("1 read");
    case EventType::Rating:
        return Tr::tr("1 rating");
    }
    return Tr::tr("1 interaction");
}

QString ExplainFormat::joinAnd(const QStringList &parts)
{
    if (parts.size() <= 1)
        return parts.value(0);
    return Tr::tr("%1 and %2").arg(parts.mid(0, parts.size() - 1).join(QStringLiteral(", ")), parts.last());
}

} // namespace Vitrine
