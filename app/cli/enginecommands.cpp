// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginecommands.h"

#include "clicontext.h"
#include "engine/modelstore.h"
#include "engine/models/personalchoice.h"
#include "engine/recommender.h"
#include "engine/slotdefinition.h"
#include "engine/strategies/collaborativestrategy.h"
#include "session/enginesession.h"
#include "engine/snapshot.h"
#include "engine/strategyregistry.h"
#include "audience/personfeatures.h"
#include "audience/segmentevaluator.h"
#include "audience/segmentlibrary.h"
#include "config/confighistory.h"
#include "eval/blendtuner.h"
#include "eval/evaluator.h"
#include "storage/configstore.h"
#include "storage/database.h"
#include "storage/timestamp.h"

#include <CLI/CLI.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::Cli)
};

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

/** Opens the catalog and loads its snapshot, printing why not. */
int loadSnapshot(const CliContext &context, Database &db, const std::optional<qint64> &asOf, SnapshotPtr &snapshot)
{
    if (const int code = context.open(db, Database::OpenMode::ReadWrite))
        return code;
    SnapshotOptions options;
    options.asOf = asOf;
    QString error;
    snapshot = Snapshot::load(db, options, &error, context.progress());
    context.endProgress();
    if (!snapshot) {
        context.error(error);
        return ExitBadInput;
    }
    return ExitOk;
}

int itemBySku(const CliContext &context, const Snapshot &s, const QString &sku, const char *option, int &item)
{
    item = s.itemIndexBySku(sku);
    if (item < 0) {
        context.error(Tr::tr("%1 %2: no such item in the catalog").arg(QLatin1String(option), sku));
        return ExitNotFound;
    }
    return ExitOk;
}

struct RecommendArgs
{
    std::string user;
    std::string slot;
    std::string item;
    std::string cart;
    std::string asOf;
    std::string whyNot;
    std::string definition; ///< JSON or @FILE: a slot definition used instead of the stored one
    int k = 0;
    bool explain = false;
};

/**
 * Reads --definition (JSON text, or @FILE) as the slot `key`. Prints why not, naming the file
 * and, for a definition the core refuses, the JSON path of the problem.
 */
int parseDefinition(const CliContext &context, const std::string &text, const QString &key,
    std::optional<SlotDefinition> &definition)
{
    QByteArray json = QByteArray::fromStdString(text);
    QString source = QStringLiteral("--definition");
    if (json.startsWith('@')) {
        QFile file(QString::fromLocal8Bit(json.mid(1)));
        if (!file.open(QIODevice::ReadOnly)) {
            context.error(Tr::tr("--definition %1: %2").arg(file.fileName(), file.errorString()));
            return ExitNotFound;
        }
        source = Tr::tr("--definition %1").arg(file.fileName());
        json = file.readAll();
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        context.error(Tr::tr("%1: not valid JSON at offset %2: %3")
                          .arg(source)
                          .arg(parseError.offset)
                          .arg(parseError.errorString()));
        return ExitBadInput;
    }
    if (!document.isObject()) {
        context.error(Tr::tr("%1: a slot definition is a JSON object").arg(source));
        return ExitBadInput;
    }
    QString error;
    definition = SlotDefinition::fromJson(key, document.object(), &error);
    if (!definition) {
        context.error(Tr::tr("%1: %2").arg(source, error));
        return ExitBadInput;
    }
    return ExitOk;
}

