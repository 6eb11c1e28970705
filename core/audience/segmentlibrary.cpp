// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentlibrary.h"

#include "segmentpriority.h"
#include "storage/configstore.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QSet>

#include <functional>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SegmentLibrary)
};

const QString kSegments = QStringLiteral("segments");

} // namespace

SegmentLibrary SegmentLibrary::load(Database &db, QString *error)
{
    SegmentLibrary library;
    ConfigStore store(db);
    for (const ConfigObject &object : store.list(kSegments, error)) {
        QString problem;
        auto definition = SegmentDefinition::fromJson(object.key, object.definition, &problem);
        if (definition)
            library.insert(std::move(*definition));
        else
            library.m_problems.append(Tr::tr("segment '%1': %2").arg(object.key, problem));
    }
    return library;
}

void SegmentLibrary::insert(SegmentDefinition definition)
{
    const QString name = definition.name;
    m_definitions.insert(name, std::move(definition));
}

const SegmentDefinition *SegmentLibrary::find(const QString &name) const
{
    const auto it = m_definitions.constFind(name);
    return it == m_definitions.constEnd() ? nullptr : &it.value();
}

bool SegmentLibrary::checkReferences(const QString &name, const SegmentRule &rule, QString *error) const
{
    for (const SegmentCondition *condition : rule.conditions()) {
        if (condition->kind != SegmentCondition::Kind::Segment)
            continue;
        const QString &target = condition->segment;
        if (!name.isEmpty() && target == name) {
            if (error)
                *error = Tr::tr("%1: a segment cannot include itself ('%2')").arg(condition->path, name);
            return false;
        }
        if (!contains(target)) {
            if (error)
                *error = Tr::tr("%1: no segment named '%2'%3")
                             .arg(condition->path, target,
                                 names().isEmpty()
                                     ? QString()
                                     : Tr::tr(" (segments: %1)").arg(names().join(QStringLiteral(", "))));
            return false;
        }
        if (name.isEmpty())
            continue;
        // Depth first through the stored references, looking for a way back to `name`.
        QSet<QString> seen;
        QStringList chain {name, target};
        std::function<bool(const QString &)> reaches = [&](const QString &current) -> bool {
            if (seen.contains(current))
                return false;
            seen.insert(current);
            const SegmentDefinition *definition = find(current);
            if (!definition)
                return false;
            for (const QString &next : definition->rule.referencedSegments()) {
                chain.append(next);
                if (next == name || reaches(next))
                    return true;
                chain.removeLast();
            }
            return false;
        };
        if (reaches(target)) {
            if (error)
                *error = Tr::tr("%1: %2 would be a cycle; a segment cannot contain itself")
                             .arg(condition->path, chain.join(QStringLiteral(" → ")));
            return false;
        }
    }
    return true;
}

QStringList SegmentLibrary::dependents(const QString &name) const
{
    QStringList list;
    for (const SegmentDefinition &definition : m_definitions) {
        if (definition.rule.referencedSegments().contains(name))
            list.append(definition.name);
    }
    return list;
}

bool SegmentLibrary::save(Database &db, const SegmentDefinition &definition, QString *error)
{
    if (!SegmentDefinition::isValidName(definition.name, error))
        return false;
    QString loadError;
    const SegmentLibrary library = load(db, &loadError);
    if (!loadError.isEmpty()) {
        if (error)
            *error = loadError;
        return false;
    }
    if (!library.checkReferences(definition.name, definition.rule, error))
        return false;
    return ConfigStore(db).save(kSegments, definition.name, definition.toJson(), error);
}

bool SegmentLibrary::remove(Database &db, const QString &name, QString *error)
{
    const SegmentLibrary library = load(db, error);
    if (!library.contains(name)) {
        if (error)
            *error = Tr::tr("no segment named '%1'").arg(name);
        return false;
    }
    const QStringList users = library.dependents(name);
    if (!users.isEmpty()) {
        if (error)
            *error = Tr::tr("segment '%1' is used by %2; change those first")
                         .arg(name, users.join(QStringLiteral(", ")));
        return false;
    }
    const auto priority = SegmentPriority::load(db, error);
    if (!priority)
        return false;
    if (priority->order().contains(name)) {
        if (error)
            *error = Tr::tr("segment '%1' is in the priority list; take it out first").arg(name);
        return false;
    }
    return ConfigStore(db).remove(kSegments, name, error);
}

} // namespace Vitrine
