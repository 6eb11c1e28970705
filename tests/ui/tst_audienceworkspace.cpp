// SPDX-License-Identifier: GPL-3.0-or-later
// The Audience workspace as a marketer uses it: the segment list, the rule builder with live
// counts, undo, the JSON tab, members with why / why not, and what the command line agrees on.
#include "../reliability/clirunner.h"

#include "audience/audiencepage.h"
#include "audience/choicelistbutton.h"
#include "audience/conditionrow.h"
#include "audience/membertablemodel.h"
#include "audience/rulebuilder.h"
#include "audience/segmentlistmodel.h"
#include "audience/segmentmembersview.h"
#include "audience/segmentinsightsview.h"
#include "audience/segmentpriority.h"
#include "config/confighistory.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"
#include "storage/configstore.h"
#include "storage/database.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Vitrine;
using Vitrine::Reliability::CliRun;
using Vitrine::Reliability::runCli;

namespace {

QString compact(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

/** Picks a field in a condition row's picker, as a click in its list would. */
void pickField(ConditionRow *row, const QString &fieldId)
{
    const int at = row->fieldPicker()->findData(fieldId);
    QVERIFY2(at >= 0, qPrintable(fieldId));
    row->fieldPicker()->setCurrentIndex(at);
}

QToolButton *buttonWithText(QWidget *parent, const QString &text)
{
    for (QToolButton *button : parent->findChildren<QToolButton *>()) {
        if (button->text() == text && button->isVisible())
            return button;
    }
    return nullptr;
}

} // namespace

class TestAudienceWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void listShowsEverySegmentWithTheCliSize();
    void builtRuleCountsAsTheCli();
    void rowsCountLikeAFunnel();
    void undoAndRedoTheBuilder();
    void typingMergesIntoOneUndoStep();
    void jsonTabRoundTrips();
    void draggingARowRegroupsIt();
    void invalidValueMarksItsRowAndSavesNothing_data();
    void invalidValueMarksItsRowAndSavesNothing();
    void removingASegmentInUseIsRefused();
    void removeRenameAndDuplicateAreUndoableAndSave();
    void priorityDragIsUndoableAndSaves();
    void membersExplainAndExport();
    void insightBarNarrowsTheMembers();
    void plainCatalogStartsEmpty();
    void screenshots();

private:
    AudiencePage *openPage(const QString &path);
    QStringList storedSegments() const;

    QTemporaryDir m_dir;
    QString m_demo;
    QString m_plain;
    std::unique_ptr<CatalogSession> m_session;
    std::unique_ptr<AudiencePage> m_page;
};

void TestAudienceWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_demo = m_dir.filePath(QStringLiteral("demo.vitrine"));
    m_plain = m_dir.filePath(QStringLiteral("plain.vitrine"));
    const CliRun demo = runCli(m_demo,
        {QStringLiteral("--db"), m_demo, QStringLiteral("demo"), QStringLiteral("--users"), QStringLiteral("600"),
            QStringLiteral("--items"), QStringLiteral("150"), QStringLiteral("--events"), QStringLiteral("20000"),
            QStringLiteral("--seed"), QStringLiteral("11")});
    QVERIFY2(demo.exitCode == 0, demo.describe().constData());
    QFile csv(m_dir.filePath(QStringLiteral("events.csv")));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("user_id,item_id,ts\n");
    for (int i = 1; i <= 200; ++i)
        csv.write(QStringLiteral("P%1,SKU-%2,2026-0%3-1%4T10:00:00\n").arg(i % 29).arg(i % 17).arg(i % 9 + 1).arg(i % 9).toUtf8());
    csv.close();
    const CliRun plain = runCli(m_plain,
        {QStringLiteral("--db"), m_plain, QStringLiteral("import"), QStringLiteral("events"), csv.fileName(),
            QStringLiteral("--create-missing")});
    QVERIFY2(plain.exitCode == 0, plain.describe().constData());
}

void TestAudienceWorkspace::cleanup()
{
    if (m_session)
        m_session->jobs()->waitForAll(30000);
    m_page.reset();
    if (m_session)
        m_session->discardChanges();
    m_session.reset();
}

AudiencePage *TestAudienceWorkspace::openPage(const QString &path)
{
    m_page.reset();
    QString error;
    m_session = CatalogSession::open(path, &error);
    if (!m_session) {
        qWarning() << "cannot open" << path << error;
        return nullptr;
    }
    m_page = std::make_unique<AudiencePage>(m_session.get());
    m_page->resize(1280, 800);
    m_page->show();
    return m_page.get();
}

