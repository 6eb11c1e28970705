// SPDX-License-Identifier: GPL-3.0-or-later
#include "../reliability/clirunner.h"

#include "audience/personaffinities.h"
#include "engine/recommender.h"
#include "engine/snapshot.h"
#include "layout/audiencecache.h"
#include "people/peoplepage.h"
#include "people/personeventmodel.h"
#include "people/personpage.h"
#include "people/personsegmentmodel.h"
#include "people/persontablemodel.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"
#include "shell/mainwindow.h"
#include "storage/database.h"
#include "storage/statement.h"

#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Vitrine;
using Vitrine::Reliability::CliRun;
using Vitrine::Reliability::runCli;

namespace {

/**
 * A catalog as a plain CSV import leaves it: untitled items without category or brand, people
 * with nothing but an id (one with no events at all), a few events.
 */
const char PlainSql[] = R"(
INSERT INTO items (id, sku, title) VALUES (1, 'A1', ''), (2, 'A2', ''), (3, 'A3', '');
INSERT INTO users (id, external_id) VALUES (1, 'p1'), (2, 'p2'), (3, 'only');
INSERT INTO events (user_id, ts, item_id, type) VALUES
    (1, 1700000000, 1, 0), (1, 1700086400, 2, 0), (1, 1700600000, 2, 3), (2, 1700000500, 3, 0);
)";

/** Many people (ids 1..N), so the table must page: gender and birth years vary with the id. */
const char ManySql[] = R"(
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1)
INSERT INTO users (id, external_id, name, gender, birth_year, country)
SELECT i, printf('person-%06d', i), printf('Person %d', i), substr('fmx', 1 + i % 3, 1), 1940 + i % 60,
       CASE i % 4 WHEN 0 THEN 'Sweden' WHEN 1 THEN 'France' ELSE 'Spain' END FROM n;
)";

constexpr int ManyPeople = 5000;

bool writeCatalog(const QString &path, const QString &sql, QString *error)
{
    Database db;
    return db.open(path, Database::OpenMode::Create, error) && db.exec(sql, error);
}

qint64 countWhere(const QString &path, const QString &where)
{
    Database db;
    QString error;
    if (!db.open(path, Database::OpenMode::ReadOnly, &error))
        return -1;
    return db.queryInt(QStringLiteral("SELECT count(*) FROM users")
        + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where));
}

/** The external ids of every row of the table, reading every block (as scrolling would). */
QStringList allExternalIds(PersonTableModel *model)
{
    QStringList ids;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (!index.data(PersonTableModel::LoadedRole).toBool()) {
            if (!QTest::qWaitFor([&] { return model->isLoaded(row); }, 10000))
                return {QStringLiteral("<row %1 never loaded>").arg(row)};
        }
        ids.append(index.data(PersonTableModel::ExternalIdRole).toString());
    }
    return ids;
}

QStringList cliLines(const QByteArray &out)
{
    QStringList lines = QString::fromUtf8(out).split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestPeopleWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void tableCountsEveryoneAndPagesLazily();
    void filtersNarrowTheTable_data();
    void filtersNarrowTheTable();
    void lateBlocksOfAnOlderSearchAreDropped();
    void ctrlEndReachesTheLastPerson();
    void scrollingReadsTheRowsInView();
    void windowOpensAPersonByExternalId();
    void openingAPersonSelectsTheirRow();
    void headerSortsTheWholeList_data();
    void headerSortsTheWholeList();
    void segmentFilterShowsTheCliMembers();
    void personSegmentsEqualTheCli();
    void personPageShowsProfileValueEventsAndAffinities();
    void slotShowsWhatTheCliRecommends();
    void selectingARowOpensThePerson();
    void personWithoutEventsNameOrEmail();
    void unknownPersonSaysSo();
    void aNewerPersonWinsOverLateAnswers();
    void screenshots();

private:
    std::unique_ptr<CatalogSession> openSession(const QString &path);
    PeoplePage *openPage(const QString &path);

    QTemporaryDir m_dir;
    QString m_demo;
    QString m_plain;
    QString m_many;
    std::unique_ptr<CatalogSession> m_session;
    std::unique_ptr<PeoplePage> m_page;
};

void TestPeopleWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_demo = m_dir.filePath(QStringLiteral("demo.vitrine"));
    m_plain = m_dir.filePath(QStringLiteral("plain.vitrine"));
    m_many = m_dir.filePath(QStringLiteral("many.vitrine"));
    // The demo through the command line, so it has the starter segments and slots as users get them.
    const CliRun demo = runCli(m_demo,
        {QStringLiteral("--db"), m_demo, QStringLiteral("demo"), QStringLiteral("--users"),
            QStringLiteral("400"), QStringLiteral("--items"), QStringLiteral("150"),
            QStringLiteral("--events"), QStringLiteral("12000"), QStringLiteral("--seed"),
            QStringLiteral("7")});
    QVERIFY2(demo.exitCode == 0, demo.describe().constData());
    QString error;
    QVERIFY2(writeCatalog(m_plain, QString::fromUtf8(PlainSql), &error), qPrintable(error));
    QVERIFY2(writeCatalog(m_many, QString::fromUtf8(ManySql).arg(ManyPeople), &error), qPrintable(error));
}

void TestPeopleWorkspace::cleanup()
{
    if (m_session)
        m_session->jobs()->waitForAll(30000);
    m_page.reset();
    m_session.reset();
}

std::unique_ptr<CatalogSession> TestPeopleWorkspace::openSession(const QString &path)
{
    QString error;
    auto session = CatalogSession::open(path, &error);
    if (!session)
        qWarning() << "cannot open" << path << error;
    return session;
}

PeoplePage *TestPeopleWorkspace::openPage(const QString &path)
{
    m_page.reset();
    m_session = openSession(path);
    if (!m_session)
        return nullptr;
    m_page = std::make_unique<PeoplePage>(m_session.get());
    m_page->resize(1200, 760);
    m_page->show();
    return m_page.get();
}

void TestPeopleWorkspace::tableCountsEveryoneAndPagesLazily()
{
    PeoplePage *page = openPage(m_many);
    QVERIFY(page);
    PersonTableModel *model = page->model();
    QTRY_VERIFY(model->isCounted());
    // The scroll bar is right from the start: every person counts, though few are read.
    QCOMPARE(model->rowCount(), ManyPeople);
    QVERIFY(model->isLoaded(0));
    QVERIFY(!model->isLoaded(ManyPeople - 1));
    QCOMPARE(model->index(0, PersonTableModel::ExternalIdColumn).data().toString(),
        QStringLiteral("person-000001"));
    const auto *summary = page->findChild<QLabel *>(QStringLiteral("peopleSummary"));
    QCOMPARE(summary->text(), QStringLiteral("5,000 people"));
}

void TestPeopleWorkspace::filtersNarrowTheTable_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("country");
    QTest::addColumn<int>("gender"); // index in the gender combo
    QTest::addColumn<int>("age"); // index in the age combo
    QTest::addColumn<QString>("where");

    // Ages are taken in the year of the engine's time, which has no events here: this year.
    const int year = QDate::currentDate().year();
    QTest::newRow("search by name") << QStringLiteral("Person 12") << QString() << 0 << 0
                                    << QStringLiteral("name LIKE '%Person 12%'");
    QTest::newRow("search by id") << QStringLiteral("person-0049") << QString() << 0 << 0
                                  << QStringLiteral("external_id LIKE '%person-0049%'");
    QTest::newRow("country") << QString() << QStringLiteral("Sweden") << 0 << 0
                             << QStringLiteral("country = 'Sweden'");
    QTest::newRow("gender") << QString() << QString() << 2 << 0 << QStringLiteral("gender = 'm'");
    QTest::newRow("age 25-34")
        << QString() << QString() << 0 << 2
        << QStringLiteral("birth_year BETWEEN %1 AND %2").arg(year - 34).arg(year - 25);
    QTest::newRow("all at once") << QStringLiteral("Person 1") << QStringLiteral("France") << 1 << 6
                                 << QStringLiteral(
                                        "name LIKE '%Person 1%' AND country = 'France' AND gender = 'f'"
                                        " AND birth_year <= %1")
                                        .arg(year - 65);
    QTest::newRow("nobody") << QStringLiteral("no such person") << QString() << 0 << 0 << QStringLiteral("0");
}

