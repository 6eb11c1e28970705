// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rulechoices.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace Vitrine {

class ConditionRow;
struct SegmentFunnel;

/**
 * The visual editor of a segment rule (also for banner and campaign targeting): nested
 * "all of" / "any of" / "none of" groups, one ConditionRow per condition, add / remove / drag
 * a row or a group to regroup it, and beside every row and group how many people pass it, so
 * an "all" group reads like a funnel.
 *
 * It shows a rule (setRule) and reports each edit (ruleEdited) without keeping it: the owner
 * pushes an undo command and hands the result back. Problems are the core's: setProblem()
 * takes its message ("all[1].profile.min: …") and marks the row at that path.
 */
class RuleBuilder : public QWidget
{
    Q_OBJECT

public:
    explicit RuleBuilder(QWidget *parent = nullptr);
    ~RuleBuilder() override;

    void setChoices(const RuleChoices &choices);
    const RuleChoices &choices() const { return m_choices; }

    /** Shows @p rule; rebuilt only when it differs from what is shown (typing keeps its focus). */
    void setRule(const QJsonObject &rule);
    /** The rule as shown, as the core reads it. */
    QJsonObject rule() const;

    /** The counts of a funnel evaluated for rule(); marks every count current. */
    void setCounts(const SegmentFunnel &funnel);
    /** The counts shown are for an earlier rule (greyed until new ones arrive). */
    void markCountsStale();
    /** The count shown beside the node at @p path ("" for the root), -1 when none. */
    int shownCount(const QString &path) const;

    /** Marks the row the core's message names (its path before ": "); empty clears. */
    void setProblem(const QString &message);
    /** The path of the row marked as the problem, empty when none. */
    QString problemPath() const { return m_problemPath; }

    /** For tests and the page: the condition rows in display order, and a node's path. */
    QList<ConditionRow *> conditionRows() const;
    QString pathOf(const ConditionRow *row) const;
    /** Adds a condition (the default for field id @p fieldId) to the group at @p groupPath. */
    void addCondition(const QString &groupPath = {}, const QString &fieldId = QStringLiteral("behaviour:any"));
    void addGroup(const QString &groupPath = {});
    void removeNode(const QString &path);
    /**
     * Moves the row or group at @p path into the group at @p groupPath, before its child
     * @p index (-1: last), as a drag does. False when that would put a group inside itself.
     */
    bool moveNode(const QString &path, const QString &groupPath, int index = -1);
    QTreeWidget *tree() const { return m_tree; }

Q_SIGNALS:
    /** The user changed the rule; mergeId says whether typing (UndoMergeId); what: "add condition". */
    void ruleEdited(const QJsonObject &rule, int mergeId, const QString &what);

private:
    friend class RuleTree;
    void rebuild();
    QTreeWidgetItem *addNode(QTreeWidgetItem *parent, const QJsonObject &node);
    QJsonObject nodeJson(const QTreeWidgetItem *item) const;
    void assignPaths(QTreeWidgetItem *item, const QString &path) const;
    QTreeWidgetItem *itemAt(const QString &path) const;
    QWidget *makeGroupRow(QTreeWidgetItem *item);
    void emitEdited(int mergeId, const QString &what);
    void structureChanged(const QString &what);
    /** Widens the rule column to the widest row (the tree scrolls then), else fills the view. */
    void fitRuleColumn();

    RuleChoices m_choices;
    QTreeWidget *m_tree;
    QLabel *m_problem;
    QJsonObject m_shown;
    QString m_problemPath;
    bool m_countsStale = true;
};

} // namespace Vitrine
