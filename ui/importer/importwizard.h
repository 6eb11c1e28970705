// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/importer.h"
#include "storage/importmapping.h"
#include "storage/importpreview.h"

#include <QHash>
#include <QPointer>
#include <QWizard>

template<typename T> class QFutureWatcher;

namespace Vitrine {

class CatalogSession;
class Job;

/**
 * Imports a CSV or JSON file of items, people or events into the open catalog, step by step:
 * the file and what it holds, its first rows with each column's field (editable), the options
 * and a check (the core's dry run, problems by line), the import with progress and cancel, and
 * the report.
 *
 * The import is the very one `vitrine-cli import` runs (Importer with the same options; the
 * mapping is its --map), on the session's job runner: all or nothing, so a failed or cancelled
 * import writes nothing. The wizard may be shown non-modal; closing it during an import cancels
 * the import.
 */
class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        FilePage,
        MappingPage,
        CheckPage,
        RunPage,
        ReportPage
    };

    explicit ImportWizard(CatalogSession *session, const QString &file = {}, QWidget *parent = nullptr);
    ~ImportWizard() override;

    CatalogSession *session() const { return m_session; }

    QString filePath() const { return m_path; }
    /** Reads the file's first rows in the background; previewChanged() says when they are here. */
    void setFilePath(const QString &path);
    /** The file's first rows; invalid (with an error) until read, or when it cannot be read. */
    const ImportPreview &preview() const { return m_preview; }
    bool isPreviewLoading() const;

    ImportKind kind() const { return m_kind; }
    /** Sets what the file holds; by default it is guessed from the columns. */
    void setKind(ImportKind kind);

    /** How each column will be read: by name and alias, and the user's own choices. */
    const ImportMapping &mapping() const { return m_mapping; }
    /** The user's own choices: column name → field, or "" for no field. */
    const QHash<QString, QString> &columnChoices() const { return m_choices; }
    /** Maps @p column to @p field ("title"), or to no field (attribute or ignored) when empty. */
    void setColumnField(int column, const QString &field);

    /** What the import and the check run with; the same as the command line's options. */
    ImportOptions importOptions() const;
    bool skipBad() const { return m_skipBad; }
    void setSkipBad(bool skip);
    QString rejectsPath() const { return m_rejectsPath; }
    void setRejectsPath(const QString &path);
    bool createMissing() const { return m_createMissing; }
    void setCreateMissing(bool create);
    /** Events dated after the import are taken (a plan, a clock that runs ahead), not refused. */
    bool allowFuture() const { return m_allowFuture; }
    void setAllowFuture(bool allow);
    QString defaultEventType() const { return m_defaultEventType; }
    void setDefaultEventType(const QString &type);
    /** The same import as a command line, for the report and for scripts. */
    QString commandLine() const;

    /** Starts the dry run with the current options; a newer check replaces one still running. */
    void startCheck();
    bool isChecking() const;
    /** The last finished check; none since the options last changed. */
    const std::optional<ImportReport> &checkReport() const { return m_checkReport; }

    /** Starts the import (the Import page does when shown). */
    void startImport();
    bool isImporting() const;
    /** Asks a running import to stop; it writes nothing. */
    void cancelImport();
    Job *importJob() const;
    /** The finished import's report, none before it finished. */
    const std::optional<ImportReport> &importReport() const { return m_importReport; }

public Q_SLOTS:
    void done(int result) override;

Q_SIGNALS:
    void previewChanged();
    void kindChanged();
    void mappingChanged();
    /** The options changed, so the last check no longer applies. */
    void optionsChanged();
    void checkStarted();
    void checkFinished();
    void importStarted();
    /** The import ended (written, failed or cancelled); importReport() says how. */
    void importFinished();
    /** Rows were written to the catalog. */
    void imported(const Vitrine::ImportReport &report);

private:
    void finishPreview();
    void remap();
    void invalidateCheck();
    void dropCheck();
    void finishImport(ImportReport report);

    CatalogSession *m_session;
    QString m_path;
    ImportPreview m_preview;
    QFutureWatcher<ImportPreview> *m_previewWatcher;
    ImportKind m_kind = ImportKind::Items;
    bool m_kindChosen = false;
    /** The user's choices: column → field, or an empty field for "no field". */
    QHash<QString, QString> m_choices;
    ImportMapping m_mapping;

    bool m_skipBad = false;
    QString m_rejectsPath;
    bool m_createMissing = false;
    bool m_allowFuture = false;
    QString m_defaultEventType = QStringLiteral("view");

    QPointer<Job> m_checkJob;
    int m_checkGeneration = 0;
    std::optional<ImportReport> m_checkReport;
    QPointer<Job> m_importJob;
    std::optional<ImportReport> m_importReport;
};

} // namespace Vitrine
