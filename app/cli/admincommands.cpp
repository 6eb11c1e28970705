// SPDX-License-Identifier: GPL-3.0-or-later
#include "admincommands.h"

#include <CLI/CLI.hpp>

namespace Vitrine {

void addAdminCommands(CLI::App &, CliContext &)
{
}

} // namespace Vitrine