int runRecommend(CliContext &context, const RecommendArgs &args)
{
    std::optional<qint64> asOf;
    if (const int code = context.parseAsOf(args.asOf, asOf))
        return code;
    if (args.k < 0) {
        context.error(Tr::tr("--k must be at least 1"));
        return ExitUsage;
    }
    // A bad definition is refused before the catalog is even read.
    std::optional<SlotDefinition> definition;
    if (!args.definition.empty()) {
        if (const int code = parseDefinition(context, args.definition, fromStd(args.slot), definition))
            return code;
    }
    Database db;
    if (const int code = context.open(db, Database::OpenMode::ReadWrite))
        return code;
    QString error;
    EngineSession::Options options;
    options.asOf = asOf;
    const EngineSessionPtr session = EngineSession::open(db, options, &error, context.progress());
    context.endProgress();
    if (!session) {
        context.error(error);
        return ExitBadInput;
    }
    const Snapshot &s = *session->snapshot();

    RecommendRequest request;
    request.k = args.k;
    if (!args.user.empty()) {
        request.user = s.userIndexByExternalId(fromStd(args.user));
        if (request.user < 0) {
            context.error(Tr::tr("--user %1: no such person in the catalog").arg(fromStd(args.user)));
            return ExitNotFound;
        }
    }
    if (!args.item.empty()) {
        if (const int code = itemBySku(context, s, fromStd(args.item), "--item", request.contextItem))
            return code;
    }
    for (const QString &sku : fromStd(args.cart).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        int item = -1;
        if (const int code = itemBySku(context, s, sku.trimmed(), "--cart", item))
            return code;
        request.cart.push_back(item);
    }
    int whyNot = -1;
    if (!args.whyNot.empty()) {
        if (const int code = itemBySku(context, s, fromStd(args.whyNot), "--why-not", whyNot))
            return code;
    }

    const Recommender &recommender = session->recommender();
    if (!definition && !recommender.hasSlot(fromStd(args.slot))) {
        for (const QString &problem : session->problems())
            context.error(problem);
        context.error(Tr::tr("--slot %1: no such slot (slots: %2)")
                          .arg(fromStd(args.slot), recommender.slotKeys().join(QStringLiteral(", "))));
        return ExitNotFound;
    }
    QElapsedTimer timer;
    timer.start();
    const SlotResult result = definition
        ? session->recommend(*definition, request, whyNot, context.progress())
        : session->recommend(fromStd(args.slot), request, whyNot, context.progress());
    context.endProgress();
    if (!result.ok) {
        context.error(result.error);
        return ExitBadInput;
    }
    for (const QString &warning : result.warnings)
        context.error(Tr::tr("warning: %1").arg(warning));
    if (context.json) {
        QJsonObject json = result.toJson(s, request);
        json.insert(QStringLiteral("milliseconds"), double(timer.nsecsElapsed()) / 1e6);
        context.printJson(json);
        return ExitOk;
    }
    const QString who = request.user >= 0 ? s.externalId(request.user) : Tr::tr("an anonymous visitor");
    context.out(Tr::tr("%1 — for %2, as of %3").arg(result.title, who, Timestamp::toIso(s.asOf())));
    int position = 0;
    for (const RecommendedItem &entry : result.items) {
        const float price = s.currentPrice(entry.item);
        const QString priceText = std::isnan(price) ? QString() : QString::number(double(price), 'f', 2);
        context.out(QStringLiteral("%1. %2  %3  %4")
                        .arg(++position, 2)
                        .arg(s.sku(entry.item), -10)
                        .arg(s.title(entry.item), -44)
                        .arg(priceText, 9));
        if (args.explain) {
            for (const QString &reason : entry.reasons)
                context.out(QStringLiteral("      %1").arg(reason));
        }
    }
    if (result.items.empty())
        context.out(Tr::tr("   (nothing to show)"));
    if (result.whyNot)
        context.out(Tr::tr("Why not %1? %2").arg(s.sku(result.whyNot->item), result.whyNot->message));
    return ExitOk;
}

struct TrainArgs
{
    std::string models;
    std::string asOf;
};

