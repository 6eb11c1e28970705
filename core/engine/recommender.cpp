// SPDX-License-Identifier: GPL-3.0-or-later
#include "recommender.h"

#include "storage/configstore.h"
#include "storage/database.h"
#include "storage/timestamp.h"

#include <QCoreApplication>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::Recommender)
};

} // namespace

Recommender::Recommender(SnapshotPtr snapshot)
    : m_snapshot(snapshot)
    , m_models(std::move(snapshot))
{
}

bool Recommender::loadSlots(Database &db, QStringList *problems, QString *error)
{
    const QList<ConfigObject> objects = ConfigStore(db).list(QStringLiteral("slots"), error);
    for (const ConfigObject &object : objects) {
        QString message;
        const std::optional<SlotDefinition> definition = SlotDefinition::fromJson(object.key, object.definition, &message);
        if (!definition) {
            if (problems)
                problems->append(Tr::tr("slot '%1': %2").arg(object.key, message));
            continue;
        }
        setSlot(*definition);
    }
    return true;
}

void Recommender::setSlot(const SlotDefinition &definition)
{
    std::lock_guard lock(m_mutex);
    m_slots.insert(definition.key, definition);
    m_pipelines.remove(definition.key);
}

QStringList Recommender::slotKeys() const
{
    std::lock_guard lock(m_mutex);
    QStringList keys = m_slots.keys();
    keys.sort();
    return keys;
}

bool Recommender::hasSlot(const QString &key) const
{
    std::lock_guard lock(m_mutex);
    return m_slots.contains(key);
}

std::optional<SlotDefinition> Recommender::slot(const QString &key) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_slots.constFind(key);
    if (it == m_slots.constEnd())
        return std::nullopt;
    return it.value();
}

std::shared_ptr<const SlotPipeline> Recommender::pipeline(const QString &key, QString *error, const Progress &progress)
{
    SlotDefinition definition;
    {
        std::lock_guard lock(m_mutex);
        if (const auto it = m_pipelines.constFind(key); it != m_pipelines.constEnd())
            return it.value();
        const auto slot = m_slots.constFind(key);
        if (slot == m_slots.constEnd()) {
            if (error) {
                QStringList keys = m_slots.keys();
                keys.sort();
                *error = Tr::tr("no slot named '%1' (slots: %2)").arg(key, keys.join(QStringLiteral(", ")));
            }
            return nullptr;
        }
        definition = slot.value();
    }
    // Built outside the lock: training may take a while, and models are shared through the cache.
    StrategyContext context{m_snapshot, &m_models, progress};
    std::shared_ptr<SlotPipeline> built(SlotPipeline::build(definition, context, error).release());
    if (!built)
        return nullptr;
    std::lock_guard lock(m_mutex);
    // Kept only if the slot was not changed meanwhile; the caller runs what it built either way.
    const auto slot = m_slots.constFind(key);
    if (slot != m_slots.constEnd() && slot.value().toJson() == definition.toJson()) {
        auto it = m_pipelines.constFind(key);
        if (it == m_pipelines.constEnd())
            it = m_pipelines.insert(key, built);
        return it.value();
    }
    return built;
}

SlotResult Recommender::recommend(const QString &slotKey, const RecommendRequest &request, int whyNotItem,
                                  const Progress &progress)
{
    QString error;
    const std::shared_ptr<const SlotPipeline> slot = pipeline(slotKey, &error, progress);
    if (!slot) {
        SlotResult result;
        result.slot = slotKey;
        result.error = error;
        return result;
    }
    return run(*slot, request, whyNotItem);
}

SlotResult Recommender::recommend(
    const SlotDefinition &draft, const RecommendRequest &request, int whyNotItem, const Progress &progress)
{
    QString error;
    StrategyContext context{m_snapshot, &m_models, progress};
    const std::unique_ptr<SlotPipeline> built = SlotPipeline::build(draft, context, &error);
    if (!built) {
        SlotResult result;
        result.slot = draft.key;
        result.error = error;
        return result;
    }
    return run(*built, request, whyNotItem);
}

SlotResult Recommender::run(const SlotPipeline &pipeline, const RecommendRequest &request, int whyNotItem) const
{
    // One clock: a request made at another time than the snapshot's would judge events and
    // schedules at two different times.
    if (request.asOf && *request.asOf != m_snapshot->asOf()) {
        SlotResult result;
        result.error = Tr::tr("the request is as of %1, but the catalog was read as of %2")
                           .arg(Timestamp::toIso(*request.asOf), Timestamp::toIso(m_snapshot->asOf()));
        return result;
    }
    return pipeline.run(request, whyNotItem);
}

} // namespace Vitrine
