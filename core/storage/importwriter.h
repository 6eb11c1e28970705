// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer.h"
#include "importfields.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <utility>
#include <vector>

namespace Vitrine {

class Database;
class OutputFile;

/** An item or person row checked and ready to write. */
struct StagedRow
{
    qint64 existingId = 0;
    std::vector<QVariant> values; ///< per field spec; invalid when the column is absent
    QJsonObject attributes;
};

struct StagedEvent
{
    qint64 user;
    qint64 ts;
    qint64 item;
    int type;
    qint64 quantity;
    double value;
    bool hasValue;
    qint64 line; ///< where the event is in the file, for messages
};

struct RejectedRow
{
    qint64 line;
    QString reason;
    QList<QByteArray> fields;
};

/**
 * The writing half of an import: what the reading half checked and staged goes into the catalog.
 * The caller holds the write transaction and rolls it back when a step fails.
 */
namespace ImportWriter {

/** Reports progress; false when the caller was cancelled and writing must stop. */
using StopAsked = std::function<bool(const QString &stage, qint64 done, qint64 total)>;

/**
 * Inserts new items or people and updates existing ones; only the columns the file has
 * (fieldColumn[i] >= 0) are written, so a partial file (sku,stock) updates just those.
 */
bool writeRows(Database &db, ImportKind kind, const std::vector<ImportFields::FieldSpec> &specs,
    const std::vector<int> &fieldColumn, const std::vector<StagedRow> &rows, ImportReport &report,
    const StopAsked &progress, QString *error);

/** Sorts events in key order (person, time, item, type), keeping the file's order among equal keys. */
void sortEvents(std::vector<StagedEvent> &events);

/** Creates the people and items named first, then upserts the events (sorted in key order). */
bool writeEvents(Database &db, const std::vector<std::pair<qint64, QByteArray>> &newUsers,
    const std::vector<std::pair<qint64, QByteArray>> &newItems, std::vector<StagedEvent> &events,
    ImportReport &report, const StopAsked &progress, QString *error);

/** The rows --skip-bad left out, with line and reason, as CSV (written whole or not at all). */
bool writeRejects(
    OutputFile &file, const QStringList &header, const std::vector<RejectedRow> &rows, QString *error);

} // namespace ImportWriter

} // namespace Vitrine
