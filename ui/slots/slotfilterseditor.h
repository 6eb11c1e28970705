// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace Vitrine {

class ChoiceListButton;
struct RuleChoices;

/**
 * A slot's hard filters as a form: stock, kind, the categories and brands to keep or leave out
 * (picked from the catalog's), a price range in money and relative to the item on the page, the
 * same category as that item, what the person already bought or saw, and attribute conditions.
 * An item failing any is never shown, fallbacks included. It edits the "filters" object of the
 * slot JSON; a value at its default is not written. A problem the core names at
 * "filters.price.min" is marked at that field.
 */
class SlotFiltersEditor : public QWidget
{
    Q_OBJECT

public:
    explicit SlotFiltersEditor(QWidget *parent = nullptr);

    /** The categories and brands offered, from the catalog. */
    void setChoices(const RuleChoices &choices);
    /** Shows @p filters; fields keep their state when the value shown is the same. */
    void setFilters(const QJsonObject &filters);
    QJsonObject filters() const { return m_filters; }
    /** Marks the field at @p path ("filters.price.max"), with @p message; empty clears. */
    void setProblem(const QString &path, const QString &message);
    /** The editor of @p key ("in_stock", "price.min", "categories", ...), for tests. */
    QWidget *field(const QString &key) const { return m_fields.value(key); }

Q_SIGNALS:
    void edited(const QJsonObject &filters, int mergeId, const QString &what);

private:
    void setValue(const QString &key, const QJsonValue &value, int mergeId, const QString &what);
    void setBound(const QString &range, const QString &bound, double value, const QString &what);
    void showFilters();
    QCheckBox *flag(const QString &key, const QString &text, const QString &help);
    ChoiceListButton *list(const QString &key, const QString &emptyText);
    QDoubleSpinBox *bound(const QString &range, const QString &boundName, const QString &prefix);

    QJsonObject m_filters;
    QMap<QString, QWidget *> m_fields;
    QComboBox *m_kind;
    QLineEdit *m_attributes;
    QLabel *m_problem;
    bool m_showing = false;
};

} // namespace Vitrine
