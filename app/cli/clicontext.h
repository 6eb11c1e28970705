// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"
#include "storage/database.h"

#include <QJsonObject>
#include <QString>

#include <chrono>
#include <optional>
#include <string>

namespace Vitrine {

/** The exit codes of vitrine-cli: a stable contract scripts depend on. */
enum ExitCode : int {
    ExitOk = 0,
    ExitUsage = 1,
    ExitBadInput = 2,
    ExitNotFound = 3,
};

/**
 * How long a command waits for another program's lock on the catalog (a long import holds it
 * while it writes) before giving up with "database is locked": five minutes, saying after a second
 * that it waits.
 */
inline constexpr int CliBusyTimeoutMs = 5 * 60 * 1000;

/**
 * What every command of vitrine-cli shares: the catalog path, --json, and the one place that
 * writes to stdout (results) and stderr (messages and progress).
 */
class CliContext
{
public:
    std::string dbPath;
    bool json = false;
    bool quiet = false;
    int exitCode = ExitOk;

    QString catalogPath() const;

    /** Reads --as-of (ISO 8601 or Unix seconds); prints why and returns ExitUsage when it is neither. */
    int parseAsOf(const std::string &text, std::optional<qint64> &asOf) const;

    /** Opens the catalog; on failure prints why and returns the exit code to use. */
    int open(Database &db, Database::OpenMode mode) const;

    /** Progress on stderr: a live line on a terminal, a line per quarter otherwise. */
    Progress progress() const;
    void endProgress() const;

    /**
     * Flushes standard output; returns `exitCode`, or ExitBadInput with a message when what was
     * printed did not all arrive (a full disk, a closed pipe): a script must not take it for success.
     */
    int finish(int exitCode) const;

    void out(const QString &text) const;
    void printJson(const QJsonObject &object) const;
    void error(const QString &text) const;

    /** Formats 1234567 as "1,234,567". */
    static QString number(qint64 value);
};

} // namespace Vitrine
