// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelcache.h"
#include "slotdefinition.h"
#include "slotpipeline.h"
#include "slotresult.h"

#include <QHash>
#include <QString>

#include <memory>
#include <mutex>
#include <optional>

namespace Vitrine {

class Database;

/**
 * The one place that answers "what does this person see in this slot, and why": the CLI's
 * recommend, the GUI's preview and batch exports all call recommend(), so they always agree.
 *
 * Holds a snapshot, the models trained on it (shared by all slots) and the slots' definitions;
 * builds each slot's pipeline the first time it is asked for. Thread-safe.
 */
class Recommender
{
public:
    explicit Recommender(SnapshotPtr snapshot);

    const SnapshotPtr &snapshot() const { return m_snapshot; }
    ModelCache &models() { return m_models; }

    /**
     * Reads every slot of the catalog. A slot whose JSON is broken is skipped and listed in
     * `problems` ("slot 'x': filters.price.min: must be a number"), so one bad slot does not
     * take the others down.
     */
    bool loadSlots(Database &db, QStringList *problems, QString *error);
    /** Adds or replaces a slot (drops its built pipeline). */
    void setSlot(const SlotDefinition &definition);
    QStringList slotKeys() const;
    bool hasSlot(const QString &key) const;

    /** A copy of a stored slot's definition; none when there is no such slot. */
    std::optional<SlotDefinition> slot(const QString &key) const;

    /**
     * The slot's pipeline, built (and its strategies trained) on first use with `progress`;
     * nullptr and why when the slot is unknown or a strategy cannot be built. Shared, so a
     * concurrent setSlot() never frees a pipeline that is still running.
     */
    std::shared_ptr<const SlotPipeline> pipeline(const QString &key, QString *error, const Progress &progress = {});

    /** Runs a slot for a request; see SlotPipeline::run(). */
    SlotResult recommend(const QString &slotKey, const RecommendRequest &request, int whyNotItem = -1,
                         const Progress &progress = {});
    /**
     * Runs an unsaved definition (an editor's draft) through the same pipeline as a stored slot;
     * its strategies share the trained models of the stored slots.
     */
    SlotResult recommend(const SlotDefinition &draft, const RecommendRequest &request, int whyNotItem = -1,
                         const Progress &progress = {});

private:
    SlotResult run(const SlotPipeline &pipeline, const RecommendRequest &request, int whyNotItem) const;

    SnapshotPtr m_snapshot;
    ModelCache m_models;
    mutable std::mutex m_mutex;
    QHash<QString, SlotDefinition> m_slots;
    QHash<QString, std::shared_ptr<SlotPipeline>> m_pipelines;
};

} // namespace Vitrine
