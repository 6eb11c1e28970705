// SPDX-License-Identifier: GPL-3.0-or-later
#include "collaborativestrategy.h"

#include "engine/modelcache.h"
#include "engine/models/personalchoice.h"
#include "strategyparams.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QLocale>

#include <cmath>
#include <optional>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::CollaborativeStrategy)
};

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

/** A JSON number that must be finite and at least `minimum` (or above it when `strict`). */
bool readNumber(const QString &where, const QString &key, const QJsonValue &value, double minimum,
    bool strict, double *out, QString *error)
{
    const double number = value.toDouble();
    if (!value.isDouble() || !std::isfinite(number) || number < minimum || (strict && number == minimum)) {
        return fail(error,
            (strict ? Tr::tr("%1: parameter \"%2\" must be a number above %3")
                    : Tr::tr("%1: parameter \"%2\" must be a number of at least %3"))
                .arg(where, key)
                .arg(minimum));
    }
    *out = number;
    return true;
}

bool readInteger(const QString &where, const QString &key, const QJsonValue &value, int minimum, int maximum,
    int *out, QString *error)
{
    const double number = value.toDouble();
    if (!value.isDouble() || number != std::floor(number) || number < minimum || number > maximum) {
        return fail(error,
            Tr::tr("%1: parameter \"%2\" must be a whole number from %3 to %4")
                .arg(where, key)
                .arg(minimum)
                .arg(maximum));
    }
    *out = int(number);
    return true;
}

bool unknownKey(const QString &where, const QString &key, const QString &known, QString *error)
{
    return fail(error, Tr::tr("%1: unknown parameter \"%2\" (known: %3)").arg(where, key, known));
}

std::optional<EaseModel::Options> easeOptions(const QString &where, const QJsonObject &params, QString *error)
{
    EaseModel::Options options;
    for (auto it = params.constBegin(); it != params.constEnd(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("lambda")) {
            if (!readNumber(where, key, it.value(), 0.0, true, &options.lambda, error))
                return std::nullopt;
        } else if (key == QLatin1String("binary")) {
            if (!it.value().isBool()) {
                fail(error, Tr::tr("%1: parameter \"%2\" must be true or false").arg(where, key));
                return std::nullopt;
            }
            options.binary = it.value().toBool();
        } else {
            unknownKey(where, key, QStringLiteral("lambda, binary"), error);
            return std::nullopt;
        }
    }
    return options;
}

std::optional<IalsModel::Options> ialsOptions(const QString &where, const QJsonObject &params, QString *error)
{
    IalsModel::Options options;
    for (auto it = params.constBegin(); it != params.constEnd(); ++it) {
        const QString key = it.key();
        bool ok = false;
        if (key == QLatin1String("factors"))
            ok = readInteger(where, key, it.value(), 1, 1024, &options.factors, error);
        else if (key == QLatin1String("iterations"))
            ok = readInteger(where, key, it.value(), 1, 1000, &options.iterations, error);
        else if (key == QLatin1String("lambda"))
            ok = readNumber(where, key, it.value(), 0.0, false, &options.lambda, error);
        else if (key == QLatin1String("alpha"))
            ok = readNumber(where, key, it.value(), 0.0, false, &options.alpha, error);
        else
            ok = unknownKey(where, key, QStringLiteral("factors, lambda, alpha, iterations"), error);
        if (!ok)
            return std::nullopt;
    }
    return options;
}

/** "personal" takes {"ease": {...}, "ials": {...}}: both checked, whichever the catalog uses. */
bool personalOptions(const QJsonObject &params, std::optional<EaseModel::Options> *ease,
    std::optional<IalsModel::Options> *ials, QString *error)
{
    *ease = EaseModel::Options();
    *ials = IalsModel::Options();
    for (auto it = params.constBegin(); it != params.constEnd(); ++it) {
        const QString key = it.key();
        const bool isEase = key == QLatin1String("ease");
        if (!isEase && key != QLatin1String("ials"))
            return unknownKey(QStringLiteral("personal"), key, QStringLiteral("ease, ials"), error);
        if (!it.value().isObject())
            return fail(error, Tr::tr("personal: parameter \"%1\" must be an object").arg(key));
        const QString where = QStringLiteral("personal.") + key;
        if (isEase)
            *ease = easeOptions(where, it.value().toObject(), error);
        else
            *ials = ialsOptions(where, it.value().toObject(), error);
        if (!*ease || !*ials)
            return false;
    }
    return true;
}

