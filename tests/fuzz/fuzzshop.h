// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audience/startersegments.h"
#include "demo/demogenerator.h"
#include "layout/startercontent.h"
#include "storage/database.h"

#include <QDate>
#include <QString>

namespace Vitrine::Fuzzing {

/**
 * Opens an in-memory catalog holding the fuzz targets' tiny shop: the same as `vitrine-cli demo
 * --users 50 --items 40 --events 500 --seed 7 --end 2026-06-01` with its starter segments,
 * slots, layouts, banners and campaigns (whose `config export` is fuzz_configimport's seed).
 */
inline bool openTinyShop(Database &db, QString *error)
{
    if (!db.open(QStringLiteral(":memory:"), Database::OpenMode::Create, error))
        return false;
    DemoOptions options;
    options.users = 50;
    options.items = 40;
    options.events = 500;
    options.seed = 7;
    options.endDate = QDate(2026, 6, 1);
    const DemoResult demo = DemoGenerator(options).generate(db);
    if (!demo.ok) {
        *error = demo.error;
        return false;
    }
    return StarterSegments::install(db, error) && installStarterContent(db, error);
}

} // namespace Vitrine::Fuzzing
