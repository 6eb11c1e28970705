// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "personfeatures.h"

#include <vector>

namespace Vitrine {

/**
 * One person's affinities, as PersonFeatures::affinity() defines them, computed from that
 * person's events alone: a person page needs a handful of shares, not a column over everybody.
 */
class PersonAffinities
{
public:
    struct Share
    {
        int target = -1; ///< the snapshot's category or brand index, or the features' topic index
        double share = 0; ///< 0..1, equal to features.affinity(dimension, target)[user]
    };

    /**
     * The person's affinity to every category, brand or topic of the items they interacted
     * with (for categories: the items' own categories, each with its subtree), strongest first;
     * ties by index. Empty for a person without such events.
     */
    static std::vector<Share> compute(
        const PersonFeatures &features, PersonFeatures::Dimension dimension, int user);
};

} // namespace Vitrine
