// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shell/workspace.h"

#include <QFutureWatcher>
#include <QMainWindow>

#include <memory>
#include <optional>

class QActionGroup;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTimer;

namespace Vitrine {

class CatalogOverview;
struct CatalogStats;
class Database;
class HistoryPage;
class ItemsPage;

/**
 * The studio window: a navigation list of workspaces beside the current workspace's page.
 *
 * The window owns the open catalog. openCatalog() reports failure as a value and keeps the
 * catalog that was open, so tests and scripts can drive it; only the interactive paths
 * (File › Open Catalog…, openCatalogOrWarn()) show a message box.
 *
 * Another program (vitrine-cli) may change the catalog while it is open: the window polls
 * PRAGMA data_version, which only changes when someone else commits, and then reads the
 * overview figures and the history again.
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

    /** How often the window looks for changes made by other programs. */
    static constexpr int ChangePollMs = 1000;
    /** Reads the figures and the history again if another connection changed the catalog. */
    void checkForChanges();

Q_SIGNALS:
    void catalogOpened(const QString &path);

private:
    void createActions();
    void createCentralWidget();
    void chooseCatalog();
    void showAbout();
    void showWorkspacePage(int row);
    void refreshCatalog();
    void showRefreshedFigures();

    std::unique_ptr<Database> m_database;

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    CatalogOverview *m_overview = nullptr;
    ItemsPage *m_itemsPage = nullptr;
    HistoryPage *m_historyPage = nullptr;
    QLabel *m_catalogLabel = nullptr;
    QActionGroup *m_workspaceActions = nullptr;
    QTimer *m_changePoll = nullptr;
    qint64 m_dataVersion = 0;
    /** The overview's figures, read again off the UI thread (a big catalog takes seconds). */
    QFutureWatcher<std::optional<CatalogStats>> *m_figures = nullptr;
    QString m_figuresPath;          ///< the catalog they are read from
    bool m_figuresOutdated = false; ///< the catalog changed again while they were being read
};

} // namespace Vitrine
