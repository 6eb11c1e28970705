// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "fileactions.h"
#include "quickopendialog.h"
#include "recoverybar.h"
#include "studiosettings.h"
#include "welcomepage.h"
#include "workspacefactory.h"
#include "workspacepage.h"

#include "session/catalogsession.h"
#include "session/draftstore.h"
#include "session/jobrunner.h"
#include "studiologging.h"
#include "widgets/jobindicator.h"
#include "widgets/navigationdelegate.h"

#include "storage/database.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <sqlite3.h>

namespace Vitrine {

namespace {

/** How long "Opened …" stays in the status bar. */
constexpr int StatusMessageMs = 4000;

Workspace workspaceOf(SearchHit::Kind kind)
{
    switch (kind) {
    case SearchHit::Kind::Person:
        return Workspace::People;
    case SearchHit::Kind::Item:
        return Workspace::Items;
    case SearchHit::Kind::Segment:
        return Workspace::Segments;
    case SearchHit::Kind::Slot:
        return Workspace::Slots;
    case SearchHit::Kind::Layout:
    case SearchHit::Kind::Banner:
        return Workspace::Layouts;
    case SearchHit::Kind::Campaign:
        return Workspace::Campaigns;
    }
    return Workspace::Overview;
}

QString configKind(SearchHit::Kind kind)
{
    switch (kind) {
    case SearchHit::Kind::Segment:
        return QStringLiteral("segments");
    case SearchHit::Kind::Slot:
        return QStringLiteral("slots");
    case SearchHit::Kind::Layout:
        return QStringLiteral("layouts");
    case SearchHit::Kind::Banner:
        return QStringLiteral("banners");
    case SearchHit::Kind::Campaign:
        return QStringLiteral("campaigns");
    default:
        return {};
    }
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_jobs(new JobRunner(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Vitrine"));
    setAcceptDrops(true);
    m_fileActions = new FileActions(this);
    createCentralWidget();
    createActions();

    m_jobIndicator = new JobIndicator(this);
    m_jobIndicator->watch(m_jobs);
    statusBar()->addPermanentWidget(m_jobIndicator);
    m_catalogLabel = new QLabel(tr("No catalog open"), this);
    m_catalogLabel->setObjectName(QStringLiteral("catalogPathLabel"));
    m_catalogLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_catalogLabel->setContentsMargins(6, 0, 6, 0);
    // On the right, so temporary messages ("Opened …", "Saved …") have the rest of the bar.
    statusBar()->addPermanentWidget(m_catalogLabel);

    connect(m_fileActions, &FileActions::demoProgress, m_welcome, &WelcomePage::showDemoProgress);
    connect(m_fileActions, &FileActions::demoFinished, m_welcome, &WelcomePage::hideDemoProgress);

    updateRecentMenu();
    updateActions();
    setCurrentWorkspace(Workspace::Overview);
    resize(1200, 760);
}

MainWindow::~MainWindow()
{
    // The pages use the session: they go first.
    dropPages();
    m_session.reset();
}

void MainWindow::createCentralWidget()
{
    m_navigation = new QListWidget;
    m_navigation->setObjectName(QStringLiteral("workspaceList"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setFocusPolicy(Qt::StrongFocus);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setSpacing(2);
    m_navigation->setUniformItemSizes(true);
    // A sidebar, not a document: the window colour sets it apart from the page beside it.
    QPalette sidebar = m_navigation->palette();
    sidebar.setColor(QPalette::Base, sidebar.color(QPalette::Window).darker(104));
    m_navigation->setPalette(sidebar);
    m_navigation->setItemDelegate(new NavigationDelegate(m_navigation));

    int widest = 0;
    for (Workspace workspace : AllWorkspaces) {
        auto *item = new QListWidgetItem(workspaceTitle(workspace), m_navigation);
        item->setData(Qt::UserRole, int(workspace));
        item->setToolTip(workspaceDescription(workspace));
        if (!isWorkspaceAvailable(workspace))
            item->setForeground(palette().brush(QPalette::PlaceholderText));
        widest = qMax(widest, fontMetrics().horizontalAdvance(item->text()));
    }
    m_navigation->setMinimumWidth(widest + 2 * NavigationDelegate::HorizontalPadding + 8);
    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::showWorkspacePage);

    m_welcome = new WelcomePage;
    connect(m_welcome, &WelcomePage::createDemoRequested, m_fileActions, [this] { m_fileActions->createDemoCatalog(); });
    connect(m_welcome, &WelcomePage::openRequested, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Catalog"),
            QFileInfo(Database::defaultPath()).absolutePath(), tr("Vitrine catalogs (*.vitrine);;All files (*)"));
        if (!path.isEmpty())
            openCatalogOrWarn(path);
    });
    connect(m_welcome, &WelcomePage::importRequested, m_fileActions, [this] { m_fileActions->importFile(); });
    connect(m_welcome, &WelcomePage::recentRequested, this, &MainWindow::openCatalogOrWarn);

    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("workspaceStack"));
    m_pages->addWidget(m_welcome);

    m_recoveryBar = new RecoveryBar;
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(m_recoveryBar);
    rightLayout->addWidget(m_pages, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({qMax(widest + 2 * NavigationDelegate::HorizontalPadding + 40, 180), 1000});
    setCentralWidget(m_splitter);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *newCatalog = fileMenu->addAction(tr("&New Catalog…"), m_fileActions, &FileActions::newCatalog);
    newCatalog->setObjectName(QStringLiteral("newCatalogAction"));
    newCatalog->setShortcut(QKeySequence::New);
    newCatalog->setIcon(QIcon::fromTheme(QStringLiteral("document-new")));
    QAction *open = fileMenu->addAction(tr("&Open Catalog…"), this, [this] {
        const QString current = catalogPath().isEmpty() ? Database::defaultPath() : catalogPath();
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Catalog"),
            QFileInfo(current).absolutePath(), tr("Vitrine catalogs (*.vitrine);;All files (*)"));
        if (!path.isEmpty())
            openCatalogOrWarn(path);
    });
    open->setObjectName(QStringLiteral("openCatalogAction"));
    open->setShortcut(QKeySequence::Open);
    open->setIcon(QIcon::fromTheme(QStringLiteral("document-open")));
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    fileMenu->addSeparator();
    QAction *import = fileMenu->addAction(tr("&Import…"), m_fileActions, [this] { m_fileActions->importFile(); });
    import->setObjectName(QStringLiteral("importAction"));
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QMenu *exportMenu = fileMenu->addMenu(tr("&Export"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    const std::pair<QString, QString> tables[] = {
        {QStringLiteral("items"), tr("&Items…")},
        {QStringLiteral("users"), tr("&People…")},
        {QStringLiteral("events"), tr("&Events…")},
    };
    for (const auto &[kind, title] : tables) {
        QAction *action = exportMenu->addAction(title, m_fileActions, [this, kind = kind] { m_fileActions->exportTable(kind); });
        action->setObjectName(QStringLiteral("export-%1-Action").arg(kind));
        m_catalogActions.append(action);
    }
    QAction *backUp = fileMenu->addAction(tr("&Back Up…"), m_fileActions, &FileActions::backUp);
    backUp->setObjectName(QStringLiteral("backUpAction"));
    fileMenu->addSeparator();
    m_saveAction = fileMenu->addAction(tr("&Save"), this, &MainWindow::save);
    m_saveAction->setObjectName(QStringLiteral("saveAction"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setIcon(QIcon::fromTheme(QStringLiteral("document-save")));
    QAction *close = fileMenu->addAction(tr("&Close Catalog"), this, &MainWindow::closeCatalog);
    close->setObjectName(QStringLiteral("closeCatalogAction"));
    close->setShortcut(QKeySequence::Close);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    quit->setIcon(QIcon::fromTheme(QStringLiteral("application-exit")));
    m_catalogActions << exportMenu->menuAction() << backUp << close;

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = editMenu->addAction(tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    m_redoAction = editMenu->addAction(tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
    connect(m_undoAction, &QAction::triggered, this, [this] {
        if (m_session)
            m_session->undoStack()->undo();
    });
    connect(m_redoAction, &QAction::triggered, this, [this] {
        if (m_session)
            m_session->undoStack()->redo();
    });

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    m_workspaceActions = new QActionGroup(this);
    m_workspaceActions->setExclusive(true);
    int number = 1;
    for (Workspace workspace : AllWorkspaces) {
        QAction *action = viewMenu->addAction(workspaceTitle(workspace));
        action->setObjectName(workspaceKey(workspace) + QStringLiteral("WorkspaceAction"));
        action->setCheckable(true);
        action->setData(int(workspace));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number++)));
        m_workspaceActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, workspace] { setCurrentWorkspace(workspace); });
    }

    QMenu *goMenu = menuBar()->addMenu(tr("&Go"));
    QAction *quickOpen = goMenu->addAction(tr("&Quick Open…"), this, &MainWindow::quickOpen);
    quickOpen->setObjectName(QStringLiteral("quickOpenAction"));
    quickOpen->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    quickOpen->setToolTip(tr("Find a person, item, segment, slot, layout or campaign by name and go to it"));
    m_catalogActions << quickOpen;

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *reference = helpMenu->addAction(tr("&Command-Line Reference"), m_fileActions,
        &FileActions::showCommandLineReference);
    reference->setObjectName(QStringLiteral("commandLineReferenceAction"));
    reference->setShortcut(QKeySequence::HelpContents);
    QAction *about = helpMenu->addAction(tr("&About Vitrine"), this, [this] {
        QMessageBox::about(this, tr("About Vitrine"),
            tr("<h3>Vitrine %1</h3>"
               "<p>A merchandising and personalization studio: recommendation slots, audience segments, "
               "personalized pages and e-mails, previewed for any one person with the reason for every item.</p>"
               "<p>Built with Qt %2 and SQLite %3.</p>")
                .arg(QStringLiteral(VITRINE_VERSION), QString::fromLatin1(qVersion()),
                    QString::fromLatin1(sqlite3_libversion())));
    });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    about->setIcon(QIcon::fromTheme(QStringLiteral("help-about")));
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = StudioSettings::recentCatalogs.get();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openCatalogOrWarn(path); });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear the List"), this, [this] {
            StudioSettings::recentCatalogs.set({});
            updateRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
    m_welcome->setRecentCatalogs(recent);
}

bool MainWindow::openCatalog(const QString &path, QString *error)
{
    std::unique_ptr<CatalogSession> session = CatalogSession::open(path, error);
    if (!session)
        return false;

    const Workspace workspace = currentWorkspace();
    dropPages();
    if (m_session)
        m_session->drafts()->writeRecovery();
    m_session = std::move(session); // the previous catalog closes here, after nothing uses it
    m_jobIndicator->watch(m_session->jobs());

    for (Workspace w : AllWorkspaces) {
        WorkspacePage *page = createWorkspacePage(w, m_session.get());
        m_workspacePages[size_t(w)] = page;
        m_pages->addWidget(page);
        connect(page, &WorkspacePage::objectRequested, this, &MainWindow::showObject);
        connect(page, &WorkspacePage::statusMessage, this, &MainWindow::showStatus);
    }
    QUndoStack *undo = m_session->undoStack();
    connect(undo, &QUndoStack::canUndoChanged, this, &MainWindow::updateActions);
    connect(undo, &QUndoStack::canRedoChanged, this, &MainWindow::updateActions);
    connect(undo, &QUndoStack::undoTextChanged, this, &MainWindow::updateActions);
    connect(undo, &QUndoStack::redoTextChanged, this, &MainWindow::updateActions);
    connect(m_session->drafts(), &DraftStore::modifiedChanged, this, [this] {
        updateTitle();
        updateActions();
    });
    connect(m_session.get(), &CatalogSession::engineFailed, this, [this](const QString &message) {
        showStatus(tr("The catalog could not be read: %1").arg(message));
    });

    StudioSettings::addRecentCatalog(m_session->path());
    StudioSettings::lastCatalog.set(m_session->path());
    updateRecentMenu();
    updateTitle();
    updateActions();
    const QString absolutePath = QDir::toNativeSeparators(QFileInfo(m_session->path()).absoluteFilePath());
    m_catalogLabel->setText(m_session->isReadOnly() ? tr("%1 (read-only)").arg(absolutePath) : absolutePath);
    m_catalogLabel->setToolTip(absolutePath);
    showStatus(tr("Opened %1").arg(m_session->displayName()));
    setCurrentWorkspace(workspace);
    offerRecoveredDrafts();
    qCInfo(lcStudio) << "showing" << m_session->path();
    Q_EMIT catalogOpened(m_session->path());
    return true;
}

bool MainWindow::openCatalogOrWarn(const QString &path)
{
    if (m_session && QFileInfo(path).absoluteFilePath() == QFileInfo(m_session->path()).absoluteFilePath())
        return true;
    if (!closeCatalog())
        return false;
    QString error;
    if (openCatalog(path, &error))
        return true;
    QMessageBox::warning(this, tr("Cannot Open Catalog"), error);
    if (!QFileInfo::exists(path)) {
        StudioSettings::removeRecentCatalog(path);
        updateRecentMenu();
    }
    return false;
}

bool MainWindow::closeCatalog()
{
    if (!m_session)
        return true;
    if (m_session->hasUnsavedChanges()) {
        QStringList names;
        for (const DraftStore::Draft &draft : m_session->drafts()->modified())
            names.append(draft.id.toString());
        const auto answer = QMessageBox::question(this, tr("Unsaved Changes"),
            tr("%1 has unsaved changes to %2.\n\nSave them before closing?")
                .arg(m_session->displayName(), names.join(QStringLiteral(", "))),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel)
            return false;
        if (answer == QMessageBox::Save && !save())
            return false;
        if (answer == QMessageBox::Discard)
            m_session->discardChanges();
    }
    dropPages();
    m_session.reset();
    StudioSettings::lastCatalog.set(QString());
    m_catalogLabel->setText(tr("No catalog open"));
    m_catalogLabel->setToolTip({});
    m_recoveryBar->hide();
    updateTitle();
    updateActions();
    m_pages->setCurrentWidget(m_welcome);
    Q_EMIT catalogClosed();
    return true;
}

void MainWindow::dropPages()
{
    for (QPointer<WorkspacePage> &page : m_workspacePages) {
        delete page.data();
        page = nullptr;
    }
}

QString MainWindow::catalogPath() const
{
    return m_session ? m_session->path() : QString();
}

WorkspacePage *MainWindow::page(Workspace workspace) const
{
    return m_workspacePages[size_t(workspace)].data();
}

Workspace MainWindow::currentWorkspace() const
{
    const QListWidgetItem *item = m_navigation->currentItem();
    return item ? Workspace(item->data(Qt::UserRole).toInt()) : Workspace::Overview;
}

void MainWindow::setCurrentWorkspace(Workspace workspace)
{
    // The navigation rows are in the order of AllWorkspaces.
    if (m_navigation->currentRow() == int(workspace))
        showWorkspacePage(int(workspace));
    else
        m_navigation->setCurrentRow(int(workspace));
}

void MainWindow::showWorkspacePage(int row)
{
    if (row < 0)
        return;
    const auto workspace = Workspace(row);
    if (WorkspacePage *p = page(workspace))
        m_pages->setCurrentWidget(p);
    else
        m_pages->setCurrentWidget(m_welcome);
    const QList<QAction *> actions = m_workspaceActions ? m_workspaceActions->actions() : QList<QAction *>();
    if (row < actions.size())
        actions.at(row)->setChecked(true);
}

bool MainWindow::showObject(Workspace workspace, const QString &key)
{
    WorkspacePage *target = page(workspace);
    if (!target)
        return false;
    setCurrentWorkspace(workspace);
    return target->showObject(key);
}

void MainWindow::quickOpen()
{
    if (!m_session)
        return;
    QuickOpenDialog dialog(m_session->path(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const SearchHit hit = dialog.chosen();
    if (showObject(workspaceOf(hit.kind), hit.key))
        return;
    // Configuration objects whose editor is not in this build: their history shows them.
    const QString kind = configKind(hit.kind);
    if (!kind.isEmpty() && showObject(Workspace::History, kind + QLatin1Char('.') + hit.key))
        return;
    showStatus(tr("%1 %2 cannot be shown here").arg(QuickOpenDialog::kindLabel(hit.kind), hit.key));
}

bool MainWindow::save()
{
    if (!m_session)
        return false;
    const int count = int(m_session->drafts()->modified().size());
    QString error;
    if (!m_session->save(&error)) {
        QMessageBox::warning(this, tr("Cannot Save"), error);
        return false;
    }
    if (count > 0)
        showStatus(tr("Saved %n change(s); History has the new versions", nullptr, count));
    return true;
}

void MainWindow::importFile(const QString &file)
{
    m_fileActions->importFile(file);
}

void MainWindow::offerRecoveredDrafts()
{
    QString error;
    const QList<DraftStore::Draft> drafts
        = DraftStore::readRecovery(m_session->drafts()->recoveryPath(), &error);
    if (drafts.isEmpty()) {
        m_recoveryBar->hide();
        return;
    }
    QStringList names;
    for (const DraftStore::Draft &draft : drafts)
        names.append(draft.id.toString());
    m_recoveryBar->offer(tr("Vitrine was closed with unsaved changes to %1. Restore them?")
                             .arg(names.join(QStringLiteral(", "))),
        [this, drafts] {
            if (m_session)
                m_session->drafts()->restore(drafts);
            showStatus(tr("Restored %n unsaved change(s); Save keeps them", nullptr, int(drafts.size())));
        },
        [this] {
            if (m_session) {
                m_session->drafts()->clear();
                m_session->drafts()->writeRecovery();
            }
        });
}

void MainWindow::updateTitle()
{
    if (!m_session) {
        setWindowTitle(tr("Vitrine"));
        setWindowModified(false);
        return;
    }
    // [*] shows the platform's "modified" mark while there are unsaved edits.
    setWindowTitle(tr("Vitrine — %1[*]").arg(m_session->displayName()));
    setWindowModified(m_session->hasUnsavedChanges());
}

void MainWindow::updateActions()
{
    const bool open = m_session != nullptr;
    for (QAction *action : std::as_const(m_catalogActions))
        action->setEnabled(open);
    m_navigation->setEnabled(open);
    QUndoStack *undo = open ? m_session->undoStack() : nullptr;
    m_undoAction->setEnabled(undo && undo->canUndo());
    m_redoAction->setEnabled(undo && undo->canRedo());
    m_undoAction->setText(undo && undo->canUndo() ? tr("&Undo %1").arg(undo->undoText()) : tr("&Undo"));
    m_redoAction->setText(undo && undo->canRedo() ? tr("&Redo %1").arg(undo->redoText()) : tr("&Redo"));
    m_saveAction->setEnabled(open && !m_session->isReadOnly() && m_session->hasUnsavedChanges());
}

void MainWindow::showStatus(const QString &message)
{
    statusBar()->showMessage(message, StatusMessageMs);
}

void MainWindow::restoreSettings()
{
    const QByteArray geometry = StudioSettings::windowGeometry.get();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray splitter = StudioSettings::mainSplitter.get();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    if (const auto workspace = workspaceFromKey(StudioSettings::lastWorkspace.get()))
        setCurrentWorkspace(*workspace);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const QString last = catalogPath();
    if (!closeCatalog()) {
        event->ignore();
        return;
    }
    // Reopened at the next start (closeCatalog() forgot it).
    StudioSettings::lastCatalog.set(last);
    StudioSettings::windowGeometry.set(saveGeometry());
    StudioSettings::mainSplitter.set(m_splitter->saveState());
    StudioSettings::lastWorkspace.set(workspaceKey(currentWorkspace()));
    m_jobs->cancelAll();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!event->mimeData()->hasUrls())
        return;
    for (const QUrl &url : event->mimeData()->urls()) {
        const QString file = url.toLocalFile();
        if (file.endsWith(QLatin1String(".vitrine"), Qt::CaseInsensitive)
            || file.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
            || file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty())
        return;
    const QString file = urls.constFirst().toLocalFile();
    event->acceptProposedAction();
    // Handled after the drop returns, so a dialog does not run inside the drag's event.
    QMetaObject::invokeMethod(this, [this, file] {
        if (file.endsWith(QLatin1String(".vitrine"), Qt::CaseInsensitive))
            openCatalogOrWarn(file);
        else
            m_fileActions->importFile(file);
    }, Qt::QueuedConnection);
}

} // namespace Vitrine
