// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Vitrine {

/**
 * Paints a SlotPreviewModel row as a card: rank, title, price with a sale badge, category and
 * score, then a stacked bar of what each strategy added, the pinned / fallback / boost badges
 * and, against the saved slot, whether the item came in or moved. The reasons are the row's
 * tooltip.
 */
class SlotPreviewDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit SlotPreviewDelegate(QObject *parent = nullptr);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /** The text of a row's change mark ("New", "▲ 2", "▼ 1", "="), empty without a saved slot. */
    static QString changeText(const QModelIndex &index);
};

} // namespace Vitrine
