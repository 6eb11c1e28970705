// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"

#include <QDate>
#include <QString>

namespace Vitrine {

class Database;

/** What `vitrine-cli demo` asks for. The defaults make the standard demo shop. */
struct DemoOptions
{
    int users = 20000;
    int items = 5000;
    qint64 events = 1000000;
    quint64 seed = 1;
    /** Last day of activity; invalid means today (UTC). Same seed + same endDate => identical catalog. */
    QDate endDate;
};

struct DemoResult
{
    bool ok = false;
    QString error;
    int users = 0;
    int items = 0;
    int contentItems = 0;
    qint64 events = 0;
};

/**
 * Fills an empty catalog with a believable shop: a three-level category tree of products and
 * journal articles, people with names, ages and home towns, and a year of their visits, views,
 * carts, purchases and reading.
 *
 * People have lasting tastes (a few categories, a few co-bought product lines, a brand or two
 * and a price band, shaped partly by gender, age and country), so their later choices follow
 * their earlier ones and personal strategies can beat bestsellers, as on real shop data.
 *
 * The output depends only on the options: the generator uses its own random numbers and no
 * standard-library distribution, so the same seed and end date give the same catalog on every
 * platform.
 */
class DemoGenerator
{
public:
    explicit DemoGenerator(const DemoOptions &options);

    /**
     * Fills an EMPTY catalog (refuses with an error if items/users/events are non-empty).
     * One transaction: on failure or cancel nothing is written.
     */
    DemoResult generate(Database &db, const Progress &progress = {});

private:
    DemoOptions m_options;
};

} // namespace Vitrine
