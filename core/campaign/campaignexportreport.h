// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace Vitrine {

/**
 * What an export did: how many e-mails it wrote, whom it skipped and why, and which recipients
 * got an empty recommendation block or one filled by a fallback. The per-person details are in
 * the CSV file detailsPath names (person, status, reason), written as the export goes so memory
 * stays flat.
 */
struct CampaignExportReport
{
    bool ok = false;
    bool cancelled = false;
    QString error;
    QString campaign;
    QString format; ///< "eml" (a folder) or "jsonl"
    QString output;
    QString reportPath;
    QString detailsPath;
    qint64 sendTime = 0;
    qint64 people = 0; ///< people in the catalog
    qint64 audience = 0; ///< members of the campaign's segment (everybody without one)
    qint64 recipients = 0; ///< e-mails written
    QMap<QString, qint64> skipped; ///< reason ("no_consent", "no_email", "invalid_email", "error") → people
    QMap<QString, qint64> emptyBlocks; ///< block id → recipients whose block was empty
    QMap<QString, qint64> fallbackBlocks; ///< block id → recipients whose block a fallback filled
    qint64 recipientsWithEmptyBlock = 0;
    qint64 recipientsWithFallback = 0;
    qint64 bytes = 0;
    double seconds = 0;
    int threads = 1;

    qint64 skippedTotal() const;
    QJsonObject toJson() const;
};

} // namespace Vitrine
