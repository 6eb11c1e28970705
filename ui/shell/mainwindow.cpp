// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "catalog/catalogoverview.h"
#include "history/historypage.h"
#include "catalog/itemspage.h"
#include "widgets/navigationdelegate.h"
#include "widgets/placeholderpage.h"

#include "catalog/catalogstats.h"
#include "storage/database.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <sqlite3.h>

namespace Vitrine {

namespace {

/** How long "Opened …" stays in the status bar. */
constexpr int StatusMessageMs = 4000;

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Vitrine"));
    createCentralWidget();
    createActions();

    m_catalogLabel = new QLabel(tr("No catalog open"), this);
    m_catalogLabel->setObjectName(QStringLiteral("catalogPathLabel"));
    m_catalogLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_catalogLabel->setContentsMargins(6, 0, 6, 0);
    // On the right, so temporary messages ("Opened …", "restored …") have the rest of the bar.
    statusBar()->addPermanentWidget(m_catalogLabel);

    m_changePoll = new QTimer(this);
    m_changePoll->setObjectName(QStringLiteral("changePoll"));
    m_changePoll->setInterval(ChangePollMs);
    connect(m_changePoll, &QTimer::timeout, this, &MainWindow::checkForChanges);
    m_figures = new QFutureWatcher<std::optional<CatalogStats>>(this);
    connect(m_figures, &QFutureWatcherBase::finished, this, &MainWindow::showRefreshedFigures);

    m_overview->showNoCatalog();
    setCurrentWorkspace(Workspace::Overview);
    resize(1200, 760);
}

MainWindow::~MainWindow()
{
    // The pages point into the catalog; let go of it before the catalog closes.
    m_itemsPage->setDatabase(nullptr);
    m_historyPage->setDatabase(nullptr);
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

    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("workspaceStack"));

    int widest = 0;
    for (Workspace workspace : AllWorkspaces) {
        auto *item = new QListWidgetItem(workspaceTitle(workspace), m_navigation);
        item->setData(Qt::UserRole, int(workspace));
        item->setToolTip(workspaceDescription(workspace));
        widest = qMax(widest, fontMetrics().horizontalAdvance(item->text()));

        QWidget *page = nullptr;
        switch (workspace) {
        case Workspace::Overview:
            page = m_overview = new CatalogOverview;
            break;
        case Workspace::Items:
            page = m_itemsPage = new ItemsPage;
            break;
        case Workspace::History:
            page = m_historyPage = new HistoryPage;
            break;
        default:
            page = new PlaceholderPage(workspace);
            item->setForeground(palette().brush(QPalette::PlaceholderText));
            break;
        }
        m_pages->addWidget(page);
    }
    m_navigation->setMinimumWidth(widest + 2 * NavigationDelegate::HorizontalPadding + 8);
    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::showWorkspacePage);
    connect(m_overview, &CatalogOverview::openCatalogRequested, this, &MainWindow::chooseCatalog);
    connect(
        m_historyPage, &HistoryPage::restoreFinished, this, [this](bool restored, const QString &message) {
            if (restored)
                statusBar()->showMessage(message, StatusMessageMs);
            checkForChanges();
        });

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({qMax(widest + 2 * NavigationDelegate::HorizontalPadding + 40, 180), 1000});
    setCentralWidget(splitter);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *open = fileMenu->addAction(tr("&Open Catalog…"), this, &MainWindow::chooseCatalog);
    open->setObjectName(QStringLiteral("openCatalogAction"));
    open->setShortcut(QKeySequence::Open);
    open->setIcon(QIcon::fromTheme(QStringLiteral("document-open")));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    quit->setIcon(QIcon::fromTheme(QStringLiteral("application-exit")));

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    m_workspaceActions = new QActionGroup(this);
    m_workspaceActions->setExclusive(true);
    int number = 1;
    for (Workspace workspace : AllWorkspaces) {
        QAction *action = viewMenu->addAction(workspaceTitle(workspace));
        action->setCheckable(true);
        action->setData(int(workspace));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number++)));
        m_workspaceActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, workspace] { setCurrentWorkspace(workspace); });
    }

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About Vitrine"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    about->setIcon(QIcon::fromTheme(QStringLiteral("help-about")));
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

