// SPDX-License-Identifier: GPL-3.0-or-later
#include "importmapping.h"

#include "importfields.h"

#include <QCoreApplication>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::ImportMapping)
};

int specIndex(const std::vector<ImportFields::FieldSpec> &specs, QStringView name)
{
    for (size_t i = 0; i < specs.size(); ++i) {
        if (name == QLatin1String(specs[i].name))
            return int(i);
    }
    return -1;
}

int aliasIndex(const std::vector<ImportFields::FieldSpec> &specs, QStringView name)
{
    for (size_t i = 0; i < specs.size(); ++i) {
        for (const char *alias : specs[i].aliases) {
            if (name == QLatin1String(alias))
                return int(i);
        }
    }
    return -1;
}

} // namespace

QString ImportMapping::fieldOf(int column) const
{
    if (column < 0 || column >= columnField.size() || columnField.at(column) < 0)
        return {};
    return QString::fromLatin1(ImportFields::fieldSpecs(kind)[size_t(columnField.at(column))].name);
}

int ImportMapping::columnOf(const QString &field) const
{
    for (int column = 0; column < columnField.size(); ++column) {
        if (fieldOf(column) == field)
            return column;
    }
    return -1;
}

QHash<QString, QString> ImportMapping::columnMap() const
{
    QHash<QString, QString> map;
    for (int column = 0; column < header.size(); ++column) {
        const QString field = fieldOf(column);
        if (!field.isEmpty() && header.at(column).toLower() != field)
            map.insert(header.at(column), field);
        else if (columnField.at(column) == Ignored && unmappedUse() != Ignored)
            map.insert(header.at(column), QLatin1String(ImportOptions::IgnoreColumn));
    }
    return map;
}

QStringList ImportMapping::requiredFields(ImportKind kind)
{
    if (kind == ImportKind::Events)
        return {QStringLiteral("user_id"), QStringLiteral("item_id"), QStringLiteral("ts")};
    return {QString::fromLatin1(ImportFields::fieldSpecs(kind).front().name)};
}

ImportMapping ImportMapping::resolve(
    ImportKind kind, const QStringList &header, const QHash<QString, QString> &columnMap)
{
    const std::vector<ImportFields::FieldSpec> &specs = ImportFields::fieldSpecs(kind);
    ImportMapping mapping;
    mapping.kind = kind;
    mapping.header = header;
    mapping.columnField.fill(mapping.unmappedUse(), header.size());
    mapping.byName.fill(false, header.size());

    QHash<QString, QString> map;
    for (auto it = columnMap.begin(); it != columnMap.end(); ++it)
        map.insert(it.key().trimmed().toLower(), it.value().trimmed().toLower());

    // Mapped columns and exact field names first, then aliases for the fields still open.
    QList<int> fieldColumn(qsizetype(specs.size()), -1);
    for (int column = 0; column < header.size(); ++column) {
        const QString lower = header.at(column).toLower();
        if (map.value(lower) == QLatin1String(ImportOptions::IgnoreColumn)) {
            mapping.columnField[column] = Ignored;
            continue;
        }
        const int field = specIndex(specs, map.value(lower, lower));
        if (field < 0)
            continue;
        if (fieldColumn.at(field) >= 0) {
            mapping.problems.append(Tr::tr(
                "The columns '%1' and '%2' both give the field '%3'; map one of them to something else.")
                                        .arg(header.at(fieldColumn.at(field)), header.at(column),
                                            QLatin1String(specs[size_t(field)].name)));
            continue;
        }
        fieldColumn[field] = column;
        mapping.columnField[column] = field;
        mapping.byName[column] = !map.contains(lower);
    }
    for (int column = 0; column < header.size(); ++column) {
        const QString lower = header.at(column).toLower();
        if (mapping.columnField.at(column) >= 0 || map.contains(lower))
            continue;
        const int field = aliasIndex(specs, lower);
        if (field >= 0 && fieldColumn.at(field) < 0) {
            fieldColumn[field] = column;
            mapping.columnField[column] = field;
            mapping.byName[column] = true;
        }
    }
    for (const QString &field : requiredFields(kind)) {
        if (fieldColumn.at(specIndex(specs, field)) < 0)
            mapping.problems.append(
                Tr::tr("No column gives the field '%1', which every row needs; map a column to it.")
                    .arg(field));
    }
    return mapping;
}

ImportKind ImportMapping::guessKind(const QStringList &header)
{
    // Events need a person, an item and a time; otherwise the kind whose own names (worth two)
    // and aliases (worth one) the header uses most. "id" is an alias of both sku and external_id.
    const auto score = [&header](ImportKind kind) {
        const ImportMapping mapping = resolve(kind, header);
        int points = 0;
        for (int column = 0; column < header.size(); ++column) {
            const QString field = mapping.fieldOf(column);
            if (field.isEmpty() || header.at(column).compare(QLatin1String("id"), Qt::CaseInsensitive) == 0)
                continue;
            points += header.at(column).compare(field, Qt::CaseInsensitive) == 0 ? 2 : 1;
        }
        return std::pair(mapping.isComplete(), points);
    };
    if (score(ImportKind::Events).first)
        return ImportKind::Events;
    const auto items = score(ImportKind::Items);
    const auto users = score(ImportKind::Users);
    if (users.second > items.second || (users.first && !items.first))
        return ImportKind::Users;
    return ImportKind::Items;
}

} // namespace Vitrine
