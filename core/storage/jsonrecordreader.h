// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordsource.h"

#include <QByteArray>
#include <QJsonArray>
#include <QStringList>

#include <vector>

namespace Vitrine {

/**
 * Reads a JSON array of flat objects (what `vitrine-cli export ... --out FILE.json` writes) as
 * records: the header is the union of the objects' keys in the order first seen, a missing key
 * or null is an empty field, a nested object or array is its compact JSON text.
 */
class JsonRecordReader : public RecordSource
{
public:
    bool open(const QString &path, QString *error) override;
    Next next() override;
    int fieldCount() const override { return int(m_fields.size()); }
    QByteArrayView field(int index) const override;
    QString location() const override;
    qint64 line() const override { return m_index; }
    QString errorString() const override { return m_error; }
    qint64 bytesRead() const override { return m_size * m_index / qMax<qint64>(1, m_records.size() + 1); }
    qint64 size() const override { return m_size; }

private:
    QString m_path;
    QJsonArray m_records;
    QStringList m_columns;
    std::vector<QByteArray> m_fields;
    qint64 m_index = 0; ///< 0 is the header, 1 the first object
    qint64 m_size = 0;
    QString m_error;
};

} // namespace Vitrine
