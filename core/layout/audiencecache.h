// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audience/personfeatures.h"
#include "audience/personset.h"
#include "audience/segmentexplanation.h"
#include "audience/segmentlibrary.h"
#include "audience/segmentpriority.h"
#include "common/progress.h"

#include <QHash>
#include <QString>

#include <memory>
#include <mutex>

namespace Vitrine {

class Database;
class SegmentEvaluator;
class SegmentRule;

/**
 * Segment membership for page resolution and e-mails: every segment or banner rule is evaluated
 * once over all people (SegmentEvaluator), then asking whether a person belongs is a bit test.
 * Thread-safe: evaluations run under a lock and the sets are shared read-only, so resolving pages
 * on several threads is safe; prepare() evaluates everything up front for a batch.
 */
class AudienceCache
{
public:
    AudienceCache(PersonFeaturesPtr features, SegmentLibrary library, SegmentPriority priority);
    ~AudienceCache();

    /** Features at the snapshot's as_of, the catalog's segments and priority; nullptr and why on failure. */
    static std::shared_ptr<AudienceCache> load(
        Database &db, SnapshotPtr snapshot, QString *error, const Progress &progress = {});

    const PersonFeaturesPtr &features() const { return m_features; }
    const SegmentLibrary &library() const { return m_library; }
    const QStringList &priority() const { return m_priority.order(); }

    /** The members of a stored segment; nullptr and why when it cannot be evaluated. */
    std::shared_ptr<const PersonSet> members(const QString &segment, QString *error) const;
    /** The members of an inline rule, memoised under `key` (a banner's "banner:KEY"). */
    std::shared_ptr<const PersonSet> members(
        const QString &key, const SegmentRule &rule, QString *error) const;
    bool isMember(const QString &segment, int user) const;

    /** Why a person is (not) in a segment or rule; for previews, not for batches. */
    SegmentExplanation explain(const QString &segment, int user) const;
    SegmentExplanation explain(const SegmentRule &rule, int user) const;

    /**
     * The first segment of the priority list that the person belongs to, considering only the
     * segments in `among` (all when empty), then those of `among` that the list does not name,
     * in their order. Empty when none.
     */
    QString firstMatch(int user, const QStringList &among, QString *error) const;

private:
    PersonFeaturesPtr m_features;
    SegmentLibrary m_library;
    SegmentPriority m_priority;
    mutable std::mutex m_mutex;
    std::unique_ptr<SegmentEvaluator> m_evaluator;
    mutable QHash<QString, std::shared_ptr<const PersonSet>> m_sets;
};

} // namespace Vitrine
