// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace.h"

#include <QMainWindow>
#include <QPointer>

#include <array>
#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QSplitter;
class QStackedWidget;

namespace Vitrine {

class CatalogSession;
class FileActions;
class JobIndicator;
class JobRunner;
class RecoveryBar;
class WelcomePage;
class WorkspacePage;

/**
 * The studio window: a navigation list of workspaces beside the current workspace's page, the
 * menus, and the status bar with the open catalog and the jobs indicator.
 *
 * The window holds one CatalogSession for the open catalog and makes the workspaces' pages
 * for it (createWorkspacePage); opening another catalog makes new pages. Without a catalog it
 * shows the welcome page. openCatalog() reports failure as a value and keeps the catalog that
 * was open, so tests and scripts can drive it; only the interactive paths show message boxes.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /**
     * Opens the catalog at @p path and shows it. On failure returns false with a message naming
     * the file in @p error, and the previously open catalog stays open and shown. Unsaved edits
     * of the previous catalog are dropped (the interactive paths ask first: closeCatalog()).
     */
    bool openCatalog(const QString &path, QString *error);
    /** openCatalog() after asking about unsaved edits, telling the user when it fails. */
    bool openCatalogOrWarn(const QString &path);
    /**
     * Closes the open catalog, first asking whether to save unsaved edits (Save, Discard,
     * Cancel). False when the user cancelled or the save failed.
     */
    bool closeCatalog();

    /** The open catalog's path; empty when none is open. */
    QString catalogPath() const;
    CatalogSession *session() const { return m_session.get(); }
    /** The window's own jobs (creating the demo catalog before any catalog is open). */
    JobRunner *jobs() const { return m_jobs; }

    Workspace currentWorkspace() const;
    void setCurrentWorkspace(Workspace workspace);
    /** The page of a workspace; nullptr while no catalog is open. */
    WorkspacePage *page(Workspace workspace) const;
    /** Shows an object (an item's SKU, a person's id, a configuration key) in its workspace. */
    bool showObject(Workspace workspace, const QString &key);

    /** Window geometry, splitter and last workspace as they were at the last close. */
    void restoreSettings();

    /** Go › Quick Open. */
    void quickOpen();
    /** Saves the open catalog's drafts, telling the user what happened. */
    bool save();
    /** File › Import… on this file (the import wizard). */
    void importFile(const QString &file);

Q_SIGNALS:
    void catalogOpened(const QString &path);
    void catalogClosed();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createCentralWidget();
    void showWorkspacePage(int row);
    void dropPages();
    void updateTitle();
    void updateActions();
    void updateRecentMenu();
    void offerRecoveredDrafts();
    void showStatus(const QString &message);

    std::unique_ptr<CatalogSession> m_session;
    JobRunner *m_jobs = nullptr;
    FileActions *m_fileActions = nullptr;

    QListWidget *m_navigation = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_pages = nullptr;
    WelcomePage *m_welcome = nullptr;
    RecoveryBar *m_recoveryBar = nullptr;
    std::array<QPointer<WorkspacePage>, AllWorkspaces.size()> m_workspacePages {};
    QLabel *m_catalogLabel = nullptr;
    JobIndicator *m_jobIndicator = nullptr;
    QActionGroup *m_workspaceActions = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_saveAction = nullptr;
    QList<QAction *> m_catalogActions; ///< enabled only while a catalog is open
};

} // namespace Vitrine
