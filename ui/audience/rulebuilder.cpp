// SPDX-License-Identifier: GPL-3.0-or-later
#include "rulebuilder.h"

#include "audience/segmentevaluator.h"
#include "conditionrow.h"
#include "session/undocommands.h"

#include <QApplication>
#include <QComboBox>
#include <QMouseEvent>
#include <QDropEvent>
#include <QResizeEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Vitrine {

namespace {

enum Role
{
    KindRole = Qt::UserRole + 1, ///< "all", "any", "none" or "condition"
    ConditionRole,               ///< a condition's JSON
    PathRole,                    ///< the node's path as the core names it
};

enum Column
{
    RuleColumn,
    CountColumn,
};

const QString All = QStringLiteral("all");
const QString Any = QStringLiteral("any");
const QString None = QStringLiteral("none");
const QString Condition = QStringLiteral("condition");

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

bool isGroup(const QTreeWidgetItem *item)
{
    return item && item->data(RuleColumn, KindRole).toString() != Condition;
}

} // namespace

/** The builder's tree: rows and groups are dragged within it; a drop only lands in a group. */
class RuleTree : public QTreeWidget
{
public:
    explicit RuleTree(RuleBuilder *builder)
        : QTreeWidget(builder)
        , m_builder(builder)
    {
    }

    /** Starts dragging @p item (from its handle: the row's editors take the mouse elsewhere). */
    void dragItem(QTreeWidgetItem *item)
    {
        setCurrentItem(item);
        startDrag(Qt::MoveAction);
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QTreeWidget::resizeEvent(event);
        m_builder->fitRuleColumn();
    }

    void dropEvent(QDropEvent *event) override
    {
        // The move is the builder's (one undo step, rows rebuilt), not Qt's item shuffle.
        event->setDropAction(Qt::IgnoreAction);
        event->accept();
        QTreeWidgetItem *moving = currentItem();
        QTreeWidgetItem *target = itemAt(event->position().toPoint());
        if (!moving || !target)
            return;
        QTreeWidgetItem *group = target;
        int index = -1;
        switch (dropIndicatorPosition()) {
        case QAbstractItemView::OnItem:
            if (!isGroup(target)) { // on a row: just after it, in its group
                group = target->parent();
                index = group ? group->indexOfChild(target) + 1 : -1;
            }
            break;
        case QAbstractItemView::AboveItem:
        case QAbstractItemView::BelowItem:
            group = target->parent();
            if (!group) // above or below the top group: into it
                group = target;
            else
                index = group->indexOfChild(target) + (dropIndicatorPosition() == QAbstractItemView::BelowItem ? 1 : 0);
            break;
        default:
            group = topLevelItem(0);
            break;
        }
        if (!group)
            return;
        const QString from = moving->data(RuleColumn, PathRole).toString();
        const QString to = group->data(RuleColumn, PathRole).toString();
        QMetaObject::invokeMethod(
            this, [builder = m_builder, from, to, index] { builder->moveNode(from, to, index); }, Qt::QueuedConnection);
    }

private:
    RuleBuilder *m_builder;
};

/** The grip at the start of a row or group: pressing and moving it drags the row. */
class DragHandle : public QLabel
{
public:
    DragHandle(RuleTree *tree, QTreeWidgetItem *item)
        : QLabel(QStringLiteral("⠿"))
        , m_tree(tree)
        , m_item(item)
    {
        setCursor(Qt::OpenHandCursor);
        setToolTip(RuleBuilder::tr("Drag to move this into another group"));
        setContentsMargins(2, 0, 4, 0);
    }

protected:
    void mousePressEvent(QMouseEvent *event) override { m_pressed = event->position().toPoint(); }
    void mouseMoveEvent(QMouseEvent *event) override
    {
        if ((event->buttons() & Qt::LeftButton)
            && (event->position().toPoint() - m_pressed).manhattanLength() >= QApplication::startDragDistance())
            m_tree->dragItem(m_item);
    }

private:
    RuleTree *m_tree;
    QTreeWidgetItem *m_item;
    QPoint m_pressed;
};

