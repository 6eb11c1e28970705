// SPDX-License-Identifier: GPL-3.0-or-later
// What the reliability suites share: running vitrine-cli as a separate program, and looking at a
// catalog from outside it afterwards. Header only: each suite is one executable.
#pragma once

#include "storage/database.h"
#include "storage/statement.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <memory>

namespace Vitrine::Reliability {

/** One finished run of vitrine-cli. */
struct CliRun
{
    int exitCode = -1;
    bool crashed = false; ///< killed by a signal (or never started)
    QByteArray out;
    QByteArray err;

    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    /** A line for failure messages: the exit code and what the program said on stderr. */
    QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + (crashed ? " (crashed)" : "") + ": " + err;
    }
};

/** Starts vitrine-cli on `catalog` without waiting; the caller owns the process. */
inline std::unique_ptr<QProcess> startCli(const QString &catalog, const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("VITRINE_DB"), catalog);
    process->setProcessEnvironment(environment);
    process->start(QStringLiteral(VITRINE_CLI), arguments);
    return process;
}

/** Collects the result of a process that has finished. */
inline CliRun finished(QProcess &process)
{
    CliRun run;
    run.crashed = process.exitStatus() != QProcess::NormalExit || process.error() == QProcess::FailedToStart;
    run.exitCode = run.crashed ? -1 : process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

/** Runs vitrine-cli to the end (ctest's timeout guards against a hang). */
inline CliRun runCli(const QString &catalog, const QStringList &arguments)
{
    const std::unique_ptr<QProcess> process = startCli(catalog, arguments);
    process->waitForFinished(-1);
    return finished(*process);
}

/**
 * Waits until the program reports the progress stage `stage` at `percent` or beyond on stderr
 * ("Writing events: 50%"), which it prints without -q. Returns false if it ends first. What it
 * printed so far is appended to `seen`.
 */
inline bool waitForStage(QProcess &process, const QString &stage, int percent, QByteArray *seen)
{
    static const QRegularExpression line(QStringLiteral("^(.*): (\\d+)%$"));
    process.setReadChannel(QProcess::StandardError);
    QByteArray pending;
    for (;;) {
        const bool more = process.waitForReadyRead(100);
        const QByteArray chunk = process.readAllStandardError();
        *seen += chunk;
        pending += chunk;
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QRegularExpressionMatch match = line.match(QString::fromUtf8(pending.left(end)).trimmed());
            pending.remove(0, end + 1);
            if (match.hasMatch() && match.captured(1).startsWith(stage)
                && match.captured(2).toInt() >= percent)
                return true;
        }
        if (!more && process.state() == QProcess::NotRunning)
            return false;
    }
}

/** The first row of PRAGMA integrity_check: "ok" for a sound file. */
inline QString integrityCheck(const QString &path)
{
    Database db;
    QString error;
    if (!db.open(path, Database::OpenMode::ReadWrite, &error))
        return error;
    Statement check = db.prepare(QStringLiteral("PRAGMA integrity_check"), &error);
    if (!check.isValid() || check.step() != Statement::Step::Row)
        return error.isEmpty() ? db.lastError() : error;
    return check.text(0);
}

/** One number from a catalog, read by this process (not through the CLI). -1 if it cannot be read. */
inline qint64 queryCount(const QString &path, const QString &sql)
{
    Database db;
    if (!db.open(path, Database::OpenMode::ReadOnly, nullptr))
        return -1;
    bool ok = false;
    const qint64 value = db.queryInt(sql, &ok);
    return ok ? value : -1;
}

/**
 * Writes `rows` view events for the demo's people (U00001 …) and items (SKU-00001 …), one second
 * apart from `first`, so every row is a new event.
 */
inline bool writeEventsCsv(const QString &path, qint64 rows, int users, int items, const QDateTime &first)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray buffer = "user_id,item_id,ts,type\n";
    const qint64 start = first.toSecsSinceEpoch();
    char line[64];
    for (qint64 i = 0; i < rows; ++i) {
        const int n = std::snprintf(line, sizeof line, "U%05d,SKU-%05d,%lld,view\n", int(i % users) + 1,
            int((i * 7) % items) + 1, static_cast<long long>(start + i));
        buffer.append(line, n);
        if (buffer.size() > (1 << 20)) {
            if (file.write(buffer) != buffer.size())
                return false;
            buffer.clear();
        }
    }
    return file.write(buffer) == buffer.size();
}

/** Copies a catalog that is not in use (no write-ahead log pending) to a fresh path. */
inline bool copyCatalog(const QString &from, const QString &to)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(to + suffix);
    return QFile::copy(from, to);
}

} // namespace Vitrine::Reliability
