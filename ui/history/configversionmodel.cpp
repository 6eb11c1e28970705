// SPDX-License-Identifier: GPL-3.0-or-later
#include "configversionmodel.h"

#include "configindexmodel.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace Vitrine {

ConfigVersionModel::ConfigVersionModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

ConfigVersionModel::~ConfigVersionModel() = default;

void ConfigVersionModel::setVersions(const QList<ConfigVersion> &versions)
{
    beginResetModel();
    m_versions = versions;
    endResetModel();
}

int ConfigVersionModel::rowOf(int version) const
{
    for (int row = 0; row < m_versions.size(); ++row) {
        if (m_versions.at(row).object.version == version)
            return row;
    }
    return -1;
}

std::optional<ConfigVersion> ConfigVersionModel::current() const
{
    if (!m_versions.isEmpty() && m_versions.constFirst().current)
        return m_versions.constFirst();
    return std::nullopt;
}

int ConfigVersionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int ConfigVersionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConfigVersionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_versions.size())
        return {};
    const ConfigVersion &version = m_versions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case VersionColumn:
            return QLocale().toString(version.object.version);
        case SavedColumn:
            return ConfigIndexModel::shortDateTime(version.object.updatedAt);
        case TitleColumn:
            return version.object.definition.value(QStringLiteral("title")).toString();
        case StateColumn:
            return version.current ? tr("current") : QString();
        }
        break;
    case Qt::FontRole:
        if (version.current) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == VersionColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        return version.current ? tr("The version in use now")
                               : tr("An earlier version; restoring it saves it again as a new version");
    case VersionRole:
        return version.object.version;
    case CurrentRole:
        return version.current;
    }
    return {};
}

QVariant ConfigVersionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case SavedColumn:
        return tr("Saved at");
    case TitleColumn:
        return tr("Title");
    case StateColumn:
        return QString();
    }
    return {};
}

} // namespace Vitrine
