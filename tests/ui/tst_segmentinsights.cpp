// SPDX-License-Identifier: GPL-3.0-or-later
// The audience workspace's insights and compare views over a demo catalog: what they show equals
// what `vitrine-cli segment stats` and `segment overlap` print for the same segment, clicking a bar,
// an RFM cell or an UpSet bar lists as many people as it says, and an empty segment says so.
#include "../reliability/clirunner.h"

#include "audience/insightscharts.h"
#include "audience/insightsheatmap.h"
#include "audience/insightsupset.h"
#include "audience/segmentcompareview.h"
#include "audience/segmentinsightsview.h"
#include "audience/segmentlibrary.h"
#include "audience/segmentoverlap.h"
#include "audience/segmentstats.h"
#include "demo/democatalogfile.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Vitrine;
using Vitrine::Reliability::CliRun;
using Vitrine::Reliability::runCli;

namespace {

constexpr int WaitMs = 60000;

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9 * std::max(1.0, std::abs(b));
}

/** "name:count" for each bucket of the CLI's JSON or of the view's stats. */
QStringList buckets(const QJsonArray &json)
{
    QStringList list;
    for (const QJsonValue &bucket : json)
        list.append(QStringLiteral("%1:%2")
                        .arg(bucket[QLatin1String("name")].toString())
                        .arg(bucket[QLatin1String("count")].toInt()));
    return list;
}

QStringList buckets(const std::vector<SegmentBucket> &stats)
{
    QStringList list;
    for (const SegmentBucket &bucket : stats)
        list.append(QStringLiteral("%1:%2").arg(bucket.name).arg(bucket.count));
    return list;
}

/** Clicks the middle of bar @p index of bar set @p set of a vertical chart with two sets. */
void clickBar(QChartView *view, int set, int index)
{
    QChart *chart = view->chart();
    // The chart lays itself out on the event loop: its plot area is known only then.
    QTRY_VERIFY(chart->plotArea().height() > 10);
    auto *series = qobject_cast<QBarSeries *>(chart->series().first());
    const qreal value = series->barSets().at(set)->at(index);
    // Two sets share each category's width (0.8): set 0 sits left of the middle, set 1 right.
    const QPointF inChart = chart->mapToPosition(QPointF(index + (set == 0 ? -0.2 : 0.2), value / 2), series);
    const QPoint point = view->mapFromScene(chart->mapToScene(inChart));
    QTest::mouseMove(view->viewport(), point);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, point);
}

} // namespace

class TestSegmentInsights : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void figuresEqualTheCli_data();
    void figuresEqualTheCli();
    void slotTableEqualsTheCli();
    void clickingNarrowsTheMembers();
    void emptySegmentSaysSo();
    void draftJoinsTheOverlapInline();
    void latestRequestWins();
    void figuresFollowTheStudioClock();
    void compareOverlapEqualsTheCli();

private:
    SegmentRule storedRule(const QString &name);
    /** Sets the segment and waits for its figures. */
    bool show(const QString &name, const SegmentRule &rule);
    CliRun cli(const QStringList &arguments) { return runCli(m_path, arguments); }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<CatalogSession> m_session;
    std::unique_ptr<SegmentInsightsView> m_view;
};

void TestSegmentInsights::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("demo.vitrine"));
    DemoOptions options;
    options.users = 800;
    options.items = 200;
    options.events = 24000;
    options.seed = 13;
    options.endDate = QDate(2026, 3, 31);
    const DemoResult demo = createDemoCatalogFile(m_path, options, false);
    QVERIFY2(demo.ok, qPrintable(demo.error));
    QString error;
    m_session = CatalogSession::open(m_path, &error);
    QVERIFY2(m_session, qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(m_session->engine(), WaitMs);
    m_view = std::make_unique<SegmentInsightsView>(m_session.get());
    m_view->resize(1280, 900);
    m_view->show();
}

