// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Vitrine {

/**
 * The small pieces strategies build their explanations from ("bought", "3 days ago", "1,200"),
 * so every strategy words times, counts and event types the same way. Numbers follow the
 * default QLocale, which the application sets from the user's preferences.
 */
class ExplainFormat
{
public:
    /** "today", "yesterday", "3 days ago" for an age in seconds. */
    static QString ago(qint64 seconds);
    /** A count rounded to a whole number, with group separators ("1,200"). */
    static QString count(double value);
    /** A price: whole numbers without decimals ("1,200"), others with two ("49.90"). */
    static QString money(double value);
    /** "this week", "today", "in the last 30 days". */
    static QString period(double days);
    /** What a person did, as a past participle: "viewed", "bought"; "interacted with" for -1 (several types).
     */
    static QString pastVerb(int eventType);
    /** The events as a plural noun: "views", "purchases"; "interactions" for -1. */
    static QString plural(int eventType);
    /** A number of events: "1 view", "12 views", "3 interactions" for -1. */
    static QString events(double count, int eventType);
    /** Joins a few phrases: "a", "a and b", "a, b and c". */
    static QString joinAnd(const QStringList &parts);
};

} // namespace Vitrine
