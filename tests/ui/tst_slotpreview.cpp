// SPDX-License-Identifier: GPL-3.0-or-later
// The slot editor's live preview as a merchandiser uses it: a stored slot for a person shows what
// vitrine-cli recommend prints, a changed draft shows what `recommend --definition` prints, an
// invalid draft says why, why-not agrees with --why-not, before/after marks what came in, and a
// late answer never replaces a newer one.
#include "../reliability/clirunner.h"

#include "audience/personset.h"
#include "audience/segmentlibrary.h"
#include "engine/recommendrequest.h"
#include "engine/slotresult.h"
#include "engine/snapshot.h"
#include "layout/audiencecache.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"
#include "slots/slotpreviewmodel.h"
#include "slots/slotpreviewview.h"
#include "storage/configstore.h"
#include "storage/database.h"

#include <QCompleter>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStringListModel>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Vitrine;
using Vitrine::Reliability::CliRun;
using Vitrine::Reliability::runCli;

namespace {

const QString SlotKey = QStringLiteral("home-for-you");

QString compact(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

QStringList skusOf(const QJsonObject &cli)
{
    QStringList skus;
    for (const QJsonValue &item : cli.value(QLatin1String("items")).toArray())
        skus.append(item.toObject().value(QLatin1String("item")).toString());
    return skus;
}

/** The stored definition with its strategies' weights replaced (in order). */
QJsonObject withWeights(const QJsonObject &definition, const QList<double> &weights)
{
    QJsonObject changed = definition;
    QJsonArray strategies = changed.value(QLatin1String("strategies")).toArray();
    for (int i = 0; i < strategies.size() && i < weights.size(); ++i) {
        QJsonObject strategy = strategies.at(i).toObject();
        strategy.insert(QStringLiteral("weight"), weights.at(i));
        strategies.replace(i, strategy);
    }
    changed.insert(QStringLiteral("strategies"), strategies);
    return changed;
}

} // namespace

class TestSlotPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void storedSlotMatchesTheCli();
    void changedWeightMatchesDefinitionOption();
    void beforeAfterMarksWhatCameIn();
    void invalidDefinitionShowsItsError();
    void whyNotNamesTheCliStep_data();
    void whyNotNamesTheCliStep();
    void staleRunNeverOverwritesANewerOne();
    void cartAndProductPageMatchTheCli();
    void personPickers();
    void pinnedAndFallbackBadges();
    void screenshots();

private:
    SlotPreviewView *openView();
    /** Waits for the preview to settle after `spy` saw at least one result. */
    bool settle(QSignalSpy &spy);
    CliRun recommend(const QStringList &extra) const;
    void compareWithCli(const SlotResult &result, const CliRun &cli) const;

    QTemporaryDir m_dir;
    QString m_demo;
    QJsonObject m_stored;
    QString m_person;
    std::unique_ptr<CatalogSession> m_session;
    std::unique_ptr<SlotPreviewView> m_view;
};

void TestSlotPreview::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_demo = m_dir.filePath(QStringLiteral("demo.vitrine"));
    const CliRun demo = runCli(m_demo,
        {QStringLiteral("--db"), m_demo, QStringLiteral("demo"), QStringLiteral("--users"),
            QStringLiteral("600"), QStringLiteral("--items"), QStringLiteral("150"),
            QStringLiteral("--events"), QStringLiteral("20000"), QStringLiteral("--seed"),
            QStringLiteral("11")});
    QVERIFY2(demo.exitCode == 0, demo.describe().constData());

    Database db;
    QString error;
    QVERIFY2(db.open(m_demo, Database::OpenMode::ReadOnly, &error), qPrintable(error));
    const std::optional<ConfigObject> stored = ConfigStore(db).get(QStringLiteral("slots"), SlotKey, &error);
    QVERIFY2(stored, qPrintable(error));
    m_stored = stored->definition;
    QVERIFY(m_stored.value(QLatin1String("strategies")).toArray().size() >= 2);

    m_session = CatalogSession::open(m_demo, &error);
    QVERIFY2(m_session, qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(m_session->engine(), 60000);
    // A returning customer whose picks the personal strategy leads, so a new blend shows.
    const EngineSessionPtr engine = m_session->engine();
    for (int user = 0; user < engine->snapshot()->userCount() && m_person.isEmpty(); ++user) {
        RecommendRequest request;
        request.user = user;
        const SlotResult result = engine->recommend(SlotKey, request);
        if (result.ok && result.items.size() >= 8 && !result.usedFallback
            && result.items.front().contributions.size() >= 2
            && result.items.front().contributions.front().strategy == QLatin1String("personal"))
            m_person = engine->snapshot()->externalId(user);
    }
    QVERIFY2(!m_person.isEmpty(), "the demo has a person with personal picks");
}

