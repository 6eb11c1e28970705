// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace Vitrine {

class Database;

/** The slots a new demo catalog starts with, so every strategy has a worked example. */
namespace StarterSlots {

/** (key, definition) pairs, in the order a home page would use them. */
QList<std::pair<QString, QJsonObject>> definitions();

/** Saves the starter slots that the catalog does not have yet. */
bool install(Database &db, QString *error);

} // namespace StarterSlots

} // namespace Vitrine
