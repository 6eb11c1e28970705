// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentcommands.h"

#include <CLI/CLI.hpp>

namespace Vitrine {

void addSegmentCommands(CLI::App &, CliContext &)
{
}

} // namespace Vitrine
