// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/confighistory.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace Vitrine {

/** The versions of one configuration object, newest first, as configVersions() gives them. */
class ConfigVersionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        VersionColumn,
        SavedColumn,
        TitleColumn,
        StateColumn,
        ColumnCount
    };

    enum Role
    {
        VersionRole = Qt::UserRole + 1, ///< the version number, an integer
        CurrentRole, ///< true for the current version
    };

    explicit ConfigVersionModel(QObject *parent = nullptr);
    ~ConfigVersionModel() override;

    void setVersions(const QList<ConfigVersion> &versions);
    const QList<ConfigVersion> &versions() const { return m_versions; }
    /** The row of @p version, or -1. */
    int rowOf(int version) const;
    /** The current version, if the object exists. */
    std::optional<ConfigVersion> current() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ConfigVersion> m_versions;
};

} // namespace Vitrine
