// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "segmentdefinition.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace Vitrine {

class Database;

/**
 * The catalog's named segments, so rules can refer to each other ({"segment": "vip"}).
 *
 * It refuses what would make evaluation impossible: a reference to a segment that does not
 * exist and any cycle of references ("vip → big-spenders → vip"), each with the place in the rule
 * that names it. Definitions are the `segments` rows of ConfigStore (with their history).
 */
class SegmentLibrary
{
public:
    SegmentLibrary() = default;

    /** Reads every stored segment; one that does not parse is left out and listed in problems(). */
    static SegmentLibrary load(Database &db, QString *error = nullptr);

    void insert(SegmentDefinition definition);
    const SegmentDefinition *find(const QString &name) const;
    bool contains(const QString &name) const { return m_definitions.contains(name); }
    /** Names in alphabetical order. */
    QStringList names() const { return m_definitions.keys(); }
    int size() const { return int(m_definitions.size()); }
    /** "segment 'x': rule.all[0].value.min: must be a number" for each stored segment left out. */
    const QStringList &problems() const { return m_problems; }

    /**
     * Checks that every segment `rule` names exists and that giving it the name `name` closes no
     * cycle. The message starts with the path of the offending reference.
     */
    bool checkReferences(const QString &name, const SegmentRule &rule, QString *error) const;
    /** The stored segments whose rules name `name` directly. */
    QStringList dependents(const QString &name) const;

    /** Checks the name, the references and cycles against the stored segments, then saves. */
    static bool save(Database &db, const SegmentDefinition &definition, QString *error);
    /** Removes a segment unless another segment or the priority list names it. */
    static bool remove(Database &db, const QString &name, QString *error);

private:
    QMap<QString, SegmentDefinition> m_definitions;
    QStringList m_problems;
};

} // namespace Vitrine
