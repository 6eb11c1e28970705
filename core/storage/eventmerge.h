// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importwriter.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace Vitrine {

/**
 * Rows of one events file with the same person, second, item and type are one event: their
 * quantities (capped at ImportOptions::MaxQuantity) and values add up. Sorts the events into
 * ImportWriter's order (stably, so a key's rows stay in file order) and merges them in place.
 * Returns how many rows were merged; `warnings` gains the messages naming the first merged line
 * and the first capped one, in `path`'s terms (a line of a CSV file, a record of a JSON one).
 */
qint64 mergeRepeatedEvents(std::vector<StagedEvent> &events, const QString &path, QStringList *warnings);

} // namespace Vitrine
