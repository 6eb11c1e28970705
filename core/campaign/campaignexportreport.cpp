// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignexportreport.h"

#include "storage/timestamp.h"

namespace Vitrine {

qint64 CampaignExportReport::skippedTotal() const
{
    qint64 total = 0;
    for (const qint64 count : skipped)
        total += count;
    return total;
}

QJsonObject CampaignExportReport::toJson() const
{
    const auto counts = [](const QMap<QString, qint64> &map) {
        QJsonObject object;
        for (auto it = map.begin(); it != map.end(); ++it)
            object.insert(it.key(), it.value());
        return object;
    };
    QJsonObject json {
        {QStringLiteral("ok"), ok},
        {QStringLiteral("campaign"), campaign},
        {QStringLiteral("format"), format},
        {QStringLiteral("output"), output},
        {QStringLiteral("report"), reportPath},
        {QStringLiteral("details"), detailsPath},
        {QStringLiteral("send_time"), Timestamp::toIso(sendTime)},
        {QStringLiteral("people"), people},
        {QStringLiteral("audience"), audience},
        {QStringLiteral("recipients"), recipients},
        {QStringLiteral("skipped"), skippedTotal()},
        {QStringLiteral("skipped_by_reason"), counts(skipped)},
        {QStringLiteral("empty_blocks"), counts(emptyBlocks)},
        {QStringLiteral("fallback_blocks"), counts(fallbackBlocks)},
        {QStringLiteral("recipients_with_empty_block"), recipientsWithEmptyBlock},
        {QStringLiteral("recipients_with_fallback"), recipientsWithFallback},
        {QStringLiteral("bytes"), bytes},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("threads"), threads},
    };
    if (!error.isEmpty())
        json.insert(QStringLiteral("error"), error);
    if (cancelled)
        json.insert(QStringLiteral("cancelled"), true);
    return json;
}

} // namespace Vitrine
