// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigndefinition.h"
#include "campaignexportreport.h"
#include "common/progress.h"

#include <QString>

#include <optional>

namespace Vitrine {

class Database;
class PageResolver;

struct CampaignExportOptions
{
    /** A folder to create (one .eml per recipient) or a FILE.jsonl (one JSON object per line). */
    QString output;
    /** The send time; none: now. Events up to it should be what the resolver's snapshot holds. */
    std::optional<qint64> sendTime;
    int threads = 0; ///< 0: one per core
    int chunkSize = 512; ///< people read, rendered and written at a time
};

/**
 * Renders a campaign for its whole audience: the segment's members (everybody without one), in
 * id order, skipping — and counting, with the reason — those without e-mail consent or a usable
 * address. People are streamed from the catalog a chunk at a time and rendered on several
 * threads (one EmailRenderer each; the PageResolver is shared), then written in order, so the
 * output is the same whatever the thread count and memory does not grow with the audience.
 *
 * A folder is built as "DIR.partial", marked with the building process's id, and renamed when
 * complete; an existing DIR.partial is cleared only when its mark names a process that is gone
 * (a killed export), and refused otherwise (the user's folder, or another export's). A .jsonl
 * file and the reports are written through OutputFile. A killed or cancelled export therefore
 * leaves nothing that looks complete. Next to the output: the report (DIR/report.json, or
 * FILE.report.json) and the per-person details (report.csv: person, status, reason) of skipped
 * recipients and those whose recommendation block was empty or filled by a fallback.
 */
class CampaignExporter
{
public:
    CampaignExporter(const PageResolver &resolver, const Database &db, const CampaignDefinition &campaign);

    CampaignExportReport run(const CampaignExportOptions &options, const Progress &progress = {});

private:
    const PageResolver &m_resolver;
    const Database &m_db;
    CampaignDefinition m_campaign;
};

} // namespace Vitrine
