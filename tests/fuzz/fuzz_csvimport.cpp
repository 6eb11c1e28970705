// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the importer (libcsv reader, JSON record reader, field parsers, the all-or-nothing write)
// with whole files. The first byte picks what is imported and how; the rest is the file.
//
//   bits 0-1  0 items, 1 users, 2 events (3 is events too)
//   bit  2    --skip-bad
//   bit  3    --create-missing
//   bit  4    a .json file instead of .csv
//   bit  5    --dry-run
//   bit  6    --map FIRST=FIELD: the file's first header column mapped to one of the kind's
//             fields (which one: the second byte), as `--map` on the command line does
//   bit  7    also --map extra=nosuchfield, which must never succeed
//
// Besides the sanitizers' findings it checks the importer's promise: a run that fails, and any
// dry run, leaves the catalog exactly as it was.
#include "../common/rowsdigest.h"
#include "storage/database.h"
#include "storage/importer.h"
#include "storage/importfields.h"
#include "storage/statement.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Vitrine;

namespace {

/** Every row of the catalog's data tables, hashed. */
QByteArray fingerprint(const Database &db)
{
    return Testing::dataDigest(db);
}

[[noreturn]] void broken(const char *what, const QString &detail)
{
    std::fprintf(stderr, "fuzz_csvimport: %s: %s\n", what, qPrintable(detail));
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static QTemporaryDir folder;
    if (!folder.isValid())
        broken("setup", QStringLiteral("no temporary folder"));

    const uint8_t mode = data[0];
    ImportOptions options;
    options.kind = (mode & 3) == 0 ? ImportKind::Items
        : (mode & 3) == 1          ? ImportKind::Users
                                   : ImportKind::Events;
    options.skipBad = mode & 4;
    options.createMissing = mode & 8;
    options.dryRun = mode & 32;
    options.path = folder.filePath((mode & 16) ? QStringLiteral("input.json") : QStringLiteral("input.csv"));
    options.rejectsPath = folder.filePath(QStringLiteral("rejected.csv"));
    {
        QFile file(options.path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            broken("setup", file.errorString());
        file.write(reinterpret_cast<const char *>(data) + 1, qint64(size - 1));
    }

    const QByteArray content(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    if (mode & 64) {
        const QStringList fields = ImportFields::fieldNames(options.kind);
        const QByteArray header = content.left(content.indexOf('\n')).split(',').value(0).trimmed();
        const int pick = size > 1 ? data[1] : 0;
        options.columnMap.insert(QString::fromUtf8(header), fields.at(pick % fields.size()));
    }
    const bool unknownField = mode & 128;
    if (unknownField)
        options.columnMap.insert(QStringLiteral("extra"), QStringLiteral("nosuchfield"));

    // One catalog for the whole run, put back to the same two people and two items before each
    // input (a fresh catalog per input would spend most of the time creating tables).
    static Database db;
    static QByteArray pristine;
    QString error;
    if (!db.isOpen() && !db.open(QStringLiteral(":memory:"), Database::OpenMode::Create, &error))
        broken("setup", error);
    if (!db.exec(QStringLiteral(
                     "BEGIN; DELETE FROM events; DELETE FROM users; DELETE FROM items;"
                     "INSERT INTO users (id, external_id, name) VALUES (1, 'U1', 'Ada'), (2, 'U2', 'Bo');"
                     "INSERT INTO items (id, sku, title, price) VALUES (1, 'SKU1', 'Cap', 10), (2, 'SKU2', "
                     "'Mug', 5.5);"
                     "COMMIT;"),
            &error))
        broken("setup", error);
    const QByteArray before = fingerprint(db);
    if (pristine.isEmpty())
        pristine = before;
    if (before != pristine)
        broken("the catalog could not be put back", QString());

    const ImportReport report = Importer().run(db, options);

    if (!report.ok && report.error.isEmpty())
        broken("a failed import gave no reason", options.path);
    if ((!report.ok || options.dryRun) && fingerprint(db) != before)
        broken("a failed or dry-run import changed the catalog", report.error);
    if (unknownField && report.ok)
        broken("a map to an unknown field was not refused", report.error);
    if (report.ok && !options.skipBad && report.problemCount > 0)
        broken("an import with problems succeeded without --skip-bad", report.error);
    if (report.problems.size() > options.maxProblems)
        broken("more problems listed than asked for", QString::number(report.problems.size()));
    // The report must serialise (the CLI prints it with --json).
    (void)report.toJson();

    QFile::remove(options.rejectsPath);
    return 0;
}