void TestSegmentInsights::cleanupTestCase()
{
    if (m_session)
        m_session->jobs()->waitForAll(WaitMs);
    m_view.reset();
    m_session.reset();
}

SegmentRule TestSegmentInsights::storedRule(const QString &name)
{
    const SegmentLibrary library = SegmentLibrary::load(m_session->database());
    const SegmentDefinition *definition = library.find(name);
    return definition ? definition->rule : SegmentRule();
}

bool TestSegmentInsights::show(const QString &name, const SegmentRule &rule)
{
    QSignalSpy shown(m_view.get(), &SegmentInsightsView::statsShown);
    m_view->setSegment(name, rule);
    return shown.wait(WaitMs) && !m_view->isBusy() && m_view->stats();
}

void TestSegmentInsights::figuresEqualTheCli_data()
{
    QTest::addColumn<QString>("segment");
    for (const char *name : {"vip", "lapsed", "women-in-denmark", "outdoor-readers", "bargain-hunters"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestSegmentInsights::figuresEqualTheCli()
{
    QFETCH(QString, segment);
    QVERIFY(show(segment, storedRule(segment)));
    const CliRun run
        = cli({QStringLiteral("segment"), QStringLiteral("stats"), segment, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const QJsonObject json = run.json();
    const SegmentStats &stats = *m_view->stats();
    QVERIFY(stats.size > 0);
    QCOMPARE(stats.size, json[QLatin1String("size")].toInt());
    QCOMPARE(stats.population, json[QLatin1String("population")].toInt());
    QCOMPARE(stats.toJson()[QLatin1String("as_of")], json[QLatin1String("as_of")]);
    QVERIFY(m_view->findChild<QLabel *>(QStringLiteral("insightsSummary"))
                ->text()
                .contains(QLocale().toString(stats.size)));

    // Composition: the buckets, and the heights of the segment's bars (in percent).
    const QJsonObject composition = json[QLatin1String("composition")].toObject();
    const std::pair<const char *, SegmentInsightsView::Chart> charts[]
        = {{"gender", SegmentInsightsView::Chart::Gender}, {"age", SegmentInsightsView::Chart::AgeBand},
            {"country", SegmentInsightsView::Chart::Country}};
    for (const auto &[key, chart] : charts) {
        const QJsonArray expected = composition[QLatin1String(key)].toArray();
        const QList<qreal> bars = InsightsCharts::values(m_view->chartView(chart), 0);
        QCOMPARE(bars.size(), expected.size());
        for (int i = 0; i < bars.size(); ++i)
            QVERIFY2(near(bars[i], expected[i][QLatin1String("share")].toDouble() * 100), key);
    }
    QCOMPARE(buckets(stats.genders), buckets(composition[QLatin1String("gender")].toArray()));
    QCOMPARE(buckets(stats.countries), buckets(composition[QLatin1String("country")].toArray()));

    // Top categories and brands: the bars' labels in order, with their shares.
    for (const auto &[key, list, field, chart] :
        {std::tuple {"top_categories", "categories", "category", SegmentInsightsView::Chart::Categories},
            std::tuple {"top_brands", "brands", "brand", SegmentInsightsView::Chart::Brands}}) {
        const QJsonArray expected = json[QLatin1String(key)][QLatin1String(list)].toArray();
        const QStringList labels = InsightsCharts::labels(m_view->chartView(chart));
        const QList<qreal> shares = InsightsCharts::values(m_view->chartView(chart), 0);
        QCOMPARE(labels.size(), expected.size());
        for (int i = 0; i < labels.size(); ++i) {
            QVERIFY2(
                labels[i].startsWith(expected[i][QLatin1String(field)].toString() + QStringLiteral(" (×")),
                qPrintable(labels[i]));
            QVERIFY(near(shares[i], expected[i][QLatin1String("share")].toDouble() * 100));
        }
    }

    // The RFM map: recency 5 on top, frequency 1 on the left; the never-bought apart.
    const QJsonObject rfm = json[QLatin1String("rfm")][QLatin1String("members")].toObject();
    InsightsHeatMap *map = m_view->rfmMap();
    QCOMPARE(map->rowCount(), 5);
    int cells = 0;
    for (int r = 1; r <= 5; ++r) {
        for (int f = 1; f <= 5; ++f) {
            QCOMPARE(int(map->cell(5 - r, f - 1).value), rfm[QLatin1String("cells")][r - 1][f - 1].toInt());
            cells += int(map->cell(5 - r, f - 1).value);
        }
    }
    QCOMPARE(cells + rfm[QLatin1String("never_bought")].toInt(), stats.size);
    QCOMPARE(stats.rfm.neverBought, rfm[QLatin1String("never_bought")].toInt());

    // Size at month ends, and the bars that show it.
    const QJsonArray months = json[QLatin1String("size_over_time")].toArray();
    QCOMPARE(int(m_view->monthSizes().size()), months.size());
    QCOMPARE(months.size(), 12);
    const QList<qreal> heights
        = InsightsCharts::values(m_view->chartView(SegmentInsightsView::Chart::Months), 0);
    for (int i = 0; i < months.size(); ++i) {
        QCOMPARE(m_view->monthSizes()[size_t(i)].month, months[i][QLatin1String("month")].toString());
        QCOMPARE(int(heights.value(i, -1)), months[i][QLatin1String("size")].toInt());
    }

    // The overlap of every stored segment, this one unchanged among them.
    const CliRun overlapRun
        = cli({QStringLiteral("segment"), QStringLiteral("overlap"), QStringLiteral("--json")});
    QVERIFY2(overlapRun.exitCode == 0, overlapRun.describe().constData());
    QJsonObject overlap = overlapRun.json();
    overlap.remove(QLatin1String("as_of"));
    QVERIFY(m_view->overlap());
    QCOMPARE(m_view->overlap()->toJson(), overlap);
    QCOMPARE(m_view->overlap()->names().at(m_view->overlapSelfIndex()), segment);
    QCOMPARE(m_view->overlapMap()->rowCount(), int(m_view->overlap()->names().size()));
    // The UpSet bars split the members: they add up to the segment's size.
    int split = 0;
    for (int i = 0; i < m_view->upSet()->barCount(); ++i)
        split += m_view->upSet()->bar(i).size;
    QVERIFY(split <= stats.size && split > 0);
    QVERIFY(m_view->emptyMessage().isEmpty());

    if (const QString dir = qEnvironmentVariable("VITRINE_GRAB_DIR");
        !dir.isEmpty() && segment == QLatin1String("vip")) {
        QTRY_VERIFY_WITH_TIMEOUT(!m_view->isShownBusy(), WaitMs);
        QWidget *content = m_view->findChild<QScrollArea *>()->widget();
        m_view->grab().save(dir + QStringLiteral("/insights.png"));
        content->grab().save(dir + QStringLiteral("/insights-all.png"));
    }
}

void TestSegmentInsights::slotTableEqualsTheCli()
{
    QVERIFY(show(QStringLiteral("vip"), storedRule(QStringLiteral("vip"))));
    const auto *combo = m_view->findChild<QComboBox *>(QStringLiteral("insightsSlot"));
    QVERIFY(combo->count() > 1); // every starter slot is offered
    const QString slot = QStringLiteral("home-bestsellers");
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->isShownBusy(), WaitMs);
    QVERIFY(m_view->setCurrentSlot(slot));
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->isShownBusy() && m_view->shown(), WaitMs);
    const CliRun run = cli(
        {QStringLiteral("segment"), QStringLiteral("stats"), QStringLiteral("vip"), QStringLiteral("--slot"),
            slot, QStringLiteral("--months"), QStringLiteral("0"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const QJsonArray expected = run.json()[QLatin1String("shown")][QLatin1String("items")].toArray();
    const auto *table = m_view->findChild<QTableView *>(QStringLiteral("insightsShown"));
    QVERIFY(expected.size() > 0);
    QCOMPARE(table->model()->rowCount(), expected.size());
    for (int row = 0; row < expected.size(); ++row) {
        QCOMPARE(
            table->model()->index(row, 1).data().toString(), expected[row][QLatin1String("item")].toString());
        QVERIFY(near(table->model()->index(row, 3).data(Qt::UserRole + 1).toDouble(),
            expected[row][QLatin1String("share")].toDouble()));
    }
}

void TestSegmentInsights::clickingNarrowsTheMembers()
{
    QVERIFY(show(QStringLiteral("lapsed"), storedRule(QStringLiteral("lapsed"))));
    const SegmentStats stats = *m_view->stats();
    QSignalSpy narrowed(m_view.get(), &SegmentInsightsView::membersNarrowed);
    const auto people = [&narrowed] {
        return narrowed.last().at(1).value<std::shared_ptr<const PersonSet>>();
    };

    // The women's bar of the gender chart.
    clickBar(m_view->chartView(SegmentInsightsView::Chart::Gender), 0, 0);
    QTRY_COMPARE_WITH_TIMEOUT(narrowed.count(), 1, WaitMs);
    QCOMPARE(narrowed.last().at(0).toString(), QStringLiteral("Gender: Female"));
    QCOMPARE(people()->count(), stats.genders[0].count);
    QVERIFY(stats.genders[0].count > 0);

    // The fullest RFM cell.
    InsightsHeatMap *map = m_view->rfmMap();
    std::pair<int, int> fullest {0, 0};
    for (int row = 0; row < map->rowCount(); ++row) {
        for (int column = 0; column < map->columnCount(); ++column) {
            if (map->cell(row, column).value > map->cell(fullest.first, fullest.second).value)
                fullest = {row, column};
        }
    }
    QTest::mouseClick(map, Qt::LeftButton, {}, map->cellRect(fullest.first, fullest.second).center());
    QTRY_COMPARE_WITH_TIMEOUT(narrowed.count(), 2, WaitMs);
    QCOMPARE(people()->count(), int(map->cell(fullest.first, fullest.second).value));

    // This segment's row of the overlap matrix: its members also in the first other segment.
    InsightsHeatMap *overlap = m_view->overlapMap();
    const int self = m_view->overlapSelfIndex();
    const int other = self == 0 ? 1 : 0;
    QVERIFY(overlap->cell(self, other).clickable && !overlap->cell(self, self).clickable);
    QTest::mouseClick(overlap, Qt::LeftButton, {}, overlap->cellRect(self, other).center());
    QTRY_COMPARE_WITH_TIMEOUT(narrowed.count(), 3, WaitMs);
    QCOMPARE(people()->count(), m_view->overlap()->pair(self, other));
    QCOMPARE(narrowed.last().at(0).toString(),
        QStringLiteral("Also in: %1").arg(m_view->overlap()->names().at(other)));

    // The first UpSet bar.
    InsightsUpSet *upSet = m_view->upSet();
    QVERIFY(upSet->barCount() > 0);
    QTest::mouseClick(upSet, Qt::LeftButton, {}, upSet->barRect(0).center());
    QTRY_COMPARE_WITH_TIMEOUT(narrowed.count(), 4, WaitMs);
    QCOMPARE(people()->count(), upSet->bar(0).size);
}

void TestSegmentInsights::emptySegmentSaysSo()
{
    QString error;
    const auto nobody
        = SegmentRule::fromText(R"({"profile": {"field": "country", "equals": "Atlantis"}})", &error);
    QVERIFY2(nobody, qPrintable(error));
    QVERIFY(show(QString(), *nobody));
    QCOMPARE(m_view->stats()->size, 0);
    QVERIFY2(m_view->emptyMessage().startsWith(QStringLiteral("No one in this segment at 2026-03-31")),
        qPrintable(m_view->emptyMessage()));
    if (const QString dir = qEnvironmentVariable("VITRINE_GRAB_DIR"); !dir.isEmpty())
        m_view->grab().save(dir + QStringLiteral("/insights-empty.png"));
    // A segment with members afterwards shows its figures again.
    QVERIFY(show(QStringLiteral("vip"), storedRule(QStringLiteral("vip"))));
    QVERIFY(m_view->emptyMessage().isEmpty());
}

void TestSegmentInsights::draftJoinsTheOverlapInline()
{
    // An unsaved edit of vip: the overlap holds the draft under its own name instead of the stored
    // vip, as `segment overlap OTHERS --rule vip-draft=JSON` compares them.
    const QByteArray json = R"({"value": {"measure": "monetary_score", "min": 4}})";
    QString error;
    const auto draft = SegmentRule::fromText(json, &error);
    QVERIFY2(draft, qPrintable(error));
    QVERIFY(show(QStringLiteral("vip"), *draft));
    QStringList arguments {QStringLiteral("segment"), QStringLiteral("overlap")};
    for (const QString &name : SegmentLibrary::load(m_session->database()).names()) {
        if (name != QLatin1String("vip"))
            arguments.append(name);
    }
    arguments << QStringLiteral("--rule") << QStringLiteral("vip-draft=") + QString::fromUtf8(json)
              << QStringLiteral("--json");
    const CliRun run = cli(arguments);
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QJsonObject expected = run.json();
    expected.remove(QLatin1String("as_of"));
    QCOMPARE(m_view->overlap()->toJson(), expected);
    QCOMPARE(m_view->overlap()->names().at(m_view->overlapSelfIndex()), QStringLiteral("vip-draft"));
    QVERIFY(!m_view->overlap()->names().contains(QStringLiteral("vip")));
    const CliRun stats = cli({QStringLiteral("segment"), QStringLiteral("stats"), QStringLiteral("--rule"),
        QString::fromUtf8(json), QStringLiteral("--json")});
    QCOMPARE(m_view->stats()->size, stats.json()[QLatin1String("size")].toInt());
    QVERIFY(m_view->stats()->size > m_view->overlap()->sizes().front());
}

void TestSegmentInsights::latestRequestWins()
{
    // Two requests in a row: only the second one's figures ever reach the screen.
    QSignalSpy shown(m_view.get(), &SegmentInsightsView::statsShown);
    m_view->setSegment(QStringLiteral("lapsed"), storedRule(QStringLiteral("lapsed")));
    QVERIFY(m_view->isBusy());
    m_view->setSegment(QStringLiteral("vip"), storedRule(QStringLiteral("vip")));
    QVERIFY(shown.wait(WaitMs));
    QVERIFY(m_session->jobs()->waitForAll(WaitMs));
    QCOMPARE(shown.count(), 1);
    const CliRun run = cli({QStringLiteral("segment"), QStringLiteral("count"), QStringLiteral("vip"),
        QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QCOMPARE(m_view->stats()->size, run.json()[QLatin1String("size")].toInt());
    QVERIFY(m_view->findChild<QLabel *>(QStringLiteral("insightsSummary"))
                ->text()
                .startsWith(QStringLiteral("vip:")));
}

void TestSegmentInsights::figuresFollowTheStudioClock()
{
    // Moving the studio's clock reads the engine again; the figures follow, as the CLI's --as-of.
    QVERIFY(show(QStringLiteral("lapsed"), storedRule(QStringLiteral("lapsed"))));
    const int now = m_view->stats()->size;
    const qint64 januaryEnd = QDateTime(QDate(2026, 1, 31), QTime(23, 59, 59), Qt::UTC).toSecsSinceEpoch();
    m_session->setRequestedAsOf(januaryEnd);
    QTRY_COMPARE_WITH_TIMEOUT(m_view->stats() ? m_view->stats()->asOf : qint64(0), januaryEnd, WaitMs);
    const CliRun run = cli({QStringLiteral("segment"), QStringLiteral("stats"), QStringLiteral("lapsed"),
        QStringLiteral("--as-of"), QStringLiteral("2026-01-31T23:59:59Z"), QStringLiteral("--months"),
        QStringLiteral("3"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QCOMPARE(m_view->stats()->size, run.json()[QLatin1String("size")].toInt());
    QCOMPARE(m_view->monthSizes().back().month, QStringLiteral("2026-01"));
    QVERIFY(m_view->stats()->size != now);
    m_session->setRequestedAsOf(std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(m_view->stats() && m_view->stats()->size == now && !m_view->isBusy(), WaitMs);
}

void TestSegmentInsights::compareOverlapEqualsTheCli()
{
    SegmentCompareView compare(m_session.get());
    compare.resize(1280, 900);
    compare.show();
    QSignalSpy compared(&compare, &SegmentCompareView::compared);
    compare.setSegments(QStringLiteral("vip"), QStringLiteral("lapsed"));
    QTRY_VERIFY_WITH_TIMEOUT(!compare.isBusy() && compare.overlap(), WaitMs);
    const CliRun run = cli({QStringLiteral("segment"), QStringLiteral("overlap"), QStringLiteral("vip"),
        QStringLiteral("lapsed"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QJsonObject expected = run.json();
    expected.remove(QLatin1String("as_of"));
    QCOMPARE(compare.overlap()->toJson(), expected);
    QCOMPARE(compare.stats(0)->size, expected[QLatin1String("sizes")][0].toInt());
    QVERIFY(compare.choices().contains(QStringLiteral("women-in-denmark")));
    // The gender chart holds both sides' shares.
    const QList<qreal> a = InsightsCharts::values(compare.chartView(SegmentCompareView::Chart::Gender), 0);
    QCOMPARE(a.size(), 4);
    QVERIFY(near(a[0], compare.stats(0)->genders[0].share * 100));
    QVERIFY(near(InsightsCharts::values(compare.chartView(SegmentCompareView::Chart::Gender), 1)[1],
        compare.stats(1)->genders[1].share * 100));
    QVERIFY(compare.emptyMessage().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!compare.isShownBusy(), WaitMs);
    QVERIFY(compare.shownModel()->rowCount() > 0);
    if (const QString dir = qEnvironmentVariable("VITRINE_GRAB_DIR"); !dir.isEmpty())
        compare.grab().save(dir + QStringLiteral("/compare.png"));

    // The segment being edited can be one side: its draft rule stands in for the stored one.
    const QByteArray json = R"({"value": {"measure": "monetary_score", "min": 4}})";
    QString error;
    const auto draft = SegmentRule::fromText(json, &error);
    QVERIFY2(draft, qPrintable(error));
    compare.setDraft(QStringLiteral("vip"), *draft);
    QTRY_VERIFY_WITH_TIMEOUT(!compare.isBusy() && compare.overlap()
            && compare.overlap()->names().first() == QLatin1String("vip-draft"),
        WaitMs);
    const CliRun drafted = cli({QStringLiteral("segment"), QStringLiteral("stats"), QStringLiteral("--rule"),
        QString::fromUtf8(json), QStringLiteral("--months"), QStringLiteral("0"), QStringLiteral("--json")});
    QCOMPARE(compare.overlap()->sizes()[0], drafted.json()[QLatin1String("size")].toInt());
    QCOMPARE(compare.choices().first(), QStringLiteral("vip"));
    QCOMPARE(compare.choices().count(QStringLiteral("vip")), 1);

    // The same segment twice is refused with a message, not a crash.
    compare.setSegments(QStringLiteral("vip"), QStringLiteral("vip"));
    QCOMPARE(compare.emptyMessage(), QStringLiteral("Choose two different segments."));
}

QTEST_MAIN(TestSegmentInsights)
#include "tst_segmentinsights.moc"
