// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace CLI {
class App;
}

namespace Vitrine {

class CliContext;

/** segment list|count|members|stats|overlap|explain|save, and export segment. */
void addSegmentCommands(CLI::App &app, CliContext &context);

} // namespace Vitrine
