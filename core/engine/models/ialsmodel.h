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
 * Implicit-feedback matrix factorisation (Hu, Koren & Volinsky 2008) for catalogs too big for
 * EASE's dense item×item matrix. Every person u and item i get f factors x_u, y_i minimising
 *
 *     Σ_u,i c_ui (p_ui − x_u·y_i)² + λ (Σ_u |x_u|² + Σ_i |y_i|²),
 *
 * with preference p_ui = 1 where the person interacted (strength r_ui > 0), else 0, and
 * confidence c_ui = 1 + α·r_ui. Alternating least squares, each row solved approximately by a
 * few conjugate-gradient steps warm-started from its previous value (Takács, Pilászy & Tikk
 * 2011), with the shared YᵀY computed once per half-step so a row costs O(f² + n_u·f).
 *
 * Deterministic: factors start from a fixed seed with Vitrine's own generator, and each row is
 * solved on its own, so the result does not depend on the thread count.
 */
class IalsModel : public Model
{
public:
    struct Options
    {
        int factors = 64;
        double lambda = 0.1;
        double alpha = 10.0;
        int iterations = 10;
        int cgSteps = 3;
        quint64 seed = 20260101;
    };

    /** One person's items (dense item indexes) with their strengths; must only read. */
    using RowSource = std::function<std::span<const Snapshot::Interaction>(int user)>;

    /** Trains on the snapshot's interactions; nullptr and a message when cancelled or given bad options. */
    static std::shared_ptr<IalsModel> train(
        const Snapshot &snapshot, const Options &options, const Progress &progress, QString *error = nullptr);
    /** The same on any rows, such as the training half of an evaluation split. */
    static std::shared_ptr<IalsModel> train(int userCount, int itemCount, const RowSource &rows,
        const Options &options, const Progress &progress, QString *error = nullptr);

    int userCount() const { return m_userCount; }
    int itemCount() const { return m_itemCount; }
    int factors() const { return m_options.factors; }
    const Options &options() const { return m_options; }

    std::span<const float> userFactors(int user) const
    {
        return {m_users.data() + size_t(user) * size_t(m_options.factors), size_t(m_options.factors)};
    }
    std::span<const float> itemFactors(int item) const
    {
        return {m_items.data() + size_t(item) * size_t(m_options.factors), size_t(m_options.factors)};
    }

    /** x_u·Yᵀ: the person's score for every item. */
    std::vector<float> scores(int user) const;
    /** y_a·y_b: how alike two items are to the model. */
    float similarity(int a, int b) const;

    /**
     * The objective after each iteration, divided by the number of person-item cells; it
     * should fall. Empty for a model read back from bytes.
     */
    const std::vector<double> &lossHistory() const { return m_loss; }

    /** A portable image: header, then X and Y as little-endian floats. */
    QByteArray serialize() const;
    static std::shared_ptr<IalsModel> fromBytes(const QByteArray &bytes, QString *error = nullptr);

private:
    IalsModel() = default;

    Options m_options;
    int m_userCount = 0;
    int m_itemCount = 0;
    std::vector<float> m_users; ///< X, row-major userCount × factors
    std::vector<float> m_items; ///< Y, row-major itemCount × factors
    std::vector<double> m_loss;
};

} // namespace Vitrine
