// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "schema.h"
#include "schemaguard.h"
#include "sqliteerror.h"
#include "statement.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QThread>
#include <QFileInfo>
#include <QStandardPaths>

#include <sqlite3.h>

#include <algorithm>
#include <iterator>
#include <utility>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::Database)
};

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

/** What SQLite's busy handler needs: how long to wait, and whom to tell that it waits. */
struct Database::BusyWait
{
    int timeoutMs = BusyTimeoutMs;
    std::function<void()> notice;
    QElapsedTimer waiting;
    bool noticed = false;

    /** sqlite3_busy_handler: non-zero to try again, zero to give up with SQLITE_BUSY. */
    static int handle(void *self, int attempt)
    {
        auto *wait = static_cast<BusyWait *>(self);
        if (attempt == 0) {
            wait->waiting.start();
            wait->noticed = false;
        }
        const qint64 elapsed = wait->waiting.elapsed();
        if (elapsed >= wait->timeoutMs)
            return 0;
        if (elapsed >= 1000 && !wait->noticed) {
            wait->noticed = true;
            if (wait->notice)
                wait->notice();
        }
        // Short sleeps first, as SQLite's own handler does, so a brief lock costs little.
        static constexpr int delays[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
        const int delay = delays[std::min<size_t>(size_t(attempt), std::size(delays) - 1)];
        QThread::msleep(ulong(std::min<qint64>(delay, wait->timeoutMs - elapsed)));
        return 1;
    }
};

QString Database::defaultPath()
{
    const QString fromEnvironment = qEnvironmentVariable("VITRINE_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(dataDir).filePath(QStringLiteral("vitrine/demo.vitrine"));
}

Database::Database()
    : m_busy(std::make_unique<BusyWait>())
{
}

Database::~Database()
{
    close();
}

Database::Database(Database &&other) noexcept
    : m_busy(std::exchange(other.m_busy, std::make_unique<BusyWait>()))
    , m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
    , m_readOnly(other.m_readOnly)
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_busy.swap(other.m_busy);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_readOnly = other.m_readOnly;
    }
    return *this;
}

bool Database::open(const QString &path, OpenMode mode, QString *error)
{
    close();

    const QFileInfo info(path);
    if (mode != OpenMode::Create && !info.exists()) {
        setError(error, Tr::tr("%1: no such catalog").arg(path));
        return false;
    }
    if (info.exists() && info.isDir()) {
        setError(error, Tr::tr("%1: is a folder, not a catalog").arg(path));
        return false;
    }

    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case OpenMode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case OpenMode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case OpenMode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }

    sqlite3 *db = nullptr;
    const QByteArray nativePath = path.toUtf8();
    if (sqlite3_open_v2(nativePath.constData(), &db, flags, nullptr) != SQLITE_OK) {
        const QString message = db ? QString::fromUtf8(sqlite3_errmsg(db)) : Tr::tr("out of memory");
        sqlite3_close(db);
        setError(error, Tr::tr("%1: cannot open: %2").arg(path, message));
        return false;
    }
    m_db = db;
    m_path = path;
    // A file the user may not write opens read-only whatever was asked; remember it so writers
    // can say so instead of failing later with SQLite's own words.
    m_readOnly = mode == OpenMode::ReadOnly || sqlite3_db_readonly(m_db, "main") == 1;
    sqlite3_busy_handler(m_db, &BusyWait::handle, m_busy.get());
    sqlite3_extended_result_codes(m_db, 1);
    // A catalog is data, not code. SchemaGuard below refuses a file another program added a
    // trigger or a view to; in depth, this connection also runs no trigger or view (Vitrine
    // makes none) and never lets SQL edit the schema table directly. trusted_schema stays on:
    // SQLite 3.40 counts json_valid(), which Vitrine's own CHECK constraints use, as unsafe in a
    // schema, and the guard already refuses any schema that is not exactly Vitrine's.
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    if (!SchemaGuard::createsTriggers())
        sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    if (!SchemaGuard::createsViews())
        sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);

    // Reading the header tells a non-SQLite file apart before anything is written to it.
    bool ok = false;
    const qint64 appId = queryInt(QStringLiteral("PRAGMA application_id"), &ok);
    if (!ok) {
        const int code = sqlite3_extended_errcode(m_db);
        const QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
        const bool diskFull = sqliteDiskFull(m_db, code);
        const QString explained = sqliteErrorText(m_db, code);
        close();
        if (diskFull || (code & 0xFF) == SQLITE_CORRUPT)
            setError(error, Tr::tr("%1: %2").arg(path, explained));
        else if ((code & 0xFF) == SQLITE_READONLY || (code & 0xFF) == SQLITE_CANTOPEN)
            setError(error,
                Tr::tr("%1: cannot read the catalog: its folder is read-only and SQLite needs to create "
                       "%1-shm beside it; make the folder writable or copy the catalog elsewhere (%2)")
                    .arg(path, message));
        else if ((code & 0xFF) == SQLITE_IOERR)
            setError(error, Tr::tr("%1: cannot read the catalog (%2)").arg(path, message));
        else
            setError(error, Tr::tr("%1: not a Vitrine catalog (%2)").arg(path, message));
        return false;
    }
    const int version = schemaVersion();
    const bool empty = queryInt(QStringLiteral("SELECT count(*) FROM sqlite_schema")) == 0;
    if (appId != ApplicationId && !(appId == 0 && empty)) {
        close();
        setError(error, Tr::tr("%1: not a Vitrine catalog (a SQLite database of another program)").arg(path));
        return false;
    }
    if (version > SchemaVersion) {
        close();
        setError(error,
            Tr::tr("%1: written by a newer Vitrine (catalog version %2, this build reads up to %3); "
                   "update Vitrine to open it")
                .arg(path)
                .arg(version)
                .arg(SchemaVersion));
        return false;
    }

    // Before anything is written: a tampered file is left exactly as it was.
    QString problem;
    switch (SchemaGuard::check(m_db, version, &problem)) {
    case SchemaGuard::Result::Matches:
        break;
    case SchemaGuard::Result::Changed:
        close();
        setError(error,
            Tr::tr("%1: the catalog's schema was changed by another program (%2); Vitrine will not open it")
                .arg(path, problem));
        return false;
    case SchemaGuard::Result::Unreadable:
        close();
        setError(error, Tr::tr("%1: cannot read the catalog's schema: %2").arg(path, problem));
        return false;
    }

    if (!m_readOnly) {
        QString message;
        if (!exec(QStringLiteral("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"), &message)) {
            close();
            setError(error, Tr::tr("%1: cannot open for writing: %2").arg(path, message));
            return false;
        }
    }
    exec(QStringLiteral("PRAGMA foreign_keys = ON"));

    if (version < SchemaVersion) {
        if (m_readOnly && empty) {
            // A 0-byte file (or a database with nothing in it) is not a catalog yet.
            close();
            setError(error,
                Tr::tr("%1: the file is empty, not a catalog yet (import into it, or create one with "
                       "`vitrine-cli --db %1 demo`)")
                    .arg(path));
            return false;
        }
        if (m_readOnly) {
            close();
            setError(error,
                Tr::tr("%1: catalog version %2 needs an upgrade; open it for writing once")
                    .arg(path)
                    .arg(version));
            return false;
        }
        QString message;
        if (!migrate(&message)) {
            close();
            setError(error, Tr::tr("%1: cannot upgrade the catalog: %2").arg(path, message));
            return false;
        }
    }
    return true;
}

