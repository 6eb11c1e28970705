// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/itemquery.h"
#include "shell/workspacepage.h"

#include <optional>

class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;

namespace Vitrine {

class ItemFilterBar;
class ItemPage;
class ItemTableModel;

/**
 * The Items workspace: the catalog's items in a table that scrolls through all of them, a
 * search box and a filter bar above it, and the selected item's page beside it.
 *
 * Nothing here reads the catalog on the UI thread: the table's rows, its count, the filter
 * choices and the item's fields come from the model's loader thread; the item's activity,
 * related items and segments from the session's engine, on the job runner.
 */
class ItemsPage : public WorkspacePage
{
    Q_OBJECT

public:
    explicit ItemsPage(CatalogSession *session, QWidget *parent = nullptr);
    ~ItemsPage() override;

    /**
     * Selects the item with @p sku in the table and opens its page; when the search or the
     * filters hide it, they are cleared first. False when the engine knows no such item.
     */
    bool showObject(const QString &sku) override;

    /** Reads the items again after another program changed the catalog, keeping the view where it was. */
    void refresh();

    ItemTableModel *model() const { return m_model; }
    ItemFilterBar *filterBar() const { return m_filters; }
    ItemPage *itemPage() const { return m_itemPage; }
    QTableView *table() const { return m_table; }

    /** The search text and the filters, as applied to the table. */
    ItemFilter currentFilter() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitColumns();
    void applyFilter();
    void clearSearchAndFilters();
    void updateSummary();
    void openRow(int row);
    void openItem(const QString &sku);
    void closeItem();
    void onPositionReady(quint64 token, const QString &sku, qint64 position);
    void onRowsLoaded(int first, int last);
    void onDetailsReady(quint64 ticket, const std::optional<ItemDetails> &details, const QString &error);

    ItemTableModel *m_model;
    QLineEdit *m_search;
    ItemFilterBar *m_filters;
    QLabel *m_summary;
    QStackedWidget *m_listStack;
    QTableView *m_table;
    QLabel *m_emptyState;
    QSplitter *m_splitter;
    ItemPage *m_itemPage;
    QTimer *m_searchDelay;
    QTimer *m_openDelay;       ///< walking the rows with the keyboard opens the row it stops on

    QString m_pendingSku;      ///< showObject()'s item, until it is selected
    bool m_pendingCleared = false;
    int m_pendingRow = -1;     ///< the current row, until its block arrives
    quint64 m_detailsTicket = 0;
    QString m_detailsSku;
    QList<int> m_columnWidths;  ///< each column's width when shown, by column
    bool m_choicesKnown = false;
};

} // namespace Vitrine
