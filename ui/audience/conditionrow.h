// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QToolButton;

namespace Vitrine {

struct RuleChoices;

/**
 * One condition of a segment rule in the rule builder: a field picker grouped as Profile,
 * Behaviour, Value, Affinity and Segment, an operator and a value editor that fits the field
 * (country and event-type lists, number ranges, "within N days", a category tree, brand and
 * item search). It edits the condition's JSON ({"profile": {…}}) as the core reads it.
 */
class ConditionRow : public QWidget
{
    Q_OBJECT

public:
    ConditionRow(const RuleChoices *choices, const QJsonObject &condition, QWidget *parent = nullptr);

    /** The condition as JSON: {"profile": {…}}, {"behaviour": {…}}, … */
    QJsonObject condition() const { return m_json; }
    /** The field picker's id for a condition ("profile:country", "value:monetary", "segment"). */
    static QString fieldId(const QJsonObject &condition);
    /** A sensible first condition for a field id, from the catalog's own values. */
    static QJsonObject defaultCondition(const QString &fieldId, const RuleChoices &choices);

    /** Marks the row as the place of a problem (empty message: clears it). */
    void setProblem(const QString &message);
    QString problem() const { return m_problem; }
    QComboBox *fieldPicker() const { return m_field; }
    /** Puts @p widget (the builder's drag handle) before the field picker. */
    void insertLeading(QWidget *widget);

Q_SIGNALS:
    /** The condition changed; mergeId says whether it was typing (UndoMergeId). */
    void edited(int mergeId);
    void removeRequested();

private:
    void rebuildEditors();
    void fillFieldPicker();
    void addProfileEditors(QJsonObject &body);
    void addBehaviourEditors(QJsonObject &body);
    void addValueEditors(QJsonObject &body);
    void addAffinityEditors(QJsonObject &body);
    void addSegmentEditor();
    /** Replaces the condition's body (under its key) and tells the builder. */
    void setBody(const QJsonObject &body, int mergeId);
    QJsonObject body() const;

    const RuleChoices *m_choices;
    QJsonObject m_json;
    QComboBox *m_field;
    QWidget *m_editors = nullptr;
    QHBoxLayout *m_editorLayout = nullptr;
    QToolButton *m_remove;
    QString m_problem;
};

} // namespace Vitrine
