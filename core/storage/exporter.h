// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"
#include "importer.h"

#include <QString>

namespace Vitrine {

class Database;

struct ExportReport
{
    bool ok = false;
    bool cancelled = false;
    QString error;
    qint64 rows = 0;
    QString path;
};

/**
 * Writes items, people or events to CSV or JSON (by the file's extension) in exactly the form
 * the Importer reads back, so export → import → export gives the same file. The file appears
 * complete or not at all (written to a temporary file, then renamed).
 */
class Exporter
{
public:
    ExportReport run(Database &db, ImportKind kind, const QString &path, const Progress &progress = {});

    /** The columns written for a kind, which are also the importer's field names. */
    static QStringList columns(ImportKind kind);
};

} // namespace Vitrine