int runTrain(CliContext &context, const TrainArgs &args)
{
    std::optional<qint64> asOf;
    if (const int code = context.parseAsOf(args.asOf, asOf))
        return code;
    Database db;
    SnapshotPtr snapshot;
    if (const int code = loadSnapshot(context, db, asOf, snapshot))
        return code;
    // Training is for caching: say so up front when the catalog cannot be written.
    if (db.isReadOnly()) {
        context.error(
            Tr::tr("%1: the catalog is read-only, so trained models cannot be kept in it").arg(db.path()));
        return ExitBadInput;
    }
    Recommender recommender(snapshot);
    ModelStore store(db, true);
    recommender.models().setStore(&store);

    QJsonArray trained;
    bool ok = true;
    const auto train = [&](const QString &what, const std::function<bool(QString *, QStringList *)> &build) {
        QElapsedTimer timer;
        timer.start();
        QString error;
        QStringList warnings;
        const bool built = build(&error, &warnings);
        for (const QString &warning : std::as_const(warnings))
            context.error(Tr::tr("warning: %1: %2").arg(what, warning));
        context.endProgress();
        const double seconds = double(timer.elapsed()) / 1000.0;
        if (!built) {
            context.error(Tr::tr("%1: %2").arg(what, error));
            ok = false;
        } else if (!context.json) {
            context.out(Tr::tr("%1: ready in %2 s").arg(what).arg(seconds, 0, 'f', 2));
        }
        trained.append(QJsonObject{{QStringLiteral("name"), what},
                                   {QStringLiteral("ok"), built},
                                   {QStringLiteral("seconds"), seconds},
                                   {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
                                   {QStringLiteral("error"), built ? QJsonValue() : QJsonValue(error)}});
    };

    if (!args.models.empty()) {
        StrategyContext strategyContext{snapshot, &recommender.models(), context.progress()};
        for (const QString &name : fromStd(args.models).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            train(name.trimmed(), [&](QString *error, QStringList *warnings) {
                const std::unique_ptr<Strategy> strategy = createStrategy(name.trimmed(), strategyContext, {}, error);
                if (!strategy)
                    return false;
                if (const QString problem = eventNeedProblem(*snapshot, name.trimmed(), strategy->eventNeed());
                    !problem.isEmpty())
                    warnings->append(problem);
                return true;
            });
        }
    } else {
        QStringList problems;
        QString error;
        recommender.loadSlots(db, &problems, &error);
        for (const QString &problem : std::as_const(problems))
            context.error(problem);
        for (const QString &key : recommender.slotKeys()) {
            train(Tr::tr("slot %1").arg(key), [&](QString *error, QStringList *warnings) {
                const std::shared_ptr<const SlotPipeline> pipeline = recommender.pipeline(key, error, context.progress());
                if (pipeline)
                    *warnings = pipeline->warnings();
                return pipeline != nullptr;
            });
        }
    }
    // What "personal" chose on this catalog, when something trained it.
    const std::shared_ptr<const PersonalChoice> choice = recommender.models().get<PersonalChoice>(
        QString::fromLatin1(CollaborativeStrategy::PersonalChoiceKey), [] { return std::shared_ptr<PersonalChoice>(); });
    if (context.json) {
        QJsonArray cached;
        for (const ModelStore::Entry &entry : store.entries()) {
            cached.append(QJsonObject{{QStringLiteral("name"), entry.name},
                                      {QStringLiteral("bytes"), entry.bytes},
                                      {QStringLiteral("fresh"), entry.watermark == snapshot->watermark()}});
        }
        QJsonObject json {{QStringLiteral("watermark"), snapshot->watermark()},
                           {QStringLiteral("trained"), trained},
                           {QStringLiteral("cached_models"), cached}};
        if (choice)
            json.insert(QStringLiteral("personal_choice"), QJsonDocument::fromJson(choice->serialize()).object());
        context.printJson(json);
    } else {
        if (choice)
            context.out(Tr::tr("personal: %1").arg(choice->summary()));
        for (const ModelStore::Entry &entry : store.entries()) {
            context.out(
                Tr::tr("cached model %1 (%2 MiB): %3")
                    .arg(entry.name)
                    .arg(double(entry.bytes) / 1048576.0, 0, 'f', 1)
                    .arg(entry.watermark == snapshot->watermark() ? Tr::tr("fresh")
                                                                  : Tr::tr("stale, events changed since")));
        }
    }
    return ok ? ExitOk : ExitBadInput;
}

struct EvaluateArgs
{
    std::string strategy;
    std::string slot;
    std::string params;
    std::vector<int> ks;
    double holdout = 0.2;
    std::string asOf;
    std::string by;
    std::string segments;
    bool tune = false;
    bool save = false;
};

QString blendText(const SlotDefinition &slot)
{
    QStringList parts;
    for (const SlotStrategy &strategy : slot.strategies)
        parts.append(QStringLiteral("%1 %2").arg(strategy.name).arg(strategy.weight, 0, 'g', 3));
    return parts.join(QStringLiteral(", "));
}

/** `evaluate --slot KEY --tune [--save]`: the best blend on the validation split, and on the test split. */
int runTune(CliContext &context, Database &db, const SnapshotPtr &snapshot, const SlotDefinition &slot,
    const EvaluationOptions &options, bool save)
{
    const BlendTuning tuning = BlendTuner::tune(snapshot, slot, options, context.progress());
    context.endProgress();
    if (!tuning.ok) {
        context.error(Tr::tr("evaluate --tune: %1").arg(tuning.error));
        return tuning.cancelled ? ExitBadInput : ExitNotFound;
    }
    int savedVersion = 0;
    if (save && tuning.improved()) {
        ConfigStore store(db);
        QString error;
        const std::optional<ConfigObject> stored = store.get(QStringLiteral("slots"), slot.key, &error);
        const QJsonObject tuned = stored ? BlendTuner::withBlend(stored->definition, tuning.best) : QJsonObject();
        if (!stored || !checkConfigDefinition(db, QStringLiteral("slots"), slot.key, tuned, &error)
            || !store.save(QStringLiteral("slots"), slot.key, tuned, &error)) {
            context.error(Tr::tr("evaluate --tune --save: %1").arg(error));
            return ExitBadInput;
        }
        const std::optional<ConfigObject> now = store.get(QStringLiteral("slots"), slot.key);
        savedVersion = now ? now->version : 0;
    }
    if (context.json) {
        QJsonObject json = tuning.toJson();
        json.insert(QStringLiteral("saved_version"), savedVersion ? QJsonValue(savedVersion) : QJsonValue());
        context.printJson(json);
        return ExitOk;
    }
    const int k = tuning.k;
    context.out(Tr::tr("%1: %2 blends tried on %3 validation people; the test part (%4 people) was not used to choose")
                    .arg(slot.key)
                    .arg(tuning.trials.size())
                    .arg(CliContext::number(tuning.validationUsers), CliContext::number(tuning.currentTest.users)));
    context.out(QStringLiteral("           %1  %2  %3  %4")
                    .arg(Tr::tr("normalisation"), -13)
                    .arg(Tr::tr("validation NDCG@%1").arg(k), -19)
                    .arg(Tr::tr("test NDCG@%1").arg(k), -13)
                    .arg(Tr::tr("weights")));
    const auto row = [&](const QString &label, const SlotDefinition &blend, const BlendTrial &trial,
                         const EvaluationResult &test) {
        context.out(QStringLiteral("  %1 %2  %3  %4  %5")
                        .arg(label, -8)
                        .arg(SlotDefinition::normalisationName(trial.normalisation), -13)
                        .arg(QString::number(trial.score, 'f', 4), -19)
                        .arg(QString::number(test.byK.at(k).ndcg, 'f', 4), -13)
                        .arg(blendText(blend)));
    };
    row(Tr::tr("current"), tuning.current, tuning.currentTrial, tuning.currentTest);
    row(Tr::tr("best"), tuning.best, tuning.bestTrial, tuning.bestTest);
    if (!tuning.improved())
        context.out(Tr::tr("The current blend is the best found; nothing to change."));
    else if (savedVersion)
        context.out(Tr::tr("Saved as version %1 of slot %2 (`history restore slot %2 %3` brings the old weights back)")
                        .arg(savedVersion)
                        .arg(slot.key)
                        .arg(savedVersion - 1));
    else
        context.out(Tr::tr("Not saved: add --save to store the best blend as a new version of the slot."));
    return ExitOk;
}

int runEvaluate(CliContext &context, const EvaluateArgs &args)
{
    if (args.strategy.empty() == args.slot.empty()) {
        context.error(Tr::tr("evaluate: name exactly one of --strategy NAME or --slot KEY"));
        return ExitUsage;
    }
    if ((args.tune || args.save) && args.slot.empty()) {
        context.error(Tr::tr("evaluate: --tune weighs a slot's strategies; name the slot with --slot KEY"));
        return ExitUsage;
    }
    if (args.save && !args.tune) {
        context.error(Tr::tr("evaluate: --save stores what --tune found; add --tune"));
        return ExitUsage;
    }
    if (args.tune && (!args.by.empty() || !args.segments.empty())) {
        context.error(Tr::tr("evaluate: --tune gives one figure per blend; leave out --by and --segments"));
        return ExitUsage;
    }
    std::optional<qint64> asOf;
    if (const int code = context.parseAsOf(args.asOf, asOf))
        return code;
    EvaluationOptions options;
    options.ks = args.ks.empty() ? std::vector<int>{10} : args.ks;
    options.holdout = args.holdout;
    options.subject = fromStd(args.strategy.empty() ? args.slot : args.strategy);
    if (const QString problem = Evaluator::validate(options); !problem.isEmpty()) {
        context.error(Tr::tr("evaluate: %1").arg(problem));
        return ExitUsage;
    }
    QJsonObject params;
    if (!args.params.empty()) {
        params = QJsonDocument::fromJson(QByteArray::fromStdString(args.params)).object();
        if (params.isEmpty()) {
            context.error(Tr::tr("--params must be a JSON object, such as '{\"lambda\": 300}'"));
            return ExitUsage;
        }
    }

    Database db;
    SnapshotPtr snapshot;
    if (const int code = loadSnapshot(context, db, asOf, snapshot))
        return code;
    if (!args.by.empty()) {
        const QString by = fromStd(args.by);
        std::vector<int> group(size_t(snapshot->userCount()), -1);
        QStringList names;
        QHash<QString, int> index;
        for (int u = 0; u < snapshot->userCount(); ++u) {
            QString name;
            if (by == QLatin1String("gender"))
                name = snapshot->gender(u) ? QString(QLatin1Char(snapshot->gender(u))) : QString();
            else if (by == QLatin1String("country"))
                name = snapshot->country(u) >= 0 ? snapshot->countryName(snapshot->country(u)) : QString();
            else if (by == QLatin1String("age"))
                name = snapshot->age(u) >= 0 ? QStringLiteral("%1-%2").arg(snapshot->age(u) / 10 * 10).arg(snapshot->age(u) / 10 * 10 + 9) : QString();
            else {
                context.error(Tr::tr("--by %1: break down by gender, country or age").arg(by));
                return ExitUsage;
            }
            if (name.isEmpty())
                continue;
            auto it = index.constFind(name);
            if (it == index.constEnd()) {
                it = index.insert(name, int(names.size()));
                names.append(name);
            }
            group[size_t(u)] = it.value();
        }
        options.groupOfUser = std::move(group);
        options.groupNames = names;
    }

    const QString strategyName = fromStd(args.strategy);
    const QString slotKey = fromStd(args.slot);
    SlotDefinition slotDefinition;
    if (!slotKey.isEmpty()) {
        Recommender probe(snapshot);
        QStringList problems;
        QString error;
        probe.loadSlots(db, &problems, &error);
        if (!probe.hasSlot(slotKey)) {
            context.error(Tr::tr("--slot %1: no such slot (slots: %2)")
                              .arg(slotKey, probe.slotKeys().join(QStringLiteral(", "))));
            return ExitNotFound;
        }
        if (args.tune)
            return runTune(context, db, snapshot, *probe.slot(slotKey), options, args.save);
    }
    // Built on the train snapshot inside the evaluator; kept alive by the ranker it returns.
    QStringList warnings;
    const auto makeRanker = [&](const SnapshotPtr &train, QString *error) -> Evaluator::Ranker {
        auto recommender = std::make_shared<Recommender>(train);
        if (!strategyName.isEmpty()) {
            StrategyContext strategyContext{train, &recommender->models(), context.progress()};
            std::shared_ptr<const Strategy> strategy(createStrategy(strategyName, strategyContext, params, error).release());
            if (!strategy)
                return {};
            if (const QString problem = eventNeedProblem(*train, strategyName, strategy->eventNeed()); !problem.isEmpty())
                warnings.append(problem);
            return [recommender, strategy](int user, int n) {
                std::vector<int> items;
                RecommendRequest request;
                request.user = user;
                request.k = n;
                for (const ScoredItem &scored : strategy->candidates(request, n))
                    items.push_back(scored.item);
                return items;
            };
        }
        QStringList problems;
        recommender->loadSlots(db, &problems, error);
        const std::shared_ptr<const SlotPipeline> pipeline = recommender->pipeline(slotKey, error, context.progress());
        if (!pipeline)
            return {};
        warnings = pipeline->warnings();
        // The recommender keeps the models the pipeline's strategies share.
        return [recommender, ranker = Evaluator::slotRanker(pipeline)](int user, int n) { return ranker(user, n); };
    };
    const EvaluationResult result = Evaluator::run(snapshot, makeRanker, options, context.progress());
    context.endProgress();
    if (!result.ok) {
        context.error(Tr::tr("evaluate: %1").arg(result.error));
        return result.cancelled ? ExitBadInput : ExitNotFound;
    }
    for (const QString &warning : std::as_const(warnings))
        context.error(Tr::tr("warning: %1").arg(warning));
    QJsonObject json = result.toJson(strategyName.isEmpty() ? QStringLiteral("slot") : QStringLiteral("strategy"));
    if (!warnings.isEmpty())
        json.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
    // Per segment: a person may be in several, so each segment is its own one-group breakdown.
    const QStringList segmentNames = fromStd(args.segments).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!segmentNames.isEmpty()) {
        QString error;
        const SegmentLibrary library = SegmentLibrary::load(db, &error);
        SegmentEvaluator evaluator(PersonFeatures::compute(snapshot), &library);
        QJsonArray groups = json.value(QStringLiteral("groups")).toArray();
        for (const QString &name : segmentNames) {
            const SegmentMembers members = evaluator.evaluate(name.trimmed());
            if (!members.ok) {
                context.error(Tr::tr("--segments: %1").arg(members.error));
                return ExitNotFound;
            }
            std::vector<int> group(size_t(snapshot->userCount()), -1);
            for (int user : members.members.toList())
                group[size_t(user)] = 0;
            for (const GroupMetrics &metrics : result.breakdown(group, {name.trimmed()})) {
                groups.append(QJsonObject{{QStringLiteral("name"), metrics.name},
                                          {QStringLiteral("segment"), true},
                                          {QStringLiteral("users"), metrics.users},
                                          {QStringLiteral("metrics"), EvaluationResult::metricsToJson(metrics.byK)}});
            }
        }
        json.insert(QStringLiteral("groups"), groups);
    }
    if (context.json) {
        context.printJson(json);
        return ExitOk;
    }
    context.out(
        Tr::tr("%1 on %2 people (%3 held-out items, holdout %4)")
            .arg(options.subject, CliContext::number(result.users), CliContext::number(result.testItems))
            .arg(options.holdout));
    const QJsonObject metrics = json.value(QStringLiteral("metrics")).toObject();
    for (auto it = metrics.begin(); it != metrics.end(); ++it)
        context.out(QStringLiteral("  %1 %2").arg(it.key(), -14).arg(it.value().toDouble(), 0, 'f', 4));
    const QJsonArray groups = json.value(QStringLiteral("groups")).toArray();
    for (const QJsonValue &group : groups) {
        const QJsonObject g = group.toObject();
        QStringList values;
        const QJsonObject m = g.value(QStringLiteral("metrics")).toObject();
        for (auto it = m.begin(); it != m.end(); ++it)
            values.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toDouble(), 0, 'f', 4));
        context.out(QStringLiteral("  [%1, %2 people] %3")
                        .arg(g.value(QStringLiteral("name")).toString())
                        .arg(g.value(QStringLiteral("users")).toInt())
                        .arg(values.join(QStringLiteral(", "))));
    }
    return ExitOk;
}

