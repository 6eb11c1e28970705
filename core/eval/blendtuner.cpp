// SPDX-License-Identifier: GPL-3.0-or-later
#include "blendtuner.h"

#include "common/logging.h"
#include "engine/modelcache.h"
#include "engine/slotpipeline.h"
#include "engine/strategy.h"
#include "temporalsplit.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>

#include <cmath>
#include <memory>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::BlendTuner)
};

/** Rounds of coordinate search after the first trials. */
constexpr int SearchRounds = 2;
/** What each weight is scaled by in a round. */
constexpr double Scales[] = {0.0, 0.5, 2.0};
/** An improvement smaller than this is noise, not a better blend. */
constexpr double MinGain = 1e-6;

using Normalisation = SlotDefinition::Normalisation;

SlotDefinition withTrial(SlotDefinition slot, const BlendTrial &trial)
{
    for (size_t i = 0; i < slot.strategies.size(); ++i)
        slot.strategies[i].weight = trial.weights[i];
    slot.normalisation = trial.normalisation;
    return slot;
}

BlendTrial trialOf(const SlotDefinition &slot)
{
    BlendTrial trial;
    for (const SlotStrategy &strategy : slot.strategies)
        trial.weights.push_back(strategy.weight);
    trial.normalisation = slot.normalisation;
    return trial;
}

bool sameBlend(const BlendTrial &a, const BlendTrial &b)
{
    if (a.normalisation != b.normalisation)
        return false;
    // Weights that differ only by a common factor blend the same.
    double sa = 0, sb = 0;
    for (size_t i = 0; i < a.weights.size(); ++i) {
        sa += a.weights[i];
        sb += b.weights[i];
    }
    if (sa <= 0 || sb <= 0)
        return sa <= 0 && sb <= 0;
    for (size_t i = 0; i < a.weights.size(); ++i) {
        if (std::abs(a.weights[i] / sa - b.weights[i] / sb) > 1e-9)
            return false;
    }
    return true;
}

/** Trains a slot's strategies on one snapshot and scores any blend of them on one split. */
class Bench
{
public:
    Bench(SnapshotPtr train, const TemporalSplit &split, int itemCount, const EvaluationOptions &options,
        const Progress &progress)
        : m_models(std::move(train))
        , m_split(split)
        , m_itemCount(itemCount)
        , m_options(options)
        , m_progress(progress)
    {
    }

    /** The whole evaluation of a blend; not ok with a message when the pipeline cannot be built. */
    EvaluationResult evaluate(const SlotDefinition &slot)
    {
        QString error;
        const std::shared_ptr<const SlotPipeline> pipeline
            = SlotPipeline::build(slot, StrategyContext {m_models.snapshot(), &m_models, m_progress}, &error);
        if (!pipeline) {
            EvaluationResult failed;
            failed.error = error;
            failed.cancelled = m_progress.isCancelled();
            return failed;
        }
        return Evaluator::rank(m_split, m_itemCount, Evaluator::slotRanker(pipeline), m_options, m_progress);
    }

private:
    ModelCache m_models; ///< each model trained once, whatever the weights
    const TemporalSplit &m_split;
    int m_itemCount;
    EvaluationOptions m_options;
    Progress m_progress;
};

BlendTuning failed(BlendTuning tuning, const QString &error, bool cancelled)
{
    tuning.ok = false;
    tuning.error = error;
    tuning.cancelled = cancelled;
    return tuning;
}

} // namespace

