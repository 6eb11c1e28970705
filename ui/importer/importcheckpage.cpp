// SPDX-License-Identifier: GPL-3.0-or-later
#include "importcheckpage.h"

#include "importpreviewmodel.h"
#include "importproblemmodel.h"
#include "importwizard.h"
#include "widgets/messagebar.h"

#include "catalog/eventtype.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Vitrine {

namespace {

/** Options typed or clicked in quick succession make one check. */
constexpr int RecheckDelayMs = 300;

} // namespace

ImportCheckPage::ImportCheckPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_skipBad(new QCheckBox(
          tr("&Skip bad rows: import the good ones and write the bad ones, with the reason, to"), this))
    , m_rejects(new QLineEdit(this))
    , m_rejectsBrowse(new QPushButton(tr("Bro&wse…"), this))
    , m_createMissing(new QCheckBox(
          tr("&Create the people and items that events name but the catalog does not hold"), this))
    , m_allowFuture(new QCheckBox(tr("Accept events dated in the &future (more than a day after now)"), this))
    , m_typeLabel(new QLabel(tr("&Type of events in a file without a type column:"), this))
    , m_defaultType(new QComboBox(this))
    , m_checkButton(new QPushButton(tr("C&heck again"), this))
    , m_status(new QLabel(this))
    , m_message(new MessageBar(this))
    , m_problemModel(new ImportProblemModel(this))
    , m_problemView(new QListView(this))
    , m_rowLabel(new QLabel(this))
    , m_rowModel(new ImportPreviewModel(this))
    , m_rowView(new QTableView(this))
    , m_recheck(new QTimer(this))
    , m_rowWatcher(new QFutureWatcher<RowResult>(this))
{
    setTitle(tr("Check the file"));
    setSubTitle(tr("The check reads the whole file as the import will, and writes nothing. "
                   "The import is all or nothing unless bad rows are skipped."));
    setCommitPage(true);

    m_skipBad->setObjectName(QStringLiteral("skipBad"));
    m_rejects->setObjectName(QStringLiteral("rejectsPath"));
    m_rejects->setClearButtonEnabled(true);
    m_rejects->setAccessibleName(tr("File for the skipped rows"));
    m_createMissing->setObjectName(QStringLiteral("createMissing"));
    m_allowFuture->setObjectName(QStringLiteral("allowFuture"));
    m_allowFuture->setToolTip(tr("Off, such events are refused by line: usually a clock or a time zone "
                                 "gone wrong. As vitrine-cli import --allow-future."));
    m_defaultType->setObjectName(QStringLiteral("defaultEventType"));
    m_defaultType->addItems(eventTypeNames());
    m_typeLabel->setBuddy(m_defaultType);
    m_checkButton->setObjectName(QStringLiteral("checkButton"));
    m_status->setObjectName(QStringLiteral("checkStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_message->setObjectName(QStringLiteral("checkMessage"));

    auto *options = new QGroupBox(tr("Options"), this);
    auto *grid = new QGridLayout(options);
    auto *rejectsRow = new QHBoxLayout;
    rejectsRow->setContentsMargins(24, 0, 0, 0);
    rejectsRow->addWidget(m_rejects, 1);
    rejectsRow->addWidget(m_rejectsBrowse);
    grid->addWidget(m_skipBad, 0, 0, 1, 2);
    grid->addLayout(rejectsRow, 1, 0, 1, 2);
    grid->addWidget(m_createMissing, 2, 0, 1, 2);
    grid->addWidget(m_allowFuture, 3, 0, 1, 2);
    grid->addWidget(m_typeLabel, 4, 0);
    grid->addWidget(m_defaultType, 4, 1, Qt::AlignLeft);
    grid->setColumnStretch(1, 1);

    connect(m_skipBad, &QCheckBox::toggled, wizard, &ImportWizard::setSkipBad);
    connect(m_rejects, &QLineEdit::editingFinished, this,
        [this] { m_wizard->setRejectsPath(m_rejects->text().trimmed()); });
    connect(m_rejectsBrowse, &QPushButton::clicked, this, &ImportCheckPage::browseRejects);
    connect(m_createMissing, &QCheckBox::toggled, wizard, &ImportWizard::setCreateMissing);
    connect(m_allowFuture, &QCheckBox::toggled, wizard, &ImportWizard::setAllowFuture);
    connect(m_defaultType, &QComboBox::currentTextChanged, wizard, &ImportWizard::setDefaultEventType);
    connect(m_checkButton, &QPushButton::clicked, wizard, &ImportWizard::startCheck);

    m_problemView->setObjectName(QStringLiteral("problemView"));
    m_problemView->setModel(m_problemModel);
    m_problemView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problemView->setUniformItemSizes(true);
    m_problemView->setAccessibleName(tr("Problems"));
    connect(m_problemView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &ImportCheckPage::showProblemRow);

    m_rowLabel->setObjectName(QStringLiteral("rowLabel"));
    m_rowLabel->setWordWrap(true);
    m_rowLabel->setText(tr("Select a problem to see its row."));
    m_rowView->setObjectName(QStringLiteral("problemRowView"));
    m_rowView->setModel(m_rowModel);
    m_rowView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rowView->setSelectionMode(QAbstractItemView::NoSelection);
    m_rowView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_rowView->horizontalHeader()->setMaximumSectionSize(280);
    m_rowView->setAccessibleName(tr("The row of the selected problem"));

    auto *problemsPane = new QWidget(this);
    auto *problemsLayout = new QVBoxLayout(problemsPane);
    problemsLayout->setContentsMargins(0, 0, 0, 0);
    problemsLayout->addWidget(new QLabel(tr("Problems"), problemsPane));
    problemsLayout->addWidget(m_problemView, 1);
    auto *rowPane = new QWidget(this);
    auto *rowLayout = new QVBoxLayout(rowPane);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->addWidget(m_rowLabel);
    rowLayout->addWidget(m_rowView, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(problemsPane);
    splitter->addWidget(rowPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(m_status, 1);
    checkRow->addWidget(m_checkButton, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(options);
    layout->addLayout(checkRow);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    m_recheck->setSingleShot(true);
    m_recheck->setInterval(RecheckDelayMs);
    connect(m_recheck, &QTimer::timeout, wizard, &ImportWizard::startCheck);
    connect(wizard, &ImportWizard::optionsChanged, this, [this] {
        if (m_wizard->currentPage() == this)
            m_recheck->start();
        showCheck();
    });
    connect(wizard, &ImportWizard::checkStarted, this, &ImportCheckPage::showCheck);
    connect(wizard, &ImportWizard::checkFinished, this, &ImportCheckPage::showCheck);
    connect(m_rowWatcher, &QFutureWatcher<RowResult>::finished, this, &ImportCheckPage::finishRow);
}

ImportCheckPage::~ImportCheckPage()
{
    m_rowWatcher->disconnect(this);
}

void ImportCheckPage::initializePage()
{
    showOptions();
    if (!m_wizard->checkReport() && !m_wizard->isChecking())
        m_wizard->startCheck();
    showCheck();
}

void ImportCheckPage::cleanupPage()
{
    m_recheck->stop();
}

bool ImportCheckPage::isComplete() const
{
    return !m_wizard->isChecking() && m_wizard->checkReport() && m_wizard->checkReport()->ok;
}

void ImportCheckPage::showOptions()
{
    const bool events = m_wizard->kind() == ImportKind::Events;
    const QSignalBlocker skipBlocker(m_skipBad);
    const QSignalBlocker createBlocker(m_createMissing);
    const QSignalBlocker futureBlocker(m_allowFuture);
    const QSignalBlocker typeBlocker(m_defaultType);
    m_skipBad->setChecked(m_wizard->skipBad());
    m_rejects->setText(m_wizard->rejectsPath());
    m_rejects->setPlaceholderText(m_wizard->filePath() + QStringLiteral(".rejected.csv"));
    m_createMissing->setChecked(m_wizard->createMissing());
    m_createMissing->setVisible(events);
    m_allowFuture->setChecked(m_wizard->allowFuture());
    m_allowFuture->setVisible(events);
    m_defaultType->setCurrentText(m_wizard->defaultEventType());
    const bool typed = m_wizard->mapping().columnOf(QStringLiteral("type")) >= 0;
    m_typeLabel->setVisible(events);
    m_defaultType->setVisible(events);
    m_defaultType->setToolTip(typed
            ? tr("The file has a type column; rows with an empty type are of this type.")
            : tr("Every event of the file is of this type."));
}

void ImportCheckPage::showCheck()
{
    const bool skip = m_skipBad->isChecked();
    m_rejects->setEnabled(skip);
    m_rejectsBrowse->setEnabled(skip);
    m_checkButton->setEnabled(!m_wizard->isChecking());

    const std::optional<ImportReport> &report = m_wizard->checkReport();
    const QLocale locale;
    if (m_wizard->isChecking() || !report) {
        m_status->setText(m_wizard->isChecking()
                ? tr("Checking %1…").arg(QFileInfo(m_wizard->filePath()).fileName())
                : tr("The options changed; checking again…"));
        m_message->clearMessage();
        m_problemModel->setProblems(m_wizard->filePath(), {});
    } else {
        const QString kind = m_wizard->kind() == ImportKind::Items ? tr("items")
            : m_wizard->kind() == ImportKind::Users                ? tr("people")
                                                                   : tr("events");
        const qint64 good = report->rows - report->rejected;
        if (report->ok && report->problemCount == 0) {
            m_status->setText(tr("All %1 rows are good %2. Nothing was written yet.")
                                  .arg(locale.toString(report->rows), kind));
            m_message->clearMessage();
        } else if (report->ok) {
            m_status->setText(tr("%1 of %2 rows are good %3; the import skips the others (%4).")
                                  .arg(locale.toString(good), locale.toString(report->rows), kind,
                                      locale.toString(report->rejected)));
            m_message->showMessage(MessageBar::Kind::Information,
                tr("The skipped rows go, each with its reason, to %1.")
                    .arg(m_wizard->importOptions().rejectsPath.isEmpty()
                            ? m_rejects->placeholderText()
                            : m_wizard->importOptions().rejectsPath));
        } else if (report->problemCount > 0 && report->rows > 0) {
            m_status->setText(
                tr("%1 of %2 rows have problems. Fix them in the file and check again, or skip bad rows.")
                    .arg(locale.toString(report->rejected), locale.toString(report->rows)));
            m_message->clearMessage();
        } else {
            m_status->setText(tr("The file cannot be imported as it is."));
            m_message->showMessage(MessageBar::Kind::Error, report->error);
        }
        QList<ImportProblem> problems = report->problems;
        m_problemModel->setProblems(m_wizard->filePath(), problems);
        if (report->problemCount > problems.size()) {
            m_status->setText(m_status->text() + QLatin1Char(' ')
                + tr("The first %1 of %2 problems are listed.")
                      .arg(locale.toString(problems.size()), locale.toString(report->problemCount)));
        }
    }
    m_rowModel->setRows({}, {}, {});
    m_rowLabel->setText(m_problemModel->rowCount() > 0 ? tr("Select a problem to see its row.") : QString());
    Q_EMIT completeChanged();
}

void ImportCheckPage::browseRejects()
{
    const QString start = m_rejects->text().isEmpty() ? m_rejects->placeholderText() : m_rejects->text();
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Write skipped rows to"), start, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    m_rejects->setText(path);
    m_wizard->setRejectsPath(path);
}

void ImportCheckPage::showProblemRow()
{
    const QModelIndex current = m_problemView->currentIndex();
    const qint64 line = current.data(ImportProblemModel::LineRole).toLongLong();
    m_rowField = current.data(ImportProblemModel::FieldRole).toString();
    const int request = ++m_rowRequest;
    if (!current.isValid() || line <= 0) {
        m_rowModel->setRows({}, {}, {});
        m_rowLabel->setText(
            current.isValid() ? tr("This problem is about the whole file, not one row.") : QString());
        return;
    }
    m_rowLabel->setText(tr("Reading line %1…").arg(line));
    const QString path = m_wizard->filePath();
    m_rowWatcher->setFuture(QtConcurrent::run([path, line, request] {
        RowResult result;
        result.request = request;
        result.line = line;
        ImportPreview::readRecordAt(path, line, &result.header, &result.record, &result.error);
        return result;
    }));
}

void ImportCheckPage::finishRow()
{
    const RowResult result = m_rowWatcher->result();
    if (result.request != m_rowRequest)
        return; // another problem was selected meanwhile
    if (!result.error.isEmpty()) {
        m_rowModel->setRows({}, {}, {});
        m_rowLabel->setText(result.error);
        return;
    }
    m_rowModel->setRows(result.header, {result.record}, {result.line});
    m_rowModel->setMapping(m_wizard->mapping());
    int column = m_wizard->mapping().columnOf(m_rowField);
    if (column < 0)
        column = int(result.header.indexOf(m_rowField));
    m_rowModel->setHighlightedColumn(column);
    const bool json = m_wizard->filePath().endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    const QString where
        = json ? tr("Record %1 of the file").arg(result.line) : tr("Line %1 of the file").arg(result.line);
    m_rowLabel->setText(m_rowField.isEmpty() ? tr("%1:").arg(where)
                                             : tr("%1; the field '%2' is marked:").arg(where, m_rowField));
    m_rowView->resizeColumnsToContents();
    if (column >= 0)
        m_rowView->scrollTo(m_rowModel->index(0, column), QAbstractItemView::PositionAtCenter);
}

} // namespace Vitrine
