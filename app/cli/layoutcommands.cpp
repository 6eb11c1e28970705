// SPDX-License-Identifier: GPL-3.0-or-later
#include "layoutcommands.h"

#include <CLI/CLI.hpp>

namespace Vitrine {

void addLayoutCommands(CLI::App &, CliContext &)
{
}

} // namespace Vitrine
