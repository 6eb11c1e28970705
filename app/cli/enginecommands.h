// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace CLI {
class App;
}

namespace Vitrine {

class CliContext;

/** train, recommend and evaluate: the scoring core on the command line. */
void addEngineCommands(CLI::App &app, CliContext &context);

} // namespace Vitrine
