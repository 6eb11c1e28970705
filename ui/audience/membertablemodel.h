// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audience/personfeatures.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace Vitrine {

/**
 * A segment's members as a table: external id, gender, age, country, orders, spend and last
 * purchase, read from the in-memory features. Rows are handed to the view a page at a time
 * (canFetchMore / fetchMore), so a segment of a million people opens at once.
 */
class MemberTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ExternalIdColumn,
        GenderColumn,
        AgeColumn,
        CountryColumn,
        OrdersColumn,
        SpendColumn,
        LastPurchaseColumn,
        ColumnCount
    };
    static constexpr int PageSize = 500;

    explicit MemberTableModel(QObject *parent = nullptr);

    /** The people to show (dense indexes, in order) from @p features. */
    void setPeople(PersonFeaturesPtr features, std::shared_ptr<const std::vector<int>> people);
    /** Every person of the list, fetched or not. */
    int totalCount() const { return m_people ? int(m_people->size()) : 0; }
    int personAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    PersonFeaturesPtr m_features;
    std::shared_ptr<const std::vector<int>> m_people;
    int m_fetched = 0;
};

} // namespace Vitrine
