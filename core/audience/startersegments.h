// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include "segmentdefinition.h"

namespace Vitrine {

class Database;

/**
 * The segments a new demo catalog starts with, so each kind of condition has a worked example:
 * VIP, new customers, lapsed, women in Denmark, outdoor readers, bargain hunters and under-30s
 * in Sweden; and a priority list for layouts.
 */
namespace StarterSegments {

QList<SegmentDefinition> definitions();
/** The starter priority order. */
QStringList priority();

/** Saves the starter segments the catalog does not have yet, and the priority when none is set. */
bool install(Database &db, QString *error);

} // namespace StarterSegments

} // namespace Vitrine
