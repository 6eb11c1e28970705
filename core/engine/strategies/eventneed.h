// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace Vitrine {

class Snapshot;

/**
 * The events a strategy learns from, as its parameters chose them: the event types (a mask of
 * 1 << EventType) and how far back it looks. A strategy whose events the catalog does not have
 * returns nothing, so the slot, evaluate and train say so (eventNeedProblem) instead of showing
 * an empty list or an NDCG of 0 without a word.
 */
struct EventNeed
{
    quint8 mask = 0;        ///< 0: the strategy needs no events
    QString eventKey;       ///< the parameter that sets the types ("event", "events"), empty when fixed
    double windowDays = 0;  ///< only events this recent; 0 for all of them
    QString windowKey;      ///< the parameter that sets the window ("window_days")
};

/**
 * Why a strategy finds no events to learn from in the snapshot, naming the parameter to change:
 * "bestsellers: the catalog has no purchase events (it has views and ratings); set "event" to
 * one it has, such as "event": "view"". Empty when it has some. The command line's recommend,
 * evaluate and train, and the studio's slot lint all ask this.
 */
QString eventNeedProblem(const Snapshot &snapshot, const QString &strategy, const EventNeed &need);

} // namespace Vitrine
