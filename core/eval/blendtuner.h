// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"
#include "engine/slotdefinition.h"
#include "engine/snapshot.h"
#include "evaluationresult.h"
#include "evaluator.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace Vitrine {

/** One blend tried: the strategies' weights (in the slot's order), the normalisation, the score. */
struct BlendTrial
{
    std::vector<double> weights;
    SlotDefinition::Normalisation normalisation = SlotDefinition::Normalisation::Rank;
    double score = 0; ///< NDCG at the first K on the validation split
};

/** What BlendTuner::tune found, and how the current and the best blend do on the test split. */
struct BlendTuning
{
    bool ok = false;
    bool cancelled = false;
    QString error;
    int k = 10;              ///< the cut-off of the score tuned
    int validationUsers = 0; ///< people of the validation split
    SlotDefinition current;
    SlotDefinition best;     ///< current with the best weights and normalisation
    BlendTrial currentTrial;
    BlendTrial bestTrial;
    std::vector<BlendTrial> trials; ///< in the order tried
    /** Both blends trained on the evaluation's train part and scored on its test part. */
    EvaluationResult currentTest;
    EvaluationResult bestTest;

    bool improved() const { return bestTrial.score > currentTrial.score; }
    QJsonObject toJson() const;
};

/**
 * Searches a slot's strategy weights and its normalisation on a validation split, never on the
 * evaluation's test part: the catalog is split by time as `evaluate` does (train and test);
 * the train part is split again the same way (validation train and validation), the slot's
 * strategies are trained once on the validation train part, and every blend tried runs the
 * whole slot pipeline (filters, boosts, pins, fallbacks) for the validation people.
 *
 * Tried, in order: the current blend; each strategy alone (so the result is never below the
 * best single strategy on validation); the current weights under each normalisation; then
 * rounds of coordinate search (each weight scaled by 0, ½ and 2, kept when NDCG improves).
 * The winner and the current blend are then both trained on the train part and scored on the
 * test part, the figures `evaluate --slot` prints.
 */
class BlendTuner
{
public:
    static BlendTuning tune(const SnapshotPtr &full, const SlotDefinition &slot, const EvaluationOptions &options,
        const Progress &progress = {});

    /**
     * The stored JSON of a slot with the weights and normalisation of `tuned`: the strategies'
     * "weight" and the slot's "normalisation" change, everything else stays as written.
     */
    static QJsonObject withBlend(const QJsonObject &stored, const SlotDefinition &tuned);
};

} // namespace Vitrine
