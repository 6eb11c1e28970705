// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonrecordreader.h"

#include "fieldparser.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace Vitrine {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Vitrine::JsonRecordReader", text);
}

QByteArray fieldText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QByteArray("");
    case QJsonValue::Bool:
        return value.toBool() ? QByteArray("1") : QByteArray("0");
    case QJsonValue::Double:
        return FieldParser::jsonNumberText(value);
    case QJsonValue::String:
        return value.toString().toUtf8();
    case QJsonValue::Array:
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    case QJsonValue::Object:
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    }
    return {};
}

} // namespace

bool JsonRecordReader::open(const QString &path, QString *error)
{
    m_path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1: cannot read: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray data = file.readAll();
    m_size = data.size();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const qsizetype offset = parseError.offset;
        const qint64 line = data.left(offset).count('\n') + 1;
        if (error)
            *error = tr("%1:%2: not valid JSON: %3").arg(path).arg(line).arg(parseError.errorString());
        return false;
    }
    if (!document.isArray()) {
        if (error)
            *error = tr("%1: expected a JSON array of objects").arg(path);
        return false;
    }
    m_records = document.array();
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        if (!m_records.at(i).isObject()) {
            if (error)
                *error = tr("%1: record %2: expected a JSON object").arg(path).arg(i + 1);
            return false;
        }
        const QJsonObject object = m_records.at(i).toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!m_columns.contains(it.key()))
                m_columns.append(it.key());
        }
    }
    return true;
}

RecordSource::Next JsonRecordReader::next()
{
    if (m_index == 0 && m_fields.empty() && !m_columns.isEmpty()) {
        for (const QString &column : std::as_const(m_columns))
            m_fields.push_back(column.toUtf8());
        return Next::Record;
    }
    if (m_index >= m_records.size())
        return Next::End;
    const QJsonObject object = m_records.at(m_index++).toObject();
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        m_fields[size_t(i)] = fieldText(object.value(m_columns.at(i)));
    return Next::Record;
}

QByteArrayView JsonRecordReader::field(int index) const
{
    if (index < 0 || size_t(index) >= m_fields.size())
        return {};
    return QByteArrayView(m_fields[size_t(index)]);
}

QString JsonRecordReader::location() const
{
    return tr("record %1").arg(m_index);
}

} // namespace Vitrine
