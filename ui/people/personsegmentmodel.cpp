// SPDX-License-Identifier: GPL-3.0-or-later
#include "personsegmentmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace Vitrine {

namespace {

const QColor HeldColor(0x1b, 0x7f, 0x3b);
const QColor FailedColor(0xc0, 0x1c, 0x28);

void appendNode(QStandardItem *parent, const SegmentExplanation::Node &node)
{
    auto *condition
        = new QStandardItem((node.held ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + node.condition);
    condition->setData(node.held, PersonSegmentModel::HeldRole);
    condition->setForeground(QBrush(node.held ? HeldColor : FailedColor));
    condition->setToolTip(
        node.path.isEmpty() ? node.condition : QStringLiteral("%1\n%2").arg(node.condition, node.path));
    auto *actual = new QStandardItem(node.actual);
    actual->setToolTip(node.actual);
    for (QStandardItem *item : {condition, actual})
        item->setEditable(false);
    parent->appendRow({condition, actual});
    for (const SegmentExplanation::Node &child : node.children)
        appendNode(condition, child);
}

} // namespace

PersonSegmentModel::PersonSegmentModel(QObject *parent)
    : QStandardItemModel(parent)
{
    setColumnCount(ColumnCount);
    setHorizontalHeaderLabels({tr("Segment and its conditions"), tr("What this person has")});
}

void PersonSegmentModel::setInsight(const PersonInsight &insight)
{
    removeRows(0, rowCount());
    for (const PersonInsight::Segment &segment : insight.segments) {
        const bool member = segment.explanation.ok && segment.explanation.member;
        QString title = segment.title == segment.name || segment.title.isEmpty()
            ? segment.name
            : QStringLiteral("%1 (%2)").arg(segment.title, segment.name);
        auto *name = new QStandardItem((member ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + title);
        name->setData(segment.name, SegmentNameRole);
        name->setData(member, MemberRole);
        QFont font = name->font();
        font.setBold(member);
        name->setFont(font);
        if (!member)
            name->setForeground(QBrush(QColor(0x6b, 0x6b, 0x6b)));
        QString tip = segment.description;
        if (segment.priority >= 0)
            tip += (tip.isEmpty() ? QString() : QStringLiteral("\n"))
                + tr("Position %1 in the segment priority that layouts follow").arg(segment.priority + 1);
        name->setToolTip(tip.isEmpty() ? title : tip);

        QString state;
        if (!segment.explanation.ok)
            state = tr("Cannot be evaluated: %1").arg(segment.explanation.error);
        else if (member && segment.name == insight.firstMatch)
            state = tr("Member (first in priority)");
        else
            state = member ? tr("Member") : tr("Not a member");
        auto *status = new QStandardItem(state);
        status->setToolTip(member && segment.name == insight.firstMatch
                ? tr("The first segment of the priority list this person belongs to: layouts show them its "
                     "variant")
                : state);
        for (QStandardItem *item : {name, status})
            item->setEditable(false);
        appendRow({name, status});
        if (segment.explanation.ok)
            appendNode(name, segment.explanation.root);
    }
}

QStringList PersonSegmentModel::memberSegments() const
{
    QStringList names;
    for (int row = 0; row < rowCount(); ++row) {
        const QModelIndex index = this->index(row, ConditionColumn);
        if (index.data(MemberRole).toBool())
            names.append(index.data(SegmentNameRole).toString());
    }
    return names;
}

} // namespace Vitrine
