// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup.h"

#include "database.h"
#include "outputfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <sqlite3.h>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::CatalogBackup)
};

void removeWithSideFiles(const QString &path)
{
    for (const QString &suffix :
        {QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

/** Makes a rename durable: the folder entry itself is synced. */
void syncFolder(const QString &file)
{
    const int fd
        = ::open(QFile::encodeName(QFileInfo(file).absolutePath()).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

CatalogBackup::CatalogBackup(const Database &source)
    : m_source(source)
{ }

BackupReport CatalogBackup::run(const QString &target, const Progress &progress)
{
    BackupReport report;
    if (!m_source.isOpen()) {
        report.error = Tr::tr("no catalog is open");
        return report;
    }
    if (target.isEmpty()) {
        report.error = Tr::tr("the backup needs a file name");
        return report;
    }

    // Never the source, nor one of its side files: that would destroy what is being saved.
    if (OutputFile::isCatalogFile(target, m_source.path())) {
        report.error = Tr::tr("%1: is the catalog being backed up; choose another file").arg(target);
        return report;
    }
    // The copy is renamed over the target: over a device that would put a file in its place.
    if (OutputFile::isSpecialFile(target)) {
        report.error
            = Tr::tr("%1: is a device or a pipe, not a file; a backup is a catalog file, so name one")
                  .arg(target);
        return report;
    }
    const QFileInfo targetInfo(target);
    if (targetInfo.exists() && targetInfo.isDir()) {
        report.error = Tr::tr("%1: is a folder; name the backup file").arg(target);
        return report;
    }
    if (targetInfo.exists() && !m_replaceExisting) {
        report.error = Tr::tr("%1: already exists; choose another name or replace it").arg(target);
        return report;
    }
    if (!targetInfo.absoluteDir().exists()) {
        report.error = Tr::tr("%1: the folder %2 does not exist").arg(target, targetInfo.absolutePath());
        return report;
    }

    // The copy is built beside the target, so the final rename stays on one file system; through a
    // symbolic link, beside the file it names, which is replaced while the link stays.
    const QString finalPath = OutputFile::resolvedPath(target);
    QTemporaryFile reserve(finalPath + QStringLiteral(".partial-XXXXXX"));
    reserve.setAutoRemove(false);
    if (!reserve.open()) {
        report.error = Tr::tr("%1: cannot write: %2").arg(target, reserve.errorString());
        return report;
    }
    const QString temporary = reserve.fileName();
    reserve.close();

    sqlite3 *destination = nullptr;
    const auto fail = [&](const QString &message) {
        if (destination)
            sqlite3_close_v2(destination);
        destination = nullptr;
        removeWithSideFiles(temporary);
        report.error = message;
        return report;
    };

    if (sqlite3_open_v2(QFile::encodeName(temporary).constData(), &destination,
            SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK) {
        return fail(
            Tr::tr("%1: cannot write: %2")
                .arg(target,
                    destination ? QString::fromUtf8(sqlite3_errmsg(destination)) : Tr::tr("out of memory")));
    }
    sqlite3_busy_timeout(destination, Database::BusyTimeoutMs);

    sqlite3_backup *backup = sqlite3_backup_init(destination, "main", m_source.handle(), "main");
    if (!backup)
        return fail(Tr::tr("%1: cannot start the backup: %2")
                        .arg(target, QString::fromUtf8(sqlite3_errmsg(destination))));

    const QString stage = Tr::tr("Backing up");
    int busyWaits = 0;
    int restarts = 0;
    int previousDone = -1;
    int rc = SQLITE_OK;
    for (;;) {
        // After a few restarts caused by other programs' writes, one step copies everything from
        // one consistent state; in WAL mode those writers are not held up meanwhile.
        rc = sqlite3_backup_step(backup, restarts >= MaxRestarts ? -1 : m_pagesPerStep);
        const int total = sqlite3_backup_pagecount(backup);
        const int remaining = sqlite3_backup_remaining(backup);
        if (rc == SQLITE_DONE)
            break;
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            // Another program holds a lock SQLite needs for a moment: wait, as the busy timeout would.
            if (++busyWaits * 20 > Database::BusyTimeoutMs)
                break;
            sqlite3_sleep(20);
            continue;
        }
        if (rc != SQLITE_OK)
            break;
        busyWaits = 0;
        // Every step moves on by its pages, unless SQLite had to begin again.
        const int done = total - remaining;
        if (done <= previousDone)
            ++restarts;
        previousDone = done;
        progress.report(stage, done, total);
        if (progress.isCancelled()) {
            sqlite3_backup_finish(backup);
            report.cancelled = true;
            return fail(Tr::tr("cancelled; no backup was written"));
        }
    }
    report.pages = sqlite3_backup_pagecount(backup);
    report.restarts = restarts;
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        const QString why = rc == SQLITE_BUSY || rc == SQLITE_LOCKED
            ? Tr::tr("the catalog stayed locked by another program")
            : QString::fromUtf8(sqlite3_errstr(rc));
        return fail(Tr::tr("%1: the backup failed: %2; no backup was written").arg(target, why));
    }
    progress.report(stage, report.pages, report.pages);

    // A backup nobody can open is worse than none: check it before it takes the target's name.
    sqlite3_stmt *check = nullptr;
    QString verdict;
    if (sqlite3_prepare_v2(destination, "PRAGMA quick_check", -1, &check, nullptr) == SQLITE_OK
        && sqlite3_step(check) == SQLITE_ROW) {
        verdict = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(check, 0)));
    } else {
        verdict = QString::fromUtf8(sqlite3_errmsg(destination));
    }
    sqlite3_finalize(check);
    if (verdict != QLatin1String("ok"))
        return fail(
            Tr::tr("%1: the copy does not check out (%2); no backup was written").arg(target, verdict));
    if (sqlite3_close(destination) != SQLITE_OK)
        return fail(Tr::tr("%1: cannot finish writing the backup").arg(target));
    destination = nullptr;
    // QTemporaryFile made it private (0600); the backup is as readable as the catalog, and writable.
    QFile::setPermissions(
        temporary, QFile::permissions(m_source.path()) | QFileDevice::WriteOwner | QFileDevice::ReadOwner);

    const QByteArray from = QFile::encodeName(temporary);
    const QByteArray to = QFile::encodeName(finalPath);
    if (m_replaceExisting) {
        // A stale write-ahead log of the replaced file would be replayed over the new one.
        QFile::remove(finalPath + QStringLiteral("-wal"));
        QFile::remove(finalPath + QStringLiteral("-shm"));
        if (std::rename(from.constData(), to.constData()) != 0)
            return fail(Tr::tr("%1: cannot move the backup into place").arg(target));
    } else if (!QFile::rename(temporary, finalPath)) {
        // QFile::rename never replaces: someone created the target meanwhile.
        return fail(Tr::tr("%1: cannot move the backup into place (does it exist now?)").arg(target));
    }
    syncFolder(finalPath);
    report.ok = true;
    report.path = target;
    report.bytes = QFileInfo(target).size();
    return report;
}

} // namespace Vitrine