/** What each collaborative strategy accepts, for editors (its options are checked above). */
void noteParams(const QString &name)
{
    using Kind = StrategyParamSpec::Kind;
    const EaseModel::Options ease;
    const IalsModel::Options ials;
    if (name == QLatin1String("ease")) {
        StrategyParams::note({QStringLiteral("lambda"), Kind::Number, ease.lambda, 0.001, 1e9, {}});
        StrategyParams::note({QStringLiteral("binary"), Kind::Boolean, ease.binary, 0, 0, {}});
    } else if (name == QLatin1String("ials")) {
        StrategyParams::note({QStringLiteral("factors"), Kind::Integer, ials.factors, 1, 1024, {}});
        StrategyParams::note({QStringLiteral("iterations"), Kind::Integer, ials.iterations, 1, 1000, {}});
        StrategyParams::note({QStringLiteral("lambda"), Kind::Number, ials.lambda, 0, 1e9, {}});
        StrategyParams::note({QStringLiteral("alpha"), Kind::Number, ials.alpha, 0, 1e9, {}});
    } else {
        StrategyParams::note({QStringLiteral("ease"), Kind::Object, QJsonObject(), 0, 0, {}});
        StrategyParams::note({QStringLiteral("ials"), Kind::Object, QJsonObject(), 0, 0, {}});
    }
}

} // namespace

QStringList CollaborativeStrategy::names()
{
    return {QStringLiteral("ease"), QStringLiteral("ials"), QStringLiteral("personal")};
}

QString CollaborativeStrategy::modelKey(const EaseModel::Options &options)
{
    return QStringLiteral("%1:lambda=%2:binary=%3")
        .arg(options.neighbours ? QStringLiteral("neighbours") : QStringLiteral("ease"))
        .arg(options.lambda, 0, 'g', QLocale::FloatingPointShortest)
        .arg(options.binary ? 1 : 0);
}

QString CollaborativeStrategy::modelKey(const IalsModel::Options &options)
{
    return QStringLiteral("ials:factors=%1:lambda=%2:alpha=%3:iterations=%4:cg=%5:seed=%6")
        .arg(options.factors)
        .arg(options.lambda, 0, 'g', QLocale::FloatingPointShortest)
        .arg(options.alpha, 0, 'g', QLocale::FloatingPointShortest)
        .arg(options.iterations)
        .arg(options.cgSteps)
        .arg(options.seed);
}