void TestSlotPreview::cleanup()
{
    m_session->jobs()->waitForAll(30000);
    m_view.reset();
}

SlotPreviewView *TestSlotPreview::openView()
{
    m_view = std::make_unique<SlotPreviewView>(m_session.get());
    m_view->resize(1000, 800);
    m_view->show();
    return m_view.get();
}

bool TestSlotPreview::settle(QSignalSpy &spy)
{
    return QTest::qWaitFor([&] { return spy.count() > 0 && !m_view->isBusy(); }, 60000);
}

CliRun TestSlotPreview::recommend(const QStringList &extra) const
{
    return runCli(m_demo,
        QStringList {QStringLiteral("--db"), m_demo, QStringLiteral("-q"), QStringLiteral("--json"),
            QStringLiteral("recommend"), QStringLiteral("--slot"), SlotKey, QStringLiteral("--user"),
            m_person}
            + extra);
}

void TestSlotPreview::compareWithCli(const SlotResult &result, const CliRun &cli) const
{
    QVERIFY2(cli.exitCode == 0, cli.describe().constData());
    const QJsonArray items = cli.json().value(QLatin1String("items")).toArray();
    QVERIFY(!items.isEmpty());
    QCOMPARE(int(result.items.size()), int(items.size()));
    QCOMPARE(m_view->model()->skus(), skusOf(cli.json()));
    for (int i = 0; i < items.size(); ++i) {
        const double cliScore = items.at(i).toObject().value(QLatin1String("score")).toDouble();
        QVERIFY2(std::abs(double(result.items[size_t(i)].score) - cliScore) < 1e-4,
            qPrintable(QStringLiteral("rank %1: %2 vs %3")
                           .arg(i + 1)
                           .arg(result.items[size_t(i)].score)
                           .arg(cliScore)));
    }
}

void TestSlotPreview::storedSlotMatchesTheCli()
{
    SlotPreviewView *view = openView();
    QSignalSpy spy(view, &SlotPreviewView::previewed);
    view->setPerson(m_person);
    view->setDraft(SlotKey, m_stored);
    QVERIFY(settle(spy));
    QVERIFY(view->result());
    QVERIFY2(view->result()->ok, qPrintable(view->result()->error));
    QVERIFY(view->errorText().isEmpty());
    QCOMPARE(view->person(), m_person);
    compareWithCli(*view->result(), recommend({}));
    if (QTest::currentTestFailed())
        return;

    // The saved slot ran for the same request and, unchanged, shows the same: every card "same".
    QVERIFY(view->savedResult());
    QCOMPARE(int(view->savedResult()->items.size()), view->model()->rowCount());
    for (int row = 0; row < view->model()->rowCount(); ++row)
        QCOMPARE(view->model()->change(row), SlotPreviewModel::Change::Same);
    QVERIFY(view->droppedOut().isEmpty());

    // Each card carries what each strategy added (normalised × weight) and the reasons on hover.
    const QModelIndex first = view->model()->index(0, 0);
    QVERIFY(!first.data(SlotPreviewModel::SegmentsRole).toList().isEmpty());
    QVERIFY(first.data(Qt::ToolTipRole)
                .toString()
                .contains(view->result()->items.front().reasons.value(0).toHtmlEscaped()));
    QVERIFY(!view->findChild<QLabel *>(QStringLiteral("previewAsOf"))->text().isEmpty());
}

