// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace CLI {
class App;
}

namespace Vitrine {

class CliContext;

/** config export|import: the whole configuration as one JSON file, for version control. */
void addConfigCommands(CLI::App &app, CliContext &context);

} // namespace Vitrine