bool MainWindow::openCatalog(const QString &path, QString *error)
{
    const QFileInfo info(path);
    // A catalog the user may not write to is still worth looking at.
    const auto mode
        = info.exists() && !info.isWritable() ? Database::OpenMode::ReadOnly : Database::OpenMode::ReadWrite;
    auto database = std::make_unique<Database>();
    if (!database->open(path, mode, error))
        return false;

    QString statsError;
    const std::optional<CatalogStats> stats = CatalogStats::compute(*database, &statsError);
    if (!stats) {
        if (error)
            *error = tr("%1: cannot read the catalog: %2").arg(path, statsError);
        return false;
    }

    m_itemsPage->setDatabase(database.get());
    m_historyPage->setDatabase(database.get());
    m_overview->showCatalog(path, *stats);
    m_dataVersion = database->dataVersion();
    m_database = std::move(database); // the previous catalog closes here, after nothing uses it
    m_changePoll->start();

    const QString absolutePath = QDir::toNativeSeparators(info.absoluteFilePath());
    setWindowTitle(tr("Vitrine — %1").arg(info.fileName()));
    m_catalogLabel->setText(m_database->isReadOnly() ? tr("%1 (read-only)").arg(absolutePath) : absolutePath);
    m_catalogLabel->setToolTip(absolutePath);
    statusBar()->showMessage(tr("Opened %1").arg(info.fileName()), StatusMessageMs);

    Q_EMIT catalogOpened(path);
    return true;
}

bool MainWindow::openCatalogOrWarn(const QString &path)
{
    QString error;
    if (openCatalog(path, &error))
        return true;
    QMessageBox::warning(this, tr("Cannot Open Catalog"), error);
    return false;
}

QString MainWindow::catalogPath() const
{
    return m_database ? m_database->path() : QString();
}

Workspace MainWindow::currentWorkspace() const
{
    const QListWidgetItem *item = m_navigation->currentItem();
    return item ? Workspace(item->data(Qt::UserRole).toInt()) : Workspace::Overview;
}

void MainWindow::setCurrentWorkspace(Workspace workspace)
{
    // The navigation rows are in the order of AllWorkspaces, as are the pages.
    m_navigation->setCurrentRow(int(workspace));
}

void MainWindow::showWorkspacePage(int row)
{
    if (row < 0)
        return;
    m_pages->setCurrentIndex(row);
    const QList<QAction *> actions = m_workspaceActions ? m_workspaceActions->actions() : QList<QAction *>();
    if (row < actions.size())
        actions.at(row)->setChecked(true);
}

void MainWindow::checkForChanges()
{
    if (!m_database)
        return;
    const qint64 version = m_database->dataVersion();
    if (version == m_dataVersion)
        return;
    m_dataVersion = version;
    refreshCatalog();
}

void MainWindow::refreshCatalog()
{
    m_historyPage->refresh(); // a few small queries
    m_itemsPage->refresh();   // a count and the rows in view
    if (m_figures->isRunning()) {
        m_figuresOutdated = true;
        return;
    }
    // The figures count every event, which takes seconds on a big catalog: read them on a
    // connection of their own in another thread, in one read transaction.
    const QString path = m_figuresPath = m_database->path();
    m_figures->setFuture(QtConcurrent::run([path]() -> std::optional<CatalogStats> {
        Database db;
        if (!db.open(path, Database::OpenMode::ReadOnly, nullptr))
            return std::nullopt;
        return CatalogStats::compute(db);
    }));
}

void MainWindow::showRefreshedFigures()
{
    // If they cannot be read now (the file is being replaced, say), the old ones stay until the
    // next change; figures of a catalog closed meanwhile are not shown.
    const std::optional<CatalogStats> stats = m_figures->result();
    if (stats && m_database && m_database->path() == m_figuresPath)
        m_overview->showCatalog(m_database->path(), *stats);
    if (std::exchange(m_figuresOutdated, false) && m_database)
        refreshCatalog();
}

void MainWindow::chooseCatalog()
{
    const QString current = catalogPath().isEmpty() ? Database::defaultPath() : catalogPath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Catalog"),
        QFileInfo(current).absolutePath(), tr("Vitrine catalogs (*.vitrine);;All files (*)"));
    if (!path.isEmpty())
        openCatalogOrWarn(path);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Vitrine"),
        tr("<h3>Vitrine %1</h3>"
           "<p>A merchandising and personalization studio: recommendation slots, audience segments, "
           "personalized pages and e-mails, previewed for any one person with the reason for every item.</p>"
           "<p>Built with Qt %2 and SQLite %3.</p>")
            .arg(QStringLiteral(VITRINE_VERSION), QString::fromLatin1(qVersion()),
                QString::fromLatin1(sqlite3_libversion())));
}

} // namespace Vitrine
