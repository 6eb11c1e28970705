// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentoverlap.h"

#include "segmentevaluator.h"
#include "segmentlibrary.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SegmentOverlap)
};

} // namespace

bool SegmentOverlap::checkInputs(const SegmentLibrary &library, std::vector<Input> &inputs, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (inputs.empty()) {
        for (const QString &name : library.names())
            inputs.push_back({name, std::nullopt});
    }
    if (int(inputs.size()) > MaxSegments)
        return fail(Tr::tr("%1 segments: an overlap takes at most %2").arg(inputs.size()).arg(MaxSegments));
    QStringList seen;
    for (const Input &input : inputs) {
        if (seen.contains(input.name))
            return fail(Tr::tr("'%1' is named twice").arg(input.name));
        seen.append(input.name);
        if (!input.rule) {
            if (!library.contains(input.name))
                return fail(Tr::tr("no segment named '%1'").arg(input.name));
            continue;
        }
        QString problem;
        if (!SegmentDefinition::isValidName(input.name, &problem))
            return fail(Tr::tr("inline rule '%1': %2").arg(input.name, problem));
        if (library.contains(input.name))
            return fail(Tr::tr("inline rule '%1': a stored segment has that name; give the rule another")
                            .arg(input.name));
        if (!library.checkReferences(QString(), *input.rule, &problem))
            return fail(Tr::tr("inline rule '%1': %2").arg(input.name, problem));
    }
    return true;
}

std::optional<SegmentOverlap> SegmentOverlap::evaluate(SegmentEvaluator &evaluator,
    const std::vector<Input> &inputs, QString *error, QStringList *warnings, const Progress &progress)
{
    QStringList names;
    std::vector<PersonSet> sets;
    for (const Input &input : inputs) {
        const SegmentMembers members = input.rule ? evaluator.evaluate(*input.rule, progress)
                                                  : evaluator.evaluate(input.name, progress);
        if (warnings) {
            for (const QString &warning : members.warnings)
                warnings->append(
                    input.rule ? Tr::tr("inline rule '%1': %2").arg(input.name, warning) : warning);
        }
        if (!members.ok) {
            if (error)
                *error = Tr::tr("%1 '%2': %3")
                             .arg(input.rule ? Tr::tr("inline rule") : Tr::tr("segment"), input.name,
                                 members.error);
            return std::nullopt;
        }
        names.append(input.name);
        sets.push_back(members.members);
    }
    return compute(names, sets, error);
}

std::optional<SegmentOverlap> SegmentOverlap::compute(
    const QStringList &names, const std::vector<PersonSet> &sets, QString *error)
{
    const int k = int(sets.size());
    if (k > MaxSegments || names.size() != k) {
        if (error)
            *error = names.size() != k
                ? Tr::tr("each segment needs a name")
                : Tr::tr("%1 segments: an overlap takes at most %2").arg(k).arg(MaxSegments);
        return std::nullopt;
    }
    SegmentOverlap overlap;
    overlap.m_names = names;
    overlap.m_population = k ? sets.front().size() : 0;
    for (const PersonSet &set : sets) {
        if (set.size() != overlap.m_population) {
            if (error)
                *error = Tr::tr("the segments come from different snapshots");
            return std::nullopt;
        }
    }
    overlap.m_matrix.assign(size_t(k), std::vector<int>(size_t(k), 0));
    for (int a = 0; a < k; ++a) {
        overlap.m_sizes.push_back(sets[size_t(a)].count());
        for (int b = a; b < k; ++b)
            overlap.m_matrix[size_t(a)][size_t(b)] = overlap.m_matrix[size_t(b)][size_t(a)]
                = sets[size_t(a)].intersectionCount(sets[size_t(b)]);
    }
    if (k == 0)
        return overlap;

    // Each person's combination as a bit mask, counted; then every combination's inclusive size
    // as the sum over its supersets (sum over subsets, in k·2^k steps).
    std::vector<int> exclusive(size_t(1) << k, 0);
    const size_t words = sets.front().wordCount();
    for (size_t w = 0; w < words; ++w) {
        quint64 any = 0;
        for (const PersonSet &set : sets)
            any |= set.word(w);
        for (; any; any &= any - 1) {
            const int bit = std::countr_zero(any);
            quint32 mask = 0;
            for (int i = 0; i < k; ++i)
                mask |= quint32((sets[size_t(i)].word(w) >> bit) & 1u) << i;
            ++exclusive[mask];
        }
    }
    std::vector<int> inclusive = exclusive;
    for (int i = 0; i < k; ++i) {
        for (size_t mask = 0; mask < inclusive.size(); ++mask) {
            if (!(mask & (size_t(1) << i)))
                inclusive[mask] += inclusive[mask | (size_t(1) << i)];
        }
    }
    for (size_t mask = 1; mask < exclusive.size(); ++mask) {
        if (!exclusive[mask])
            continue;
        Intersection intersection;
        for (int i = 0; i < k; ++i) {
            if (mask & (size_t(1) << i))
                intersection.segments.push_back(i);
        }
        intersection.exclusive = exclusive[mask];
        intersection.inclusive = inclusive[mask];
        overlap.m_union += exclusive[mask];
        overlap.m_intersections.push_back(std::move(intersection));
    }
    std::stable_sort(overlap.m_intersections.begin(), overlap.m_intersections.end(),
        [](const Intersection &a, const Intersection &b) {
            if (a.exclusive != b.exclusive)
                return a.exclusive > b.exclusive;
            return a.segments.size() < b.segments.size();
        });
    return overlap;
}

