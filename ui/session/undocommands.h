// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "draftstore.h"

#include <QJsonObject>
#include <QUndoCommand>

#include <functional>

namespace Vitrine {

/**
 * Merge ids of the studio's undo commands: consecutive commands with the same id on the same
 * object merge into one undo step (typing a name is one step, not one per key). In one enum so
 * two kinds of command never share an id.
 */
enum UndoMergeId
{
    NoMerge = -1,
    MergeDraftText = 1, ///< typing into a text field of a draft
    MergeDraftNumber,   ///< dragging a slider or spinning a number of a draft
};

/**
 * The generic "change one value of one object" command (after Tiled's ChangeValue): it keeps the
 * old and new value and a setter; typing merges when the merge id and the target match.
 */
template<typename Target, typename Value>
class ChangeValue : public QUndoCommand
{
public:
    using Setter = std::function<void(Target *, const Value &)>;

    ChangeValue(const QString &text, Target *target, Value oldValue, Value newValue, Setter setter,
        int mergeId = NoMerge, QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_target(target)
        , m_old(std::move(oldValue))
        , m_new(std::move(newValue))
        , m_setter(std::move(setter))
        , m_mergeId(mergeId)
    {
    }

    void undo() override { m_setter(m_target, m_old); }
    void redo() override { m_setter(m_target, m_new); }
    int id() const override { return m_mergeId; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const ChangeValue *>(other);
        if (!next || next->m_target != m_target || next->m_mergeId != m_mergeId || m_mergeId == NoMerge)
            return false;
        m_new = next->m_new;
        setObsolete(m_new == m_old);
        return true;
    }

protected:
    Target *m_target;
    Value m_old;
    Value m_new;
    Setter m_setter;
    int m_mergeId;
};

/**
 * Sets a draft's whole definition (the editors' one command): "Change slot home-for-you: weight".
 * Merges with the next one on the same draft and merge id.
 */
class SetDraftCommand : public QUndoCommand
{
public:
    SetDraftCommand(DraftStore *drafts, const DraftId &id, const QJsonObject &definition, const QString &text,
        int mergeId = NoMerge, QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_drafts(drafts)
        , m_id(id)
        , m_old(drafts->definition(id))
        , m_new(definition)
        , m_mergeId(mergeId)
    {
    }

    void undo() override { m_drafts->setDefinition(m_id, m_old); }
    void redo() override { m_drafts->setDefinition(m_id, m_new); }
    int id() const override { return m_mergeId; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const SetDraftCommand *>(other);
        if (!next || !(next->m_id == m_id) || next->m_mergeId != m_mergeId || m_mergeId == NoMerge)
            return false;
        m_new = next->m_new;
        setObsolete(m_new == m_old);
        return true;
    }

    const DraftId &draftId() const { return m_id; }

private:
    DraftStore *m_drafts;
    DraftId m_id;
    QJsonObject m_old;
    QJsonObject m_new;
    int m_mergeId;
};

/**
 * Creates a new object as a draft ("New segment", "Duplicate vip"); undo forgets it. Saved with
 * the other drafts.
 */
class CreateDraftCommand : public QUndoCommand
{
public:
    CreateDraftCommand(DraftStore *drafts, const DraftId &id, const QJsonObject &definition, const QString &text,
        QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_drafts(drafts)
        , m_id(id)
        , m_definition(definition)
    {
    }

    void redo() override { m_drafts->beginNew(m_id, m_definition); }
    void undo() override
    {
        m_definition = m_drafts->definition(m_id); // edits made since, redone with it
        m_drafts->discard(m_id);
    }

private:
    DraftStore *m_drafts;
    DraftId m_id;
    QJsonObject m_definition;
};

/**
 * Removes an object: a stored one is marked to be deleted on save, a new one (never saved) is
 * forgotten. Undo brings it back as it was.
 */
class RemoveDraftCommand : public QUndoCommand
{
public:
    RemoveDraftCommand(DraftStore *drafts, const DraftId &id, const QJsonObject &stored, const QString &text,
        QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_drafts(drafts)
        , m_id(id)
    {
        const DraftStore::Draft *draft = drafts->draft(id);
        m_wasNew = draft && draft->isNew;
        m_definition = draft ? draft->definition : stored;
        if (!draft)
            drafts->begin(id, stored);
    }

    void redo() override
    {
        if (m_wasNew)
            m_drafts->discard(m_id);
        else
            m_drafts->setRemoved(m_id, true);
    }
    void undo() override
    {
        if (m_wasNew)
            m_drafts->beginNew(m_id, m_definition);
        else
            m_drafts->setRemoved(m_id, false);
    }

private:
    DraftStore *m_drafts;
    DraftId m_id;
    QJsonObject m_definition;
    bool m_wasNew = false;
};

} // namespace Vitrine
