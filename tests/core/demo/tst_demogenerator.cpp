// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/demogenerator.h"
#include "storage/database.h"
#include "storage/statement.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <vector>

using namespace Vitrine;

namespace {

constexpr int SmallUsers = 500;
constexpr int SmallItems = 300;
constexpr qint64 SmallEvents = 20000;
const QDate EndDate(2025, 6, 30);
// 2025-06-30T23:59:59Z, the last second of activity.
constexpr qint64 EndTs = 1751327999;

DemoOptions smallOptions(quint64 seed)
{
    DemoOptions options;
    options.users = SmallUsers;
    options.items = SmallItems;
    options.events = SmallEvents;
    options.seed = seed;
    options.endDate = EndDate;
    return options;
}

qint64 count(const Database &db, const char *sql)
{
    bool ok = false;
    const qint64 value = db.queryInt(QString::fromLatin1(sql), &ok);
    if (!ok)
        qWarning("query failed: %s: %s", sql, qPrintable(db.lastError()));
    return value;
}

/** Every stored value of items, users and events, in key order. */
QByteArray contentHash(const Database &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char *sql : {"SELECT * FROM items ORDER BY id", "SELECT * FROM users ORDER BY id",
             "SELECT * FROM events ORDER BY user_id, ts, item_id, type"}) {
        Statement query = db.prepare(QString::fromLatin1(sql));
        while (query.step() == Statement::Step::Row) {
            for (int c = 0; c < query.columnCount(); ++c) {
                const QVariant value = query.value(c);
                hash.addData(value.typeId() == QMetaType::Double
                        ? QByteArray::number(value.toDouble(), 'g', 17)
                        : value.toString().toUtf8());
                hash.addData("\x1f");
            }
            hash.addData("\x1e");
        }
    }
    return hash.result();
}

} // namespace

class TestDemoGenerator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void createsExactlyTheRequestedSizes();
    void sameSeedAndEndDateGiveTheSameCatalog();
    void differentSeedGivesADifferentCatalog();
    void productsLookLikeAShop();
    void aboutOneItemInTwentyIsAnArticle();
    void peopleHaveBelievableProfiles();
    void everyPurchaseFollowsACartAndAViewOfTheSameItem();
    void eventsStayInsideTheYearAndAfterTheirItemExists();
    void aboutAThirdOfPeopleReadArticles();
    void christmasIsBusierThanSeptember();
    void consumablesAreBoughtAgain();
    void personalHistoryPredictsLaterItemsBetterThanBestsellers();
    void withoutEndDateActivityEndsToday();

    void refusesANonEmptyCatalog();
    void cancellingWritesNothing();
    void reportsProgressUpToTheTotal();
    void rejectsImpossibleOptions_data();
    void rejectsImpossibleOptions();

private:
    bool openNew(Database &db, const QString &name);

    QTemporaryDir m_dir;
    Database m_db; ///< the small catalog of seed 7, generated once
    DemoResult m_result;
};

bool TestDemoGenerator::openNew(Database &db, const QString &name)
{
    QString error;
    const bool ok = db.open(m_dir.filePath(name), Database::OpenMode::Create, &error);
    if (!ok)
        qWarning("%s", qPrintable(error));
    return ok;
}

void TestDemoGenerator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(openNew(m_db, QStringLiteral("seed7.vitrine")));
    m_result = DemoGenerator(smallOptions(7)).generate(m_db);
    QVERIFY2(m_result.ok, qPrintable(m_result.error));
}

void TestDemoGenerator::createsExactlyTheRequestedSizes()
{
    QCOMPARE(m_result.users, SmallUsers);
    QCOMPARE(m_result.items, SmallItems);
    QCOMPARE(m_result.events, SmallEvents);
    QCOMPARE(count(m_db, "SELECT count(*) FROM users"), SmallUsers);
    QCOMPARE(count(m_db, "SELECT count(*) FROM items"), SmallItems);
    QCOMPARE(count(m_db, "SELECT count(*) FROM events"), SmallEvents);
    QCOMPARE(count(m_db, "SELECT count(*) FROM items WHERE kind = 'content'"), m_result.contentItems);
    QCOMPARE(count(m_db, "SELECT min(id) FROM items"), 1);
    QCOMPARE(count(m_db, "SELECT count(*) FROM items WHERE sku = 'SKU-00001'"), 1);
    QCOMPARE(count(m_db, "SELECT count(*) FROM users WHERE external_id = 'U00500'"), 1);
}

