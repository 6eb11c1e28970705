// SPDX-License-Identifier: GPL-3.0-or-later
#include "configindexmodel.h"

#include "storage/schema.h"

#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace Vitrine {

ConfigIndexModel::ConfigIndexModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

ConfigIndexModel::~ConfigIndexModel() = default;

void ConfigIndexModel::setEntries(const QList<ConfigIndexEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int ConfigIndexModel::rowOf(const QString &kind, const QString &key) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).kind == kind && m_entries.at(row).key == key)
            return row;
    }
    return -1;
}

QString ConfigIndexModel::kindName(const QString &table)
{
    if (table == QLatin1StringView("segments"))
        return tr("segment");
    if (table == QLatin1StringView("slots"))
        return tr("slot");
    if (table == QLatin1StringView("layouts"))
        return tr("layout");
    if (table == QLatin1StringView("banners"))
        return tr("banner");
    if (table == QLatin1StringView("campaigns"))
        return tr("campaign");
    return table;
}

QString ConfigIndexModel::kindTitle(const QString &table)
{
    if (table == QLatin1StringView("segments"))
        return tr("Segment");
    if (table == QLatin1StringView("slots"))
        return tr("Slot");
    if (table == QLatin1StringView("layouts"))
        return tr("Layout");
    if (table == QLatin1StringView("banners"))
        return tr("Banner");
    if (table == QLatin1StringView("campaigns"))
        return tr("Campaign");
    return table;
}

QString ConfigIndexModel::shortDateTime(qint64 unixSeconds)
{
    // The short format of some locales (C among them) has seconds; a list has no use for them.
    QString format = QLocale().dateTimeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(unixSeconds), format);
}

int ConfigIndexModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ConfigIndexModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConfigIndexModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const ConfigIndexEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn:
            return kindTitle(entry.kind);
        case KeyColumn:
            return entry.key;
        case TitleColumn:
            return entry.title;
        case VersionColumn:
            return entry.removed ? tr("removed") : QLocale().toString(entry.latestVersion);
        case SavedColumn:
            return shortDateTime(entry.lastSaved);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case KindColumn:
            // In the order the rest of the studio lists kinds, then by key.
            return QStringLiteral("%1 %2").arg(Schema::configTables().indexOf(entry.kind)).arg(entry.key);
        case VersionColumn:
            return entry.removed ? -1 : entry.latestVersion;
        case SavedColumn:
            return entry.lastSaved;
        default:
            return data(index, Qt::DisplayRole).toString().toCaseFolded();
        }
    case Qt::ToolTipRole:
        if (entry.removed)
            return tr("Removed; version %1 was its last. Select it to bring back an earlier version.")
                .arg(entry.latestVersion);
        if (index.column() == SavedColumn)
            return QLocale().toString(QDateTime::fromSecsSinceEpoch(entry.lastSaved), QLocale::LongFormat);
        if (index.column() == VersionColumn)
            return entry.versionCount == 1
                ? tr("Only one version so far")
                : tr("%1 versions kept").arg(QLocale().toString(entry.versionCount));
        break;
    case Qt::FontRole:
        if (entry.removed) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::ForegroundRole:
        if (entry.removed)
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == VersionColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case KindRole:
        return entry.kind;
    case KeyRole:
        return entry.key;
    case RemovedRole:
        return entry.removed;
    }
    return {};
}

QVariant ConfigIndexModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case KeyColumn:
        return tr("Key");
    case TitleColumn:
        return tr("Title");
    case VersionColumn:
        return tr("Version");
    case SavedColumn:
        return tr("Last saved");
    }
    return {};
}

} // namespace Vitrine
