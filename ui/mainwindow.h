// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace.h"

#include <QMainWindow>

#include <memory>

class QActionGroup;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace Vitrine {

class CatalogOverview;
class Database;
class ItemsPage;

/**
 * The studio window: a navigation list of workspaces beside the current workspace's page.
 *
 * The window owns the open catalog. openCatalog() reports failure as a value and keeps the
 * catalog that was open, so tests and scripts can drive it; only the interactive paths
 * (File › Open Catalog…, openCatalogOrWarn()) show a message box.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /**
     * Opens the catalog at @p path and shows it. On failure returns false with a message naming
     * the file in @p error, and the previously open catalog stays open and shown.
     */
    bool openCatalog(const QString &path, QString *error);
    /** openCatalog(), telling the user in a message box when it fails. */
    bool openCatalogOrWarn(const QString &path);

    /** The open catalog's path; empty when none is open. */
    QString catalogPath() const;

    Workspace currentWorkspace() const;
    void setCurrentWorkspace(Workspace workspace);

Q_SIGNALS:
    void catalogOpened(const QString &path);

private:
    void createActions();
    void createCentralWidget();
    void chooseCatalog();
    void showAbout();
    void showWorkspacePage(int row);

    std::unique_ptr<Database> m_database;

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    CatalogOverview *m_overview = nullptr;
    ItemsPage *m_itemsPage = nullptr;
    QLabel *m_catalogLabel = nullptr;
    QActionGroup *m_workspaceActions = nullptr;
};

} // namespace Vitrine