void TestDemoGenerator::sameSeedAndEndDateGiveTheSameCatalog()
{
    Database again;
    QVERIFY(openNew(again, QStringLiteral("seed7-again.vitrine")));
    const DemoResult result = DemoGenerator(smallOptions(7)).generate(again);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(contentHash(again).toHex(), contentHash(m_db).toHex());
}

void TestDemoGenerator::differentSeedGivesADifferentCatalog()
{
    Database other;
    QVERIFY(openNew(other, QStringLiteral("seed8.vitrine")));
    const DemoResult result = DemoGenerator(smallOptions(8)).generate(other);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(count(other, "SELECT count(*) FROM events"), SmallEvents);
    QVERIFY(contentHash(other) != contentHash(m_db));
    // Not just other events: the products themselves differ.
    Statement titles = m_db.prepare(
        QStringLiteral("SELECT group_concat(title, '|') FROM (SELECT title FROM items ORDER BY id)"));
    Statement otherTitles = other.prepare(
        QStringLiteral("SELECT group_concat(title, '|') FROM (SELECT title FROM items ORDER BY id)"));
    QVERIFY(titles.step() == Statement::Step::Row && otherTitles.step() == Statement::Step::Row);
    QVERIFY(titles.text(0) != otherTitles.text(0));
}

void TestDemoGenerator::productsLookLikeAShop()
{
    const qint64 products = count(m_db, "SELECT count(*) FROM items WHERE kind = 'product'");
    QCOMPARE(products, SmallItems - m_result.contentItems);

    // About one product in ten is on sale, 10-60 % below its price.
    const qint64 onSale
        = count(m_db, "SELECT count(*) FROM items WHERE kind = 'product' AND sale_price IS NOT NULL");
    QVERIFY2(
        onSale >= products * 5 / 100 && onSale <= products * 16 / 100, qPrintable(QString::number(onSale)));
    QCOMPARE(count(m_db,
                 "SELECT count(*) FROM items WHERE sale_price IS NOT NULL"
                 " AND (sale_price > price * 0.905 OR sale_price < price * 0.395)"),
        0);
    QCOMPARE(
        count(m_db, "SELECT count(*) FROM items WHERE kind = 'product' AND (price IS NULL OR price <= 0)"),
        0);

    // Stock: a few sold out, most between 1 and 200.
    const qint64 soldOut = count(m_db, "SELECT count(*) FROM items WHERE kind = 'product' AND stock = 0");
    QVERIFY2(soldOut >= 1 && soldOut <= products * 12 / 100, qPrintable(QString::number(soldOut)));
    QVERIFY(count(m_db, "SELECT count(*) FROM items WHERE kind = 'product' AND stock BETWEEN 1 AND 200")
        >= products * 80 / 100);

    // A three-level tree, several departments, titles that start with the brand.
    Statement rows
        = m_db.prepare(QStringLiteral("SELECT category, title, brand, sku, url, image, attributes FROM items"
                                      " WHERE kind = 'product'"));
    QSet<QString> tops, titles;
    while (rows.step() == Statement::Step::Row) {
        const QStringList levels = rows.text(0).split(QStringLiteral(" > "));
        QCOMPARE(levels.size(), 3);
        QVERIFY(std::none_of(
            levels.begin(), levels.end(), [](const QString &level) { return level.trimmed().isEmpty(); }));
        tops.insert(levels.first());
        QVERIFY2(rows.text(1).startsWith(rows.text(2) + QLatin1Char(' ')), qPrintable(rows.text(1)));
        QVERIFY2(rows.text(1).split(QLatin1Char(' ')).size() >= 3, qPrintable(rows.text(1)));
        titles.insert(rows.text(1));
        QVERIFY(QRegularExpression(QStringLiteral("^SKU-\\d{5}$")).match(rows.text(3)).hasMatch());
        QCOMPARE(rows.text(4), QStringLiteral("https://shop.example.com/p/") + rows.text(3));
        QCOMPARE(rows.text(5),
            QStringLiteral("https://img.example.com/items/") + rows.text(3) + QStringLiteral(".jpg"));
        QVERIFY(rows.text(6).startsWith(QLatin1Char('{')) && rows.text(6).size() > 2);
    }
    QVERIFY2(tops.size() >= 5, qPrintable(QStringList(tops.values()).join(QLatin1Char(','))));
    QVERIFY(tops.contains(QStringLiteral("Fashion")) && tops.contains(QStringLiteral("Outdoor")));
    QCOMPARE(titles.size(), products);

    // A new collection: a few percent created in the last 30 days, the rest over two years.
    const qint64 fresh = count(
        m_db, "SELECT count(*) FROM items WHERE kind = 'product' AND created_at > 1751327999 - 30 * 86400");
    QVERIFY2(fresh >= products * 2 / 100 && fresh <= products * 12 / 100, qPrintable(QString::number(fresh)));
    QVERIFY(count(m_db, "SELECT min(created_at) FROM items") >= EndTs + 1 - 730 * 86400);
    QVERIFY(count(m_db, "SELECT max(created_at) FROM items") <= EndTs);
}

