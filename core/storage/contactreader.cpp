// SPDX-License-Identifier: GPL-3.0-or-later
#include "contactreader.h"

#include "database.h"
#include "statement.h"

namespace Vitrine {

namespace {

PersonContact read(Statement &statement)
{
    return {
        statement.int64(0), statement.text(1), statement.text(2), statement.text(3), statement.int64(4) != 0};
}

} // namespace

std::vector<PersonContact> ContactReader::next(int count, QString *error)
{
    std::vector<PersonContact> contacts;
    Statement statement
        = m_db.prepare(QStringLiteral("SELECT id, external_id, name, email, email_consent FROM users "
                                      "WHERE id > ?1 ORDER BY id LIMIT ?2"),
            error);
    if (!statement.isValid())
        return contacts;
    statement.bind(1, m_lastId);
    statement.bind(2, count);
    contacts.reserve(size_t(count));
    Statement::Step step;
    while ((step = statement.step()) == Statement::Step::Row)
        contacts.push_back(read(statement));
    if (step == Statement::Step::Error) {
        if (error)
            *error = statement.errorMessage();
        contacts.clear();
        return contacts;
    }
    if (!contacts.empty())
        m_lastId = contacts.back().id;
    return contacts;
}

std::optional<PersonContact> ContactReader::find(
    const Database &db, const QString &externalId, QString *error)
{
    Statement statement
        = db.prepare(QStringLiteral("SELECT id, external_id, name, email, email_consent FROM users "
                                    "WHERE external_id = ?1"),
            error);
    if (!statement.isValid())
        return std::nullopt;
    statement.bind(1, externalId);
    if (statement.step() != Statement::Step::Row)
        return std::nullopt;
    return read(statement);
}

} // namespace Vitrine
