// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogsession.h"

#include "draftstore.h"
#include "jobrunner.h"
#include "studiologging.h"

#include "common/parallel.h"
#include "config/configsave.h"
#include "storage/database.h"

#include <QFileInfo>
#include <QThreadPool>
#include <QTimer>
#include <QUndoStack>

namespace Vitrine {

CatalogSession::CatalogSession(QObject *parent)
    : QObject(parent)
{
}

CatalogSession::~CatalogSession()
{
    // Jobs read through their own connections; they finish (cancelled) before the session goes.
    delete m_jobs;
    m_jobs = nullptr;
    releaseInBackground(std::move(m_engine));
}

void CatalogSession::releaseInBackground(EngineSessionPtr engine)
{
    // Freeing a big snapshot (hundreds of MB for ten million events) takes longer than a frame:
    // the last reference is dropped on a worker. Pages that still hold one release it later.
    if (engine)
        computePool()->start([engine = std::move(engine)]() mutable { engine.reset(); });
}

std::unique_ptr<CatalogSession> CatalogSession::open(const QString &path, QString *error, QObject *parent)
{
    const QFileInfo info(path);
    // A catalog the user may not write to is still worth looking at.
    const auto mode
        = info.exists() && !info.isWritable() ? Database::OpenMode::ReadOnly : Database::OpenMode::ReadWrite;
    auto database = std::make_unique<Database>();
    if (!database->open(path, mode, error))
        return nullptr;

    std::unique_ptr<CatalogSession> session(new CatalogSession(parent));
    session->m_path = database->path();
    session->m_database = std::move(database);
    session->m_dataVersion = session->m_database->dataVersion();
    session->m_jobs = new JobRunner(session.get());
    session->m_undoStack = new QUndoStack(session.get());
    const QString recovery
        = session->isReadOnly() ? QString() : DraftStore::recoveryPathFor(session->m_path);
    session->m_drafts = new DraftStore(recovery, session.get());
    // Saved edits are clean; an undo back to the saved state is too.
    connect(session->m_drafts, &DraftStore::modifiedChanged, session.get(), [s = session.get()](bool modified) {
        if (!modified)
            s->m_undoStack->setClean();
    });

    session->m_changePoll = new QTimer(session.get());
    session->m_changePoll->setInterval(ChangePollMs);
    connect(session->m_changePoll, &QTimer::timeout, session.get(), &CatalogSession::checkForChanges);
    session->m_changePoll->start();

    qCInfo(lcSession) << "opened" << session->m_path << (session->isReadOnly() ? "read-only" : "");
    session->reloadStats();
    session->reloadEngine();
    return session;
}

QString CatalogSession::displayName() const
{
    return QFileInfo(m_path).fileName();
}

bool CatalogSession::isReadOnly() const
{
    return m_database->isReadOnly();
}

std::unique_ptr<Database> CatalogSession::openReader(QString *error) const
{
    auto reader = std::make_unique<Database>();
    if (!reader->open(m_path, Database::OpenMode::ReadOnly, error))
        return nullptr;
    return reader;
}

void CatalogSession::setRequestedAsOf(std::optional<qint64> asOf)
{
    if (asOf == m_asOf)
        return;
    m_asOf = asOf;
    reloadEngine();
}

void CatalogSession::reloadEngine()
{
    const int generation = ++m_engineGeneration;
    const QString path = m_path;
    EngineSession::Options options;
    options.asOf = m_asOf;
    struct Loaded
    {
        EngineSessionPtr engine;
        QString error;
    };
    m_jobs->run(
        tr("Reading the catalog"), this,
        [path, options](const Progress &progress) {
            Loaded loaded;
            loaded.engine = EngineSession::open(path, options, &loaded.error, progress);
            return loaded;
        },
        [this, generation](Loaded loaded) {
            if (generation != m_engineGeneration)
                return; // a newer request is on its way: this one is stale
            m_engineLoaded = generation;
            if (!loaded.engine) {
                m_engineError = loaded.error;
                Q_EMIT engineFailed(loaded.error);
                return;
            }
            m_engineError.clear();
            releaseInBackground(std::exchange(m_engine, std::move(loaded.engine)));
            Q_EMIT engineChanged();
        });
}

void CatalogSession::reloadStats()
{
    const int generation = ++m_statsGeneration;
    const QString path = m_path;
    m_jobs->run(
        tr("Counting the catalog"), this,
        [path](const Progress &) -> std::optional<CatalogStats> {
            Database db;
            if (!db.open(path, Database::OpenMode::ReadOnly, nullptr))
                return std::nullopt;
            return CatalogStats::compute(db);
        },
        [this, generation](std::optional<CatalogStats> stats) {
            // Figures that cannot be read now (the file is being replaced) stay as they were.
            if (generation != m_statsGeneration || !stats)
                return;
            m_stats = std::move(stats);
            Q_EMIT statsChanged();
        });
}

bool CatalogSession::hasUnsavedChanges() const
{
    return m_drafts->hasModified();
}

bool CatalogSession::save(QString *error)
{
    const QList<DraftStore::Draft> drafts = m_drafts->modified();
    if (drafts.isEmpty())
        return true;
    if (isReadOnly()) {
        if (error)
            *error = tr("%1 is read-only; nothing was saved").arg(displayName());
        return false;
    }
    QList<ConfigChange> changes;
    QStringList names;
    for (const DraftStore::Draft &draft : drafts) {
        ConfigChange change {draft.id.kind, draft.id.key, draft.definition};
        change.remove = draft.isRemoved;
        changes.append(change);
        names.append(draft.id.toString());
    }
    const ConfigSaveResult result = saveConfigChanges(*m_database, changes);
    if (!result.ok) {
        if (error)
            *error = tr("Nothing was saved: %1").arg(result.error);
        return false;
    }
    m_drafts->markSaved();
    m_drafts->writeRecovery();
    m_undoStack->setClean();
    qCInfo(lcSession) << "saved" << names;
    m_dataVersion = m_database->dataVersion();
    Q_EMIT saved(names);
    Q_EMIT catalogChanged();
    reloadEngine();
    return true;
}

void CatalogSession::discardChanges()
{
    m_undoStack->clear();
    m_drafts->clear();
    m_drafts->writeRecovery();
}

void CatalogSession::checkForChanges()
{
    const qint64 version = m_database->dataVersion();
    if (version == m_dataVersion)
        return;
    m_dataVersion = version;
    qCInfo(lcSession) << "the catalog was changed by another program";
    Q_EMIT catalogChanged();
    reloadStats();
    reloadEngine();
}

} // namespace Vitrine