RuleBuilder::RuleBuilder(QWidget *parent)
    : QWidget(parent)
    , m_tree(new RuleTree(this))
    , m_problem(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Rule"), tr("People")});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(RuleColumn, QHeaderView::Interactive);
    m_tree->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_tree->header()->setSectionResizeMode(CountColumn, QHeaderView::ResizeToContents);
    // The counts come first, so they stay in view however wide a row is (the funnel reads down
    // the left edge); the tree's branches stay with the rule.
    m_tree->header()->moveSection(CountColumn, 0);
    m_tree->setTreePosition(RuleColumn);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setDragDropMode(QAbstractItemView::InternalMove);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setIndentation(14);
    m_tree->setUniformRowHeights(false);
    m_tree->setAlternatingRowColors(false);
    layout->addWidget(m_tree, 1);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    layout->addWidget(m_problem);
    rebuild();
}

RuleBuilder::~RuleBuilder() = default;

void RuleBuilder::setChoices(const RuleChoices &choices)
{
    m_choices = choices;
    rebuild();
}

void RuleBuilder::setRule(const QJsonObject &rule)
{
    if (rule == m_shown)
        return;
    m_shown = rule;
    rebuild();
}

QJsonObject RuleBuilder::rule() const
{
    QTreeWidgetItem *root = m_tree->topLevelItem(0);
    if (!root)
        return {};
    // A rule of one condition is that condition, not "all of" one.
    if (root->data(RuleColumn, KindRole).toString() == All && root->childCount() == 1)
        return nodeJson(root->child(0));
    return nodeJson(root);
}

QJsonObject RuleBuilder::nodeJson(const QTreeWidgetItem *item) const
{
    const QString kind = item->data(RuleColumn, KindRole).toString();
    if (kind == Condition)
        return item->data(RuleColumn, ConditionRole).toJsonObject();
    QJsonArray children;
    for (int i = 0; i < item->childCount(); ++i)
        children.append(nodeJson(item->child(i)));
    if (kind != None)
        return {{kind, children}};
    if (children.size() == 1)
        return {{QStringLiteral("not"), children.first()}};
    return {{QStringLiteral("not"), QJsonObject {{Any, children}}}};
}

void RuleBuilder::assignPaths(QTreeWidgetItem *item, const QString &path) const
{
    item->setData(RuleColumn, PathRole, path);
    const QString kind = item->data(RuleColumn, KindRole).toString();
    if (kind == Condition)
        return;
    if (!item->parent() && kind == All && item->childCount() == 1) {
        assignPaths(item->child(0), path);
        return;
    }
    for (int i = 0; i < item->childCount(); ++i) {
        QString childPath;
        if (kind == None) {
            childPath = item->childCount() == 1 ? join(path, QStringLiteral("not"))
                                                : QStringLiteral("%1[%2]").arg(join(join(path, QStringLiteral("not")), Any)).arg(i);
        } else {
            childPath = QStringLiteral("%1[%2]").arg(join(path, kind)).arg(i);
        }
        assignPaths(item->child(i), childPath);
    }
}

void RuleBuilder::rebuild()
{
    // The old rows are deleted later by the view: they must not report edits on the way out.
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if (QWidget *row = m_tree->itemWidget(*it, RuleColumn)) {
            row->disconnect(this);
            for (QObject *child : row->children())
                child->disconnect(this);
        }
    }
    m_tree->clear();
    QJsonObject rule = m_shown;
    const QString key = rule.isEmpty() ? QString() : rule.begin().key();
    QTreeWidgetItem *root = nullptr;
    if (key == All || key == Any || key == QLatin1String("not")) {
        root = addNode(nullptr, rule);
    } else {
        root = addNode(nullptr, QJsonObject {{All, QJsonArray()}});
        if (!rule.isEmpty())
            addNode(root, rule);
    }
    root->setFlags(Qt::ItemIsEnabled | Qt::ItemIsDropEnabled);
    assignPaths(root, QString());
    m_tree->expandAll();
    m_countsStale = true;
    QMetaObject::invokeMethod(this, &RuleBuilder::fitRuleColumn, Qt::QueuedConnection);
    if (!m_problemPath.isEmpty() || m_problem->isVisible())
        setProblem(m_problem->text());
}

