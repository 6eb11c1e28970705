// SPDX-License-Identifier: GPL-3.0-or-later
#include "confignames.h"

#include "layoutdefinition.h"
#include "storage/configstore.h"

#include <algorithm>

namespace Vitrine {

ConfigNames ConfigNames::load(Database &db)
{
    ConfigNames names;
    ConfigStore store(db);
    for (const ConfigObject &object : store.list(QStringLiteral("slots")))
        names.slotKeys.insert(object.key);
    for (const ConfigObject &object : store.list(QStringLiteral("segments")))
        names.segments.insert(object.key);
    for (const ConfigObject &object : store.list(QStringLiteral("banners"))) {
        const QString group = object.definition.value(QStringLiteral("group")).toString();
        if (!group.isEmpty())
            names.bannerGroups.insert(group);
    }
    for (const ConfigObject &object : store.list(QStringLiteral("layouts"))) {
        const auto layout = LayoutDefinition::fromJson(object.key, object.definition, nullptr);
        names.layoutBlocks.insert(object.key, layout ? layout->allBlockIds() : QStringList());
    }
    return names;
}

QString ConfigNames::list(const QSet<QString> &names)
{
    QStringList sorted(names.begin(), names.end());
    std::sort(sorted.begin(), sorted.end());
    return sorted.isEmpty() ? QStringLiteral("none") : sorted.join(QStringLiteral(", "));
}

} // namespace Vitrine
