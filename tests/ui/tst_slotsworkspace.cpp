// SPDX-License-Identifier: GPL-3.0-or-later
// The Slots workspace's editor: the list with where each slot is used, strategies with weights
// and parameters checked as the core checks them, size and ranking, JSON, undo and save.
#include "../reliability/clirunner.h"

#include "config/confighistory.h"
#include "engine/recommendrequest.h"
#include "engine/slotdefinition.h"
#include "engine/slotresult.h"
#include "engine/slotwhatif.h"
#include "engine/snapshot.h"
#include "layout/audiencecache.h"
#include "engine/modelstore.h"
#include "slots/slotevaluationview.h"
#include "slots/slotmodelsview.h"
#include "slots/slotwhatifview.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"
#include "slots/slotspage.h"
#include "slots/slotfilterseditor.h"
#include "slots/strategylisteditor.h"
#include "slots/strategyparamsform.h"
#include "storage/configstore.h"
#include "storage/database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Vitrine;
using Vitrine::Reliability::CliRun;
using Vitrine::Reliability::runCli;

class TestSlotsWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void listShowsEverySlotAndItsUsers();
    void weightEditIsUndoableAndSaves();
    void badParametersAreMarkedAndNotSaved();
    void parameterFormEditsTheStrategy();
    void filtersFormEditsAndMarksProblems();
    void removingASlotInUseIsRefused();
    void jsonTabRoundTrips();
    void lintNamesAFilteredPinAndAZeroWeight();
    void whatIfCountsEqualARecount();
    void evaluationEqualsTheCli();
    void modelsPanelTrainsAndListsFreshModels();
    void screenshots();

private:
    SlotsPage *openPage();
    std::optional<ConfigObject> stored(const QString &key) const;

    QTemporaryDir m_dir;
    QString m_demo;
    std::unique_ptr<CatalogSession> m_session;
    std::unique_ptr<SlotsPage> m_page;
};

void TestSlotsWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_demo = m_dir.filePath(QStringLiteral("demo.vitrine"));
    const CliRun demo = runCli(m_demo,
        {QStringLiteral("--db"), m_demo, QStringLiteral("demo"), QStringLiteral("--users"), QStringLiteral("300"),
            QStringLiteral("--items"), QStringLiteral("120"), QStringLiteral("--events"), QStringLiteral("8000"),
            QStringLiteral("--seed"), QStringLiteral("5")});
    QVERIFY2(demo.exitCode == 0, demo.describe().constData());
}

void TestSlotsWorkspace::cleanup()
{
    if (m_session)
        m_session->jobs()->waitForAll(30000);
    m_page.reset();
    if (m_session)
        m_session->discardChanges();
    m_session.reset();
}

SlotsPage *TestSlotsWorkspace::openPage()
{
    QString error;
    m_session = CatalogSession::open(m_demo, &error);
    if (!m_session)
        return nullptr;
    m_page = std::make_unique<SlotsPage>(m_session.get());
    m_page->resize(1280, 800);
    m_page->show();
    return m_page.get();
}

std::optional<ConfigObject> TestSlotsWorkspace::stored(const QString &key) const
{
    Database db;
    QString error;
    if (!db.open(m_demo, Database::OpenMode::ReadOnly, &error))
        return std::nullopt;
    return ConfigStore(db).get(QStringLiteral("slots"), key);
}

void TestSlotsWorkspace::listShowsEverySlotAndItsUsers()
{
    SlotsPage *page = openPage();
    QVERIFY(page);
    const CliRun list = runCli(m_demo, {QStringLiteral("--db"), m_demo, QStringLiteral("--json"), QStringLiteral("slot"), QStringLiteral("list")});
    QVERIFY2(list.exitCode == 0, list.describe().constData());
    QCOMPARE(page->listModel()->rowCount(), page->slotKeys().size());
    QVERIFY(page->slotKeys().contains(QStringLiteral("home-for-you")));
    for (int row = 0; row < page->listModel()->rowCount(); ++row) {
        const QString key = page->listModel()->item(row, 0)->data(Qt::UserRole).toString();
        const QStringList users = configUsers(m_session->database(), QStringLiteral("slots"), key);
        QCOMPARE(page->listModel()->item(row, 3)->toolTip(), users.join(QLatin1Char('\n')));
    }
}

