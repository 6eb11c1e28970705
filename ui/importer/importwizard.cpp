// SPDX-License-Identifier: GPL-3.0-or-later
#include "importwizard.h"

#include "importcheckpage.h"
#include "importfilepage.h"
#include "importmappingpage.h"
#include "importreportpage.h"
#include "importrunpage.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"

#include "storage/database.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace Vitrine {

namespace {

/** How many rows the mapping page shows. */
constexpr int PreviewRows = 50;
/** How many problems a check lists in full (all are counted). */
constexpr int CheckedProblems = 500;

QString shellQuoted(const QString &text)
{
    static const QString safe
        = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:@,+");
    bool plain = !text.isEmpty();
    for (const QChar c : text)
        plain = plain && safe.contains(c);
    if (plain)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

ImportWizard::ImportWizard(CatalogSession *session, const QString &file, QWidget *parent)
    : QWizard(parent)
    , m_session(session)
    , m_previewWatcher(new QFutureWatcher<ImportPreview>(this))
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import into %1").arg(session->displayName()));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::CommitButton, tr("&Import"));
    setMinimumSize(860, 560);
    resize(1100, 700);

    setPage(FilePage, new ImportFilePage(this));
    setPage(MappingPage, new ImportMappingPage(this));
    setPage(CheckPage, new ImportCheckPage(this));
    setPage(RunPage, new ImportRunPage(this));
    setPage(ReportPage, new ImportReportPage(this));
    setStartId(FilePage);

    connect(m_previewWatcher, &QFutureWatcher<ImportPreview>::finished, this, &ImportWizard::finishPreview);
    if (!file.isEmpty())
        setFilePath(file);
}

ImportWizard::~ImportWizard()
{
    // Hidden while whole: hiding moves the focus, and a path field losing it calls setFilePath(),
    // which must not run from ~QDialog() when this class's members are gone.
    hide();
    // The jobs hold nothing of the wizard; a running import must not outlive the wish to import.
    if (m_importJob)
        m_importJob->cancel();
    if (m_checkJob)
        m_checkJob->cancel();
    m_previewWatcher->disconnect(this);
}

void ImportWizard::setFilePath(const QString &path)
{
    if (path == m_path && (isPreviewLoading() || !m_preview.path.isEmpty()))
        return;
    m_path = path;
    m_kindChosen = false;
    m_choices.clear();
    m_preview = ImportPreview();
    m_preview.path = path;
    invalidateCheck();
    if (path.isEmpty()) {
        m_preview.error = tr("Choose a file to import.");
        remap();
        Q_EMIT previewChanged();
        return;
    }
    m_preview.error = tr("Reading %1…").arg(QFileInfo(path).fileName());
    m_previewWatcher->setFuture(QtConcurrent::run([path] { return ImportPreview::read(path, PreviewRows); }));
    remap();
    Q_EMIT previewChanged();
}

bool ImportWizard::isPreviewLoading() const
{
    return m_previewWatcher->isRunning();
}

void ImportWizard::finishPreview()
{
    ImportPreview preview = m_previewWatcher->result();
    if (preview.path != m_path)
        return; // the user chose another file meanwhile
    m_preview = std::move(preview);
    if (!m_kindChosen && m_preview.isValid()) {
        const ImportKind guessed = ImportMapping::guessKind(m_preview.header);
        if (guessed != m_kind) {
            m_kind = guessed;
            Q_EMIT kindChanged();
        }
    }
    remap();
    Q_EMIT previewChanged();
}

void ImportWizard::setKind(ImportKind kind)
{
    m_kindChosen = true;
    if (kind == m_kind)
        return;
    m_kind = kind;
    m_choices.clear();
    remap();
    invalidateCheck();
    Q_EMIT kindChanged();
}

void ImportWizard::setColumnField(int column, const QString &field)
{
    if (column < 0 || column >= m_preview.header.size())
        return;
    const QString name = m_preview.header.at(column);
    if (!field.isEmpty() && field != QLatin1String(ImportOptions::IgnoreColumn)) {
        // A field comes from one column: the one chosen last.
        for (auto it = m_choices.begin(); it != m_choices.end();) {
            if (it.value() == field && it.key() != name)
                it = m_choices.erase(it);
            else
                ++it;
        }
    }
    m_choices.insert(name, field);
    remap();
    invalidateCheck();
}

void ImportWizard::remap()
{
    QHash<QString, QString> columnMap;
    for (auto it = m_choices.cbegin(); it != m_choices.cend(); ++it) {
        if (!it.value().isEmpty())
            columnMap.insert(it.key(), it.value());
    }
    m_mapping
        = ImportMapping::resolve(m_kind, m_preview.isValid() ? m_preview.header : QStringList(), columnMap);
    Q_EMIT mappingChanged();
}

ImportOptions ImportWizard::importOptions() const
{
    ImportOptions options;
    options.kind = m_kind;
    options.path = m_path;
    options.columnMap = m_mapping.columnMap();
    options.skipBad = m_skipBad;
    options.rejectsPath = m_skipBad ? m_rejectsPath : QString();
    options.createMissing = m_kind == ImportKind::Events && m_createMissing;
    options.allowFuture = m_kind == ImportKind::Events && m_allowFuture;
    options.defaultEventType = m_defaultEventType;
    return options;
}

void ImportWizard::setSkipBad(bool skip)
{
    if (skip == m_skipBad)
        return;
    m_skipBad = skip;
    invalidateCheck();
}

void ImportWizard::setRejectsPath(const QString &path)
{
    if (path == m_rejectsPath)
        return;
    m_rejectsPath = path;
    invalidateCheck();
}

void ImportWizard::setCreateMissing(bool create)
{
    if (create == m_createMissing)
        return;
    m_createMissing = create;
    invalidateCheck();
}

void ImportWizard::setAllowFuture(bool allow)
{
    if (allow == m_allowFuture)
        return;
    m_allowFuture = allow;
    invalidateCheck();
}

void ImportWizard::setDefaultEventType(const QString &type)
{
    if (type == m_defaultEventType)
        return;
    m_defaultEventType = type;
    invalidateCheck();
}

QString ImportWizard::commandLine() const
{
    const ImportOptions options = importOptions();
    QStringList words {QStringLiteral("vitrine-cli"), QStringLiteral("--db"), shellQuoted(m_session->path()),
        QStringLiteral("import"), importKindName(options.kind), shellQuoted(options.path)};
    QStringList sources = options.columnMap.keys();
    sources.sort();
    for (const QString &source : std::as_const(sources))
        words << QStringLiteral("--map")
              << shellQuoted(source + QLatin1Char('=') + options.columnMap.value(source));
    if (options.skipBad)
        words << QStringLiteral("--skip-bad");
    if (!options.rejectsPath.isEmpty())
        words << QStringLiteral("--rejects") << shellQuoted(options.rejectsPath);
    if (options.createMissing)
        words << QStringLiteral("--create-missing");
    if (options.allowFuture)
        words << QStringLiteral("--allow-future");
    if (options.kind == ImportKind::Events && options.defaultEventType != QLatin1String("view"))
        words << QStringLiteral("--type") << shellQuoted(options.defaultEventType);
    return words.join(QLatin1Char(' '));
}

void ImportWizard::invalidateCheck()
{
    dropCheck();
    Q_EMIT optionsChanged();
}

void ImportWizard::dropCheck()
{
    if (m_checkJob)
        m_checkJob->cancel();
    m_checkJob = nullptr;
    ++m_checkGeneration;
    m_checkReport.reset();
}

bool ImportWizard::isChecking() const
{
    return m_checkJob != nullptr;
}

bool ImportWizard::isImporting() const
{
    return m_importJob != nullptr;
}

Job *ImportWizard::importJob() const
{
    return m_importJob;
}

void ImportWizard::startCheck()
{
    dropCheck();
    const int generation = m_checkGeneration;
    ImportOptions options = importOptions();
    options.dryRun = true;
    options.maxProblems = CheckedProblems;
    const QString catalog = m_session->path();
    m_checkJob = m_session->jobs()->run(
        tr("Checking %1").arg(QFileInfo(m_path).fileName()), this,
        [catalog, options](const Progress &progress) {
            Database db;
            ImportReport report;
            if (!db.open(catalog, Database::OpenMode::ReadOnly, &report.error))
                return report;
            return Importer().run(db, options, progress);
        },
        [this, generation](ImportReport report) {
            if (generation != m_checkGeneration)
                return; // the options changed since: a newer check is coming
            m_checkJob = nullptr;
            m_checkReport = std::move(report);
            Q_EMIT checkFinished();
        });
    Q_EMIT checkStarted();
}

void ImportWizard::startImport()
{
    if (m_importJob)
        return;
    m_importReport.reset();
    dropCheck(); // the file may change before the next import: check it again then
    const ImportOptions options = importOptions();
    const QString catalog = m_session->path();
    // The report is handed over on finished(), which comes also when the import was cancelled.
    // A job stopped while it waited for a thread never runs: its report says so.
    auto result = std::make_shared<ImportReport>();
    result->cancelled = true;
    m_importJob = m_session->jobs()->start(tr("Importing %1").arg(QFileInfo(m_path).fileName()),
        [catalog, options, result](Job &job) -> JobRunner::Finish {
            Database db;
            ImportReport report;
            if (db.open(catalog, Database::OpenMode::ReadWrite, &report.error))
                report = Importer().run(db, options, job.progress());
            *result = std::move(report);
            return {};
        });
    Job *job = m_importJob;
    connect(m_importJob, &Job::finished, this, [this, result, job] {
        if (result->cancelled && !job->isCancelled()) {
            // Neither run nor stopped: the work threw.
            result->cancelled = false;
            result->error = tr("the import stopped unexpectedly; nothing was written");
        }
        finishImport(std::move(*result));
    });
    Q_EMIT importStarted();
}

void ImportWizard::cancelImport()
{
    if (m_importJob)
        m_importJob->cancel();
}

void ImportWizard::finishImport(ImportReport report)
{
    m_importJob = nullptr;
    if (!report.ok && !report.cancelled && report.error.isEmpty())
        report.error = tr("the import failed; nothing was written");
    m_importReport = std::move(report);
    if (m_importReport->written) {
        m_session->checkForChanges();
        Q_EMIT imported(*m_importReport);
    }
    Q_EMIT importFinished();
}

void ImportWizard::done(int result)
{
    // Closing the wizard (Cancel, Escape, the window's close button) stops an import.
    if (m_importJob)
        m_importJob->cancel();
    if (m_checkJob)
        m_checkJob->cancel();
    QWizard::done(result);
}

} // namespace Vitrine