void TestSlotPreview::changedWeightMatchesDefinitionOption()
{
    SlotPreviewView *view = openView();
    QSignalSpy spy(view, &SlotPreviewView::previewed);
    view->setPerson(m_person);
    view->setDraft(SlotKey, m_stored);
    QVERIFY(settle(spy));
    const QStringList before = view->model()->skus();
    QVERIFY(!before.isEmpty());

    // Trending (second strategy) takes over from personal picks.
    const QJsonObject draft = withWeights(m_stored, {0.05, 0.9});
    spy.clear();
    view->setDraft(SlotKey, draft);
    QVERIFY(settle(spy));
    QVERIFY(view->result() && view->result()->ok);
    QVERIFY2(view->model()->skus() != before, "a new blend must change the order");
    compareWithCli(*view->result(), recommend({QStringLiteral("--definition"), compact(draft)}));
    if (QTest::currentTestFailed())
        return;

    // The same through a file, and the stored slot still answers as before without the option.
    QFile file(m_dir.filePath(QStringLiteral("draft.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(draft).toJson());
    file.close();
    const CliRun fromFile = recommend({QStringLiteral("--definition"), QLatin1Char('@') + file.fileName()});
    QVERIFY2(fromFile.exitCode == 0, fromFile.describe().constData());
    QCOMPARE(skusOf(fromFile.json()), view->model()->skus());
    QCOMPARE(skusOf(recommend({}).json()), before);

    // The key names the definition; the stored slot need not exist.
    const CliRun unsaved = runCli(m_demo,
        {QStringLiteral("--db"), m_demo, QStringLiteral("-q"), QStringLiteral("--json"),
            QStringLiteral("recommend"), QStringLiteral("--slot"), QStringLiteral("not-saved-yet"),
            QStringLiteral("--user"), m_person, QStringLiteral("--definition"), compact(draft)});
    QVERIFY2(unsaved.exitCode == 0, unsaved.describe().constData());
    QCOMPARE(unsaved.json().value(QLatin1String("slot")).toString(), QStringLiteral("not-saved-yet"));
    QCOMPARE(skusOf(unsaved.json()), view->model()->skus());
}

void TestSlotPreview::beforeAfterMarksWhatCameIn()
{
    SlotPreviewView *view = openView();
    QSignalSpy spy(view, &SlotPreviewView::previewed);
    view->setPerson(m_person);
    view->setDraft(SlotKey, withWeights(m_stored, {0.05, 0.9}));
    QVERIFY(settle(spy));
    QVERIFY(view->savedResult());
    const QStringList after = view->model()->skus();
    QStringList saved;
    for (const RecommendedItem &item : view->savedResult()->items)
        saved.append(m_session->engine()->snapshot()->sku(item.item));
    QCOMPARE(saved, skusOf(recommend({}).json()));

    int cameIn = 0;
    for (int row = 0; row < after.size(); ++row) {
        const int was = int(saved.indexOf(after.at(row)));
        const SlotPreviewModel::Change change = view->model()->change(row);
        if (was < 0) {
            QCOMPARE(change, SlotPreviewModel::Change::New);
            ++cameIn;
        } else {
            QCOMPARE(view->model()->moved(row), was - row);
            QCOMPARE(change,
                was > row       ? SlotPreviewModel::Change::Up
                    : was < row ? SlotPreviewModel::Change::Down
                                : SlotPreviewModel::Change::Same);
        }
    }
    QVERIFY2(cameIn > 0, "the new blend brings in at least one item");
    int droppedCount = 0;
    for (const QString &sku : saved)
        droppedCount += after.contains(sku) ? 0 : 1;
    QCOMPARE(int(view->droppedOut().size()), droppedCount);
    const QString summary = view->findChild<QLabel *>(QStringLiteral("previewDropped"))->text();
    QVERIFY2(summary.contains(QStringLiteral("%1 came in").arg(cameIn)), qPrintable(summary));

    // A new slot (no saved key) has nothing to compare with.
    spy.clear();
    view->setDraft(QString(), withWeights(m_stored, {0.05, 0.9}));
    QVERIFY(settle(spy));
    QVERIFY(!view->savedResult());
    QCOMPARE(view->model()->skus(), after);
    QCOMPARE(view->model()->change(0), SlotPreviewModel::Change::Unknown);
}

void TestSlotPreview::invalidDefinitionShowsItsError()
{
    SlotPreviewView *view = openView();
    QSignalSpy spy(view, &SlotPreviewView::previewed);
    view->setPerson(m_person);
    view->setDraft(SlotKey, m_stored);
    QVERIFY(settle(spy));
    QVERIFY(view->model()->rowCount() > 0);

    QJsonObject broken = m_stored;
    QJsonArray strategies = broken.value(QLatin1String("strategies")).toArray();
    QJsonObject first = strategies.at(0).toObject();
    first.insert(QStringLiteral("weight"), QStringLiteral("heavy"));
    strategies.replace(0, first);
    broken.insert(QStringLiteral("strategies"), strategies);
    spy.clear();
    view->setDraft(SlotKey, broken);
    QVERIFY(settle(spy));
    QVERIFY2(
        view->errorText().contains(QLatin1String("strategies[0].weight")), qPrintable(view->errorText()));
    QCOMPARE(view->model()->rowCount(), 0);
    QVERIFY(!view->result());
    QLabel *message = view->findChild<QLabel *>(QStringLiteral("previewMessage"));
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), view->errorText());

    const CliRun cli = recommend({QStringLiteral("--definition"), compact(broken)});
    QCOMPARE(cli.exitCode, 2);
    QVERIFY2(cli.err.contains("strategies[0].weight"), cli.describe().constData());
    QVERIFY(cli.out.isEmpty());
    const CliRun notJson = recommend({QStringLiteral("--definition"), QStringLiteral("{\"title\": ")});
    QCOMPARE(notJson.exitCode, 2);
}

void TestSlotPreview::whyNotNamesTheCliStep_data()
{
    QTest::addColumn<int>("shownRank"); // ask for the item at this rank; 0: use `sku`
    QTest::addColumn<QString>("sku");
    QTest::newRow("shown") << 1 << QString();
    for (const char *sku : {"SKU-00001", "SKU-00040", "SKU-00099", "SKU-00150"})
        QTest::newRow(sku) << 0 << QString::fromLatin1(sku);
}

void TestSlotPreview::whyNotNamesTheCliStep()
{
    QFETCH(int, shownRank);
    QFETCH(QString, sku);
    SlotPreviewView *view = openView();
    QSignalSpy spy(view, &SlotPreviewView::previewed);
    view->setPerson(m_person);
    view->setDraft(SlotKey, m_stored);
    QVERIFY(settle(spy));
    if (shownRank > 0)
        sku = view->model()->skus().value(shownRank - 1);
    QVERIFY(m_session->engine()->snapshot()->itemIndexBySku(sku) >= 0);

    spy.clear();
    view->whyNot(sku);
    QVERIFY(settle(spy));
    QVERIFY(view->result() && view->result()->whyNot);
    const CliRun cli = recommend({QStringLiteral("--why-not"), sku});
    QVERIFY2(cli.exitCode == 0, cli.describe().constData());
    const QJsonObject why = cli.json().value(QLatin1String("why_not")).toObject();
    QCOMPARE(WhyNot::stepName(view->result()->whyNot->step), why.value(QLatin1String("step")).toString());
    QVERIFY2(view->whyNotText().contains(why.value(QLatin1String("message")).toString()),
        qPrintable(view->whyNotText()));
    if (shownRank > 0)
        QCOMPARE(why.value(QLatin1String("step")).toString(), QStringLiteral("shown"));
}

void TestSlotPreview::staleRunNeverOverwritesANewerOne()
{
    SlotPreviewView *view = openView();
    view->setPerson(m_person); // without a draft yet: says so at once
    QSignalSpy spy(view, &SlotPreviewView::previewed);
    QJsonObject first = withWeights(m_stored, {0.05, 0.9});
    first.insert(QStringLiteral("title"), QStringLiteral("First"));
    QJsonObject second = m_stored;
    second.insert(QStringLiteral("title"), QStringLiteral("Second"));
    view->setDraft(SlotKey, first);
    QVERIFY(view->isBusy());
    view->setDraft(SlotKey, second);
    QVERIFY(settle(spy));
    QTest::qWait(300); // room for a late answer to the first request, which must not show
    QCOMPARE(spy.count(), 1);
    QCOMPARE(view->result()->title, QStringLiteral("Second"));

    // Three people in a row: the last one asked is the one shown, and it is the CLI's answer.
    spy.clear();
    const QString last = m_person;
    view->nextPerson();
    const QString next = view->person();
    QVERIFY(next != last && !next.isEmpty());
    view->previousPerson();
    QCOMPARE(view->person(), last);
    QVERIFY(settle(spy));
    QTest::qWait(300);
    QCOMPARE(spy.count(), 1);
    compareWithCli(*view->result(), recommend({}));
}

void TestSlotPreview::cartAndProductPageMatchTheCli()
{
    Database db;
    QString error;
    QVERIFY2(db.open(m_demo, Database::OpenMode::ReadOnly, &error), qPrintable(error));
    const QString cartSlot = QStringLiteral("cart-bought-together");
    const std::optional<ConfigObject> stored = ConfigStore(db).get(QStringLiteral("slots"), cartSlot, &error);
    QVERIFY2(stored, qPrintable(error));

    SlotPreviewView *view = openView();
    view->setPerson(m_person);
    QSignalSpy spy(view, &SlotPreviewView::previewed);
    view->setDraft(cartSlot, stored->definition);
    view->setCart({QStringLiteral("SKU-00012"), QStringLiteral("SKU-00057")});
    view->setContextItem(QStringLiteral("SKU-00012"));
    QVERIFY(settle(spy));
    QVERIFY(view->result() && view->result()->ok);
    const CliRun cli = runCli(m_demo,
        {QStringLiteral("--db"), m_demo, QStringLiteral("-q"), QStringLiteral("--json"),
            QStringLiteral("recommend"), QStringLiteral("--slot"), cartSlot, QStringLiteral("--user"),
            m_person, QStringLiteral("--cart"), QStringLiteral("SKU-00012,SKU-00057"),
            QStringLiteral("--item"), QStringLiteral("SKU-00012")});
    compareWithCli(*view->result(), cli);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!view->model()->skus().contains(QStringLiteral("SKU-00057"))); // the cart is not offered again

    // An sku the catalog lacks is said, not previewed.
    spy.clear();
    view->setContextItem(QStringLiteral("NO-SUCH-SKU"));
    QVERIFY(settle(spy));
    QVERIFY2(view->errorText().contains(QLatin1String("NO-SUCH-SKU")), qPrintable(view->errorText()));
    QCOMPARE(view->model()->rowCount(), 0);
}

