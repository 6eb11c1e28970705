// SPDX-License-Identifier: GPL-3.0-or-later
#include "traveldemo.h"

#include "catalog/eventtype.h"
#include "demo/demorandom.h"
#include "storage/configstore.h"
#include "storage/database.h"
#include "storage/demowriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::TravelDemo)
};

struct Destination
{
    const char *name;
    const char *region; ///< category path below "Travel"
    double price; ///< per person, a week
    const char *activities; ///< '|'-separated
};

// Prices and activities a travel shop would list; regions become the category tree.
constexpr Destination kDestinations[] = {
    {"Crete: Elounda Bay", "Europe > Mediterranean", 780, "beach|diving|food"},
    {"Mallorca: Cala d'Or", "Europe > Mediterranean", 650, "beach|cycling|nightlife"},
    {"Malta: Gozo Dive Week", "Europe > Mediterranean", 820, "diving|beach|culture"},
    {"Sicily: Taormina", "Europe > Mediterranean", 890, "culture|food|beach"},
    {"Croatia: Hvar Island", "Europe > Mediterranean", 720, "beach|nightlife|sailing"},
    {"Cyprus: Paphos Coast", "Europe > Mediterranean", 690, "beach|diving|culture"},
    {"Sardinia: Costa Smeralda", "Europe > Mediterranean", 1450, "beach|sailing|food"},
    {"Amalfi Coast: Positano", "Europe > Mediterranean", 1680, "food|culture|beach"},
    {"Rome: City of History", "Europe > Cities", 560, "culture|food"},
    {"Barcelona: Gaudí and Tapas", "Europe > Cities", 610, "culture|food|nightlife|beach"},
    {"Lisbon: Hills and Fado", "Europe > Cities", 540, "culture|food|surfing"},
    {"Paris: Art Week", "Europe > Cities", 940, "culture|food"},
    {"Vienna: Music and Cafés", "Europe > Cities", 720, "culture|food"},
    {"Prague: Old Town", "Europe > Cities", 430, "culture|nightlife"},
    {"Chamonix: Mont Blanc Skiing", "Europe > Alps", 1890, "skiing|hiking"},
    {"Zermatt: Matterhorn Slopes", "Europe > Alps", 2650, "skiing|hiking|food"},
    {"St. Anton: Powder Week", "Europe > Alps", 2100, "skiing|nightlife"},
    {"Dolomites: Hut to Hut", "Europe > Alps", 1150, "hiking|cycling|food"},
    {"Innsbruck: Alpine City", "Europe > Alps", 980, "skiing|hiking|culture"},
    {"Lofoten: Arctic Islands", "Europe > Nordics", 1380, "hiking|kayaking|wildlife"},
    {"Lapland: Northern Lights", "Europe > Nordics", 1790, "skiing|wildlife"},
    {"Iceland: Ring Road", "Europe > Nordics", 2250, "hiking|wildlife|culture"},
    {"Stockholm Archipelago", "Europe > Nordics", 870, "kayaking|sailing|food"},
    {"Norwegian Fjords Trek", "Europe > Nordics", 1320, "hiking|kayaking"},
    {"Madeira: Levada Walks", "Europe > Atlantic", 760, "hiking|food"},
    {"Tenerife: Teide and Beaches", "Europe > Atlantic", 620, "beach|hiking|diving"},
    {"Lanzarote: Surf Camp", "Europe > Atlantic", 580, "surfing|beach"},
    {"Azores: Whales and Craters", "Europe > Atlantic", 1240, "wildlife|hiking|diving"},
    {"Red Sea: Hurghada Reefs", "Africa > Red Sea", 690, "diving|beach"},
    {"Red Sea: Marsa Alam Liveaboard", "Africa > Red Sea", 1480, "diving|wildlife"},
    {"Kenya: Masai Mara Safari", "Africa > East Africa", 3400, "wildlife|culture"},
    {"Zanzibar: Spice Island", "Africa > East Africa", 1650, "beach|diving|culture"},
    {"Morocco: Atlas and Marrakech", "Africa > North Africa", 740, "hiking|culture|food"},
    {"Thailand: Koh Tao Diving", "Asia > Southeast Asia", 1290, "diving|beach|nightlife"},
    {"Bali: Ubud and Beaches", "Asia > Southeast Asia", 1390, "culture|beach|surfing|food"},
    {"Japan: Kyoto and Tokyo", "Asia > East Asia", 2890, "culture|food"},
    {"Japan: Hokkaido Powder", "Asia > East Asia", 3150, "skiing|food"},
    {"Nepal: Annapurna Circuit", "Asia > Himalaya", 1980, "hiking|culture"},
    {"Maldives: Atoll Retreat", "Asia > Indian Ocean", 3600, "diving|beach"},
    {"Costa Rica: Rainforest and Coast", "Americas > Central America", 2450, "wildlife|hiking|surfing|beach"},
};