QTreeWidgetItem *RuleBuilder::addNode(QTreeWidgetItem *parent, const QJsonObject &node)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    const QString key = node.isEmpty() ? QString() : node.begin().key();
    item->setTextAlignment(CountColumn, Qt::AlignRight | Qt::AlignVCenter);
    if (key == All || key == Any || key == QLatin1String("not")) {
        QJsonArray children;
        QString kind = key;
        if (key == QLatin1String("not")) {
            kind = None;
            const QJsonObject inner = node.value(key).toObject();
            // "none of" a, b is not(any(a, b)); not of anything else is "none of" that one.
            if (inner.size() == 1 && inner.contains(Any))
                children = inner.value(Any).toArray();
            else
                children.append(inner);
        } else {
            children = node.value(key).toArray();
        }
        item->setData(RuleColumn, KindRole, kind);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled);
        m_tree->setItemWidget(item, RuleColumn, makeGroupRow(item));
        for (const QJsonValue &child : std::as_const(children))
            addNode(item, child.toObject());
        return item;
    }
    item->setData(RuleColumn, KindRole, Condition);
    item->setData(RuleColumn, ConditionRole, node);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    auto *row = new ConditionRow(&m_choices, node);
    row->insertLeading(new DragHandle(static_cast<RuleTree *>(m_tree), item));
    m_tree->setItemWidget(item, RuleColumn, row);
    connect(row, &ConditionRow::edited, this, [this, item, row](int mergeId) {
        item->setData(RuleColumn, ConditionRole, row->condition());
        emitEdited(mergeId, tr("Edit a condition"));
    });
    connect(row, &ConditionRow::removeRequested, this, [this, item] {
        removeNode(item->data(RuleColumn, PathRole).toString());
    });
    return item;
}

QWidget *RuleBuilder::makeGroupRow(QTreeWidgetItem *item)
{
    auto *row = new QWidget;
    row->setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(2, 1, 2, 1);
    if (item->parent())
        layout->addWidget(new DragHandle(static_cast<RuleTree *>(m_tree), item));
    auto *kind = new QComboBox;
    kind->addItem(tr("All of these"), All);
    kind->addItem(tr("Any of these"), Any);
    kind->addItem(tr("None of these"), None);
    kind->setCurrentIndex(kind->findData(item->data(RuleColumn, KindRole)));
    kind->setToolTip(tr("All: every row holds. Any: at least one holds. None: no row holds."));
    layout->addWidget(kind);
    auto *addCondition = new QToolButton;
    addCondition->setText(tr("+ Condition"));
    addCondition->setAutoRaise(true);
    auto *addGroup = new QToolButton;
    addGroup->setText(tr("+ Group"));
    addGroup->setAutoRaise(true);
    layout->addWidget(addCondition);
    layout->addWidget(addGroup);
    layout->addStretch(1);
    if (item->parent()) {
        auto *remove = new QToolButton;
        remove->setText(QStringLiteral("✕"));
        remove->setToolTip(tr("Remove this group and its rows"));
        remove->setAutoRaise(true);
        layout->addWidget(remove);
        connect(remove, &QToolButton::clicked, this, [this, item] { removeNode(item->data(RuleColumn, PathRole).toString()); });
    }
    connect(kind, &QComboBox::currentIndexChanged, this, [this, item, kind] {
        item->setData(RuleColumn, KindRole, kind->currentData());
        QMetaObject::invokeMethod(this, [this] { structureChanged(tr("Change a group")); }, Qt::QueuedConnection);
    });
    connect(addCondition, &QToolButton::clicked, this, [this, item] { this->addCondition(item->data(RuleColumn, PathRole).toString()); });
    connect(addGroup, &QToolButton::clicked, this, [this, item] { this->addGroup(item->data(RuleColumn, PathRole).toString()); });
    return row;
}

