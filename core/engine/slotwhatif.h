// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace Vitrine {

class EngineSession;
class Snapshot;
struct SlotDefinition;

/** What an edit of a slot would change, over people, before it is saved. */
struct SlotWhatIf
{
    /** One segment: how many of its sampled members would see a different list. */
    struct Segment
    {
        QString name;
        QString title;
        int people = 0;
        int changed = 0;
    };
    /** A person whose list changes: what they see now and would see. */
    struct Example
    {
        int user = -1;
        std::vector<int> before;
        std::vector<int> after;
    };

    bool ok = false;
    QString error;
    int population = 0;
    int sampled = 0;      ///< people compared (all of them, or an even sample)
    int changed = 0;      ///< whose top-k differs (other items or another order)
    int cameIn = 0;       ///< items, summed over people, that the draft shows and the saved slot does not
    int droppedOut = 0;
    double averageMove = 0; ///< mean |position change| of the items both show
    std::vector<Segment> segments; ///< every stored segment, in priority order then by name
    std::vector<Example> examples; ///< the first few people whose list changes

    bool isSample() const { return sampled < population; }
    QJsonObject toJson(const Snapshot &snapshot) const;
};

/**
 * Runs the saved slot and the draft for the same people (all of them when @p sample is 0 or
 * more than there are, else an even spread of @p sample) through the pipeline that serves, and
 * counts who would see something else, overall and per segment. The saved slot is @p savedKey
 * (empty for a new slot: everybody who gets anything is "changed").
 */
SlotWhatIf slotWhatIf(const EngineSession &engine, const QString &savedKey, const SlotDefinition &draft, int sample,
    const Progress &progress = {});

} // namespace Vitrine