int runWeights(CliContext &context, const std::string &set)
{
    Database db;
    if (const int code = context.open(db, Database::OpenMode::ReadWrite))
        return code;
    QString error;
    std::optional<EventWeights> weights;
    if (set.empty()) {
        weights = EventWeights::load(db, &error);
    } else {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(set), &parseError);
        if (!document.isObject()) {
            context.error(Tr::tr("--set: not a JSON object (%1)").arg(parseError.errorString()));
            return ExitBadInput;
        }
        // Read, merge and write under one write lock: two programs setting different types at
        // once both keep their change instead of the later one writing back the older weights.
        Transaction transaction(db, &error);
        if (!transaction.isActive()) {
            context.error(Tr::tr("--set: %1").arg(error));
            return ExitBadInput;
        }
        // Unnamed types keep their current weight; the stored values are taken as they are, so
        // setting a key that an older build stored broken repairs it.
        QJsonObject merged = EventWeights().toJson();
        const QJsonObject stored = EventWeights::loadJson(db);
        for (auto it = stored.begin(); it != stored.end(); ++it)
            merged.insert(it.key(), it.value());
        const QJsonObject changes = document.object();
        for (auto it = changes.begin(); it != changes.end(); ++it)
            merged.insert(it.key(), it.value());
        // A bad change is named first; when the change is fine but the merge is not, what the
        // catalog holds is broken: say so, and how to repair it.
        if (!EventWeights::fromJson(changes, &error)) {
            context.error(Tr::tr("--set: %1").arg(error));
            return ExitBadInput;
        }
        weights = EventWeights::fromJson(merged, &error);
        if (!weights)
            EventWeights::load(db, &error);
        if (!weights || !weights->save(db, &error) || !transaction.commit(&error)) {
            context.error(Tr::tr("--set: %1").arg(error));
            return ExitBadInput;
        }
    }
    if (!weights) {
        context.error(error);
        return ExitBadInput;
    }
    if (context.json) {
        context.printJson(weights->toJson());
        return ExitOk;
    }
    for (int i = 0; i < EventTypeCount; ++i)
        context.out(QStringLiteral("%1 %2").arg(eventTypeName(EventType(i)), -10).arg(double(weights->weights[size_t(i)])));
    context.out(Tr::tr("half-life  %1")
                    .arg(weights->halfLifeDays > 0 ? Tr::tr("%1 days").arg(weights->halfLifeDays)
                                                   : Tr::tr("none (events never fade)")));
    return ExitOk;
}

} // namespace