double SegmentOverlap::jaccard(int a, int b) const
{
    const int both = pair(a, b);
    const int either = m_sizes[size_t(a)] + m_sizes[size_t(b)] - both;
    return either > 0 ? double(both) / either : 0.0;
}

QJsonObject SegmentOverlap::toJson() const
{
    QJsonArray sizes, matrix, jaccards, intersections;
    for (size_t a = 0; a < m_sizes.size(); ++a) {
        sizes.append(m_sizes[a]);
        QJsonArray row, jaccardRow;
        for (size_t b = 0; b < m_sizes.size(); ++b) {
            row.append(pair(int(a), int(b)));
            jaccardRow.append(jaccard(int(a), int(b)));
        }
        matrix.append(row);
        jaccards.append(jaccardRow);
    }
    for (const Intersection &intersection : m_intersections) {
        QJsonArray members;
        for (int i : intersection.segments)
            members.append(m_names.at(i));
        intersections.append(QJsonObject {{QStringLiteral("segments"), members},
            {QStringLiteral("exclusive"), intersection.exclusive},
            {QStringLiteral("inclusive"), intersection.inclusive}});
    }
    return {{QStringLiteral("segments"), QJsonArray::fromStringList(m_names)},
        {QStringLiteral("sizes"), sizes}, {QStringLiteral("matrix"), matrix},
        {QStringLiteral("jaccard"), jaccards}, {QStringLiteral("intersections"), intersections},
        {QStringLiteral("union"), m_union}, {QStringLiteral("in_none"), m_population - m_union},
        {QStringLiteral("population"), m_population}};
}

QStringList SegmentOverlap::toLines() const
{
    const QLocale locale(QLocale::English);
    QStringList lines;
    QString head = QString(22, QLatin1Char(' '));
    for (qsizetype i = 0; i < m_names.size(); ++i)
        head += QStringLiteral("%1").arg(i + 1, 10);
    lines.append(head);
    for (qsizetype a = 0; a < m_names.size(); ++a) {
        QString row = QStringLiteral("%1 %2").arg(a + 1, 2).arg(m_names.at(a), -19);
        for (qsizetype b = 0; b < m_names.size(); ++b)
            row += QStringLiteral("%1").arg(locale.toString(pair(int(a), int(b))), 10);
        lines.append(row);
    }
    lines.append(Tr::tr("Combinations (in exactly these segments):"));
    for (const Intersection &intersection : m_intersections) {
        QStringList members;
        for (int i : intersection.segments)
            members.append(m_names.at(i));
        lines.append(QStringLiteral("  %1  %2")
                         .arg(locale.toString(intersection.exclusive), 9)
                         .arg(members.join(QStringLiteral(" ∩ "))));
    }
    lines.append(Tr::tr("In at least one: %1 of %2 people")
                     .arg(locale.toString(m_union), locale.toString(m_population)));
    return lines;
}

} // namespace Vitrine
