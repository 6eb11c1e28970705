// SPDX-License-Identifier: GPL-3.0-or-later
#include "popularitymodel.h"

#include "engine/strategy.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace Vitrine {

QString PopularityModel::Spec::key() const
{
    return QStringLiteral("popularity:types=%1:from=%2:to=%3:weighted=%4:quantity=%5")
        .arg(typeMask)
        .arg(fromDays)
        .arg(toDays)
        .arg(int(weighted))
        .arg(int(quantity));
}

std::shared_ptr<const PopularityModel> PopularityModel::fetch(
    const StrategyContext &context, const Spec &spec)
{
    return context.models->get<PopularityModel>(
        spec.key(), [&] { return train(*context.snapshot, spec, context.progress); });
}

std::shared_ptr<PopularityModel> PopularityModel::train(
    const Snapshot &snapshot, const Spec &spec, const Progress &progress)
{
    auto model = std::make_shared<PopularityModel>();
    model->m_spec = spec;
    const qint64 asOf = snapshot.asOf();
    const qint32 end = snapshot.toRelative(asOf - qint64(std::llround(spec.fromDays * 86400)));
    const qint32 begin = spec.toDays > 0
        ? snapshot.toRelative(asOf - qint64(std::llround(spec.toDays * 86400)))
        : std::numeric_limits<qint32>::min();
    std::vector<double> sums(size_t(snapshot.itemCount()), 0.0);
    const QString stage = QCoreApplication::translate("Vitrine::PopularityModel", "Counting events");
    for (int user = 0; user < snapshot.userCount(); ++user) {
        if ((user & 0xFFF) == 0) {
            progress.report(stage, user, snapshot.userCount());
            if (progress.isCancelled())
                return nullptr;
        }
        for (const Snapshot::Event &event : snapshot.userEvents(user)) {
            if (event.time <= begin || event.time > end || !(spec.typeMask & (1u << event.type)))
                continue;
            double weight = spec.quantity ? double(event.quantity) : 1.0;
            if (spec.weighted)
                weight *= snapshot.weights().weights[event.type];
            sums[size_t(event.item)] += weight;
        }
    }
    model->m_counts.assign(sums.begin(), sums.end());
    for (float count : model->m_counts)
        model->m_maximum = std::max(model->m_maximum, count);
    model->m_priors.assign(model->m_counts.size(), 0.0f);
    if (model->m_maximum > 0) {
        const float scale = 1.0f / std::log1p(model->m_maximum);
        for (size_t i = 0; i < model->m_counts.size(); ++i)
            model->m_priors[i] = std::log1p(model->m_counts[i]) * scale;
    }
    return model;
}

} // namespace Vitrine
