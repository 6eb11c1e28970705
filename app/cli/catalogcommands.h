// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace CLI {
class App;
}

namespace Vitrine {

class CliContext;

/** demo, import, export and stats: creating a catalog and moving data in and out. */
void addCatalogCommands(CLI::App &app, CliContext &context);

} // namespace Vitrine
