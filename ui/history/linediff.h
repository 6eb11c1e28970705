// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Vitrine {

/** One line of a line diff: in both texts, only in the first (removed) or only in the second (added). */
struct DiffLine
{
    enum class Change
    {
        Same,
        Removed,
        Added,
    };
    Change change = Change::Same;
    QString text;

    bool operator==(const DiffLine &) const = default;
};

/**
 * The lines that turn @p from into @p to, in order: a longest common subsequence of lines is kept,
 * the rest is removed (from @p from) or added (from @p to), removals before additions at each
 * place. Texts of a few thousand lines are compared exactly; beyond that the differing middle
 * (after the common first and last lines) is shown as removed and added whole, which is still
 * a correct diff, only not the shortest.
 */
QList<DiffLine> diffLines(const QStringList &from, const QStringList &to);

} // namespace Vitrine
