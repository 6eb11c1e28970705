// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer.h"

#include "catalog/eventtype.h"
#include "common/logging.h"
#include "csvreader.h"
#include "eventmerge.h"
#include "database.h"
#include "fieldparser.h"
#include "importfields.h"
#include "importwriter.h"
#include "jsonrecordreader.h"
#include "outputfile.h"
#include "statement.h"
#include "timestamp.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace Vitrine {

namespace {

using ImportFields::FieldSpec;
using ImportFields::FieldType;
using ImportFields::fieldNames;
using ImportFields::fieldSpecs;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::Importer)
};

struct StringHash
{
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
using IdMap = std::unordered_map<std::string, qint64, StringHash, std::equal_to<>>;

std::string_view view(QByteArrayView bytes)
{
    return std::string_view(bytes.data(), size_t(bytes.size()));
}

IdMap loadIds(const Database &db, const QString &sql)
{
    IdMap ids;
    Statement stmt = db.prepare(sql);
    while (stmt.step() == Statement::Step::Row) {
        const QByteArray key = stmt.text(1).toUtf8();
        ids.emplace(std::string(key.constData(), size_t(key.size())), stmt.int64(0));
    }
    return ids;
}

/** The state of one import call. */
class ImportRun
{
public:
    /**
     * With @p readFirst, the file is read and checked in a read transaction and the write lock is
     * taken only for writing, so other programs can write meanwhile; if one did, changedMeanwhile()
     * says the run must be repeated with everything under the write lock.
     */
    ImportRun(Database &db, const ImportOptions &options, const Progress &progress, bool readFirst)
        : m_db(db)
        , m_options(options)
        , m_progress(progress)
        , m_specs(fieldSpecs(options.kind))
        , m_readFirst(readFirst && !options.dryRun)
        , m_latestAllowed((options.now ? options.now : QDateTime::currentSecsSinceEpoch()) + ImportOptions::FutureTolerance)
    {
    }

    ImportReport run();
    bool changedMeanwhile() const { return m_changedMeanwhile; }

private:
    bool openSource();
    bool readHeader();
    bool problem(const QString &field, const QString &message);
    bool readRecords();
    bool refuseNulBytes();
    bool refuseFuture(qint64 ts, QByteArrayView text);
    void noteLiteralQuotes();
    void stageRow();
    void stageEvent();
    bool reportProgress(const QString &stage, qint64 done, qint64 total);
    /** Where --skip-bad writes the rows it leaves out: never the catalog nor the file being read. */
    std::unique_ptr<OutputFile> rejectsFile() const;

    Database &m_db;
    const ImportOptions &m_options;
    const Progress &m_progress;
    const std::vector<FieldSpec> &m_specs;
    ImportReport m_report;
    std::unique_ptr<RecordSource> m_source;

    QStringList m_header;
    std::vector<int> m_columnField;  ///< per column: field spec index, -1 attribute, -2 ignored
    std::vector<int> m_fieldColumn;  ///< per field spec: column or -1
    int m_defaultEventType = 0;

    IdMap m_users;
    IdMap m_items;
    IdMap m_seenKeys; ///< key -> first line, to report duplicates in one file
    qint64 m_nextUserId = 1;
    qint64 m_nextItemId = 1;
    std::vector<std::pair<qint64, QByteArray>> m_newUsers;
    std::vector<std::pair<qint64, QByteArray>> m_newItems;

