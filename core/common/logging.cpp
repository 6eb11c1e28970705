// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

namespace Vitrine {

Q_LOGGING_CATEGORY(lcStorage, "vitrine.storage", QtWarningMsg)
Q_LOGGING_CATEGORY(lcEngine, "vitrine.engine", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAudience, "vitrine.audience", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLayout, "vitrine.layout", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCampaign, "vitrine.campaign", QtWarningMsg)
Q_LOGGING_CATEGORY(lcEval, "vitrine.eval", QtWarningMsg)

} // namespace Vitrine
