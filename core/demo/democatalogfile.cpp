// SPDX-License-Identifier: GPL-3.0-or-later
#include "democatalogfile.h"

#include "audience/startersegments.h"
#include "engine/starterslots.h"
#include "layout/startercontent.h"
#include "storage/database.h"
#include "storage/outputfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <cerrno>
#include <cstdio>
#include <functional>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::DemoCatalogFile)
};

void removeCatalogFiles(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

DemoResult failed(const QString &error)
{
    DemoResult result;
    result.error = error;
    return result;
}

/** Fills a new catalog: the generator, then its starter definitions. */
using Fill = std::function<DemoResult(Database &db)>;

DemoResult buildCatalogFile(const QString &path, bool replace, const Fill &fill)
{
    // Through a symbolic link the catalog it names is replaced and the link stays.
    const QString target = OutputFile::resolvedPath(path);
    if (OutputFile::isSpecialFile(target) || QFileInfo(target).isDir())
        return failed(Tr::tr("%1: is not a catalog file (a folder, a device or a pipe); name a file").arg(path));
    if (QFileInfo::exists(target) && !replace)
        return failed(Tr::tr("%1 already exists; replace it or choose another name").arg(path));
    const QString folder = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(folder))
        return failed(Tr::tr("%1: cannot create the folder").arg(folder));

    // Whatever goes wrong, the half-built file is removed.
    const QString temporary = target + QStringLiteral(".building");
    removeCatalogFiles(temporary);
    auto removeTemporary = qScopeGuard([&temporary] { removeCatalogFiles(temporary); });
    DemoResult result;
    {
        Database db;
        QString error;
        if (!db.open(temporary, Database::OpenMode::Create, &error))
            return failed(error);
        result = fill(db);
    }
    if (!result.ok)
        return result;
    // A stale write-ahead log of the replaced catalog would be replayed over the new one. The
    // rename replaces the old catalog in one step: until it, the old one is intact.
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(target + suffix);
    if (std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(target).constData()) != 0)
        return failed(Tr::tr("%1: cannot move the new catalog into place: %2").arg(path, qt_error_string(errno)));
    removeTemporary.dismiss();
    return result;
}

} // namespace

DemoResult createDemoCatalogFile(const QString &path, const DemoOptions &options, bool replace, const Progress &progress)
{
    return buildCatalogFile(path, replace, [&](Database &db) {
        DemoResult result = DemoGenerator(options).generate(db, progress);
        QString error;
        if (result.ok && (!StarterSegments::install(db, &error) || !installStarterContent(db, &error)))
            result = failed(error);
        return result;
    });
}

DemoResult createTravelCatalogFile(
    const QString &path, const TravelDemoOptions &options, bool replace, const Progress &progress)
{
    return buildCatalogFile(path, replace, [&](Database &db) {
        DemoResult result = TravelDemo::generate(db, options, progress);
        QString error;
        if (result.ok && !StarterSlots::install(db, &error))
            result = failed(error);
        return result;
    });
}

} // namespace Vitrine
