// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentdefinition.h"

#include <QCoreApplication>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SegmentDefinition)
};

} // namespace

bool SegmentDefinition::isValidName(const QString &name, QString *error)
{
    bool ok = !name.isEmpty() && name.size() <= 64
        && (name.at(0).isDigit() || (name.at(0) >= u'a' && name.at(0) <= u'z'));
    for (QChar c : name)
        ok = ok && ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_');
    if (!ok && error)
        *error = Tr::tr("'%1' is not a segment name: use 1 to 64 lower-case letters, digits, '-' or '_'")
                     .arg(name);
    return ok;
}

std::optional<SegmentDefinition> SegmentDefinition::fromJson(
    const QString &name, const QJsonObject &json, QString *error)
{
    if (!isValidName(name, error))
        return std::nullopt;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() != QLatin1String("title") && it.key() != QLatin1String("description")
            && it.key() != QLatin1String("rule")) {
            if (error)
                *error = Tr::tr("%1: unknown field (expected title, description, rule)").arg(it.key());
            return std::nullopt;
        }
    }
    for (const char *key : {"title", "description"}) {
        if (json.contains(QLatin1String(key)) && !json.value(QLatin1String(key)).isString()) {
            if (error)
                *error = Tr::tr("%1: must be a string").arg(QLatin1String(key));
            return std::nullopt;
        }
    }
    if (!json.contains(QLatin1String("rule"))) {
        if (error)
            *error = Tr::tr("rule: missing");
        return std::nullopt;
    }
    auto rule = SegmentRule::fromJson(json.value(QLatin1String("rule")), QStringLiteral("rule"), error);
    if (!rule)
        return std::nullopt;
    SegmentDefinition definition;
    definition.name = name;
    definition.title = json.value(QLatin1String("title")).toString();
    definition.description = json.value(QLatin1String("description")).toString();
    definition.rule = std::move(*rule);
    return definition;
}

QJsonObject SegmentDefinition::toJson() const
{
    QJsonObject json {{QStringLiteral("rule"), rule.toJson()}};
    if (!title.isEmpty())
        json.insert(QStringLiteral("title"), title);
    if (!description.isEmpty())
        json.insert(QStringLiteral("description"), description);
    return json;
}

} // namespace Vitrine