BlendTuning BlendTuner::tune(
    const SnapshotPtr &full, const SlotDefinition &slot, const EvaluationOptions &options, const Progress &progress)
{
    BlendTuning tuning;
    tuning.current = slot;
    tuning.best = slot;
    if (const QString invalid = Evaluator::validate(options); !invalid.isEmpty())
        return failed(tuning, invalid, false);
    if (!full)
        return failed(tuning, Tr::tr("There is no catalog to tune on."), false);
    if (slot.strategies.empty())
        return failed(tuning, Tr::tr("slot '%1' has no strategies to weigh").arg(slot.key), false);
    tuning.k = options.ks.front();
    QElapsedTimer timer;
    timer.start();

    // The evaluation's split; the validation split is cut from its train part only.
    progress.report(Tr::tr("Splitting histories"), 0, 1);
    const TemporalSplit split = TemporalSplit::build(*full, options.holdout, options.minItems);
    if (split.evaluatedUsers().empty())
        return failed(tuning,
            Tr::tr("Nobody has at least %1 distinct items, so there is nothing to hold out.").arg(options.minItems),
            false);
    const SnapshotPtr train = Evaluator::trainSnapshot(*full, split);
    const TemporalSplit validation = TemporalSplit::build(*train, options.holdout, options.minItems);
    if (validation.evaluatedUsers().empty())
        return failed(tuning,
            Tr::tr("After holding out the test part, nobody has at least %1 distinct items left to validate on.")
                .arg(options.minItems),
            false);
    const SnapshotPtr validationTrain = Evaluator::trainSnapshot(*train, validation);
    tuning.validationUsers = int(validation.evaluatedUsers().size());
    if (progress.isCancelled())
        return failed(tuning, Tr::tr("cancelled"), true);

    EvaluationOptions quiet = options;
    quiet.groupOfUser.clear();
    quiet.groupNames.clear();
    Bench bench(validationTrain, validation, full->itemCount(), quiet, progress.quiet());

    // Every trial is scored once; a blend already tried is not run again.
    const int strategies = int(slot.strategies.size());
    const int planned = 1 + strategies + 4 + SearchRounds * strategies * int(std::size(Scales));
    const auto score = [&](BlendTrial trial, QString *error) -> std::optional<BlendTrial> {
        for (const BlendTrial &tried : tuning.trials) {
            if (sameBlend(tried, trial))
                return tried;
        }
        double total = 0;
        for (double weight : trial.weights)
            total += weight;
        if (total <= 0)
            return std::nullopt; // nothing would be blended
        progress.report(Tr::tr("Trying blends"), qint64(tuning.trials.size()), planned);
        const EvaluationResult result = bench.evaluate(withTrial(slot, trial));
        if (!result.ok) {
            *error = result.error.isEmpty() ? Tr::tr("cancelled") : result.error;
            return std::nullopt;
        }
        trial.score = result.byK.at(tuning.k).ndcg;
        tuning.trials.push_back(trial);
        return trial;
    };

    QString error;
    const std::optional<BlendTrial> current = score(trialOf(slot), &error);
    if (!current)
        return failed(tuning, error, progress.isCancelled());
    tuning.currentTrial = *current;
    BlendTrial best = *current;
    const auto consider = [&](const BlendTrial &trial) {
        const std::optional<BlendTrial> scored = score(trial, &error);
        if (!error.isEmpty())
            return false;
        if (scored && scored->score > best.score + MinGain)
            best = *scored;
        return true;
    };

    // Each strategy alone: a blend should never lose to its best part.
    for (int i = 0; i < strategies && strategies > 1; ++i) {
        BlendTrial alone = *current;
        std::fill(alone.weights.begin(), alone.weights.end(), 0.0);
        alone.weights[size_t(i)] = 1.0;
        if (!consider(alone))
            return failed(tuning, error, progress.isCancelled());
    }
    // The normalisations, with the best weights so far.
    if (strategies > 1) {
        const BlendTrial base = best;
        for (Normalisation n : {Normalisation::Rank, Normalisation::Max, Normalisation::MinMax, Normalisation::ZScore}) {
            BlendTrial trial = base;
            trial.normalisation = n;
            if (!consider(trial))
                return failed(tuning, error, progress.isCancelled());
        }
    }
    // Coordinate search on the weights.
    for (int round = 0; round < SearchRounds && strategies > 1; ++round) {
        const BlendTrial start = best;
        for (int i = 0; i < strategies; ++i) {
            for (double scale : Scales) {
                BlendTrial trial = best;
                trial.weights[size_t(i)] = best.weights[size_t(i)] > 0 ? best.weights[size_t(i)] * scale : scale;
                if (!consider(trial))
                    return failed(tuning, error, progress.isCancelled());
            }
        }
        if (sameBlend(start, best))
            break;
    }
    tuning.bestTrial = best;
    tuning.best = withTrial(slot, best);
    qCInfo(lcEval, "slot %s: %d blends tried on %d validation people in %lld ms, NDCG@%d %.4f -> %.4f",
        qUtf8Printable(slot.key), int(tuning.trials.size()), tuning.validationUsers, timer.elapsed(), tuning.k,
        tuning.currentTrial.score, tuning.bestTrial.score);

    // Both on the test part, trained on the train part (their models shared).
    progress.report(Tr::tr("Scoring the current and the best blend on the test part"), 0, 2);
    Bench test(train, split, full->itemCount(), options, progress.quiet());
    tuning.currentTest = test.evaluate(tuning.current);
    if (!tuning.currentTest.ok)
        return failed(tuning, tuning.currentTest.error, progress.isCancelled());
    progress.report(Tr::tr("Scoring the current and the best blend on the test part"), 1, 2);
    tuning.bestTest = sameBlend(tuning.currentTrial, tuning.bestTrial) ? tuning.currentTest : test.evaluate(tuning.best);
    if (!tuning.bestTest.ok)
        return failed(tuning, tuning.bestTest.error, progress.isCancelled());
    progress.report(Tr::tr("Scoring the current and the best blend on the test part"), 2, 2);
    for (EvaluationResult *result : {&tuning.currentTest, &tuning.bestTest}) {
        result->subject = slot.key;
        result->holdout = options.holdout;
        result->minItems = options.minItems;
    }
    tuning.ok = true;
    return tuning;
}

