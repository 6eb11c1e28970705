// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalogstats.h"
#include "session/enginesession.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QTimer;
class QUndoStack;

namespace Vitrine {

class Database;
class DraftStore;
class JobRunner;

/**
 * Everything the studio holds for one open catalog, passed to each workspace's constructor
 * (there are no singletons): the catalog's connection, its figures, the engine (the core's
 * EngineSession: snapshot, models, slots, audience, pages) at the studio's time, one undo stack
 * for every configuration edit, the drafts, and the job runner for long work.
 *
 * Nothing here queries the catalog on the UI thread but the configuration save and the
 * one-second PRAGMA data_version poll: figures and the engine are read off it, and are
 * read again when another program (vitrine-cli, an import) changed the catalog.
 */
class CatalogSession : public QObject
{
    Q_OBJECT

public:
    /**
     * Opens the catalog at @p path: read-write when the file may be written, else read-only.
     * Starts reading the figures and the engine in the background. nullptr and why on failure.
     */
    static std::unique_ptr<CatalogSession> open(const QString &path, QString *error, QObject *parent = nullptr);
    ~CatalogSession() override;

    QString path() const { return m_path; }
    /** The file name without folder ("shop.vitrine"). */
    QString displayName() const;
    bool isReadOnly() const;

    /** The UI thread's connection: configuration saves and tiny reads only. */
    Database &database() const { return *m_database; }
    /** A new read-only connection to the catalog, for a worker thread; nullptr and why. */
    std::unique_ptr<Database> openReader(QString *error = nullptr) const;

    JobRunner *jobs() const { return m_jobs; }
    QUndoStack *undoStack() const { return m_undoStack; }
    DraftStore *drafts() const { return m_drafts; }

    /** The catalog's figures; none until they were first read. */
    const std::optional<CatalogStats> &stats() const { return m_stats; }

    /** The engine at asOf(); nullptr until it was first read (engineChanged() says when). */
    EngineSessionPtr engine() const { return m_engine; }
    bool isEngineLoading() const { return m_engineGeneration != m_engineLoaded; }
    /** Why the engine could not be read, empty when it could. */
    QString engineError() const { return m_engineError; }
    /** The studio's clock: none means the catalog's own (its last event, never later than now). */
    std::optional<qint64> requestedAsOf() const { return m_asOf; }
    void setRequestedAsOf(std::optional<qint64> asOf);
    /** Reads the engine again in the background; a newer request wins over one still running. */
    void reloadEngine();
    /** Reads the figures again in the background. */
    void reloadStats();

    /** Whether there are unsaved configuration edits. */
    bool hasUnsavedChanges() const;
    /**
     * Saves every modified draft, all or nothing, one new version each (History shows them).
     * On failure says which object and where, and keeps the drafts.
     */
    bool save(QString *error);
    /** Drops every unsaved edit and the undo history. */
    void discardChanges();

    /** How often the session looks for changes made by other programs. */
    static constexpr int ChangePollMs = 1000;
    /** Reads figures and engine again if another connection changed the catalog. */
    void checkForChanges();

Q_SIGNALS:
    void statsChanged();
    /** A new engine is ready (another time, another catalog content, a save). */
    void engineChanged();
    void engineFailed(const QString &message);
    /** Another program, an import or a save changed the catalog. */
    void catalogChanged();
    /** Drafts were saved as these objects ("slots.home-for-you"). */
    void saved(const QStringList &objects);

private:
    explicit CatalogSession(QObject *parent);
    static void releaseInBackground(EngineSessionPtr engine);

    QString m_path;
    std::unique_ptr<Database> m_database;
    JobRunner *m_jobs = nullptr;
    QUndoStack *m_undoStack = nullptr;
    DraftStore *m_drafts = nullptr;
    QTimer *m_changePoll = nullptr;
    qint64 m_dataVersion = 0;

    std::optional<CatalogStats> m_stats;
    int m_statsGeneration = 0;

    EngineSessionPtr m_engine;
    QString m_engineError;
    std::optional<qint64> m_asOf;
    int m_engineGeneration = 0;
    int m_engineLoaded = 0;
};

} // namespace Vitrine
