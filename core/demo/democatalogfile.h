// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"
#include "demogenerator.h"

#include <QString>

namespace Vitrine {

/**
 * Makes a whole demo catalog file: the shop (DemoGenerator) with the starter segments, slots,
 * layouts, banners and campaigns. Built beside the target (`FILE.building`) and renamed over it
 * only when complete, so a failure or a cancel leaves the target as it was and no `.building`
 * file behind. When the target is a symbolic link, the file it points to is replaced, not the
 * link. Refuses an existing target unless `replace`.
 */
DemoResult createDemoCatalogFile(
    const QString &path, const DemoOptions &options, bool replace, const Progress &progress = {});

} // namespace Vitrine
