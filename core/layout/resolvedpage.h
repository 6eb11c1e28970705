// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layoutblock.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Vitrine {

/** An item as a page shows it: everything copied out of the snapshot, so the page is a plain value. */
struct ResolvedItem
{
    int item = -1;
    QString sku;
    QString title;
    double price = 0; ///< NaN when the item has none
    double salePrice = 0; ///< NaN when not on sale
    bool onSale = false;
    QString image;
    QString link;
    QString category;
    QString brand;
    double score = 0;
    QStringList reasons;
    QString fallback; ///< the fallback strategy that supplied it, if any
    bool pinned = false;
};

/** A banner as shown, with why it won. */
struct ResolvedBanner
{
    QString key;
    QString title;
    QString text;
    QString image;
    QString link;
    QString alt;
    int priority = 0;
};

/** Each banner of a group and what became of it: shown, outranked, not targeted, out of schedule. */
struct BannerCandidate
{
    QString key;
    QString status; ///< "shown", "outranked", "not_targeted", "not_scheduled", "error"
    int priority = 0;
    QString detail;
};

/** One entry of a category navigation. */
struct ResolvedCategory
{
    int category = -1;
    QString name;
    QString path;
    double affinity = 0; ///< share of the person's weighted, decayed interest, 0..1
    QString placement; ///< "pinned_first", "affinity", "default", "pinned_last"
    QString reason;
};

/** One block of a resolved page. */
struct ResolvedBlock
{
    QString id;
    LayoutBlock::Type type = LayoutBlock::Type::Slot;
    QString title;
    QString error; ///< the block could not be filled (unknown slot...): the page still resolves

    // Slot
    QString slot;
    std::vector<ResolvedItem> items;
    bool usedFallback = false;

    // Banners
    QString group;
    std::optional<ResolvedBanner> banner;
    QString bannerReason;
    std::vector<BannerCandidate> candidates;

    // Categories
    std::vector<ResolvedCategory> categories;
    bool personalOrder = false;
    QString orderReason;

    // Text
    QString style;
    QString text;
    QString image;
    QString link;
};

/**
 * What one person sees on one layout at one time: the variant chosen and why, and every block
 * filled, with the reason for each item, banner and category position. The GUI preview, the CLI
 * and the e-mail export all get this from PageResolver::resolve().
 */
struct ResolvedPage
{
    bool ok = false;
    QString error;
    QString layout;
    QString title;
    QString kind;
    int user = -1;
    QString externalId; ///< empty for an anonymous visitor
    QString contextItem; ///< sku
    QStringList cart; ///< skus
    qint64 asOf = 0;
    QString variant; ///< the segment whose variant was used; empty for the default
    QString variantTitle;
    QString variantReason;
    QStringList variantExplanation; ///< the segment rule's explanation lines, when asked for
    std::vector<ResolvedBlock> blocks;
    double milliseconds = 0;

    const ResolvedBlock *block(const QString &id) const;
    /**
     * {"layout", "title", "kind", "user", "as_of", "variant": {"segment", "title", "reason",
     *  "explanation"}, "blocks": [{"id", "type", "title", "items": [...], "banner": {...},
     *  "candidates": [...], "categories": [...], ...}], "milliseconds"}
     */
    QJsonObject toJson() const;
};

} // namespace Vitrine