void TestDemoGenerator::aboutOneItemInTwentyIsAnArticle()
{
    QCOMPARE(m_result.contentItems, 15);
    QCOMPARE(
        count(m_db,
            "SELECT count(*) FROM items WHERE kind = 'content' AND (price IS NOT NULL OR stock IS NOT NULL"
            " OR sale_price IS NOT NULL)"),
        0);
    Statement rows = m_db.prepare(
        QStringLiteral("SELECT category, title, json_extract(attributes, '$.topic'),"
                       " json_extract(attributes, '$.reading_minutes') FROM items WHERE kind = 'content'"));
    while (rows.step() == Statement::Step::Row) {
        const QStringList levels = rows.text(0).split(QStringLiteral(" > "));
        QCOMPARE(levels.size(), 3);
        QCOMPARE(levels.first(), QStringLiteral("Journal"));
        QCOMPARE(rows.text(2), levels.last());
        QVERIFY(rows.int64(3) >= 1 && rows.int64(3) <= 30);
        QVERIFY2(rows.text(1).split(QLatin1Char(' ')).size() >= 3, qPrintable(rows.text(1)));
    }
}

void TestDemoGenerator::peopleHaveBelievableProfiles()
{
    QCOMPARE(count(m_db, "SELECT count(DISTINCT email) FROM users"), SmallUsers);
    Statement rows = m_db.prepare(
        QStringLiteral("SELECT email, name, gender, birth_year, country, city, attributes FROM users"));
    const QRegularExpression email(QStringLiteral("^[a-z]+\\.[a-z]+[0-9]+@example\\.com$"));
    const QSet<QString> countries
        = {QStringLiteral("Denmark"), QStringLiteral("Sweden"), QStringLiteral("Norway"),
            QStringLiteral("Finland"), QStringLiteral("Iceland"), QStringLiteral("Germany"),
            QStringLiteral("Netherlands"), QStringLiteral("United Kingdom"), QStringLiteral("Poland")};
    std::map<QString, int> genders;
    int nordic = 0;
    while (rows.step() == Statement::Step::Row) {
        QVERIFY2(email.match(rows.text(0)).hasMatch(), qPrintable(rows.text(0)));
        QVERIFY2(rows.text(1).contains(QLatin1Char(' ')), qPrintable(rows.text(1)));
        ++genders[rows.text(2)];
        QVERIFY(rows.int64(3) >= 1950 && rows.int64(3) <= 2008);
        QVERIFY2(countries.contains(rows.text(4)), qPrintable(rows.text(4)));
        nordic += rows.text(4) == QStringLiteral("Sweden") || rows.text(4) == QStringLiteral("Denmark")
            || rows.text(4) == QStringLiteral("Norway") || rows.text(4) == QStringLiteral("Finland")
            || rows.text(4) == QStringLiteral("Iceland");
        QVERIFY(!rows.text(5).isEmpty());
        QVERIFY(rows.text(6).startsWith(QLatin1Char('{')));
    }
    QCOMPARE(int(genders.size()), 3); // f, m and a few x
    QVERIFY(genders[QStringLiteral("f")] > SmallUsers * 35 / 100
        && genders[QStringLiteral("m")] > SmallUsers * 35 / 100);
    QVERIFY(genders[QStringLiteral("x")] < SmallUsers * 6 / 100);
    QVERIFY2(nordic > SmallUsers / 2, qPrintable(QString::number(nordic)));
    const qint64 consent = count(m_db, "SELECT sum(email_consent) FROM users");
    QVERIFY2(consent > SmallUsers * 60 / 100 && consent < SmallUsers * 80 / 100,
        qPrintable(QString::number(consent)));
    QVERIFY(count(m_db, "SELECT count(*) FROM users WHERE attributes LIKE '%loyalty%'") > 0);
}

