// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/modeltable.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Vitrine {

class Database;

/**
 * Trained models kept in the catalog's models table, each with the events watermark of the
 * snapshot it was trained on. A model whose watermark differs from the current snapshot's is
 * stale: load() does not return it, and status() says so.
 */
class ModelStore
{
public:
    using Entry = ModelTable::Entry;

    /** `writable`: whether save() may write (only `train` and the GUI's train action do). */
    ModelStore(Database &db, bool writable)
        : m_table(db)
        , m_writable(writable)
    {
    }

    bool isWritable() const { return m_writable; }
    /** The stored model's bytes when it was trained on exactly these events. */
    std::optional<QByteArray> load(const QString &name, const QString &watermark) const;
    bool save(const QString &name, const QString &watermark, const QByteArray &data, QString *error = nullptr);
    QList<Entry> entries() const;

private:
    ModelTable m_table;
    bool m_writable;
};

} // namespace Vitrine
