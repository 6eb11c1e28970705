// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>
#include <memory>

struct sqlite3;

namespace Vitrine {

class Statement;

/**
 * An open Vitrine catalog: one SQLite file in WAL mode with foreign keys on.
 *
 * Opening runs the migrations needed to bring an older file up to date and refuses a file
 * written by a newer build, or a SQLite file that is not a Vitrine catalog. Every method reports
 * failure as a value; nothing here prints or shows a dialog.
 */
class Database
{
public:
    enum class OpenMode {
        ReadWrite, ///< open an existing catalog, migrating it if it is older
        ReadOnly,  ///< open an existing catalog for reading; an older schema is refused
        Create,    ///< open or create a catalog, migrating it if it is older
    };

    /** The schema this build writes. A file with a higher version is refused. */
    static constexpr int SchemaVersion = 1;
    /** PRAGMA application_id of a Vitrine catalog ("VTRN"). */
    static constexpr int ApplicationId = 0x5654524E;

    Database();
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool open(const QString &path, OpenMode mode, QString *error);
    void close();

    bool isOpen() const { return m_db != nullptr; }
    sqlite3 *handle() const { return m_db; }
    QString path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }

    /** Runs one or more statements that return no rows. */
    bool exec(const QString &sql, QString *error = nullptr);
    Statement prepare(const QString &sql, QString *error = nullptr) const;

    /** Runs a query returning a single integer (0 when it returns no row). */
    qint64 queryInt(const QString &sql, bool *ok = nullptr) const;

    qint64 lastInsertRowId() const;
    int changes() const;
    QString lastError() const;

    /** The schema version stored in the file (PRAGMA user_version). */
    int schemaVersion() const;

    /**
     * A number that changes whenever another connection commits a change to the file
     * (PRAGMA data_version), so a long-running program can notice it must refresh.
     */
    qint64 dataVersion() const;

    /**
     * The catalog used when none is named: $VITRINE_DB if set, else demo.vitrine in the user's
     * data folder (~/.local/share/vitrine/demo.vitrine on Linux).
     */
    static QString defaultPath();

    /** Milliseconds a statement waits for a lock held by another program before failing. */
    static constexpr int BusyTimeoutMs = 10000;

    /**
     * How long a statement waits for another program's lock before failing with "database is
     * locked" (BusyTimeoutMs unless changed). A command-line writer can afford to wait for a long
     * import to finish; a window should not freeze that long. Applies to this connection, now and
     * after the next open().
     */
    void setBusyTimeout(int milliseconds);
    int busyTimeout() const;
    /**
     * Called (on the waiting thread) once per wait when a statement has waited a second for
     * another program's lock, so the caller can say why nothing seems to happen.
     */
    void setBusyNotice(std::function<void()> notice);

private:
    bool migrate(QString *error);
    struct BusyWait;

    std::unique_ptr<BusyWait> m_busy; ///< stable address for SQLite's busy handler across moves
    sqlite3 *m_db = nullptr;
    QString m_path;
    bool m_readOnly = false;
};

/**
 * A write transaction, rolled back on destruction unless commit() succeeded.
 * BEGIN IMMEDIATE takes the write lock up front, so a second writer waits (busy timeout)
 * instead of failing half-way. Inside another transaction it is a savepoint: committing it keeps
 * its changes in the outer transaction, rolling it back undoes only its own.
 */
class Transaction
{
public:
    explicit Transaction(Database &db, QString *error = nullptr);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit(QString *error = nullptr);
    void rollback();

private:
    Database &m_db;
    bool m_active = false;
    bool m_nested = false;
};

/**
 * A read transaction (BEGIN ... COMMIT): everything read inside it comes from one moment, even
 * while another program writes. It ends on end() or destruction. Like BEGIN, it fails inside
 * another transaction.
 */
class ReadTransaction
{
public:
    explicit ReadTransaction(Database &db, QString *error = nullptr);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction &) = delete;
    ReadTransaction &operator=(const ReadTransaction &) = delete;

    bool isActive() const { return m_active; }
    void end();

private:
    Database &m_db;
    bool m_active = false;
};

} // namespace Vitrine