    std::vector<StagedRow> m_rows;
    std::vector<StagedEvent> m_events;
    std::vector<RejectedRow> m_rejected;
    int m_rowProblems = 0;
    QString m_firstRowProblem;
    const bool m_readFirst;
    const qint64 m_latestAllowed; ///< the latest event time accepted without allowFuture
    bool m_changedMeanwhile = false;
};

std::unique_ptr<OutputFile> ImportRun::rejectsFile() const
{
    auto file = std::make_unique<OutputFile>(m_options.rejectsPath.isEmpty()
            ? m_options.path + QStringLiteral(".rejected.csv")
            : m_options.rejectsPath);
    file->protectCatalog(m_db.path());
    file->protectFile(m_options.path);
    return file;
}

bool ImportRun::reportProgress(const QString &stage, qint64 done, qint64 total)
{
    m_progress.report(stage, done, total);
    if (m_progress.isCancelled()) {
        m_report.cancelled = true;
        m_report.error = Tr::tr("cancelled; nothing was written");
        return false;
    }
    return true;
}

bool ImportRun::openSource()
{
    const QFileInfo info(m_options.path);
    if (!info.exists()) {
        m_report.error = Tr::tr("%1: no such file").arg(m_options.path);
        return false;
    }
    if (info.suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        m_source = std::make_unique<JsonRecordReader>();
    else
        m_source = std::make_unique<CsvReader>();
    return m_source->open(m_options.path, &m_report.error);
}

bool ImportRun::readHeader()
{
    const RecordSource::Next next = m_source->next();
    if (next == RecordSource::Next::Error) {
        m_report.error = m_source->errorString();
        return false;
    }
    if (next == RecordSource::Next::End) {
        m_report.error = Tr::tr("%1: the file is empty; expected a header line naming the columns (%2)")
                             .arg(m_options.path, fieldNames(m_options.kind).join(QLatin1Char(',')));
        return false;
    }

    // --map first, then Vitrine's own names and their common aliases.
    QHash<QString, QString> map;
    for (auto it = m_options.columnMap.begin(); it != m_options.columnMap.end(); ++it) {
        const QString target = it.value().trimmed().toLower();
        if (target != QLatin1String(ImportOptions::IgnoreColumn) && !fieldNames(m_options.kind).contains(target)) {
            m_report.error
                = Tr::tr("--map %1=%2: '%2' is not a field of %3 (fields: %4; or - to ignore the column)")
                      .arg(it.key(), it.value(), importKindName(m_options.kind),
                          fieldNames(m_options.kind).join(QStringLiteral(", ")));
            return false;
        }
        map.insert(it.key().trimmed().toLower(), target);
    }

    m_fieldColumn.assign(m_specs.size(), -1);
    const int columns = m_source->fieldCount();
    for (int column = 0; column < columns; ++column) {
        const QByteArrayView raw = m_source->field(column);
        if (raw.contains('\0')) {
            m_report.error = Tr::tr("%1:%2: column %3 of the header holds a NUL byte (\\0)")
                                 .arg(m_options.path, m_source->location())
                                 .arg(column + 1);
            return false;
        }
        const QString name = QString::fromUtf8(raw).trimmed();
        if (name.isEmpty()) {
            m_report.error = Tr::tr("%1:%2: column %3 of the header has no name")
                                 .arg(m_options.path, m_source->location())
                                 .arg(column + 1);
            return false;
        }
        m_header.append(name);
    }

    // --map and Vitrine's own names first, then the common aliases for the fields still open, so
    // a file with both `title` and `name` uses `title` whichever comes first.
    const auto specIndex = [this](const QString &name) {
        for (size_t i = 0; i < m_specs.size(); ++i) {
            if (name == QLatin1String(m_specs[i].name))
                return int(i);
        }
        return -1;
    };
    QStringList mappedSources;
    m_columnField.assign(size_t(columns), -1);
    for (int column = 0; column < columns; ++column) {
        const QString lower = m_header.at(column).toLower();
        if (map.contains(lower))
            mappedSources.append(lower);
        if (map.value(lower) == QLatin1String(ImportOptions::IgnoreColumn)) {
            m_columnField[size_t(column)] = -2;
            m_report.ignoredColumns.append(m_header.at(column));
            continue;
        }
        const int field = specIndex(map.value(lower, lower));
        if (field < 0)
            continue;
        if (m_fieldColumn[size_t(field)] >= 0) {
            m_report.error
                = Tr::tr("%1:%2: columns '%3' and '%4' both give the field '%5'")
                      .arg(m_options.path, m_source->location(), m_header.at(m_fieldColumn[size_t(field)]),
                          m_header.at(column), QLatin1String(m_specs[size_t(field)].name));
            return false;
        }
        m_fieldColumn[size_t(field)] = column;
        m_columnField[size_t(column)] = field;
    }
    for (int column = 0; column < columns; ++column) {
        if (m_columnField[size_t(column)] != -1)
            continue;
        const QString &name = m_header.at(column);
        const QString lower = name.toLower();
        int field = -1;
        int shadowed = -1; // the alias of a field another column already gives
        if (!map.contains(lower)) {
            for (size_t i = 0; i < m_specs.size() && field < 0; ++i) {
                for (const char *alias : m_specs[i].aliases) {
                    if (lower != QLatin1String(alias))
                        continue;
                    if (m_fieldColumn[i] < 0)
                        field = int(i);
                    else if (shadowed < 0)
                        shadowed = int(i);
                    break;
                }
            }
        }
        if (field >= 0) {
            m_fieldColumn[size_t(field)] = column;
            m_columnField[size_t(column)] = field;
            continue;
        }
        const bool events = m_options.kind == ImportKind::Events;
        if (shadowed >= 0) {
            const QString given = m_header.at(m_fieldColumn[size_t(shadowed)]);
            const QString fieldName = QLatin1String(m_specs[size_t(shadowed)].name);
            m_report.warnings.append(events
                    ? Tr::tr("%1:%2: columns '%3' and '%4' both name the field '%5': '%3' gives it and '%4' "
                             "is ignored")
                          .arg(m_options.path, m_source->location(), given, name, fieldName)
                    : Tr::tr("%1:%2: columns '%3' and '%4' both name the field '%5': '%3' gives it and '%4' "
                             "is stored as an attribute")
                          .arg(m_options.path, m_source->location(), given, name, fieldName));
        }
        if (events) {
            m_columnField[size_t(column)] = -2;
            m_report.ignoredColumns.append(name);
        } else {
            if (m_header.mid(0, column).contains(name, Qt::CaseInsensitive)) {
                m_report.error = Tr::tr("%1:%2: the column '%3' appears twice in the header")
                                     .arg(m_options.path, m_source->location(), name);
                return false;
            }
            m_columnField[size_t(column)] = -1;
            m_report.attributeColumns.append(name);
        }
    }
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!mappedSources.contains(it.key())) {
            m_report.error = Tr::tr("--map %1=%2: the file has no column '%1' (columns: %3)")
                                 .arg(it.key(), it.value(), m_header.join(QStringLiteral(", ")));
            return false;
        }
    }

