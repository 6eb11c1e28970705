// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordsource.h"

#include <QByteArrayView>
#include <QFile>
#include <QString>

#include <string>
#include <vector>

struct csv_parser;

namespace Vitrine {

/**
 * Streams the records of an RFC 4180 CSV file, parsed by libcsv in strict mode.
 *
 * Accepts UTF-8 with or without a byte order mark, CRLF or LF line ends, and quoted fields that
 * hold commas, doubled quotes and line breaks. Each record knows the line it starts on, so a
 * problem can be reported as FILE:LINE. Fields are checked to be valid UTF-8 and no longer than
 * maxFieldBytes(); a record that never ends (an unterminated quote) is reported at its first line.
 *
 * A quote inside an unquoted field (`Samsung 55" TV`, `37°36'37.8"N`)
 * is read as a literal quote, as spreadsheet programs and Python's csv do, and counted
 * (literalQuotes()). Text after the closing quote of a quoted field ("x"y) is refused: a quote
 * went missing or was not doubled, and the reader does not guess which.
 */
class CsvReader : public RecordSource
{
public:
    CsvReader();
    ~CsvReader() override;
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    bool open(const QString &path, QString *error) override;

    /** Advances to the next record; after Error, errorString() says where and what. */
    Next next() override;

    int fieldCount() const override { return m_current ? int(m_current->count) : 0; }
    QByteArrayView field(int index) const override;
    /** The line the current record starts on (1-based). */
    qint64 line() const override { return m_current ? m_current->line : 0; }

    QString location() const override { return QString::number(line()); }
    QString errorString() const override { return m_error; }
    qint64 bytesRead() const override { return m_bytesRead; }
    qint64 size() const override { return m_size; }
    qint64 literalQuotes() const override { return m_literalQuotes; }
    qint64 firstLiteralQuoteLine() const override { return m_firstLiteralQuoteLine; }

    static constexpr qsizetype maxFieldBytes() { return 64 * 1024; }
    static constexpr qsizetype maxRecordBytes() { return 16 * 1024 * 1024; }

private:
    struct Record
    {
        qint64 line = 0;
        size_t count = 0;
        std::vector<std::string> fields;
    };

    static void onField(void *data, size_t length, void *self);
    static void onRecordEnd(int terminator, void *self);
    bool feed(const char *data, qsizetype length);
    /**
     * Follows the quoting of one physical line as libcsv reads it: counts literal quotes, and
     * refuses text after a closing quote ("x"y); false then.
     */
    bool scanQuotes(const char *data, qsizetype length);
    void fail(qint64 line, const QString &message);

    QFile m_file;
    QString m_path;
    csv_parser *m_parser = nullptr;
    std::vector<Record> m_ready; ///< a pool; the first m_readyCount are completed records
    size_t m_readyCount = 0;
    size_t m_readIndex = 0;
    Record m_building;
    const Record *m_current = nullptr;
    QByteArray m_buffer;
    qsizetype m_bufferPos = 0;
    qint64 m_lineNumber = 0;   ///< the physical line being fed
    qint64 m_recordStart = 0;  ///< first line of the record being built, 0 when between records
    qint64 m_recordBytes = 0;
    qint64 m_bytesRead = 0;
    qint64 m_size = 0;
    /** Where scanQuotes() is: between fields, in an unquoted one, in a quoted one, after a quote in it. */
    enum class QuoteState { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    QuoteState m_quoteState = QuoteState::FieldStart;
    bool m_fieldHasLiteralQuote = false;
    qint64 m_literalQuotes = 0;
    qint64 m_firstLiteralQuoteLine = 0;
    bool m_atStart = true;
    bool m_finished = false;
    QString m_error;
};

} // namespace Vitrine