void TestSlotsWorkspace::weightEditIsUndoableAndSaves()
{
    SlotsPage *page = openPage();
    QVERIFY(page && page->showObject(QStringLiteral("home-for-you")));
    const QJsonObject before = page->definition(QStringLiteral("home-for-you"));
    auto *weight = page->strategiesEditor()->table()->cellWidget(0, 1)->findChild<QDoubleSpinBox *>();
    QVERIFY(weight);
    weight->selectAll();
    QTest::keyClicks(weight, QStringLiteral("1.5"));
    const QJsonObject edited = page->definition(QStringLiteral("home-for-you"));
    QCOMPARE(edited.value(QLatin1String("strategies")).toArray().at(0).toObject().value(QLatin1String("weight")).toDouble(), 1.5);
    QCOMPARE(m_session->undoStack()->count(), 1); // typing merged
    m_session->undoStack()->undo();
    QCOMPARE(page->definition(QStringLiteral("home-for-you")), before);
    weight = page->strategiesEditor()->table()->cellWidget(0, 1)->findChild<QDoubleSpinBox *>(); // rows rebuilt
    QCOMPARE(weight->value(), before.value(QLatin1String("strategies")).toArray().at(0).toObject().value(QLatin1String("weight")).toDouble());
    m_session->undoStack()->redo();
    QString error;
    QVERIFY2(m_session->save(&error), qPrintable(error));
    QCOMPARE(stored(QStringLiteral("home-for-you"))->definition, edited);
    // Back as it was, for the other cases.
    page->jsonEditor()->setPlainText(QString::fromUtf8(QJsonDocument(before).toJson()));
    QTRY_COMPARE(page->definition(QStringLiteral("home-for-you")), before);
    QVERIFY2(m_session->save(&error), qPrintable(error));
}

void TestSlotsWorkspace::badParametersAreMarkedAndNotSaved()
{
    SlotsPage *page = openPage();
    QVERIFY(page && page->showObject(QStringLiteral("home-for-you")));
    const auto before = stored(QStringLiteral("home-for-you"));
    auto *params = qobject_cast<QLineEdit *>(page->strategiesEditor()->table()->cellWidget(0, 2));
    QVERIFY(params);
    params->selectAll();
    QTest::keyClicks(params, QStringLiteral("{\"windw\": 3}"));
    QVERIFY(!page->strategiesEditor()->problems().at(0).isEmpty());
    QVERIFY(page->strategiesEditor()->problems().at(0).contains(QStringLiteral("windw")));
    QString error;
    QVERIFY(!m_session->save(&error));
    QVERIFY(error.contains(QStringLiteral("windw")));
    QCOMPARE(stored(QStringLiteral("home-for-you"))->version, before->version);
}

// The form under the strategies offers each parameter the strategy checks, at its default; a
// change is written, the default is not, and the core's complaint is marked at its field.
void TestSlotsWorkspace::parameterFormEditsTheStrategy()
{
    SlotsPage *page = openPage();
    QVERIFY(page && page->showObject(QStringLiteral("home-for-you")));
    StrategyListEditor *editor = page->strategiesEditor();
    editor->setCurrentRow(1); // trending
    StrategyParamsForm *form = editor->paramsForm();
    QCOMPARE(form->strategy(), QStringLiteral("trending"));
    auto *recent = qobject_cast<QDoubleSpinBox *>(form->field(QStringLiteral("recent_days")));
    QVERIFY(recent);
    QCOMPARE(recent->value(), 7.0); // the default, shown
    QCOMPARE(recent->maximum(), 365.0);
    QVERIFY(form->field(QStringLiteral("baseline_days")) && form->field(QStringLiteral("prior")) && form->field(QStringLiteral("event")));

    recent->setValue(3);
    const auto trending = [page] {
        return page->definition(QStringLiteral("home-for-you")).value(QLatin1String("strategies")).toArray().at(1).toObject();
    };
    QCOMPARE(trending().value(QLatin1String("params")).toObject(), (QJsonObject {{QStringLiteral("recent_days"), 3}}));
    QCOMPARE(qobject_cast<QLineEdit *>(editor->table()->cellWidget(1, 2))->text(), QStringLiteral("{\"recent_days\":3}"));
    recent->setValue(7); // back to the default: not written
    QVERIFY(!trending().contains(QLatin1String("params")));
    m_session->undoStack()->undo();
    QCOMPARE(trending().value(QLatin1String("params")).toObject().value(QLatin1String("recent_days")).toDouble(), 3.0);
    QCOMPARE(qobject_cast<QDoubleSpinBox *>(editor->paramsForm()->field(QStringLiteral("recent_days")))->value(), 3.0);

    // The third strategy ("new") shows its stored max_age_days; a bad value typed as JSON is marked at the field.
    editor->setCurrentRow(2);
    QCOMPARE(form->strategy(), QStringLiteral("new"));
    QCOMPARE(qobject_cast<QDoubleSpinBox *>(form->field(QStringLiteral("max_age_days")))->value(), 30.0);
    form->jsonEdit()->selectAll();
    QTest::keyClicks(form->jsonEdit(), QStringLiteral("{\"max_age_days\": -4}"));
    QVERIFY(editor->problems().at(2).contains(QStringLiteral("max_age_days")));
    QVERIFY(!form->field(QStringLiteral("max_age_days"))->styleSheet().isEmpty());
    QString error;
    QVERIFY(!m_session->save(&error));
}

