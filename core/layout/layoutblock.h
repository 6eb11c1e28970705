// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Vitrine {

/**
 * One block of a layout, as stored in its JSON:
 *
 *     {"id": "for-you", "type": "slot", "slot": "home-for-you", "k": 8, "title": "Picked for you"}
 *     {"id": "hero", "type": "banners", "group": "home-hero"}
 *     {"id": "nav", "type": "categories", "title": "Shop by category", "parent": "", "max": 8,
 *      "pinned_first": ["Outdoor"], "pinned_last": ["Journal"], "order": ["Fashion", "Home"],
 *      "kind": "product", "half_life_days": 30, "events": ["view", "click", "cart", "purchase"]}
 *     {"id": "welcome", "type": "text", "style": "hero", "title": "…", "text": "…", "link": "…", "image":
 * "…"}
 *
 * The id names the block for variants and e-mail templates; it defaults to the slot key, the
 * banner group, "categories" or "text".
 */
struct LayoutBlock
{
    enum class Type
    {
        Slot,
        Banners,
        Categories,
        Text
    };

    QString id;
    Type type = Type::Slot;
    QString title;

    // Slot
    QString slot;
    int k = 0; ///< 0: the slot's max_items

    // Banners
    QString group;

    // Categories
    QString parent; ///< list the children of this category path; empty: the top level
    int max = 0; ///< 0: all
    QStringList pinnedFirst;
    QStringList pinnedLast;
    QStringList order; ///< the merchandiser's default order (names or paths); others follow by name
    QString kind = QStringLiteral("product"); ///< only categories holding this kind; empty: any
    double halfLifeDays = 30;
    quint8 eventMask = 0; ///< event types that count (bit per EventType)

    // Text
    QString style = QStringLiteral("text"); ///< "text" or "hero"
    QString text;
    QString image;
    QString link;

    /** Reads a block at `path` ("blocks[2]"); errors name the place. */
    static std::optional<LayoutBlock> fromJson(const QJsonValue &json, const QString &path, QString *error);
    QJsonObject toJson() const;

    static QString typeName(Type type);
    static std::optional<Type> typeFromName(const QString &name);
    /** The mask of views, clicks, carts and purchases. */
    static quint8 defaultEventMask();
};

} // namespace Vitrine
