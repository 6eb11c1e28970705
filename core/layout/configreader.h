// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <optional>

namespace Vitrine {

/**
 * Reads one JSON object of a layout, banner or campaign definition and remembers the first
 * problem with its place ("blocks[2].slot: must be a string"), so a broken definition is
 * refused with a message that says where to look.
 */
class ConfigReader
{
public:
    ConfigReader(const QJsonObject &object, QString path)
        : m_object(object)
        , m_path(std::move(path))
    { }

    const QJsonObject &object() const { return m_object; }
    /** The place of a key: "blocks[2].slot", or "slot" at the top. */
    QString place(const QString &key) const;
    const QString &path() const { return m_path; }

    bool has(const char *key) const { return m_object.contains(QLatin1String(key)); }
    QJsonValue value(const char *key) const { return m_object.value(QLatin1String(key)); }

    /** Refuses keys not in the list. */
    bool allowOnly(std::initializer_list<const char *> keys);
    /** A string; `required` makes a missing or empty one an error. */
    QString text(const char *key, bool required = false, const QString &fallback = {});
    std::optional<double> number(const char *key, double min, double max);
    int integer(const char *key, int fallback, int min, int max);
    bool boolean(const char *key, bool fallback);
    QStringList strings(const char *key);
    /** A time: ISO 8601 or Unix seconds. */
    std::optional<qint64> time(const char *key);

    bool fail(const QString &key, const QString &message);
    bool failAt(const QString &place, const QString &message);
    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

private:
    QJsonObject m_object;
    QString m_path;
    QString m_error;
};

} // namespace Vitrine