QJsonObject BlendTuning::toJson() const
{
    const auto blendJson = [this](const SlotDefinition &slot, const BlendTrial &trial, const EvaluationResult &test) {
        QJsonArray weights;
        for (const SlotStrategy &strategy : slot.strategies)
            weights.append(QJsonObject {{QStringLiteral("name"), strategy.name}, {QStringLiteral("weight"), strategy.weight}});
        return QJsonObject {
            {QStringLiteral("strategies"), weights},
            {QStringLiteral("normalisation"), SlotDefinition::normalisationName(trial.normalisation)},
            {QStringLiteral("validation_ndcg@%1").arg(k), trial.score},
            {QStringLiteral("test"), EvaluationResult::metricsToJson(test.byK)},
        };
    };
    QJsonArray tried;
    for (const BlendTrial &trial : trials) {
        QJsonArray weights;
        for (double weight : trial.weights)
            weights.append(weight);
        tried.append(QJsonObject {{QStringLiteral("weights"), weights},
            {QStringLiteral("normalisation"), SlotDefinition::normalisationName(trial.normalisation)},
            {QStringLiteral("ndcg@%1").arg(k), trial.score}});
    }
    return {
        {QStringLiteral("slot"), current.key},
        {QStringLiteral("validation_users"), validationUsers},
        {QStringLiteral("test_users"), currentTest.users},
        {QStringLiteral("current"), blendJson(current, currentTrial, currentTest)},
        {QStringLiteral("best"), blendJson(best, bestTrial, bestTest)},
        {QStringLiteral("improved"), improved()},
        {QStringLiteral("trials"), tried},
    };
}

QJsonObject BlendTuner::withBlend(const QJsonObject &stored, const SlotDefinition &tuned)
{
    QJsonObject json = stored;
    QJsonArray strategies = json.value(QStringLiteral("strategies")).toArray();
    for (qsizetype i = 0; i < strategies.size() && size_t(i) < tuned.strategies.size(); ++i) {
        // A strategy written as a bare name becomes an object to carry its weight.
        QJsonObject entry = strategies.at(i).isString()
            ? QJsonObject {{QStringLiteral("name"), strategies.at(i).toString()}}
            : strategies.at(i).toObject();
        entry.insert(QStringLiteral("weight"), tuned.strategies[size_t(i)].weight);
        strategies.replace(i, entry);
    }
    json.insert(QStringLiteral("strategies"), strategies);
    json.insert(QStringLiteral("normalisation"), SlotDefinition::normalisationName(tuned.normalisation));
    return json;
}

} // namespace Vitrine
