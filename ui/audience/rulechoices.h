// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace Vitrine {

class Snapshot;

/**
 * What the rule builder's value editors offer, read from the catalog's snapshot: its countries,
 * categories (as paths, parents first, for the tree picker), brands, topics, event types and
 * items (for the item search), and the segments a rule may name. An empty list means the catalog
 * has none: the editor then takes free text.
 */
struct RuleChoices
{
    struct Category
    {
        QString path;
        QString name; ///< the last part of the path
        int depth = 1;
    };

    QStringList countries;
    QList<Category> categories; ///< depth first, children after their parent
    QStringList brands;
    QStringList topics;
    QStringList eventTypes;
    QStringList items; ///< "sku — title", for the item search
    QStringList segments;
    /** The event type new behaviour rows start with: purchase, else the catalog's most common. */
    QString commonEvent = QStringLiteral("purchase");

    /** Everything but the segments, from @p snapshot (null: nothing). */
    static RuleChoices fromSnapshot(const Snapshot *snapshot);
    /** The sku of an entry of items ("sku — title" or a bare sku). */
    static QString skuOf(const QString &entry);
};

} // namespace Vitrine
