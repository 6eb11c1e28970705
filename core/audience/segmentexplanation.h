// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace Vitrine {

/**
 * Why one person is or is not in a segment, for the preview: the rule's tree with, at every
 * condition, what it asks, what the person actually has and whether it held
 * ("✓ total spend ≥ 1,000.00 — 1,240.50"). A referenced segment is explained inside its node.
 */
struct SegmentExplanation
{
    struct Node
    {
        QString path; ///< where in the rule: "all[1].value"
        QString kind; ///< all, any, not, profile, behaviour, value, affinity or segment
        QString condition; ///< what it asks, in words
        QString actual; ///< what the person has, in words ("1,240.50", "Sweden", "2 matching events")
        bool held = false;
        std::vector<Node> children;
    };

    bool ok = false;
    QString error;
    int user = -1;
    QString externalId;
    QString segment; ///< the segment's name, empty for an inline rule
    qint64 asOf = 0;
    bool member = false;
    Node root;

    /** {"user", "segment", "as_of", "member", "explanation": {path, kind, condition, actual, held, children}}
     */
    QJsonObject toJson() const;
    /** The tree as indented lines, one per node, each with ✓ or ✗. */
    QStringList toLines() const;
};

} // namespace Vitrine
