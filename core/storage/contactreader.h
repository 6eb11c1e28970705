// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <vector>

namespace Vitrine {

class Database;

/** What an e-mail needs of a person that the snapshot does not hold. */
struct PersonContact
{
    qint64 id = 0; ///< the users table's id (Snapshot::userIndex() maps it)
    QString externalId;
    QString name;
    QString email;
    bool consent = false;
};

/**
 * Streams people's contact details in id order, a chunk at a time, so an export of any size
 * holds one chunk in memory.
 */
class ContactReader
{
public:
    explicit ContactReader(const Database &db)
        : m_db(db)
    { }

    /** The next `count` people after those already read; empty at the end (or on error, with why). */
    std::vector<PersonContact> next(int count, QString *error);

    static std::optional<PersonContact> find(const Database &db, const QString &externalId, QString *error);

private:
    const Database &m_db;
    qint64 m_lastId = -1;
};

} // namespace Vitrine
