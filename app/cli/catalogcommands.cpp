// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogcommands.h"

#include "catalog/catalogstats.h"
#include "clicontext.h"
#include "demo/democatalogfile.h"
#include "segmentcommands.h"
#include "storage/exporter.h"
#include "storage/importer.h"
#include "storage/timestamp.h"

#include <CLI/CLI.hpp>

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <cstdio>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::Cli)
};

struct DemoArgs
{
    int users = 20000;
    int items = 5000;
    qint64 events = 1000000;
    quint64 seed = 1;
    std::string end;
    bool replace = false;
    bool travel = false;
    bool usersGiven = false;
};

int runDemo(CliContext &context, const DemoArgs &args)
{
    const QString path = context.catalogPath();
    if (args.users < 1 || args.items < 1 || args.events < 0) {
        context.error(Tr::tr("demo: --users and --items must be at least 1 and --events at least 0"));
        return ExitUsage;
    }
    DemoOptions options;
    options.users = args.users;
    options.items = args.items;
    options.events = args.events;
    options.seed = args.seed;
    if (!args.end.empty()) {
        options.endDate = QDate::fromString(QString::fromStdString(args.end), Qt::ISODate);
        if (!options.endDate.isValid()) {
            context.error(Tr::tr("demo: --end %1 is not a date (use YYYY-MM-DD)")
                              .arg(QString::fromStdString(args.end)));
            return ExitUsage;
        }
    }
    if (QFileInfo::exists(path) && !args.replace) {
        context.error(
            Tr::tr("%1 already exists; pass --replace to overwrite it with a new demo catalog").arg(path));
        return ExitBadInput;
    }
    QElapsedTimer timer;
    timer.start();
    DemoResult result;
    if (args.travel) {
        TravelDemoOptions travel;
        travel.people = args.usersGiven ? args.users : travel.people;
        travel.seed = args.seed;
        travel.endDate = options.endDate;
        result = createTravelCatalogFile(path, travel, args.replace, context.progress());
    } else {
        result = createDemoCatalogFile(path, options, args.replace, context.progress());
    }
    context.endProgress();
    if (!result.ok) {
        context.error(Tr::tr("demo: %1").arg(result.error));
        return ExitBadInput;
    }
    if (context.json) {
        context.printJson({
            {QStringLiteral("catalog"), path},
            {QStringLiteral("users"), result.users},
            {QStringLiteral("items"), result.items},
            {QStringLiteral("content_items"), result.contentItems},
            {QStringLiteral("events"), result.events},
            {QStringLiteral("seed"), qint64(args.seed)},
            {QStringLiteral("seconds"), double(timer.elapsed()) / 1000.0},
        });
    } else {
        context.out(Tr::tr("Created %1 with %2 people, %3 items (%4 articles) and %5 events in %6 s")
                        .arg(path, CliContext::number(result.users), CliContext::number(result.items),
                            CliContext::number(result.contentItems), CliContext::number(result.events))
                        .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    }
    return ExitOk;
}

struct ImportArgs
{
    std::string kind;
    std::string file;
    std::vector<std::string> maps;
    bool dryRun = false;
    bool skipBad = false;
    bool createMissing = false;
    bool allowFuture = false;
    std::string rejects;
    std::string type = "view";
};

int runImport(CliContext &context, const ImportArgs &args)
{
    ImportOptions options;
    options.kind = *importKindFromName(QString::fromStdString(args.kind));
    options.path = QString::fromStdString(args.file);
    options.dryRun = args.dryRun;
    options.skipBad = args.skipBad;
    options.createMissing = args.createMissing;
    options.allowFuture = args.allowFuture;
    options.rejectsPath = QString::fromStdString(args.rejects);
    options.defaultEventType = QString::fromStdString(args.type);
    for (const std::string &map : args.maps) {
        const QString text = QString::fromStdString(map);
        const qsizetype equals = text.indexOf(QLatin1Char('='));
        if (equals <= 0 || equals == text.size() - 1) {
            context.error(
                Tr::tr("--map %1: expected SOURCE=FIELD, such as --map product_name=title").arg(text));
            return ExitUsage;
        }
        options.columnMap.insert(text.left(equals), text.mid(equals + 1));
    }
    if (!QFileInfo::exists(options.path)) {
        context.error(Tr::tr("%1: no such file").arg(options.path));
        return ExitNotFound;
    }

    // An import may create the catalog; one that fails must not leave an empty catalog behind.
    const QString catalog = context.catalogPath();
    const bool created = !options.dryRun && !QFileInfo::exists(catalog);
    Database db;
    if (const int code = context.open(db, options.dryRun ? Database::OpenMode::ReadWrite : Database::OpenMode::Create))
        return code;
    QElapsedTimer timer;
    timer.start();
    const ImportReport report = Importer().run(db, options, context.progress());
    context.endProgress();
    if (created && !report.ok) {
        db.close();
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(catalog + suffix);
    }

    if (context.json) {
        QJsonObject json = report.toJson();
        json.insert(QStringLiteral("kind"), importKindName(options.kind));
        json.insert(QStringLiteral("file"), options.path);
        json.insert(QStringLiteral("dry_run"), options.dryRun);
        json.insert(QStringLiteral("seconds"), double(timer.elapsed()) / 1000.0);
        context.printJson(json);
    }
    if (!context.json || !report.ok) {
        for (const ImportProblem &problem : report.problems)
            context.error(problem.message);
        if (report.problemCount > report.problems.size())
            context.error(Tr::tr("… and %1 more problems").arg(report.problemCount - report.problems.size()));
    }
    if (!context.json) {
        for (const QString &warning : report.warnings)
            context.error(Tr::tr("warning: %1").arg(warning));
    }
    if (!report.ok) {
        if (!report.problems.isEmpty() && report.problems.constFirst().message == report.error)
            return ExitBadInput;
        context.error(report.error);
        return ExitBadInput;
    }
    if (!context.json) {
        const QString what = importKindName(options.kind);
        if (options.dryRun) {
            context.out(Tr::tr("%1: %2 %3 rows are valid; nothing was written (dry run)")
                            .arg(options.path, CliContext::number(report.rows - report.rejected), what));
        } else {
            context.out(Tr::tr("Imported %1 %2 from %3: %4 new, %5 updated (%6 s)")
                            .arg(CliContext::number(report.inserted + report.updated), what, options.path,
                                CliContext::number(report.inserted), CliContext::number(report.updated))
                            .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
        }
        if (report.createdUsers || report.createdItems)
            context.out(
                Tr::tr("Created %1 people and %2 items named by the events")
                    .arg(CliContext::number(report.createdUsers), CliContext::number(report.createdItems)));
        if (report.untitledItems)
            context.out(Tr::tr("%1 items have no title; they are shown by their sku")
                            .arg(CliContext::number(report.untitledItems)));
        if (report.rejected)
            context.out(Tr::tr("Skipped %1 bad rows%2")
                            .arg(CliContext::number(report.rejected),
                                report.rejectsPath.isEmpty()
                                    ? QString()
                                    : Tr::tr("; written with their reasons to %1").arg(report.rejectsPath)));
        if (!report.attributeColumns.isEmpty())
            context.out(
                Tr::tr("Stored as attributes: %1").arg(report.attributeColumns.join(QStringLiteral(", "))));
        if (!report.ignoredColumns.isEmpty())
            context.out(Tr::tr("Ignored columns: %1").arg(report.ignoredColumns.join(QStringLiteral(", "))));
    }
    return ExitOk;
}

int runExport(CliContext &context, const std::string &kindName, const std::string &out)
{
    const std::optional<ImportKind> kind = importKindFromName(QString::fromStdString(kindName));
    if (!kind) {
        context.error(Tr::tr("export: '%1' is not something to export (items, users, events)")
                          .arg(QString::fromStdString(kindName)));
        return ExitUsage;
    }
    Database db;
    if (const int code = context.open(db, Database::OpenMode::ReadOnly))
        return code;
    const ExportReport report = Exporter().run(db, *kind, QString::fromStdString(out), context.progress());
    context.endProgress();
    if (!report.ok) {
        context.error(report.error);
        return ExitBadInput;
    }
    if (context.json)
        context.printJson({{QStringLiteral("file"), report.path}, {QStringLiteral("rows"), report.rows}});
    else
        context.out(Tr::tr("Wrote %1 %2 to %3")
                        .arg(CliContext::number(report.rows), importKindName(*kind), report.path));
    return ExitOk;
}

int runStats(CliContext &context)
{
    Database db;
    if (const int code = context.open(db, Database::OpenMode::ReadOnly))
        return code;
    QString error;
    const std::optional<CatalogStats> stats = CatalogStats::compute(db, &error);
    if (!stats) {
        context.error(error);
        return ExitBadInput;
    }
    if (context.json) {
        QJsonObject json = stats->toJson();
        json.insert(QStringLiteral("catalog"), db.path());
        context.printJson(json);
        return ExitOk;
    }
    const auto n = &CliContext::number;
    context.out(Tr::tr("Catalog     %1 (version %2)").arg(db.path()).arg(stats->schemaVersion));
    context.out(Tr::tr("Items       %1 (%2 products, %3 content; %4 on sale, %5 out of stock)")
                    .arg(n(stats->items), n(stats->products), n(stats->contentItems), n(stats->onSale),
                        n(stats->outOfStock)));
    context.out(Tr::tr("Categories  %1, brands %2").arg(n(stats->categories), n(stats->brands)));
    context.out(
        Tr::tr("People      %1 (%2 with e-mail consent)").arg(n(stats->users), n(stats->usersWithConsent)));
    QStringList byType;
    for (int i = 0; i < EventTypeCount; ++i) {
        if (stats->eventsByType[size_t(i)])
            byType.append(QStringLiteral("%1 %2").arg(n(stats->eventsByType[size_t(i)]), eventTypeName(EventType(i))));
    }
    context.out(Tr::tr("Events      %1%2")
                    .arg(n(stats->events),
                        byType.isEmpty() ? QString()
                                         : QStringLiteral(" (%1)").arg(byType.join(QStringLiteral(", ")))));
    if (stats->firstEvent)
        context.out(Tr::tr("Time span   %1 to %2")
                        .arg(Timestamp::toIso(*stats->firstEvent), Timestamp::toIso(*stats->lastEvent)));
    return ExitOk;
}

} // namespace

void addCatalogCommands(CLI::App &app, CliContext &context)
{
    auto demoArgs = std::make_shared<DemoArgs>();
    CLI::App *demo = app.add_subcommand("demo", "Create a realistic demo catalog (deterministic for a seed)");
    demo->add_option("--users", demoArgs->users, "People")->capture_default_str();
    demo->add_option("--items", demoArgs->items, "Items")->capture_default_str();
    demo->add_option("--events", demoArgs->events, "Events")->capture_default_str();
    demo->add_option("--seed", demoArgs->seed, "Random seed")->capture_default_str();
    demo->add_option("--end", demoArgs->end, "Last day of activity, YYYY-MM-DD (default: today)");
    demo->add_flag("--replace", demoArgs->replace, "Overwrite an existing catalog");
    demo->add_flag("--travel", demoArgs->travel, "A small travel catalog (destinations, budgets, favourite activities) instead of the shop");
    demo->callback([&context, demoArgs, demo] {
        demoArgs->usersGiven = demo->count("--users") > 0;
        context.exitCode = runDemo(context, *demoArgs);
    });

    auto importArgs = std::make_shared<ImportArgs>();
    CLI::App *import = app.add_subcommand("import", "Import items, users or events from CSV (or JSON)");
    import->add_option("kind", importArgs->kind, "items, users or events")
        ->required()
        ->check(CLI::IsMember({"items", "users", "events"}));
    import->add_option("file", importArgs->file, "The CSV or JSON file")->required();
    import->add_option("--map", importArgs->maps, "Map a column to a field: SOURCE=FIELD, or SOURCE=- to leave it out (repeatable)");
    import->add_flag("--dry-run", importArgs->dryRun, "Check the file; write nothing");
    import->add_flag("--skip-bad", importArgs->skipBad, "Import good rows, write bad ones to a side file");
    import->add_option("--rejects", importArgs->rejects, "Where --skip-bad writes bad rows (default FILE.rejected.csv)");
    import->add_flag("--create-missing", importArgs->createMissing, "Events may name new people and items");
    import->add_flag("--allow-future", importArgs->allowFuture,
        "Accept events dated more than a day after now (refused by default)");
    import->add_option("--type", importArgs->type, "Event type for files without a type column")->capture_default_str();
    import->callback([&context, importArgs] { context.exitCode = runImport(context, *importArgs); });

    auto exportKind = std::make_shared<std::string>();
    auto exportName = std::make_shared<std::string>();
    auto exportAsOf = std::make_shared<std::string>();
    auto exportOut = std::make_shared<std::string>();
    CLI::App *exportCommand = app.add_subcommand("export", "Export items, users, events or a segment's members to CSV or JSON");
    exportCommand->add_option("kind", *exportKind, "items, users, events or segment")->required();
    exportCommand->add_option("name", *exportName, "The segment's name (export segment NAME)");
    exportCommand->add_option("--as-of", *exportAsOf, "A segment's members as of this time");
    exportCommand->add_option("--out", *exportOut, "Output file (.csv or .json)")->required();
    exportCommand->callback([&context, exportKind, exportName, exportAsOf, exportOut] {
        if (*exportKind == "segment")
            context.exitCode = runSegmentExport(context, *exportName, *exportOut, *exportAsOf);
        else
            context.exitCode = runExport(context, *exportKind, *exportOut);
    });

    CLI::App *stats = app.add_subcommand("stats", "Show what the catalog holds");
    stats->callback([&context] { context.exitCode = runStats(context); });
}

} // namespace Vitrine