void TestPeopleWorkspace::filtersNarrowTheTable()
{
    QFETCH(QString, search);
    QFETCH(QString, country);
    QFETCH(int, gender);
    QFETCH(int, age);
    QFETCH(QString, where);

    PeoplePage *page = openPage(m_many);
    QVERIFY(page);
    auto *countryCombo = page->findChild<QComboBox *>(QStringLiteral("countryFilter"));
    QTRY_COMPARE(countryCombo->count(), 4); // "All countries" and the three countries
    QTRY_VERIFY(m_session->engine());
    QTRY_VERIFY(page->model()->isCounted());

    if (!country.isEmpty())
        countryCombo->setCurrentIndex(countryCombo->findText(country));
    page->findChild<QComboBox *>(QStringLiteral("genderFilter"))->setCurrentIndex(gender);
    page->findChild<QComboBox *>(QStringLiteral("ageFilter"))->setCurrentIndex(age);
    auto *searchBox = page->findChild<QLineEdit *>(QStringLiteral("peopleSearch"));
    QTest::keyClicks(searchBox, search);
    QTest::keyClick(searchBox, Qt::Key_Return);

    const qint64 expected = countWhere(m_many, where);
    QTRY_VERIFY(page->model()->isCounted());
    QTRY_COMPARE(page->model()->rowCount(), int(expected));
    const auto *summary = page->findChild<QLabel *>(QStringLiteral("peopleSummary"));
    if (expected == 0)
        QVERIFY2(summary->text().contains(QStringLiteral("Clear the search")), qPrintable(summary->text()));
    else
        QVERIFY2(summary->text().contains(QStringLiteral("match")), qPrintable(summary->text()));
}

void TestPeopleWorkspace::lateBlocksOfAnOlderSearchAreDropped()
{
    PeoplePage *page = openPage(m_many);
    QVERIFY(page);
    PersonTableModel *model = page->model();
    // The page re-applies its filters once the countries and the engine are in: wait for that.
    QTRY_COMPARE(page->findChild<QComboBox *>(QStringLiteral("countryFilter"))->count(), 4);
    QTRY_VERIFY(m_session->engine());
    m_session->jobs()->waitForAll(10000);
    QTRY_VERIFY(model->isCounted());
    // Ask for a far block of the unfiltered list, then search before it can arrive.
    QVERIFY(!model->index(3000, 0).data(PersonTableModel::LoadedRole).toBool());
    PersonFilter filter = model->filter();
    filter.text = QStringLiteral("person-0001");
    model->setFilter(filter);
    QTRY_VERIFY(model->isCounted());
    m_session->jobs()->waitForAll(10000);
    QCOMPARE(model->rowCount(), int(countWhere(m_many, QStringLiteral("external_id LIKE '%person-0001%'"))));
    for (const QString &id : allExternalIds(model))
        QVERIFY2(id.contains(QStringLiteral("person-0001")), qPrintable(id));
}

void TestPeopleWorkspace::ctrlEndReachesTheLastPerson()
{
    PeoplePage *page = openPage(m_many);
    QVERIFY(page);
    QTRY_VERIFY(page->model()->isCounted());
    QTableView *table = page->table();
    table->setFocus();
    table->setCurrentIndex(page->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(table->currentIndex().row(), ManyPeople - 1);
    QTRY_VERIFY(page->model()->isLoaded(ManyPeople - 1));
    QCOMPARE(page->model()->index(ManyPeople - 1, 0).data().toString(),
        QStringLiteral("person-%1").arg(ManyPeople, 6, 10, QLatin1Char('0')));
    // The current row opens once its block is read.
    QTRY_COMPARE(page->personPage()->externalId(), QStringLiteral("person-005000"));
    // Scrolling back reads the blocks between by offset or by the previous block's last id alike.
    QCOMPARE(allExternalIds(page->model()).mid(2399, 2),
        QStringList({QStringLiteral("person-002400"), QStringLiteral("person-002401")}));
}

void TestPeopleWorkspace::scrollingReadsTheRowsInView()
{
    PeoplePage *page = openPage(m_many);
    QVERIFY(page);
    QTRY_VERIFY(page->model()->isCounted());
    QTableView *table = page->table();
    // A drag of the scroll bar to the middle: the rows that come into view are read, in order.
    table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum() / 2);
    const int top = table->rowAt(0);
    QVERIFY(top > PersonTableModel::BlockSize);
    QTRY_VERIFY(page->model()->isLoaded(top));
    QCOMPARE(page->model()->index(top, 0).data().toString(),
        QStringLiteral("person-%1").arg(top + 1, 6, 10, QLatin1Char('0')));
    const int bottom = table->rowAt(table->viewport()->height() - 2);
    QTRY_VERIFY(page->model()->isLoaded(bottom));
}

