// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentcommands.h"

#include "audience/personfeatures.h"
#include "audience/segmentevaluator.h"
#include "audience/segmentexporter.h"
#include "audience/segmentlibrary.h"
#include "audience/segmentoverlap.h"
#include "audience/segmentpriority.h"
#include "audience/segmentstatistics.h"
#include "clicontext.h"
#include "config/confighistory.h"
#include "layout/audiencecache.h"
#include "session/enginesession.h"
#include "engine/modelstore.h"
#include "engine/recommender.h"
#include "engine/snapshot.h"
#include "storage/configstore.h"
#include "storage/timestamp.h"

#include <CLI/CLI.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <memory>

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

QString percent(double share)
{
    return QLocale(QLocale::English).toString(share * 100.0, 'f', 1) + QLatin1Char('%');
}

/** What a command is about: a stored segment by name, or an inline rule. */
struct Target
{
    std::string name;
    std::string rule;
    std::string asOf;
};

/** The catalog, its snapshot and features at --as-of, the stored segments, and the target's rule. */
struct Session
{
    Database db;
    EngineSessionPtr engine; ///< the catalog as of --as-of: snapshot and person features
    SnapshotPtr snapshot;
    PersonFeaturesPtr features;
    SegmentLibrary library;
    std::unique_ptr<SegmentEvaluator> evaluator;
    SegmentRule rule;
    QString name; ///< empty for an inline rule
    QString label;
    double loadSeconds = 0;
    double featureSeconds = 0;
};

/** Reads --rule: JSON text, or @FILE. Prints why not, and `after` the message. */
int parseRule(
    const CliContext &context, const std::string &text, SegmentRule &rule, const QString &after = {})
{
    QByteArray json = QByteArray::fromStdString(text);
    if (json.startsWith('@')) {
        QFile file(QString::fromLocal8Bit(json.mid(1)));
        if (!file.open(QIODevice::ReadOnly)) {
            context.error(Tr::tr("--rule %1: %2").arg(file.fileName(), file.errorString()));
            return ExitNotFound;
        }
        json = file.readAll();
    }
    QString error;
    auto parsed = SegmentRule::fromText(json, &error);
    if (!parsed) {
        context.error(Tr::tr("--rule: %1%2").arg(error, after));
        return ExitBadInput;
    }
    rule = std::move(*parsed);
    return ExitOk;
}

/** Opens the catalog and reads its stored segments. */
int openCatalog(const CliContext &context, Session &session, Database::OpenMode mode)
{
    if (const int code = context.open(session.db, mode))
        return code;
    QString error;
    session.library = SegmentLibrary::load(session.db, &error);
    if (!error.isEmpty()) {
        context.error(error);
        return ExitBadInput;
    }
    for (const QString &problem : session.library.problems())
        context.error(Tr::tr("warning: %1").arg(problem));
    return ExitOk;
}

/** Reads the snapshot at --as-of and computes the person features. */
int loadSnapshot(const CliContext &context, const std::string &asOfText, Session &session)
{
    SnapshotOptions options;
    if (!asOfText.empty()) {
        options.asOf = Timestamp::parse(fromStd(asOfText));
        if (!options.asOf) {
            context.error(Tr::tr("--as-of %1 is not a date or time (use ISO 8601 or Unix seconds)")
                              .arg(fromStd(asOfText)));
            return ExitUsage;
        }
    }
    QString error;
    QElapsedTimer timer;
    timer.start();
    EngineSession::Options engineOptions;
    engineOptions.asOf = options.asOf;
    session.engine = EngineSession::open(session.db, engineOptions, &error, context.progress());
    if (session.engine) {
        session.snapshot = session.engine->snapshot();
        session.loadSeconds = double(timer.nsecsElapsed()) / 1e9;
        timer.restart();
        if (const auto audience = session.engine->audience(&error, context.progress()))
            session.features = audience->features();
        session.featureSeconds = double(timer.nsecsElapsed()) / 1e9;
    }
    context.endProgress();
    if (!session.snapshot || !session.features) {
        context.error(error.isEmpty() ? Tr::tr("cancelled") : error);
        return ExitBadInput;
    }
    session.evaluator = std::make_unique<SegmentEvaluator>(session.features, &session.library);
    return ExitOk;
}

