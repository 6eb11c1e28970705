// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"
#include "engine/slotdefinition.h"
#include "engine/snapshot.h"
#include "evaluationresult.h"
#include "evaluator.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Vitrine {

class PersonSet;

/** The saved slot and its draft evaluated offline on the same split, overall and per segment. */
struct SlotDraftEvaluation
{
    bool ok = false;
    bool cancelled = false;
    QString error;
    std::optional<EvaluationResult> saved; ///< none for a new slot
    EvaluationResult draft;
    /** {"saved": evaluate --json of the saved slot (or null), "draft": the same of the draft}. */
    QJsonObject toJson() const;
};

/**
 * Evaluates a slot definition as `vitrine-cli evaluate --slot` does (Evaluator::run over the
 * slot's pipeline built on the train snapshot) and, when @p saved is given, the saved
 * definition on the very same split, so the two can be compared. @p segments (name and members
 * over the full snapshot) give a per-segment breakdown of each, as `evaluate --segments`.
 */
SlotDraftEvaluation evaluateSlotDraft(const SnapshotPtr &full, const std::optional<SlotDefinition> &saved,
    const SlotDefinition &draft, const EvaluationOptions &options,
    const std::vector<std::pair<QString, const PersonSet *>> &segments = {}, const Progress &progress = {});

} // namespace Vitrine
