// SPDX-License-Identifier: GPL-3.0-or-later
#include "admincommands.h"

#include "clicontext.h"
#include "config/confighistory.h"
#include "storage/backup.h"
#include "storage/configstore.h"
#include "storage/timestamp.h"

#include <CLI/CLI.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::Cli)
};

/** The kinds the command line names, singular as users say them; each is a configuration table. */
const std::vector<std::string> &kindNames()
{
    static const std::vector<std::string> names = {"segment", "slot", "layout", "banner", "campaign"};
    return names;
}

QString tableOf(const std::string &kind)
{
    const QString name = QString::fromStdString(kind);
    return name.endsWith(QLatin1Char('s')) ? name : name + QLatin1Char('s');
}

struct HistoryArgs
{
    std::string kind;
    std::string key;
    int version = 0;
};

int notFound(const CliContext &context, const HistoryArgs &args)
{
    context.error(Tr::tr("no %1 named '%2', and no history of one")
                      .arg(QString::fromStdString(args.kind), QString::fromStdString(args.key)));
    return ExitNotFound;
}

QJsonObject versionJson(const ConfigVersion &version)
{
    QJsonObject json {{QStringLiteral("version"), version.object.version},
        {QStringLiteral("updated_at"), Timestamp::toIso(version.object.updatedAt)},
        {QStringLiteral("current"), version.current}};
    const QJsonValue title = version.object.definition.value(QStringLiteral("title"));
    if (title.isString())
        json.insert(QStringLiteral("title"), title);
    return json;
}

int runHistoryList(CliContext &context, const HistoryArgs &args)
{
    Database db;
    if (const int code = context.open(db, Database::OpenMode::ReadOnly))
        return code;
    const QString table = tableOf(args.kind);
    const QString key = QString::fromStdString(args.key);
    QString error;
    const QList<ConfigVersion> versions = configVersions(ConfigStore(db), table, key, &error);
    if (!error.isEmpty()) {
        context.error(error);
        return ExitBadInput;
    }
    if (versions.empty())
        return notFound(context, args);

    const bool exists = versions.front().current;
    if (context.json) {
        QJsonArray list;
        for (const ConfigVersion &version : versions)
            list.append(versionJson(version));
        context.printJson({{QStringLiteral("kind"), QString::fromStdString(args.kind)},
            {QStringLiteral("key"), key},
            {QStringLiteral("current"), exists ? QJsonValue(versions.front().object.version) : QJsonValue()},
            {QStringLiteral("versions"), list}});
        return ExitOk;
    }
    if (exists)
        context.out(Tr::tr("%1 %2: version %3 is current")
                        .arg(QString::fromStdString(args.kind), key)
                        .arg(versions.front().object.version));
    else
        context.out(Tr::tr("%1 %2: removed; its earlier versions can be restored")
                        .arg(QString::fromStdString(args.kind), key));
    for (const ConfigVersion &version : versions) {
        const QString title = version.object.definition.value(QStringLiteral("title")).toString();
        context.out(QStringLiteral("  v%1  %2  %3%4")
                        .arg(version.object.version, -4)
                        .arg(Timestamp::toIso(version.object.updatedAt),
                            version.current ? Tr::tr("current  ") : QStringLiteral("         "), title));
    }
    return ExitOk;
}

std::optional<ConfigVersion> findVersion(const QList<ConfigVersion> &versions, int number)
{
    for (const ConfigVersion &version : versions) {
        if (version.object.version == number)
            return version;
    }
    return std::nullopt;
}

int runHistoryShow(CliContext &context, const HistoryArgs &args)
{
    Database db;
    if (const int code = context.open(db, Database::OpenMode::ReadOnly))
        return code;
    const QString key = QString::fromStdString(args.key);
    QString error;
    const QList<ConfigVersion> versions = configVersions(ConfigStore(db), tableOf(args.kind), key, &error);
    if (versions.empty())
        return notFound(context, args);
    const std::optional<ConfigVersion> version = findVersion(versions, args.version);
    if (!version) {
        context.error(
            Tr::tr("%1 %2 has no version %3").arg(QString::fromStdString(args.kind), key).arg(args.version));
        return ExitNotFound;
    }
    if (context.json) {
        QJsonObject json = versionJson(*version);
        json.insert(QStringLiteral("kind"), QString::fromStdString(args.kind));
        json.insert(QStringLiteral("key"), key);
        json.insert(QStringLiteral("definition"), version->object.definition);
        context.printJson(json);
        return ExitOk;
    }
    // The definition itself, as `config import` and the slot editor take it.
    context.out(QString::fromUtf8(QJsonDocument(version->object.definition).toJson(QJsonDocument::Indented))
                    .trimmed());
    return ExitOk;
}