/** Checks the target before the (slow) snapshot is read, then opens the session. */
int openTarget(const CliContext &context, const Target &target, Session &session)
{
    if (target.name.empty() == target.rule.empty()) {
        context.error(Tr::tr("name a stored segment or give --rule JSON (one of them)"));
        return ExitUsage;
    }
    if (!target.rule.empty()) {
        if (const int code = parseRule(context, target.rule, session.rule))
            return code;
    }
    if (const int code = openCatalog(context, session, Database::OpenMode::ReadOnly))
        return code;
    QString error;
    if (!target.name.empty()) {
        session.name = fromStd(target.name);
        const SegmentDefinition *definition = session.library.find(session.name);
        if (!definition) {
            const QStringList names = session.library.names();
            context.error(
                Tr::tr("no segment named '%1'%2")
                    .arg(session.name,
                        names.isEmpty() ? QString()
                                        : Tr::tr(" (segments: %1)").arg(names.join(QStringLiteral(", ")))));
            return ExitNotFound;
        }
        session.rule = definition->rule;
        session.label = definition->displayTitle() == session.name
            ? session.name
            : QStringLiteral("%1 (%2)").arg(definition->displayTitle(), session.name);
    } else {
        session.label = Tr::tr("the rule");
        if (!session.library.checkReferences(QString(), session.rule, &error)) {
            context.error(Tr::tr("--rule: %1").arg(error));
            return ExitBadInput;
        }
    }
    return loadSnapshot(context, target.asOf, session);
}

/** Evaluates the target, printing warnings; the members in `members`. */
int evaluateTarget(
    const CliContext &context, Session &session, SegmentMembers &members, double *seconds = nullptr)
{
    QElapsedTimer timer;
    timer.start();
    members = session.name.isEmpty() ? session.evaluator->evaluate(session.rule, context.progress())
                                     : session.evaluator->evaluate(session.name, context.progress());
    if (seconds)
        *seconds = double(timer.nsecsElapsed()) / 1e9;
    context.endProgress();
    for (const QString &warning : std::as_const(members.warnings))
        context.error(Tr::tr("warning: %1").arg(warning));
    if (!members.ok) {
        context.error(members.error);
        return ExitBadInput;
    }
    return ExitOk;
}

QJsonObject header(const Session &session, const SegmentMembers &members)
{
    QJsonObject json {{QStringLiteral("as_of"), Timestamp::toIso(session.features->asOf())},
        {QStringLiteral("size"), members.count()},
        {QStringLiteral("population"), session.features->userCount()},
        {QStringLiteral("share"),
            session.features->userCount() ? double(members.count()) / session.features->userCount() : 0.0},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(members.warnings)}};
    if (session.name.isEmpty())
        json.insert(QStringLiteral("rule"), session.rule.toJson());
    else
        json.insert(QStringLiteral("segment"), session.name);
    return json;
}

int runList(CliContext &context, bool counts, const std::string &asOf)
{
    Session session;
    if (const int code = openCatalog(context, session, Database::OpenMode::ReadOnly))
        return code;
    if (const int code = counts ? loadSnapshot(context, asOf, session) : ExitOk)
        return code;
    QString error;
    const auto priority = SegmentPriority::load(session.db, &error);
    QJsonArray list;
    for (const QString &name : session.library.names()) {
        const SegmentDefinition *definition = session.library.find(name);
        QJsonObject entry {{QStringLiteral("name"), name}, {QStringLiteral("title"), definition->title},
            {QStringLiteral("description"), definition->description},
            {QStringLiteral("rule"), definition->rule.toJson()}};
        QString size;
        if (counts) {
            const SegmentMembers members = session.evaluator->evaluate(name);
            if (members.ok) {
                entry.insert(QStringLiteral("size"), members.count());
                size = CliContext::number(members.count());
            } else {
                entry.insert(QStringLiteral("error"), members.error);
                size = members.error;
            }
        }
        list.append(entry);
        if (!context.json)
            context.out(
                QStringLiteral("%1  %2%3").arg(name, -22).arg(definition->displayTitle(), -24).arg(size, 10));
    }
    if (context.json) {
        QJsonObject json {{QStringLiteral("segments"), list},
            {QStringLiteral("problems"), QJsonArray::fromStringList(session.library.problems())},
            {QStringLiteral("priority"),
                QJsonArray::fromStringList(priority ? priority->order() : QStringList())}};
        if (counts)
            json.insert(QStringLiteral("as_of"), Timestamp::toIso(session.features->asOf()));
        context.printJson(json);
    } else if (list.isEmpty()) {
        context.out(Tr::tr("No segments yet: save one with `segment save NAME --rule JSON`."));
    }
    return ExitOk;
}