QTreeWidgetItem *RuleBuilder::itemAt(const QString &path) const
{
    // Depth first; with a one-condition root both share the path "" and the group wins for a group.
    QList<QTreeWidgetItem *> stack {m_tree->topLevelItem(0)};
    QTreeWidgetItem *found = nullptr;
    while (!stack.isEmpty()) {
        QTreeWidgetItem *item = stack.takeLast();
        if (!item)
            continue;
        if (item->data(RuleColumn, PathRole).toString() == path && (!found || !isGroup(item)))
            found = item;
        for (int i = 0; i < item->childCount(); ++i)
            stack.append(item->child(i));
    }
    return found;
}

void RuleBuilder::addCondition(const QString &groupPath, const QString &fieldId)
{
    QTreeWidgetItem *group = itemAt(groupPath);
    while (group && !isGroup(group))
        group = group->parent();
    if (!group)
        group = m_tree->topLevelItem(0);
    addNode(group, ConditionRow::defaultCondition(fieldId, m_choices));
    structureChanged(tr("Add a condition"));
}

void RuleBuilder::addGroup(const QString &groupPath)
{
    QTreeWidgetItem *group = itemAt(groupPath);
    while (group && !isGroup(group))
        group = group->parent();
    if (!group)
        group = m_tree->topLevelItem(0);
    // A new group starts with one condition: an empty group is not a rule.
    addNode(group, QJsonObject {{Any, QJsonArray {ConditionRow::defaultCondition(QStringLiteral("behaviour:any"), m_choices)}}});
    structureChanged(tr("Add a group"));
}

void RuleBuilder::removeNode(const QString &path)
{
    QTreeWidgetItem *item = itemAt(path);
    if (!item || !item->parent())
        return;
    // Later: the button that asked for this is inside the row being deleted. By path, not by
    // pointer: the rows may have been rebuilt (an undo) by then.
    QMetaObject::invokeMethod(this, [this, path] {
        QTreeWidgetItem *item = itemAt(path);
        if (!item || !item->parent())
            return;
        QTreeWidgetItem *parent = item->parent();
        delete parent->takeChild(parent->indexOfChild(item));
        structureChanged(tr("Remove a condition"));
    }, Qt::QueuedConnection);
}

bool RuleBuilder::moveNode(const QString &path, const QString &groupPath, int index)
{
    QTreeWidgetItem *item = itemAt(path);
    QTreeWidgetItem *group = itemAt(groupPath);
    while (group && !isGroup(group))
        group = group->parent();
    if (!item || !item->parent() || !group)
        return false;
    for (QTreeWidgetItem *up = group; up; up = up->parent()) {
        if (up == item)
            return false; // a group cannot go inside itself
    }
    QTreeWidgetItem *from = item->parent();
    const int at = from->indexOfChild(item);
    if (from == group && index > at)
        --index; // taking it out shifts the later rows up
    if (from == group && (index == at || (index < 0 && at == from->childCount() - 1)))
        return false; // dropped where it was
    // Build the new rule from a copy of the tree's JSON, then show it: the row widgets are rebuilt.
    const QJsonObject node = nodeJson(item);
    delete from->takeChild(at);
    QTreeWidgetItem *moved = addNode(group, node);
    group->removeChild(moved);
    group->insertChild(index < 0 || index > group->childCount() ? group->childCount() : index, moved);
    structureChanged(tr("Move a condition"));
    return true;
}

void RuleBuilder::structureChanged(const QString &what)
{
    m_shown = rule();
    rebuild();
    Q_EMIT ruleEdited(m_shown, NoMerge, what);
}

void RuleBuilder::fitRuleColumn()
{
    int needed = 0;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        int depth = 0;
        for (QTreeWidgetItem *up = (*it)->parent(); up; up = up->parent())
            ++depth;
        if (QWidget *row = m_tree->itemWidget(*it, RuleColumn))
            needed = std::max(needed, (depth + 1) * m_tree->indentation() + row->minimumSizeHint().width());
    }
    const int available = m_tree->viewport()->width() - m_tree->header()->sectionSize(CountColumn);
    m_tree->header()->resizeSection(RuleColumn, std::max(needed, available));
}

void RuleBuilder::emitEdited(int mergeId, const QString &what)
{
    m_shown = rule();
    markCountsStale();
    Q_EMIT ruleEdited(m_shown, mergeId, what);
}

