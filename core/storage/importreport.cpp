// SPDX-License-Identifier: GPL-3.0-or-later
// The value types of importer.h: kinds by name and the report as JSON.
#include "importer.h"

#include <QJsonArray>

namespace Vitrine {

QString importKindName(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Items:
        return QStringLiteral("items");
    case ImportKind::Users:
        return QStringLiteral("users");
    case ImportKind::Events:
        break;
    }
    return QStringLiteral("events");
}

std::optional<ImportKind> importKindFromName(QStringView name)
{
    for (ImportKind kind : {ImportKind::Items, ImportKind::Users, ImportKind::Events}) {
        if (name.compare(importKindName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

QJsonObject ImportReport::toJson() const
{
    QJsonArray problemList;
    for (const ImportProblem &problem : problems) {
        problemList.append(QJsonObject{
            {QStringLiteral("line"), problem.line},
            {QStringLiteral("field"), problem.field},
            {QStringLiteral("message"), problem.message},
        });
    }
    QJsonObject json{
        {QStringLiteral("ok"), ok},
        {QStringLiteral("written"), written},
        {QStringLiteral("rows"), rows},
        {QStringLiteral("inserted"), inserted},
        {QStringLiteral("updated"), updated},
        {QStringLiteral("rejected"), rejected},
        {QStringLiteral("created_users"), createdUsers},
        {QStringLiteral("created_items"), createdItems},
        {QStringLiteral("untitled_items"), untitledItems},
        {QStringLiteral("ignored_columns"), QJsonArray::fromStringList(ignoredColumns)},
        {QStringLiteral("attribute_columns"), QJsonArray::fromStringList(attributeColumns)},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
        {QStringLiteral("merged_events"), mergedEvents},
        {QStringLiteral("literal_quotes"), literalQuotes},
        {QStringLiteral("problems"), problemList},
        {QStringLiteral("problem_count"), problemCount},
    };
    if (!error.isEmpty())
        json.insert(QStringLiteral("error"), error);
    if (!rejectsPath.isEmpty())
        json.insert(QStringLiteral("rejects_file"), rejectsPath);
    if (cancelled)
        json.insert(QStringLiteral("cancelled"), true);
    return json;
}

} // namespace Vitrine
