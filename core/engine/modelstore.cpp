// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelstore.h"

#include <QDateTime>

namespace Vitrine {

std::optional<QByteArray> ModelStore::load(const QString &name, const QString &watermark) const
{
    return m_table.load(name, watermark);
}

bool ModelStore::save(const QString &name, const QString &watermark, const QByteArray &data, QString *error)
{
    if (!m_writable)
        return false;
    return m_table.save(name, watermark, QDateTime::currentSecsSinceEpoch(), data, error);
}

QList<ModelStore::Entry> ModelStore::entries() const
{
    return m_table.entries();
}

} // namespace Vitrine
