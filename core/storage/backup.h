// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"

#include <QString>

namespace Vitrine {

class Database;

/** What CatalogBackup::run() did. */
struct BackupReport
{
    bool ok = false;
    bool cancelled = false;
    QString error;
    QString path; ///< the backup file, once it is in place
    qint64 pages = 0; ///< pages copied
    qint64 bytes = 0; ///< size of the backup file
    int restarts = 0; ///< times another program's write made SQLite start the copy again
};

/**
 * Copies an open catalog to another file with SQLite's online backup API, while other programs
 * keep reading and writing it.
 *
 * The copy is made page by page in steps, reporting progress and honouring cancellation between
 * steps. It goes to a temporary file beside the target, is checked (PRAGMA quick_check), and only
 * then renamed over the target, so the target is either the complete backup or untouched. A
 * write by another program makes SQLite restart the copy from the first page; after a few
 * restarts the rest is copied in a single step, which sees one consistent state (in WAL mode
 * writers are not blocked meanwhile). The source file itself is never a valid target.
 */
class CatalogBackup
{
public:
    explicit CatalogBackup(const Database &source);

    /** Pages copied per step (4 KiB each); smaller steps mean finer progress and cancellation. */
    void setPagesPerStep(int pages) { m_pagesPerStep = pages > 0 ? pages : 1; }
    /** Whether an existing file at the target may be replaced (never the source). */
    void setReplaceExisting(bool replace) { m_replaceExisting = replace; }

    BackupReport run(const QString &target, const Progress &progress = {});

    /** Restarts after which the remaining pages are copied in one step. */
    static constexpr int MaxRestarts = 3;

private:
    const Database &m_source;
    int m_pagesPerStep = 1024;
    bool m_replaceExisting = false;
};

} // namespace Vitrine
