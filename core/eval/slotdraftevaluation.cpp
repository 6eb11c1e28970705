// SPDX-License-Identifier: GPL-3.0-or-later
#include "slotdraftevaluation.h"

#include "audience/personset.h"
#include "engine/recommender.h"
#include "engine/slotpipeline.h"

#include <QJsonArray>

namespace Vitrine {

namespace {

EvaluationResult evaluateOne(const SnapshotPtr &full, const SlotDefinition &definition, EvaluationOptions options,
    const std::vector<std::pair<QString, const PersonSet *>> &segments, const Progress &progress)
{
    options.subject = definition.key;
    const auto makeRanker = [&definition, &progress](const SnapshotPtr &train, QString *error) -> Evaluator::Ranker {
        auto recommender = std::make_shared<Recommender>(train);
        recommender->setSlot(definition);
        const std::shared_ptr<const SlotPipeline> pipeline = recommender->pipeline(definition.key, error, progress);
        if (!pipeline)
            return {};
        // The recommender keeps the models the pipeline's strategies share.
        return [recommender, ranker = Evaluator::slotRanker(pipeline)](int user, int n) { return ranker(user, n); };
    };
    EvaluationResult result = Evaluator::run(full, makeRanker, options, progress);
    if (!result.ok)
        return result;
    // Per segment: a person may be in several, so each segment is a one-group breakdown of its own.
    for (const auto &[name, members] : segments) {
        std::vector<int> group(size_t(full->userCount()), -1);
        members->forEach([&group](int user) { group[size_t(user)] = 0; });
        result.groups.append(result.breakdown(group, {name}));
    }
    return result;
}

} // namespace

QJsonObject SlotDraftEvaluation::toJson() const
{
    return {{QStringLiteral("saved"), saved ? QJsonValue(saved->toJson(QStringLiteral("slot"))) : QJsonValue()},
        {QStringLiteral("draft"), draft.toJson(QStringLiteral("slot"))}};
}

SlotDraftEvaluation evaluateSlotDraft(const SnapshotPtr &full, const std::optional<SlotDefinition> &saved,
    const SlotDefinition &draft, const EvaluationOptions &options,
    const std::vector<std::pair<QString, const PersonSet *>> &segments, const Progress &progress)
{
    SlotDraftEvaluation result;
    if (const QString problem = Evaluator::validate(options); !problem.isEmpty()) {
        result.error = problem;
        return result;
    }
    if (saved) {
        result.saved = evaluateOne(full, *saved, options, segments, progress);
        if (!result.saved->ok) {
            result.error = result.saved->error;
            result.cancelled = result.saved->cancelled;
            return result;
        }
    }
    result.draft = evaluateOne(full, draft, options, segments, progress);
    result.error = result.draft.error;
    result.cancelled = result.draft.cancelled;
    result.ok = result.draft.ok;
    return result;
}

} // namespace Vitrine
