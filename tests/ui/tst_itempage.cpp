// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemsfixture.h"

using namespace Vitrine;
using namespace Vitrine::ItemsFixture;

/** The item page: what one item's views, buyers and the engine say about it. */
class TestItemPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void selectingARowOpensTheItemPage();
    void showObjectSelectsAndOpensTheItem();
    void showObjectClearsFiltersThatHideTheItem();
    void itemPageShowsWeeklyActivity();
    void itemWithoutEventsSaysNoOneViewedIt();
    void relatedItemsComeFromTheEngine();
    void activatingARelatedItemOpensIt();
    void segmentsThatOverIndexOnTheItem();
    void plainCatalogShowsUntitledItems();

private:
    Catalogs m_catalogs;
};

void TestItemPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QString error;
    QVERIFY2(m_catalogs.create(&error), qPrintable(error));
}

void TestItemPage::selectingARowOpensTheItemPage()
{
    const auto studio = openStudio(m_catalogs.shop);
    QVERIFY(studio);
    QTRY_VERIFY(allLoaded(studio->model()));
    QVERIFY(studio->page->itemPage()->isHidden());

    QTableView *table = studio->table();
    const QRect cell = table->visualRect(studio->model()->index(0, ItemTableModel::TitleColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    ItemPage *itemPage = studio->page->itemPage();
    QTRY_VERIFY(itemPage->isVisible());
    QCOMPARE(itemPage->sku(), QStringLiteral("MUG-001"));
    QTRY_COMPARE(studio->find<QLabel>(QStringLiteral("itemTitle"))->text(), QStringLiteral("Blue enamel mug"));
    const QString subtitle = studio->find<QLabel>(QStringLiteral("itemSubtitle"))->text();
    QVERIFY2(subtitle.contains(QStringLiteral("Kitchen > Mugs")) && subtitle.contains(QStringLiteral("Acme")),
        qPrintable(subtitle));
    QVERIFY(studio->find<QLabel>(QStringLiteral("itemPrice"))->text().contains(QStringLiteral("on sale")));
    // The attributes, one row each.
    QTRY_VERIFY(!itemPage->findChildren<QLabel *>().isEmpty());
    bool colour = false;
    for (const QLabel *label : itemPage->findChildren<QLabel *>())
        colour = colour || label->text() == QStringLiteral("blue");
    QVERIFY(colour);
    QVERIFY(studio->find<QLabel>(QStringLiteral("itemAttributesEmpty"))->isHidden());

    // Escape closes it again.
    studio->page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(studio->page.get()));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Escape);
    QVERIFY(itemPage->isHidden());
    QVERIFY(itemPage->sku().isEmpty());
}

void TestItemPage::showObjectSelectsAndOpensTheItem()
{
    const auto studio = openStudio(m_catalogs.many);
    QVERIFY(studio);
    QTRY_COMPARE(studio->model()->rowCount(), 450);
    QVERIFY(studio->page->showObject(QStringLiteral("SKU-0377")));
    QTRY_COMPARE(studio->table()->currentIndex().row(), 376);
    QTRY_COMPARE(studio->table()->currentIndex().siblingAtColumn(ItemTableModel::SkuColumn).data().toString(),
        QStringLiteral("SKU-0377"));
    // Scrolled to it.
    const int top = studio->table()->rowAt(0);
    const int bottom = studio->table()->rowAt(studio->table()->viewport()->height() - 2);
    QVERIFY2(top <= 376 && 376 <= bottom, qPrintable(QStringLiteral("%1..%2").arg(top).arg(bottom)));
    QCOMPARE(studio->page->itemPage()->sku(), QStringLiteral("SKU-0377"));
    QTRY_COMPARE(studio->find<QLabel>(QStringLiteral("itemTitle"))->text(), QStringLiteral("Item 0377"));
}

void TestItemPage::showObjectClearsFiltersThatHideTheItem()
{
    const auto studio = openStudio(m_catalogs.shop);
    QVERIFY(studio);
    QTRY_COMPARE(studio->model()->rowCount(), 5);
    auto *box = studio->find<QLineEdit>(QStringLiteral("itemSearch"));
    QTest::keyClicks(box, QStringLiteral("teapot"));
    QTest::keyClick(box, Qt::Key_Return);
    QTest::mouseClick(studio->find<QCheckBox>(QStringLiteral("itemOnSaleFilter")), Qt::LeftButton);
    QTRY_COMPARE(studio->model()->rowCount(), 0);

    QVERIFY(studio->page->showObject(QStringLiteral("MUG-003")));
    QTRY_COMPARE(studio->model()->rowCount(), 5);
    QVERIFY(box->text().isEmpty());
    QVERIFY(!studio->find<QCheckBox>(QStringLiteral("itemOnSaleFilter"))->isChecked());
    QTRY_COMPARE(studio->table()->currentIndex().siblingAtColumn(ItemTableModel::SkuColumn).data().toString(),
        QStringLiteral("MUG-003"));

    // An SKU the catalog does not have is refused once the engine knows the catalog.
    QTRY_VERIFY_WITH_TIMEOUT(studio->session->engine(), 30000);
    QVERIFY(!studio->page->showObject(QStringLiteral("NOPE-404")));
}

