// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bannerdefinition.h"
#include "common/progress.h"
#include "engine/snapshot.h"
#include "layoutdefinition.h"
#include "pagerequest.h"
#include "resolvedpage.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace Vitrine {

class AudienceCache;
class CategoryNavigation;
class Database;
class ModelStore;
class Recommender;

/**
 * The one core call that answers "what does this person see on this layout, and why":
 * resolve() picks the layout's variant (the first segment of the priority list the person
 * belongs to that has one, else the default), then fills the blocks in page order — slots
 * through Recommender with the items already placed passed on for page dedupe, banner groups,
 * category navigation — and returns a ResolvedPage value. The GUI preview, `vitrine-cli
 * preview` and the e-mail export all call it.
 *
 * Built by EngineSession (the one way to open a catalog at a time), which keeps the model
 * store and the connection alive as long as the resolver. Thread-safe after construction:
 * resolve() may run on several threads at once.
 */
class PageResolver
{
public:
    PageResolver(std::shared_ptr<Recommender> recommender, std::shared_ptr<AudienceCache> audience);
    ~PageResolver();

    /** Reads the catalog's layouts and banners; broken ones are left out and listed in problems(). */
    bool loadConfig(Database &db, QString *error);
    void setLayout(const LayoutDefinition &layout);
    void setBanner(const BannerDefinition &banner);

    const SnapshotPtr &snapshot() const;
    Recommender &recommender() const { return *m_recommender; }
    const std::shared_ptr<AudienceCache> &audience() const { return m_audience; }
    const QStringList &problems() const { return m_problems; }
    QStringList layoutKeys() const;
    /** A copy of a stored layout (a concurrent setLayout() cannot pull it away); none when unknown. */
    std::optional<LayoutDefinition> layout(const QString &key) const;
    std::vector<BannerDefinition> banners(const QString &group) const;

    ResolvedPage resolve(const QString &layoutKey, const PageRequest &request) const;
    ResolvedPage resolve(const LayoutDefinition &layout, const PageRequest &request) const;

    /**
     * Does up front what the first resolve() would do lazily: trains the layout's slots and
     * evaluates its segments and banner rules, so a batch's timings and threads are even.
     */
    bool prepare(const LayoutDefinition &layout, QString *error, const Progress &progress = {}) const;

    /** The time schedules are judged at: the request's asOf when set, else the snapshot's. */
    qint64 timeOf(const PageRequest &request) const;

private:
    void resolveSlot(const LayoutBlock &block, const PageRequest &request, std::vector<int> &onPage,
        ResolvedBlock &out) const;
    void resolveBanners(
        const LayoutBlock &block, const PageRequest &request, qint64 time, ResolvedBlock &out) const;
    void resolveCategories(const LayoutBlock &block, const PageRequest &request, ResolvedBlock &out) const;
    std::shared_ptr<const CategoryNavigation> navigation(const LayoutBlock &block) const;
    void chooseVariant(const LayoutDefinition &layout, const PageRequest &request, ResolvedPage &page,
        const LayoutVariant *&variant) const;

    std::shared_ptr<Recommender> m_recommender;
    std::shared_ptr<AudienceCache> m_audience;
    QHash<QString, LayoutDefinition> m_layouts;
    QHash<QString, std::vector<BannerDefinition>> m_banners; ///< by group, best first
    QStringList m_problems;
    mutable std::mutex m_mutex;
    mutable QHash<QString, std::shared_ptr<const CategoryNavigation>> m_navigations;
};

} // namespace Vitrine
