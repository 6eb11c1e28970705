// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentrule.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <functional>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SegmentRule)
};

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

bool fail(QString *error, const QString &path, const QString &message)
{
    if (error)
        *error = (path.isEmpty() ? Tr::tr("rule") : path) + QStringLiteral(": ") + message;
    return false;
}

const QString kExpected = QStringLiteral("all, any, not, profile, behaviour, value, affinity or segment");

bool parseNode(
    const QJsonValue &json, const QString &path, int depth, SegmentRule::Node &node, QString *error)
{
    using Kind = SegmentRule::Node::Kind;
    node.path = path;
    if (depth > SegmentRule::MaxDepth)
        return fail(error, path, Tr::tr("nested more than %1 groups deep").arg(SegmentRule::MaxDepth));
    if (!json.isObject())
        return fail(error, path, Tr::tr("must be an object with one of %1").arg(kExpected));
    const QJsonObject object = json.toObject();
    if (object.size() != 1) {
        return fail(error, path,
            object.isEmpty() ? Tr::tr("empty; expected one of %1").arg(kExpected)
                             : Tr::tr("has %1 keys (%2); a rule has exactly one of %3")
                                   .arg(object.size())
                                   .arg(object.keys().join(QStringLiteral(", ")), kExpected));
    }
    const QString key = object.begin().key();
    const QJsonValue value = object.begin().value();
    if (key == QLatin1String("all") || key == QLatin1String("any")) {
        node.kind = key == QLatin1String("all") ? Kind::All : Kind::Any;
        const QString here = join(path, key);
        if (!value.isArray())
            return fail(error, here, Tr::tr("must be a list of rules"));
        const QJsonArray list = value.toArray();
        if (list.isEmpty())
            return fail(error, here, Tr::tr("empty group; it needs at least one rule"));
        node.children.resize(size_t(list.size()));
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!parseNode(list.at(i), QStringLiteral("%1[%2]").arg(here).arg(i), depth + 1,
                    node.children[size_t(i)], error))
                return false;
        }
        return true;
    }
    if (key == QLatin1String("not")) {
        node.kind = Kind::Not;
        node.children.resize(1);
        return parseNode(value, join(path, key), depth + 1, node.children[0], error);
    }
    if (SegmentCondition::isConditionKey(key)) {
        node.kind = Kind::Condition;
        auto condition = SegmentCondition::fromJson(key, value, path, error);
        if (!condition)
            return false;
        node.condition = std::move(*condition);
        return true;
    }
    return fail(error, join(path, key), Tr::tr("unknown field (expected %1)").arg(kExpected));
}

QJsonObject nodeToJson(const SegmentRule::Node &node)
{
    using Kind = SegmentRule::Node::Kind;
    switch (node.kind) {
    case Kind::All:
    case Kind::Any: {
        QJsonArray list;
        for (const auto &child : node.children)
            list.append(nodeToJson(child));
        return {{node.kind == Kind::All ? QStringLiteral("all") : QStringLiteral("any"), list}};
    }
    case Kind::Not:
        return {{QStringLiteral("not"), nodeToJson(node.children.front())}};
    case Kind::Condition:
        return {{node.condition.key(), node.condition.toJson()}};
    }
    return {};
}

} // namespace

std::optional<SegmentRule> SegmentRule::fromJson(const QJsonValue &json, QString *error)
{
    return fromJson(json, QString(), error);
}

std::optional<SegmentRule> SegmentRule::fromJson(
    const QJsonValue &json, const QString &pathPrefix, QString *error)
{
    SegmentRule rule;
    if (!parseNode(json, pathPrefix, 0, rule.m_root, error))
        return std::nullopt;
    return rule;
}

std::optional<SegmentRule> SegmentRule::fromText(const QByteArray &text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = Tr::tr("rule: not valid JSON at character %1: %2")
                         .arg(parseError.offset)
                         .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        fail(error, QString(), Tr::tr("must be an object with one of %1").arg(kExpected));
        return std::nullopt;
    }
    return fromJson(document.object(), error);
}

QJsonObject SegmentRule::toJson() const
{
    return nodeToJson(m_root);
}

std::vector<const SegmentCondition *> SegmentRule::conditions() const
{
    std::vector<const SegmentCondition *> list;
    std::function<void(const Node &)> walk = [&](const Node &node) {
        if (node.kind == Node::Kind::Condition)
            list.push_back(&node.condition);
        for (const Node &child : node.children)
            walk(child);
    };
    walk(m_root);
    return list;
}

QStringList SegmentRule::referencedSegments() const
{
    QStringList names;
    for (const SegmentCondition *condition : conditions()) {
        if (condition->kind == SegmentCondition::Kind::Segment && !names.contains(condition->segment))
            names.append(condition->segment);
    }
    return names;
}

} // namespace Vitrine
