// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Vitrine {

/**
 * A combo box for the "Imported as" column of ImportMappingModel, with the choices the model
 * gives (ChoiceLabelsRole, ChoiceValuesRole). A pick is committed at once, so the views kept
 * open as persistent editors act like plain combo boxes.
 */
class ImportFieldDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ImportFieldDelegate(QObject *parent = nullptr);

    QWidget *createEditor(
        QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Vitrine
