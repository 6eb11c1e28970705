// SPDX-License-Identifier: GPL-3.0-or-later
#include "schemaguard.h"

#include "database.h"
#include "schema.h"
#include "sqliteerror.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <sqlite3.h>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SchemaGuard)
};

/** One row of sqlite_schema. */
struct SchemaObject
{
    QString type;
    QString name;
    QString table;
    QString sql;
};

using SchemaObjects = QList<SchemaObject>;

/** The main schema's objects in the order SQLite stores them; false with the error if unreadable. */
bool readSchema(sqlite3 *db, SchemaObjects *objects, QString *error)
{
    sqlite3_stmt *stmt = nullptr;
    const char *sql = "SELECT type, name, tbl_name, sql FROM main.sqlite_schema ORDER BY rowid";
    int result = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (result == SQLITE_OK) {
        const auto text = [stmt](int column) {
            const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(stmt, column));
            return data ? QString::fromUtf8(data, sqlite3_column_bytes(stmt, column)) : QString();
        };
        while ((result = sqlite3_step(stmt)) == SQLITE_ROW)
            objects->append({text(0), text(1), text(2), text(3)});
    }
    if (result != SQLITE_DONE) {
        if (error)
            *error = sqliteErrorText(db, sqlite3_extended_errcode(db));
        sqlite3_finalize(stmt);
        return false;
    }
    sqlite3_finalize(stmt);
    return true;
}

/** What migrations 0..v create, for every v up to Database::SchemaVersion. */
const QList<SchemaObjects> &expectedSchemas()
{
    static const QList<SchemaObjects> schemas = [] {
        QList<SchemaObjects> result;
        sqlite3 *db = nullptr;
        if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr)
            != SQLITE_OK)
            qFatal("SchemaGuard: cannot open an in-memory database");
        const QStringList &steps = Schema::migrations();
        for (int version = 0; version <= Database::SchemaVersion; ++version) {
            if (version > 0) {
                char *message = nullptr;
                if (sqlite3_exec(db, steps.at(version - 1).toUtf8().constData(), nullptr, nullptr, &message)
                    != SQLITE_OK)
                    qFatal("SchemaGuard: migration %d does not run: %s", version - 1, message);
            }
            SchemaObjects objects;
            QString error;
            if (!readSchema(db, &objects, &error))
                qFatal("SchemaGuard: cannot read the in-memory schema: %s", qPrintable(error));
            result.append(objects);
        }
        sqlite3_close(db);
        return result;
    }();
    return schemas;
}

bool createsType(const QString &type)
{
    for (const SchemaObjects &objects : expectedSchemas()) {
        for (const SchemaObject &object : objects) {
            if (object.type == type)
                return true;
        }
    }
    return false;
}

SchemaGuard::Result changed(QString *problem, const QString &message)
{
    if (problem)
        *problem = message;
    return SchemaGuard::Result::Changed;
}

} // namespace

SchemaGuard::Result SchemaGuard::check(sqlite3 *db, int version, QString *problem)
{
    if (version < 0 || version > Database::SchemaVersion)
        return changed(problem, Tr::tr("schema version %1 is not one Vitrine wrote").arg(version));
    SchemaObjects actual;
    if (!readSchema(db, &actual, problem))
        return Result::Unreadable;

    QHash<QString, const SchemaObject *> expected;
    for (const SchemaObject &object : expectedSchemas().at(version))
        expected.insert(object.name, &object);

    for (const SchemaObject &object : std::as_const(actual)) {
        const SchemaObject *wanted = expected.take(object.name);
        if (!wanted) {
            // ANALYZE's statistics: rows the query planner reads, never run.
            if (object.type == QLatin1String("table") && object.name.startsWith(QLatin1String("sqlite_stat")))
                continue;
            return changed(problem, Tr::tr("%1 '%2' is not Vitrine's").arg(object.type, object.name));
        }
        if (object.type != wanted->type)
            return changed(problem,
                Tr::tr("'%1' is a %2, not Vitrine's %3").arg(object.name, object.type, wanted->type));
        if (object.table != wanted->table || object.sql != wanted->sql)
            return changed(problem, Tr::tr("%1 '%2' was altered").arg(object.type, object.name));
    }
    if (!expected.isEmpty()) {
        // The first missing object in Vitrine's own order, so the message does not vary.
        for (const SchemaObject &object : expectedSchemas().at(version)) {
            if (expected.contains(object.name))
                return changed(problem, Tr::tr("%1 '%2' is missing").arg(object.type, object.name));
        }
    }
    return Result::Matches;
}

bool SchemaGuard::createsTriggers()
{
    return createsType(QStringLiteral("trigger"));
}

bool SchemaGuard::createsViews()
{
    return createsType(QStringLiteral("view"));
}

} // namespace Vitrine
