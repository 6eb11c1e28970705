// SPDX-License-Identifier: GPL-3.0-or-later
#include "historypage.h"

#include "configindexmodel.h"
#include "configversionmodel.h"
#include "linediff.h"
#include "widgets/messagebar.h"

#include "storage/configindex.h"
#include "storage/configstore.h"
#include "storage/database.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <exception>

namespace Vitrine {

namespace {

/**
 * How long a restore waits for another program's write (a CLI import holds the write lock for
 * its whole run). Longer than Database::BusyTimeoutMs: the restore runs off the UI thread, and
 * a user who asked for it would rather it happen late than fail.
 */
constexpr int RestoreLockWaitMs = 120000;
/** After this long a restore says it is waiting for another program. */
constexpr int WaitingNoticeMs = 400;

QString indentedJson(const QJsonObject &definition)
{
    return QString::fromUtf8(QJsonDocument(definition).toJson(QJsonDocument::Indented)).trimmed();
}

QString savedAt(qint64 unixSeconds)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(unixSeconds), QLocale::ShortFormat);
}

/** A tint of @p base towards @p tint, readable in light and dark themes. */
QColor tinted(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + tint.redF() * amount),
        float(base.greenF() * (1 - amount) + tint.greenF() * amount),
        float(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

/** A date and time as wide as any the lists show, to size their columns by. */
QString longestDateTime()
{
    return ConfigIndexModel::shortDateTime(QDateTime(QDate(2026, 12, 28), QTime(23, 58)).toSecsSinceEpoch());
}

QPlainTextEdit *createCodeView(const QString &objectName, QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(objectName);
    view->setReadOnly(true);
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    view->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    return view;
}

void styleTable(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

/** A restore on its own connection; never throws, whatever goes wrong is in the result. */
ConfigRestoreResult restoreOffThread(
    const QString &path, const QString &kind, const QString &key, int version)
{
    ConfigRestoreResult result;
    result.restoredVersion = version;
    try {
        Database db;
        db.setBusyTimeout(RestoreLockWaitMs);
        if (!db.open(path, Database::OpenMode::ReadWrite, &result.error))
            return result;
        return restoreConfigVersion(db, kind, key, version);
    } catch (const std::exception &e) {
        result.error = QString::fromLocal8Bit(e.what());
    } catch (...) {
        result.error = HistoryPage::tr("unexpected failure");
    }
    return result;
}

} // namespace

HistoryPage::HistoryPage(QWidget *parent)
    : QWidget(parent)
    , m_objects(new ConfigIndexModel(this))
    , m_objectProxy(new QSortFilterProxyModel(this))
    , m_versions(new ConfigVersionModel(this))
    , m_restoreWatcher(new QFutureWatcher<ConfigRestoreResult>(this))
    , m_waitingNotice(new QTimer(this))
{
    setObjectName(QStringLiteral("historyPage"));

    m_objectProxy->setObjectName(QStringLiteral("historyObjectProxy"));
    m_objectProxy->setSourceModel(m_objects);
    m_objectProxy->setSortRole(ConfigIndexModel::SortRole);
    m_objectProxy->setFilterKeyColumn(-1);
    m_objectProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("historyFilter"));
    m_filter->setPlaceholderText(tr("Filter by kind, key or title…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(420);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_objectProxy->setFilterFixedString(text);
        updateSummary();
    });

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("historySummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    m_message = new MessageBar(this);
    m_message->setObjectName(QStringLiteral("historyMessage"));

    m_restoreAction = new QAction(tr("&Restore This Version"), this);
    m_restoreAction->setObjectName(QStringLiteral("restoreVersionAction"));
    m_restoreAction->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    m_restoreAction->setToolTip(tr("Make this version current again; it is saved as a new version, so the "
                                   "restore itself can be undone"));
    connect(m_restoreAction, &QAction::triggered, this, &HistoryPage::restoreSelectedVersion);
    m_copyAction = new QAction(tr("&Copy Definition"), this);
    m_copyAction->setObjectName(QStringLiteral("copyDefinitionAction"));
    m_copyAction->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    connect(m_copyAction, &QAction::triggered, this, &HistoryPage::copyDefinition);

    auto *detailSplitter = new QSplitter(Qt::Vertical, this);
    detailSplitter->setObjectName(QStringLiteral("historyDetailSplitter"));
    detailSplitter->setChildrenCollapsible(false);
    detailSplitter->addWidget(createVersionList());
    detailSplitter->addWidget(createDetail());
    detailSplitter->setStretchFactor(0, 0);
    detailSplitter->setStretchFactor(1, 1);
    detailSplitter->setSizes({170, 510});

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("historySplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(createObjectList());
    splitter->addWidget(detailSplitter);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({590, 430});

    auto *bar = new QHBoxLayout;
    bar->setSpacing(12);
    bar->addWidget(m_filter, 1);
    bar->addStretch(0);
    bar->addWidget(m_summary);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(
        m_restoreWatcher, &QFutureWatcher<ConfigRestoreResult>::finished, this, &HistoryPage::finishRestore);
    m_waitingNotice->setSingleShot(true);
    m_waitingNotice->setInterval(WaitingNoticeMs);
    connect(m_waitingNotice, &QTimer::timeout, this, [this] {
        m_message->showMessage(MessageBar::Kind::Information,
            tr("%1 %2: waiting for another program to finish writing to the catalog before restoring version "
               "%3…")
                .arg(ConfigIndexModel::kindName(m_pending.kind), m_pending.key)
                .arg(m_pending.version));
    });

    setDatabase(nullptr);
}

HistoryPage::~HistoryPage()
{
    // The restore has its own connection; let it finish rather than leave a thread behind.
    m_restoreWatcher->waitForFinished();
}

QWidget *HistoryPage::createObjectList()
{
    m_objectTable = new QTableView(this);
    m_objectTable->setObjectName(QStringLiteral("historyObjectTable"));
    m_objectTable->setModel(m_objectProxy);
    styleTable(m_objectTable);
    m_objectTable->setSortingEnabled(true);
    QHeaderView *header = m_objectTable->horizontalHeader();
    const QFontMetrics metrics = m_objectTable->fontMetrics();
    const int padding = 2 * metrics.horizontalAdvance(QLatin1Char('M'));
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ConfigIndexModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(ConfigIndexModel::KindColumn, metrics.horizontalAdvance(tr("Campaign")) + padding);
    header->resizeSection(ConfigIndexModel::KeyColumn,
        metrics.horizontalAdvance(QStringLiteral("home-people-like-you")) + padding);
    header->resizeSection(
        ConfigIndexModel::VersionColumn, metrics.horizontalAdvance(tr("Version")) + padding);
    header->resizeSection(
        ConfigIndexModel::SavedColumn, metrics.horizontalAdvance(longestDateTime()) + padding);
    header->setSortIndicator(ConfigIndexModel::KindColumn, Qt::AscendingOrder);
    connect(m_objectTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this] { showObject(selectedKind(), selectedKey(), 0); });
    return m_objectTable;
}

QWidget *HistoryPage::createVersionList()
{
    auto *panel = new QWidget(this);
    m_objectTitle = new QLabel(panel);
    m_objectTitle->setObjectName(QStringLiteral("historyObjectTitle"));
    m_objectTitle->setTextFormat(Qt::PlainText);
    QFont bold = m_objectTitle->font();
    bold.setBold(true);
    m_objectTitle->setFont(bold);

    m_versionTable = new QTableView(panel);
    m_versionTable->setObjectName(QStringLiteral("historyVersionTable"));
    m_versionTable->setModel(m_versions);
    styleTable(m_versionTable);
    m_versionTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_versionTable->addAction(m_restoreAction);
    m_versionTable->addAction(m_copyAction);
    QHeaderView *header = m_versionTable->horizontalHeader();
    // The current version is in bold: measure with the bold font so it is not cut short.
    QFont boldFont = m_versionTable->font();
    boldFont.setBold(true);
    const QFontMetrics metrics(boldFont);
    const int padding = 2 * metrics.horizontalAdvance(QLatin1Char('M'));
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ConfigVersionModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(
        ConfigVersionModel::VersionColumn, metrics.horizontalAdvance(tr("Version")) + padding);
    header->resizeSection(
        ConfigVersionModel::SavedColumn, metrics.horizontalAdvance(longestDateTime()) + padding);
    header->resizeSection(
        ConfigVersionModel::StateColumn, metrics.horizontalAdvance(tr("current")) + padding);
    connect(m_versionTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &HistoryPage::showSelectedVersion);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_objectTitle);
    layout->addWidget(m_versionTable, 1);
    return panel;
}

