// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"
#include "easemodel.h"
#include "engine/modelcache.h"
#include "engine/snapshot.h"
#include "ialsmodel.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

namespace Vitrine {

/**
 * Which model "personal" uses on one catalog, chosen on a validation split of the events it is
 * trained on, with the figures of every candidate. Kept in the model cache beside the models
 * (so `train` chooses once per events watermark and `recommend` reuses the choice).
 *
 * The candidates are EASE over a grid of λ and item neighbours (cosine, on presence and on the
 * events' weighted strengths), when the catalog is small enough for an item×item matrix, and
 * iALS with its defaults. Each person with at least five distinct items holds out their latest fifth
 * (the evaluation's TemporalSplit); the candidates train on the rest and are scored by NDCG@10
 * over up to SampledPeople of those people. To stay cheap the contest runs on the most popular
 * items only (TunedItems of them, where almost every held-out item lies) and trains on at most
 * ContestPeople people (λ scaled by their share of everybody): the λ found there and the model
 * kind carry over to the whole catalog, on which the winner is then trained.
 */
class PersonalChoice : public Model
{
public:
    enum class Kind
    {
        Ease,
        Ials
    };

    struct Candidate
    {
        QString label; ///< "EASE λ=200", "item neighbours", "iALS"
        Kind kind = Kind::Ease;
        EaseModel::Options ease; ///< Kind::Ease: EASE with its λ, or item neighbours
        double ndcg = 0;         ///< NDCG@10 on the validation people
    };

    static constexpr int TunedItems = 1500;
    static constexpr int SampledPeople = 4000;
    /** People the candidates train on at most: the validation people and a sample of the others. */
    static constexpr int ContestPeople = 20000;
    static constexpr int K = 10;

    /**
     * Runs the contest on `snapshot` (the catalog, or an evaluation's train part: never its test
     * part). nullptr when cancelled; a snapshot too small to split gives the defaults unchosen.
     */
    static std::shared_ptr<PersonalChoice> choose(
        const Snapshot &snapshot, bool easeAllowed, const EaseModel::Options &ease, const Progress &progress);

    Kind kind() const { return m_kind; }
    /** The options of the winner when Kind::Ease: EASE with the chosen λ, or item neighbours. */
    EaseModel::Options ease() const { return m_ease; }
    const std::vector<Candidate> &candidates() const { return m_candidates; }
    int validationPeople() const { return m_validationPeople; }
    int itemsUsed() const { return m_itemsUsed; }
    int contestPeople() const { return m_contestPeople; }
    /** False when there was nothing to validate on and the default stands. */
    bool chosen() const { return !m_candidates.empty(); }
    /** "EASE λ=200 (NDCG@10 0.0848 on 4,000 validation people; EASE λ=500 0.0761, iALS 0.0702, …)" */
    QString summary() const;

    QByteArray serialize() const override;
    static std::shared_ptr<PersonalChoice> fromBytes(const QByteArray &bytes, QString *error = nullptr);

private:
    Kind m_kind = Kind::Ease;
    EaseModel::Options m_ease;
    std::vector<Candidate> m_candidates;
    int m_validationPeople = 0;
    int m_itemsUsed = 0;
    int m_contestPeople = 0;
};

} // namespace Vitrine
