// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audience/personset.h"
#include "audience/segmentlibrary.h"
#include "audience/segmentrule.h"
#include "session/enginesession.h"

#include <QString>

#include <memory>

namespace Vitrine {

class AudienceCache;

/**
 * One evaluation of the segment being edited, as the audience workspace's count job made it:
 * the engine and audience it used, the library of segments with the unsaved drafts in place,
 * the rule (possibly a draft) and its members. The members table, the explanations and the
 * export all read this one result, so they agree with the count shown.
 */
struct SegmentEvaluation
{
    EngineSessionPtr engine;
    std::shared_ptr<AudienceCache> audience;
    std::shared_ptr<const SegmentLibrary> library;
    QString name; ///< the segment's name (empty for a rule of its own)
    SegmentRule rule;
    std::shared_ptr<const PersonSet> members;
};

using SegmentEvaluationPtr = std::shared_ptr<const SegmentEvaluation>;

} // namespace Vitrine
