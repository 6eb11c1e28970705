// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "segmentcondition.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Vitrine {

/**
 * Who belongs to a segment: a tree of all/any/not groups over conditions, read from JSON such as
 *
 *     {"all": [{"profile": {"field": "country", "equals": "Denmark"}},
 *              {"behaviour": {"event": "purchase", "within_days": 90}}]}
 *
 * fromJson() checks everything that can be checked without a catalog: unknown fields, wrong
 * types, empty groups, bad ranges. Its message names the place: "all[1].behaviour.within_days:
 * must be a whole number of at least 1". References to other segments are checked by
 * SegmentLibrary, which knows them. The grammar is documented in docs/segments.md.
 */
class SegmentRule
{
public:
    struct Node
    {
        enum class Kind
        {
            All,
            Any,
            Not,
            Condition
        };
        Kind kind = Kind::All;
        QString path; ///< "" for the root, else e.g. "all[2].any[0]"
        std::vector<Node> children;
        SegmentCondition condition; ///< for Kind::Condition
    };

    /** Groups deeper than this are refused, so a hostile rule cannot exhaust the stack. */
    static constexpr int MaxDepth = 32;

    static std::optional<SegmentRule> fromJson(const QJsonValue &json, QString *error);
    /** Parses JSON text first; a syntax error names the offset. */
    static std::optional<SegmentRule> fromText(const QByteArray &text, QString *error);
    /**
     * The same, with every path prefixed (SegmentDefinition reads its rule under "rule").
     */
    static std::optional<SegmentRule> fromJson(
        const QJsonValue &json, const QString &pathPrefix, QString *error);

    QJsonObject toJson() const;
    const Node &root() const { return m_root; }

    /** The segments this rule names directly, each once, in order. */
    QStringList referencedSegments() const;
    /** Every condition, depth first. */
    std::vector<const SegmentCondition *> conditions() const;

private:
    Node m_root;
};

} // namespace Vitrine
