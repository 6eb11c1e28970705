// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::OutputFile)
};

/** Both names lead to one file (same device and inode): hard links, symbolic links, "./". */
bool sameFile(const QString &a, const QString &b)
{
    struct stat sa
    {
    };
    struct stat sb
    {
    };
    if (::stat(QFile::encodeName(a).constData(), &sa) != 0
        || ::stat(QFile::encodeName(b).constData(), &sb) != 0)
        return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

const QString sideFileSuffixes[]
    = {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")};

} // namespace

OutputFile::OutputFile(QString path)
    : m_path(std::move(path))
{ }

OutputFile::~OutputFile()
{
    cancel();
}

void OutputFile::protectCatalog(const QString &catalogPath)
{
    if (!catalogPath.isEmpty())
        m_protected.push_back({catalogPath, true});
}

void OutputFile::protectFile(const QString &path)
{
    if (!path.isEmpty())
        m_protected.push_back({path, false});
}

QString OutputFile::resolvedPath(const QString &path)
{
    QFileInfo info(path);
    // A dangling symbolic link: the file it names would be created, not the link replaced.
    for (int hops = 0; info.isSymLink() && !info.exists() && hops < 40; ++hops)
        info = QFileInfo(info.symLinkTarget());
    if (info.exists()) {
        // /dev/stdout on a pipe exists but has no canonical name ("pipe:[1234]").
        const QString canonical = info.canonicalFilePath();
        return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
    }
    const QString folder = info.absoluteDir().canonicalPath();
    return folder.isEmpty() ? QDir::cleanPath(info.absoluteFilePath())
                            : QDir(folder).filePath(info.fileName());
}

bool OutputFile::isCatalogFile(const QString &path, const QString &catalogPath)
{
    if (path.isEmpty() || catalogPath.isEmpty())
        return false;
    const QString resolved = resolvedPath(path);
    const QString catalog = resolvedPath(catalogPath);
    for (const QString &suffix : sideFileSuffixes) {
        // By name too: a -wal that does not exist yet would still be replayed into the catalog.
        if (resolved == catalog + suffix || resolved == resolvedPath(catalogPath + suffix)
            || sameFile(path, catalogPath + suffix))
            return true;
    }
    return false;
}

bool OutputFile::isSpecialFile(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    return S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode);
}

bool OutputFile::isStandardOutput() const
{
    return m_dashIsStandardOutput && m_path == QLatin1String("-");
}

QString OutputFile::failure(const QString &why) const
{
    return Tr::tr("%1: cannot write: %2").arg(isStandardOutput() ? Tr::tr("standard output") : m_path, why);
}

bool OutputFile::check(QString *error) const
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_path.isEmpty())
        return fail(Tr::tr("the output needs a file name"));
    if (isStandardOutput())
        return true;
    for (const Protected &file : m_protected) {
        if (file.catalog && isCatalogFile(m_path, file.path)) {
            return fail(sameFile(m_path, file.path) || resolvedPath(m_path) == resolvedPath(file.path)
                    ? Tr::tr("%1: is the catalog; writing there would destroy it, so choose another file")
                          .arg(m_path)
                    : Tr::tr(
                        "%1: belongs to the catalog %2; writing there would damage it, so choose another "
                        "file")
                          .arg(m_path, file.path));
        }
        if (!file.catalog && (sameFile(m_path, file.path) || resolvedPath(m_path) == resolvedPath(file.path)))
            return fail(Tr::tr("%1: is the file being read; choose another file").arg(m_path));
    }
    const QFileInfo info(m_path);
    if (info.isDir())
        return fail(Tr::tr("%1: is a folder; name a file").arg(m_path));
    return true;
}

bool OutputFile::open(QString *error)
{
    cancel();
    if (!check(error))
        return false;
    m_error.clear();
    // Devices, pipes and what lives under /dev and /proc (/dev/stdout, /dev/fd/3) are written in
    // place: a rename over them would replace the device by a file, or miss the shell's redirection.
    const QString absolute = QFileInfo(m_path).absoluteFilePath();
    m_inPlace = isStandardOutput() || isSpecialFile(m_path) || absolute.startsWith(QLatin1String("/dev/"))
        || absolute.startsWith(QLatin1String("/proc/"));
    bool opened = false;
    if (isStandardOutput()) {
        std::fflush(stdout); // what was printed before comes first
        auto file = std::make_unique<QFile>();
        opened = file->open(
            STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle);
        m_file = std::move(file);
    } else if (m_inPlace) {
        // A device or a pipe has no position to append at; a file behind /dev/stdout is appended
        // to, so what a shell's ">>" redirection points at is never truncated.
        auto file = std::make_unique<QFile>(m_path);
        const QIODevice::OpenMode mode
            = isSpecialFile(m_path) ? QIODevice::WriteOnly : QIODevice::WriteOnly | QIODevice::Append;
        opened = file->open(mode | QIODevice::Unbuffered);
        m_file = std::move(file);
    } else {
        auto file = std::make_unique<QSaveFile>(resolvedPath(m_path));
        opened = file->open(QIODevice::WriteOnly);
        m_file = std::move(file);
    }
    if (!opened) {
        if (error)
            *error = failure(m_file->errorString());
        m_file.reset();
        return false;
    }
    return true;
}

bool OutputFile::write(QByteArrayView data)
{
    if (!m_file || !m_error.isEmpty())
        return false;
    if (data.isEmpty())
        return true;
    if (m_file->write(data.data(), data.size()) != data.size()) {
        m_error = m_file->errorString();
        if (m_error.isEmpty())
            m_error = Tr::tr("the data was not all written");
        return false;
    }
    return true;
}

bool OutputFile::commit(QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = failure(why);
        cancel();
        return false;
    };
    if (!m_file)
        return fail(Tr::tr("the file is not open"));
    if (!m_error.isEmpty())
        return fail(m_error);
    if (m_inPlace) {
        auto *file = static_cast<QFile *>(m_file.get());
        const bool flushed = file->flush();
        file->close();
        if (!flushed || file->error() != QFileDevice::NoError)
            return fail(file->errorString());
    } else {
        auto *file = static_cast<QSaveFile *>(m_file.get());
        if (!file->commit())
            return fail(file->errorString());
    }
    m_file.reset();
    return true;
}

void OutputFile::cancel()
{
    if (!m_file)
        return;
    if (m_inPlace)
        m_file->close();
    else
        static_cast<QSaveFile *>(m_file.get())->cancelWriting();
    m_file.reset();
}

} // namespace Vitrine
