// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Vitrine {

class Database;

/** The catalog's models table: trained models' bytes by name, with the events watermark they saw. */
class ModelTable
{
public:
    struct Entry
    {
        QString name;
        QString watermark;
        qint64 trainedAt = 0;
        qint64 bytes = 0;
    };

    explicit ModelTable(Database &db)
        : m_db(db)
    { }

    /** The bytes stored under @p name when they were trained on events with this watermark. */
    std::optional<QByteArray> load(const QString &name, const QString &watermark) const;
    /** Stores (or replaces) the model @p name, trained at @p trainedAt (Unix seconds). */
    bool save(const QString &name, const QString &watermark, qint64 trainedAt, const QByteArray &data,
        QString *error = nullptr);
    /** Every stored model by name, without its bytes. */
    QList<Entry> entries() const;

private:
    Database &m_db;
};

} // namespace Vitrine