QStringList TestAudienceWorkspace::storedSegments() const
{
    Database db;
    QString error;
    if (!db.open(m_demo, Database::OpenMode::ReadOnly, &error))
        return {};
    QStringList names;
    for (const ConfigObject &object : ConfigStore(db).list(QStringLiteral("segments")))
        names.append(object.key);
    return names;
}

void TestAudienceWorkspace::listShowsEverySegmentWithTheCliSize()
{
    AudiencePage *page = openPage(m_demo);
    QVERIFY(page);
    const QStringList stored = storedSegments();
    QVERIFY(stored.size() >= 3);
    QCOMPARE(page->listModel()->rowCount(), int(stored.size()));
    QTRY_VERIFY_WITH_TIMEOUT(page->listModel()->size(stored.first()) >= 0, 30000);
    for (const QString &name : stored) {
        const CliRun count = runCli(m_demo, {QStringLiteral("--db"), m_demo, QStringLiteral("--json"), QStringLiteral("segment"),
                                                QStringLiteral("count"), name});
        QVERIFY2(count.exitCode == 0, count.describe().constData());
        QCOMPARE(page->listModel()->size(name), count.json().value(QLatin1String("size")).toInt());
    }
    // Priority first: the ranked ones lead in their order.
    const QStringList priority = page->priority();
    for (int i = 0; i < priority.size(); ++i)
        QCOMPARE(page->listModel()->nameAt(i), priority.at(i));
}

void TestAudienceWorkspace::builtRuleCountsAsTheCli()
{
    AudiencePage *page = openPage(m_demo);
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->engine(), 30000);
    page->newSegment();
    RuleBuilder *builder = page->builder();
    QCOMPARE(builder->conditionRows().size(), 1);

    // Click "+ Condition" on the top group, then make the new row "total spend at least 50" by typing.
    QToolButton *add = buttonWithText(builder, QStringLiteral("+ Condition"));
    QVERIFY(add);
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_COMPARE(builder->conditionRows().size(), 2);
    ConditionRow *row = builder->conditionRows().at(1);
    pickField(row, QStringLiteral("value:monetary"));
    row = builder->conditionRows().at(1);
    auto *value = row->findChild<QDoubleSpinBox *>(QStringLiteral("value"));
    QVERIFY(value);
    value->selectAll();
    QTest::keyClicks(value, QStringLiteral("50"));
    QCOMPARE(value->value(), 50.0);

    // The first row: purchases within 90 days becomes "at any time" by typing in the days field.
    ConditionRow *first = builder->conditionRows().at(0);
    auto *within = first->findChild<QSpinBox *>(QStringLiteral("within_days"));
    QVERIFY(within);
    within->selectAll();
    QTest::keyClicks(within, QStringLiteral("365"));

    const QJsonObject rule = page->definition(page->currentSegment()).value(QLatin1String("rule")).toObject();
    QCOMPARE(rule.value(QLatin1String("all")).toArray().size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isCounting() && page->shownCount() >= 0, 30000);
    const CliRun cli = runCli(m_demo, {QStringLiteral("--db"), m_demo, QStringLiteral("--json"), QStringLiteral("segment"),
                                          QStringLiteral("count"), QStringLiteral("--rule"), compact(rule)});
    QVERIFY2(cli.exitCode == 0, cli.describe().constData());
    QCOMPARE(page->shownCount(), cli.json().value(QLatin1String("size")).toInt());
    QVERIFY(page->shownCount() > 0);
    QCOMPARE(builder->shownCount(QString()), page->shownCount());
}

