// SPDX-License-Identifier: GPL-3.0-or-later
#include "slotpreviewmodel.h"

#include "engine/slotresult.h"
#include "engine/snapshot.h"

#include <QHash>
#include <QLocale>
#include <QVariantMap>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Vitrine {

SlotPreviewModel::SlotPreviewModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

QColor SlotPreviewModel::strategyColour(int n)
{
    // Distinct on light and dark backgrounds, in the order a slot's strategies usually matter.
    static const QColor colours[] = {QColor(0x35, 0x84, 0xe4), QColor(0xe6, 0x61, 0x00),
        QColor(0x26, 0xa2, 0x69), QColor(0x91, 0x41, 0xac), QColor(0xc0, 0x1c, 0x28),
        QColor(0x98, 0x6a, 0x44), QColor(0x00, 0x9c, 0xa6), QColor(0xd6, 0x9e, 0x00)};
    constexpr int count = int(sizeof colours / sizeof colours[0]);
    return colours[((n % count) + count) % count];
}

void SlotPreviewModel::clear()
{
    beginResetModel();
    m_cards.clear();
    m_legend.clear();
    m_dropped.clear();
    m_maxTotal = 0;
    endResetModel();
}

void SlotPreviewModel::setResult(const Snapshot &snapshot, const SlotResult &result, const SlotResult *saved,
    const QStringList &strategyOrder)
{
    beginResetModel();
    m_cards.clear();
    m_legend.clear();
    m_dropped.clear();
    m_maxTotal = 0;

    QHash<QString, QColor> colours;
    const auto colourOf = [&](const QString &strategy) {
        auto it = colours.find(strategy);
        if (it == colours.end()) {
            it = colours.insert(strategy, strategyColour(int(colours.size())));
            m_legend.append({strategy, *it});
        }
        return *it;
    };
    for (const QString &strategy : strategyOrder)
        colourOf(strategy);
    const auto legendIndex = [this](const QString &strategy) {
        for (int i = 0; i < m_legend.size(); ++i) {
            if (m_legend.at(i).strategy == strategy)
                return i;
        }
        return int(m_legend.size());
    };

    QHash<int, int> savedRank; // item → 1-based position in the saved result
    if (saved) {
        for (size_t i = 0; i < saved->items.size(); ++i)
            savedRank.insert(saved->items[i].item, int(i) + 1);
    }

    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    QHash<int, bool> shown;
    for (size_t i = 0; i < result.items.size(); ++i) {
        const RecommendedItem &entry = result.items[i];
        shown.insert(entry.item, true);
        Card card;
        card.sku = snapshot.sku(entry.item);
        card.title = snapshot.title(entry.item);
        const int category = snapshot.category(entry.item);
        card.category = category >= 0 ? snapshot.categoryInfo(category).path : QString();
        const float price = snapshot.price(entry.item);
        card.price = std::isnan(price) ? nan : double(price);
        card.salePrice = snapshot.onSale(entry.item) ? double(snapshot.salePrice(entry.item)) : nan;
        card.score = entry.score;
        for (const Contribution &c : entry.contributions) {
            const double value = double(c.normalised) * c.weight;
            if (value <= 0)
                continue;
            card.segments.append({c.strategy, value, colourOf(c.strategy)});
            card.total += value;
        }
        // Stacked in the legend's order, so one strategy sits at the same place on every card.
        std::stable_sort(card.segments.begin(), card.segments.end(), [&](const Segment &a, const Segment &b) {
            return legendIndex(a.strategy) < legendIndex(b.strategy);
        });
        if (entry.pinned)
            card.badges.append({tr("Pinned"), QStringLiteral("pinned")});
        if (!entry.fallback.isEmpty())
            card.badges.append({tr("Fallback: %1").arg(entry.fallback), QStringLiteral("fallback")});
        for (const QString &boost : entry.boosts)
            card.badges.append({boost, QStringLiteral("boost")});
        card.reasons = entry.reasons;
        if (saved) {
            const int was = savedRank.value(entry.item, 0);
            const int now = int(i) + 1;
            card.change = was == 0 ? Change::New
                : was > now        ? Change::Up
                : was < now        ? Change::Down
                                   : Change::Same;
            card.moved = was == 0 ? 0 : was - now;
        }
        m_maxTotal = std::max(m_maxTotal, card.total);
        m_cards.append(card);
    }
    if (saved) {
        for (size_t i = 0; i < saved->items.size(); ++i) {
            const int item = saved->items[i].item;
            if (!shown.contains(item))
                m_dropped.append(
                    tr("%1 — %2 (was #%3)").arg(snapshot.sku(item), snapshot.title(item)).arg(i + 1));
        }
    }
    endResetModel();
}

int SlotPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cards.size());
}

QVariant SlotPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_cards.size())
        return {};
    const Card &card = m_cards.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return card.title;
    case Qt::ToolTipRole: {
        // The reasons on hover, most important first: what a merchandiser asks of each card.
        QStringList lines;
        for (const QString &reason : card.reasons)
            lines.append(reason.toHtmlEscaped());
        if (lines.isEmpty())
            lines.append(tr("No explanation"));
        return QStringLiteral("<b>%1</b> %2<br>%3")
            .arg(card.sku.toHtmlEscaped(), card.title.toHtmlEscaped(), lines.join(QStringLiteral("<br>")));
    }
    case SkuRole:
        return card.sku;
    case RankRole:
        return index.row() + 1;
    case CategoryRole:
        return card.category;
    case PriceRole:
        return card.price;
    case SalePriceRole:
        return card.salePrice;
    case ScoreRole:
        return card.score;
    case SegmentsRole: {
        QVariantList segments;
        for (const Segment &s : card.segments)
            segments.append(QVariantMap {{QStringLiteral("strategy"), s.strategy},
                {QStringLiteral("value"), s.value}, {QStringLiteral("colour"), s.colour}});
        return segments;
    }
    case BadgesRole: {
        QVariantList badges;
        for (const auto &[text, kind] : card.badges)
            badges.append(QVariantMap {{QStringLiteral("text"), text}, {QStringLiteral("kind"), kind}});
        return badges;
    }
    case ChangeRole:
        return int(card.change);
    case MovedRole:
        return card.moved;
    case BarScaleRole:
        return m_maxTotal > 0 ? card.total / m_maxTotal : 0.0;
    default:
        return {};
    }
}

QStringList SlotPreviewModel::skus() const
{
    QStringList skus;
    for (const Card &card : m_cards)
        skus.append(card.sku);
    return skus;
}

SlotPreviewModel::Change SlotPreviewModel::change(int row) const
{
    return row >= 0 && row < m_cards.size() ? m_cards.at(row).change : Change::Unknown;
}

int SlotPreviewModel::moved(int row) const
{
    return row >= 0 && row < m_cards.size() ? m_cards.at(row).moved : 0;
}

} // namespace Vitrine