int runHistoryRestore(CliContext &context, const HistoryArgs &args)
{
    Database db;
    if (const int code = context.open(db, Database::OpenMode::ReadWrite))
        return code;
    const QString kind = QString::fromStdString(args.kind);
    const QString key = QString::fromStdString(args.key);
    using Status = ConfigRestoreResult::Status;
    const ConfigRestoreResult result = restoreConfigVersion(db, tableOf(args.kind), key, args.version);
    switch (result.status) {
    case Status::NoSuchObject:
        return notFound(context, args);
    case Status::NoSuchVersion:
        context.error(Tr::tr("%1 %2 has no version %3").arg(kind, key).arg(args.version));
        return ExitNotFound;
    case Status::NoLongerValid:
        context.error(Tr::tr("%1 %2 version %3 cannot be restored: %4; nothing was changed")
                          .arg(kind, key)
                          .arg(args.version)
                          .arg(result.error));
        return ExitBadInput;
    case Status::Failed:
        context.error(Tr::tr("%1 %2: cannot restore version %3: %4; nothing was changed")
                          .arg(kind, key)
                          .arg(args.version)
                          .arg(result.error));
        return ExitBadInput;
    case Status::AlreadyCurrent:
    case Status::Restored:
        break;
    }
    const bool changed = result.status == Status::Restored;
    if (context.json) {
        context.printJson({{QStringLiteral("kind"), kind}, {QStringLiteral("key"), key},
            {QStringLiteral("restored"), args.version}, {QStringLiteral("version"), result.newVersion},
            {QStringLiteral("changed"), changed}});
    } else if (!changed) {
        context.out(
            Tr::tr("%1 %2: version %3 is already current; nothing changed").arg(kind, key).arg(args.version));
    } else if (result.previousCurrent > 0) {
        context.out(Tr::tr("%1 %2: restored version %3 as version %4 (undo with `history restore %1 %2 %5`)")
                        .arg(kind, key)
                        .arg(args.version)
                        .arg(result.newVersion)
                        .arg(result.previousCurrent));
    } else {
        context.out(Tr::tr("%1 %2: brought back version %3 as version %4")
                        .arg(kind, key)
                        .arg(args.version)
                        .arg(result.newVersion));
    }
    return ExitOk;
}

struct BackupArgs
{
    std::string file;
    bool replace = false;
};

int runBackup(CliContext &context, const BackupArgs &args)
{
    // Read-only: a backup never changes the catalog, and a catalog one may not write can be saved.
    Database db;
    if (const int code = context.open(db, Database::OpenMode::ReadOnly))
        return code;
    QElapsedTimer timer;
    timer.start();
    CatalogBackup backup(db);
    backup.setReplaceExisting(args.replace);
    const BackupReport report = backup.run(QString::fromStdString(args.file), context.progress());
    context.endProgress();
    if (!report.ok) {
        context.error(report.error);
        return ExitBadInput;
    }
    const double seconds = double(timer.elapsed()) / 1000.0;
    if (context.json) {
        context.printJson({{QStringLiteral("catalog"), db.path()}, {QStringLiteral("file"), report.path},
            {QStringLiteral("bytes"), report.bytes}, {QStringLiteral("pages"), report.pages},
            {QStringLiteral("restarts"), report.restarts}, {QStringLiteral("seconds"), seconds}});
    } else {
        context.out(Tr::tr("Backed up %1 to %2 (%3 MiB) in %4 s")
                        .arg(db.path(), report.path)
                        .arg(double(report.bytes) / 1048576.0, 0, 'f', 1)
                        .arg(seconds, 0, 'f', 1));
    }
    return ExitOk;
}

} // namespace

void addAdminCommands(CLI::App &app, CliContext &context)
{
    CLI::App *history = app.add_subcommand("history",
        "List, show and restore earlier versions of segments, slots, layouts, banners and campaigns");
    history->require_subcommand(1);
    const auto addHistoryCommand = [&](const char *name, const char *description, bool withVersion,
                                       int (*run)(CliContext &, const HistoryArgs &)) {
        auto args = std::make_shared<HistoryArgs>();
        CLI::App *command = history->add_subcommand(name, description);
        command->add_option("kind", args->kind, "segment, slot, layout, banner or campaign")
            ->required()
            ->check(CLI::IsMember(kindNames()));
        command->add_option("key", args->key, "The object's key")->required();
        if (withVersion)
            command->add_option("version", args->version, "A version number from `history list`")->required();
        command->callback([&context, args, run, withVersion] {
            if (withVersion && args->version < 1) {
                context.error(
                    Tr::tr("version: %1 is not a version number (they start at 1)").arg(args->version));
                context.exitCode = ExitUsage;
                return;
            }
            context.exitCode = run(context, *args);
        });
    };
    addHistoryCommand("list", "Every version of an object, newest first", false, runHistoryList);
    addHistoryCommand("show", "One version's definition", true, runHistoryShow);
    addHistoryCommand("restore",
        "Make an earlier version current again (saved as a new version, so it can be undone)", true,
        runHistoryRestore);

    auto backupArgs = std::make_shared<BackupArgs>();
    CLI::App *backup
        = app.add_subcommand("backup", "Copy the catalog to FILE while it is in use (SQLite online backup)");
    backup->add_option("file", backupArgs->file, "The backup file")->required();
    backup->add_flag(
        "--replace", backupArgs->replace, "Overwrite an existing file (never the catalog itself)");
    backup->callback([&context, backupArgs] { context.exitCode = runBackup(context, *backupArgs); });
}

} // namespace Vitrine
