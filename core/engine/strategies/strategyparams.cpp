// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategyparams.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::StrategyParams)
};

thread_local StrategyParams::Recorder *t_recorder = nullptr;

using Kind = StrategyParamSpec::Kind;

QJsonValue maskValue(quint8 mask)
{
    if (mask == StrategyParams::AllEvents)
        return QStringLiteral("all");
    QJsonArray names;
    for (int type = 0; type < EventTypeCount; ++type) {
        if (mask & (1u << type))
            names.append(eventTypeName(EventType(type)));
    }
    return names.size() == 1 ? names.at(0) : QJsonValue(names);
}

} // namespace

StrategyParams::Recorder::Recorder()
    : m_previous(t_recorder)
{
    t_recorder = this;
}

StrategyParams::Recorder::~Recorder()
{
    t_recorder = m_previous;
}

void StrategyParams::note(StrategyParamSpec spec)
{
    if (!t_recorder)
        return;
    for (const StrategyParamSpec &known : t_recorder->m_specs) {
        if (known.key == spec.key)
            return; // the first read says what the parameter is
    }
    t_recorder->m_specs.push_back(std::move(spec));
}

StrategyParams::StrategyParams(const QString &strategy, const QJsonObject &params, const QStringList &known)
    : m_strategy(strategy)
    , m_params(params)
{
    if (t_recorder) {
        for (const QString &key : known) {
            if (!t_recorder->m_known.contains(key))
                t_recorder->m_known.append(key);
        }
    }
    // QJsonObject iterates in key order, so the same bad slot always gives the same message.
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (!known.contains(it.key())) {
            fail(Tr::tr("unknown parameter '%1' (parameters: %2)")
                     .arg(it.key(), known.join(QStringLiteral(", "))));
            return;
        }
    }
}

bool StrategyParams::check(QString *error) const
{
    if (ok())
        return true;
    if (error)
        *error = m_error;
    return false;
}

void StrategyParams::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = m_strategy + QStringLiteral(": ") + message;
}

QString StrategyParams::rangeText(double minimum, double maximum) const
{
    return Tr::tr("from %1 to %2").arg(minimum).arg(maximum);
}

double StrategyParams::number(const QString &key, double fallback, double minimum, double maximum)
{
    note({key, Kind::Number, fallback, minimum, maximum, {}});
    const QJsonValue value = m_params.value(key);
    if (value.isUndefined() || !ok())
        return fallback;
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || !(number >= minimum && number <= maximum)) {
        fail(Tr::tr("parameter '%1' must be a number %2").arg(key, rangeText(minimum, maximum)));
        return fallback;
    }
    return number;
}

int StrategyParams::integer(const QString &key, int fallback, int minimum, int maximum)
{
    note({key, Kind::Integer, fallback, double(minimum), double(maximum), {}});
    const QJsonValue value = m_params.value(key);
    if (value.isUndefined() || !ok())
        return fallback;
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || number != std::floor(number) || number < minimum || number > maximum) {
        fail(Tr::tr("parameter '%1' must be a whole number %2").arg(key, rangeText(minimum, maximum)));
        return fallback;
    }
    return int(number);
}

bool StrategyParams::boolean(const QString &key, bool fallback)
{
    note({key, Kind::Boolean, fallback, 0, 0, {}});
    const QJsonValue value = m_params.value(key);
    if (value.isUndefined() || !ok())
        return fallback;
    if (!value.isBool()) {
        fail(Tr::tr("parameter '%1' must be true or false").arg(key));
        return fallback;
    }
    return value.toBool();
}

QString StrategyParams::text(const QString &key, const QString &fallback)
{
    note({key, Kind::Text, fallback, 0, 0, {}});
    const QJsonValue value = m_params.value(key);
    if (value.isUndefined() || !ok())
        return fallback;
    if (!value.isString() || value.toString().isEmpty()) {
        fail(Tr::tr("parameter '%1' must be a non-empty string").arg(key));
        return fallback;
    }
    return value.toString();
}

QString StrategyParams::choice(const QString &key, const QString &fallback, const QStringList &choices)
{
    note({key, Kind::Choice, fallback, 0, 0, choices});
    const QJsonValue value = m_params.value(key);
    if (value.isUndefined() || !ok())
        return fallback;
    if (!value.isString() || !choices.contains(value.toString())) {
        fail(Tr::tr("parameter '%1' must be one of: %2").arg(key, choices.join(QStringLiteral(", "))));
        return fallback;
    }
    return value.toString();
}

