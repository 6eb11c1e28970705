// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/snapshot.h"
#include "layoutblock.h"
#include "resolvedpage.h"

#include <QString>

#include <vector>

namespace Vitrine {

/**
 * The personal category order of a navigation block. The categories listed are the children of
 * the block's parent (the top level without one) that hold items of the block's kind.
 *
 * A person's affinity to each is the weight of their events of the counted types (views, clicks,
 * carts and purchases by default) on items below it, each weighed by its type's weight and halved
 * every half_life_days before the snapshot's as_of, as a share of all such weight. The order is:
 * the merchandiser's pinned_first, then the categories the person has affinity to (strongest
 * first, ties in the default order), then the rest in the default order, then pinned_last.
 * Without history the default order stands: the block's `order`, then the others by name.
 *
 * Built once per block and snapshot; order() is const and thread-safe.
 */
class CategoryNavigation
{
public:
    CategoryNavigation(SnapshotPtr snapshot, const LayoutBlock &block);

    /** Empty, or why the block cannot be shown (an unknown parent). */
    const QString &error() const { return m_error; }
    /**
     * Pinned names this navigation does not list, for the merchandiser to see; they are left
     * out, so a catalog without (say) a Journal still gets its navigation.
     */
    const QString &warning() const { return m_warning; }
    /** The categories in the default order. */
    const std::vector<int> &defaultOrder() const { return m_default; }

    struct Result
    {
        std::vector<ResolvedCategory> categories;
        bool personal = false;
        QString reason;
    };
    Result order(int user) const;

private:
    int listedIndex(const QString &nameOrPath) const;

    SnapshotPtr m_snapshot;
    LayoutBlock m_block;
    QString m_error;
    QString m_warning;
    std::vector<int> m_default; ///< category indexes in the default order
    std::vector<int>
        m_slotOfCategory; ///< per snapshot category: its position in m_default via its ancestors, or -1
    std::vector<int> m_pinnedFirst; ///< positions in m_default
    std::vector<int> m_pinnedLast;
};

} // namespace Vitrine