void TestPeopleWorkspace::windowOpensAPersonByExternalId()
{
    // What quick open does: the window shows the People workspace with that person.
    MainWindow window;
    QString error;
    QVERIFY2(window.openCatalog(m_demo, &error), qPrintable(error));
    window.resize(1200, 760);
    window.show();
    QVERIFY(window.showObject(Workspace::People, QStringLiteral("U00002")));
    QCOMPARE(window.currentWorkspace(), Workspace::People);
    auto *page = window.findChild<PeoplePage *>();
    QVERIFY(page);
    QTRY_VERIFY(page->personPage()->isProfileLoaded());
    QVERIFY(page->personPage()->profile());
    QCOMPARE(page->personPage()->profile()->externalId, QStringLiteral("U00002"));
}

void TestPeopleWorkspace::openingAPersonSelectsTheirRow()
{
    PeoplePage *page = openPage(m_many);
    QVERIFY(page);
    QTRY_COMPARE(page->findChild<QComboBox *>(QStringLiteral("countryFilter"))->count(), 4);
    QTRY_VERIFY(m_session->engine());
    m_session->jobs()->waitForAll(10000);
    QTRY_VERIFY(page->model()->isCounted());

    // Far down a list read lazily: the row is found, selected and scrolled to.
    QVERIFY(page->showObject(QStringLiteral("person-004321")));
    QTRY_COMPARE(page->table()->currentIndex().row(), 4320);
    QTRY_VERIFY(page->model()->isLoaded(4320));
    QCOMPARE(page->model()->index(4320, 0).data().toString(), QStringLiteral("person-004321"));
    QCOMPARE(page->personPage()->externalId(), QStringLiteral("person-004321"));

    // A search that hides the person gives way to them.
    auto *searchBox = page->findChild<QLineEdit *>(QStringLiteral("peopleSearch"));
    QTest::keyClicks(searchBox, QStringLiteral("person-0001"));
    QTest::keyClick(searchBox, Qt::Key_Return);
    QTRY_VERIFY(page->model()->isCounted());
    QVERIFY(page->model()->rowCount() < 200);
    QVERIFY(page->showObject(QStringLiteral("person-002500")));
    QTRY_COMPARE(page->table()->currentIndex().row(), 2499);
    QVERIFY(searchBox->text().isEmpty());
    QCOMPARE(page->model()->rowCount(), ManyPeople);

    // Someone the catalog does not hold leaves the list as it is, with no row chosen.
    QVERIFY(page->showObject(QStringLiteral("nobody-at-all")));
    m_session->jobs()->waitForAll(10000);
    QCoreApplication::processEvents();
    QCOMPARE(page->table()->currentIndex().row(), -1);
    QCOMPARE(page->model()->rowCount(), ManyPeople);
}

void TestPeopleWorkspace::headerSortsTheWholeList_data()
{
    QTest::addColumn<bool>("demo");
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QString>("orderBy");

    // Text sorts as text ("Person 10" before "Person 2"); ties go by id, in the same direction.
    QTest::newRow("name, descending") << false << int(PersonTableModel::NameColumn) << Qt::DescendingOrder
                                      << QStringLiteral("name DESC, id DESC");
    QTest::newRow("country") << false << int(PersonTableModel::CountryColumn) << Qt::AscendingOrder
                             << QStringLiteral("country, id");
    // Age: youngest first, people of unknown age last.
    QTest::newRow("age") << true << int(PersonTableModel::AgeColumn) << Qt::AscendingOrder
                         << QStringLiteral("coalesce(birth_year, 0) <= 0, birth_year DESC, id");
    QTest::newRow("e-mail, descending") << true << int(PersonTableModel::EmailColumn) << Qt::DescendingOrder
                                        << QStringLiteral("coalesce(email, '') DESC, id DESC");
}

