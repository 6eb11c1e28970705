// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace Vitrine {

// One category per area of the studio; enable with QT_LOGGING_RULES="vitrine.studio.*=true".
Q_DECLARE_LOGGING_CATEGORY(lcStudio)  ///< the window, menus, workspaces
Q_DECLARE_LOGGING_CATEGORY(lcSession) ///< opening catalogs, snapshots, drafts, saving
Q_DECLARE_LOGGING_CATEGORY(lcJobs)    ///< long work off the UI thread

} // namespace Vitrine