void TestSlotsWorkspace::filtersFormEditsAndMarksProblems()
{
    SlotsPage *page = openPage();
    QVERIFY(page && page->showObject(QStringLiteral("home-for-you")));
    SlotFiltersEditor *filters = page->filtersEditor();
    const auto stored = [page] { return page->definition(QStringLiteral("home-for-you")).value(QLatin1String("filters")).toObject(); };
    QCOMPARE(qobject_cast<QComboBox *>(filters->field(QStringLiteral("kind")))->currentData().toString(), QStringLiteral("product"));
    QVERIFY(qobject_cast<QCheckBox *>(filters->field(QStringLiteral("exclude_bought")))->isChecked());

    auto *max = qobject_cast<QDoubleSpinBox *>(filters->field(QStringLiteral("price.max")));
    QVERIFY(max);
    QCOMPARE(max->text(), QStringLiteral("to no limit"));
    max->setValue(80);
    QCOMPARE(stored().value(QLatin1String("price")).toObject(), (QJsonObject {{QStringLiteral("max"), 80}}));
    auto *inStock = qobject_cast<QCheckBox *>(filters->field(QStringLiteral("in_stock")));
    inStock->setChecked(false);
    QCOMPARE(stored().value(QLatin1String("in_stock")), QJsonValue(false));
    inStock->setChecked(true); // the default: not written
    QVERIFY(!stored().contains(QLatin1String("in_stock")));
    m_session->undoStack()->undo();
    QVERIFY(!inStock->isChecked());
    while (m_session->undoStack()->canUndo())
        m_session->undoStack()->undo();
    QCOMPARE(max->value(), 0.0);

    // A problem the core names in the filters is marked at its field and on the tab.
    QJsonObject d = page->definition(QStringLiteral("home-for-you"));
    QJsonObject bad = d.value(QLatin1String("filters")).toObject();
    bad.insert(QStringLiteral("kind"), QStringLiteral("gadget"));
    d.insert(QStringLiteral("filters"), bad);
    page->jsonEditor()->setPlainText(QString::fromUtf8(QJsonDocument(d).toJson()));
    QTRY_VERIFY(page->problem().startsWith(QStringLiteral("filters.kind")));
    QVERIFY(!filters->field(QStringLiteral("kind"))->styleSheet().isEmpty());
    QVERIFY(filters->field(QStringLiteral("in_stock"))->styleSheet().isEmpty());
    QVERIFY(page->tabs()->tabText(page->tabs()->indexOf(filters)).startsWith(QStringLiteral("⚠")));
    m_session->undoStack()->undo();
    QVERIFY(page->problem().isEmpty());
    QVERIFY(filters->field(QStringLiteral("kind"))->styleSheet().isEmpty());
    QCOMPARE(page->tabs()->tabText(page->tabs()->indexOf(filters)), QStringLiteral("Filters"));
}

void TestSlotsWorkspace::removingASlotInUseIsRefused()
{
    SlotsPage *page = openPage();
    QVERIFY(page);
    QString used;
    QString unused;
    for (const QString &key : page->slotKeys()) {
        const bool inUse = !configUsers(m_session->database(), QStringLiteral("slots"), key).isEmpty();
        if (inUse && used.isEmpty())
            used = key;
        if (!inUse && unused.isEmpty())
            unused = key;
    }
    QVERIFY(!used.isEmpty());
    QVERIFY(page->showObject(used));
    QString error;
    QVERIFY(!page->removeSlot(&error));
    QVERIFY2(error.contains(used), qPrintable(error));
    QVERIFY(!m_session->hasUnsavedChanges());
    if (unused.isEmpty())
        return;
    QVERIFY(page->showObject(unused));
    QVERIFY(page->removeSlot(&error));
    QVERIFY(!page->slotKeys().contains(unused));
    m_session->undoStack()->undo();
    QVERIFY(page->slotKeys().contains(unused));
}

