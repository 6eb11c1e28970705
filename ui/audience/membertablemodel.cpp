// SPDX-License-Identifier: GPL-3.0-or-later
#include "membertablemodel.h"

#include "engine/snapshot.h"

#include <QDateTime>
#include <QLocale>

namespace Vitrine {

MemberTableModel::MemberTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MemberTableModel::setPeople(PersonFeaturesPtr features, std::shared_ptr<const std::vector<int>> people)
{
    beginResetModel();
    m_features = std::move(features);
    m_people = std::move(people);
    m_fetched = std::min(totalCount(), PageSize);
    endResetModel();
}

int MemberTableModel::personAt(int row) const
{
    return row >= 0 && row < totalCount() ? (*m_people)[size_t(row)] : -1;
}

int MemberTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_fetched;
}

int MemberTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool MemberTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_fetched < totalCount();
}

void MemberTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const int more = std::min(PageSize, totalCount() - m_fetched);
    beginInsertRows({}, m_fetched, m_fetched + more - 1);
    m_fetched += more;
    endInsertRows();
}

QVariant MemberTableModel::data(const QModelIndex &index, int role) const
{
    const int user = personAt(index.row());
    if (user < 0 || !m_features)
        return {};
    const Snapshot &snapshot = *m_features->snapshot();
    if (role == Qt::TextAlignmentRole && index.column() >= OrdersColumn && index.column() <= SpendColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case ExternalIdColumn:
        return snapshot.externalId(user);
    case GenderColumn: {
        const char g = snapshot.gender(user);
        return g == 'f' ? tr("Female") : g == 'm' ? tr("Male") : g == 'x' ? tr("Other") : QString();
    }
    case AgeColumn: {
        const int age = m_features->age(user);
        return age >= 0 ? QVariant(age) : QVariant();
    }
    case CountryColumn:
        return snapshot.country(user) >= 0 ? snapshot.countryName(snapshot.country(user)) : QString();
    case OrdersColumn:
        return m_features->orders(user);
    case SpendColumn:
        return locale.toString(m_features->monetary(user), 'f', 2);
    case LastPurchaseColumn:
        return m_features->isBuyer(user)
            ? QDateTime::fromSecsSinceEpoch(m_features->lastPurchase(user), Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"))
            : QString();
    default:
        return {};
    }
}

QVariant MemberTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ExternalIdColumn:
        return tr("Person");
    case GenderColumn:
        return tr("Gender");
    case AgeColumn:
        return tr("Age");
    case CountryColumn:
        return tr("Country");
    case OrdersColumn:
        return tr("Orders");
    case SpendColumn:
        return tr("Spend");
    case LastPurchaseColumn:
        return tr("Last purchase");
    default:
        return {};
    }
}

} // namespace Vitrine
