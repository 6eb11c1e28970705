// SPDX-License-Identifier: GPL-3.0-or-later
#include "demogenerator.h"

#include "demo/democalendar.h"
#include "demo/democatalog.h"
#include "demo/demodata.h"
#include "demo/demopopulation.h"
#include "demo/demorandom.h"
#include "demo/demoshopper.h"
#include "storage/database.h"
#include "storage/demowriter.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <vector>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::DemoGenerator)
};

QByteArray asciiForEmail(const QByteArray &utf8)
{
    const QString decomposed = QString::fromUtf8(utf8).normalized(QString::NormalizationForm_D);
    QByteArray ascii;
    for (const QChar c : decomposed) {
        const char16_t u = c.unicode();
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9'))
            ascii += char(u);
        else if (u >= 'A' && u <= 'Z')
            ascii += char(u - 'A' + 'a');
        else if (u == u'ø' || u == u'Ø')
            ascii += 'o';
        else if (u == u'æ' || u == u'Æ')
            ascii += "ae";
        else if (u == u'ł' || u == u'Ł')
            ascii += 'l';
        else if (u == u'ß')
            ascii += "ss";
        else if (u == u'ð' || u == u'Ð')
            ascii += 'd';
        else if (u == u'þ' || u == u'Þ')
            ascii += "th";
    }
    return ascii;
}

QByteArray padded(qint64 number, int width)
{
    return QByteArray::number(number).rightJustified(width, '0');
}

bool writeItems(DemoWriter &writer, const DemoCatalog &catalog, const Progress &progress, QString *error)
{
    const QString stage = Tr::tr("Creating products and articles");
    const qint64 total = qint64(catalog.items().size());
    const int width = std::max(5, int(QByteArray::number(total).size()));
    progress.report(stage, 0, total);
    DemoWriter::Item row;
    for (qint64 i = 0; i < total; ++i) {
        const DemoCatalog::Item &item = catalog.items()[size_t(i)];
        const QByteArray sku = "SKU-" + padded(i + 1, width);
        row.id = i + 1;
        row.sku = sku;
        row.title = item.title;
        row.kind = item.isContent() ? QByteArray("content") : QByteArray("product");
        row.category = item.category;
        row.brand = item.brand.isNull() ? QByteArray("") : item.brand;
        row.price = item.isContent() ? std::nullopt : std::optional<double>(item.price);
        row.stock = item.isContent() ? std::nullopt : std::optional<qint64>(item.stock);
        row.salePrice = item.salePrice >= 0 ? std::optional<double>(item.salePrice) : std::nullopt;
        row.createdAt = item.created;
        row.image = "https://img.example.com/items/" + sku + ".jpg";
        row.url
            = (item.isContent() ? "https://shop.example.com/journal/" : "https://shop.example.com/p/") + sku;
        row.attributes = item.attributes;
        if (!writer.insert(row, error))
            return false;
        if ((i + 1) % 500 == 0 || i + 1 == total) {
            progress.report(stage, i + 1, total);
            if (progress.isCancelled())
                return false;
        }
    }
    return true;
}

bool writePeople(
    DemoWriter &writer, const DemoPopulation &population, const Progress &progress, QString *error)
{
    // The most active people are in the loyalty programme.
    std::vector<qint64> budgets;
    for (const DemoPopulation::Person &person : population.people())
        budgets.push_back(person.budget);
    std::sort(budgets.begin(), budgets.end(), std::greater<>());
    const auto threshold = [&](double share) {
        return budgets.empty() ? 0 : std::max<qint64>(1, budgets[size_t(double(budgets.size() - 1) * share)]);
    };
    const qint64 gold = threshold(0.04), silver = threshold(0.15), bronze = threshold(0.35);

    const QString stage = Tr::tr("Creating people");
    const qint64 total = qint64(population.people().size());
    const int width = std::max(5, int(QByteArray::number(total).size()));
    const auto countries = DemoData::countries();
    progress.report(stage, 0, total);
    for (qint64 i = 0; i < total; ++i) {
        const DemoPopulation::Person &person = population.people()[size_t(i)];
        const auto &country = countries[size_t(person.country)];
        const QByteArray &first = population.firstName(person);
        const QByteArray family = population.familyName(person);
        const QByteArray email
            = asciiForEmail(first) + '.' + asciiForEmail(family) + QByteArray::number(i + 1) + "@example.com";

        const char *tier = person.budget >= gold ? "gold"
            : person.budget >= silver            ? "silver"
            : person.budget >= bronze            ? "bronze"
                                                 : nullptr;
        DemoWriter::Person row;
        row.id = i + 1;
        row.externalId = "U" + padded(i + 1, width);
        row.name = first + ' ' + family;
        row.email = email;
        row.gender = QByteArray(1, person.gender);
        row.birthYear = person.birthYear;
        row.country = QByteArray(country.name);
        row.city = population.city(person);
        row.emailConsent = person.consent;
        row.createdAt = person.registered;
        row.attributes = tier ? QByteArray("{\"loyalty\":\"") + tier + "\"}" : QByteArray("{}");
        if (!writer.insert(row, error))
            return false;
        if ((i + 1) % 2000 == 0 || i + 1 == total) {
            progress.report(stage, i + 1, total);
            if (progress.isCancelled())
                return false;
        }
    }
    return true;
}