void TestAudienceWorkspace::rowsCountLikeAFunnel()
{
    AudiencePage *page = openPage(m_demo);
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->engine(), 30000);
    page->newSegment();
    const QJsonObject rule = QJsonDocument::fromJson(R"({"all": [
        {"behaviour": {"event": "view", "at_least": 1}},
        {"behaviour": {"event": "purchase", "at_least": 1}},
        {"value": {"measure": "monetary", "min": 100}}]})").object();
    page->jsonEditor()->setPlainText(QString::fromUtf8(QJsonDocument(rule).toJson()));
    QTRY_COMPARE(page->builder()->conditionRows().size(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isCounting() && page->builder()->shownCount(QStringLiteral("all[2]")) >= 0, 30000);
    const int viewed = page->builder()->shownCount(QStringLiteral("all[0]"));
    const int bought = page->builder()->shownCount(QStringLiteral("all[1]"));
    const int spent = page->builder()->shownCount(QStringLiteral("all[2]"));
    QVERIFY(viewed >= bought);
    QVERIFY(bought >= spent);
    QCOMPARE(spent, page->shownCount());
    // Each step equals the command line's count of the rule up to it.
    QJsonArray upTo;
    const QJsonArray all = rule.value(QLatin1String("all")).toArray();
    const QList<int> shown {viewed, bought, spent};
    for (int i = 0; i < 3; ++i) {
        upTo.append(all.at(i));
        const CliRun cli = runCli(m_demo, {QStringLiteral("--db"), m_demo, QStringLiteral("--json"), QStringLiteral("segment"),
                                              QStringLiteral("count"), QStringLiteral("--rule"), compact({{QStringLiteral("all"), upTo}})});
        QVERIFY2(cli.exitCode == 0, cli.describe().constData());
        QCOMPARE(shown.at(i), cli.json().value(QLatin1String("size")).toInt());
    }
}

void TestAudienceWorkspace::undoAndRedoTheBuilder()
{
    AudiencePage *page = openPage(m_demo);
    QVERIFY(page);
    const QString name = page->listModel()->nameAt(0);
    page->showObject(name);
    const QJsonObject before = page->definition(name);
    QUndoStack *undo = m_session->undoStack();
    const int rows = page->builder()->conditionRows().size();
    page->builder()->addCondition();
    QCOMPARE(page->builder()->conditionRows().size(), rows + 1);
    QVERIFY(page->definition(name) != before);
    QVERIFY(m_session->hasUnsavedChanges());
    undo->undo();
    QCOMPARE(page->definition(name), before);
    QCOMPARE(page->builder()->conditionRows().size(), rows);
    undo->redo();
    QCOMPARE(page->builder()->conditionRows().size(), rows + 1);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isCounting() && page->shownCount() >= 0, 30000);
}

void TestAudienceWorkspace::typingMergesIntoOneUndoStep()
{
    AudiencePage *page = openPage(m_demo);
    QVERIFY(page);
    page->newSegment();
    QUndoStack *undo = m_session->undoStack();
    const int steps = undo->count();
    auto *title = page->findChildren<QLineEdit *>().at(0);
    for (QLineEdit *edit : page->findChildren<QLineEdit *>()) {
        if (edit->placeholderText().startsWith(QLatin1String("A title")))
            title = edit;
    }
    title->selectAll();
    QTest::keyClicks(title, QStringLiteral("Big spenders"));
    QCOMPARE(page->definition(page->currentSegment()).value(QLatin1String("title")).toString(), QStringLiteral("Big spenders"));
    QCOMPARE(undo->count(), steps + 1);
    undo->undo();
    QCOMPARE(page->definition(page->currentSegment()).value(QLatin1String("title")).toString(), QStringLiteral("New segment"));
}

void TestAudienceWorkspace::jsonTabRoundTrips()
{
    AudiencePage *page = openPage(m_demo);
    QVERIFY(page);
    page->newSegment();
    const QJsonObject rule = QJsonDocument::fromJson(R"({"any": [
        {"profile": {"field": "country", "in": ["Denmark", "Sweden"]}},
        {"not": {"behaviour": {"event": "purchase", "within_days": 30}}},
        {"all": [{"affinity": {"brand": "Fjordline", "at_least": 0.2}}, {"value": {"measure": "frequency_score", "min": 4}}]}]})")
                                .object();
    page->jsonEditor()->setPlainText(QString::fromUtf8(QJsonDocument(rule).toJson()));
    QTRY_COMPARE(page->builder()->rule(), rule);
    QCOMPARE(page->builder()->conditionRows().size(), 4);
    // The builder's edit shows in the JSON.
    page->builder()->removeNode(QStringLiteral("any[0]"));
    QTRY_COMPARE(page->builder()->conditionRows().size(), 3);
    const QJsonObject shown = QJsonDocument::fromJson(page->jsonEditor()->toPlainText().toUtf8()).object();
    QCOMPARE(shown.value(QLatin1String("any")).toArray().size(), 2);
    QCOMPARE(shown, page->builder()->rule());
    // Broken JSON says where and keeps the rule.
    page->jsonEditor()->setPlainText(QStringLiteral("{\"all\": [ oops"));
    QTest::qWait(600);
    QCOMPARE(page->builder()->rule(), shown);
}

