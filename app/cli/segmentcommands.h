// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace Vitrine {

class CliContext;

/** segment list|count|members|stats|overlap|explain|save|remove|export|priority. */
void addSegmentCommands(CLI::App &app, CliContext &context);

/**
 * Writes the members of the stored segment `name` to `out` (.csv or .json), as of `asOf` when
 * given: `segment export NAME --out FILE`, and `export segment NAME --out FILE` routes here.
 * Returns the exit code.
 */
int runSegmentExport(
    CliContext &context, const std::string &name, const std::string &out, const std::string &asOf = {});

} // namespace Vitrine
