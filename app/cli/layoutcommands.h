// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace CLI {
class App;
}

namespace Vitrine {

class CliContext;

/** preview, layout, banner and email: personalized pages and campaigns on the command line. */
void addLayoutCommands(CLI::App &app, CliContext &context);

} // namespace Vitrine
