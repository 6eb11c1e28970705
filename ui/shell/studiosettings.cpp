// SPDX-License-Identifier: GPL-3.0-or-later
#include "studiosettings.h"

#include <QFileInfo>

namespace Vitrine::StudioSettings {

void addRecentCatalog(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = recentCatalogs.get();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > MaxRecentCatalogs)
        list.removeLast();
    recentCatalogs.set(list);
}

void removeRecentCatalog(const QString &path)
{
    QStringList list = recentCatalogs.get();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    recentCatalogs.set(list);
}

} // namespace Vitrine::StudioSettings