int runCount(CliContext &context, const Target &target)
{
    Session session;
    if (const int code = openTarget(context, target, session))
        return code;
    SegmentMembers members;
    double seconds = 0;
    if (const int code = evaluateTarget(context, session, members, &seconds))
        return code;
    if (context.json) {
        QJsonObject json = header(session, members);
        json.insert(QStringLiteral("milliseconds"), seconds * 1000.0);
        context.printJson(json);
        return ExitOk;
    }
    context.out(Tr::tr("%1: %2 of %3 people (%4), as of %5")
                    .arg(session.label, CliContext::number(members.count()),
                        CliContext::number(session.features->userCount()),
                        percent(double(members.count()) / std::max(1, session.features->userCount())),
                        Timestamp::toIso(session.features->asOf())));
    return ExitOk;
}

int runMembers(CliContext &context, const Target &target, int limit)
{
    Session session;
    if (const int code = openTarget(context, target, session))
        return code;
    SegmentMembers members;
    if (const int code = evaluateTarget(context, session, members))
        return code;
    QJsonArray ids;
    int shown = 0;
    members.members.forEach([&](int user) {
        if (limit > 0 && shown >= limit)
            return;
        ++shown;
        if (context.json)
            ids.append(session.snapshot->externalId(user));
        else
            context.out(session.snapshot->externalId(user));
    });
    if (context.json) {
        QJsonObject json = header(session, members);
        json.insert(QStringLiteral("members"), ids);
        json.insert(QStringLiteral("truncated"), shown < members.count());
        context.printJson(json);
    } else if (shown < members.count()) {
        context.error(Tr::tr("(%1 of %2 members; --limit 0 lists all)").arg(shown).arg(members.count()));
    }
    return ExitOk;
}

struct StatsArgs
{
    Target target;
    int months = 12;
    std::string slot;
    int sample = 200;
    int level = 2;
    std::string byEvent = "purchase";
};

