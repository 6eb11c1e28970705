// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentexplanation.h"

#include "storage/timestamp.h"

#include <QJsonArray>

#include <functional>

namespace Vitrine {

namespace {

QJsonObject nodeToJson(const SegmentExplanation::Node &node)
{
    QJsonObject json {{QStringLiteral("path"), node.path}, {QStringLiteral("kind"), node.kind},
        {QStringLiteral("condition"), node.condition}, {QStringLiteral("held"), node.held}};
    if (!node.actual.isEmpty())
        json.insert(QStringLiteral("actual"), node.actual);
    if (!node.children.empty()) {
        QJsonArray children;
        for (const auto &child : node.children)
            children.append(nodeToJson(child));
        json.insert(QStringLiteral("children"), children);
    }
    return json;
}

} // namespace

QJsonObject SegmentExplanation::toJson() const
{
    QJsonObject json {{QStringLiteral("user"), externalId}, {QStringLiteral("as_of"), Timestamp::toIso(asOf)},
        {QStringLiteral("member"), member}, {QStringLiteral("explanation"), nodeToJson(root)}};
    if (!segment.isEmpty())
        json.insert(QStringLiteral("segment"), segment);
    return json;
}

QStringList SegmentExplanation::toLines() const
{
    QStringList lines;
    std::function<void(const Node &, int)> add = [&](const Node &node, int depth) {
        QString line = QString(depth * 2, QLatin1Char(' '))
            + (node.held ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + node.condition;
        if (!node.actual.isEmpty())
            line += QStringLiteral(" — ") + node.actual;
        lines.append(line);
        for (const Node &child : node.children)
            add(child, depth + 1);
    };
    add(root, 0);
    return lines;
}

} // namespace Vitrine
