// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layoutblock.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Vitrine {

struct ConfigNames;

/**
 * What a layout changes for the members of one segment. Applied in this order: swap blocks,
 * hide blocks, add blocks (after or before a block, else at the end), then move the blocks
 * named in `order` to the top in that order.
 *
 *     {"segment": "vip", "title": "VIP home", "swap": [{"id": "on-sale", "block": {…}}],
 *      "hide": ["new"], "add": [{"after": "hero", "block": {…}}], "order": ["for-you", "hero"]}
 */
struct LayoutVariant
{
    struct Addition
    {
        LayoutBlock block;
        QString after;
        QString before;
    };
    struct Swap
    {
        QString id;
        LayoutBlock block;
    };

    QString segment;
    QString title;
    std::vector<Swap> swaps;
    QStringList hide;
    std::vector<Addition> additions;
    QStringList order;
};

/**
 * A personalized page or e-mail: an ordered list of blocks, stored as JSON in the catalog's
 * layouts table, with variants per segment.
 *
 *     {"title": "Home", "kind": "page", "blocks": [ …LayoutBlock… ], "variants": [ …LayoutVariant… ]}
 *
 * fromJson() checks the shape and names the place of a problem ("blocks[2].slot: missing",
 * "variants[0].hide[1]: no block 'x' in the layout"); check() then checks the names against
 * the catalog (unknown slot, unknown segment).
 */
struct LayoutDefinition
{
    QString key;
    QString title;
    QString kind = QStringLiteral("page"); ///< "page" or "email"
    std::vector<LayoutBlock> blocks;
    std::vector<LayoutVariant> variants;

    static std::optional<LayoutDefinition> fromJson(
        const QString &key, const QJsonObject &json, QString *error);
    QJsonObject toJson() const;

    /** Refuses unknown slots and segments; an unknown banner group is only a warning. */
    bool check(const ConfigNames &names, QString *error, QStringList *warnings = nullptr) const;

    /** The blocks a variant sees (the default blocks for nullptr). */
    std::vector<LayoutBlock> blocksFor(const LayoutVariant *variant) const;
    const LayoutVariant *variant(const QString &segment) const;
    /** The ids of every block of every variant, each once. */
    QStringList allBlockIds() const;
    /** Every block of every variant (for checks and for preparing slots). */
    std::vector<const LayoutBlock *> allBlocks() const;
    /** A block with where it stands in the JSON: "blocks[2]", "variants[0].swap[1].block". */
    struct PlacedBlock
    {
        QString path;
        const LayoutBlock *block;
    };
    /** The same blocks as allBlocks(), each with its place, for messages. */
    std::vector<PlacedBlock> placedBlocks() const;

    /** Keys are 1–64 lower-case letters, digits, '-' or '_'. */
    static bool isValidKey(const QString &key, QString *error);
};

} // namespace Vitrine
