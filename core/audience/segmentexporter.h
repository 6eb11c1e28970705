// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"
#include "personfeatures.h"
#include "personset.h"

#include <QString>
#include <QStringList>

namespace Vitrine {

/**
 * Writes a segment's members to CSV or JSON (by the file's extension), one row per person with
 * their profile and value: external_id, gender, age, country, city, email_consent, orders,
 * purchases, spend, first_purchase, last_purchase. The file appears complete or not at all.
 */
class SegmentExporter
{
public:
    struct Report
    {
        bool ok = false;
        QString error;
        qint64 rows = 0;
        QString path;
    };

    static QStringList columns();
    /** Writes the file at `path`, which must not be the catalog at `catalogPath` (see OutputFile). */
    static Report write(const PersonFeatures &features, const PersonSet &members, const QString &path,
        const Progress &progress = {}, const QString &catalogPath = {});
};

} // namespace Vitrine
