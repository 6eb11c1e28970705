// SPDX-License-Identifier: GPL-3.0-or-later
#include "importpreview.h"

#include "csvreader.h"
#include "jsonrecordreader.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <memory>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::ImportPreview)
};

/** The reader the importer would use for @p path (the same rule as Importer). */
std::unique_ptr<RecordSource> sourceFor(const QString &path)
{
    if (QFileInfo(path).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        return std::make_unique<JsonRecordReader>();
    return std::make_unique<CsvReader>();
}

QStringList currentRecord(const RecordSource &source, bool trimmed)
{
    QStringList fields;
    fields.reserve(source.fieldCount());
    for (int i = 0; i < source.fieldCount(); ++i)
        fields.append(trimmed ? source.fieldString(i).trimmed() : source.fieldString(i));
    return fields;
}

/** Opens @p path and reads its header; nullptr and why when it cannot. */
std::unique_ptr<RecordSource> openWithHeader(const QString &path, QStringList *header, QString *error)
{
    if (!QFileInfo::exists(path)) {
        *error = Tr::tr("%1: no such file").arg(path);
        return nullptr;
    }
    std::unique_ptr<RecordSource> source = sourceFor(path);
    if (!source->open(path, error))
        return nullptr;
    switch (source->next()) {
    case RecordSource::Next::Error:
        *error = source->errorString();
        return nullptr;
    case RecordSource::Next::End:
        *error = Tr::tr("%1: the file is empty; expected a header line naming the columns").arg(path);
        return nullptr;
    case RecordSource::Next::Record:
        break;
    }
    *header = currentRecord(*source, true);
    return source;
}

} // namespace

ImportPreview ImportPreview::read(const QString &path, int maxRows)
{
    ImportPreview preview;
    preview.path = path;
    std::unique_ptr<RecordSource> source = openWithHeader(path, &preview.header, &preview.error);
    if (!source)
        return preview;
    while (preview.rows.size() <= maxRows) {
        const RecordSource::Next next = source->next();
        if (next == RecordSource::Next::End)
            break;
        if (next == RecordSource::Next::Error) {
            // The rows before a broken one are still worth showing; the check names the problem.
            if (preview.rows.isEmpty())
                preview.error = source->errorString();
            break;
        }
        if (preview.rows.size() == maxRows) {
            preview.hasMoreRows = true;
            break;
        }
        preview.rows.append(currentRecord(*source, false));
        preview.lines.append(source->line());
    }
    return preview;
}

bool ImportPreview::readRecordAt(const QString &path, qint64 line, QStringList *header, QStringList *record,
    QString *error, const std::atomic_bool *cancelled)
{
    std::unique_ptr<RecordSource> source = openWithHeader(path, header, error);
    if (!source)
        return false;
    for (;;) {
        if (cancelled && cancelled->load(std::memory_order_relaxed)) {
            *error = Tr::tr("cancelled");
            return false;
        }
        const RecordSource::Next next = source->next();
        if (next == RecordSource::Next::Error) {
            *error = source->errorString();
            return false;
        }
        if (next == RecordSource::Next::End || source->line() > line) {
            *error = Tr::tr("%1: no row starts at %2").arg(path).arg(line);
            return false;
        }
        if (source->line() == line) {
            *record = currentRecord(*source, false);
            return true;
        }
    }
}

} // namespace Vitrine
