// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Vitrine {

/**
 * One typed setting with its key and default side by side (after Tiled's SessionOption<T>).
 * Read and written through QSettings, so tests that call
 * QStandardPaths::setTestModeEnabled(true) never touch the user's settings.
 */
template<typename T>
class Setting
{
public:
    Setting(const char *key, T defaultValue = T())
        : m_key(QString::fromLatin1(key))
        , m_default(std::move(defaultValue))
    {
    }

    T get() const
    {
        const QVariant value = QSettings().value(m_key);
        return value.isValid() && value.canConvert<T>() ? value.value<T>() : m_default;
    }
    void set(const T &value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }
    QString key() const { return m_key; }

private:
    QString m_key;
    T m_default;
};

/** The studio's settings, all in one place. */
namespace StudioSettings {

inline const Setting<QByteArray> windowGeometry("window/geometry");
inline const Setting<QByteArray> windowState("window/state");
inline const Setting<QByteArray> mainSplitter("window/mainSplitter");
/** Most recent first. */
inline const Setting<QStringList> recentCatalogs("catalogs/recent");
/** The catalog open when the studio was last closed; opened again at the next start. */
inline const Setting<QString> lastCatalog("catalogs/last");
inline const Setting<QString> lastWorkspace("window/workspace", QStringLiteral("overview"));
inline const Setting<QString> lastImportFolder("import/folder");

/** How many catalogs File › Open Recent lists. */
constexpr int MaxRecentCatalogs = 8;

/** Puts a catalog first in the recent list. */
void addRecentCatalog(const QString &path);
void removeRecentCatalog(const QString &path);

} // namespace StudioSettings

} // namespace Vitrine
