// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/models/easemodel.h"
#include "engine/models/ialsmodel.h"
#include "engine/strategy.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace Vitrine {

/**
 * Personal collaborative filtering: "people who liked what you liked also liked this".
 *
 * Three names in slot JSON and on the command line:
 * - "ease": EASE, params {"lambda": 500, "binary": true};
 * - "ials": implicit ALS, params {"factors": 64, "lambda": 0.1, "alpha": 10, "iterations": 10};
 * - "personal": without params, the model chosen for this catalog on a validation split of its
 *   events (PersonalChoice: EASE over a grid of λ, or iALS; only iALS beyond PersonalEaseLimit
 *   items, where EASE's dense item×item matrix would not fit); with params {"ease": {...},
 *   "ials": {...}} (each optional, checked as above) EASE up to that size, iALS beyond.
 *
 * The model comes from the snapshot's ModelCache, so every slot with the same parameters
 * shares one trained matrix. A person's candidates leave out the items they already
 * interacted with (the CF convention: "more of what you have" is other strategies' job);
 * nobody, or a person without history, gets no candidates.
 */
class CollaborativeStrategy : public Strategy
{
public:
    /** "personal" uses EASE up to this many items. */
    static constexpr int PersonalEaseLimit = 20000;
    /** The model cache's key of "personal"'s choice (PersonalChoice), when it has no params. */
    static constexpr const char *PersonalChoiceKey = "personal:choice";

    /** The names this class answers to. */
    static QStringList names();

    /**
     * Builds the strategy `name` ("ease", "ials" or "personal"), training its model or taking
     * it from context.models. nullptr and a message for an unknown name, an unknown or
     * mistyped parameter (the message names it), or when training is cancelled or fails.
     */
    static std::unique_ptr<Strategy> create(
        const QString &name, const StrategyContext &context, const QJsonObject &params, QString *error);

    /** The ModelCache keys, which name the parameters, so different settings never mix. */
    static QString modelKey(const EaseModel::Options &options);
    static QString modelKey(const IalsModel::Options &options);

    CollaborativeStrategy(QString name, SnapshotPtr snapshot, std::shared_ptr<const EaseModel> ease);
    CollaborativeStrategy(QString name, SnapshotPtr snapshot, std::shared_ptr<const IalsModel> ials);

    QString name() const override { return m_name; }
    bool isPersonal() const override { return true; }
    std::vector<ScoredItem> candidates(const RecommendRequest &request, int n) const override;
    QString explain(const RecommendRequest &request, int item) const override;

    /** The model in use: exactly one of these is set. */
    const std::shared_ptr<const EaseModel> &easeModel() const { return m_ease; }
    const std::shared_ptr<const IalsModel> &ialsModel() const { return m_ials; }

    /** The person's item that speaks most for `item`, or -1; what explain() names. */
    int strongestReason(int user, int item) const;

private:
    QString m_name;
    SnapshotPtr m_snapshot;
    std::shared_ptr<const EaseModel> m_ease;
    std::shared_ptr<const IalsModel> m_ials;
};

} // namespace Vitrine
