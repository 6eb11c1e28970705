// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "strategy.h"
#include "strategies/strategyparams.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <vector>

namespace Vitrine {

/** A strategy name as slots and the command line use it, with what it does. */
struct StrategyInfo
{
    QString name;
    QString description;
    bool personal = false;
};

/** Every strategy Vitrine has, in the order the documentation lists them. */
const std::vector<StrategyInfo> &strategyInfos();

/**
 * Builds the strategy called `name` for a snapshot, checking its params; nullptr and a message
 * naming the problem ("unknown strategy 'bestseller' (strategies: ...)") on failure.
 */
std::unique_ptr<Strategy> createStrategy(const QString &name, const StrategyContext &context,
                                         const QJsonObject &params, QString *error);

/**
 * Whether a strategy accepts these parameters (their names, types and ranges) without loading
 * the catalog: the strategy is built on an empty snapshot, where training costs nothing. The
 * message is the one building it for real would give ("bestsellers: unknown parameter 'windw'
 * (parameters: window_days, event)").
 */
bool checkStrategyParams(const QString &name, const QJsonObject &params, QString *error);

/**
 * The parameters strategy `name` accepts, in the order it reads them, each with its kind, default
 * and range: taken from the reader that checks them (StrategyParams::Recorder), so an editor's
 * form can never offer what the check refuses. Empty for an unknown name.
 */
std::vector<StrategyParamSpec> strategyParamSpecs(const QString &name);

} // namespace Vitrine