void TestDemoGenerator::everyPurchaseFollowsACartAndAViewOfTheSameItem()
{
    QVERIFY(count(m_db, "SELECT count(*) FROM events WHERE type = 3") > 100);
    QCOMPARE(count(m_db,
                 "SELECT count(*) FROM events p WHERE p.type = 3 AND NOT EXISTS (SELECT 1 FROM events c"
                 " WHERE c.user_id = p.user_id AND c.item_id = p.item_id AND c.type = 2 AND c.ts < p.ts)"),
        0);
    QCOMPARE(count(m_db,
                 "SELECT count(*) FROM events p WHERE p.type = 3 AND NOT EXISTS (SELECT 1 FROM events v"
                 " WHERE v.user_id = p.user_id AND v.item_id = p.item_id AND v.type = 0 AND v.ts < p.ts)"),
        0);
    // The value paid is the current (sale) price times the quantity.
    QCOMPARE(
        count(m_db,
            "SELECT count(*) FROM events e JOIN items i ON i.id = e.item_id WHERE e.type = 3"
            " AND (e.value IS NULL OR abs(e.value - coalesce(i.sale_price, i.price) * e.quantity) > 0.006)"),
        0);
    QCOMPARE(count(m_db, "SELECT count(*) FROM events WHERE type <> 3 AND value IS NOT NULL"), 0);
    QVERIFY(count(m_db, "SELECT count(*) FROM events WHERE type = 3 AND quantity = 1")
        > count(m_db, "SELECT count(*) FROM events WHERE type = 3") * 3 / 4);
}

void TestDemoGenerator::eventsStayInsideTheYearAndAfterTheirItemExists()
{
    QVERIFY(count(m_db, "SELECT max(ts) FROM events") <= EndTs);
    QVERIFY(count(m_db, "SELECT min(ts) FROM events") >= EndTs + 1 - 365 * 86400);
    QCOMPARE(count(m_db,
                 "SELECT count(*) FROM events e JOIN items i ON i.id = e.item_id WHERE e.ts < i.created_at"),
        0);
    QCOMPARE(count(m_db,
                 "SELECT count(*) FROM events e JOIN users u ON u.id = e.user_id WHERE e.ts < u.created_at"),
        0);
    // Activity spreads over the year rather than bunching at one end.
    QVERIFY(count(m_db, "SELECT count(DISTINCT strftime('%Y-%m', ts, 'unixepoch')) FROM events") == 12);
}

void TestDemoGenerator::aboutAThirdOfPeopleReadArticles()
{
    QCOMPARE(count(m_db,
                 "SELECT count(*) FROM events e JOIN items i ON i.id = e.item_id"
                 " WHERE (e.type = 4) <> (i.kind = 'content')"),
        0);
    const qint64 active = count(m_db, "SELECT count(DISTINCT user_id) FROM events");
    const qint64 readers = count(m_db, "SELECT count(DISTINCT user_id) FROM events WHERE type = 4");
    QVERIFY2(readers >= active * 18 / 100 && readers <= active * 45 / 100,
        qPrintable(QStringLiteral("%1 of %2").arg(readers).arg(active)));
}

void TestDemoGenerator::christmasIsBusierThanSeptember()
{
    const qint64 december
        = count(m_db, "SELECT count(*) FROM events WHERE strftime('%m', ts, 'unixepoch') = '12'");
    const qint64 september
        = count(m_db, "SELECT count(*) FROM events WHERE strftime('%m', ts, 'unixepoch') = '09'");
    QVERIFY2(
        december > september * 5 / 4, qPrintable(QStringLiteral("%1 vs %2").arg(december).arg(september)));
}

void TestDemoGenerator::consumablesAreBoughtAgain()
{
    QVERIFY(count(m_db,
                "SELECT count(*) FROM (SELECT 1 FROM events WHERE type = 3 GROUP BY user_id, item_id"
                " HAVING count(*) > 1)")
        > 0);
}