QList<ConditionRow *> RuleBuilder::conditionRows() const
{
    QList<ConditionRow *> rows;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if (auto *row = qobject_cast<ConditionRow *>(m_tree->itemWidget(*it, RuleColumn)))
            rows.append(row);
    }
    return rows;
}

QString RuleBuilder::pathOf(const ConditionRow *row) const
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if (m_tree->itemWidget(*it, RuleColumn) == row)
            return (*it)->data(RuleColumn, PathRole).toString();
    }
    return {};
}

void RuleBuilder::setCounts(const SegmentFunnel &funnel)
{
    const QLocale locale;
    m_countsStale = false;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        QTreeWidgetItem *item = *it;
        const SegmentFunnel::Step *step = funnel.step(item->data(RuleColumn, PathRole).toString());
        item->setForeground(CountColumn, palette().color(QPalette::Text));
        if (!step) {
            item->setText(CountColumn, QString());
            continue;
        }
        const QTreeWidgetItem *parent = item->parent();
        const QString parentKind = parent ? parent->data(RuleColumn, KindRole).toString() : QString();
        const bool inFunnel = parentKind == All && parent->childCount() > 1;
        // In an "all" group each row shows who is left after it (a funnel); elsewhere its own count.
        const bool ownCount = !inFunnel;
        const int shown = ownCount ? step->alone : step->reached;
        item->setData(CountColumn, Qt::UserRole, shown);
        if (inFunnel && step->reached != step->alone)
            item->setText(CountColumn, tr("%1  (%2 alone)").arg(locale.toString(step->reached), locale.toString(step->alone)));
        else
            item->setText(CountColumn, locale.toString(shown));
        item->setToolTip(CountColumn,
            inFunnel ? tr("%1 people pass this row alone; %2 pass it and every row above it")
                           .arg(locale.toString(step->alone), locale.toString(step->reached))
                     : tr("%1 people pass this").arg(locale.toString(step->alone)));
    }
}

void RuleBuilder::markCountsStale()
{
    m_countsStale = true;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        (*it)->setForeground(CountColumn, palette().color(QPalette::Disabled, QPalette::Text));
}

int RuleBuilder::shownCount(const QString &path) const
{
    QTreeWidgetItem *item = itemAt(path);
    if (!item || m_countsStale || item->text(CountColumn).isEmpty())
        return -1;
    return item->data(CountColumn, Qt::UserRole).toInt();
}

void RuleBuilder::setProblem(const QString &message)
{
    // Unmark, then find the deepest node whose path starts the message's path.
    QTreeWidgetItem *best = nullptr;
    QString bestPath;
    const QString path = message.section(QStringLiteral(": "), 0, 0);
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        QTreeWidgetItem *item = *it;
        QWidget *row = m_tree->itemWidget(item, RuleColumn);
        if (auto *condition = qobject_cast<ConditionRow *>(row))
            condition->setProblem({});
        else if (row)
            row->setPalette(QPalette());
        if (message.isEmpty())
            continue;
        const QString p = item->data(RuleColumn, PathRole).toString();
        const bool starts = p.isEmpty() || path == p || path.startsWith(p + QLatin1Char('.')) || path.startsWith(p + QLatin1Char('['));
        if (starts && (!best || p.size() > bestPath.size() || (p.size() == bestPath.size() && !isGroup(item)))) {
            best = item;
            bestPath = p;
        }
    }
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
    m_problemPath.clear();
    if (!best)
        return;
    m_problemPath = bestPath.isEmpty() && isGroup(best) ? QStringLiteral("rule") : bestPath;
    if (auto *condition = qobject_cast<ConditionRow *>(m_tree->itemWidget(best, RuleColumn))) {
        condition->setProblem(message);
    } else if (QWidget *row = m_tree->itemWidget(best, RuleColumn)) {
        QPalette p = row->palette();
        p.setColor(QPalette::Window, QColor(0xfd, 0xe2, 0xe1));
        row->setPalette(p);
        row->setToolTip(message);
    }
    m_tree->scrollToItem(best);
}

} // namespace Vitrine