void TestAudienceWorkspace::draggingARowRegroupsIt()
{
    AudiencePage *page = openPage(m_demo);
    QVERIFY(page);
    page->newSegment();
    const auto rule = [](const char *text) { return QJsonDocument::fromJson(text).object(); };
    const QJsonObject before = rule(R"({"all": [{"behaviour": {"event": "view"}}, {"behaviour": {"event": "cart"}},
        {"any": [{"behaviour": {"event": "purchase"}}, {"value": {"measure": "monetary", "min": 100}}]}]})");
    page->jsonEditor()->setPlainText(QString::fromUtf8(QJsonDocument(before).toJson()));
    QTRY_COMPARE(page->builder()->rule(), before);
    const int steps = m_session->undoStack()->count();

    // The first row into the "any" group, first place.
    QVERIFY(page->builder()->moveNode(QStringLiteral("all[0]"), QStringLiteral("all[2]"), 0));
    const QJsonObject moved = rule(R"({"all": [{"behaviour": {"event": "cart"}},
        {"any": [{"behaviour": {"event": "view"}}, {"behaviour": {"event": "purchase"}}, {"value": {"measure": "monetary", "min": 100}}]}]})");
    QCOMPARE(page->builder()->rule(), moved);
    QCOMPARE(page->definition(page->currentSegment()).value(QLatin1String("rule")).toObject(), moved);
    QCOMPARE(m_session->undoStack()->count(), steps + 1);
    // A group cannot go inside itself; a row dropped where it is changes nothing.
    QVERIFY(!page->builder()->moveNode(QStringLiteral("all[1]"), QStringLiteral("all[1]"), 0));
    QVERIFY(!page->builder()->moveNode(QStringLiteral("all[0]"), QString(), 0));
    // Out of the group again, to the end of the top group.
    QVERIFY(page->builder()->moveNode(QStringLiteral("all[1].any[2]"), QString(), -1));
    QCOMPARE(page->builder()->rule().value(QLatin1String("all")).toArray().size(), 3);
    m_session->undoStack()->undo();
    m_session->undoStack()->undo();
    QCOMPARE(page->builder()->rule(), before);
}

void TestAudienceWorkspace::invalidValueMarksItsRowAndSavesNothing_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("path");
    QTest::newRow("age range upside down") << R"({"all": [{"behaviour": {"event": "view"}}, {"profile": {"field": "age", "min": 50, "max": 20}}]})"
                                           << "all[1]";
    QTest::newRow("empty group") << R"({"all": [{"behaviour": {"event": "view"}}, {"any": []}]})" << "all[1]";
    QTest::newRow("unknown segment") << R"({"any": [{"segment": "ghost"}, {"behaviour": {"event": "view"}}]})" << "any[0]";
    QTest::newRow("attribute without a name") << R"({"all": [{"profile": {"field": "attributes.", "exists": true}}, {"behaviour": {"event": "view"}}]})"
                                              << "all[0]";
}

void TestAudienceWorkspace::invalidValueMarksItsRowAndSavesNothing()
{
    QFETCH(QString, rule);
    QFETCH(QString, path);
    AudiencePage *page = openPage(m_demo);
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->engine(), 30000);
    const QString name = page->listModel()->nameAt(0);
    page->showObject(name);
    const QStringList before = storedSegments();
    Database db;
    QString error;
    QVERIFY(db.open(m_demo, Database::OpenMode::ReadOnly, &error));
    const auto stored = ConfigStore(db).get(QStringLiteral("segments"), name);
    QVERIFY(stored);

    page->jsonEditor()->setPlainText(rule);
    QTRY_COMPARE_WITH_TIMEOUT(page->builder()->problemPath(), path, 5000);
    bool marked = false;
    for (ConditionRow *row : page->builder()->conditionRows())
        marked = marked || (!row->problem().isEmpty() && page->builder()->pathOf(row) == path);
    const bool groupMarked = page->builder()->problemPath() == path;
    QVERIFY(marked || groupMarked);

    QVERIFY(!m_session->save(&error));
    QVERIFY(error.contains(path));
    const auto after = ConfigStore(db).get(QStringLiteral("segments"), name);
    QCOMPARE(after->version, stored->version);
    QCOMPARE(after->definition, stored->definition);
    QCOMPARE(storedSegments(), before);
}

