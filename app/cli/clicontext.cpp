// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

#include "storage/timestamp.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>

#include <cerrno>
#include <cstdio>
#include <memory>
#include <unistd.h>

namespace Vitrine {

QString CliContext::catalogPath() const
{
    return dbPath.empty() ? Database::defaultPath() : QString::fromStdString(dbPath);
}

int CliContext::parseAsOf(const std::string &text, std::optional<qint64> &asOf) const
{
    if (text.empty())
        return ExitOk;
    asOf = Timestamp::parse(QString::fromStdString(text));
    if (!asOf) {
        error(QStringLiteral("--as-of %1 is not a date or time (use ISO 8601 or Unix seconds)").arg(QString::fromStdString(text)));
        return ExitUsage;
    }
    return ExitOk;
}

int CliContext::open(Database &db, Database::OpenMode mode) const
{
    const QString path = catalogPath();
    if (mode != Database::OpenMode::Create && !QFileInfo::exists(path)) {
        error(QStringLiteral("%1: no such catalog (create one with `vitrine-cli --db %1 demo` or import into it)").arg(path));
        return ExitNotFound;
    }
    // A script's writer waits for another program's long import instead of failing, and says so.
    db.setBusyTimeout(CliBusyTimeoutMs);
    if (!quiet) {
        db.setBusyNotice([path] {
            std::fprintf(stderr, "%s\n",
                qPrintable(QStringLiteral("vitrine-cli: waiting for another program that is using %1…").arg(path)));
            std::fflush(stderr);
        });
    }
    QString message;
    if (!db.open(path, mode, &message)) {
        error(message);
        return ExitBadInput;
    }
    return ExitOk;
}

Progress CliContext::progress() const
{
    if (quiet)
        return {};
    const bool terminal = isatty(STDERR_FILENO);
    auto last = std::make_shared<std::pair<QString, int>>();
    return Progress([terminal, last](const QString &stage, qint64 done, qint64 total) {
        const int percent = total > 0 ? int(qMin<qint64>(100, done * 100 / total)) : 0;
        if (terminal) {
            if (last->first == stage && last->second == percent)
                return;
            std::fprintf(stderr, "\r\033[K%s: %d%%", stage.toLocal8Bit().constData(), percent);
        } else {
            // One line when a stage starts and at each quarter, so logs stay short.
            if (last->first == stage && percent / 25 == last->second / 25)
                return;
            std::fprintf(stderr, "%s: %d%%\n", stage.toLocal8Bit().constData(), percent);
        }
        std::fflush(stderr);
        *last = {stage, percent};
    });
}

void CliContext::endProgress() const
{
    if (!quiet && isatty(STDERR_FILENO))
        std::fprintf(stderr, "\r\033[K");
}

int CliContext::finish(int exitCode) const
{
    errno = 0;
    if (std::fflush(stdout) == 0 && !std::ferror(stdout))
        return exitCode;
    const int cause = errno;
    error(QStringLiteral("standard output: cannot write: %1")
              .arg(cause ? qt_error_string(cause) : QStringLiteral("write error")));
    return exitCode == ExitOk ? int(ExitBadInput) : exitCode;
}

void CliContext::out(const QString &text) const
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
    std::fputc('\n', stdout);
}

void CliContext::printJson(const QJsonObject &object) const
{
    const QByteArray utf8 = QJsonDocument(object).toJson(QJsonDocument::Indented);
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
    std::fflush(stdout);
}

void CliContext::error(const QString &text) const
{
    const QByteArray utf8 = text.toUtf8();
    std::fprintf(stderr, "vitrine-cli: %s\n", utf8.constData());
}

QString CliContext::number(qint64 value)
{
    QLocale locale(QLocale::English);
    return locale.toString(value);
}

} // namespace Vitrine