void TestDemoGenerator::personalHistoryPredictsLaterItemsBetterThanBestsellers()
{
    // The evaluation split of DESIGN.md: each person's distinct items at their first time; people
    // with at least five hold out the last fifth.
    std::map<qint64, std::vector<qint64>> history;
    Statement rows
        = m_db.prepare(QStringLiteral("SELECT user_id, item_id, min(ts) AS first FROM events"
                                      " GROUP BY user_id, item_id ORDER BY user_id, first, item_id"));
    while (rows.step() == Statement::Step::Row)
        history[rows.int64(0)].push_back(rows.int64(1));
    const qint64 itemCount = SmallItems + 1;
    std::vector<double> popularity(size_t(itemCount), 0);
    std::vector<std::vector<double>> together(size_t(itemCount), std::vector<double>(size_t(itemCount), 0));
    std::map<qint64, size_t> trainSize;
    for (const auto &[person, items] : history) {
        const size_t held = items.size() >= 5 ? std::max<size_t>(1, items.size() / 5) : 0;
        trainSize[person] = items.size() - held;
        for (size_t a = 0; a < items.size() - held; ++a) {
            popularity[size_t(items[a])] += 1;
            for (size_t b = 0; b < items.size() - held; ++b)
                together[size_t(items[a])][size_t(items[b])] += a != b;
        }
    }
    const auto recall = [&](const std::vector<qint64> &items, size_t train,
                            const std::vector<double> &score) {
        std::vector<qint64> candidates;
        for (qint64 i = 1; i < itemCount; ++i) {
            if (std::find(items.begin(), items.begin() + qsizetype(train), i)
                == items.begin() + qsizetype(train))
                candidates.push_back(i);
        }
        std::partial_sort(
            candidates.begin(), candidates.begin() + 10, candidates.end(), [&](qint64 a, qint64 b) {
                return score[size_t(a)] != score[size_t(b)] ? score[size_t(a)] > score[size_t(b)] : a < b;
            });
        int hits = 0;
        for (int k = 0; k < 10; ++k)
            hits += std::find(items.begin() + qsizetype(train), items.end(), candidates[size_t(k)])
                != items.end();
        return double(hits) / double(items.size() - train);
    };
    double bestsellers = 0, personal = 0;
    int evaluated = 0;
    std::vector<double> score(static_cast<size_t>(itemCount));
    for (const auto &[person, items] : history) {
        const size_t train = trainSize[person];
        if (train == items.size())
            continue;
        ++evaluated;
        bestsellers += recall(items, train, popularity);
        for (qint64 i = 0; i < itemCount; ++i) {
            score[size_t(i)] = 1e-6 * popularity[size_t(i)];
            for (size_t a = 0; a < train; ++a) {
                const double norm
                    = std::sqrt(popularity[size_t(items[a])] * std::max(1.0, popularity[size_t(i)]));
                score[size_t(i)] += together[size_t(items[a])][size_t(i)] / norm;
            }
        }
        personal += recall(items, train, score);
    }
    QVERIFY(evaluated > SmallUsers / 2);
    bestsellers /= evaluated;
    personal /= evaluated;
    QVERIFY2(personal > 2 * bestsellers,
        qPrintable(QStringLiteral("recall@10: personal %1, bestsellers %2").arg(personal).arg(bestsellers)));
}