int runStats(CliContext &context, const StatsArgs &args)
{
    const auto categoryEvent = eventTypeFromName(QStringView(fromStd(args.byEvent)));
    if (!categoryEvent || args.level < 1 || args.months < 0 || args.sample < 1) {
        context.error(Tr::tr(
            "segment stats: --by-event must be an event type, --level ≥ 1, --months ≥ 0, --sample ≥ 1"));
        return ExitUsage;
    }
    Session session;
    if (const int code = openTarget(context, args.target, session))
        return code;
    SegmentMembers members;
    double evaluateSeconds = 0;
    if (const int code = evaluateTarget(context, session, members, &evaluateSeconds))
        return code;
    QElapsedTimer timer;
    timer.start();
    const SegmentStatistics statistics(session.features);
    SegmentStatsOptions options;
    options.categoryLevel = args.level;
    options.categoryEvent = *categoryEvent;
    const SegmentStats stats = statistics.compute(members.members, options, context.progress());
    const double statsSeconds = double(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    QString error;
    const std::vector<SegmentMonthSize> history
        = statistics.sizeOverTime(session.rule, &session.library, args.months, &error, context.progress());
    const double historySeconds = double(timer.nsecsElapsed()) / 1e9;
    context.endProgress();
    if (!error.isEmpty()) {
        context.error(error);
        return ExitBadInput;
    }
    std::optional<SegmentShown> shown;
    std::unique_ptr<ModelStore> store;
    if (!args.slot.empty()) {
        Recommender recommender(session.snapshot);
        store = std::make_unique<ModelStore>(session.db, false);
        recommender.models().setStore(store.get());
        QStringList problems;
        recommender.loadSlots(session.db, &problems, &error);
        if (!recommender.hasSlot(fromStd(args.slot))) {
            context.error(Tr::tr("--slot %1: no such slot (slots: %2)")
                              .arg(fromStd(args.slot), recommender.slotKeys().join(QStringLiteral(", "))));
            return ExitNotFound;
        }
        timer.restart();
        shown = statistics.shown(
            members.members, recommender, fromStd(args.slot), args.sample, 20, context.progress());
        context.endProgress();
        if (!shown->ok) {
            context.error(Tr::tr("--slot %1: %2").arg(fromStd(args.slot), shown->error));
            return ExitBadInput;
        }
    }
    const double shownSeconds = shown ? double(timer.nsecsElapsed()) / 1e9 : 0.0;
    if (context.json) {
        QJsonObject json = stats.toJson();
        const QJsonObject head = header(session, members);
        for (auto it = head.begin(); it != head.end(); ++it)
            json.insert(it.key(), it.value());
        QJsonArray months;
        for (const SegmentMonthSize &month : history)
            months.append(month.toJson());
        json.insert(QStringLiteral("size_over_time"), months);
        if (shown)
            json.insert(QStringLiteral("shown"), shown->toJson(*session.snapshot));
        json.insert(QStringLiteral("seconds"),
            QJsonObject {{QStringLiteral("snapshot"), session.loadSeconds},
                {QStringLiteral("features"), session.featureSeconds},
                {QStringLiteral("evaluate"), evaluateSeconds}, {QStringLiteral("statistics"), statsSeconds},
                {QStringLiteral("size_over_time"), historySeconds}, {QStringLiteral("shown"), shownSeconds}});
        context.printJson(json);
        return ExitOk;
    }
    context.out(Tr::tr("%1: %2 of %3 people (%4), as of %5")
                    .arg(session.label, CliContext::number(stats.size), CliContext::number(stats.population),
                        percent(stats.share), Timestamp::toIso(stats.asOf)));
    QStringList lines = stats.toLines();
    if (!history.empty())
        lines.append(Tr::tr("Size at month ends  %1").arg(SegmentMonthSize::toLine(history)));
    if (shown)
        lines += shown->toLines(*session.snapshot);
    for (const QString &line : std::as_const(lines))
        context.out(QStringLiteral("  ") + line);
    return ExitOk;
}

/** segment overlap [NAME …] [--rule NAME=JSON …]: stored segments and inline rules, mixed. */
int runOverlap(CliContext &context, const std::vector<std::string> &names,
    const std::vector<std::string> &rules, const std::string &asOf)
{
    std::vector<SegmentOverlap::Input> inputs;
    for (const std::string &name : names)
        inputs.push_back({fromStd(name), std::nullopt});
    for (const std::string &text : rules) {
        const size_t split = text.find('=');
        if (split == std::string::npos) {
            context.error(Tr::tr("--rule %1: give NAME=JSON (or NAME=@FILE)").arg(fromStd(text)));
            return ExitUsage;
        }
        SegmentRule rule;
        if (const int code = parseRule(context, text.substr(split + 1), rule))
            return code;
        inputs.push_back({fromStd(text.substr(0, split)), std::move(rule)});
    }
    Session session;
    if (const int code = openCatalog(context, session, Database::OpenMode::ReadOnly))
        return code;
    for (const SegmentOverlap::Input &input : inputs) {
        if (!input.rule && !session.library.contains(input.name)) {
            context.error(Tr::tr("no segment named '%1'").arg(input.name));
            return ExitNotFound;
        }
    }
    QString error;
    if (!SegmentOverlap::checkInputs(session.library, inputs, &error)) {
        context.error(Tr::tr("segment overlap: %1").arg(error));
        return ExitUsage;
    }
    if (const int code = loadSnapshot(context, asOf, session))
        return code;
    QStringList warnings;
    const auto overlap
        = SegmentOverlap::evaluate(*session.evaluator, inputs, &error, &warnings, context.progress());
    context.endProgress();
    for (const QString &warning : std::as_const(warnings))
        context.error(Tr::tr("warning: %1").arg(warning));
    if (!overlap) {
        context.error(error);
        return ExitBadInput;
    }
    if (context.json) {
        QJsonObject json = overlap->toJson();
        json.insert(QStringLiteral("as_of"), Timestamp::toIso(session.features->asOf()));
        context.printJson(json);
        return ExitOk;
    }
    for (const QString &line : overlap->toLines())
        context.out(line);
    return ExitOk;
}

int runExplain(CliContext &context, const Target &target, const std::string &user)
{
    Session session;
    if (const int code = openTarget(context, target, session))
        return code;
    const int index = session.snapshot->userIndexByExternalId(fromStd(user));
    if (index < 0) {
        context.error(Tr::tr("--user %1: no such person in the catalog").arg(fromStd(user)));
        return ExitNotFound;
    }
    const SegmentExplanation explanation = session.name.isEmpty()
        ? session.evaluator->explain(session.rule, index)
        : session.evaluator->explain(session.name, index);
    if (!explanation.ok) {
        context.error(explanation.error);
        return ExitBadInput;
    }
    if (context.json) {
        QJsonObject json = explanation.toJson();
        if (session.name.isEmpty())
            json.insert(QStringLiteral("rule"), session.rule.toJson());
        context.printJson(json);
        return ExitOk;
    }
    context.out(explanation.member
            ? Tr::tr("%1 is in %2 (as of %3)")
                  .arg(explanation.externalId, session.label, Timestamp::toIso(explanation.asOf))
            : Tr::tr("%1 is not in %2 (as of %3)")
                  .arg(explanation.externalId, session.label, Timestamp::toIso(explanation.asOf)));
    for (const QString &line : explanation.toLines())
        context.out(QStringLiteral("  ") + line);
    return ExitOk;
}

struct SaveArgs
{
    std::string name;
    std::string rule;
    std::string title;
    std::string description;
};

int runSave(CliContext &context, const SaveArgs &args)
{
    SegmentDefinition definition;
    definition.name = fromStd(args.name);
    definition.title = fromStd(args.title);
    definition.description = fromStd(args.description);
    QString error;
    if (!SegmentDefinition::isValidName(definition.name, &error)) {
        context.error(error);
        return ExitBadInput;
    }
    if (const int code = parseRule(context, args.rule, definition.rule, Tr::tr("; nothing was saved")))
        return code;
    Database db;
    if (const int code = context.open(db, Database::OpenMode::ReadWrite))
        return code;
    if (args.title.empty()) { // keep the stored title and description when only the rule changes
        const SegmentLibrary library = SegmentLibrary::load(db);
        if (const SegmentDefinition *old = library.find(definition.name)) {
            definition.title = old->title;
            if (args.description.empty())
                definition.description = old->description;
        }
    }
    if (!SegmentLibrary::save(db, definition, &error)) {
        context.error(Tr::tr("segment %1: %2; nothing was saved").arg(definition.name, error));
        return ExitBadInput;
    }
    const auto stored = ConfigStore(db).get(QStringLiteral("segments"), definition.name);
    const int version = stored ? stored->version : 1;
    if (context.json)
        context.printJson({{QStringLiteral("saved"), definition.name}, {QStringLiteral("version"), version},
            {QStringLiteral("definition"), definition.toJson()}});
    else
        context.out(Tr::tr("Saved segment %1 (version %2)").arg(definition.name).arg(version));
    return ExitOk;
}

int runRemove(CliContext &context, const std::string &name)
{
    Database db;
    if (const int code = context.open(db, Database::OpenMode::ReadWrite))
        return code;
    if (!SegmentLibrary::load(db).contains(fromStd(name))) {
        context.error(Tr::tr("no segment named '%1'").arg(fromStd(name)));
        return ExitNotFound;
    }
    // Refused while another segment, a layout variant, a banner or a campaign uses it.
    const ConfigRemoveResult result = removeConfigObject(db, QStringLiteral("segments"), fromStd(name));
    if (!result.ok()) {
        context.error(result.error);
        return result.status == ConfigRemoveResult::Status::NoSuchObject ? ExitNotFound : ExitBadInput;
    }
    if (context.json)
        context.printJson({{QStringLiteral("removed"), fromStd(name)}});
    else
        context.out(Tr::tr("Removed segment %1 (its versions stay in the history)").arg(fromStd(name)));
    return ExitOk;
}

int exportTarget(CliContext &context, const Target &target, const std::string &out)
{
    Session session;
    if (const int code = openTarget(context, target, session))
        return code;
    SegmentMembers members;
    if (const int code = evaluateTarget(context, session, members))
        return code;
    const SegmentExporter::Report report = SegmentExporter::write(
        *session.features, members.members, fromStd(out), context.progress(), session.db.path());
    context.endProgress();
    if (!report.ok) {
        context.error(report.error);
        return ExitBadInput;
    }
    if (context.json)
        context.printJson({{QStringLiteral("file"), report.path}, {QStringLiteral("rows"), report.rows},
            {QStringLiteral("as_of"), Timestamp::toIso(session.features->asOf())}});
    else
        context.out(Tr::tr("Wrote %1 members of %2 to %3")
                        .arg(CliContext::number(report.rows), session.label, report.path));
    return ExitOk;
}

int runPriority(CliContext &context, const std::string &set, bool counts, const std::string &asOf)
{
    Session session;
    const bool writing = !set.empty();
    if (const int code = openCatalog(
            context, session, writing ? Database::OpenMode::ReadWrite : Database::OpenMode::ReadOnly))
        return code;
    QString error;
    if (writing) {
        QStringList order;
        for (const QString &name : fromStd(set).split(QLatin1Char(','), Qt::SkipEmptyParts))
            order.append(name.trimmed());
        if (!SegmentPriority::save(session.db, order, session.library, &error)) {
            context.error(Tr::tr("--set: %1; nothing was saved").arg(error));
            return ExitBadInput;
        }
    }
    const auto priority = SegmentPriority::load(session.db, &error);
    if (!priority) {
        context.error(error);
        return ExitBadInput;
    }
    std::vector<int> winners(size_t(priority->order().size()) + 1, 0);
    if (counts) {
        if (const int code = loadSnapshot(context, asOf, session))
            return code;
        const std::vector<int> assigned = priority->assign(*session.evaluator, &error, context.progress());
        context.endProgress();
        if (!error.isEmpty()) {
            context.error(error);
            return ExitBadInput;
        }
        for (int index : assigned)
            ++winners[size_t(index + 1)];
    }
    if (context.json) {
        QJsonArray list;
        for (qsizetype i = 0; i < priority->order().size(); ++i) {
            QJsonObject entry {{QStringLiteral("segment"), priority->order().at(i)}};
            if (counts)
                entry.insert(QStringLiteral("wins"), winners[size_t(i) + 1]);
            list.append(entry);
        }
        QJsonObject json {{QStringLiteral("priority"), list}};
        if (counts)
            json.insert(QStringLiteral("unmatched"), winners[0]);
        context.printJson(json);
        return ExitOk;
    }
    if (priority->order().isEmpty())
        context.out(Tr::tr("No priority list yet: set one with `segment priority --set vip,lapsed,...`."));
    for (qsizetype i = 0; i < priority->order().size(); ++i) {
        context.out(counts ? QStringLiteral("%1. %2 %3")
                                 .arg(i + 1, 2)
                                 .arg(priority->order().at(i), -24)
                                 .arg(CliContext::number(winners[size_t(i) + 1]), 10)
                           : QStringLiteral("%1. %2").arg(i + 1, 2).arg(priority->order().at(i)));
    }
    if (counts)
        context.out(QStringLiteral("    %1 %2")
                        .arg(Tr::tr("(no segment)"), -24)
                        .arg(CliContext::number(winners[0]), 10));
    return ExitOk;
}

/** The stored-name-or-rule and --as-of options every evaluating command takes. */
void addTargetOptions(CLI::App *command, Target &target)
{
    command->add_option("name", target.name, "A stored segment's name");
    command->add_option("--rule", target.rule, "An inline rule as JSON, or @FILE (instead of a name)");
    command->add_option("--as-of", target.asOf, "Only events up to this time count");
}

} // namespace