    // The fields without which no row can be stored.
    QStringList required;
    if (m_options.kind == ImportKind::Events)
        required = {QStringLiteral("user_id"), QStringLiteral("item_id"), QStringLiteral("ts")};
    else
        required = {QString::fromLatin1(m_specs.front().name)};
    for (const QString &name : std::as_const(required)) {
        const int field = int(fieldNames(m_options.kind).indexOf(name));
        if (m_fieldColumn[size_t(field)] < 0) {
            m_report.error
                = Tr::tr(
                    "%1:%2: the header has no '%3' column (columns: %4); name it so or use --map COLUMN=%3")
                      .arg(m_options.path, m_source->location(), name, m_header.join(QStringLiteral(", ")));
            return false;
        }
    }
    if (m_options.kind == ImportKind::Events) {
        const std::optional<EventType> type = eventTypeFromName(m_options.defaultEventType);
        if (!type) {
            m_report.error
                = Tr::tr("'%1' is not an event type (types: %2)")
                      .arg(m_options.defaultEventType, eventTypeNames().join(QStringLiteral(", ")));
            return false;
        }
        m_defaultEventType = int(*type);
    }
    return true;
}

/** Records a problem with the current row; returns false so callers can `return problem(...)`. */
bool ImportRun::problem(const QString &field, const QString &message)
{
    ++m_rowProblems;
    ++m_report.problemCount;
    const QString location = m_options.path + QLatin1Char(':') + m_source->location();
    const QString text = field.isEmpty() ? Tr::tr("%1: %2").arg(location, message)
                                         : Tr::tr("%1: field '%2': %3").arg(location, field, message);
    if (m_firstRowProblem.isEmpty())
        m_firstRowProblem = field.isEmpty() ? message : Tr::tr("field '%1': %2").arg(field, message);
    if (m_report.problems.size() < m_options.maxProblems)
        m_report.problems.append({location, m_source->line(), field, text});
    return false;
}

