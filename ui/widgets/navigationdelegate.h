// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Vitrine {

/**
 * Draws the workspace list as a sidebar: taller rows, text inset from the edge, and the
 * selection across the whole row. A style sheet `::item { padding }` did not move the text
 * (Qt 6.4, Fusion) and would override the per-item colours, hence a delegate.
 */
class NavigationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit NavigationDelegate(QObject *parent = nullptr);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static constexpr int HorizontalPadding = 14;
    static constexpr int VerticalPadding = 8;
};

} // namespace Vitrine
