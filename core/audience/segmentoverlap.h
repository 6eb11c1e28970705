// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"
#include "personset.h"
#include "segmentrule.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace Vitrine {

class SegmentEvaluator;
class SegmentLibrary;

/**
 * How a set of segments overlap: the pairwise matrix (|A ∩ B|, with Jaccard) and, for an UpSet
 * chart, the size of every combination of segments that someone belongs to exactly
 * ("exclusive": in these and in none of the others) with its inclusive size (in at least these).
 * The exclusive sizes add up to the union; those that include a segment add up to its size.
 */
class SegmentOverlap
{
public:
    /** An UpSet chart allows at most this many segments (2^20 combinations). */
    static constexpr int MaxSegments = 20;

    struct Intersection
    {
        std::vector<int> segments; ///< indexes into names(), increasing
        int exclusive = 0;
        int inclusive = 0;
    };

    /** One segment to compare: a stored segment by name, or an inline rule under a name of its own. */
    struct Input
    {
        QString name;
        std::optional<SegmentRule> rule; ///< none: the stored segment `name`
    };

    /**
     * Checks the inputs before anything is evaluated (reading a snapshot is slow): at most
     * MaxSegments, distinct names, stored segments that exist, inline rules under valid names no
     * stored segment has and with references that exist. No inputs at all means every stored
     * segment, filled in. False and a message naming the input otherwise.
     */
    static bool checkInputs(const SegmentLibrary &library, std::vector<Input> &inputs, QString *error);
    /**
     * Evaluates checked inputs with `evaluator` (stored segments through its library) and
     * compares them. Names the catalog lacks are added to `warnings`, each with its segment.
     */
    static std::optional<SegmentOverlap> evaluate(SegmentEvaluator &evaluator,
        const std::vector<Input> &inputs, QString *error, QStringList *warnings = nullptr,
        const Progress &progress = {});

    /** nullopt and a message with more than MaxSegments sets or sets of different sizes. */
    static std::optional<SegmentOverlap> compute(
        const QStringList &names, const std::vector<PersonSet> &sets, QString *error);

    const QStringList &names() const { return m_names; }
    const std::vector<int> &sizes() const { return m_sizes; }
    /** |A ∩ B|; the diagonal holds the sizes. */
    int pair(int a, int b) const { return m_matrix[size_t(a)][size_t(b)]; }
    double jaccard(int a, int b) const;
    /** Every combination someone belongs to exactly, the largest first. */
    const std::vector<Intersection> &intersections() const { return m_intersections; }
    int unionSize() const { return m_union; }
    int population() const { return m_population; }

    /** {"segments": [...], "sizes", "matrix", "jaccard", "intersections": [{"segments", "exclusive",
     * "inclusive"}], ...} */
    QJsonObject toJson() const;
    /** The matrix and the combinations as lines of text. */
    QStringList toLines() const;

private:
    QStringList m_names;
    std::vector<int> m_sizes;
    std::vector<std::vector<int>> m_matrix;
    std::vector<Intersection> m_intersections;
    int m_union = 0;
    int m_population = 0;
};

} // namespace Vitrine
