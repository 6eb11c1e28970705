// SPDX-License-Identifier: GPL-3.0-or-later
#include "linediff.h"

#include <vector>

namespace Vitrine {

namespace {

/** The size of the table of common-subsequence lengths beyond which the middle is not compared. */
constexpr qsizetype MaxCells = 4'000'000;

} // namespace

QList<DiffLine> diffLines(const QStringList &from, const QStringList &to)
{
    using Change = DiffLine::Change;
    QList<DiffLine> lines;

    // Definitions usually differ in a few lines: keep the common start and end out of the table.
    qsizetype prefix = 0;
    while (prefix < from.size() && prefix < to.size() && from.at(prefix) == to.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < from.size() - prefix && suffix < to.size() - prefix
        && from.at(from.size() - 1 - suffix) == to.at(to.size() - 1 - suffix))
        ++suffix;

    for (qsizetype i = 0; i < prefix; ++i)
        lines.append({Change::Same, from.at(i)});

    const qsizetype n = from.size() - prefix - suffix;
    const qsizetype m = to.size() - prefix - suffix;
    const auto a = [&](qsizetype i) -> const QString & {
        return from.at(prefix + i);
    };
    const auto b = [&](qsizetype j) -> const QString & {
        return to.at(prefix + j);
    };

    if ((n + 1) * (m + 1) > MaxCells) {
        for (qsizetype i = 0; i < n; ++i)
            lines.append({Change::Removed, a(i)});
        for (qsizetype j = 0; j < m; ++j)
            lines.append({Change::Added, b(j)});
    } else {
        // common[i][j]: the longest common subsequence of a(i..) and b(j..).
        const qsizetype width = m + 1;
        std::vector<int> common(size_t((n + 1) * width), 0);
        for (qsizetype i = n - 1; i >= 0; --i) {
            for (qsizetype j = m - 1; j >= 0; --j) {
                common[size_t(i * width + j)] = a(i) == b(j)
                    ? common[size_t((i + 1) * width + j + 1)] + 1
                    : std::max(common[size_t((i + 1) * width + j)], common[size_t(i * width + j + 1)]);
            }
        }
        qsizetype i = 0;
        qsizetype j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a(i) == b(j)) {
                lines.append({Change::Same, a(i++)});
                ++j;
            } else if (j >= m
                || (i < n && common[size_t((i + 1) * width + j)] >= common[size_t(i * width + j + 1)])) {
                lines.append({Change::Removed, a(i++)});
            } else {
                lines.append({Change::Added, b(j++)});
            }
        }
    }

    for (qsizetype i = from.size() - suffix; i < from.size(); ++i)
        lines.append({Change::Same, from.at(i)});
    return lines;
}

} // namespace Vitrine
