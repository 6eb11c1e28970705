// SPDX-License-Identifier: GPL-3.0-or-later
#include "demographicstrategy.h"

#include "strategyparams.h"

#include <QCoreApplication>

#include <algorithm>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::DemographicStrategy)
};

} // namespace

std::unique_ptr<Strategy> DemographicStrategy::create(
    const StrategyContext &context, const QJsonObject &params, QString *error)
{
    const QString name = QStringLiteral("demographic");
    StrategyParams reader(name, params,
        {QStringLiteral("match"), QStringLiteral("window_days"), QStringLiteral("age_band"),
            QStringLiteral("min_people")});
    DemographicModel::Settings settings;
    const QStringList match = reader.textList(QStringLiteral("match"),
        {QStringLiteral("gender"), QStringLiteral("country")}, DemographicModel::fieldNames());
    settings.windowDays = reader.number(QStringLiteral("window_days"), 90, 1, 36500);
    settings.ageBandYears = reader.integer(QStringLiteral("age_band"), 10, 1, 100);
    settings.minPeople = reader.integer(QStringLiteral("min_people"), 10, 1, 1000000);
    if (!reader.check(error))
        return nullptr;
    settings.fields.clear();
    for (const QString &field : match)
        settings.fields.push_back(*DemographicModel::fieldFromName(field));

    auto model = DemographicModel::fetch(context, settings);
    if (!model) {
        if (error)
            *error = StrategyParams::cancelled(name);
        return nullptr;
    }
    std::unique_ptr<DemographicStrategy> strategy(new DemographicStrategy);
    strategy->m_snapshot = context.snapshot;
    strategy->m_model = std::move(model);
    return strategy;
}

QString DemographicStrategy::name() const
{
    return QStringLiteral("demographic");
}

std::vector<ScoredItem> DemographicStrategy::candidates(const RecommendRequest &request, int n) const
{
    const auto &top = m_model->groupOf(request.user).top;
    const size_t count = std::min(top.size(), size_t(std::max(n, 0)));
    return {top.begin(), top.begin() + qsizetype(count)};
}

QString DemographicStrategy::explain(const RecommendRequest &request, int item) const
{
    const DemographicModel::Group &group = m_model->groupOf(request.user);
    const bool found = std::any_of(
        group.top.begin(), group.top.end(), [item](const ScoredItem &entry) { return entry.item == item; });
    return found ? describe(group) : QString();
}

QString DemographicStrategy::describe(const DemographicModel::Group &group) const
{
    const auto &fields = m_model->settings().fields;
    QString who;
    QString age;
    QString place;
    QString city;
    for (size_t f = 0; f < fields.size(); ++f) {
        const int value = group.values[f];
        if (value < 0)
            continue;
        switch (fields[f]) {
        case DemographicModel::Field::Gender:
            who = value == 0 ? Tr::tr("women") : value == 1 ? Tr::tr("men") : Tr::tr("non-binary people");
            break;
        case DemographicModel::Field::Country:
            place = m_snapshot->countryName(value);
            break;
        case DemographicModel::Field::City:
            city = m_snapshot->cityName(value);
            break;
        case DemographicModel::Field::AgeBand: {
            const int width = m_model->settings().ageBandYears;
            age = width == 1 ? Tr::tr("aged %1").arg(value)
                             : Tr::tr("aged %1–%2").arg(value * width).arg(value * width + width - 1);
            break;
        }
        }
    }
    if (!city.isEmpty())
        place = place.isEmpty() ? city : Tr::tr("%1, %2").arg(city, place);
    if (age.isEmpty() && place.isEmpty() && who.isEmpty())
        return Tr::tr("popular overall");
    QString phrase = who.isEmpty() ? Tr::tr("people") : who;
    if (!age.isEmpty())
        phrase = Tr::tr("%1 %2").arg(phrase, age);
    if (!place.isEmpty())
        phrase = Tr::tr("%1 in %2").arg(phrase, place);
    return Tr::tr("popular with %1").arg(phrase);
}

} // namespace Vitrine