/** Simulates each person's year and writes their events, in the order of the people. */
bool writeEvents(DemoWriter &writer, const DemoPopulation &population, DemoShopper &shopper, quint64 seed,
    qint64 total, const Progress &progress, QString *error)
{
    const QString stage = Tr::tr("Creating events");
    const qint64 step = std::max<qint64>(1, total / 100);
    qint64 done = 0, nextReport = std::min(total, step);
    progress.report(stage, 0, total);
    for (size_t i = 0; i < population.people().size(); ++i) {
        if (progress.isCancelled())
            return false;
        const DemoPopulation::Person &person = population.people()[i];
        if (person.budget == 0)
            continue;
        DemoRandom random = DemoRandom::stream(seed, DemoRandom::Events, i);
        const std::vector<DemoShopper::Event> &events = shopper.simulate(person, random);
        if (qint64(events.size()) != person.budget) {
            *error = Tr::tr("internal error: person %1 got %2 events instead of %3")
                         .arg(i + 1)
                         .arg(events.size())
                         .arg(person.budget);
            return false;
        }
        for (const DemoShopper::Event &event : events) {
            const DemoWriter::Event row {qint64(i + 1), event.ts, qint64(event.item + 1), event.type,
                event.quantity, event.value >= 0 ? std::optional<double>(event.value) : std::nullopt};
            if (!writer.insert(row, error))
                return false;
            if (++done >= nextReport) {
                progress.report(stage, done, total);
                nextReport = done == total ? total + 1 : std::min(total, done + step);
            }
        }
    }
    return !progress.isCancelled();
}

} // namespace

DemoGenerator::DemoGenerator(const DemoOptions &options)
    : m_options(options)
{ }

DemoResult DemoGenerator::generate(Database &db, const Progress &progress)
{
    DemoResult result;
    if (m_options.users < 0 || m_options.items < 0 || m_options.events < 0) {
        result.error = Tr::tr("the number of people, items and events cannot be negative");
        return result;
    }
    if (m_options.endDate.isValid() && (m_options.endDate.year() < 1975 || m_options.endDate.year() > 9000)) {
        result.error = Tr::tr("the end date must lie between the years 1975 and 9000");
        return result;
    }
    if (!db.isOpen()) {
        result.error = Tr::tr("no catalog is open");
        return result;
    }
    QString error;
    Transaction transaction(db, &error);
    if (!transaction.isActive()) {
        result.error = error;
        return result;
    }
    bool ok = false;
    const qint64 filled = DemoWriter::filledTables(db, &ok);
    if (!ok) {
        result.error = db.lastError();
        return result;
    }
    if (filled > 0) {
        result.error = Tr::tr(
            "the catalog already holds items, people or events; demo data goes only into an empty catalog");
        return result;
    }

    // Each part draws from its own random streams, so the order they are made in does not matter.
    const DemoCalendar calendar(
        m_options.endDate.isValid() ? m_options.endDate : QDateTime::currentDateTimeUtc().date());
    const DemoCatalog catalog(m_options.seed, m_options.items, calendar);
    DemoPopulation population(m_options.seed, m_options.users, calendar);
    DemoShopper shopper(catalog, calendar);
    const qint64 events = std::max<qint64>(0, m_options.events);
    const bool canShare = events == 0 || (!population.people().empty() && !catalog.allProducts().isEmpty());
    if (!canShare)
        error = Tr::tr("events need at least one person and one item");
    DemoWriter writer(db);
    if (!canShare || !population.allocateBudgets(events, &error)
        || !writer.prepare(DemoWriter::DuplicateEvents::Fail, &error)
        || !writeItems(writer, catalog, progress, &error)
        || !writePeople(writer, population, progress, &error)
        || !writeEvents(writer, population, shopper, m_options.seed, events, progress, &error)
        || !transaction.commit(&error)) {
        result.error = progress.isCancelled() ? Tr::tr("cancelled") : error;
        return result;
    }
    result.ok = true;
    result.users = int(population.people().size());
    result.items = int(catalog.items().size());
    result.contentItems = catalog.contentCount();
    result.events = events;
    return result;
}

} // namespace Vitrine
