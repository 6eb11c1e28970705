// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventweights.h"

#include "storage/metastore.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cmath>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::EventWeights)
};

std::optional<EventWeights> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

} // namespace

QJsonObject EventWeights::toJson() const
{
    QJsonObject json;
    for (int i = 0; i < EventTypeCount; ++i)
        json.insert(eventTypeName(EventType(i)), double(weights[size_t(i)]));
    json.insert(QStringLiteral("half_life_days"), halfLifeDays);
    return json;
}

std::optional<EventWeights> EventWeights::fromJson(const QJsonObject &json, QString *error)
{
    EventWeights result;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const double value = it.value().toDouble();
        const bool halfLife = it.key() == QLatin1String("half_life_days");
        // QJSON has no infinity or NaN, but an overflowing literal (1e999) may still read as one.
        if (!it.value().isDouble() || !std::isfinite(value) || value < 0) {
            if (halfLife)
                return fail(
                    error, Tr::tr("'half_life_days' must be a number of at least 0 (0: events never fade)"));
            return fail(error, Tr::tr("event weight '%1' must be a number of at least 0").arg(it.key()));
        }
        if (halfLife) {
            if (value != 0 && value < MinHalfLifeDays)
                return fail(error,
                    Tr::tr("half_life_days: %1 is too short; it must be 0 (events never fade) or at "
                           "least %2 (one hour)")
                        .arg(value, 0, 'g', 10)
                        .arg(MinHalfLifeDays, 0, 'g', 3));
            if (value > MaxHalfLifeDays)
                return fail(error,
                    Tr::tr("half_life_days: %1 is too long; it must be at most %2 (100 years), or 0 for "
                           "events that never fade")
                        .arg(value, 0, 'g', 10)
                        .arg(MaxHalfLifeDays, 0, 'f', 0));
            result.halfLifeDays = value;
            continue;
        }
        const std::optional<EventType> type = eventTypeFromName(it.key());
        if (!type || eventTypeName(*type) != it.key())
            return fail(error,
                Tr::tr("'%1' is not an event type (types: %2, or half_life_days)")
                    .arg(it.key(), eventTypeNames().join(QStringLiteral(", "))));
        if (value > MaxWeight)
            return fail(error,
                Tr::tr("event weight '%1': %2 is too large; it must be at most %3")
                    .arg(it.key())
                    .arg(value, 0, 'g', 10)
                    .arg(MaxWeight, 0, 'f', 0));
        result.weights[size_t(*type)] = float(value);
    }
    return result;
}

QJsonObject EventWeights::loadJson(const Database &db)
{
    QByteArray text;
    if (MetaStore::value(db, QString::fromLatin1(MetaKey), &text) != MetaStore::Read::Found)
        return {};
    return QJsonDocument::fromJson(text).object();
}

std::optional<EventWeights> EventWeights::load(const Database &db, QString *error)
{
    QByteArray text;
    switch (MetaStore::value(db, QString::fromLatin1(MetaKey), &text, error)) {
    case MetaStore::Read::Failed:
        return std::nullopt;
    case MetaStore::Read::Missing:
        return EventWeights();
    case MetaStore::Read::Found:
        break;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    QString message;
    std::optional<EventWeights> weights;
    if (!document.isObject())
        message = Tr::tr("not a JSON object");
    else
        weights = fromJson(document.object(), &message);
    if (!weights)
        return fail(error,
            Tr::tr("the catalog's event weights are broken: %1; set them again with "
                   "`vitrine-cli weights --set JSON` (e.g. '{\"view\": 1, \"half_life_days\": 0}'), "
                   "or import a configuration that has event_weights")
                .arg(message));
    return weights;
}

bool EventWeights::save(Database &db, QString *error) const
{
    return MetaStore::setValue(
        db, QString::fromLatin1(MetaKey), QJsonDocument(toJson()).toJson(QJsonDocument::Compact), error);
}

} // namespace Vitrine
