// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Vitrine {

class Database;

/**
 * The catalog's meta table: settings stored as one JSON text under a key ("event_weights",
 * "segment_priority"). What a value means is the caller's business.
 */
class MetaStore
{
public:
    enum class Read
    {
        Found, ///< the key has a value
        Missing, ///< no value under the key
        Failed, ///< the table could not be read; the error says why
    };

    /** Reads the value under @p key into @p value. */
    static Read value(const Database &db, const QString &key, QByteArray *value, QString *error = nullptr);
    /** Stores @p value (UTF-8 text) under @p key, replacing any earlier value. */
    static bool setValue(Database &db, const QString &key, const QByteArray &value, QString *error = nullptr);
};

} // namespace Vitrine