bool ImportRun::readRecords()
{
    const int columns = int(m_header.size());
    qint64 sinceReport = 0;
    for (;;) {
        const RecordSource::Next next = m_source->next();
        if (next == RecordSource::Next::End)
            break;
        if (next == RecordSource::Next::Error) {
            // A broken file (unterminated quote, invalid UTF-8) cannot be read past this point.
            m_report.error = m_source->errorString();
            ++m_report.problemCount;
            if (m_report.problems.size() < m_options.maxProblems)
                m_report.problems.append({m_options.path, 0, QString(), m_report.error});
            return false;
        }
        ++m_report.rows;
        m_rowProblems = 0;
        m_firstRowProblem.clear();
        if (m_source->fieldCount() != columns) {
            problem(QString(),
                Tr::tr("expected %1 fields as in the header, found %2")
                    .arg(columns)
                    .arg(m_source->fieldCount()));
        } else if (refuseNulBytes()) {
            // Checked first: a NUL would cut the text short where it is shown ("SKU-1\0x" as "SKU-1").
        } else if (m_options.kind == ImportKind::Events) {
            stageEvent();
        } else {
            stageRow();
        }
        if (m_rowProblems > 0) {
            ++m_report.rejected;
            if (m_options.skipBad) {
                RejectedRow rejected{m_source->line(), m_firstRowProblem, {}};
                for (int i = 0; i < m_source->fieldCount(); ++i)
                    rejected.fields.append(m_source->field(i).toByteArray());
                m_rejected.push_back(std::move(rejected));
            }
        }
        if (++sinceReport == 65536) {
            sinceReport = 0;
            const QString name = QFileInfo(m_options.path).fileName();
            const QString stage = m_readFirst || m_options.dryRun
                ? Tr::tr("Reading %1").arg(name)
                : Tr::tr("Reading %1 again, since the catalog changed meanwhile").arg(name);
            if (!reportProgress(stage, m_source->bytesRead(),
                                m_source->size()))
                return false;
        }
    }
    if (m_report.rows == 0) {
        m_report.error = Tr::tr("%1: the file has a header but no rows").arg(m_options.path);
        return false;
    }
    return true;
}

/** Records a problem for each field of the current row holding a NUL byte; true if there was one. */
bool ImportRun::refuseNulBytes()
{
    bool found = false;
    for (int column = 0; column < int(m_columnField.size()); ++column) {
        const int field = m_columnField[size_t(column)];
        if (field == -2 || !m_source->field(column).contains('\0'))
            continue;
        problem(field >= 0 ? QString::fromLatin1(m_specs[size_t(field)].name) : m_header.at(column),
            Tr::tr("%1 holds a NUL byte (\\0); text cannot contain one")
                .arg(FieldParser::quoted(m_source->field(column))));
        found = true;
    }
    return found;
}

/** Refuses an event later than the import (beyond the tolerance) unless allowFuture; true if refused. */
bool ImportRun::refuseFuture(qint64 ts, QByteArrayView text)
{
    if (m_options.allowFuture || ts <= m_latestAllowed)
        return false;
    problem(QStringLiteral("ts"),
        Tr::tr("%1 is in the future (after %2); pass --allow-future if intended")
            .arg(FieldParser::quoted(text.trimmed()), Timestamp::toIso(m_latestAllowed)));
    return true;
}

