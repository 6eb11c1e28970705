// SPDX-License-Identifier: GPL-3.0-or-later
// The Audience workspace's list actions: new, duplicate, rename, remove and the priority order,
// each one undo step (or one macro) over the drafts.
#include "audiencepage.h"

#include "audience/segmentdefinition.h"
#include "audience/segmentrule.h"
#include "conditionrow.h"
#include "config/confighistory.h"
#include "config/configsave.h"
#include "rulebuilder.h"
#include "segmentlistmodel.h"
#include "session/catalogsession.h"
#include "session/undocommands.h"

#include <QJsonArray>
#include <QUndoStack>

namespace Vitrine {

namespace {

const QString Segments = QStringLiteral("segments");
const QLatin1String RuleKey("rule");

DraftId segmentId(const QString &name)
{
    return {Segments, name};
}

DraftId priorityId()
{
    return {QLatin1String(ConfigChange::PriorityKind), QLatin1String(ConfigChange::PriorityKey)};
}

} // namespace

QString AudiencePage::uniqueName(const QString &base) const
{
    const QStringList names = effectiveNames();
    QString name = base.left(60);
    for (int n = 2; names.contains(name) || m_stored.contains(name) || session()->drafts()->contains(segmentId(name)); ++n)
        name = QStringLiteral("%1-%2").arg(base.left(56)).arg(n);
    return name;
}

QString AudiencePage::newSegment()
{
    const QString name = uniqueName(QStringLiteral("new-segment"));
    const QJsonObject rule = ConditionRow::defaultCondition(QStringLiteral("behaviour:any"), m_builder->choices());
    const QJsonObject d {{QStringLiteral("title"), tr("New segment")}, {RuleKey, rule}};
    session()->undoStack()->push(new CreateDraftCommand(session()->drafts(), segmentId(name), d, tr("New segment %1").arg(name)));
    select(name);
    return name;
}

QString AudiencePage::duplicateSegment()
{
    if (m_current.isEmpty())
        return {};
    const QString name = uniqueName(m_current + QStringLiteral("-copy"));
    QJsonObject d = definition(m_current);
    d.insert(QStringLiteral("title"), tr("%1 (copy)").arg(d.value(QLatin1String("title")).toString(m_current)));
    session()->undoStack()->push(
        new CreateDraftCommand(session()->drafts(), segmentId(name), d, tr("Duplicate segment %1").arg(m_current)));
    select(name);
    return name;
}

QStringList AudiencePage::usersOf(const QString &name) const
{
    QStringList users;
    const QMap<QString, QJsonObject> drafts = draftDefinitions();
    // Saved users (layouts, banners, campaigns, segments), unless an unsaved edit dropped them.
    if (m_stored.contains(name)) {
        for (const QString &user : configUsers(session()->database(), Segments, name)) {
            const QString other = user.section(QLatin1Char(' '), 1, 1).section(QLatin1Char('('), 0, 0).trimmed();
            const bool segmentUser = user.startsWith(QLatin1String("segment "));
            if (!segmentUser || !drafts.contains(other))
                users.append(user);
        }
    }
    // Unsaved segments that name it.
    for (auto it = drafts.constBegin(); it != drafts.constEnd(); ++it) {
        if (it.key() == name)
            continue;
        QString ignored;
        const auto rule = SegmentRule::fromJson(it.value().value(RuleKey), &ignored);
        if (rule && rule->referencedSegments().contains(name))
            users.append(tr("segment %1 (unsaved)").arg(it.key()));
    }
    return users;
}

bool AudiencePage::renameSegment(const QString &newName, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_current.isEmpty())
        return fail(tr("No segment is selected"));
    QString why;
    if (!SegmentDefinition::isValidName(newName, &why))
        return fail(tr("Cannot rename %1 to '%2': %3").arg(m_current, newName, why));
    if (effectiveNames().contains(newName) || session()->drafts()->contains(segmentId(newName)))
        return fail(tr("Cannot rename %1: there is already a segment named %2").arg(m_current, newName));
    const QStringList users = usersOf(m_current);
    if (!users.isEmpty())
        return fail(tr("Cannot rename %1: it is used by %2. Change those first.").arg(m_current, users.join(QStringLiteral("; "))));
    const QString old = m_current;
    QUndoStack *stack = session()->undoStack();
    stack->beginMacro(tr("Rename segment %1 to %2").arg(old, newName));
    stack->push(new CreateDraftCommand(session()->drafts(), segmentId(newName), definition(old), QString()));
    stack->push(new RemoveDraftCommand(session()->drafts(), segmentId(old), m_stored.value(old), QString()));
    QStringList order = priority();
    if (order.contains(old)) {
        order.replace(order.indexOf(old), newName);
        setPriority(order, QString());
    }
    stack->endMacro();
    select(newName);
    return true;
}

bool AudiencePage::removeSegment(QString *error)
{
    if (m_current.isEmpty()) {
        if (error)
            *error = tr("No segment is selected");
        return false;
    }
    const QStringList users = usersOf(m_current);
    if (!users.isEmpty()) {
        if (error)
            *error = tr("Cannot remove %1: it is used by %2. Change those first.").arg(m_current, users.join(QStringLiteral("; ")));
        return false;
    }
    const QString name = m_current;
    QUndoStack *stack = session()->undoStack();
    stack->beginMacro(tr("Remove segment %1").arg(name));
    QStringList order = priority();
    if (order.removeAll(name) > 0)
        setPriority(order, QString());
    stack->push(new RemoveDraftCommand(session()->drafts(), segmentId(name), m_stored.value(name), QString()));
    stack->endMacro();
    return true;
}

void AudiencePage::setPriority(const QStringList &order, const QString &what)
{
    DraftStore *drafts = session()->drafts();
    drafts->begin(priorityId(), QJsonObject {{QStringLiteral("order"), QJsonArray::fromStringList(m_storedPriority)}});
    session()->undoStack()->push(new SetDraftCommand(
        drafts, priorityId(), QJsonObject {{QStringLiteral("order"), QJsonArray::fromStringList(order)}}, what));
}

void AudiencePage::moveSegment(const QString &name, int row)
{
    const int from = m_list->rowOf(name);
    if (from < 0)
        return;
    QStringList ranked = priority();
    for (auto it = ranked.begin(); it != ranked.end();) {
        if (m_list->rowOf(*it) < 0)
            it = ranked.erase(it); // a name whose segment is gone
        else
            ++it;
    }
    const bool wasRanked = ranked.contains(name);
    ranked.removeAll(name);
    // Rows above the target that stay ranked decide where it lands; below them it leaves the list.
    int target = row > from ? row - 1 : row;
    if (target <= int(ranked.size()) || (wasRanked && target <= int(ranked.size()) + 1)) {
        ranked.insert(std::min<qsizetype>(target, ranked.size()), name);
    }
    if (ranked == priority())
        return;
    setPriority(ranked, tr("Move segment %1 in the priority list").arg(name));
    select(name);
}

} // namespace Vitrine