int runSegmentExport(
    CliContext &context, const std::string &name, const std::string &out, const std::string &asOf)
{
    if (name.empty()) {
        context.error(Tr::tr("export segment: name the segment (export segment NAME --out FILE)"));
        return ExitUsage;
    }
    return exportTarget(context, Target {name, {}, asOf}, out);
}

void addSegmentCommands(CLI::App &app, CliContext &context)
{
    CLI::App *segment = app.add_subcommand("segment", "Audience segments: define, count, inspect, compare");
    segment->require_subcommand(1);

    auto listArgs = std::make_shared<std::pair<bool, std::string>>();
    CLI::App *list = segment->add_subcommand("list", "The stored segments (with --counts, their sizes)");
    list->add_flag("--counts", listArgs->first, "Evaluate each segment and show its size");
    list->add_option("--as-of", listArgs->second, "Only events up to this time count");
    list->callback(
        [&context, listArgs] { context.exitCode = runList(context, listArgs->first, listArgs->second); });

    auto countTarget = std::make_shared<Target>();
    CLI::App *count = segment->add_subcommand("count", "How many people a segment holds");
    addTargetOptions(count, *countTarget);
    count->callback([&context, countTarget] { context.exitCode = runCount(context, *countTarget); });

    auto membersTarget = std::make_shared<Target>();
    auto limit = std::make_shared<int>(0);
    CLI::App *members = segment->add_subcommand("members", "The external ids of a segment's members");
    addTargetOptions(members, *membersTarget);
    members->add_option("--limit", *limit, "At most this many (0: all)")->capture_default_str();
    members->callback(
        [&context, membersTarget, limit] { context.exitCode = runMembers(context, *membersTarget, *limit); });

    auto statsArgs = std::make_shared<StatsArgs>();
    CLI::App *stats
        = segment->add_subcommand("stats", "Size, composition, value, history and what a slot shows");
    addTargetOptions(stats, statsArgs->target);
    stats->add_option("--months", statsArgs->months, "Size at this many past month ends (0: none)")
        ->capture_default_str();
    stats->add_option("--slot", statsArgs->slot, "Also show what this slot gives the members");
    stats->add_option("--sample", statsArgs->sample, "Members to run the slot for")->capture_default_str();
    stats->add_option("--level", statsArgs->level, "Category depth for top categories")
        ->capture_default_str();
    stats->add_option("--by-event", statsArgs->byEvent, "Event type that ranks categories")
        ->capture_default_str();
    stats->callback([&context, statsArgs] { context.exitCode = runStats(context, *statsArgs); });

    auto overlapNames = std::make_shared<std::vector<std::string>>();
    auto overlapRules = std::make_shared<std::vector<std::string>>();
    auto overlapAsOf = std::make_shared<std::string>();
    CLI::App *overlap
        = segment->add_subcommand("overlap", "How segments overlap: matrix and every intersection");
    overlap->add_option("names", *overlapNames, "Stored segments (default: all, unless --rule is given)");
    overlap->add_option(
        "--rule", *overlapRules, "An inline rule to compare, NAME=JSON or NAME=@FILE (repeatable)");
    overlap->add_option("--as-of", *overlapAsOf, "Only events up to this time count");
    overlap->callback([&context, overlapNames, overlapRules, overlapAsOf] {
        context.exitCode = runOverlap(context, *overlapNames, *overlapRules, *overlapAsOf);
    });

    auto explainTarget = std::make_shared<Target>();
    auto explainUser = std::make_shared<std::string>();
    CLI::App *explain = segment->add_subcommand("explain", "Why one person is or is not in a segment");
    addTargetOptions(explain, *explainTarget);
    explain->add_option("--user", *explainUser, "The person's external id")->required();
    explain->callback([&context, explainTarget, explainUser] {
        context.exitCode = runExplain(context, *explainTarget, *explainUser);
    });

    auto saveArgs = std::make_shared<SaveArgs>();
    CLI::App *save = segment->add_subcommand("save", "Store a segment (a new version if it exists)");
    save->add_option("name", saveArgs->name, "The segment's name")->required();
    save->add_option("--rule", saveArgs->rule, "The rule as JSON, or @FILE")->required();
    save->add_option("--title", saveArgs->title, "A title for people");
    save->add_option("--description", saveArgs->description, "What the segment is for");
    save->callback([&context, saveArgs] { context.exitCode = runSave(context, *saveArgs); });

    auto removeName = std::make_shared<std::string>();
    CLI::App *remove = segment->add_subcommand("remove", "Delete a stored segment no other segment uses");
    remove->add_option("name", *removeName, "The segment's name")->required();
    remove->callback([&context, removeName] { context.exitCode = runRemove(context, *removeName); });

    auto exportTargetArgs = std::make_shared<Target>();
    auto exportOut = std::make_shared<std::string>();
    CLI::App *exportCommand = segment->add_subcommand("export", "Write a segment's members to CSV or JSON");
    addTargetOptions(exportCommand, *exportTargetArgs);
    exportCommand->add_option("--out", *exportOut, "Output file (.csv or .json)")->required();
    exportCommand->callback([&context, exportTargetArgs, exportOut] {
        context.exitCode = exportTarget(context, *exportTargetArgs, *exportOut);
    });

    auto prioritySet = std::make_shared<std::string>();
    auto priorityCounts = std::make_shared<std::pair<bool, std::string>>();
    CLI::App *priority
        = segment->add_subcommand("priority", "The order layouts try segments in (first match wins)");
    priority->add_option("--set", *prioritySet, "A new order: segment names, comma-separated");
    priority->add_flag("--counts", priorityCounts->first, "How many people each segment wins");
    priority->add_option("--as-of", priorityCounts->second, "Only events up to this time count");
    priority->callback([&context, prioritySet, priorityCounts] {
        context.exitCode = runPriority(context, *prioritySet, priorityCounts->first, priorityCounts->second);
    });
}

} // namespace Vitrine
