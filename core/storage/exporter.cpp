// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter.h"

#include "catalog/eventtype.h"
#include "database.h"
#include "fieldparser.h"
#include "outputfile.h"
#include "statement.h"
#include "timestamp.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::Exporter)
};

enum class Column { Text, Number, Integer, Timestamp, Json, EventType, Boolean };

struct ColumnSpec
{
    const char *name;
    Column type;
};

const std::vector<ColumnSpec> &columnSpecs(ImportKind kind)
{
    static const std::vector<ColumnSpec> items = {
        {"sku", Column::Text},         {"title", Column::Text},      {"kind", Column::Text},
        {"category", Column::Text},    {"brand", Column::Text},      {"price", Column::Number},
        {"sale_price", Column::Number}, {"stock", Column::Integer},  {"created_at", Column::Timestamp},
        {"image", Column::Text},       {"url", Column::Text},        {"attributes", Column::Json},
    };
    static const std::vector<ColumnSpec> users = {
        {"external_id", Column::Text}, {"name", Column::Text},          {"email", Column::Text},
        {"gender", Column::Text},      {"birth_year", Column::Integer}, {"country", Column::Text},
        {"city", Column::Text},        {"email_consent", Column::Boolean}, {"created_at", Column::Timestamp},
        {"attributes", Column::Json},
    };
    static const std::vector<ColumnSpec> events = {
        {"user_id", Column::Text}, {"item_id", Column::Text},  {"type", Column::EventType},
        {"ts", Column::Timestamp}, {"quantity", Column::Integer}, {"value", Column::Number},
    };
    switch (kind) {
    case ImportKind::Items:
        return items;
    case ImportKind::Users:
        return users;
    case ImportKind::Events:
        break;
    }
    return events;
}

QString selectSql(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Items:
        return QStringLiteral("SELECT sku, title, kind, category, brand, price, sale_price, stock, created_at, image, url,"
                              " attributes FROM items ORDER BY id");
    case ImportKind::Users:
        return QStringLiteral("SELECT external_id, name, email, gender, birth_year, country, city, email_consent,"
                              " created_at, attributes FROM users ORDER BY id");
    case ImportKind::Events:
        break;
    }
    return QStringLiteral("SELECT u.external_id, i.sku, e.type, e.ts, e.quantity, e.value FROM events e"
                          " JOIN users u ON u.id = e.user_id JOIN items i ON i.id = e.item_id"
                          " ORDER BY e.user_id, e.ts, e.item_id, e.type");
}

} // namespace

QStringList Exporter::columns(ImportKind kind)
{
    QStringList names;
    for (const ColumnSpec &spec : columnSpecs(kind))
        names.append(QString::fromLatin1(spec.name));
    return names;
}

ExportReport Exporter::run(Database &db, ImportKind kind, const QString &path, const Progress &progress)
{
    ExportReport report;
    report.path = path;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("csv") && suffix != QLatin1String("json")) {
        report.error = Tr::tr("%1: the file name must end in .csv or .json").arg(path);
        return report;
    }
    const bool json = suffix == QLatin1String("json");
    const std::vector<ColumnSpec> &specs = columnSpecs(kind);

    // Never over the catalog being read (a catalog may well be named *.csv), nor a device.
    OutputFile file(path);
    file.protectCatalog(db.path());
    if (!file.open(&report.error))
        return report;

    // One read transaction: the file is a consistent picture even while others write.
    if (!db.exec(QStringLiteral("BEGIN"), &report.error))
        return report;
    const qint64 total = db.queryInt(QStringLiteral("SELECT count(*) FROM %1").arg(importKindName(kind)));
    Statement stmt = db.prepare(selectSql(kind), &report.error);
    if (!stmt.isValid()) {
        db.exec(QStringLiteral("ROLLBACK"));
        return report;
    }

    QByteArray buffer;
    buffer.reserve(1 << 20);
    if (json) {
        buffer += "[";
    } else {
        for (size_t i = 0; i < specs.size(); ++i)
            buffer += (i ? "," : "") + QByteArray(specs[i].name);
        buffer += '\n';
    }

    Statement::Step step;
    while ((step = stmt.step()) == Statement::Step::Row) {
        if (json) {
            QJsonObject object;
            for (size_t i = 0; i < specs.size(); ++i) {
                const int c = int(i);
                const QString name = QString::fromLatin1(specs[i].name);
                if (stmt.isNull(c)) {
                    object.insert(name, QJsonValue::Null);
                    continue;
                }
                switch (specs[i].type) {
                case Column::Text:
                    object.insert(name, stmt.text(c));
                    break;
                case Column::Number:
                    object.insert(name, FieldParser::jsonNumber(stmt.real(c)));
                    break;
                case Column::Integer:
                    object.insert(name, stmt.int64(c));
                    break;
                case Column::Boolean:
                    object.insert(name, stmt.int64(c) != 0);
                    break;
                case Column::Timestamp:
                    object.insert(name, Timestamp::toIso(stmt.int64(c)));
                    break;
                case Column::Json:
                    object.insert(name, QJsonDocument::fromJson(stmt.text(c).toUtf8()).object());
                    break;
                case Column::EventType:
                    object.insert(name, eventTypeName(EventType(stmt.int64(c))));
                    break;
                }
            }
            buffer += report.rows ? ",\n" : "\n";
            buffer += QJsonDocument(object).toJson(QJsonDocument::Compact);
        } else {
            for (size_t i = 0; i < specs.size(); ++i) {
                const int c = int(i);
                if (i)
                    buffer += ',';
                if (stmt.isNull(c))
                    continue;
                switch (specs[i].type) {
                case Column::Text:
                case Column::Json:
                    buffer += FieldParser::csvField(stmt.text(c).toUtf8());
                    break;
                case Column::Number:
                    buffer += FieldParser::formatNumber(stmt.real(c));
                    break;
                case Column::Integer:
                case Column::Boolean:
                    buffer += QByteArray::number(stmt.int64(c));
                    break;
                case Column::Timestamp:
                    buffer += Timestamp::toIso(stmt.int64(c)).toLatin1();
                    break;
                case Column::EventType:
                    buffer += eventTypeName(EventType(stmt.int64(c))).toLatin1();
                    break;
                }
            }
            buffer += '\n';
        }
        ++report.rows;
        if (buffer.size() > (1 << 20) - 4096) {
            if (!file.write(buffer))
                break;
            buffer.clear();
        }
        if (report.rows % 65536 == 0) {
            progress.report(Tr::tr("Exporting %1").arg(importKindName(kind)), report.rows, total);
            if (progress.isCancelled()) {
                report.cancelled = true;
                report.error = Tr::tr("cancelled; no file was written");
                file.cancel();
                db.exec(QStringLiteral("ROLLBACK"));
                return report;
            }
        }
    }
    db.exec(QStringLiteral("ROLLBACK"));
    if (step == Statement::Step::Error) {
        report.error = Tr::tr("%1: cannot read the catalog: %2").arg(db.path(), stmt.errorMessage());
        file.cancel();
        return report;
    }
    if (json)
        buffer += "\n]\n";
    file.write(buffer);
    if (!file.commit(&report.error))
        return report;
    report.ok = true;
    return report;
}

} // namespace Vitrine
