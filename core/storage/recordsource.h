// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

namespace Vitrine {

/**
 * A file of records for the importer: a CSV file or a JSON array of objects. The first
 * record is the header (column names).
 */
class RecordSource
{
public:
    enum class Next { Record, End, Error };

    virtual ~RecordSource() = default;

    virtual bool open(const QString &path, QString *error) = 0;
    virtual Next next() = 0;
    virtual int fieldCount() const = 0;
    virtual QByteArrayView field(int index) const = 0;
    QString fieldString(int index) const { return QString::fromUtf8(field(index)); }
    /** Where the current record is, for messages: "12" (a line) or "record 12". */
    virtual QString location() const = 0;
    virtual qint64 line() const = 0;
    virtual QString errorString() const = 0;
    virtual qint64 bytesRead() const = 0;
    virtual qint64 size() const = 0;
    /** Fields that held a quote inside unquoted text (`55" TV`), read as a literal quote. */
    virtual qint64 literalQuotes() const { return 0; }
    /** The line of the first of them. */
    virtual qint64 firstLiteralQuoteLine() const { return 0; }
};

} // namespace Vitrine
