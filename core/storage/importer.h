// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Vitrine {

class Database;

enum class ImportKind { Items, Users, Events };

QString importKindName(ImportKind kind);
std::optional<ImportKind> importKindFromName(QStringView name);

struct ImportOptions
{
    ImportKind kind = ImportKind::Items;
    /** A .csv file, or a .json array of objects as written by the exporter. */
    QString path;
    /** What a column is mapped to in columnMap to be skipped (`--map internal_note=-`). */
    static constexpr char IgnoreColumn[] = "-";
    /**
     * The shop's own column names mapped to Vitrine's fields: {"product_name": "title"}, or to
     * IgnoreColumn to be left out (not stored as an attribute).
     */
    QHash<QString, QString> columnMap;
    /** Validate only; write nothing. */
    bool dryRun = false;
    /** Import the good rows and write the rejected ones, with their reason, to rejectsPath. */
    bool skipBad = false;
    /** Where --skip-bad writes rejected rows; empty means "<path>.rejected.csv". */
    QString rejectsPath;
    /** Events naming an unknown person or item create them instead of being an error. */
    bool createMissing = false;
    /** The type of events in a file without a type column. */
    QString defaultEventType = QStringLiteral("view");
    /** How many problems the report lists in full (all are counted). */
    int maxProblems = 20;
    /** Events dated later than the import (beyond FutureTolerance) are accepted, not refused. */
    bool allowFuture = false;
    /** The present, for the check above, in Unix seconds; 0 means the system clock. */
    qint64 now = 0;

    /** How far past the import's clock an event may be dated without allowFuture (time zones, clocks). */
    static constexpr qint64 FutureTolerance = 86400;
    /** The largest quantity one event may carry: what the engine counts per event (16 bits). */
    static constexpr qint64 MaxQuantity = 65535;
};

/** One bad row: where, which field and what is wrong. */
struct ImportProblem
{
    QString location; ///< "FILE:LINE"
    qint64 line = 0;
    QString field;    ///< empty for problems with the whole row
    QString message;  ///< the full text: "FILE:LINE: field 'price': "abc" is not a number"
};

struct ImportReport
{
    bool ok = false;        ///< the file was read and (unless a dry run) written as asked
    bool written = false;   ///< something was committed to the catalog
    bool cancelled = false;
    QString error;          ///< why it failed, when it failed as a whole
    qint64 rows = 0;        ///< records after the header
    qint64 inserted = 0;
    qint64 updated = 0;
    qint64 rejected = 0;
    qint64 createdUsers = 0;
    qint64 createdItems = 0;
    qint64 untitledItems = 0; ///< item rows without a title (shown by their sku)
    QStringList ignoredColumns;
    QStringList attributeColumns; ///< columns stored as attributes
    /** What was imported but may not be what was meant: shadowed alias columns, merged events. */
    QStringList warnings;
    qint64 mergedEvents = 0; ///< events of the file that fell on the key of an earlier one
    qint64 literalQuotes = 0; ///< fields with a stray quote, read as a literal one
    QList<ImportProblem> problems;
    qint64 problemCount = 0;
    QString rejectsPath;

    QJsonObject toJson() const;
};

/**
 * Imports items, people or events from a CSV or JSON file into a catalog.
 *
 * All or nothing by default: the whole file is read and checked inside one write transaction;
 * one bad row means nothing is written and the report lists the first problems. Items and people
 * are matched on sku and external id, so importing a file again updates them; events are keyed by
 * (person, time, item, type), so importing the same events again updates their quantity and value
 * instead of counting them twice.
 */
class Importer
{
public:
    ImportReport run(Database &db, const ImportOptions &options, const Progress &progress = {});
};

} // namespace Vitrine
