// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/eventtype.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace Vitrine {

/**
 * One parameter a strategy accepts, as its reader checks it: what an editor needs to offer a
 * fitting field (a number in its range, a choice, event types...) with the default in place.
 */
struct StrategyParamSpec
{
    enum class Kind { Number, Integer, Boolean, Text, Choice, TextList, Events, NumberMap, TextMap, Object };

    QString key;
    Kind kind = Kind::Object;
    QJsonValue defaultValue;  ///< what the strategy uses when the key is absent
    double minimum = 0;       ///< Number, Integer and each NumberMap value
    double maximum = 0;
    QStringList choices;      ///< Choice and TextList (empty: any text); NumberMap: its keys
};

/**
 * Reads a strategy's parameters from slot JSON, checking each against what the strategy accepts.
 * The first problem found is kept as a message naming the strategy and the key
 * ("bestsellers: unknown parameter 'windw' (parameters: window_days, event)"); later reads then
 * give their defaults, so a create() can read everything and test ok() once.
 */
class StrategyParams
{
public:
    StrategyParams(const QString &strategy, const QJsonObject &params, const QStringList &known);

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    /** Copies the message to `error` (when given) and returns false when something was wrong. */
    bool check(QString *error) const;

    double number(const QString &key, double fallback, double minimum, double maximum);
    int integer(const QString &key, int fallback, int minimum, int maximum);
    bool boolean(const QString &key, bool fallback);
    QString text(const QString &key, const QString &fallback);
    /** One of `choices`; `fallback` when absent. */
    QString choice(const QString &key, const QString &fallback, const QStringList &choices);
    /** A list of strings, each one of `choices` (any string when `choices` is empty). */
    QStringList textList(const QString &key, const QStringList &fallback, const QStringList &choices = {});
    /**
     * Event types as a bit mask (bit 1 << type): a name ("purchase"), a list of names, or "all".
     * Names follow eventTypeFromName(), so synonyms such as "buy" are accepted.
     */
    quint8 eventMask(const QString &key, quint8 fallback);
    /** An object of numbers over known keys ({"category": 1, "brand": 0.5}); missing keys keep their default.
     */
    QMap<QString, double> numberMap(
        const QString &key, const QMap<QString, double> &defaults, double minimum, double maximum);
    /** An object of strings ({"favorite_activities": "activities"}); replaces the default when given. */
    QMap<QString, QString> textMap(const QString &key, const QMap<QString, QString> &fallback);

    /**
     * While one is alive on a thread, every reader on that thread notes what it reads, with the
     * defaults and ranges, instead of only checking: how strategyParamSpecs() learns a strategy's
     * parameters from the very code that checks them. A strategy that checks its parameters by
     * other means calls note() itself.
     */
    class Recorder
    {
    public:
        Recorder();
        ~Recorder();
        Recorder(const Recorder &) = delete;
        Recorder &operator=(const Recorder &) = delete;

        const std::vector<StrategyParamSpec> &specs() const { return m_specs; }
        const QStringList &known() const { return m_known; }

    private:
        friend class StrategyParams;
        std::vector<StrategyParamSpec> m_specs;
        QStringList m_known;
        Recorder *m_previous;
    };
    /** Notes a parameter for the thread's Recorder; nothing when there is none. */
    static void note(StrategyParamSpec spec);

    /** Reports that training was cancelled (or failed) in the same "name: message" form. */
    static QString cancelled(const QString &strategy);

    static constexpr quint8 AllEvents = (1u << EventTypeCount) - 1;
    static quint8 maskOf(EventType type) { return quint8(1u << int(type)); }
    /** The single event type of a mask, or -1 when it holds several. */
    static int singleType(quint8 mask);
    /** "purchase", "view+click", "all": for model cache keys. */
    static QString maskKey(quint8 mask);

private:
    void fail(const QString &message);
    QString rangeText(double minimum, double maximum) const;

    QString m_strategy;
    QJsonObject m_params;
    QString m_error;
};

} // namespace Vitrine
