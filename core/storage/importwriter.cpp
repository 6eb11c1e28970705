// SPDX-License-Identifier: GPL-3.0-or-later
#include "importwriter.h"

#include "database.h"
#include "fieldparser.h"
#include "outputfile.h"
#include "statement.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>

namespace Vitrine::ImportWriter {

namespace {

using ImportFields::FieldSpec;
using ImportFields::FieldType;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::Importer)
};

} // namespace

bool writeRows(Database &db, ImportKind kind, const std::vector<FieldSpec> &specs, const std::vector<int> &fieldColumn,
    const std::vector<StagedRow> &rows, ImportReport &report, const StopAsked &progress, QString *error)
{
    const bool items = kind == ImportKind::Items;
    const QString table = items ? QStringLiteral("items") : QStringLiteral("users");

    // Only the columns the file has are written, so a partial file (sku,stock) updates just those.
    std::vector<int> present;
    for (size_t i = 1; i < specs.size(); ++i) {
        if (fieldColumn[i] >= 0 && specs[i].type != FieldType::Json)
            present.push_back(int(i));
    }
    // A blank yes/no (NULL) is "unknown": a new row gets no, an existing row keeps its value.
    QStringList insertColumns{QString::fromLatin1(specs.front().name)};
    QStringList placeholders{QStringLiteral("?1")};
    QStringList assignments;
    for (const int field : present) {
        const QString column = QString::fromLatin1(specs[size_t(field)].name);
        const int param = int(insertColumns.size()) + 1;
        insertColumns.append(column);
        if (specs[size_t(field)].type == FieldType::Boolean) {
            placeholders.append(QStringLiteral("coalesce(?%1, 0)").arg(param));
            assignments.append(QStringLiteral("%1 = coalesce(?%2, %1)").arg(column).arg(param));
        } else {
            placeholders.append(QStringLiteral("?%1").arg(param));
            assignments.append(QStringLiteral("%1 = ?%2").arg(column).arg(param));
        }
    }
    const int attributesParam = int(insertColumns.size()) + 1;
    insertColumns.append(QStringLiteral("attributes"));
    placeholders.append(QStringLiteral("?%1").arg(attributesParam));
    assignments.append(QStringLiteral("attributes = json_patch(attributes, ?%1)").arg(attributesParam));
    if (items && fieldColumn[1] < 0) {
        // A file without titles (sku,stock): new items have none, known ones keep theirs.
        insertColumns.append(QStringLiteral("title"));
        placeholders.append(QStringLiteral("''"));
    }

    Statement insert = db.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                        .arg(table, insertColumns.join(QStringLiteral(", ")),
                                             placeholders.join(QStringLiteral(", "))),
                                    error);
    Statement update = db.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?%3")
                                        .arg(table, assignments.join(QStringLiteral(", ")))
                                        .arg(attributesParam + 1),
                                    error);
    if (!insert.isValid() || !update.isValid())
        return false;

    qint64 done = 0;
    for (const StagedRow &row : rows) {
        Statement &stmt = row.existingId ? update : insert;
        stmt.bindVariant(1, row.values[0]);
        for (size_t i = 0; i < present.size(); ++i)
            stmt.bindVariant(int(i) + 2, row.values[size_t(present[i])]);
        stmt.bind(attributesParam, QJsonDocument(row.attributes).toJson(QJsonDocument::Compact));
        if (row.existingId)
            stmt.bind(attributesParam + 1, row.existingId);
        if (!stmt.run(error))
            return false;
        ++(row.existingId ? report.updated : report.inserted);
        if (++done % 4096 == 0 && !progress(Tr::tr("Writing %1").arg(table), done, qint64(rows.size())))
            return false;
    }
    return true;
}

void sortEvents(std::vector<StagedEvent> &events)
{
    const auto before = [](const StagedEvent &a, const StagedEvent &b) {
        if (a.user != b.user)
            return a.user < b.user;
        if (a.ts != b.ts)
            return a.ts < b.ts;
        if (a.item != b.item)
            return a.item < b.item;
        return a.type < b.type;
    };
    if (!std::is_sorted(events.begin(), events.end(), before))
        std::stable_sort(events.begin(), events.end(), before);
}