constexpr const char *kActivities[] = {"beach", "diving", "food", "culture", "cycling", "nightlife",
    "sailing", "skiing", "hiking", "kayaking", "wildlife", "surfing"};
constexpr const char *kFirstNames[] = {"Astrid", "Lars", "Ingrid", "Mikkel", "Sofia", "Emil", "Freja",
    "Oskar", "Maja", "Noah", "Elin", "Jonas", "Saga", "Lukas", "Alma", "Hugo"};
constexpr const char *kLastNames[]
    = {"Lindqvist", "Hansen", "Virtanen", "Nielsen", "Berg", "Johansson", "Korhonen", "Dahl"};
constexpr const char *kCountries[][2] = {{"Sweden", "Stockholm"}, {"Norway", "Oslo"},
    {"Denmark", "Copenhagen"}, {"Finland", "Helsinki"}, {"Germany", "Hamburg"}};

QStringList activitiesOf(const Destination &d)
{
    return QString::fromLatin1(d.activities).split(QLatin1Char('|'));
}

} // namespace

DemoResult TravelDemo::generate(Database &db, const TravelDemoOptions &options, const Progress &progress)
{
    DemoResult result;
    const auto fail = [&](const QString &message) {
        result.ok = false;
        result.error = message;
        return result;
    };
    if (options.people < 2)
        return fail(Tr::tr("a travel catalog needs at least 2 people"));
    if (DemoWriter::filledTables(db) > 0)
        return fail(Tr::tr("the catalog is not empty"));
    const QDate end = options.endDate.isValid() ? options.endDate : QDateTime::currentDateTimeUtc().date();
    const qint64 endTime = QDateTime(end, QTime(18, 0), QTimeZone::utc()).toSecsSinceEpoch();
    const qint64 startTime = endTime - 180 * 86400;

    QString error;
    Transaction transaction(db, &error);
    if (!transaction.isActive())
        return fail(error);

    DemoWriter writer(db);
    if (!writer.prepare(DemoWriter::DuplicateEvents::Skip, &error))
        return fail(error);
    constexpr int destinationCount = int(std::size(kDestinations));
    for (int i = 0; i < destinationCount; ++i) {
        const Destination &d = kDestinations[i];
        const QString sku = QStringLiteral("TRIP-%1").arg(i + 1, 3, 10, QLatin1Char('0'));
        const QString region = QString::fromLatin1(d.region);
        QJsonObject attributes {{QStringLiteral("activities"), QJsonArray::fromStringList(activitiesOf(d))},
            {QStringLiteral("region"), region.section(QStringLiteral(" > "), -1)},
            {QStringLiteral("nights"), 7}};
        DemoWriter::Item item;
        item.id = i + 1;
        item.sku = sku.toUtf8();
        item.title = QByteArray(d.name);
        item.kind = QByteArray("product");
        item.category = (QStringLiteral("Travel > ") + region).toUtf8();
        item.brand = QByteArray("");
        item.price = d.price;
        if (i % 9 == 4)
            item.salePrice = double(qRound(d.price * 0.85));
        item.createdAt = startTime - 30 * 86400 + qint64(i) * 86400;
        item.image = QStringLiteral("https://img.example.com/travel/%1.jpg").arg(sku).toUtf8();
        item.url = QStringLiteral("https://travel.example.com/trips/%1").arg(sku).toUtf8();
        item.attributes = QJsonDocument(attributes).toJson(QJsonDocument::Compact);
        if (!writer.insert(item, &error))
            return fail(error);
    }
    result.items = destinationCount;

    constexpr int activityCount = int(std::size(kActivities));
    for (int p = 0; p < options.people; ++p) {
        if (progress.isCancelled())
            return fail(Tr::tr("cancelled"));
        DemoRandom random = DemoRandom::stream(options.seed, DemoRandom::People, quint64(p));
        QStringList favourites;
        double budget = 0;
        if (p == 0) {
            favourites = {QStringLiteral("diving"), QStringLiteral("beach")};
            budget = 900;
        } else if (p == 1) {
            favourites = {QStringLiteral("skiing"), QStringLiteral("hiking")};
            budget = 3000;
        } else {
            const int wanted = 1 + random.below(3);
            while (favourites.size() < wanted) {
                const QString activity = QLatin1String(kActivities[random.below(activityCount)]);
                if (!favourites.contains(activity))
                    favourites.append(activity);
            }
            budget = double(qRound(random.logNormal(7.0, 0.5) / 50.0) * 50);
            budget = qBound(300.0, budget, 5000.0);
        }
        const char gender = random.chance(0.5) ? 'f' : 'm';
        const QString first = QLatin1String(kFirstNames[random.below(int(std::size(kFirstNames)))]);
        const QString last = QLatin1String(kLastNames[random.below(int(std::size(kLastNames)))]);
        const auto &home = kCountries[random.below(int(std::size(kCountries)))];
        const QString id = QStringLiteral("T%1").arg(p + 1, 4, 10, QLatin1Char('0'));
        DemoWriter::Person person;
        person.id = p + 1;
        person.externalId = id.toUtf8();
        person.name = (first + QLatin1Char(' ') + last).toUtf8();
        person.email
            = QStringLiteral("%1.%2%3@example.com").arg(first.toLower(), last.toLower()).arg(p + 1).toUtf8();
        person.gender = QByteArray(1, gender);
        person.birthYear = 1950 + random.below(50);
        person.country = QByteArray(home[0]);
        person.city = QByteArray(home[1]);
        person.emailConsent = random.chance(0.8);
        person.createdAt = startTime - 400 * 86400;
        person.attributes = QJsonDocument(
            QJsonObject {{QStringLiteral("budget"), budget},
                {QStringLiteral("favorite_activities"), QJsonArray::fromStringList(favourites)}})
                                .toJson(QJsonDocument::Compact);
        if (!writer.insert(person, &error))
            return fail(error);
        ++result.users;

        // Views follow the person's activities and budget loosely; bookings closely.
        std::vector<double> appeal(static_cast<size_t>(destinationCount), 0.0);
        for (int i = 0; i < destinationCount; ++i) {
            const QStringList activities = activitiesOf(kDestinations[i]);
            int shared = 0;
            for (const QString &activity : std::as_const(favourites))
                shared += activities.contains(activity) ? 1 : 0;
            const double price = kDestinations[i].price;
            appeal[size_t(i)]
                = (0.2 + shared * shared) * (price <= budget ? 1.0 : std::exp(-3.0 * (price / budget - 1.0)));
        }
        const int views = 3 + random.below(10);
        for (int v = 0; v < views; ++v) {
            const int item = random.pick(appeal);
            const qint64 time = random.between(startTime, endTime);
            for (const auto &[type, happens] :
                {std::pair {EventType::View, true}, std::pair {EventType::Purchase, random.chance(0.12)}}) {
                if (!happens)
                    continue;
                DemoWriter::Event event;
                event.userId = p + 1;
                event.time = time + (type == EventType::Purchase ? 600 : 0);
                event.itemId = item + 1;
                event.type = int(type);
                event.quantity = 1;
                if (type == EventType::Purchase)
                    event.value = kDestinations[item].price;
                if (!writer.insert(event, &error))
                    return fail(error);
                ++result.events;
            }
        }
        progress.report(Tr::tr("Travel catalog"), p + 1, options.people);
    }

    if (!transaction.commit(&error))
        return fail(error);

    // Configuration is saved with its own history, each in its own transaction.
    ConfigStore store(db);
    const QJsonObject forYou = QJsonDocument::fromJson(R"({
        "title": "Trips for you",
        "strategies": [{"name": "preference", "params": {"budget_attribute": "budget",
                        "list_attributes": {"favorite_activities": "activities"}}}],
        "filters": {"exclude_bought": true, "in_stock": false},
        "fallback": ["bestsellers"], "min_items": 4, "max_items": 8})")
                                   .object();
    const QJsonObject popular = QJsonDocument::fromJson(R"({
        "title": "Popular trips", "strategies": [{"name": "bestsellers", "params": {"window_days": 180}}],
        "filters": {"in_stock": false, "exclude_bought": false}, "min_items": 4, "max_items": 8})")
                                    .object();
    const QJsonObject layout = QJsonDocument::fromJson(R"({
        "title": "Travel home", "kind": "page",
        "blocks": [{"id": "regions", "type": "categories", "parent": "Travel", "title": "Where to?"},
                   {"id": "for-you", "type": "slot", "slot": "travel-for-you"},
                   {"id": "popular", "type": "slot", "slot": "travel-popular"}]})")
                                   .object();
    if (!store.save(QStringLiteral("slots"), QStringLiteral("travel-for-you"), forYou, &error)
        || !store.save(QStringLiteral("slots"), QStringLiteral("travel-popular"), popular, &error)
        || !store.save(QStringLiteral("layouts"), QStringLiteral("travel-home"), layout, &error))
        return fail(error);
    result.ok = true;
    return result;
}

} // namespace Vitrine
