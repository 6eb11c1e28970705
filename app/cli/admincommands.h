// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace CLI {
class App;
}

namespace Vitrine {

class CliContext;

/** history and backup: keeping a catalog's configuration and data safe. */
void addAdminCommands(CLI::App &app, CliContext &context);

} // namespace Vitrine