void TestPeopleWorkspace::headerSortsTheWholeList()
{
    QFETCH(bool, demo);
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QString, orderBy);
    const QString catalog = demo ? m_demo : m_many;

    PeoplePage *page = openPage(catalog);
    QVERIFY(page);
    QTRY_VERIFY(m_session->engine());
    m_session->jobs()->waitForAll(10000);
    QTRY_VERIFY(page->model()->isCounted());
    // A click on the header, as a user sorts.
    page->table()->sortByColumn(column, order);
    QCOMPARE(page->model()->filter().order.descending, order == Qt::DescendingOrder);
    QTRY_VERIFY(page->model()->isCounted());

    QStringList expected;
    {
        Database db;
        QString error;
        QVERIFY2(db.open(catalog, Database::OpenMode::ReadOnly, &error), qPrintable(error));
        Statement statement = db.prepare(QStringLiteral("SELECT external_id FROM users ORDER BY ") + orderBy);
        while (statement.step() == Statement::Step::Row)
            expected.append(statement.text(0));
    }
    // Every block, read one after another from the previous block's last row.
    QCOMPARE(allExternalIds(page->model()), expected);

    // Opening a person finds their row in this order.
    const QString target = expected.at(expected.size() * 2 / 3);
    QVERIFY(page->showObject(target));
    QTRY_COMPARE(page->table()->currentIndex().row(), int(expected.size() * 2 / 3));
}