void TestDemoGenerator::withoutEndDateActivityEndsToday()
{
    Database db;
    QVERIFY(openNew(db, QStringLiteral("today.vitrine")));
    DemoOptions options = smallOptions(3);
    options.endDate = QDate();
    options.events = 2000;
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const DemoResult result = DemoGenerator(options).generate(db);
    QVERIFY2(result.ok, qPrintable(result.error));
    const QDate after = QDateTime::currentDateTimeUtc().date(); // in case midnight passed meanwhile
    const auto endOf = [](QDate day) {
        return QDateTime(day.addDays(1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch() - 1;
    };
    QVERIFY(count(db, "SELECT max(ts) FROM events") <= endOf(after));
    QVERIFY(count(db, "SELECT max(ts) FROM events") > endOf(today) - 60 * 86400);
}

void TestDemoGenerator::refusesANonEmptyCatalog()
{
    const QByteArray before = contentHash(m_db);
    const DemoResult result = DemoGenerator(smallOptions(9)).generate(m_db);
    QVERIFY(!result.ok);
    QVERIFY(result.error.contains(QStringLiteral("empty")));
    QCOMPARE(contentHash(m_db), before);

    // One imported person is enough to make a catalog not empty.
    Database db;
    QVERIFY(openNew(db, QStringLiteral("one-person.vitrine")));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO users (external_id) VALUES ('shop-42')")));
    QVERIFY(!DemoGenerator(smallOptions(9)).generate(db).ok);
    QCOMPARE(count(db, "SELECT count(*) FROM users"), 1);
    QCOMPARE(count(db, "SELECT count(*) FROM items"), 0);
}

void TestDemoGenerator::cancellingWritesNothing()
{
    Database db;
    QVERIFY(openNew(db, QStringLiteral("cancelled.vitrine")));
    std::atomic_bool cancel = false;
    qint64 eventsSeen = 0;
    // Cancel half-way through the events, after items and people have been inserted.
    const Progress progress(
        [&](const QString &stage, qint64 done, qint64 total) {
            if (stage.contains(QStringLiteral("event"), Qt::CaseInsensitive) && done > total / 2) {
                eventsSeen = done;
                cancel = true;
            }
        },
        &cancel);
    const DemoResult result = DemoGenerator(smallOptions(7)).generate(db, progress);
    QVERIFY(!result.ok);
    QCOMPARE(result.error, QStringLiteral("cancelled"));
    QVERIFY(eventsSeen > 0);
    QCOMPARE(count(db, "SELECT count(*) FROM items"), 0);
    QCOMPARE(count(db, "SELECT count(*) FROM users"), 0);
    QCOMPARE(count(db, "SELECT count(*) FROM events"), 0);

    // The catalog is still usable afterwards.
    const DemoResult retry = DemoGenerator(smallOptions(7)).generate(db);
    QVERIFY2(retry.ok, qPrintable(retry.error));
    QCOMPARE(contentHash(db), contentHash(m_db));
}

void TestDemoGenerator::reportsProgressUpToTheTotal()
{
    Database db;
    QVERIFY(openNew(db, QStringLiteral("progress.vitrine")));
    QStringList stages;
    std::map<QString, std::pair<qint64, qint64>> last; // stage -> (done, total)
    bool monotonic = true;
    int reports = 0;
    const Progress progress([&](const QString &stage, qint64 done, qint64 total) {
        ++reports;
        if (!stages.contains(stage))
            stages.append(stage);
        if (last.count(stage) && last[stage].first > done)
            monotonic = false;
        last[stage] = {done, total};
    });
    QVERIFY(DemoGenerator(smallOptions(7)).generate(db, progress).ok);
    QCOMPARE(stages.size(), 3);
    QVERIFY(monotonic);
    for (const auto &[stage, figures] : last)
        QCOMPARE(figures.first, figures.second);
    QCOMPARE(last[stages.last()].second, SmallEvents);
    QVERIFY(reports >= 100); // about every 1 % of the events
    QVERIFY(reports < 400);
}

void TestDemoGenerator::rejectsImpossibleOptions_data()
{
    QTest::addColumn<int>("users");
    QTest::addColumn<int>("items");
    QTest::addColumn<qint64>("events");

    QTest::newRow("negative users") << -1 << 10 << qint64(0);
    QTest::newRow("negative events") << 10 << 10 << qint64(-5);
    QTest::newRow("events without people") << 0 << 10 << qint64(100);
    QTest::newRow("events without items") << 10 << 0 << qint64(100);
    QTest::newRow("more events than a year holds") << 1 << 10 << qint64(100000);
}

void TestDemoGenerator::rejectsImpossibleOptions()
{
    QFETCH(int, users);
    QFETCH(int, items);
    QFETCH(qint64, events);
    Database db;
    QVERIFY(openNew(db,
        QStringLiteral("bad-%1.vitrine")
            .arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')))));
    DemoOptions options = smallOptions(1);
    options.users = users;
    options.items = items;
    options.events = events;
    const DemoResult result = DemoGenerator(options).generate(db);
    QVERIFY(!result.ok);
    QVERIFY(!result.error.isEmpty());
    QCOMPARE(count(db, "SELECT count(*) FROM items"), 0);
    QCOMPARE(count(db, "SELECT count(*) FROM users"), 0);
}

QTEST_APPLESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
