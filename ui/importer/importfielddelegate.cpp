// SPDX-License-Identifier: GPL-3.0-or-later
#include "importfielddelegate.h"

#include "importmappingmodel.h"

#include "storage/importer.h"

#include <QComboBox>
#include <QSignalBlocker>

namespace Vitrine {

ImportFieldDelegate::ImportFieldDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QWidget *ImportFieldDelegate::createEditor(
    QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("fieldCombo%1").arg(index.row()));
    combo->setAccessibleName(tr("Imported as"));
    combo->setFocusPolicy(Qt::StrongFocus);
    const QStringList labels = index.data(ImportMappingModel::ChoiceLabelsRole).toStringList();
    const QStringList values = index.data(ImportMappingModel::ChoiceValuesRole).toStringList();
    for (qsizetype i = 0; i < labels.size() && i < values.size(); ++i) {
        combo->addItem(labels.at(i), values.at(i));
        if (values.at(i).isEmpty())
            combo->setItemData(int(i),
                tr("No field: stored with the row as an attribute, or ignored for events"), Qt::ToolTipRole);
        else if (values.at(i) == QLatin1String(ImportOptions::IgnoreColumn))
            combo->setItemData(int(i), tr("Not imported at all"), Qt::ToolTipRole);
    }
    connect(combo, &QComboBox::currentIndexChanged, this,
        [this, combo] { Q_EMIT const_cast<ImportFieldDelegate *>(this)->commitData(combo); });
    return combo;
}

void ImportFieldDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo)
        return;
    const QSignalBlocker blocker(combo);
    combo->setCurrentIndex(combo->findData(index.data(ImportMappingModel::FieldRole).toString()));
    combo->setToolTip(index.data(Qt::ToolTipRole).toString());
}

void ImportFieldDelegate::setModelData(
    QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        model->setData(index, combo->currentData().toString(), Qt::EditRole);
}

QSize ImportFieldDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 14));
    size.setWidth(qMax(size.width(), 150));
    return size;
}

} // namespace Vitrine
