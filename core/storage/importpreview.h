// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

namespace Vitrine {

/**
 * The first rows of a file to import, read as the importer reads it (CSV, or a JSON array of
 * objects), for a person to look at before importing: the header, a few records and where
 * each one starts, so a problem the importer reports on line N can be shown.
 */
struct ImportPreview
{
    QString path;
    QString error; ///< why the file cannot be read; empty when it can
    QStringList header; ///< the column names, trimmed as the importer trims them
    QList<QStringList> rows; ///< the first records after the header
    QList<qint64> lines; ///< where each row starts: its line (CSV) or record number (JSON)
    bool hasMoreRows = false;

    bool isValid() const { return error.isEmpty(); }

    /** Reads the header and up to @p maxRows records of @p path; error says why it cannot. */
    static ImportPreview read(const QString &path, int maxRows = 50);

    /**
     * The record that starts at @p line (as ImportProblem::line names it) and the header, for
     * showing the row a problem is on. Reads the file from the start, stopping early when
     * @p cancelled is set. False and why when there is no such record.
     */
    static bool readRecordAt(const QString &path, qint64 line, QStringList *header, QStringList *record,
        QString *error, const std::atomic_bool *cancelled = nullptr);
};

} // namespace Vitrine