void TestSlotsWorkspace::jsonTabRoundTrips()
{
    SlotsPage *page = openPage();
    QVERIFY(page);
    const QString key = page->newSlot();
    QJsonObject d = page->definition(key);
    d.insert(QStringLiteral("pins"), QJsonArray {QJsonObject {{QStringLiteral("sku"), QStringLiteral("SKU-00001")}, {QStringLiteral("position"), 1}}});
    d.insert(QStringLiteral("fallback"), QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("bestsellers")}}});
    page->jsonEditor()->setPlainText(QString::fromUtf8(QJsonDocument(d).toJson()));
    QTRY_COMPARE(page->definition(key), d);
    QCOMPARE(page->fallbackEditor()->strategies().size(), 1);
    QVERIFY(page->problem().isEmpty());
    // A broken definition names its place.
    d.insert(QStringLiteral("max_items"), -3);
    page->jsonEditor()->setPlainText(QString::fromUtf8(QJsonDocument(d).toJson()));
    QTRY_VERIFY(page->problem().contains(QStringLiteral("max_items")));
}

void TestSlotsWorkspace::lintNamesAFilteredPinAndAZeroWeight()
{
    SlotsPage *page = openPage();
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->engine(), 30000);
    const QString key = page->newSlot();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLinting(), 30000);
    QVERIFY2(page->lintWarnings().isEmpty() || !page->lintWarnings().join(QLatin1Char(' ')).contains(QStringLiteral("pin")),
        qPrintable(page->lintWarnings().join(QLatin1Char('\n'))));

    // Pin an item, then keep only another category: the pin can never show.
    const EngineSessionPtr engine = m_session->engine();
    const Snapshot &snapshot = *engine->snapshot();
    int pinned = -1;
    QString otherCategory;
    for (int item = 0; item < snapshot.itemCount() && otherCategory.isEmpty(); ++item) {
        if (snapshot.category(item) < 0)
            continue;
        if (pinned < 0) {
            pinned = item;
        } else if (!snapshot.inCategory(item, snapshot.categoryChain(pinned).back())) {
            otherCategory = snapshot.categoryInfo(snapshot.categoryChain(item).back()).path;
        }
    }
    QVERIFY(pinned >= 0 && !otherCategory.isEmpty());
    QJsonObject d = page->definition(key);
    d.insert(QStringLiteral("pins"), QJsonArray {QJsonObject {{QStringLiteral("sku"), snapshot.sku(pinned)}, {QStringLiteral("position"), 1}}});
    d.insert(QStringLiteral("filters"), QJsonObject {{QStringLiteral("categories"), QJsonArray {otherCategory}}});
    QJsonArray strategies = d.value(QLatin1String("strategies")).toArray();
    strategies.append(QJsonObject {{QStringLiteral("name"), QStringLiteral("trending")}, {QStringLiteral("weight"), 0}});
    d.insert(QStringLiteral("strategies"), strategies);
    page->jsonEditor()->setPlainText(QString::fromUtf8(QJsonDocument(d).toJson()));
    QTRY_COMPARE(page->definition(key), d);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLinting(), 30000);
    const QString lint = page->lintWarnings().join(QLatin1Char('\n'));
    QVERIFY2(lint.contains(QStringLiteral("pin-filtered pins[0]")), qPrintable(lint));
    QVERIFY2(lint.contains(snapshot.sku(pinned)), qPrintable(lint));
    QVERIFY2(lint.contains(QStringLiteral("zero-weight strategies[1].weight")), qPrintable(lint));
    // Undo the filter: the pin warning goes.
    m_session->undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLinting(), 30000);
    QVERIFY(!page->lintWarnings().join(QLatin1Char('\n')).contains(QStringLiteral("pin-filtered")));
}

