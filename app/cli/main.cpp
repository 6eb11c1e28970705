// SPDX-License-Identifier: GPL-3.0-or-later
// vitrine-cli: the headless face of Vitrine. Commands live in *commands.cpp; all work is in core.
#include "admincommands.h"
#include "catalogcommands.h"
#include "clicontext.h"
#include "configcommands.h"
#include "enginecommands.h"
#include "layoutcommands.h"
#include "segmentcommands.h"

#include <CLI/CLI.hpp>

#include <QCoreApplication>

#include <iostream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vitrine"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VITRINE_VERSION));

    Vitrine::CliContext context;
    CLI::App cli("Vitrine: merchandising and personalization studio, headless.\n"
                 "Exit codes: 0 success, 1 usage error, 2 bad input (nothing written), 3 not found.",
                 "vitrine-cli");
    cli.require_subcommand(1);
    cli.set_version_flag("--version", std::string("vitrine-cli ") + VITRINE_VERSION);
    cli.add_option("--db", context.dbPath, "Catalog file (default: $VITRINE_DB or ~/.local/share/vitrine/demo.vitrine)");
    cli.add_flag("--json", context.json, "Machine-readable output on stdout");
    cli.add_flag("-q,--quiet", context.quiet, "No progress on stderr");
    cli.fallthrough();

    Vitrine::addCatalogCommands(cli, context);
    Vitrine::addEngineCommands(cli, context);
    Vitrine::addSegmentCommands(cli, context);
    Vitrine::addAdminCommands(cli, context);
    Vitrine::addConfigCommands(cli, context);
    Vitrine::addLayoutCommands(cli, context);

    try {
        cli.parse(argc, argv);
    } catch (const CLI::Success &success) {
        return cli.exit(success);
    } catch (const CLI::ParseError &error) {
        cli.exit(error);
        return Vitrine::ExitUsage;
    }
    return context.finish(context.exitCode);
}
