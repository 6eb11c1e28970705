// SPDX-License-Identifier: GPL-3.0-or-later
#include "democatalogfile.h"

#include "audience/startersegments.h"
#include "layout/startercontent.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Vitrine {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Vitrine::DemoCatalogFile", text);
}

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

} // namespace

DemoResult createDemoCatalogFile(const QString &path, const DemoOptions &options, bool replace, const Progress &progress)
{
    const QFileInfo link(path);
    // Through a symbolic link, the catalog is the file it points to.
    const QString target = link.isSymLink() ? link.symLinkTarget() : link.absoluteFilePath();
    if (QFileInfo::exists(target) && !replace)
        return failed(tr("%1 already exists; replace it or choose another name").arg(path));
    if (QFileInfo(target).isDir())
        return failed(tr("%1 is a folder").arg(path));
    if (!QDir().mkpath(QFileInfo(target).absolutePath()))
        return failed(tr("%1: cannot create the folder").arg(QFileInfo(target).absolutePath()));

    const QString temporary = target + QStringLiteral(".building");
    removeCatalogFiles(temporary);
    DemoResult result;
    {
        Database db;
        QString error;
        if (!db.open(temporary, Database::OpenMode::Create, &error)) {
            removeCatalogFiles(temporary);
            return failed(error);
        }
        result = DemoGenerator(options).generate(db, progress);
        if (result.ok && (!StarterSegments::install(db, &error) || !installStarterContent(db, &error)))
            result = failed(error);
    }
    if (!result.ok) {
        removeCatalogFiles(temporary);
        return result;
    }
    removeCatalogFiles(target);
    if (!QFile::rename(temporary, target)) {
        removeCatalogFiles(temporary);
        return failed(tr("%1: cannot move the new catalog into place").arg(path));
    }
    return result;
}

} // namespace Vitrine
