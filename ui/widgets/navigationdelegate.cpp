// SPDX-License-Identifier: GPL-3.0-or-later
#include "navigationdelegate.h"

#include <QApplication>
#include <QPainter>

namespace Vitrine {

NavigationDelegate::NavigationDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void NavigationDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    opt.state &= ~QStyle::State_HasFocus; // the selection already says where the user is

    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
        : (opt.state & QStyle::State_Active)                                ? QPalette::Active
                                                                            : QPalette::Inactive;
    QColor color = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QVariant foreground = index.data(Qt::ForegroundRole);
    if (!selected && foreground.canConvert<QBrush>())
        color = foreground.value<QBrush>().color();

    const QRect textRect = opt.rect.adjusted(HorizontalPadding, 0, -HorizontalPadding, 0);
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(color);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
        opt.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

QSize NavigationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    return {opt.fontMetrics.horizontalAdvance(opt.text) + 2 * HorizontalPadding,
        opt.fontMetrics.height() + 2 * VerticalPadding};
}

} // namespace Vitrine
