// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginesession.h"

#include "engine/modelstore.h"
#include "engine/recommender.h"
#include "engine/recommendrequest.h"
#include "engine/slotdefinition.h"
#include "engine/slotpipeline.h"
#include "layout/audiencecache.h"
#include "layout/layoutdefinition.h"
#include "layout/pagerequest.h"
#include "layout/pageresolver.h"
#include "storage/database.h"

#include <QCoreApplication>

namespace Vitrine {

EngineSession::~EngineSession()
{
    // The resolver and the audience read through the recommender and the model store: let them
    // go first, the connection last.
    m_pages.reset();
    m_audience.reset();
    m_recommender.reset();
    m_store.reset();
    m_snapshot.reset();
}

std::shared_ptr<EngineSession> EngineSession::open(
    Database &db, const Options &options, QString *error, const Progress &progress)
{
    return build(nullptr, db, options, error, progress);
}

std::shared_ptr<EngineSession> EngineSession::open(
    const QString &path, const Options &options, QString *error, const Progress &progress)
{
    auto db = std::make_unique<Database>();
    if (!db->open(path, options.writableModels ? Database::OpenMode::ReadWrite : Database::OpenMode::ReadOnly, error))
        return nullptr;
    Database &ref = *db;
    return build(std::move(db), ref, options, error, progress);
}

std::shared_ptr<EngineSession> EngineSession::build(std::unique_ptr<Database> owned, Database &db,
    const Options &options, QString *error, const Progress &progress)
{
    std::shared_ptr<EngineSession> session(new EngineSession);
    session->m_ownedDb = std::move(owned);
    session->m_db = &db;

    SnapshotOptions snapshotOptions;
    snapshotOptions.asOf = options.asOf;
    session->m_snapshot = Snapshot::load(db, snapshotOptions, error, progress);
    if (!session->m_snapshot)
        return nullptr;
    if (progress.isCancelled()) {
        if (error)
            *error = QCoreApplication::translate("Vitrine::EngineSession", "cancelled");
        return nullptr;
    }
    session->m_recommender = std::make_shared<Recommender>(session->m_snapshot);
    session->m_store = std::make_unique<ModelStore>(db, options.writableModels && !db.isReadOnly());
    session->m_recommender->models().setStore(session->m_store.get());
    if (!session->m_recommender->loadSlots(db, &session->m_problems, error))
        return nullptr;
    return session;
}

qint64 EngineSession::asOf() const
{
    return m_snapshot->asOf();
}

std::shared_ptr<AudienceCache> EngineSession::audience(QString *error, const Progress &progress) const
{
    std::lock_guard lock(m_mutex);
    if (!m_audience)
        m_audience = AudienceCache::load(*m_db, m_snapshot, error, progress);
    return m_audience;
}

std::shared_ptr<const PageResolver> EngineSession::pages(QString *error, const Progress &progress) const
{
    std::shared_ptr<AudienceCache> people = audience(error, progress);
    if (!people)
        return nullptr;
    std::lock_guard lock(m_mutex);
    if (!m_pages) {
        auto resolver = std::make_shared<PageResolver>(m_recommender, people);
        if (!resolver->loadConfig(*m_db, error))
            return nullptr;
        m_pages = std::move(resolver);
    }
    return m_pages;
}

QStringList EngineSession::problems() const
{
    QStringList all = m_problems;
    std::lock_guard lock(m_mutex);
    if (m_pages)
        all += m_pages->problems();
    return all;
}

SlotResult EngineSession::recommend(
    const QString &slotKey, RecommendRequest request, int whyNotItem, const Progress &progress) const
{
    request.asOf = asOf();
    return m_recommender->recommend(slotKey, request, whyNotItem, progress);
}

SlotResult EngineSession::recommend(
    const SlotDefinition &draft, RecommendRequest request, int whyNotItem, const Progress &progress) const
{
    request.asOf = asOf();
    return m_recommender->recommend(draft, request, whyNotItem, progress);
}

ResolvedPage EngineSession::resolve(const QString &layoutKey, const PageRequest &request) const
{
    QString error;
    const auto resolver = pages(&error);
    if (!resolver) {
        ResolvedPage page;
        page.layout = layoutKey;
        page.error = error;
        return page;
    }
    return resolver->resolve(layoutKey, request);
}

ResolvedPage EngineSession::resolve(const LayoutDefinition &draft, const PageRequest &request) const
{
    QString error;
    const auto resolver = pages(&error);
    if (!resolver) {
        ResolvedPage page;
        page.layout = draft.key;
        page.error = error;
        return page;
    }
    return resolver->resolve(draft, request);
}

} // namespace Vitrine
