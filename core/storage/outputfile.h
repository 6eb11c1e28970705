// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

#include <memory>
#include <vector>

class QFileDevice;

namespace Vitrine {

/**
 * A file written at a name the user gave: an export, a rejects file, a rendered page, a
 * configuration. Every such output goes through this class, so none of them can destroy what
 * its name points at:
 * - the open catalog and its side files (-wal, -shm, -journal), and any other file the caller
 *   protects (such as the file being imported), are refused, whatever the spelling: "./", a
 *   symbolic or a hard link (compared by device and inode);
 * - a regular file (or a new one) is written beside its final name and renamed over it when
 *   complete (QSaveFile), so it is either the whole new content or untouched; a symbolic link is
 *   followed, so the file it names is replaced and the link stays;
 * - a character device, a pipe or a socket (/dev/null, /dev/stdout, a FIFO), and "-" when the
 *   caller allows it for standard output, are written in place: never replaced by a file;
 * - every write, flush and close error is reported ("/dev/full: No space left on device").
 */
class OutputFile
{
public:
    explicit OutputFile(QString path);
    ~OutputFile(); ///< an output not committed is discarded (a regular file stays untouched)
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    /** "-" writes to standard output (off by default: "-" is then a file name). */
    void setDashIsStandardOutput(bool dash) { m_dashIsStandardOutput = dash; }
    /** Refuses the catalog at `catalogPath` and its side files as the output. */
    void protectCatalog(const QString &catalogPath);
    /** Refuses `path` itself as the output, e.g. the file being read. */
    void protectFile(const QString &path);

    /** Whether the output may be written (see the class comment), without writing anything. */
    bool check(QString *error) const;
    bool open(QString *error);
    /** Writes; after the first error nothing more is written and commit() reports it. */
    bool write(QByteArrayView data);
    /** Makes the output final: flushes and closes it, or renames the new file into place. */
    bool commit(QString *error);
    /** Drops what was written; a regular file keeps its old content. */
    void cancel();

    const QString &path() const { return m_path; }
    /** The output is a device, a pipe or standard output, written in place. */
    bool isInPlace() const { return m_inPlace; }

    /** Whether `path` is the catalog at `catalogPath` or one of its side files. */
    static bool isCatalogFile(const QString &path, const QString &catalogPath);
    /** Whether `path` exists and is not a regular file or a folder (a device, a pipe, a socket). */
    static bool isSpecialFile(const QString &path);
    /** The file a path names once symbolic links are followed (absolute; it need not exist). */
    static QString resolvedPath(const QString &path);

private:
    struct Protected
    {
        QString path;
        bool catalog;
    };
    bool isStandardOutput() const;
    QString failure(const QString &why) const;

    QString m_path;
    bool m_dashIsStandardOutput = false;
    std::vector<Protected> m_protected;
    std::unique_ptr<QFileDevice> m_file;
    bool m_inPlace = false;
    QString m_error; ///< the first write error
};

} // namespace Vitrine