void TestSlotPreview::personPickers()
{
    SlotPreviewView *view = openView();
    QSignalSpy spy(view, &SlotPreviewView::previewed);
    view->setDraft(SlotKey, m_stored);
    QVERIFY(settle(spy));
    QVERIFY(view->person().isEmpty()); // an anonymous visitor to start with
    QVERIFY(view->result() && view->result()->ok);

    const Snapshot &snapshot = *m_session->engine()->snapshot();
    view->nextPerson();
    QCOMPARE(view->person(), snapshot.externalId(0));
    view->previousPerson();
    QCOMPARE(view->person(), snapshot.externalId(snapshot.userCount() - 1));

    // Typing suggests matching people, never more than the cap.
    auto *field = view->findChild<QLineEdit *>(QStringLiteral("previewPerson"));
    QVERIFY(field);
    field->setFocus();
    field->clear();
    QTest::keyClicks(field, snapshot.externalId(0).left(3));
    const QStringList suggestions
        = qobject_cast<QStringListModel *>(field->completer()->model())->stringList();
    QVERIFY(!suggestions.isEmpty());
    QVERIFY(suggestions.size() <= SlotPreviewView::MaxSuggestions);
    for (const QString &id : suggestions)
        QVERIFY(id.startsWith(snapshot.externalId(0).left(3), Qt::CaseInsensitive));

    // A random member of a stored segment is a member, and is previewed.
    const QStringList segments = m_session->engine()->audience()->library().names();
    QVERIFY(!segments.isEmpty());
    const QString segment = segments.first();
    const std::shared_ptr<const PersonSet> members
        = m_session->engine()->audience()->members(segment, nullptr);
    QVERIFY(members && members->count() > 0);
    spy.clear();
    view->randomMemberOf(segment);
    QTRY_VERIFY_WITH_TIMEOUT(
        spy.count() > 0 && !view->isBusy() && !m_session->jobs()->activeJobs().size(), 60000);
    QVERIFY(members->contains(snapshot.userIndexByExternalId(view->person())));
    const CliRun cli = runCli(m_demo,
        {QStringLiteral("--db"), m_demo, QStringLiteral("-q"), QStringLiteral("--json"),
            QStringLiteral("recommend"), QStringLiteral("--slot"), SlotKey, QStringLiteral("--user"),
            view->person()});
    QVERIFY2(cli.exitCode == 0, cli.describe().constData());
    QCOMPARE(view->model()->skus(), skusOf(cli.json()));
}

