// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Vitrine {

class Database;

/**
 * What a layout, banner or campaign may refer to: the catalog's slots, segments, banner groups
 * and layouts (with their block ids). Read once before a save, so a definition naming something
 * that does not exist is refused with the place of the name.
 */
struct ConfigNames
{
    QSet<QString> slotKeys;
    QSet<QString> segments;
    QSet<QString> bannerGroups;
    /** Every layout with the ids of its blocks, over all its variants. */
    QHash<QString, QStringList> layoutBlocks;

    static ConfigNames load(Database &db);
    /** "a, b, c" sorted, for messages. */
    static QString list(const QSet<QString> &names);
};

} // namespace Vitrine