void TestAudienceWorkspace::removingASegmentInUseIsRefused()
{
    AudiencePage *page = openPage(m_demo);
    QVERIFY(page);
    QString used;
    QStringList users;
    for (const QString &name : storedSegments()) {
        users = configUsers(m_session->database(), QStringLiteral("segments"), name);
        if (!users.isEmpty()) {
            used = name;
            break;
        }
    }
    QVERIFY2(!used.isEmpty(), "the demo has a segment a layout or campaign uses");
    page->showObject(used);
    QString error;
    QVERIFY(!page->removeSegment(&error));
    QVERIFY2(error.contains(users.first()), qPrintable(error));
    QVERIFY(!m_session->hasUnsavedChanges());
    QCOMPARE(page->listModel()->rowOf(used) >= 0, true);
    QVERIFY(!page->renameSegment(QStringLiteral("renamed"), &error));
}

void TestAudienceWorkspace::removeRenameAndDuplicateAreUndoableAndSave()
{
    AudiencePage *page = openPage(m_demo);
    QVERIFY(page);
    const QStringList before = storedSegments();
    QUndoStack *undo = m_session->undoStack();

    const QString copy = page->duplicateSegment();
    QVERIFY(!copy.isEmpty());
    QVERIFY(page->listModel()->rowOf(copy) >= 0);
    QString error;
    QVERIFY(!page->renameSegment(QStringLiteral("Not A Name"), &error));
    QVERIFY(page->renameSegment(QStringLiteral("copied-one"), &error));
    QCOMPARE(page->currentSegment(), QStringLiteral("copied-one"));
    QCOMPARE(page->listModel()->rowOf(copy), -1);
    undo->undo();
    QVERIFY(page->listModel()->rowOf(copy) >= 0);
    QCOMPARE(page->listModel()->rowOf(QStringLiteral("copied-one")), -1);
    undo->redo();
    QVERIFY(page->showObject(QStringLiteral("copied-one")));
    QVERIFY2(m_session->save(&error), qPrintable(error));
    QCOMPARE(storedSegments().size(), before.size() + 1);
    QVERIFY(storedSegments().contains(QStringLiteral("copied-one")));

    // Remove it again: undo brings it back, save deletes it from the catalog.
    QVERIFY(page->showObject(QStringLiteral("copied-one")));
    QVERIFY(page->removeSegment(&error));
    QCOMPARE(page->listModel()->rowOf(QStringLiteral("copied-one")), -1);
    undo->undo();
    QVERIFY(page->listModel()->rowOf(QStringLiteral("copied-one")) >= 0);
    undo->redo();
    QVERIFY2(m_session->save(&error), qPrintable(error));
    QCOMPARE(storedSegments(), before);
}

void TestAudienceWorkspace::priorityDragIsUndoableAndSaves()
{
    AudiencePage *page = openPage(m_demo);
    QVERIFY(page);
    const QStringList before = page->priority();
    QVERIFY(before.size() >= 2);
    const QString last = before.last();
    page->moveSegment(last, 0);
    QCOMPARE(page->priority().first(), last);
    QCOMPARE(page->listModel()->nameAt(0), last);
    m_session->undoStack()->undo();
    QCOMPARE(page->priority(), before);
    QCOMPARE(page->listModel()->nameAt(0), before.first());
    m_session->undoStack()->redo();
    QString error;
    QVERIFY2(m_session->save(&error), qPrintable(error));
    const auto saved = SegmentPriority::load(m_session->database(), &error);
    QVERIFY(saved);
    QCOMPARE(saved->order().first(), last);
    QCOMPARE(saved->order().size(), before.size());
    // Put it back for the other tests.
    page->moveSegment(last, before.size());
    QVERIFY2(m_session->save(&error), qPrintable(error));
    QCOMPARE(SegmentPriority::load(m_session->database(), &error)->order(), before);
}