bool writeEvents(Database &db, const std::vector<std::pair<qint64, QByteArray>> &newUsers,
    const std::vector<std::pair<qint64, QByteArray>> &newItems, std::vector<StagedEvent> &events, ImportReport &report,
    const StopAsked &progress, QString *error)
{
    // Created people and items first, so the events' foreign keys hold.
    if (!newUsers.empty()) {
        Statement stmt = db.prepare(QStringLiteral("INSERT INTO users (id, external_id) VALUES (?, ?)"), error);
        for (const auto &[id, key] : newUsers) {
            stmt.bind(1, id);
            stmt.bindText(2, key);
            if (!stmt.run(error))
                return false;
        }
        report.createdUsers = qint64(newUsers.size());
    }
    if (!newItems.empty()) {
        Statement stmt = db.prepare(QStringLiteral("INSERT INTO items (id, sku, title) VALUES (?, ?, ?)"), error);
        for (const auto &[id, key] : newItems) {
            stmt.bind(1, id);
            stmt.bindText(2, key);
            stmt.bindText(3, key);
            if (!stmt.run(error))
                return false;
        }
        report.createdItems = qint64(newItems.size());
    }

    // Inserting in key order appends to the clustered table instead of splitting pages at random.
    sortEvents(events);

    const qint64 before = db.queryInt(QStringLiteral("SELECT count(*) FROM events"));

    // Many rows per statement: the per-statement cost of SQLite dominates a narrow table.
    constexpr int batch = 64;
    const auto insertSql = [](int rows) {
        QString sql = QStringLiteral("INSERT INTO events (user_id, ts, item_id, type, quantity, value) VALUES ");
        for (int i = 0; i < rows; ++i)
            sql += i ? QStringLiteral(", (?, ?, ?, ?, ?, ?)") : QStringLiteral("(?, ?, ?, ?, ?, ?)");
        return sql + QStringLiteral(" ON CONFLICT DO UPDATE SET quantity = excluded.quantity, value = excluded.value");
    };
    Statement full = db.prepare(insertSql(batch), error);
    if (!full.isValid())
        return false;
    const qint64 total = qint64(events.size());
    qint64 done = 0;
    while (done < total) {
        const int rows = int(qMin<qint64>(batch, total - done));
        Statement partial;
        if (rows < batch)
            partial = db.prepare(insertSql(rows), error);
        Statement &stmt = rows == batch ? full : partial;
        for (int r = 0; r < rows; ++r) {
            const StagedEvent &event = events[size_t(done + r)];
            const int p = r * 6;
            stmt.bind(p + 1, event.user);
            stmt.bind(p + 2, event.ts);
            stmt.bind(p + 3, event.item);
            stmt.bind(p + 4, event.type);
            stmt.bind(p + 5, event.quantity);
            if (event.hasValue)
                stmt.bind(p + 6, event.value);
            else
                stmt.bindNull(p + 6);
        }
        if (!stmt.run(error))
            return false;
        const qint64 before = done;
        done += rows;
        if (done / 65536 != before / 65536 && !progress(Tr::tr("Writing events"), done, total))
            return false;
    }
    const qint64 after = db.queryInt(QStringLiteral("SELECT count(*) FROM events"));
    report.inserted = after - before;
    report.updated = total - report.inserted;
    return true;
}

bool writeRejects(
    OutputFile &file, const QStringList &header, const std::vector<RejectedRow> &rows, QString *error)
{
    QString why;
    if (!file.open(&why)) {
        *error = Tr::tr("cannot write the rejected rows: %1").arg(why);
        return false;
    }
    QByteArray first = "line,problem";
    for (const QString &column : header)
        first += ',' + FieldParser::csvField(column.toUtf8());
    file.write(first + '\n');
    for (const RejectedRow &row : rows) {
        QByteArray line = QByteArray::number(row.line) + ',' + FieldParser::csvField(row.reason.toUtf8());
        for (const QByteArray &field : row.fields)
            line += ',' + FieldParser::csvField(field);
        if (!file.write(line + '\n'))
            break;
    }
    if (!file.commit(&why)) {
        *error = Tr::tr("cannot write the rejected rows: %1").arg(why);
        return false;
    }
    return true;
}

} // namespace Vitrine::ImportWriter