void TestSlotsWorkspace::whatIfCountsEqualARecount()
{
    SlotsPage *page = openPage();
    QVERIFY(page && page->showObject(QStringLiteral("home-for-you")));
    QTRY_VERIFY_WITH_TIMEOUT(m_session->engine(), 30000);
    // Trending weighs as much as personal now.
    QJsonObject d = page->definition(QStringLiteral("home-for-you"));
    QJsonArray strategies = d.value(QLatin1String("strategies")).toArray();
    QJsonObject second = strategies.at(1).toObject();
    second.insert(QStringLiteral("weight"), 3.0);
    strategies.replace(1, second);
    d.insert(QStringLiteral("strategies"), strategies);
    page->jsonEditor()->setPlainText(QString::fromUtf8(QJsonDocument(d).toJson()));
    QTRY_COMPARE(page->definition(QStringLiteral("home-for-you")), d);

    SlotWhatIfView *whatIf = page->whatIfView();
    whatIf->setSample(0); // everybody
    QSignalSpy finished(whatIf, &SlotWhatIfView::finished);
    whatIf->run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY(whatIf->result() && whatIf->result()->ok);
    const SlotWhatIf &result = *whatIf->result();

    // The recount: every person through the session, the saved slot and the draft.
    const EngineSessionPtr engine = m_session->engine();
    QString error;
    const auto draft = SlotDefinition::fromJson(QStringLiteral("home-for-you"), d, &error);
    QVERIFY2(draft, qPrintable(error));
    const auto audience = engine->audience(&error);
    QVERIFY(audience);
    const auto vip = audience->members(QStringLiteral("vip"), &error);
    QVERIFY(vip);
    int changed = 0;
    int vipPeople = 0;
    int vipChanged = 0;
    for (int user = 0; user < engine->snapshot()->userCount(); ++user) {
        RecommendRequest request;
        request.user = user;
        const SlotResult before = engine->recommend(QStringLiteral("home-for-you"), request);
        const SlotResult after = engine->recommend(*draft, request);
        bool differs = before.items.size() != after.items.size();
        for (size_t i = 0; !differs && i < before.items.size(); ++i)
            differs = before.items[i].item != after.items[i].item;
        changed += differs;
        if (vip->contains(user)) {
            ++vipPeople;
            vipChanged += differs;
        }
    }
    QCOMPARE(result.sampled, engine->snapshot()->userCount());
    QCOMPARE(result.changed, changed);
    QVERIFY(changed > 0);
    bool sawVip = false;
    for (const SlotWhatIf::Segment &segment : result.segments) {
        if (segment.name == QLatin1String("vip")) {
            sawVip = true;
            QCOMPARE(segment.people, vipPeople);
            QCOMPARE(segment.changed, vipChanged);
        }
    }
    QVERIFY(sawVip);
    QVERIFY(!result.examples.empty());
}

void TestSlotsWorkspace::evaluationEqualsTheCli()
{
    SlotsPage *page = openPage();
    QVERIFY(page && page->showObject(QStringLiteral("home-bestsellers")));
    QTRY_VERIFY_WITH_TIMEOUT(m_session->engine(), 30000);
    // An edit: the draft differs from the saved slot.
    QJsonObject d = page->definition(QStringLiteral("home-bestsellers"));
    d.insert(QStringLiteral("candidates"), 60);
    page->jsonEditor()->setPlainText(QString::fromUtf8(QJsonDocument(d).toJson()));
    QTRY_COMPARE(page->definition(QStringLiteral("home-bestsellers")), d);

    SlotEvaluationView *evaluation = page->evaluationView();
    QSignalSpy finished(evaluation, &SlotEvaluationView::finished);
    evaluation->run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QVERIFY(evaluation->result());
    QVERIFY2(evaluation->result()->ok, qPrintable(evaluation->result()->error));
    QVERIFY(evaluation->result()->saved);

    // The saved version's figures are the command line's.
    const CliRun cli = runCli(m_demo, {QStringLiteral("--db"), m_demo, QStringLiteral("--json"), QStringLiteral("evaluate"),
                                          QStringLiteral("--slot"), QStringLiteral("home-bestsellers")});
    QVERIFY2(cli.exitCode == 0, cli.describe().constData());
    const QJsonObject expected = cli.json().value(QLatin1String("metrics")).toObject();
    const QJsonObject shown = evaluation->result()->saved->toJson(QStringLiteral("slot")).value(QLatin1String("metrics")).toObject();
    QCOMPARE(shown.keys(), expected.keys());
    for (const QString &metric : expected.keys())
        QVERIFY2(qAbs(shown.value(metric).toDouble() - expected.value(metric).toDouble()) < 1e-9, qPrintable(metric));
    QCOMPARE(evaluation->result()->saved->users, cli.json().value(QLatin1String("users")).toInt());
    // Both on the same split; the segments are broken down.
    QCOMPARE(evaluation->result()->draft.users, evaluation->result()->saved->users);
    QVERIFY(!evaluation->result()->draft.groups.isEmpty());
}

