// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvreader.h"

#include <QCoreApplication>

#include <csv.h>

#include <cstring>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::CsvReader)
};

/** Validates UTF-8 strictly: no overlongs, no surrogates, nothing above U+10FFFF. */
bool isValidUtf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        // Fast path over ASCII, eight bytes at a time.
        while (i + 8 <= n) {
            quint64 chunk;
            std::memcpy(&chunk, s + i, 8);
            if (chunk & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra;
        unsigned int codePoint;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            codePoint = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            codePoint = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            codePoint = c & 0x07;
        } else {
            return false;
        }
        if (i + size_t(extra) >= n)
            return false;
        for (int k = 1; k <= extra; ++k) {
            const unsigned char cc = s[i + size_t(k)];
            if ((cc & 0xC0) != 0x80)
                return false;
            codePoint = (codePoint << 6) | (cc & 0x3F);
        }
        static constexpr unsigned int minimum[] = {0, 0x80, 0x800, 0x10000};
        if (codePoint < minimum[extra] || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return false;
        i += size_t(extra) + 1;
    }
    return true;
}

} // namespace

CsvReader::CsvReader()
    : m_parser(new csv_parser)
{
    // Not CSV_STRICT: a stray quote is a literal one (counted by scanQuotes(), which also finds a
    // quoted field still open at the end of the file, reported at its first line).
    csv_init(m_parser, 0);
}

CsvReader::~CsvReader()
{
    csv_free(m_parser);
    delete m_parser;
}

bool CsvReader::open(const QString &path, QString *error)
{
    m_path = path;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("%1: cannot read: %2").arg(path, m_file.errorString());
        return false;
    }
    m_size = m_file.size();
    return true;
}

QByteArrayView CsvReader::field(int index) const
{
    if (!m_current || index < 0 || size_t(index) >= m_current->count)
        return {};
    const std::string &value = m_current->fields[size_t(index)];
    return QByteArrayView(value.data(), qsizetype(value.size()));
}

void CsvReader::fail(qint64 line, const QString &message)
{
    if (m_error.isEmpty())
        m_error = Tr::tr("%1:%2: %3").arg(m_path).arg(line).arg(message);
}

void CsvReader::onField(void *data, size_t length, void *self)
{
    auto *reader = static_cast<CsvReader *>(self);
    Record &record = reader->m_building;
    if (record.count == 0 && record.line == 0)
        record.line = reader->m_recordStart ? reader->m_recordStart : reader->m_lineNumber;
    if (qsizetype(length) > maxFieldBytes()) {
        reader->fail(record.line,
            Tr::tr("field %1 is %2 bytes long; the limit is %3 bytes")
                .arg(record.count + 1)
                .arg(length)
                .arg(maxFieldBytes()));
    } else if (!isValidUtf8(static_cast<const unsigned char *>(data), length)) {
        reader->fail(record.line, Tr::tr("field %1 is not valid UTF-8 text").arg(record.count + 1));
    }
    if (record.fields.size() <= record.count)
        record.fields.emplace_back();
    std::string &field = record.fields[record.count++];
    if (data)
        field.assign(static_cast<const char *>(data), length);
    else
        field.clear();
}

void CsvReader::onRecordEnd(int, void *self)
{
    auto *reader = static_cast<CsvReader *>(self);
    Record &record = reader->m_building;
    if (record.count == 0)
        return; // a blank line
    if (record.line == 0)
        record.line = reader->m_recordStart ? reader->m_recordStart : reader->m_lineNumber;
    if (reader->m_readyCount == reader->m_ready.size())
        reader->m_ready.emplace_back();
    // Swapping hands the builder the strings of an old record, so their capacity is reused.
    std::swap(reader->m_ready[reader->m_readyCount++], record);
    record.count = 0;
    record.line = 0;
    reader->m_recordStart = 0;
    reader->m_recordBytes = 0;
}

