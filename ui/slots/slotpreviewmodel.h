// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QColor>
#include <QList>
#include <QStringList>

#include <utility>

namespace Vitrine {

class Snapshot;
struct SlotResult;

/**
 * The cards of a slot preview: one row per item the draft shows, with what each strategy added,
 * its badges and, when the saved slot was run for the same request, how the item moved.
 *
 * Strategies get their colour by their place in the draft (then its fallbacks), so a legend and
 * the bars agree however many strategies the slot blends.
 */
class SlotPreviewModel : public QAbstractListModel
{
    Q_OBJECT

public:
    /** How an item of the draft compares with the saved slot's result. */
    enum class Change
    {
        Unknown,
        Same,
        New,
        Up,
        Down
    };

    enum Role
    {
        SkuRole = Qt::UserRole + 1,
        RankRole,
        TitleRole,
        CategoryRole,
        PriceRole, ///< double, NaN when the item has none
        SalePriceRole, ///< double, NaN when the item is not on sale
        ScoreRole,
        SegmentsRole, ///< QVariantList of {strategy, value, colour} maps: the blended contributions
        BadgesRole, ///< QVariantList of {text, kind} maps; kind is "pinned", "fallback" or "boost"
        ChangeRole, ///< Change as int
        MovedRole, ///< positions moved up (> 0) or down (< 0) against the saved slot
        BarScaleRole, ///< double: this item's blended total over the largest one shown
    };

    /** One strategy of the legend. */
    struct Legend
    {
        QString strategy;
        QColor colour;
    };

    explicit SlotPreviewModel(QObject *parent = nullptr);

    /**
     * Shows @p result (the draft's) read through @p snapshot; @p saved, when given, is the saved
     * slot for the same request: items are then marked new, moved or same.
     */
    void setResult(const Snapshot &snapshot, const SlotResult &result, const SlotResult *saved,
        const QStringList &strategyOrder);
    void clear();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    QStringList skus() const;
    const QList<Legend> &legend() const { return m_legend; }
    /** The saved slot's items that the draft no longer shows, as "SKU — title (was #N)". */
    const QStringList &droppedOut() const { return m_dropped; }
    Change change(int row) const;
    int moved(int row) const;

    /** The colour of the n-th strategy. */
    static QColor strategyColour(int n);

private:
    struct Segment
    {
        QString strategy;
        double value = 0;
        QColor colour;
    };
    struct Card
    {
        QString sku;
        QString title;
        QString category;
        double price = 0;
        double salePrice = 0;
        double score = 0;
        QList<Segment> segments;
        double total = 0;
        QList<std::pair<QString, QString>> badges; ///< (text, kind)
        QStringList reasons;
        Change change = Change::Unknown;
        int moved = 0;
    };

    QList<Card> m_cards;
    QList<Legend> m_legend;
    QStringList m_dropped;
    double m_maxTotal = 0;
};

} // namespace Vitrine
