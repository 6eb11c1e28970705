// SPDX-License-Identifier: GPL-3.0-or-later
#include "slotpreviewdelegate.h"

#include "slotpreviewmodel.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace Vitrine {

namespace {

constexpr int Margin = 6;
constexpr int Padding = 8;
constexpr int BarHeight = 8;

const QColor SaleColour(0xc0, 0x1c, 0x28);
const QColor NewColour(0x1b, 0x7f, 0x3b);
const QColor UpColour(0x1b, 0x7f, 0x3b);
const QColor DownColour(0xb3, 0x26, 0x1e);

/** A rounded label; returns its width. */
int drawBadge(QPainter *painter, const QFont &font, int x, int y, const QString &text, const QColor &colour)
{
    const QFontMetrics metrics(font);
    const int width = metrics.horizontalAdvance(text) + 10;
    const QRect rect(x, y, width, metrics.height() + 2);
    painter->setPen(Qt::NoPen);
    QColor fill = colour;
    fill.setAlpha(40);
    painter->setBrush(fill);
    painter->drawRoundedRect(rect, 4, 4);
    painter->setPen(colour);
    painter->setFont(font);
    painter->drawText(rect, Qt::AlignCenter, text);
    return width;
}

QString money(double value)
{
    return QLocale().toString(value, 'f', 2);
}

} // namespace

SlotPreviewDelegate::SlotPreviewDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QString SlotPreviewDelegate::changeText(const QModelIndex &index)
{
    const auto change = SlotPreviewModel::Change(index.data(SlotPreviewModel::ChangeRole).toInt());
    const int moved = index.data(SlotPreviewModel::MovedRole).toInt();
    switch (change) {
    case SlotPreviewModel::Change::New:
        return SlotPreviewDelegate::tr("New");
    case SlotPreviewModel::Change::Up:
        return SlotPreviewDelegate::tr("▲ %1").arg(moved);
    case SlotPreviewModel::Change::Down:
        return SlotPreviewDelegate::tr("▼ %1").arg(-moved);
    case SlotPreviewModel::Change::Same:
        return SlotPreviewDelegate::tr("=");
    case SlotPreviewModel::Change::Unknown:
        break;
    }
    return {};
}

QSize SlotPreviewDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = option.fontMetrics.height();
    return {400, Margin * 2 + Padding * 2 + line * 2 + 8 + BarHeight + 6};
}

void SlotPreviewDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QRect card = option.rect.adjusted(Margin, Margin / 2, -Margin, -Margin / 2);

    painter->setPen(palette.color(selected ? QPalette::Highlight : QPalette::Mid));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);

    const QRect inner = card.adjusted(Padding, Padding, -Padding, -Padding);
    const QFont base = option.font;
    const QFontMetrics metrics(base);
    const int line = metrics.height();
    const QColor text = palette.color(QPalette::Text);
    const QColor muted = palette.color(QPalette::PlaceholderText);

    // The rank in a disc at the left.
    const int disc = line + 6;
    const QRect rankRect(inner.left(), inner.top(), disc, disc);
    painter->setPen(Qt::NoPen);
    painter->setBrush(palette.color(QPalette::AlternateBase).darker(105));
    painter->drawEllipse(rankRect);
    QFont bold = base;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(text);
    painter->drawText(
        rankRect, Qt::AlignCenter, QString::number(index.data(SlotPreviewModel::RankRole).toInt()));

    const int left = rankRect.right() + 10;
    int right = inner.right();

    // The first line, from the right: change mark, price (and sale price), then the title.
    const QString change = changeText(index);
    if (!change.isEmpty()) {
        const auto kind = SlotPreviewModel::Change(index.data(SlotPreviewModel::ChangeRole).toInt());
        const QColor colour = kind == SlotPreviewModel::Change::Down ? DownColour
            : kind == SlotPreviewModel::Change::Same                 ? muted
            : kind == SlotPreviewModel::Change::New                  ? NewColour
                                                                     : UpColour;
        const int width = QFontMetrics(bold).horizontalAdvance(change) + 10;
        drawBadge(painter, bold, right - width, inner.top(), change, colour);
        right -= width + 10;
    }
    const double price = index.data(SlotPreviewModel::PriceRole).toDouble();
    const double sale = index.data(SlotPreviewModel::SalePriceRole).toDouble();
    if (!std::isnan(sale)) {
        const QString saleText = money(sale);
        const int width = QFontMetrics(bold).horizontalAdvance(saleText);
        painter->setFont(bold);
        painter->setPen(SaleColour);
        painter->drawText(
            QRect(right - width, inner.top(), width, line + 2), Qt::AlignRight | Qt::AlignVCenter, saleText);
        right -= width + 6;
        if (!std::isnan(price)) {
            QFont struck = base;
            struck.setStrikeOut(true);
            const QString was = money(price);
            const int wasWidth = QFontMetrics(struck).horizontalAdvance(was);
            painter->setFont(struck);
            painter->setPen(muted);
            painter->drawText(QRect(right - wasWidth, inner.top(), wasWidth, line + 2),
                Qt::AlignRight | Qt::AlignVCenter, was);
            right -= wasWidth + 6;
        }
        const QString badge = tr("Sale");
        const int badgeWidth = metrics.horizontalAdvance(badge) + 10;
        drawBadge(painter, base, right - badgeWidth, inner.top(), badge, SaleColour);
        right -= badgeWidth + 10;
    } else if (!std::isnan(price)) {
        const QString priceText = money(price);
        const int width = QFontMetrics(bold).horizontalAdvance(priceText);
        painter->setFont(bold);
        painter->setPen(text);
        painter->drawText(
            QRect(right - width, inner.top(), width, line + 2), Qt::AlignRight | Qt::AlignVCenter, priceText);
        right -= width + 10;
    }
    painter->setFont(bold);
    painter->setPen(text);
    const QRect titleRect(left, inner.top(), std::max(0, right - left), line + 2);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(
            index.data(SlotPreviewModel::TitleRole).toString(), Qt::ElideRight, titleRect.width()));

    // The second line: sku, category and score; badges to the right.
    const int second = inner.top() + line + 6;
    int badgeRight = inner.right();
    const QVariantList badges = index.data(SlotPreviewModel::BadgesRole).toList();
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() * 0.9);
    for (auto it = badges.crbegin(); it != badges.crend(); ++it) {
        const QVariantMap badge = it->toMap();
        const QString label = badge.value(QStringLiteral("text")).toString();
        const QString kind = badge.value(QStringLiteral("kind")).toString();
        const int width = QFontMetrics(small).horizontalAdvance(label) + 10;
        const QColor colour = kind == QLatin1StringView("pinned") ? QColor(0x91, 0x41, 0xac)
            : kind == QLatin1StringView("fallback")               ? QColor(0x98, 0x6a, 0x44)
                                                                  : QColor(0x35, 0x84, 0xe4);
        if (badgeRight - width < left + 120)
            break;
        drawBadge(painter, small, badgeRight - width, second, label, colour);
        badgeRight -= width + 6;
    }
    QStringList facts {index.data(SlotPreviewModel::SkuRole).toString()};
    const QString category = index.data(SlotPreviewModel::CategoryRole).toString();
    if (!category.isEmpty())
        facts.append(category);
    facts.append(
        tr("score %1").arg(QLocale().toString(index.data(SlotPreviewModel::ScoreRole).toDouble(), 'f', 4)));
    painter->setFont(base);
    painter->setPen(muted);
    const QRect factsRect(left, second, std::max(0, badgeRight - left - 6), line + 2);
    painter->drawText(factsRect, Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(facts.join(QStringLiteral("  ·  ")), Qt::ElideRight, factsRect.width()));

    // The stacked bar: each strategy's normalised score × weight, scaled to the largest shown.
    const QRect track(left, second + line + 8, inner.right() - left, BarHeight);
    painter->setPen(Qt::NoPen);
    painter->setBrush(palette.color(QPalette::AlternateBase));
    painter->drawRoundedRect(track, 3, 3);
    const double scale = index.data(SlotPreviewModel::BarScaleRole).toDouble();
    const QVariantList segments = index.data(SlotPreviewModel::SegmentsRole).toList();
    double total = 0;
    for (const QVariant &segment : segments)
        total += segment.toMap().value(QStringLiteral("value")).toDouble();
    if (total > 0 && scale > 0) {
        QPainterPath clip;
        clip.addRoundedRect(QRectF(track), 3, 3);
        painter->setClipPath(clip);
        double x = track.left();
        const double full = track.width() * scale;
        for (const QVariant &segment : segments) {
            const QVariantMap map = segment.toMap();
            const double width = full * map.value(QStringLiteral("value")).toDouble() / total;
            painter->setBrush(map.value(QStringLiteral("colour")).value<QColor>());
            painter->drawRect(QRectF(x, track.top(), width, track.height()));
            x += width;
        }
    }
    painter->restore();
}

} // namespace Vitrine
