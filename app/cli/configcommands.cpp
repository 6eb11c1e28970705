// SPDX-License-Identifier: GPL-3.0-or-later
#include "configcommands.h"

#include "clicontext.h"
#include "config/configbundle.h"
#include "storage/outputfile.h"

#include <CLI/CLI.hpp>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::Cli)
};

/** "slots" → "slot", as the command line names kinds elsewhere (history, segment). */
QString singular(const QString &kind)
{
    return kind.chopped(1);
}

struct ConfigArgs
{
    std::string file;
    bool dryRun = false;
    bool prune = false;
};

int runConfigExport(CliContext &context, const ConfigArgs &args)
{
    Database db;
    if (const int code = context.open(db, Database::OpenMode::ReadOnly))
        return code;
    QString error;
    const std::optional<ConfigBundle> bundle = ConfigBundle::fromCatalog(db, &error);
    if (!bundle) {
        context.error(error);
        return ExitBadInput;
    }
    const QByteArray text = bundle->toText();
    const QString path = QString::fromStdString(args.file);
    const bool toStdout = path == QLatin1String("-");
    if (!toStdout && !path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        context.error(Tr::tr("%1: the file name must end in .json").arg(path));
        return ExitUsage;
    }
    // Written whole or not at all: a file under version control never holds half a configuration.
    // Never over the catalog (which may be named *.json); a device or "-" is written in place.
    OutputFile file(path);
    file.setDashIsStandardOutput(true);
    file.protectCatalog(db.path());
    bool written = file.open(&error);
    if (written) {
        file.write(text); // an error is kept and reported by commit()
        written = file.commit(&error);
    }
    if (!written) {
        context.error(error);
        return ExitBadInput;
    }
    if (toStdout)
        return ExitOk;
    QStringList counts;
    for (const auto &[kind, objects] : bundle->objects)
        counts.append(Tr::tr("%1 %2").arg(objects.size()).arg(kind));
    if (context.json) {
        QJsonObject json {{QStringLiteral("file"), path}, {QStringLiteral("objects"), bundle->objectCount()},
            {QStringLiteral("bytes"), qint64(text.size())}};
        for (const auto &[kind, objects] : bundle->objects)
            json.insert(kind, qint64(objects.size()));
        context.printJson(json);
    } else {
        context.out(
            Tr::tr("Wrote the configuration of %1 to %2: %3, the segment priority and the event weights")
                .arg(db.path(), path, counts.join(QStringLiteral(", "))));
    }
    return ExitOk;
}

int runConfigImport(CliContext &context, const ConfigArgs &args)
{
    const QString path = QString::fromStdString(args.file);
    QFile file;
    const bool fromStdin = path == QLatin1String("-");
    if (!fromStdin && !QFileInfo::exists(path)) {
        context.error(Tr::tr("%1: no such file").arg(path));
        return ExitNotFound;
    }
    const bool opened = fromStdin ? file.open(stdin, QIODevice::ReadOnly)
                                  : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        context.error(Tr::tr("%1: cannot read (%2)").arg(path, file.errorString()));
        return ExitBadInput;
    }
    QString error;
    const std::optional<ConfigBundle> bundle = ConfigBundle::fromText(file.readAll(), &error);
    if (!bundle) {
        context.error(Tr::tr("%1: %2; nothing was changed").arg(path, error));
        return ExitBadInput;
    }

    Database db;
    // A dry run makes the changes in a transaction it rolls back, so it needs a writable catalog too.
    if (const int code = context.open(db, Database::OpenMode::ReadWrite))
        return code;
    if (db.isReadOnly()) {
        context.error(Tr::tr("%1: the catalog is read-only; nothing was changed").arg(db.path()));
        return ExitBadInput;
    }
    ConfigImportOptions options;
    options.dryRun = args.dryRun;
    options.prune = args.prune;
    const ConfigImportReport report = importConfig(db, *bundle, options, context.progress());
    context.endProgress();
    if (!report.ok) {
        if (context.json)
            context.printJson(report.toJson());
        context.error(Tr::tr("%1: %2; nothing was changed").arg(path, report.error));
        return ExitBadInput;
    }
    if (context.json) {
        context.printJson(report.toJson());
        return ExitOk;
    }
    using Change = ConfigImportReport::Change;
    QString summary = Tr::tr("%1: %2 added, %3 changed, %4 unchanged, %5 removed")
                          .arg(path)
                          .arg(report.count(Change::Added))
                          .arg(report.count(Change::Changed))
                          .arg(report.count(Change::Unchanged))
                          .arg(report.count(Change::Removed));
    if (report.priorityChanged)
        summary += Tr::tr("; segment priority changed");
    if (report.weightsChanged)
        summary += Tr::tr("; event weights changed");
    if (args.dryRun)
        summary += Tr::tr(" (dry run: nothing was written)");
    context.out(summary);
    for (const ConfigImportReport::Entry &entry : report.entries) {
        switch (entry.change) {
        case Change::Unchanged:
            break;
        case Change::Added:
            context.out(Tr::tr("  added    %1 %2").arg(singular(entry.kind), entry.key));
            break;
        case Change::Changed:
            context.out(Tr::tr("  changed  %1 %2 (now version %3; the one before is in its history)")
                            .arg(singular(entry.kind), entry.key)
                            .arg(entry.version));
            break;
        case Change::Removed:
            context.out(Tr::tr("  removed  %1 %2 (version %3 can be restored with `history restore`)")
                            .arg(singular(entry.kind), entry.key)
                            .arg(entry.version));
            break;
        }
    }
    return ExitOk;
}

} // namespace

void addConfigCommands(CLI::App &app, CliContext &context)
{
    CLI::App *config = app.add_subcommand(
        "config", "Export or import every segment, slot, layout, banner and campaign as one JSON file");
    config->require_subcommand(1);

    auto exportArgs = std::make_shared<ConfigArgs>();
    CLI::App *exportCommand = config->add_subcommand(
        "export", "Write the configuration to FILE.json (sorted, no timestamps: diffs show only real changes)");
    exportCommand->add_option("file", exportArgs->file, "The file to write (.json), or - for standard output")
        ->required();
    exportCommand->callback([&context, exportArgs] { context.exitCode = runConfigExport(context, *exportArgs); });

    auto importArgs = std::make_shared<ConfigArgs>();
    CLI::App *importCommand = config->add_subcommand("import",
        "Bring the catalog's configuration in line with FILE.json, all or nothing; changed objects keep "
        "their previous version in the history");
    importCommand->add_option("file", importArgs->file, "A file written by `config export`, or - for standard input")
        ->required();
    importCommand->add_flag("--dry-run", importArgs->dryRun, "Check the file and say what would change; write nothing");
    importCommand->add_flag("--prune", importArgs->prune,
        "Also remove objects of the kinds in the file that the file does not have (they stay restorable)");
    importCommand->callback([&context, importArgs] { context.exitCode = runConfigImport(context, *importArgs); });
}

} // namespace Vitrine
