// SPDX-License-Identifier: GPL-3.0-or-later
#include "configreader.h"

#include "storage/timestamp.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::ConfigReader)
};

} // namespace

QString ConfigReader::place(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
}

bool ConfigReader::fail(const QString &key, const QString &message)
{
    return failAt(place(key), message);
}

bool ConfigReader::failAt(const QString &where, const QString &message)
{
    if (m_error.isEmpty())
        m_error = where.isEmpty() ? message : QStringLiteral("%1: %2").arg(where, message);
    return false;
}

bool ConfigReader::allowOnly(std::initializer_list<const char *> keys)
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        bool known = false;
        QStringList names;
        for (const char *key : keys) {
            names.append(QLatin1String(key));
            known = known || it.key() == QLatin1String(key);
        }
        if (!known)
            return fail(it.key(), Tr::tr("unknown key (expected %1)").arg(names.join(QStringLiteral(", "))));
    }
    return true;
}

QString ConfigReader::text(const char *key, bool required, const QString &fallback)
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(QLatin1String(key), Tr::tr("missing"));
        return fallback;
    }
    if (!v.isString()) {
        fail(QLatin1String(key), Tr::tr("must be a string"));
        return fallback;
    }
    if (required && v.toString().trimmed().isEmpty())
        fail(QLatin1String(key), Tr::tr("must not be empty"));
    return v.toString();
}

std::optional<double> ConfigReader::number(const char *key, double min, double max)
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < min || v.toDouble() > max) {
        fail(QLatin1String(key), Tr::tr("must be a number from %1 to %2").arg(min).arg(max));
        return std::nullopt;
    }
    return v.toDouble();
}

int ConfigReader::integer(const char *key, int fallback, int min, int max)
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || d != std::floor(d) || d < min || d > max) {
        fail(QLatin1String(key), Tr::tr("must be a whole number from %1 to %2").arg(min).arg(max));
        return fallback;
    }
    return int(d);
}

bool ConfigReader::boolean(const char *key, bool fallback)
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool()) {
        fail(QLatin1String(key), Tr::tr("must be true or false"));
        return fallback;
    }
    return v.toBool();
}

QStringList ConfigReader::strings(const char *key)
{
    const QJsonValue v = value(key);
    QStringList list;
    if (v.isUndefined() || v.isNull())
        return list;
    if (!v.isArray()) {
        fail(QLatin1String(key), Tr::tr("must be a list of strings"));
        return list;
    }
    const QJsonArray array = v.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString() || array.at(i).toString().trimmed().isEmpty()) {
            failAt(QStringLiteral("%1[%2]").arg(place(QLatin1String(key))).arg(i),
                Tr::tr("must be a non-empty string"));
            return {};
        }
        list.append(array.at(i).toString());
    }
    return list;
}

std::optional<qint64> ConfigReader::time(const char *key)
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    std::optional<qint64> parsed;
    if (v.isDouble() && v.toDouble() == std::floor(v.toDouble()))
        parsed = qint64(v.toDouble());
    else if (v.isString())
        parsed = Timestamp::parse(v.toString());
    if (!parsed)
        fail(QLatin1String(key),
            Tr::tr("must be a date or time (ISO 8601, such as 2026-06-01 or 2026-06-01T08:00Z) or Unix "
                   "seconds"));
    return parsed;
}

} // namespace Vitrine