bool CsvReader::scanQuotes(const char *data, qsizetype length)
{
    // A line without a quote changes nothing but ends the field it is in (unless quoted).
    if (!std::memchr(data, '"', size_t(length))) {
        if (m_quoteState != QuoteState::Quoted) {
            m_quoteState = QuoteState::FieldStart;
            m_fieldHasLiteralQuote = false;
        }
        return true;
    }
    const auto literal = [this] {
        if (m_fieldHasLiteralQuote)
            return;
        m_fieldHasLiteralQuote = true;
        if (m_literalQuotes++ == 0)
            m_firstLiteralQuoteLine = m_lineNumber;
    };
    for (qsizetype i = 0; i < length; ++i) {
        const char c = data[i];
        const bool ends = c == ',' || c == '\n' || c == '\r';
        switch (m_quoteState) {
        case QuoteState::FieldStart:
            if (c == '"')
                m_quoteState = QuoteState::Quoted;
            else if (!ends && c != ' ' && c != '\t')
                m_quoteState = QuoteState::Unquoted;
            break;
        case QuoteState::Unquoted:
            if (c == '"')
                literal();
            break;
        case QuoteState::Quoted:
            if (c == '"')
                m_quoteState = QuoteState::QuoteInQuoted;
            break;
        case QuoteState::QuoteInQuoted:
            if (c == '"' ) {
                m_quoteState = QuoteState::Quoted; // a doubled quote
            } else if (!ends && c != ' ' && c != '\t') {
                // "x"y: is the quote text, or did a quote go missing? Said, not guessed.
                fail(m_lineNumber,
                    Tr::tr("text follows the closing quote of a quoted field; quote the whole "
                           "field and double each quote inside it (\"55\"\" TV\")"));
                return false;
            }
            break;
        }
        if (ends && m_quoteState != QuoteState::Quoted) {
            m_quoteState = QuoteState::FieldStart;
            m_fieldHasLiteralQuote = false;
        }
    }
    return true;
}

bool CsvReader::feed(const char *data, qsizetype length)
{
    if (!scanQuotes(data, length))
        return false;
    if (m_recordStart == 0) {
        for (qsizetype i = 0; i < length; ++i) {
            if (data[i] != '\n' && data[i] != '\r' && data[i] != ' ' && data[i] != '\t') {
                m_recordStart = m_lineNumber;
                break;
            }
        }
    }
    m_recordBytes += length;
    if (m_recordBytes > maxRecordBytes()) {
        fail(m_recordStart ? m_recordStart : m_lineNumber,
            Tr::tr("a record longer than %1 MiB starts here (an unterminated quote?)")
                .arg(maxRecordBytes() >> 20));
        return false;
    }
    if (csv_parse(m_parser, data, size_t(length), onField, onRecordEnd, this) != size_t(length)) {
        fail(m_recordStart ? m_recordStart : m_lineNumber,
            Tr::tr("malformed CSV near line %1: %2 (a stray or unbalanced quote?)")
                .arg(m_lineNumber)
                .arg(QString::fromLatin1(csv_strerror(csv_error(m_parser)))));
        return false;
    }
    return m_error.isEmpty();
}

RecordSource::Next CsvReader::next()
{
    if (m_readIndex < m_readyCount) {
        m_current = &m_ready[m_readIndex++];
        return Next::Record;
    }
    m_current = nullptr;
    m_readIndex = 0;
    m_readyCount = 0;
    if (!m_error.isEmpty())
        return Next::Error;

    while (m_readyCount == 0) {
        if (m_finished)
            return Next::End;
        if (m_bufferPos >= m_buffer.size()) {
            m_buffer = m_file.read(1 << 20);
            m_bufferPos = 0;
            if (m_buffer.isEmpty()) {
                if (m_file.error() != QFileDevice::NoError) {
                    m_error = Tr::tr("%1: cannot read: %2").arg(m_path, m_file.errorString());
                    return Next::Error;
                }
                m_finished = true;
                // Without CSV_STRICT, libcsv ends an open quoted field quietly: scanQuotes() knows.
                if (m_quoteState == QuoteState::Quoted || csv_fini(m_parser, onField, onRecordEnd, this) != 0) {
                    fail(m_recordStart ? m_recordStart : m_lineNumber,
                        Tr::tr("a quoted field that starts here is never closed"));
                }
                if (!m_error.isEmpty())
                    return Next::Error;
                continue;
            }
            m_bytesRead += m_buffer.size();
            if (m_atStart) {
                m_atStart = false;
                if (m_buffer.startsWith("\xEF\xBB\xBF"))
                    m_bufferPos = 3;
                m_lineNumber = 1;
            }
        }
        // Feed one physical line at a time, so records know where they start.
        const char *begin = m_buffer.constData() + m_bufferPos;
        const qsizetype available = m_buffer.size() - m_bufferPos;
        const void *newline = std::memchr(begin, '\n', size_t(available));
        const qsizetype length = newline ? static_cast<const char *>(newline) - begin + 1 : available;
        const bool ok = feed(begin, length);
        m_bufferPos += length;
        if (newline)
            ++m_lineNumber;
        if (!ok)
            return Next::Error;
    }
    m_current = &m_ready[m_readIndex++];
    return Next::Record;
}

} // namespace Vitrine