void TestSlotsWorkspace::modelsPanelTrainsAndListsFreshModels()
{
    SlotsPage *page = openPage();
    QVERIFY(page && page->showObject(QStringLiteral("home-for-you")));
    QTRY_VERIFY_WITH_TIMEOUT(m_session->engine(), 30000);
    SlotModelsView *models = page->modelsView();
    QSignalSpy trained(models, &SlotModelsView::trained);
    models->train();
    QTRY_COMPARE_WITH_TIMEOUT(trained.count(), 1, 120000);
    QVERIFY2(trained.first().at(0).toBool(), qPrintable(models->lastMessage()));
    QVERIFY(models->lastMessage().startsWith(QStringLiteral("Trained in")));
    QTRY_VERIFY(!models->isBusy());
    // What the panel lists is the catalog's models table, each fresh for the current events.
    Database db;
    QString error;
    QVERIFY(db.open(m_demo, Database::OpenMode::ReadOnly, &error));
    const QList<ModelStore::Entry> entries = ModelStore(db, false).entries();
    QVERIFY(!entries.isEmpty());
    QStringList expected;
    for (const ModelStore::Entry &entry : entries)
        expected.append(entry.name + (entry.watermark == m_session->engine()->snapshot()->watermark() ? QStringLiteral(" fresh") : QStringLiteral(" stale")));
    QTRY_COMPARE(models->shownModels(), expected);
    QVERIFY(expected.join(QLatin1Char(' ')).contains(QStringLiteral(" fresh")));
}

/** With VITRINE_SCREENSHOTS=DIR: the editor with lint and preview, what-if and evaluation. */
void TestSlotsWorkspace::screenshots()
{
    const QString folder = qEnvironmentVariable("VITRINE_SCREENSHOTS");
    if (folder.isEmpty())
        QSKIP("set VITRINE_SCREENSHOTS=DIR to save screenshots");
    if (qEnvironmentVariableIsSet("VITRINE_SCREENSHOT_DB"))
        m_demo = qEnvironmentVariable("VITRINE_SCREENSHOT_DB");
    SlotsPage *page = openPage();
    QVERIFY(page && page->showObject(QStringLiteral("home-for-you")));
    page->resize(1500, 860);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->engine(), 120000);
    // An edit worth looking at: trending weighs more.
    QJsonObject d = page->definition(QStringLiteral("home-for-you"));
    QJsonArray strategies = d.value(QLatin1String("strategies")).toArray();
    QJsonObject second = strategies.at(1).toObject();
    second.insert(QStringLiteral("weight"), 0.8);
    strategies.replace(1, second);
    d.insert(QStringLiteral("strategies"), strategies);
    page->jsonEditor()->setPlainText(QString::fromUtf8(QJsonDocument(d).toJson()));
    QTRY_COMPARE(page->definition(QStringLiteral("home-for-you")), d);
    const auto save = [&](const QString &name) {
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLinting(), 120000);
        m_session->jobs()->waitForAll(120000);
        QTest::qWait(300);
        QVERIFY(page->grab().save(QDir(folder).filePath(name)));
    };
    page->tabs()->setCurrentIndex(0);
    page->strategiesEditor()->setCurrentRow(1); // its parameters in the form
    save(QStringLiteral("slot-editor.png"));
    page->tabs()->setCurrentWidget(page->whatIfView());
    QSignalSpy whatIfDone(page->whatIfView(), &SlotWhatIfView::finished);
    page->whatIfView()->run();
    QTRY_COMPARE_WITH_TIMEOUT(whatIfDone.count(), 1, 300000);
    save(QStringLiteral("slot-whatif.png"));
    page->tabs()->setCurrentWidget(page->evaluationView());
    QSignalSpy evaluated(page->evaluationView(), &SlotEvaluationView::finished);
    page->evaluationView()->run();
    QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 1, 600000);
    save(QStringLiteral("slot-evaluation.png"));
}

QTEST_MAIN(TestSlotsWorkspace)
#include "tst_slotsworkspace.moc"