void TestItemPage::itemPageShowsWeeklyActivity()
{
    const auto studio = openStudio(m_catalogs.shop);
    QVERIFY(studio);
    QVERIFY(studio->page->showObject(QStringLiteral("MUG-001")));
    auto *summary = studio->find<QLabel>(QStringLiteral("itemActivitySummary"));
    QTRY_COMPARE_WITH_TIMEOUT(summary->text(), QStringLiteral("1 view · 1 cart · 1 purchase, by one person."), 30000);
    auto *chart = studio->page->itemPage()->findChild<ItemActivityChart *>();
    QVERIFY(chart);
    QVERIFY(chart->isVisible());
    QCOMPARE(chart->seriesNames(), QStringList({QStringLiteral("Views"), QStringLiteral("Carts"), QStringLiteral("Purchases")}));

    // An article shows its reads as well.
    QVERIFY(studio->page->showObject(QStringLiteral("ART-001")));
    QTRY_COMPARE_WITH_TIMEOUT(summary->text().contains(QStringLiteral("1 read")), true, 30000);
    QVERIFY(chart->seriesNames().contains(QStringLiteral("Reads")));
}

void TestItemPage::itemWithoutEventsSaysNoOneViewedIt()
{
    const auto studio = openStudio(m_catalogs.shop);
    QVERIFY(studio);
    QVERIFY(studio->page->showObject(QStringLiteral("POT-001")));
    auto *summary = studio->find<QLabel>(QStringLiteral("itemActivitySummary"));
    QTRY_VERIFY_WITH_TIMEOUT(summary->text().startsWith(QStringLiteral("No one has viewed this item yet")), 30000);
    QVERIFY(studio->page->itemPage()->findChild<ItemActivityChart *>()->isHidden());
    auto *bought = studio->find<QLabel>(QStringLiteral("itemBoughtWithMessage"));
    QTRY_COMPARE_WITH_TIMEOUT(bought->text(), QStringLiteral("No one has bought this item together with another yet."), 30000);
    auto *segments = studio->find<QLabel>(QStringLiteral("itemSegmentsMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(!segments->text().isEmpty() && segments->text() != QStringLiteral("Computing…"), 30000);
    // This catalog has no segments: the page says where to make one.
    QVERIFY2(segments->text().contains(QStringLiteral("Segments workspace")), qPrintable(segments->text()));
}

void TestItemPage::relatedItemsComeFromTheEngine()
{
    const auto studio = openStudio(m_catalogs.demo);
    QVERIFY(studio);
    QTRY_VERIFY_WITH_TIMEOUT(studio->session->engine(), 60000);
    const EngineSessionPtr engine = studio->session->engine();
    const Snapshot &snapshot = *engine->snapshot();

    // A product people bought together with others (the most bought one may have no companion).
    int best = -1;
    SlotResult bought;
    SlotResult similar;
    for (int item = 0; item < snapshot.itemCount() && best < 0; ++item) {
        if (snapshot.isContent(item) || ItemInsights::activity(snapshot, item).purchases < 3)
            continue;
        RecommendRequest request;
        request.contextItem = item;
        bought = engine->recommend(ItemInsights::boughtWithSlot(8), request);
        QVERIFY2(bought.ok, qPrintable(bought.error));
        if (!bought.items.empty()) {
            best = item;
            similar = engine->recommend(ItemInsights::similarSlot(8), request);
        }
    }
    QVERIFY(best >= 0);
    QVERIFY2(similar.ok, qPrintable(similar.error));
    QVERIFY(!similar.items.empty());
    QStringList boughtSkus;
    for (const RecommendedItem &item : bought.items)
        boughtSkus.append(snapshot.sku(item.item));
    QStringList similarSkus;
    for (const RecommendedItem &item : similar.items)
        similarSkus.append(snapshot.sku(item.item));

    studio->page->showObject(snapshot.sku(best));
    auto *boughtList = studio->find<QTreeWidget>(QStringLiteral("itemBoughtWith"));
    auto *similarList = studio->find<QTreeWidget>(QStringLiteral("itemSimilar"));
    QTRY_COMPARE_WITH_TIMEOUT(treeColumn(boughtList, 0, Qt::UserRole + 1), boughtSkus, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(treeColumn(similarList, 0, Qt::UserRole + 1), similarSkus, 60000);
    QVERIFY(boughtList->isVisible());
    // With their scores, best first.
    QCOMPARE(boughtList->topLevelItem(0)->text(1), QLocale().toString(bought.items.front().score, 'f', 2));
    QCOMPARE(similarList->topLevelItem(0)->text(1), QLocale().toString(similar.items.front().score, 'f', 2));
    QTRY_VERIFY_WITH_TIMEOUT(!studio->page->itemPage()->isComputing(), 60000);
    screenshot(studio->page.get(), QStringLiteral("items"));
}

void TestItemPage::activatingARelatedItemOpensIt()
{
    const auto studio = openStudio(m_catalogs.demo);
    QVERIFY(studio);
    QTRY_VERIFY_WITH_TIMEOUT(studio->session->engine(), 60000);
    const Snapshot &snapshot = *studio->session->engine()->snapshot();
    int item = 0;
    while (item < snapshot.itemCount() && snapshot.isContent(item))
        ++item;
    studio->page->showObject(snapshot.sku(item));
    auto *similarList = studio->find<QTreeWidget>(QStringLiteral("itemSimilar"));
    QTRY_VERIFY_WITH_TIMEOUT(similarList->topLevelItemCount() > 0, 60000);
    const QString next = similarList->topLevelItem(0)->data(0, Qt::UserRole + 1).toString();
    Q_EMIT similarList->itemActivated(similarList->topLevelItem(0), 0);
    QCOMPARE(studio->page->itemPage()->sku(), next);
    QTRY_COMPARE(studio->table()->currentIndex().siblingAtColumn(ItemTableModel::SkuColumn).data().toString(), next);
}

void TestItemPage::segmentsThatOverIndexOnTheItem()
{
    const auto studio = openStudio(m_catalogs.demo);
    QVERIFY(studio);
    QTRY_VERIFY_WITH_TIMEOUT(studio->session->engine(), 60000);
    const EngineSessionPtr engine = studio->session->engine();
    const Snapshot &snapshot = *engine->snapshot();
    QString error;
    const std::shared_ptr<AudienceCache> audience = engine->audience(&error);
    QVERIFY2(audience, qPrintable(error));

    // An item some segment over-indexes on, as the core computes it.
    int chosen = -1;
    QList<SegmentLift> expected;
    for (int item = 0; item < snapshot.itemCount() && chosen < 0; ++item) {
        if (snapshot.itemEvents(item).size() < 20)
            continue;
        const std::optional<QList<SegmentLift>> lifts = ItemInsights::segmentLift(snapshot, *audience, item, &error);
        QVERIFY2(lifts, qPrintable(error));
        for (const SegmentLift &lift : *lifts) {
            if (lift.lift > 1.0 && lift.interacted > 0)
                expected.append(lift);
        }
        if (!expected.isEmpty())
            chosen = item;
    }
    QVERIFY(chosen >= 0);

    studio->page->showObject(snapshot.sku(chosen));
    auto *list = studio->find<QTreeWidget>(QStringLiteral("itemSegments"));
    QStringList keys;
    for (const SegmentLift &lift : std::as_const(expected))
        keys.append(lift.segment);
    QTRY_COMPARE_WITH_TIMEOUT(treeColumn(list, 0, Qt::UserRole + 1), keys, 60000);
    QCOMPARE(list->topLevelItem(0)->text(0), expected.constFirst().title);
    QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("×") + QLocale().toString(expected.constFirst().lift, 'f', 1));
    QVERIFY(list->topLevelItem(0)->toolTip(0).contains(QStringLiteral("of everyone")));

    QTRY_VERIFY_WITH_TIMEOUT(!studio->page->itemPage()->isComputing(), 60000);
    if (auto *scroll = studio->page->itemPage()->findChild<QScrollArea *>())
        screenshot(scroll->widget(), QStringLiteral("items-item-page"));

    // Opening a segment asks the window for the Segments workspace.
    QSignalSpy requested(studio->page.get(), &WorkspacePage::objectRequested);
    Q_EMIT list->itemActivated(list->topLevelItem(0), 0);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).value<Workspace>(), Workspace::Segments);
    QCOMPARE(requested.at(0).at(1).toString(), expected.constFirst().segment);
}

void TestItemPage::plainCatalogShowsUntitledItems()
{
    const auto studio = openStudio(m_catalogs.plain);
    QVERIFY(studio);
    QTRY_COMPARE(studio->model()->rowCount(), 3);
    QTRY_VERIFY(allLoaded(studio->model()));
    QVERIFY(column(studio->model(), ItemTableModel::TitleColumn).contains(QStringLiteral("(untitled)")));
    QTRY_VERIFY(studio->session->engine());
    QVERIFY(studio->page->showObject(QStringLiteral("A1")));
    QTRY_COMPARE(studio->find<QLabel>(QStringLiteral("itemTitle"))->text(), QStringLiteral("(untitled)"));
    QTRY_VERIFY(studio->find<QLabel>(QStringLiteral("itemAttributesEmpty"))->isVisible());
    QVERIFY(!studio->find<QToolButton>(QStringLiteral("itemCategoryFilter"))->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!studio->page->itemPage()->isComputing(), 30000);
    screenshot(studio->page.get(), QStringLiteral("items-plain-csv"));
}

QTEST_MAIN(TestItemPage)
#include "tst_itempage.moc"