std::unique_ptr<Strategy> CollaborativeStrategy::create(
    const QString &name, const StrategyContext &context, const QJsonObject &params, QString *error)
{
    noteParams(name);
    std::optional<EaseModel::Options> ease;
    std::optional<IalsModel::Options> ials;
    if (name == QLatin1String("ease")) {
        ease = easeOptions(name, params, error);
        if (!ease)
            return nullptr;
    } else if (name == QLatin1String("ials")) {
        ials = ialsOptions(name, params, error);
        if (!ials)
            return nullptr;
    } else if (name == QLatin1String("personal")) {
        if (!personalOptions(params, &ease, &ials, error))
            return nullptr;
        const bool easeAllowed = !context.snapshot || context.snapshot->itemCount() <= PersonalEaseLimit;
        if (params.isEmpty() && context.snapshot && context.models) {
            // Chosen on a validation split of this snapshot's events, once per events watermark.
            const EaseModel::Options defaults = *ease;
            const std::shared_ptr<const PersonalChoice> choice = context.models->get<PersonalChoice>(
                QString::fromLatin1(PersonalChoiceKey), [&] { return PersonalChoice::choose(*context.snapshot, easeAllowed, defaults, context.progress); });
            if (!choice) {
                fail(error, StrategyParams::cancelled(name));
                return nullptr;
            }
            if (choice->kind() == PersonalChoice::Kind::Ease)
                ease = choice->ease();
            else
                ease.reset();
        } else if (!easeAllowed) {
            ease.reset();
        }
        if (ease)
            ials.reset();
    } else {
        fail(error, Tr::tr("\"%1\" is not a collaborative filtering strategy").arg(name));
        return nullptr;
    }
    if (!context.snapshot || !context.models) {
        fail(error, Tr::tr("%1: no catalog snapshot to train on").arg(name));
        return nullptr;
    }

    const Snapshot &snapshot = *context.snapshot;
    QString trainError;
    if (ease) {
        const EaseModel::Options options = *ease;
        std::shared_ptr<const EaseModel> model = context.models->get<EaseModel>(modelKey(options),
            [&] { return EaseModel::train(snapshot, options, context.progress, &trainError); });
        if (!model || model->itemCount() != snapshot.itemCount()) {
            fail(error,
                Tr::tr("%1: %2").arg(
                    name, model ? Tr::tr("cached model does not fit the catalog") : trainError));
            return nullptr;
        }
        return std::make_unique<CollaborativeStrategy>(name, context.snapshot, std::move(model));
    }
    const IalsModel::Options options = *ials;
    std::shared_ptr<const IalsModel> model = context.models->get<IalsModel>(modelKey(options),
        [&] { return IalsModel::train(snapshot, options, context.progress, &trainError); });
    if (!model || model->itemCount() != snapshot.itemCount() || model->userCount() != snapshot.userCount()) {
        fail(error,
            Tr::tr("%1: %2").arg(name, model ? Tr::tr("cached model does not fit the catalog") : trainError));
        return nullptr;
    }
    return std::make_unique<CollaborativeStrategy>(name, context.snapshot, std::move(model));
}

CollaborativeStrategy::CollaborativeStrategy(
    QString name, SnapshotPtr snapshot, std::shared_ptr<const EaseModel> ease)
    : m_name(std::move(name))
    , m_snapshot(std::move(snapshot))
    , m_ease(std::move(ease))
{ }

CollaborativeStrategy::CollaborativeStrategy(
    QString name, SnapshotPtr snapshot, std::shared_ptr<const IalsModel> ials)
    : m_name(std::move(name))
    , m_snapshot(std::move(snapshot))
    , m_ials(std::move(ials))
{ }

std::vector<ScoredItem> CollaborativeStrategy::candidates(const RecommendRequest &request, int n) const
{
    if (request.user < 0 || request.user >= m_snapshot->userCount())
        return {};
    const std::span<const Snapshot::Interaction> history = m_snapshot->userItems(request.user);
    if (history.empty())
        return {};
    std::vector<float> scores = m_ease ? m_ease->scores(history) : m_ials->scores(request.user);
    for (const Snapshot::Interaction &interaction : history) {
        if (size_t(interaction.index) < scores.size())
            scores[size_t(interaction.index)] = -INFINITY;
    }
    return topN(scores, n);
}

int CollaborativeStrategy::strongestReason(int user, int item) const
{
    if (user < 0 || user >= m_snapshot->userCount() || item < 0 || item >= m_snapshot->itemCount())
        return -1;
    const std::span<const Snapshot::Interaction> history = m_snapshot->userItems(user);
    if (m_ease)
        return m_ease->strongestContributor(history, item);
    // iALS has no per-item contributions; the person's item nearest to this one in factor
    // space is what the model "saw" in them (history is in item order, so ties go lower).
    int best = -1;
    float bestSimilarity = -INFINITY;
    for (const Snapshot::Interaction &interaction : history) {
        if (interaction.index == item)
            continue;
        const float similarity = m_ials->similarity(interaction.index, item);
        if (similarity > bestSimilarity) {
            best = interaction.index;
            bestSimilarity = similarity;
        }
    }
    return best;
}

QString CollaborativeStrategy::explain(const RecommendRequest &request, int item) const
{
    const int reason = strongestReason(request.user, item);
    if (reason < 0)
        return Tr::tr("liked by people whose tastes match yours");
    return Tr::tr("because people who liked %1 also liked it").arg(m_snapshot->title(reason));
}

} // namespace Vitrine