void ImportRun::stageRow()
{
    StagedRow row;
    row.values.resize(m_specs.size());
    const bool items = m_options.kind == ImportKind::Items;

    for (int column = 0; column < int(m_columnField.size()); ++column) {
        const QByteArrayView text = m_source->field(column);
        const int field = m_columnField[size_t(column)];
        if (field == -2)
            continue;
        if (field == -1) {
            if (!text.trimmed().isEmpty()) {
                const QString value = QString::fromUtf8(text).trimmed();
                // A leading zero is part of a code (zip 08123, phone 0049…), not of a number.
                const bool code = value.size() > 1
                    && ((value.at(0) == QLatin1Char('0') && value.at(1).isDigit()) || value.at(0) == QLatin1Char('+'));
                const std::optional<double> number = code ? std::nullopt : FieldParser::number(text);
                if (number)
                    row.attributes.insert(m_header.at(column), *number);
                else
                    row.attributes.insert(m_header.at(column), value);
            }
            continue;
        }
        const FieldSpec &spec = m_specs[size_t(field)];
        const QString name = QString::fromLatin1(spec.name);
        const bool empty = text.trimmed().isEmpty();
        QVariant &value = row.values[size_t(field)];
        switch (spec.type) {
        case FieldType::Key: {
            const QByteArrayView key = text.trimmed();
            if (key.isEmpty()) {
                problem(name, Tr::tr("is empty; every row needs one"));
                break;
            }
            const auto [it, inserted] = m_seenKeys.emplace(std::string(view(key)), m_source->line());
            if (!inserted) {
                problem(name,
                    Tr::tr("%1 appears again (first on %2 %3)")
                        .arg(FieldParser::quoted(key),
                            m_options.path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
                                ? Tr::tr("record")
                                : Tr::tr("line"))
                        .arg(it->second));
                break;
            }
            const IdMap &existing = items ? m_items : m_users;
            const auto found = existing.find(view(key));
            row.existingId = found == existing.end() ? 0 : found->second;
            value = QString::fromUtf8(key);
            break;
        }
        case FieldType::Json: {
            if (empty)
                break;
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(text.toByteArray(), &error);
            if (error.error != QJsonParseError::NoError || !document.isObject()) {
                problem(name, Tr::tr("%1 is not a JSON object").arg(FieldParser::quoted(text)));
                break;
            }
            // Columns stored as attributes win over the same key inside the attributes column.
            const QJsonObject object = document.object();
            for (auto it = object.begin(); it != object.end(); ++it) {
                if (!row.attributes.contains(it.key()))
                    row.attributes.insert(it.key(), it.value());
            }
            break;
        }
        default: {
            QString message;
            if (!ImportFields::convert(spec.type, text, &value, &message))
                problem(name, message);
            break;
        }
        }
    }

    bool untitled = false;
    if (items) {
        // An item may have no title (a shop's export has some): it is shown by its sku.
        const QVariant &title = row.values[1];
        untitled = (title.isValid() || row.existingId == 0) && title.toString().isEmpty();
        const QVariant &price = row.values[5];
        const QVariant &salePrice = row.values[6];
        if (m_rowProblems == 0 && price.typeId() == QMetaType::Double && salePrice.typeId() == QMetaType::Double
            && salePrice.toDouble() > price.toDouble()) {
            problem(QStringLiteral("sale_price"),
                Tr::tr("%1 is above the price %2").arg(salePrice.toDouble()).arg(price.toDouble()));
        }
    }
    if (m_rowProblems == 0) {
        if (untitled)
            ++m_report.untitledItems;
        m_rows.push_back(std::move(row));
    }
}

void ImportRun::stageEvent()
{
    StagedEvent event{0, 0, 0, m_defaultEventType, 1, 0.0, false, m_source->line()};
    // The hot path of a million-row load: messages are only built for a bad row.
    const auto reference = [&](int field, IdMap &ids, qint64 &nextId,
                               std::vector<std::pair<qint64, QByteArray>> &created, bool person) -> qint64 {
        const QByteArrayView key = m_source->field(m_fieldColumn[size_t(field)]).trimmed();
        if (!key.isEmpty()) {
            const auto found = ids.find(view(key));
            if (found != ids.end())
                return found->second;
        }
        const QString name = QString::fromLatin1(m_specs[size_t(field)].name);
        if (key.isEmpty()) {
            problem(name, Tr::tr("is empty"));
            return 0;
        }
        if (!m_options.createMissing) {
            problem(name,
                person ? Tr::tr(
                    "%1 is not a person in the catalog (import people first, or pass --create-missing)")
                             .arg(FieldParser::quoted(key))
                       : Tr::tr(
                           "%1 is not an item in the catalog (import items first, or pass --create-missing)")
                             .arg(FieldParser::quoted(key)));
            return 0;
        }
        const qint64 id = nextId++;
        ids.emplace(std::string(view(key)), id);
        created.emplace_back(id, key.toByteArray());
        return id;
    };
    event.user = reference(0, m_users, m_nextUserId, m_newUsers, true);
    event.item = reference(1, m_items, m_nextItemId, m_newItems, false);

    if (const int column = m_fieldColumn[2]; column >= 0) {
        const QByteArrayView text = m_source->field(column);
        if (!text.trimmed().isEmpty()) {
            const std::optional<EventType> type = eventTypeFromName(text);
            if (type)
                event.type = int(*type);
            else
                problem(QStringLiteral("type"),
                    Tr::tr("%1 is not an event type (types: %2)")
                        .arg(FieldParser::quoted(text), eventTypeNames().join(QStringLiteral(", "))));
        }
    }
    {
        const QByteArrayView text = m_source->field(m_fieldColumn[3]);
        if (const std::optional<qint64> ts = Timestamp::parse(text.data(), text.size())) {
            event.ts = *ts;
            refuseFuture(*ts, text);
        } else
            problem(QStringLiteral("ts"),
                text.trimmed().isEmpty() ? Tr::tr("is empty; every event needs a time")
                                         : Timestamp::problem(text));
    }
    if (const int column = m_fieldColumn[4]; column >= 0) {
        const QByteArrayView text = m_source->field(column);
        if (!text.trimmed().isEmpty()) {
            const std::optional<qint64> quantity = FieldParser::integer(text);
            if (!quantity || *quantity < 1)
                problem(QStringLiteral("quantity"),
                    Tr::tr("%1 is not a whole number of at least 1").arg(FieldParser::quoted(text)));
            else if (*quantity > ImportOptions::MaxQuantity)
                problem(QStringLiteral("quantity"),
                    Tr::tr("%1 is more than %2, the most one event can carry")
                        .arg(FieldParser::quoted(text))
                        .arg(ImportOptions::MaxQuantity));
            else
                event.quantity = *quantity;
        }
    }
    if (const int column = m_fieldColumn[5]; column >= 0) {
        const QByteArrayView text = m_source->field(column);
        if (!text.trimmed().isEmpty()) {
            if (const std::optional<double> value = FieldParser::number(text)) {
                event.value = *value;
                event.hasValue = true;
            } else {
                problem(QStringLiteral("value"), Tr::tr("%1 is not a number").arg(FieldParser::quoted(text)));
            }
        }
    }
    if (m_rowProblems == 0)
        m_events.push_back(event);
}

