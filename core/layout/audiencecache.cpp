// SPDX-License-Identifier: GPL-3.0-or-later
#include "audiencecache.h"

#include "audience/segmentevaluator.h"
#include "audience/segmentrule.h"
#include "common/logging.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::AudienceCache)
};

} // namespace

AudienceCache::AudienceCache(PersonFeaturesPtr features, SegmentLibrary library, SegmentPriority priority)
    : m_features(std::move(features))
    , m_library(std::move(library))
    , m_priority(std::move(priority))
    , m_evaluator(std::make_unique<SegmentEvaluator>(m_features, &m_library))
{ }

AudienceCache::~AudienceCache() = default;

std::shared_ptr<AudienceCache> AudienceCache::load(
    Database &db, SnapshotPtr snapshot, QString *error, const Progress &progress)
{
    SegmentLibrary library = SegmentLibrary::load(db, error);
    const std::optional<SegmentPriority> priority = SegmentPriority::load(db, error);
    if (!priority)
        return nullptr;
    QElapsedTimer timer;
    timer.start();
    PersonFeaturesPtr features = PersonFeatures::compute(std::move(snapshot), {}, progress);
    if (!features) {
        if (error)
            *error = Tr::tr("cancelled");
        return nullptr;
    }
    qCInfo(lcLayout, "audience cache: %d segments, person features in %lld ms", library.size(),
        timer.elapsed());
    return std::make_shared<AudienceCache>(std::move(features), std::move(library), *priority);
}

std::shared_ptr<const PersonSet> AudienceCache::members(const QString &segment, QString *error) const
{
    const QString key = QStringLiteral("segment:") + segment;
    std::lock_guard lock(m_mutex);
    if (const auto it = m_sets.constFind(key); it != m_sets.constEnd())
        return it.value();
    if (!m_library.contains(segment)) {
        if (error)
            *error = Tr::tr("no segment named '%1'").arg(segment);
        return nullptr;
    }
    QElapsedTimer timer;
    timer.start();
    SegmentMembers result = m_evaluator->evaluate(segment);
    if (!result.ok) {
        if (error)
            *error = Tr::tr("segment '%1': %2").arg(segment, result.error);
        return nullptr;
    }
    qCDebug(lcAudience, "segment %s: %lld members in %lld ms", qUtf8Printable(segment),
        qint64(result.members.count()), timer.elapsed());
    auto set = std::make_shared<const PersonSet>(std::move(result.members));
    m_sets.insert(key, set);
    return set;
}

std::shared_ptr<const PersonSet> AudienceCache::members(
    const QString &key, const SegmentRule &rule, QString *error) const
{
    const QString memoKey = QStringLiteral("rule:") + key;
    std::lock_guard lock(m_mutex);
    if (const auto it = m_sets.constFind(memoKey); it != m_sets.constEnd())
        return it.value();
    SegmentMembers result = m_evaluator->evaluate(rule);
    if (!result.ok) {
        if (error)
            *error = Tr::tr("%1: %2").arg(key, result.error);
        return nullptr;
    }
    auto set = std::make_shared<const PersonSet>(std::move(result.members));
    m_sets.insert(memoKey, set);
    return set;
}

bool AudienceCache::isMember(const QString &segment, int user) const
{
    const auto set = members(segment, nullptr);
    return set && user >= 0 && user < set->size() && set->contains(user);
}

SegmentExplanation AudienceCache::explain(const QString &segment, int user) const
{
    std::lock_guard lock(m_mutex);
    return m_evaluator->explain(segment, user);
}

SegmentExplanation AudienceCache::explain(const SegmentRule &rule, int user) const
{
    std::lock_guard lock(m_mutex);
    return m_evaluator->explain(rule, user);
}

QString AudienceCache::firstMatch(int user, const QStringList &among, QString *error) const
{
    if (user < 0)
        return {};
    QStringList order;
    for (const QString &name : m_priority.order()) {
        if (among.isEmpty() || among.contains(name))
            order.append(name);
    }
    for (const QString &name : among) {
        if (!order.contains(name))
            order.append(name);
    }
    for (const QString &name : std::as_const(order)) {
        const auto set = members(name, error);
        if (!set)
            return {};
        if (set->contains(user))
            return name;
    }
    return {};
}

} // namespace Vitrine
