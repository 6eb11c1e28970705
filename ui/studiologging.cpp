// SPDX-License-Identifier: GPL-3.0-or-later
#include "studiologging.h"

namespace Vitrine {

Q_LOGGING_CATEGORY(lcStudio, "vitrine.studio", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSession, "vitrine.studio.session", QtWarningMsg)
Q_LOGGING_CATEGORY(lcJobs, "vitrine.studio.jobs", QtWarningMsg)

} // namespace Vitrine
