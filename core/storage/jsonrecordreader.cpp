// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonrecordreader.h"

#include "fieldparser.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <string>
#include <vector>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::JsonRecordReader)
};

QByteArray fieldText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QByteArray("");
    case QJsonValue::Bool:
        // As words, so a yes/no field reads them and a number field refuses them ("quantity": true).
        return value.toBool() ? QByteArray("true") : QByteArray("false");
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

/** The text of a JSON string's raw bytes (between the quotes), escapes decoded. */
std::string keyText(QByteArrayView raw)
{
    if (!raw.contains('\\'))
        return std::string(raw.data(), size_t(raw.size()));
    const QJsonDocument document = QJsonDocument::fromJson("[\"" + raw.toByteArray() + "\"]");
    return document.array().at(0).toString().toStdString();
}

/**
 * Finds a key that appears twice in one object of an already valid JSON document (which
 * QJsonDocument would silently collapse to one): the 1-based index of the top-level record
 * holding it and the key, or false when there is none.
 */
bool findRepeatedKey(const QByteArray &data, qint64 *record, QString *key)
{
    std::vector<std::vector<std::string>> keys; // per open object or array, the keys seen
    std::vector<bool> isObject;
    qint64 current = 0;
    const qsizetype size = data.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        if (c == '{' || c == '[') {
            if (isObject.size() == 1)
                ++current;
            isObject.push_back(c == '{');
            if (keys.size() < isObject.size())
                keys.emplace_back();
            keys[isObject.size() - 1].clear();
        } else if (c == '}' || c == ']') {
            std::vector<std::string> &seen = keys[isObject.size() - 1];
            std::sort(seen.begin(), seen.end());
            const auto repeated = std::adjacent_find(seen.begin(), seen.end());
            if (repeated != seen.end()) {
                *record = current;
                *key = QString::fromStdString(*repeated);
                return true;
            }
            isObject.pop_back();
        } else if (c == '"') {
            const qsizetype start = ++i;
            while (i < size && data[i] != '"')
                i += data[i] == '\\' ? 2 : 1;
            const QByteArrayView raw(data.constData() + start, i - start);
            qsizetype next = i + 1;
            while (next < size && (data[next] == ' ' || data[next] == '\t' || data[next] == '\n' || data[next] == '\r'))
                ++next;
            if (next < size && data[next] == ':' && !isObject.empty() && isObject.back())
                keys[isObject.size() - 1].push_back(keyText(raw));
        }
    }
    return false;
}

} // namespace

bool JsonRecordReader::open(const QString &path, QString *error)
{
    m_path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("%1: cannot read: %2").arg(path, file.errorString());
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
            *error = Tr::tr("%1:%2: not valid JSON: %3").arg(path).arg(line).arg(parseError.errorString());
        return false;
    }
    if (!document.isArray()) {
        if (error)
            *error = Tr::tr("%1: expected a JSON array of objects").arg(path);
        return false;
    }
    qint64 record = 0;
    QString key;
    if (findRepeatedKey(data, &record, &key)) {
        if (error)
            *error
                = Tr::tr("%1: record %2: the key '%3' appears twice in one object; JSON keeps only one, so "
                         "the file is refused")
                      .arg(path)
                      .arg(record)
                      .arg(key);
        return false;
    }
    m_records = document.array();
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        if (!m_records.at(i).isObject()) {
            if (error)
                *error = Tr::tr("%1: record %2: expected a JSON object").arg(path).arg(i + 1);
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
    return Tr::tr("record %1").arg(m_index);
}

} // namespace Vitrine
