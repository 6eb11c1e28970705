// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Vitrine {

/**
 * How the importer reads each column of a file's header for one kind of record, given the
 * columns a person mapped by hand (ImportOptions::columnMap, `vitrine-cli import --map`).
 *
 * The rules are the importer's: mapped columns and columns named like a field first, then the
 * usual aliases (`product_name` for title, `customer_id` for external_id) for the fields still
 * open; any other column is stored as an attribute (items, people) or ignored (events). The
 * import wizard shows this before importing; the importer itself decides when it runs.
 */
struct ImportMapping
{
    /** Column uses besides a field: the index into ImportFields::fieldSpecs(kind). */
    static constexpr int Attribute = -1;
    static constexpr int Ignored = -2;

    ImportKind kind = ImportKind::Items;
    QStringList header;
    QList<int> columnField; ///< per column: a field index, Attribute or Ignored
    QList<bool> byName; ///< per column: mapped by its name or an alias, not by hand
    QStringList problems; ///< why the importer would refuse this header, one sentence each

    bool isComplete() const { return problems.isEmpty(); }
    /** The field a column gives ("title"), empty when it gives none. */
    QString fieldOf(int column) const;
    /** The column that gives @p field, or -1. */
    int columnOf(const QString &field) const;
    /**
     * What an unmapped column becomes for this kind: Attribute, or Ignored for events. A column
     * of items or people mapped to ImportOptions::IgnoreColumn is Ignored.
     */
    int unmappedUse() const { return kind == ImportKind::Events ? Ignored : Attribute; }

    /**
     * The --map entries that give this mapping: one per column read as a field under a name
     * that is not the field's own (`product_name` → `title`).
     */
    QHash<QString, QString> columnMap() const;

    static ImportMapping resolve(
        ImportKind kind, const QStringList &header, const QHash<QString, QString> &columnMap = {});

    /** The fields without which the importer refuses the file (sku; external_id; user_id, item_id, ts). */
    static QStringList requiredFields(ImportKind kind);

    /** The kind of record a header most likely holds, from its column names and their aliases. */
    static ImportKind guessKind(const QStringList &header);
};

} // namespace Vitrine