QWidget *HistoryPage::createDetail()
{
    auto *panel = new QWidget(this);
    m_versionTitle = new QLabel(panel);
    m_versionTitle->setObjectName(QStringLiteral("historyVersionTitle"));
    m_versionTitle->setTextFormat(Qt::PlainText);
    m_versionTitle->setWordWrap(true);

    m_restoreButton = new QPushButton(m_restoreAction->icon(), m_restoreAction->text(), panel);
    m_restoreButton->setObjectName(QStringLiteral("restoreVersionButton"));
    m_restoreButton->setToolTip(m_restoreAction->toolTip());
    connect(m_restoreButton, &QPushButton::clicked, m_restoreAction, &QAction::trigger);

    m_definitionView = createCodeView(QStringLiteral("historyDefinitionView"), panel);
    m_definitionView->setPlaceholderText(tr("Select a version to see its definition."));

    auto *changes = new QWidget(panel);
    m_changesSummary = new QLabel(changes);
    m_changesSummary->setObjectName(QStringLiteral("historyChangesSummary"));
    m_changesSummary->setWordWrap(true);
    m_changesSummary->setTextFormat(Qt::PlainText);
    m_changesView = createCodeView(QStringLiteral("historyChangesView"), changes);
    auto *changesLayout = new QVBoxLayout(changes);
    changesLayout->setContentsMargins(6, 6, 6, 6);
    changesLayout->setSpacing(6);
    changesLayout->addWidget(m_changesSummary);
    changesLayout->addWidget(m_changesView, 1);

    m_tabs = new QTabWidget(panel);
    m_tabs->setObjectName(QStringLiteral("historyDetailTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_definitionView, tr("Definition"));
    m_tabs->addTab(changes, tr("Changes"));

    auto *heading = new QHBoxLayout;
    heading->setSpacing(12);
    heading->addWidget(m_versionTitle, 1);
    heading->addWidget(m_restoreButton, 0, Qt::AlignBottom);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(heading);
    layout->addWidget(m_tabs, 1);
    return panel;
}

void HistoryPage::setDatabase(Database *database)
{
    m_database = database;
    m_message->clearMessage();
    {
        const QSignalBlocker blocker(m_filter);
        m_filter->clear();
        m_objectProxy->setFilterFixedString(QString());
    }
    reloadObjects();
    showObject(QString(), QString(), 0);
}

void HistoryPage::refresh()
{
    const QString kind = selectedKind();
    const QString key = selectedKey();
    const int version = selectedVersion();
    reloadObjects();
    if (!kind.isEmpty() && !selectObject(kind, key))
        showObject(QString(), QString(), 0);
    else if (!kind.isEmpty() && version > 0)
        selectVersion(version);
}

void HistoryPage::reloadObjects()
{
    m_readError.clear();
    QList<ConfigIndexEntry> entries;
    if (m_database)
        entries = configIndex(*m_database, &m_readError);
    {
        // The reset clears the selection; refresh() puts it back without showing "nothing" first.
        const QSignalBlocker blocker(m_objectTable->selectionModel());
        m_objects->setEntries(entries);
    }
    updateSummary();
}

bool HistoryPage::selectObject(const QString &kind, const QString &key)
{
    const int row = m_objects->rowOf(kind, key);
    const QModelIndex index = m_objectProxy->mapFromSource(m_objects->index(row, 0));
    if (row < 0 || !index.isValid())
        return false;
    {
        const QSignalBlocker blocker(m_objectTable->selectionModel());
        m_objectTable->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    m_objectTable->scrollTo(index);
    showObject(kind, key, 0);
    return true;
}

bool HistoryPage::selectVersion(int version)
{
    const int row = m_versions->rowOf(version);
    if (row < 0)
        return false;
    m_versionTable->selectionModel()->setCurrentIndex(
        m_versions->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    showSelectedVersion();
    return true;
}

int HistoryPage::selectedVersion() const
{
    const QModelIndex index = m_versionTable->selectionModel()->currentIndex();
    return index.isValid() ? index.data(ConfigVersionModel::VersionRole).toInt() : 0;
}

QString HistoryPage::selectedKind() const
{
    return m_objectTable->selectionModel()->currentIndex().data(ConfigIndexModel::KindRole).toString();
}

QString HistoryPage::selectedKey() const
{
    return m_objectTable->selectionModel()->currentIndex().data(ConfigIndexModel::KeyRole).toString();
}

void HistoryPage::showObject(const QString &kind, const QString &key, int preferredVersion)
{
    QList<ConfigVersion> versions;
    QString error;
    if (m_database && !kind.isEmpty()) {
        ConfigStore store(*m_database);
        versions = configVersions(store, kind, key, &error);
    }
    {
        const QSignalBlocker blocker(m_versionTable->selectionModel());
        m_versions->setVersions(versions);
    }
    if (kind.isEmpty()) {
        m_objectTitle->setText(m_database ? tr("Select an object to see its versions.") : QString());
    } else {
        const QString title = versions.isEmpty()
            ? QString()
            : versions.constFirst().object.definition.value(QStringLiteral("title")).toString();
        const QString name = QStringLiteral("%1 %2").arg(ConfigIndexModel::kindTitle(kind), key);
        const QString count = versions.size() == 1 ? tr("1 version") : tr("%1 versions").arg(versions.size());
        m_objectTitle->setText(
            title.isEmpty() ? tr("%1 — %2").arg(name, count) : tr("%1 “%2” — %3").arg(name, title, count));
    }
    if (!error.isEmpty())
        m_message->showMessage(MessageBar::Kind::Error, tr("Cannot read the versions: %1").arg(error));

    const int row = qMax(0, m_versions->rowOf(preferredVersion));
    if (!versions.isEmpty()) {
        const QSignalBlocker blocker(m_versionTable->selectionModel());
        m_versionTable->selectionModel()->setCurrentIndex(
            m_versions->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    showSelectedVersion();
}

void HistoryPage::showSelectedVersion()
{
    const int row = m_versionTable->selectionModel()->currentIndex().row();
    if (row < 0 || row >= m_versions->versions().size()) {
        m_versionTitle->clear();
        m_definitionView->clear();
        m_changesView->clear();
        m_changesSummary->clear();
        m_tabs->setTabText(1, tr("Changes"));
        updateActions();
        return;
    }
    const ConfigVersion &version = m_versions->versions().at(row);
    m_versionTitle->setText(version.current
            ? tr("Version %1, saved %2 — the current version")
                  .arg(version.object.version)
                  .arg(savedAt(version.object.updatedAt))
            : tr("Version %1, saved %2").arg(version.object.version).arg(savedAt(version.object.updatedAt)));
    m_definitionView->setPlainText(indentedJson(version.object.definition));
    showDiff(version);
    updateActions();
}

void HistoryPage::showDiff(const ConfigVersion &version)
{
    m_changesView->clear();
    const std::optional<ConfigVersion> current = m_versions->current();
    if (version.current) {
        m_changesSummary->setText(tr("This is the current version."));
        m_tabs->setTabText(1, tr("Changes"));
        return;
    }
    if (!current) {
        m_changesSummary->setText(
            tr("This %1 was removed. Restoring version %2 brings it back as a new version.")
                .arg(ConfigIndexModel::kindName(selectedKind()))
                .arg(version.object.version));
        m_tabs->setTabText(1, tr("Changes"));
        return;
    }
    const QList<DiffLine> lines = diffLines(indentedJson(current->object.definition).split(QLatin1Char('\n')),
        indentedJson(version.object.definition).split(QLatin1Char('\n')));

    const QPalette palette = m_changesView->palette();
    QTextBlockFormat removedFormat;
    removedFormat.setBackground(tinted(palette.color(QPalette::Base), QColor(0xda, 0x44, 0x53), 0.22));
    QTextBlockFormat addedFormat;
    addedFormat.setBackground(tinted(palette.color(QPalette::Base), QColor(0x27, 0xae, 0x60), 0.22));
    const QTextBlockFormat sameFormat;

    int added = 0;
    int removed = 0;
    int firstChangeLine = -1;
    QTextCursor cursor(m_changesView->document());
    cursor.beginEditBlock();
    for (int number = 0; number < lines.size(); ++number) {
        const DiffLine &line = lines.at(number);
        const QTextBlockFormat *format = &sameFormat;
        QString marker = QStringLiteral("  ");
        if (line.change == DiffLine::Change::Removed) {
            format = &removedFormat;
            marker = QStringLiteral("− ");
            ++removed;
        } else if (line.change == DiffLine::Change::Added) {
            format = &addedFormat;
            marker = QStringLiteral("+ ");
            ++added;
        }
        if (format != &sameFormat && firstChangeLine < 0)
            firstChangeLine = number;
        if (number == 0)
            cursor.setBlockFormat(*format);
        else
            cursor.insertBlock(*format);
        cursor.insertText(marker + line.text);
    }
    cursor.endEditBlock();
    // Scroll to the first change, with a few lines of context above it.
    m_changesView->moveCursor(QTextCursor::End);
    QTextCursor firstChange(m_changesView->document()->findBlockByNumber(qMax(0, firstChangeLine - 3)));
    m_changesView->setTextCursor(firstChange);
    m_changesView->ensureCursorVisible();

    if (added == 0 && removed == 0) {
        m_changesSummary->setText(tr("Version %1 has the same definition as the current version %2.")
                                      .arg(version.object.version)
                                      .arg(current->object.version));
        m_tabs->setTabText(1, tr("Changes"));
        return;
    }
    m_changesSummary->setText(
        tr("Compared with the current version %1: restoring version %2 takes out the lines "
           "marked −, and puts back those marked +.")
            .arg(current->object.version)
            .arg(version.object.version));
    m_tabs->setTabText(1, tr("Changes (+%1 −%2)").arg(added).arg(removed));
}

void HistoryPage::updateSummary()
{
    if (!m_readError.isEmpty()) {
        m_summary->setText(tr("Cannot read the history: %1").arg(m_readError));
        return;
    }
    if (!m_database) {
        m_summary->clear();
        return;
    }
    const int all = m_objects->rowCount();
    const int shown = m_objectProxy->rowCount();
    int removed = 0;
    for (const ConfigIndexEntry &entry : m_objects->entries())
        removed += entry.removed ? 1 : 0;
    QString text = all == 1 ? tr("1 object") : tr("%1 objects").arg(QLocale().toString(all));
    if (shown != all)
        text = tr("%1 of %2").arg(QLocale().toString(shown), text);
    if (removed > 0)
        text = tr("%1, %2 removed").arg(text, QLocale().toString(removed));
    m_summary->setText(text);
}

void HistoryPage::updateActions()
{
    const QModelIndex index = m_versionTable->selectionModel()->currentIndex();
    const bool selected = index.isValid();
    const bool current = selected && index.data(ConfigVersionModel::CurrentRole).toBool();
    const bool writable = m_database && !m_database->isReadOnly();
    const bool enabled = selected && !current && writable && !isRestoring();
    m_restoreAction->setEnabled(enabled);
    m_restoreButton->setEnabled(enabled);
    m_copyAction->setEnabled(selected);
    QString why;
    if (m_database && m_database->isReadOnly())
        why = tr("The catalog is open read-only.");
    else if (current)
        why = tr("This is the current version.");
    else if (isRestoring())
        why = tr("A restore is in progress.");
    m_restoreButton->setToolTip(why.isEmpty() ? m_restoreAction->toolTip() : why);
}

bool HistoryPage::isRestoring() const
{
    return m_restoring;
}

void HistoryPage::restoreSelectedVersion()
{
    const int version = selectedVersion();
    if (!m_database || version <= 0 || isRestoring())
        return;
    m_pending = {selectedKind(), selectedKey(), version};
    m_restoring = true;
    m_message->showMessage(MessageBar::Kind::Information,
        tr("%1 %2: restoring version %3…")
            .arg(ConfigIndexModel::kindName(m_pending.kind), m_pending.key)
            .arg(version));
    m_restoreWatcher->setFuture(QtConcurrent::run(
        restoreOffThread, m_database->path(), m_pending.kind, m_pending.key, m_pending.version));
    m_waitingNotice->start();
    updateActions();
}

void HistoryPage::finishRestore()
{
    m_waitingNotice->stop();
    m_restoring = false;
    using Status = ConfigRestoreResult::Status;
    const ConfigRestoreResult result = m_restoreWatcher->result();
    const QString name
        = QStringLiteral("%1 %2").arg(ConfigIndexModel::kindName(m_pending.kind), m_pending.key);
    QString text;
    switch (result.status) {
    case Status::Restored:
        text = result.previousCurrent > 0 ? tr("%1: restored version %2 as version %3")
                                                .arg(name)
                                                .arg(result.restoredVersion)
                                                .arg(result.newVersion)
                                          : tr("%1: brought back version %2 as version %3")
                                                .arg(name)
                                                .arg(result.restoredVersion)
                                                .arg(result.newVersion);
        break;
    case Status::AlreadyCurrent:
        text = tr("%1: version %2 is already current; nothing changed").arg(name).arg(result.restoredVersion);
        break;
    case Status::NoLongerValid:
        text = tr("%1: version %2 cannot be restored: %3; nothing was changed")
                   .arg(name)
                   .arg(result.restoredVersion)
                   .arg(result.error);
        break;
    case Status::NoSuchObject:
    case Status::NoSuchVersion:
    case Status::Failed:
        text = tr("%1: cannot restore version %2: %3; nothing was changed")
                   .arg(name)
                   .arg(result.restoredVersion)
                   .arg(result.error);
        break;
    }
    m_message->showMessage(result.ok() ? MessageBar::Kind::Positive : MessageBar::Kind::Error, text);

    // Whatever happened, another program may have changed the history meanwhile: read it again,
    // and after a restore show the version it became.
    reloadObjects();
    if (selectObject(m_pending.kind, m_pending.key))
        selectVersion(result.ok() ? result.newVersion : m_pending.version);
    updateActions();
    Q_EMIT restoreFinished(result.status == Status::Restored, text);
}

void HistoryPage::copyDefinition()
{
    if (!m_definitionView->toPlainText().isEmpty())
        QGuiApplication::clipboard()->setText(m_definitionView->toPlainText());
}

} // namespace Vitrine
