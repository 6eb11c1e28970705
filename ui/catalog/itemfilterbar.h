// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/itemquery.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QMenu;
class QStandardItemModel;
class QTimer;
class QToolButton;
class QTreeView;

namespace Vitrine {

/**
 * The Items workspace's filters, in one row above the table: kind, category (a tree of the
 * catalog's category paths; a category keeps the items of everything below it), brand (with
 * completion), on sale, in stock, and a price range on the price items sell at now.
 *
 * Builds the ItemFilter the core applies (the search text is the page's). Typing in the price
 * boxes waits a moment before filterChanged(), like the search box; the other filters apply at once.
 */
class ItemFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit ItemFilterBar(QWidget *parent = nullptr);
    ~ItemFilterBar() override;

    /** The filters set here; ItemFilter::text is left empty. */
    ItemFilter filter() const;
    /** Shows @p filter's conditions (not its text) without emitting filterChanged(). */
    void setFilter(const ItemFilter &filter);
    /** Clears every filter; emits filterChanged() when one was set. */
    void clear();

    /** The categories and brands the catalog has, for the pickers. */
    void setChoices(const QStringList &categoryPaths, const QStringList &brands);
    QStringList categoryPaths() const { return m_categoryPaths; }
    bool hasBrands() const { return !m_brands.isEmpty(); }

    /** Picks a category path ("" for all); false when the catalog has no such category. */
    bool setCategory(const QString &path);

Q_SIGNALS:
    void filterChanged();

private:
    void changed();
    void updateCategoryButton();
    void updateClearButton();
    void applyBrandText();
    void filterCategoryTree(const QString &text);

    QComboBox *m_kind;
    QToolButton *m_categoryButton;
    QMenu *m_categoryMenu;
    QLineEdit *m_categorySearch;
    QTreeView *m_categoryTree;
    QStandardItemModel *m_categoryModel;
    QComboBox *m_brand;
    QCheckBox *m_onSale;
    QCheckBox *m_inStock;
    QLineEdit *m_priceMin;
    QLineEdit *m_priceMax;
    QToolButton *m_clear;
    QTimer *m_priceDelay;

    QString m_category;
    QString m_brandValue;
    QStringList m_categoryPaths;
    QStringList m_brands;
    bool m_updating = false;
};

} // namespace Vitrine
