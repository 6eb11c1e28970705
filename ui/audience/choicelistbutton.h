// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QToolButton>

class QLineEdit;
class QListWidget;

namespace Vitrine {

/**
 * A button that picks several values from a list (countries, event types, genders): it shows
 * the chosen ones ("Denmark, Sweden +2") and opens a checkable list with a filter field.
 * Each entry has a value (stored in the rule) and a label (shown); they may be the same.
 */
class ChoiceListButton : public QToolButton
{
    Q_OBJECT

public:
    explicit ChoiceListButton(QWidget *parent = nullptr);

    /** The values to choose from, with their labels (same size, or empty: the values). */
    void setChoices(const QStringList &values, const QStringList &labels = {});
    /** What the button says when nothing is chosen ("any event"). */
    void setEmptyText(const QString &text);
    void setSelected(const QStringList &values);
    QStringList selected() const;
    /** Room for the text and the menu arrow, which the style draws over the text otherwise. */
    QSize sizeHint() const override;

Q_SIGNALS:
    void selectionChanged(const QStringList &values);

private:
    void updateText();
    void applyFilter(const QString &text);

    QLineEdit *m_filter;
    QListWidget *m_list;
    QString m_emptyText;
};

} // namespace Vitrine