void TestAudienceWorkspace::membersExplainAndExport()
{
    AudiencePage *page = openPage(m_demo);
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->engine(), 30000);
    const QString name = page->listModel()->nameAt(0);
    page->showObject(name);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isCounting() && page->shownCount() > 0, 30000);
    SegmentMembersView *members = page->membersView();
    QTRY_COMPARE(members->shownCount(), page->shownCount());
    QVERIFY(members->model()->rowCount() <= MemberTableModel::PageSize);

    // Members: the CLI's list, and a member is explained as one.
    const CliRun cli = runCli(m_demo, {QStringLiteral("--db"), m_demo, QStringLiteral("--json"), QStringLiteral("segment"),
                                          QStringLiteral("members"), name});
    QVERIFY2(cli.exitCode == 0, cli.describe().constData());
    const QJsonArray ids = cli.json().value(QLatin1String("members")).toArray();
    QCOMPARE(ids.size(), page->shownCount());
    const QString member = members->model()->data(members->model()->index(0, 0), Qt::DisplayRole).toString();
    QVERIFY(ids.contains(member));
    members->explainPerson(member);
    QTRY_VERIFY(members->explanation() && members->explanation()->externalId == member);
    QVERIFY(members->explanation()->member);

    // Someone outside: why not.
    const EngineSessionPtr engine = m_session->engine();
    QString outsider;
    for (int user = 0; user < engine->snapshot()->userCount() && outsider.isEmpty(); ++user) {
        if (!ids.contains(engine->snapshot()->externalId(user)))
            outsider = engine->snapshot()->externalId(user);
    }
    QVERIFY(!outsider.isEmpty());
    members->explainPerson(outsider);
    QTRY_VERIFY(members->explanation() && members->explanation()->externalId == outsider);
    QVERIFY(!members->explanation()->member);
    QVERIFY(!members->explanation()->root.held);

    // Search narrows the table.
    members->setSearch(member);
    QTRY_VERIFY(!members->isBusy());
    QVERIFY(members->shownCount() >= 1);
    QVERIFY(members->shownCount() < page->shownCount() || page->shownCount() == 1);
    members->setSearch({});
    QTRY_COMPARE(members->shownCount(), page->shownCount());

    // Export: one row per member, as `segment export` writes.
    QSignalSpy exported(members, &SegmentMembersView::exported);
    const QString path = m_dir.filePath(QStringLiteral("members.csv"));
    members->exportTo(path);
    QTRY_COMPARE(exported.count(), 1);
    QVERIFY2(exported.first().at(0).toBool(), qPrintable(exported.first().at(1).toString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), page->shownCount() + 1);
}

void TestAudienceWorkspace::insightBarNarrowsTheMembers()
{
    AudiencePage *page = openPage(m_demo);
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->engine(), 30000);
    QVERIFY(page->showObject(QStringLiteral("lapsed")));
    QTRY_VERIFY_WITH_TIMEOUT(!page->isCounting() && page->shownCount() > 0, 30000);
    // Insights compute when shown, for the rule as edited.
    page->tabs()->setCurrentWidget(page->insightsView());
    QTRY_VERIFY_WITH_TIMEOUT(page->insightsView()->stats() && !page->insightsView()->isBusy(), 60000);
    QCOMPARE(page->insightsView()->stats()->size, page->shownCount());
    const int women = page->insightsView()->stats()->genders[0].count;
    QVERIFY(women > 0);

    // The women's bar: the members tab lists exactly them.
    QChartView *view = page->insightsView()->chartView(SegmentInsightsView::Chart::Gender);
    QChart *chart = view->chart();
    QTRY_VERIFY(chart->plotArea().height() > 10);
    auto *series = qobject_cast<QBarSeries *>(chart->series().first());
    const QPointF inChart = chart->mapToPosition(QPointF(-0.2, series->barSets().at(0)->at(0) / 2), series);
    const QPoint point = view->mapFromScene(chart->mapToScene(inChart));
    QTest::mouseMove(view->viewport(), point);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, point);
    QTRY_COMPARE(page->tabs()->currentWidget(), static_cast<QWidget *>(page->membersView()));
    QTRY_VERIFY(!page->membersView()->isBusy());
    QTRY_COMPARE(page->membersView()->shownCount(), women);
    const int female = page->membersView()->model()->data(page->membersView()->model()->index(0, MemberTableModel::GenderColumn), Qt::DisplayRole) == QStringLiteral("Female");
    QVERIFY(female);

    // An edit shows in the insights when they are shown again.
    page->builder()->addCondition({}, QStringLiteral("profile:gender"));
    QTRY_VERIFY_WITH_TIMEOUT(!page->isCounting(), 30000);
    page->tabs()->setCurrentWidget(page->insightsView());
    QTRY_VERIFY_WITH_TIMEOUT(page->insightsView()->stats() && !page->insightsView()->isBusy()
            && page->insightsView()->stats()->size == page->shownCount(), 60000);
}