void TestSlotPreview::pinnedAndFallbackBadges()
{
    // Few new arrivals, a pin at the top, the rest from the fallback.
    QJsonObject draft = m_stored;
    draft.insert(QStringLiteral("strategies"),
        QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("new")},
            {QStringLiteral("params"), QJsonObject {{QStringLiteral("max_age_days"), 2}}}}});
    draft.insert(QStringLiteral("pins"),
        QJsonArray {QJsonObject {
            {QStringLiteral("sku"), QStringLiteral("SKU-00003")}, {QStringLiteral("position"), 1}}});
    draft.insert(QStringLiteral("fallback"), QJsonArray {QStringLiteral("bestsellers")});
    draft.insert(QStringLiteral("min_items"), 10);
    SlotPreviewView *view = openView();
    view->setPerson(m_person);
    QSignalSpy spy(view, &SlotPreviewView::previewed);
    view->setDraft(QString(), draft);
    QVERIFY(settle(spy));
    QVERIFY2(view->result() && view->result()->ok, qPrintable(view->errorText()));
    compareWithCli(*view->result(), recommend({QStringLiteral("--definition"), compact(draft)}));
    if (QTest::currentTestFailed())
        return;

    const auto kinds = [view](int row) {
        QStringList kinds;
        for (const QVariant &badge : view->model()->index(row, 0).data(SlotPreviewModel::BadgesRole).toList())
            kinds.append(badge.toMap().value(QStringLiteral("kind")).toString());
        return kinds;
    };
    QCOMPARE(view->model()->skus().value(0), QStringLiteral("SKU-00003"));
    QVERIFY(kinds(0).contains(QStringLiteral("pinned")));
    QVERIFY(view->result()->usedFallback);
    int fallbacks = 0;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const bool fromFallback = !view->result()->items[size_t(row)].fallback.isEmpty();
        QCOMPARE(kinds(row).contains(QStringLiteral("fallback")), fromFallback);
        fallbacks += fromFallback ? 1 : 0;
    }
    QVERIFY(fallbacks > 0);
    // The legend names the fallback's colour too.
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("previewLegend"))
                ->text()
                .contains(QLatin1String("bestsellers")));
}

/** With VITRINE_SCREENSHOTS=DIR: the preview of a changed blend against the saved slot. */
void TestSlotPreview::screenshots()
{
    const QString folder = qEnvironmentVariable("VITRINE_SCREENSHOTS");
    if (folder.isEmpty())
        QSKIP("set VITRINE_SCREENSHOTS=DIR to save screenshots");
    QDir().mkpath(folder);
    SlotPreviewView *view = openView();
    QSignalSpy spy(view, &SlotPreviewView::previewed);
    view->setPerson(m_person);
    QJsonObject draft = withWeights(m_stored, {0.3, 0.6});
    draft.insert(QStringLiteral("pins"),
        QJsonArray {QJsonObject {
            {QStringLiteral("sku"), QStringLiteral("SKU-00003")}, {QStringLiteral("position"), 3}}});
    view->setDraft(SlotKey, draft);
    QVERIFY(settle(spy));
    spy.clear();
    view->whyNot(QStringLiteral("SKU-00001"));
    QVERIFY(settle(spy));
    QTest::qWait(200);
    QVERIFY(view->grab().save(QDir(folder).filePath(QStringLiteral("slot-preview.png"))));
}

QTEST_MAIN(TestSlotPreview)
#include "tst_slotpreview.moc"
