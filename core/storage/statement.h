// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

struct sqlite3_stmt;
struct sqlite3;

namespace Vitrine {

/**
 * A prepared SQLite statement (RAII over sqlite3_stmt). Parameters are 1-based like SQLite's,
 * columns 0-based. Move-only.
 */
class Statement
{
public:
    enum class Step { Row, Done, Error };

    Statement() = default;
    Statement(sqlite3 *db, sqlite3_stmt *stmt);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }

    void bind(int index, qint64 value);
    void bind(int index, int value) { bind(index, qint64(value)); }
    void bind(int index, double value);
    void bind(int index, const QString &value);
    void bind(int index, const QByteArray &utf8);
    /** Binds UTF-8 text; an empty view binds the empty string, never NULL. */
    void bindText(int index, QByteArrayView utf8);
    /** Binds text that must stay alive until the next step or reset (no copy). */
    void bindStatic(int index, const char *utf8, int size);
    void bindBlob(int index, const QByteArray &data);
    void bindNull(int index);
    /** Binds a QVariant: null, integer, double, string or byte array. */
    void bindVariant(int index, const QVariant &value);

    Step step();
    /** Steps a statement that returns no rows; false and the message on failure. */
    bool run(QString *error = nullptr);
    void reset();

    int columnCount() const;
    bool isNull(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    QVariant value(int column) const;
    QString columnName(int column) const;

    /**
     * Why the last step() failed, in a user's words (see sqliteErrorText), kept from the moment
     * it failed: SQLite's own message is gone after the next call on the connection succeeds.
     */
    QString errorMessage() const;
    /** SQLite's extended result code of the last failed step(); 0 after reset() or none. */
    int errorCode() const { return m_errorCode; }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    int m_errorCode = 0;
    QString m_error;
};

} // namespace Vitrine