void TestPeopleWorkspace::segmentFilterShowsTheCliMembers()
{
    PeoplePage *page = openPage(m_demo);
    QVERIFY(page);
    auto *segmentCombo = page->findChild<QComboBox *>(QStringLiteral("segmentFilter"));
    QTRY_VERIFY(segmentCombo->count() > 1);
    QTRY_VERIFY(m_session->engine());
    for (int i = 1; i < segmentCombo->count(); ++i) {
        const QString name = segmentCombo->itemData(i).toString();
        const CliRun run = runCli(m_demo,
            {QStringLiteral("--db"), m_demo, QStringLiteral("--json"), QStringLiteral("segment"),
                QStringLiteral("members"), name, QStringLiteral("--limit"), QStringLiteral("0")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QStringList expected;
        for (const QJsonValue &id : run.json().value(QStringLiteral("members")).toArray())
            expected.append(id.toString());
        expected.sort();

        segmentCombo->setCurrentIndex(i);
        const auto *summary = page->findChild<QLabel *>(QStringLiteral("peopleSummary"));
        QTRY_VERIFY2(!summary->text().contains(QStringLiteral("Finding")), qPrintable(summary->text()));
        QTRY_VERIFY(page->model()->isCounted());
        QStringList shown = allExternalIds(page->model());
        shown.sort();
        QCOMPARE(shown, expected);
    }
}

void TestPeopleWorkspace::personSegmentsEqualTheCli()
{
    PeoplePage *page = openPage(m_demo);
    QVERIFY(page);
    QTRY_VERIFY(m_session->engine());
    const EngineSessionPtr engine = m_session->engine();
    // Somebody of no particular interest, and a member of each of a few segments.
    QStringList people = {engine->snapshot()->externalId(0)};
    QString error;
    const auto audience = engine->audience(&error);
    QVERIFY2(audience, qPrintable(error));
    for (const QString &name : audience->library().names().mid(0, 3)) {
        const auto members = audience->members(name, &error);
        QVERIFY2(members, qPrintable(error));
        if (!members->isEmpty())
            people.append(engine->snapshot()->externalId(members->toList().back()));
    }
    int memberships = 0;
    for (const QString &person : std::as_const(people)) {
        QVERIFY2(engine->snapshot()->userIndexByExternalId(person) >= 0, qPrintable(person));
        QVERIFY(page->showObject(person));
        PersonPage *personPage = page->personPage();
        QTRY_VERIFY(personPage->isInsightLoaded());
        const PersonInsight &insight = personPage->insight();
        QVERIFY(insight.found);
        QVERIFY(!insight.segments.empty());

        QStringList cliMembership;
        for (const PersonInsight::Segment &segment : insight.segments) {
            const CliRun explain = runCli(m_demo,
                {QStringLiteral("--db"), m_demo, QStringLiteral("segment"), QStringLiteral("explain"),
                    segment.name, QStringLiteral("--user"), person});
            QVERIFY2(explain.exitCode == 0, explain.describe().constData());
            QStringList lines = cliLines(explain.out);
            QVERIFY(!lines.isEmpty());
            const bool member = lines.first().startsWith(person + QStringLiteral(" is in "));
            if (member)
                cliMembership.append(segment.name);
            // The same reasons, with the same actual values, as the command line prints them.
            QStringList expectedLines;
            for (const QString &line : lines.mid(1))
                expectedLines.append(line.mid(2));
            QCOMPARE(segment.explanation.toLines(), expectedLines);
        }
        memberships += int(cliMembership.size());
        QCOMPARE(personPage->segmentModel()->memberSegments(), cliMembership);
        QCOMPARE(insight.memberSegments(), cliMembership);
        // The tab says how many: a user sees the count without opening it.
        QVERIFY2(personPage->tabs()->tabText(1).contains(QStringLiteral("(%1 of").arg(cliMembership.size())),
            qPrintable(personPage->tabs()->tabText(1)));
    }
    QVERIFY2(memberships > 0, "the people compared belong to no segment: the comparison proves little");
}

void TestPeopleWorkspace::personPageShowsProfileValueEventsAndAffinities()
{
    PeoplePage *page = openPage(m_demo);
    QVERIFY(page);
    QTRY_VERIFY(m_session->engine());
    const EngineSessionPtr engine = m_session->engine();
    QString error;
    const auto audience = engine->audience(&error);
    QVERIFY2(audience, qPrintable(error));
    const PersonFeatures &features = *audience->features();
    // A buyer with events, so every section has something to show.
    int user = 0;
    while (user < features.userCount() && !features.isBuyer(user))
        ++user;
    QVERIFY(user < features.userCount());
    const QString person = engine->snapshot()->externalId(user);

    page->showObject(person);
    PersonPage *personPage = page->personPage();
    QTRY_VERIFY(personPage->isProfileLoaded());
    QTRY_VERIFY(personPage->isInsightLoaded());
    QVERIFY(personPage->profile());
    QCOMPARE(personPage->profile()->externalId, person);
    QCOMPARE(
        personPage->findChild<QLabel *>(QStringLiteral("personTitle"))->text(), personPage->profile()->name);

    // Value: the features' own figures.
    const PersonInsight &insight = personPage->insight();
    QCOMPARE(insight.monetary, features.monetary(user));
    QCOMPARE(insight.orders, features.orders(user));
    QCOMPARE(insight.monetaryScore, features.score(ValueMeasure::MonetaryScore, user));
    QVERIFY(insight.recencyScore >= 1 && insight.recencyScore <= 5);

    // Events: as many rows as the catalog holds for the person, and a chart of them.
    Database db;
    QVERIFY(db.open(m_demo, Database::OpenMode::ReadOnly, &error));
    const qint64 events = db.queryInt(QStringLiteral(
        "SELECT count(*) FROM events e JOIN users u ON u.id = e.user_id WHERE u.external_id = '%1'")
                                          .arg(person));
    QVERIFY(events > 0);
    QCOMPARE(personPage->eventModel()->rowCount(), int(std::min<qint64>(events, PersonPage::MaxEvents)));
    auto *eventChart = personPage->findChild<QChartView *>(QStringLiteral("eventChart"));
    QVERIFY(!eventChart->chart()->series().isEmpty());

    // Affinities: the same shares as the features' columns over everybody.
    QVERIFY(!insight.categories.isEmpty());
    for (const PersonAffinities::Share &share :
        PersonAffinities::compute(features, PersonFeatures::Dimension::Category, user))
        QCOMPARE(float(share.share),
            (*features.affinity(PersonFeatures::Dimension::Category, share.target))[size_t(user)]);
    for (const PersonAffinities::Share &share :
        PersonAffinities::compute(features, PersonFeatures::Dimension::Brand, user))
        QCOMPARE(float(share.share),
            (*features.affinity(PersonFeatures::Dimension::Brand, share.target))[size_t(user)]);
    QVERIFY(
        !personPage->findChild<QChartView *>(QStringLiteral("categoryChart"))->chart()->series().isEmpty());
}

void TestPeopleWorkspace::slotShowsWhatTheCliRecommends()
{
    PeoplePage *page = openPage(m_demo);
    QVERIFY(page);
    QTRY_VERIFY(m_session->engine());
    const QString person = m_session->engine()->snapshot()->externalId(3);
    page->showObject(person);
    PersonPage *personPage = page->personPage();
    QTRY_VERIFY(personPage->isInsightLoaded());
    QComboBox *slotBox = personPage->slotCombo();
    QCOMPARE(slotBox->count(), int(m_session->engine()->recommender().slotKeys().size()));
    QVERIFY(slotBox->count() > 0);
    const int last = slotBox->count() - 1;
    QSignalSpy shown(personPage, &PersonPage::recommendationsLoaded);
    slotBox->setCurrentIndex(last);
    QTRY_VERIFY(!shown.isEmpty());
    if (personPage->slotCombo()->currentIndex() != last)
        QFAIL("the slot choice did not stick");
    QTRY_VERIFY(m_session->jobs()->activeJobs().isEmpty());

    const QString slot = slotBox->currentData().toString();
    const CliRun run = runCli(m_demo,
        {QStringLiteral("--db"), m_demo, QStringLiteral("--json"), QStringLiteral("recommend"),
            QStringLiteral("--user"), person, QStringLiteral("--slot"), slot});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QStringList expected;
    for (const QJsonValue &item : run.json().value(QStringLiteral("items")).toArray())
        expected.append(item.toObject().value(QStringLiteral("item")).toString());
    QStringList shownSkus;
    for (int row = 0; row < personPage->recommendationModel()->rowCount(); ++row)
        shownSkus.append(personPage->recommendationModel()->index(row, 1).data().toString());
    QCOMPARE(shownSkus, expected);
}

void TestPeopleWorkspace::selectingARowOpensThePerson()
{
    PeoplePage *page = openPage(m_demo);
    QVERIFY(page);
    QTRY_VERIFY(page->model()->isCounted());
    auto *empty = page->findChild<QLabel *>(QStringLiteral("personEmptyState"));
    QVERIFY(empty->isVisible());
    QTableView *table = page->table();
    const QRect cell = table->visualRect(page->model()->index(2, PersonTableModel::NameColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    const QString expected = page->model()->index(2, 0).data(PersonTableModel::ExternalIdRole).toString();
    QCOMPARE(page->personPage()->externalId(), expected);
    QTRY_VERIFY(page->personPage()->isProfileLoaded());
    QVERIFY(!empty->isVisible());
    QCOMPARE(page->personPage()->profile()->externalId, expected);
}

void TestPeopleWorkspace::personWithoutEventsNameOrEmail()
{
    PeoplePage *page = openPage(m_plain);
    QVERIFY(page);
    QTRY_VERIFY(m_session->engine());
    page->showObject(QStringLiteral("only"));
    PersonPage *personPage = page->personPage();
    QTRY_VERIFY(personPage->isProfileLoaded());
    QTRY_VERIFY(personPage->isInsightLoaded());
    // Without a name the external id is the title; no e-mail, no events: said, not blank.
    QCOMPARE(personPage->findChild<QLabel *>(QStringLiteral("personTitle"))->text(), QStringLiteral("only"));
    QVERIFY2(personPage->findChild<QLabel *>(QStringLiteral("personSubtitle"))
                 ->text()
                 .contains(QStringLiteral("0 events")),
        qPrintable(personPage->findChild<QLabel *>(QStringLiteral("personSubtitle"))->text()));
    QCOMPARE(personPage->eventModel()->rowCount(), 0);
    QCOMPARE(personPage->tabs()->tabText(2), QStringLiteral("Events (0)"));
    const QStringList texts = [&] {
        QStringList all;
        for (const QLabel *label : personPage->findChildren<QLabel *>())
            all.append(label->text());
        return all;
    }();
    QVERIFY(texts.join(QLatin1Char('\n')).contains(QStringLiteral("No events yet")));
    QVERIFY(texts.join(QLatin1Char('\n')).contains(QStringLiteral("have no categories")));
    QVERIFY(texts.join(QLatin1Char('\n')).contains(QStringLiteral("No purchase up to")));
    QCOMPARE(personPage->insight().recencyScore, 0);
}

void TestPeopleWorkspace::unknownPersonSaysSo()
{
    PeoplePage *page = openPage(m_plain);
    QVERIFY(page);
    page->showObject(QStringLiteral("nobody-here"));
    QTRY_VERIFY(page->personPage()->isProfileLoaded());
    QVERIFY(!page->personPage()->profile());
    QVERIFY(page->personPage()
                ->findChild<QLabel *>(QStringLiteral("personSubtitle"))
                ->text()
                .contains(QStringLiteral("no person")));
}

void TestPeopleWorkspace::aNewerPersonWinsOverLateAnswers()
{
    PeoplePage *page = openPage(m_demo);
    QVERIFY(page);
    QTRY_VERIFY(m_session->engine());
    const Snapshot &snapshot = *m_session->engine()->snapshot();
    // Clicking through people faster than their answers come: only the last one is shown.
    for (int user = 10; user < 15; ++user)
        page->showObject(snapshot.externalId(user));
    PersonPage *personPage = page->personPage();
    QTRY_VERIFY(personPage->isInsightLoaded() && personPage->isProfileLoaded());
    m_session->jobs()->waitForAll(30000);
    QCOMPARE(personPage->externalId(), snapshot.externalId(14));
    QCOMPARE(personPage->profile()->externalId, snapshot.externalId(14));
    QCOMPARE(personPage->insight().user, 14);
}

/**
 * Not a check: with VITRINE_SCREENSHOTS=DIR, saves the page as a user sees it (1200×760), on
 * VITRINE_SCREENSHOT_DB (else the small demo) and on the plain catalog, for a look and the docs.
 */
void TestPeopleWorkspace::screenshots()
{
    const QString folder = qEnvironmentVariable("VITRINE_SCREENSHOTS");
    if (folder.isEmpty())
        QSKIP("set VITRINE_SCREENSHOTS=DIR to save screenshots");
    QDir().mkpath(folder);
    const QString catalog = qEnvironmentVariableIsSet("VITRINE_SCREENSHOT_DB")
        ? qEnvironmentVariable("VITRINE_SCREENSHOT_DB")
        : m_demo;
    const auto save = [&](const QString &name) {
        QTest::qWait(200);
        QVERIFY(m_page->grab().save(QDir(folder).filePath(name)));
    };

    PeoplePage *page = openPage(catalog);
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->engine(), 120000);
    QTRY_VERIFY(page->model()->isCounted());
    save(QStringLiteral("people-empty.png"));

    const EngineSessionPtr engine = m_session->engine();
    QString error;
    const auto audience = engine->audience(&error);
    QVERIFY2(audience, qPrintable(error));
    // Someone with a few segments and a history, as a marketer would pick.
    std::vector<std::shared_ptr<const PersonSet>> sets;
    for (const QString &name : audience->library().names()) {
        if (const auto set = audience->members(name, &error))
            sets.push_back(set);
    }
    int user = 0;
    for (int u = 0; u < audience->features()->userCount(); ++u) {
        const auto in
            = std::count_if(sets.cbegin(), sets.cend(), [u](const auto &set) { return set->contains(u); });
        if (audience->features()->orders(u) >= 3 && audience->features()->events(u).size() > 40 && in >= 2) {
            user = u;
            break;
        }
    }
    const int row = user < page->model()->rowCount() ? user : 0;
    page->table()->scrollTo(page->model()->index(row, 0));
    QTRY_VERIFY(page->model()->isLoaded(row));
    page->table()->selectRow(row);
    PersonPage *personPage = page->personPage();
    QTRY_VERIFY_WITH_TIMEOUT(personPage->isInsightLoaded(), 120000);
    QTRY_VERIFY(personPage->isProfileLoaded());
    QTRY_VERIFY_WITH_TIMEOUT(m_session->jobs()->activeJobs().isEmpty(), 60000);
    const QStringList names = {QStringLiteral("people-profile.png"), QStringLiteral("people-segments.png"),
        QStringLiteral("people-events.png"), QStringLiteral("people-affinities.png"),
        QStringLiteral("people-recommendations.png")};
    for (int tab = 0; tab < names.size(); ++tab) {
        personPage->tabs()->setCurrentIndex(tab);
        save(names.at(tab));
    }

    page = openPage(m_plain);
    QTRY_VERIFY(m_session->engine());
    page->showObject(QStringLiteral("only"));
    QTRY_VERIFY(page->personPage()->isInsightLoaded());
    QTRY_VERIFY(page->personPage()->isProfileLoaded());
    save(QStringLiteral("people-plain-profile.png"));
    page->personPage()->tabs()->setCurrentIndex(2);
    save(QStringLiteral("people-plain-events.png"));
    page->personPage()->tabs()->setCurrentIndex(3);
    save(QStringLiteral("people-plain-affinities.png"));
    page->showObject(QStringLiteral("p1"));
    QTRY_VERIFY(page->personPage()->isInsightLoaded());
    QTRY_VERIFY(page->personPage()->isProfileLoaded());
    page->personPage()->tabs()->setCurrentIndex(2);
    save(QStringLiteral("people-plain-p1-events.png"));
}

QTEST_MAIN(TestPeopleWorkspace)
#include "tst_peopleworkspace.moc"
