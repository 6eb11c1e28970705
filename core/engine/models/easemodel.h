// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/modelcache.h"
#include "engine/snapshot.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace Vitrine {

class Progress;

/**
 * EASE, the "embarrassingly shallow autoencoder" (Steck 2019): one item×item weight matrix B
 * learnt in closed form from the person×item matrix X,
 *
 *     G = XᵀX + λI,   P = G⁻¹,   B_ij = −P_ij / P_jj,   B_ii = 0,
 *
 * and a person's scores are x_u·B. X is binary by default (1 for every item the person
 * interacted with), which is what published EASE figures use and what the NumPy check in
 * tests/bench/ compares with; with `binary` off X holds the weighted interaction strengths.
 *
 * Training is dominated by the n×n inverse, done in double precision through LAPACK's
 * Cholesky routines (the Gram matrix is symmetric positive definite); B is kept in float,
 * n² of them: 100 MB for 5,000 items, 1.6 GB for 20,000. Immutable once trained, so it can be
 * shared by every strategy and thread.
 */
class EaseModel : public Model
{
public:
    /** How the Gram matrix XᵀX is formed; Auto picks by the density of X. */
    enum class GramMethod
    {
        Auto,
        Sparse,
        Dense
    };

    struct Options
    {
        double lambda = 500.0;
        bool binary = true;
        GramMethod gram = GramMethod::Auto;
        /**
         * Item neighbours instead of EASE: B_ij = G_ij / (√(G_ii·G_jj) + λ), the cosine of the
         * items' columns shrunk by λ, with the same scoring (x·B) and explanations. No inverse,
         * so it trains in the time of the Gram matrix alone.
         */
        bool neighbours = false;
    };

    /**
     * The training rows: one person's items (dense item indexes) with their strengths, in any
     * order. Called from several threads at once, so it must only read.
     */
    using RowSource = std::function<std::span<const Snapshot::Interaction>(int user)>;

    /**
     * Trains on the snapshot's interactions. Returns nullptr and a message when cancelled
     * through `progress` (checked between stages) or when λ does not make G invertible.
     */
    static std::shared_ptr<EaseModel> train(
        const Snapshot &snapshot, const Options &options, const Progress &progress, QString *error = nullptr);
    /** The same on any rows, such as the training half of an evaluation split. */
    static std::shared_ptr<EaseModel> train(int userCount, int itemCount, const RowSource &rows,
        const Options &options, const Progress &progress, QString *error = nullptr);

    int itemCount() const { return m_itemCount; }
    double lambda() const { return m_lambda; }
    bool binary() const { return m_binary; }
    bool neighbours() const { return m_neighbours; }

    /** B_from,to: how much interacting with `from` speaks for `to`. */
    float weight(int from, int to) const
    {
        return m_weights[size_t(from) * size_t(m_itemCount) + size_t(to)];
    }

    /**
     * x·B for a history (its items' strengths, or 1 each when the model is binary): a score
     * for every item, the history's own items included (the caller leaves those out).
     */
    std::vector<float> scores(std::span<const Snapshot::Interaction> history) const;

    /**
     * The history item that adds most to `item`'s score (argmax over j of x_j·B_j,item), or
     * -1 when none adds anything positive. Ties go to the lower item index.
     */
    int strongestContributor(std::span<const Snapshot::Interaction> history, int item) const;

    /** A portable image for the catalog's model cache: header, then B as little-endian floats. */
    QByteArray serialize() const;
    /** Reads serialize()'s output back; nullptr and a message for anything else. */
    static std::shared_ptr<EaseModel> fromBytes(const QByteArray &bytes, QString *error = nullptr);

private:
    EaseModel() = default;
    /** train() once the memory check passed; may throw std::bad_alloc. */
    static std::shared_ptr<EaseModel> trainInMemory(int userCount, int itemCount, const RowSource &rows,
        const Options &options, const Progress &progress, QString *error);

    int m_itemCount = 0;
    double m_lambda = 0.0;
    bool m_binary = true;
    bool m_neighbours = false;
    std::vector<float> m_weights; ///< B, row-major: row j is what item j says about every item
};

} // namespace Vitrine
