// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes `config import` (ConfigBundle::fromText, then importConfig's all-or-nothing write and its
// checks against the catalog) with whole configuration files. The first byte picks how; the rest
// is the file.
//
//   bit 0  --dry-run
//   bit 1  --prune
//
// Every input meets the same small demo catalog (50 people, 40 items, 500 events, the starter
// segments, slots, layouts, banners and campaigns): each import runs inside an outer transaction
// (importConfig's own becomes a savepoint in it) that is rolled back afterwards.
//
// Besides the sanitizers' findings it checks import's promises: a refusal always says why; a
// refused import and any dry run leave the configuration tables, their history and the meta table
// exactly as they were; after an import, the catalog's configuration exports, the export reads
// back, importing it again changes nothing, and every stored definition still makes sense.
#include "../common/rowsdigest.h"
#include "fuzzshop.h"
#include "config/configbundle.h"
#include "config/confighistory.h"
#include "storage/configstore.h"
#include "storage/database.h"
#include "storage/statement.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Vitrine;

namespace {

const char *const ConfigKinds[] = {"segments", "slots", "banners", "layouts", "campaigns"};

/** Every row of the configuration tables, their history and meta, hashed (as tst_configbundle). */
QByteArray configFingerprint(const Database &db)
{
    return Testing::configDigest(db);
}

[[noreturn]] void broken(const char *what, const QString &detail)
{
    std::fprintf(stderr, "fuzz_configimport: %s: %s\n", what, qPrintable(detail));
    std::abort();
}

/** The first stored definition that no longer makes sense in the catalog, as "kind.key: why". */
QString firstInvalidDefinition(Database &db)
{
    ConfigStore store(db);
    for (const char *name : ConfigKinds) {
        const QString kind = QLatin1String(name);
        QString error;
        const QList<ConfigObject> objects = store.list(kind, &error);
        if (!error.isEmpty())
            return kind + QStringLiteral(": ") + error;
        for (const ConfigObject &object : objects) {
            if (!checkConfigDefinition(db, kind, object.key, object.definition, &error))
                return kind + QLatin1Char('.') + object.key + QStringLiteral(": ") + error;
        }
    }
    return {};
}

/** The tiny demo shop (fuzzshop.h), made once; its `config export` is the seed corpus. */
Database &catalog()
{
    static Database db;
    if (db.isOpen())
        return db;
    QString error;
    if (!Fuzzing::openTinyShop(db, &error))
        broken("setup", error);
    // Every later check of "all definitions make sense" assumes the starting point does.
    const QString invalid = firstInvalidDefinition(db);
    if (!invalid.isEmpty())
        broken("setup: the starter configuration does not check", invalid);
    return db;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    ConfigImportOptions options;
    options.dryRun = data[0] & 1;
    options.prune = data[0] & 2;
    const QByteArray text(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));

    Database &db = catalog();
    static const QByteArray pristine = configFingerprint(db);
    const QByteArray before = configFingerprint(db);
    if (before != pristine)
        broken("the catalog was not put back after the previous input", QString());

    QString error;
    const std::optional<ConfigBundle> bundle = ConfigBundle::fromText(text, &error);
    if (!bundle) {
        if (error.isEmpty())
            broken("a file was refused without a reason", QString());
        return 0;
    }
    // What fromText accepted must survive its own writer: toText() is what `config export` writes.
    if (!ConfigBundle::fromText(bundle->toText(), &error))
        broken("a bundle's own text does not read back", error);

    QString sqlError;
    if (!db.exec(QStringLiteral("BEGIN"), &sqlError))
        broken("setup: BEGIN", sqlError);
    const ConfigImportReport report = importConfig(db, *bundle, options);
    (void)report.toJson(); // the CLI prints it with --json

    if (!report.ok) {
        if (report.error.isEmpty())
            broken("an import was refused without a reason", QString());
        if (!report.entries.isEmpty() || report.priorityChanged || report.weightsChanged)
            broken("a refused import reports changes", report.error);
        if (configFingerprint(db) != before)
            broken("a refused import changed the configuration", report.error);
    } else if (options.dryRun) {
        if (configFingerprint(db) != before)
            broken("a dry run changed the configuration", QString());
    }
    if (report.ok) {
        using Change = ConfigImportReport::Change;
        const int listed = report.count(Change::Added) + report.count(Change::Changed) + report.count(Change::Unchanged);
        if (listed != bundle->objectCount())
            broken("the report does not list every object of the file once",
                QStringLiteral("%1 listed, %2 in the file").arg(listed).arg(bundle->objectCount()));
        if (!options.prune && report.count(Change::Removed) > 0)
            broken("an import without --prune removed objects", QString());
    }

    if (report.ok && !options.dryRun) {
        const QString invalid = firstInvalidDefinition(db);
        if (!invalid.isEmpty())
            broken("an import left a definition that does not check", invalid);
        const std::optional<ConfigBundle> exported = ConfigBundle::fromCatalog(db, &error);
        if (!exported)
            broken("the imported configuration does not export", error);
        const std::optional<ConfigBundle> reread = ConfigBundle::fromText(exported->toText(), &error);
        if (!reread)
            broken("the export of the imported configuration does not read back", error);
        const QByteArray imported = configFingerprint(db);
        const ConfigImportReport again = importConfig(db, *reread);
        if (!again.ok)
            broken("importing the export again was refused", again.error);
        if (again.count(ConfigImportReport::Change::Unchanged) != again.entries.size() || again.priorityChanged
            || again.weightsChanged)
            broken("importing the export again changed something",
                QString::fromUtf8(QJsonDocument(again.toJson()).toJson(QJsonDocument::Compact)));
        if (configFingerprint(db) != imported)
            broken("importing the export again wrote to the catalog", QString());
    }

    if (!db.exec(QStringLiteral("ROLLBACK"), &sqlError))
        broken("ROLLBACK", sqlError);
    return 0;
}
