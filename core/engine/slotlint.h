// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace Vitrine {

class EngineSession;
struct SlotDefinition;

/** One thing a slot definition probably gets wrong, with where and what to do. */
struct SlotLintWarning
{
    QString code;    ///< "zero-weight", "short", "pin-filtered", "fallback-never", …
    QString where;   ///< the definition's path: "strategies[1].weight", "pins[0]", "diversity"
    QString message; ///< what is wrong, with the figure ("leaves 42% of people short")
    QString advice;  ///< what to do about it
    QJsonObject toJson() const;
};

/**
 * Checks a slot definition (saved or a draft) against the catalog, for the editor's lint and
 * `vitrine-cli slot lint`: weights of zero; filters that leave the slot short for many people
 * and a fallback never or always reached (both over an even sample of people, run through the
 * very pipeline that serves); pins that a filter removes or that name no item; diversity caps
 * the catalog cannot fill; boosts on an attribute no item has; and what the strategies lack to
 * show anything (their models' missing events).
 */
namespace SlotLint {

struct Options
{
    int sample = 200;          ///< people run through the slot (evenly spread; all when fewer)
    double shortShare = 0.10;  ///< warn when more than this share of them get fewer than max_items
};

std::vector<SlotLintWarning> check(const EngineSession &engine, const SlotDefinition &slot, const Options &options = {},
    const Progress &progress = {});

} // namespace SlotLint

} // namespace Vitrine
