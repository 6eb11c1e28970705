// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"
#include "demogenerator.h"
#include "layout/traveldemo.h"

#include <QString>

namespace Vitrine {

/**
 * Makes a whole demo catalog file: the shop (DemoGenerator) with the starter segments, slots,
 * layouts, banners and campaigns. Built beside the target (`FILE.building`) and renamed over it
 * only when complete, so a failure or a cancel leaves the target as it was and no `.building`
 * file behind. When the target is a symbolic link, the file it points to is replaced, not the
 * link; a folder, a device or a pipe is never replaced. Refuses an existing target unless
 * `replace`. The studio's "Create the demo catalog" and `vitrine-cli demo` both call it.
 */
DemoResult createDemoCatalogFile(
    const QString &path, const DemoOptions &options, bool replace, const Progress &progress = {});

/** The same for the small travel catalog (TravelDemo) with its starter slots. */
DemoResult createTravelCatalogFile(
    const QString &path, const TravelDemoOptions &options, bool replace, const Progress &progress = {});

} // namespace Vitrine
