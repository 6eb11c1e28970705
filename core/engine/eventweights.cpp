// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventweights.h"

#include "storage/database.h"
#include "storage/statement.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace Vitrine {

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
        if (!it.value().isDouble() || it.value().toDouble() < 0) {
            if (error)
                *error = QCoreApplication::translate("Vitrine::EventWeights", "event weight '%1' must be a number of at least 0")
                             .arg(it.key());
            return std::nullopt;
        }
        if (it.key() == QLatin1String("half_life_days")) {
            result.halfLifeDays = it.value().toDouble();
            continue;
        }
        const std::optional<EventType> type = eventTypeFromName(it.key());
        if (!type || eventTypeName(*type) != it.key()) {
            if (error)
                *error = QCoreApplication::translate("Vitrine::EventWeights", "'%1' is not an event type (types: %2, or half_life_days)")
                             .arg(it.key(), eventTypeNames().join(QStringLiteral(", ")));
            return std::nullopt;
        }
        result.weights[size_t(*type)] = float(it.value().toDouble());
    }
    return result;
}

std::optional<EventWeights> EventWeights::load(const Database &db, QString *error)
{
    Statement stmt = db.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'event_weights'"), error);
    if (!stmt.isValid())
        return std::nullopt;
    if (stmt.step() != Statement::Step::Row)
        return EventWeights();
    QString message;
    const std::optional<EventWeights> weights = fromJson(QJsonDocument::fromJson(stmt.blob(0)).object(), &message);
    if (!weights && error)
        *error = QCoreApplication::translate("Vitrine::EventWeights", "the catalog's event weights are broken: %1").arg(message);
    return weights;
}

bool EventWeights::save(Database &db, QString *error) const
{
    Statement stmt = db.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('event_weights', ?)"), error);
    if (!stmt.isValid())
        return false;
    stmt.bind(1, QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
    return stmt.run(error);
}

} // namespace Vitrine