void TestAudienceWorkspace::plainCatalogStartsEmpty()
{
    AudiencePage *page = openPage(m_plain);
    QVERIFY(page);
    QCOMPARE(page->listModel()->rowCount(), 0);
    QVERIFY(page->currentSegment().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_session->engine(), 30000);
    const QString name = page->newSegment();
    QCOMPARE(page->currentSegment(), name);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isCounting() && page->shownCount() >= 0, 30000);
    const QJsonObject rule = page->definition(name).value(QLatin1String("rule")).toObject();
    const CliRun cli = runCli(m_plain, {QStringLiteral("--db"), m_plain, QStringLiteral("--json"), QStringLiteral("segment"),
                                           QStringLiteral("count"), QStringLiteral("--rule"), compact(rule)});
    QVERIFY2(cli.exitCode == 0, cli.describe().constData());
    QCOMPARE(page->shownCount(), cli.json().value(QLatin1String("size")).toInt());
}

/** With VITRINE_SCREENSHOTS=DIR: the builder, JSON, members, insights and compare tabs (docs/screenshots). */
void TestAudienceWorkspace::screenshots()
{
    const QString folder = qEnvironmentVariable("VITRINE_SCREENSHOTS");
    if (folder.isEmpty())
        QSKIP("set VITRINE_SCREENSHOTS=DIR to save screenshots");
    QDir().mkpath(folder);
    const QString catalog = qEnvironmentVariableIsSet("VITRINE_SCREENSHOT_DB") ? qEnvironmentVariable("VITRINE_SCREENSHOT_DB") : m_demo;
    const auto save = [&](const QString &name) {
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isCounting(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isSizing(), 60000);
        QCOMPARE(m_page->listModel()->size(m_page->currentSegment()), m_page->shownCount());
        m_session->jobs()->waitForAll(60000);
        QTest::qWait(300);
        QVERIFY(m_page->grab().save(QDir(folder).filePath(name)));
    };

    AudiencePage *page = openPage(catalog);
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->engine(), 120000);
    page->newSegment();
    page->jsonEditor()->setPlainText(QString::fromUtf8(R"({"all": [
        {"behaviour": {"event": "purchase", "within_days": 180}},
        {"value": {"measure": "monetary", "min": 150}},
        {"any": [{"profile": {"field": "country", "in": ["Denmark", "Sweden", "Norway"]}},
                 {"affinity": {"category": "Outdoor", "at_least": 0.25}}]},
        {"not": {"segment": "lapsed"}}]})"));
    QTRY_COMPARE(page->builder()->conditionRows().size(), 5);
    QLineEdit *title = nullptr;
    for (QLineEdit *edit : page->findChildren<QLineEdit *>()) {
        if (edit->placeholderText().startsWith(QLatin1String("A title")))
            title = edit;
    }
    title->selectAll();
    QTest::keyClicks(title, QStringLiteral("Engaged Nordic buyers"));
    save(QStringLiteral("audience-builder.png"));
    page->tabs()->setCurrentIndex(1);
    save(QStringLiteral("audience-json.png"));
    page->tabs()->setCurrentIndex(2);
    QTRY_VERIFY(page->membersView()->shownCount() > 0);
    page->membersView()->table()->selectRow(0);
    page->membersView()->table()->setCurrentIndex(page->membersView()->model()->index(0, 0));
    QTRY_VERIFY(page->membersView()->explanation());
    save(QStringLiteral("audience-members.png"));
    for (int tab = 3; tab < page->tabs()->count(); ++tab) {
        page->tabs()->setCurrentIndex(tab);
        save(QStringLiteral("audience-%1.png").arg(page->tabs()->tabText(tab).toLower()));
    }
    m_session->discardChanges();

    page = openPage(m_plain);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->engine(), 30000);
    page->newSegment();
    page->builder()->addCondition({}, QStringLiteral("behaviour:item"));
    save(QStringLiteral("audience-plain.png"));
}

QTEST_MAIN(TestAudienceWorkspace)
#include "tst_audienceworkspace.moc"