QStringList StrategyParams::textList(
    const QString &key, const QStringList &fallback, const QStringList &choices)
{
    note({key, Kind::TextList, QJsonArray::fromStringList(fallback), 0, 0, choices});
    const QJsonValue value = m_params.value(key);
    if (value.isUndefined() || !ok())
        return fallback;
    QStringList result;
    bool good = value.isArray();
    const QJsonArray array = value.toArray();
    for (const QJsonValue &element : array) {
        if (!element.isString() || (!choices.isEmpty() && !choices.contains(element.toString()))) {
            good = false;
            break;
        }
        if (!result.contains(element.toString()))
            result.append(element.toString());
    }
    if (!good) {
        if (choices.isEmpty())
            fail(Tr::tr("parameter '%1' must be a list of strings").arg(key));
        else
            fail(Tr::tr("parameter '%1' must be a list of: %2").arg(key, choices.join(QStringLiteral(", "))));
        return fallback;
    }
    return result;
}

quint8 StrategyParams::eventMask(const QString &key, quint8 fallback)
{
    note({key, Kind::Events, maskValue(fallback), 0, 0, eventTypeNames()});
    const QJsonValue value = m_params.value(key);
    if (value.isUndefined() || !ok())
        return fallback;
    QJsonArray names;
    if (value.isString())
        names.append(value);
    else if (value.isArray())
        names = value.toArray();
    quint8 mask = 0;
    bool good = !names.isEmpty();
    for (const QJsonValue &name : std::as_const(names)) {
        if (!name.isString()) {
            good = false;
            break;
        }
        if (name.toString() == QLatin1String("all")) {
            mask = AllEvents;
            continue;
        }
        const std::optional<EventType> type = eventTypeFromName(QStringView(name.toString()));
        if (!type) {
            good = false;
            break;
        }
        mask |= maskOf(*type);
    }
    if (!good) {
        fail(Tr::tr("parameter '%1' must be an event type or a list of them (%2, or all)")
                 .arg(key, eventTypeNames().join(QStringLiteral(", "))));
        return fallback;
    }
    return mask;
}

QMap<QString, double> StrategyParams::numberMap(
    const QString &key, const QMap<QString, double> &defaults, double minimum, double maximum)
{
    if (t_recorder) {
        QJsonObject fallback;
        for (auto it = defaults.begin(); it != defaults.end(); ++it)
            fallback.insert(it.key(), it.value());
        note({key, Kind::NumberMap, fallback, minimum, maximum, defaults.keys()});
    }
    const QJsonValue value = m_params.value(key);
    if (value.isUndefined() || !ok())
        return defaults;
    if (!value.isObject()) {
        fail(Tr::tr("parameter '%1' must be an object with numbers for: %2")
                 .arg(key, defaults.keys().join(QStringLiteral(", "))));
        return defaults;
    }
    QMap<QString, double> result = defaults;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!defaults.contains(it.key())) {
            fail(Tr::tr("parameter '%1' has an unknown key '%2' (keys: %3)")
                     .arg(key, it.key(), defaults.keys().join(QStringLiteral(", "))));
            return defaults;
        }
        const double number = it.value().toDouble(std::nan(""));
        if (!it.value().isDouble() || !(number >= minimum && number <= maximum)) {
            fail(Tr::tr("parameter '%1': '%2' must be a number %3")
                     .arg(key, it.key(), rangeText(minimum, maximum)));
            return defaults;
        }
        result[it.key()] = number;
    }
    return result;
}

QMap<QString, QString> StrategyParams::textMap(const QString &key, const QMap<QString, QString> &fallback)
{
    if (t_recorder) {
        QJsonObject object;
        for (auto it = fallback.begin(); it != fallback.end(); ++it)
            object.insert(it.key(), it.value());
        note({key, Kind::TextMap, object, 0, 0, {}});
    }
    const QJsonValue value = m_params.value(key);
    if (value.isUndefined() || !ok())
        return fallback;
    QMap<QString, QString> result;
    bool good = value.isObject();
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString() || it.value().toString().isEmpty()) {
            good = false;
            break;
        }
        result.insert(it.key(), it.value().toString());
    }
    if (!good) {
        fail(Tr::tr("parameter '%1' must be an object of strings").arg(key));
        return fallback;
    }
    return result;
}

QString StrategyParams::cancelled(const QString &strategy)
{
    return strategy + QStringLiteral(": ") + Tr::tr("training was cancelled");
}

int StrategyParams::singleType(quint8 mask)
{
    for (int type = 0; type < EventTypeCount; ++type) {
        if (mask == (1u << type))
            return type;
    }
    return -1;
}

QString StrategyParams::maskKey(quint8 mask)
{
    if (mask == AllEvents)
        return QStringLiteral("all");
    QStringList names;
    for (int type = 0; type < EventTypeCount; ++type) {
        if (mask & (1u << type))
            names.append(eventTypeName(EventType(type)));
    }
    return names.join(QLatin1Char('+'));
}

} // namespace Vitrine
