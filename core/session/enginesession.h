// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"
#include "engine/slotresult.h"
#include "engine/snapshot.h"
#include "layout/resolvedpage.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>
#include <optional>

namespace Vitrine {

class AudienceCache;
class Database;
class LayoutDefinition;
class PageResolver;
class Recommender;
class SlotDefinition;
struct PageRequest;
struct RecommendRequest;

/**
 * One catalog opened as of one time T: the snapshot (events up to T), the trained models, the
 * recommender with the catalog's slots, the audience (features at T, segments, priority) and
 * the page resolver with the catalog's layouts and banners.
 *
 * This is the single way to ask the engine a question. `vitrine-cli recommend`, `preview`,
 * `segment …` and `email …`, the studio's previews and the batch exports all open one, so they
 * agree by construction.
 *
 * **One clock.** asOf() is the time everything is judged at: which events count, decay, item
 * conditions ("new within 30 days"), banner schedules and campaign windows. It is the `asOf`
 * asked for, else the time of the catalog's last event, never later than the present.
 *
 * **Drafts.** recommend() and resolve() take a definition as well as a stored key, so an
 * editor previews its unsaved draft through the very code that serves the saved one.
 *
 * Thread-safe: every const member may be called from several threads at once. The audience and
 * the page resolver are built on first use (a segment count does not train models, a
 * recommendation does not compute person features).
 */
class EngineSession
{
public:
    struct Options
    {
        /** Only events up to this time count, and schedules are judged at it; none: see asOf(). */
        std::optional<qint64> asOf;
        /** Whether trained models may be written back to the catalog's cache. */
        bool writableModels = false;
    };

    ~EngineSession();
    EngineSession(const EngineSession &) = delete;
    EngineSession &operator=(const EngineSession &) = delete;

    /**
     * Opens the session over @p db, which must outlive it (the CLI's case: it opened the
     * catalog and reports its errors itself). Reads the snapshot and the configuration;
     * nullptr and why on failure or when cancelled.
     */
    static std::shared_ptr<EngineSession> open(
        Database &db, const Options &options, QString *error, const Progress &progress = {});
    /**
     * Opens the session on a read-only connection of its own to the catalog at @p path (the
     * studio's case: sessions are built and used on worker threads).
     */
    static std::shared_ptr<EngineSession> open(
        const QString &path, const Options &options, QString *error, const Progress &progress = {});

    /** The one time of this session (Unix seconds). */
    qint64 asOf() const;
    const SnapshotPtr &snapshot() const { return m_snapshot; }
    Database &database() const { return *m_db; }

    /** The recommender with the catalog's slots; models are shared by all slots and drafts. */
    Recommender &recommender() const { return *m_recommender; }
    /**
     * Person features at asOf(), the stored segments and their priority: computed on first call
     * (seconds on a million people). nullptr and why when they cannot be read.
     */
    std::shared_ptr<AudienceCache> audience(QString *error = nullptr, const Progress &progress = {}) const;
    /** The page resolver (builds the audience first); nullptr and why when it cannot. */
    std::shared_ptr<const PageResolver> pages(QString *error = nullptr, const Progress &progress = {}) const;

    /** Configuration objects that could not be read ("slot 'x': …"); the others still work. */
    QStringList problems() const;

    /** A stored slot for a request; the request's asOf is set to asOf(). */
    SlotResult recommend(const QString &slotKey, RecommendRequest request, int whyNotItem = -1,
        const Progress &progress = {}) const;
    /** An unsaved slot definition (a draft) for a request, through the same pipeline. */
    SlotResult recommend(const SlotDefinition &draft, RecommendRequest request, int whyNotItem = -1,
        const Progress &progress = {}) const;

    /** A stored layout for a person. */
    ResolvedPage resolve(const QString &layoutKey, const PageRequest &request) const;
    /** An unsaved layout definition (a draft) for a person. */
    ResolvedPage resolve(const LayoutDefinition &draft, const PageRequest &request) const;

private:
    EngineSession() = default;
    static std::shared_ptr<EngineSession> build(std::unique_ptr<Database> owned, Database &db,
        const Options &options, QString *error, const Progress &progress);

    std::unique_ptr<Database> m_ownedDb;
    Database *m_db = nullptr;
    SnapshotPtr m_snapshot;
    std::shared_ptr<Recommender> m_recommender;
    std::unique_ptr<class ModelStore> m_store;
    QStringList m_problems;

    mutable std::mutex m_mutex; ///< guards the lazily built members below
    mutable std::shared_ptr<AudienceCache> m_audience;
    mutable std::shared_ptr<PageResolver> m_pages;
};

using EngineSessionPtr = std::shared_ptr<const EngineSession>;

} // namespace Vitrine
