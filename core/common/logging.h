// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace Vitrine {

// The core's logging categories, one per area, all quiet below warnings by default. Turn one on
// with QT_LOGGING_RULES, for example QT_LOGGING_RULES="vitrine.engine.info=true" to see how long
// snapshots take to load and models to train, or "vitrine.*.debug=true" for everything.
Q_DECLARE_LOGGING_CATEGORY(lcStorage)  ///< the catalog file, imports, exports, backups
Q_DECLARE_LOGGING_CATEGORY(lcEngine)   ///< snapshots, models, slot pipelines
Q_DECLARE_LOGGING_CATEGORY(lcAudience) ///< segments, their members and statistics
Q_DECLARE_LOGGING_CATEGORY(lcLayout)   ///< pages, banners, the audience cache
Q_DECLARE_LOGGING_CATEGORY(lcCampaign) ///< e-mail rendering and campaign exports
Q_DECLARE_LOGGING_CATEGORY(lcEval)     ///< offline evaluation

} // namespace Vitrine