/**
 * Sorts the events in key order and adds up those that share their key (person, second, item,
 * type) into one: the catalog keeps one event per key, and an order with the same product on two
 * lines is one purchase of both quantities. Importing the same file again gives the same sums, so
 * it changes nothing.
 */
/** Says how many fields held a stray quote, read as a literal one (`Samsung 55" TV`). */
void ImportRun::noteLiteralQuotes()
{
    m_report.literalQuotes = m_source->literalQuotes();
    if (m_report.literalQuotes == 0)
        return;
    m_report.warnings.append(Tr::tr("%1:%2: a quote inside unquoted text (as in 55\" TV) is read as a "
                                    "literal quote; %3 fields of the file hold one")
                                 .arg(m_options.path)
                                 .arg(m_source->firstLiteralQuoteLine())
                                 .arg(m_report.literalQuotes));
}

ImportReport ImportRun::run()
{
    // A rejects file that cannot be written is known before a long read, not after it.
    if (m_options.skipBad && !m_options.dryRun) {
        QString error;
        if (!rejectsFile()->check(&error)) {
            m_report.error = Tr::tr("cannot write the rejected rows: %1; nothing was imported").arg(error);
            return m_report;
        }
    }
    if (!openSource())
        return m_report;

    // The ids looked up while reading are the ids written against, and a failure anywhere leaves
    // the catalog as it was. Reading a big file takes as long as writing it, so by default it
    // happens in a read transaction that blocks nobody; the write lock is taken afterwards, and
    // if another program committed in between (PRAGMA data_version moved), the caller repeats the
    // run with reading and writing in one write transaction. A dry run only reads.
    // Events reference people and items that this run has just checked inside the same write
    // transaction, so SQLite's own per-row foreign key lookups would only repeat that work.
    const bool bulkEvents = m_options.kind == ImportKind::Events && !m_options.dryRun;
    std::optional<Transaction> transaction;
    bool reading = false; // a read transaction of our own is open
    qint64 versionRead = 0;
    const auto beginWriting = [&] {
        if (bulkEvents)
            m_db.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
        transaction.emplace(m_db, &m_report.error);
        if (!transaction->isActive()) {
            m_report.error = Tr::tr("%1: cannot start writing: %2").arg(m_db.path(), m_report.error);
            return false;
        }
        // A big load wants a big page cache; it is per connection and reset afterwards.
        m_db.exec(QStringLiteral("PRAGMA cache_size = -262144"));
        return true;
    };
    const auto finish = [&] {
        if (transaction)
            transaction->rollback(); // after a commit this does nothing
        if (reading)
            m_db.exec(QStringLiteral("ROLLBACK"));
        if (!m_options.dryRun)
            m_db.exec(QStringLiteral("PRAGMA cache_size = -2000"));
        if (bulkEvents)
            m_db.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    };
    if (m_options.dryRun || m_readFirst) {
        if (!m_db.exec(QStringLiteral("BEGIN"), &m_report.error))
            return m_report;
        reading = true;
        versionRead = m_db.dataVersion();
    } else if (!beginWriting()) {
        finish();
        return m_report;
    }

    m_users = loadIds(m_db, QStringLiteral("SELECT id, external_id FROM users"));
    m_items = loadIds(m_db, QStringLiteral("SELECT id, sku FROM items"));
    m_nextUserId = m_db.queryInt(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM users"));
    m_nextItemId = m_db.queryInt(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM items"));

    if (!readHeader() || !readRecords()) {
        finish();
        return m_report;
    }
    if (m_options.kind == ImportKind::Events)
        m_report.mergedEvents = mergeRepeatedEvents(m_events, m_options.path, &m_report.warnings);
    noteLiteralQuotes();

    if (m_report.problemCount > 0 && !m_options.skipBad) {
        m_report.error = Tr::tr("%1: %n row(s) with problems; nothing was imported", nullptr, int(m_report.rejected))
                             .arg(m_options.path);
        finish();
        return m_report;
    }
    if (m_options.dryRun) {
        m_report.ok = true;
        finish();
        return m_report;
    }
    if (reading) {
        // The file is good: now take the write lock (waiting for another writer if need be).
        m_db.exec(QStringLiteral("COMMIT"));
        reading = false;
        if (m_progress.isCancelled()) {
            m_report.cancelled = true;
            m_report.error = Tr::tr("cancelled; nothing was written");
            finish();
            return m_report;
        }
        if (!beginWriting()) {
            finish();
            return m_report;
        }
        if (m_db.dataVersion() != versionRead) {
            m_changedMeanwhile = true;
            finish();
            return m_report;
        }
    }

    QString error;
    const ImportWriter::StopAsked progress = [this](const QString &stage, qint64 done, qint64 total) {
        return reportProgress(stage, done, total);
    };
    const bool written = m_options.kind == ImportKind::Events
        ? ImportWriter::writeEvents(m_db, m_newUsers, m_newItems, m_events, m_report, progress, &error)
        : ImportWriter::writeRows(m_db, m_options.kind, m_specs, m_fieldColumn, m_rows, m_report, progress, &error);
    if (!written) {
        if (!m_report.cancelled)
            m_report.error
                = Tr::tr("%1: cannot write to the catalog: %2; nothing was imported").arg(m_db.path(), error);
        m_report.inserted = m_report.updated = m_report.createdItems = m_report.createdUsers = 0;
        finish();
        return m_report;
    }
    if (!m_rejected.empty()) {
        const std::unique_ptr<OutputFile> rejects = rejectsFile();
        m_report.rejectsPath = rejects->path();
        if (!ImportWriter::writeRejects(*rejects, m_header, m_rejected, &error)) {
            m_report.error = error + Tr::tr("; nothing was imported");
            m_report.inserted = m_report.updated = 0;
            finish();
            return m_report;
        }
    }
    if (!transaction->commit(&error)) {
        m_report.error = Tr::tr("%1: cannot commit: %2; nothing was imported").arg(m_db.path(), error);
        finish();
        return m_report;
    }
    finish();
    m_report.ok = true;
    m_report.written = m_report.inserted + m_report.updated > 0;
    return m_report;
}

} // namespace

ImportReport Importer::run(Database &db, const ImportOptions &options, const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    ImportRun run(db, options, progress, true);
    ImportReport report = run.run();
    if (run.changedMeanwhile()) {
        // Another program wrote while the file was read: read it again under the write lock.
        qCInfo(lcStorage, "import of %s: the catalog changed while it was read; reading it again",
            qUtf8Printable(options.path));
        ImportRun again(db, options, progress, false);
        report = again.run();
    }
    qCInfo(lcStorage, "import of %s: %lld rows, %lld inserted, %lld updated, %lld rejected, %s in %lld ms",
        qUtf8Printable(options.path), report.rows, report.inserted, report.updated, report.rejected,
        report.ok ? (report.written ? "written" : "nothing written") : "failed", timer.elapsed());
    return report;
}

} // namespace Vitrine
