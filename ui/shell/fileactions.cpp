// SPDX-License-Identifier: GPL-3.0-or-later
#include "fileactions.h"

#include "mainwindow.h"
#include "studiosettings.h"

#include "session/catalogsession.h"
#include "session/jobrunner.h"

#include "demo/democatalogfile.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "storage/exporter.h"
#include "storage/importer.h"

#include "importer/importwizard.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QStatusBar>
#include <QVBoxLayout>

namespace Vitrine {

FileActions::FileActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
}

FileActions::~FileActions() = default;

void FileActions::newCatalog()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("New Catalog"),
        QFileInfo(Database::defaultPath()).absolutePath(), tr("Vitrine catalogs (*.vitrine)"));
    if (path.isEmpty())
        return;
    const QString file = path.endsWith(QLatin1String(".vitrine")) ? path : path + QStringLiteral(".vitrine");
    if (!m_window->closeCatalog())
        return;
    QString error;
    {
        Database db;
        if (!db.open(file, Database::OpenMode::Create, &error)) {
            QMessageBox::warning(m_window, tr("Cannot Create Catalog"), error);
            return;
        }
    }
    if (!m_window->openCatalog(file, &error))
        QMessageBox::warning(m_window, tr("Cannot Open Catalog"), error);
}

void FileActions::createDemoCatalog(const QString &requestedPath)
{
    const QString path = requestedPath.isEmpty() ? Database::defaultPath() : requestedPath;
    if (QFileInfo::exists(path)) {
        // Already made (by `make run`, or an earlier start): open it rather than replace it.
        m_window->openCatalogOrWarn(path);
        return;
    }
    Q_EMIT demoProgress(tr("Creating the demo catalog…"), -1);
    Job *job = m_window->jobs()->run(
        tr("Creating the demo catalog"), this,
        [path](const Progress &progress) { return createDemoCatalogFile(path, DemoOptions(), false, progress); },
        [this, path](const DemoResult &result) {
            Q_EMIT demoFinished(result.ok);
            if (!result.ok) {
                QMessageBox::warning(m_window, tr("Cannot Create the Demo Catalog"), result.error);
                return;
            }
            m_window->openCatalogOrWarn(path);
        });
    connect(job, &Job::progressChanged, this, [this, job] { Q_EMIT demoProgress(job->stage(), job->fraction()); });
    connect(job, &Job::finished, this, [this, job] {
        if (job->isCancelled())
            Q_EMIT demoFinished(false);
    });
}

void FileActions::importFile(const QString &file)
{
    if (!m_window->session()) {
        // Importing needs a catalog to import into: a new one, named by the user.
        const QString path = QFileDialog::getSaveFileName(m_window, tr("New Catalog for the Import"),
            QFileInfo(Database::defaultPath()).absolutePath(), tr("Vitrine catalogs (*.vitrine)"));
        if (path.isEmpty())
            return;
        const QString catalog = path.endsWith(QLatin1String(".vitrine")) ? path : path + QStringLiteral(".vitrine");
        QString error;
        {
            Database db;
            if (!db.open(catalog, Database::OpenMode::Create, &error)) {
                QMessageBox::warning(m_window, tr("Cannot Create Catalog"), error);
                return;
            }
        }
        if (!m_window->openCatalog(catalog, &error)) {
            QMessageBox::warning(m_window, tr("Cannot Open Catalog"), error);
            return;
        }
    }
    auto *wizard = new ImportWizard(m_window->session(), file, m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->open();
}

void FileActions::exportTable(const QString &kindName)
{
    CatalogSession *session = m_window->session();
    const std::optional<ImportKind> kind = importKindFromName(kindName);
    if (!session || !kind)
        return;
    const QString suggested = QDir(QFileInfo(session->path()).absolutePath())
                                  .filePath(QFileInfo(session->path()).completeBaseName() + QLatin1Char('-') + kindName
                                      + QStringLiteral(".csv"));
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export"), suggested, tr("CSV files (*.csv);;JSON files (*.json)"));
    if (path.isEmpty())
        return;
    const QString catalog = session->path();
    session->jobs()->run(
        tr("Exporting %1").arg(QFileInfo(path).fileName()), m_window,
        [catalog, kind, path](const Progress &progress) {
            Database db;
            ExportReport report;
            if (!db.open(catalog, Database::OpenMode::ReadOnly, &report.error))
                return report;
            return Exporter().run(db, *kind, path, progress);
        },
        [this, path](const ExportReport &report) {
            if (!report.ok) {
                if (!report.cancelled)
                    QMessageBox::warning(m_window, tr("Cannot Export"), report.error);
                return;
            }
            m_window->statusBar()->showMessage(
                tr("Exported %n row(s) to %1", nullptr, int(report.rows)).arg(QDir::toNativeSeparators(path)), 6000);
        });
}

void FileActions::backUp()
{
    CatalogSession *session = m_window->session();
    if (!session)
        return;
    const QString suggested = QFileInfo(session->path()).absolutePath() + QLatin1Char('/')
        + QFileInfo(session->path()).completeBaseName() + QStringLiteral("-backup.vitrine");
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Back Up Catalog"), suggested, tr("Vitrine catalogs (*.vitrine)"));
    if (path.isEmpty())
        return;
    const QString catalog = session->path();
    session->jobs()->run(
        tr("Backing up to %1").arg(QFileInfo(path).fileName()), m_window,
        [catalog, path](const Progress &progress) {
            Database db;
            BackupReport report;
            if (!db.open(catalog, Database::OpenMode::ReadOnly, &report.error))
                return report;
            return CatalogBackup(db).run(path, progress);
        },
        [this](const BackupReport &report) {
            if (!report.ok) {
                if (!report.cancelled)
                    QMessageBox::warning(m_window, tr("Cannot Back Up"), report.error);
                return;
            }
            m_window->statusBar()->showMessage(
                tr("Backed up to %1 (%2)")
                    .arg(QDir::toNativeSeparators(report.path), QLocale().formattedDataSize(report.bytes)),
                6000);
        });
}

void FileActions::showCommandLineReference()
{
    auto *dialog = new QDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("commandLineReference"));
    dialog->setWindowTitle(tr("Command-Line Reference"));
    auto *text = new QPlainTextEdit(dialog);
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setPlainText(tr("Reading vitrine-cli --help…"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog->resize(760, 560);

    // The reference is the program's own help, so it is never out of date.
    auto *process = new QProcess(dialog);
    const QString cli = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("vitrine-cli"));
    connect(process, &QProcess::finished, dialog, [process, text] {
        const QString help = QString::fromUtf8(process->readAllStandardOutput());
        text->setPlainText(help.isEmpty() ? tr("vitrine-cli could not be run.") : help);
    });
    connect(process, &QProcess::errorOccurred, dialog, [text, cli](QProcess::ProcessError) {
        text->setPlainText(tr("%1 could not be run; it is installed beside the studio.").arg(cli));
    });
    process->start(cli, {QStringLiteral("--help")});
    dialog->show();
}

} // namespace Vitrine
