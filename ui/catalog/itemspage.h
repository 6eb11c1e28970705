// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shell/workspacepage.h"

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace Vitrine {

class Database;
class ItemTableModel;

/** The Items workspace: the catalog's items in a table, with a search box over title and SKU. */
class ItemsPage : public WorkspacePage
{
    Q_OBJECT

public:
    explicit ItemsPage(CatalogSession *session, QWidget *parent = nullptr);
    ~ItemsPage() override;

    /** Finds an item by SKU: searches for it and selects it. */
    bool showObject(const QString &sku) override;

    /** Shows the items of @p database (null: none); clears the search. */
    void setDatabase(const Database *database);
    /**
     * Reads the items again after another program changed the catalog, keeping the search, the
     * order and the row at the top of the view.
     */
    void refresh();

    ItemTableModel *model() const { return m_model; }

private:
    void applySearch();
    void updateSummary();

    ItemTableModel *m_model;
    QLineEdit *m_search;
    QTableView *m_table;
    QLabel *m_summary;
    QTimer *m_searchDelay;
};

} // namespace Vitrine