void addEngineCommands(CLI::App &app, CliContext &context)
{
    auto weightsSet = std::make_shared<std::string>();
    CLI::App *weights = app.add_subcommand("weights", "Show or set how much each event type counts, and its half-life");
    weights->add_option("--set", *weightsSet, "JSON such as '{\"purchase\": 10, \"half_life_days\": 90}'");
    weights->callback([&context, weightsSet] { context.exitCode = runWeights(context, *weightsSet); });

    auto recommendArgs = std::make_shared<RecommendArgs>();
    CLI::App *recommend = app.add_subcommand("recommend", "What a slot shows one person, and why");
    recommend->add_option("--user", recommendArgs->user, "The person's external id (none: anonymous)");
    recommend->add_option("--slot", recommendArgs->slot, "The slot's key")->required();
    recommend->add_option("--item", recommendArgs->item, "The current item's sku (product page)");
    recommend->add_option("--cart", recommendArgs->cart, "Skus in the cart, comma-separated");
    recommend->add_option("--k", recommendArgs->k, "How many items (default: the slot's max_items)");
    recommend->add_option("--as-of", recommendArgs->asOf, "Only events up to this time count");
    recommend->add_flag("--explain", recommendArgs->explain, "Show why each item is there");
    recommend->add_option("--why-not", recommendArgs->whyNot, "Say where this sku fell out of the slot");
    recommend->add_option("--definition", recommendArgs->definition,
        "Recommend with this slot definition (JSON, or @FILE) instead of the stored one; --slot names it");
    recommend->callback([&context, recommendArgs] { context.exitCode = runRecommend(context, *recommendArgs); });

    auto trainArgs = std::make_shared<TrainArgs>();
    CLI::App *train = app.add_subcommand("train", "Train the models the slots use and cache them in the catalog");
    train->add_option("--models", trainArgs->models, "Strategies to train, comma-separated (default: every slot's)");
    train->add_option("--as-of", trainArgs->asOf, "Only events up to this time count");
    train->callback([&context, trainArgs] { context.exitCode = runTrain(context, *trainArgs); });

    auto evaluateArgs = std::make_shared<EvaluateArgs>();
    CLI::App *evaluate = app.add_subcommand("evaluate", "Offline evaluation on the shop's own history");
    evaluate->add_option("--strategy", evaluateArgs->strategy, "A strategy name");
    evaluate->add_option("--slot", evaluateArgs->slot, "A slot key");
    evaluate->add_option("--params", evaluateArgs->params, "The strategy's params as JSON");
    evaluate->add_option("--k", evaluateArgs->ks, "Cut-off(s), repeatable (default 10)")->delimiter(',');
    evaluate->add_option("--holdout", evaluateArgs->holdout, "Share of each person's items held out")->capture_default_str();
    evaluate->add_option("--as-of", evaluateArgs->asOf, "Only events up to this time count");
    evaluate->add_option("--by", evaluateArgs->by, "Break down by gender, country or age");
    evaluate->add_option("--segments", evaluateArgs->segments, "Break down by these stored segments, comma-separated");
    evaluate->add_flag("--tune", evaluateArgs->tune,
        "With --slot: search the strategies' weights and normalisation on a validation split");
    evaluate->add_flag("--save", evaluateArgs->save, "With --tune: store the best blend as a new version of the slot");
    evaluate->callback([&context, evaluateArgs] { context.exitCode = runEvaluate(context, *evaluateArgs); });
}

} // namespace Vitrine
