// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Vitrine {

class Database;

/** One thing found by searchCatalog(). */
struct SearchHit
{
    enum class Kind
    {
        Person,
        Item,
        Segment,
        Slot,
        Layout,
        Banner,
        Campaign,
    };
    Kind kind = Kind::Item;
    QString key;    ///< the person's external id, the item's SKU, the object's key
    QString title;  ///< name, title, or the key again
    QString detail; ///< one more line: e-mail and city, category and price, the kind of object
};

/**
 * Finds people (id, name, e-mail), items (SKU, title) and configuration objects (key, title)
 * whose text contains @p text, case-insensitively for ASCII; exact and prefix matches first.
 * At most @p limitPerKind of each kind. The studio's quick open (Ctrl+K) runs it off the UI
 * thread. Empty text finds nothing.
 */
QList<SearchHit> searchCatalog(const Database &db, const QString &text, int limitPerKind, QString *error = nullptr);

} // namespace Vitrine