void Database::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

bool Database::migrate(QString *error)
{
    Transaction transaction(*this, error);
    if (!transaction.isActive())
        return false;
    const QStringList &steps = Schema::migrations();
    // Read again inside the write lock: another program may have migrated meanwhile.
    const int from = schemaVersion();
    for (int v = from; v < SchemaVersion; ++v) {
        if (!exec(steps.at(v), error))
            return false;
    }
    if (!exec(QStringLiteral("PRAGMA application_id = %1; PRAGMA user_version = %2")
                  .arg(ApplicationId)
                  .arg(SchemaVersion),
              error))
        return false;
    return transaction.commit(error);
}

bool Database::exec(const QString &sql, QString *error)
{
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_exec(m_db, utf8.constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
        setError(error, lastError());
        return false;
    }
    return true;
}

Statement Database::prepare(const QString &sql, QString *error) const
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr) != SQLITE_OK) {
        setError(error, lastError());
        sqlite3_finalize(stmt);
        return {};
    }
    return Statement(m_db, stmt);
}

qint64 Database::queryInt(const QString &sql, bool *ok) const
{
    Statement stmt = prepare(sql);
    if (ok)
        *ok = false;
    if (!stmt.isValid())
        return 0;
    const Statement::Step step = stmt.step();
    if (step == Statement::Step::Error)
        return 0;
    if (ok)
        *ok = true;
    return step == Statement::Step::Row ? stmt.int64(0) : 0;
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

QString Database::lastError() const
{
    return m_db ? sqliteErrorText(m_db, sqlite3_extended_errcode(m_db)) : Tr::tr("no catalog is open");
}

int Database::schemaVersion() const
{
    return int(queryInt(QStringLiteral("PRAGMA user_version")));
}

void Database::setBusyTimeout(int milliseconds)
{
    m_busy->timeoutMs = std::max(0, milliseconds);
}

int Database::busyTimeout() const
{
    return m_busy->timeoutMs;
}

void Database::setBusyNotice(std::function<void()> notice)
{
    m_busy->notice = std::move(notice);
}

qint64 Database::dataVersion() const
{
    return queryInt(QStringLiteral("PRAGMA data_version"));
}

Transaction::Transaction(Database &db, QString *error)
    : m_db(db)
{
    // Inside another transaction this one is a savepoint, so a step that commits on its own
    // (ConfigStore::save) can also be one part of a bigger all-or-nothing change.
    m_nested = m_db.isOpen() && sqlite3_get_autocommit(m_db.handle()) == 0;
    m_active = m_db.exec(m_nested ? QStringLiteral("SAVEPOINT vitrine_nested") : QStringLiteral("BEGIN IMMEDIATE"), error);
}

Transaction::~Transaction()
{
    rollback();
}

bool Transaction::commit(QString *error)
{
    if (!m_active)
        return false;
    if (!m_db.exec(m_nested ? QStringLiteral("RELEASE vitrine_nested") : QStringLiteral("COMMIT"), error)) {
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void Transaction::rollback()
{
    if (m_active) {
        m_db.exec(m_nested ? QStringLiteral("ROLLBACK TO vitrine_nested; RELEASE vitrine_nested")
                           : QStringLiteral("ROLLBACK"));
        m_active = false;
    }
}

ReadTransaction::ReadTransaction(Database &db, QString *error)
    : m_db(db)
{
    m_active = m_db.exec(QStringLiteral("BEGIN"), error);
}

ReadTransaction::~ReadTransaction()
{
    end();
}

void ReadTransaction::end()
{
    if (m_active) {
        m_db.exec(QStringLiteral("COMMIT"));
        m_active = false;
    }
}

} // namespace Vitrine
