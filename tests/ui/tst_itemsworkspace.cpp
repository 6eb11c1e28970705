// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemsfixture.h"

using namespace Vitrine;
using namespace Vitrine::ItemsFixture;

class TestItemsWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // The table
    void listsItemsWithTheirFields();
    void rowCountIsTheFullMatchingCount();
    void ctrlEndReachesTheLastItem();
    void draggingToTheBottomShowsTheLastItems();
    void newSearchScrollsToTheTop();
    void searchFilters_data();
    void searchFilters();
    void headerClickSorts();
    void lateBlocksOfAnOldSearchAreDropped();
    void refreshKeepsTheViewWhereItWas();

    // The filter bar
    void filterBarFilters_data();
    void filterBarFilters();
    void categoryPickerOffersTheCategoryTree();
    void emptyResultSaysHowToGetItemsBack();
    void emptyCatalogSaysHowToFillIt();

    // Speed, on demand: VITRINE_BIG_CATALOG names a large catalog (1,000,000 people, 20,000 items)
    void bigCatalogScrollsWithoutStalls();

private:
    Catalogs m_catalogs;
};

void TestItemsWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QString error;
    QVERIFY2(m_catalogs.create(&error), qPrintable(error));
}

void TestItemsWorkspace::listsItemsWithTheirFields()
{
    const auto studio = openStudio(m_catalogs.shop);
    QVERIFY(studio);
    const ItemTableModel *model = studio->model();
    QTRY_COMPARE(model->rowCount(), 5);
    QTRY_VERIFY(allLoaded(model));
    QCOMPARE(model->columnCount(), int(ItemTableModel::ColumnCount));
    // Sorted by title, case-insensitively.
    QCOMPARE(column(model, ItemTableModel::TitleColumn),
        QStringList({QStringLiteral("Blue enamel mug"), QStringLiteral("How to brew tea"), QStringLiteral("Mug 50% off"),
            QStringLiteral("Mug 500 ml"), QStringLiteral("Red teapot")}));

    const QModelIndex onSale = model->index(2, ItemTableModel::TitleColumn);
    QCOMPARE(onSale.siblingAtColumn(ItemTableModel::SkuColumn).data().toString(), QStringLiteral("MUG-002"));
    QCOMPARE(onSale.siblingAtColumn(ItemTableModel::KindColumn).data().toString(), QStringLiteral("Product"));
    QCOMPARE(onSale.siblingAtColumn(ItemTableModel::CategoryColumn).data().toString(), QStringLiteral("Kitchen > Mugs"));
    QCOMPARE(onSale.siblingAtColumn(ItemTableModel::BrandColumn).data().toString(), QStringLiteral("Acme"));
    QCOMPARE(onSale.siblingAtColumn(ItemTableModel::PriceColumn).data().toString(), QLocale().toString(20.0, 'f', 2));
    QCOMPARE(onSale.siblingAtColumn(ItemTableModel::SalePriceColumn).data().toString(), QLocale().toString(10.0, 'f', 2));
    QCOMPARE(onSale.siblingAtColumn(ItemTableModel::StockColumn).data().toString(), QLocale().toString(5));
    QCOMPARE(onSale.data(ItemTableModel::ItemIdRole).toLongLong(), 2);
    QCOMPARE(onSale.data(ItemTableModel::SkuRole).toString(), QStringLiteral("MUG-002"));

    const QModelIndex article = model->index(1, ItemTableModel::TitleColumn);
    QCOMPARE(article.siblingAtColumn(ItemTableModel::KindColumn).data().toString(), QStringLiteral("Content"));
    QVERIFY(article.siblingAtColumn(ItemTableModel::PriceColumn).data().toString().isEmpty());
    QTRY_COMPARE(studio->summary(), QStringLiteral("5 items"));
}

void TestItemsWorkspace::rowCountIsTheFullMatchingCount()
{
    const auto studio = openStudio(m_catalogs.many);
    QVERIFY(studio);
    ItemTableModel *model = studio->model();
    QSignalSpy counted(model, &ItemTableModel::matchingCountChanged);
    QTRY_COMPARE(model->rowCount(), 450);
    QCOMPARE(model->matchingCount(), 450);
    QCOMPARE(studio->summary(), QStringLiteral("450 items"));

    // The scroll bar spans every item, not only the rows read so far.
    QScrollBar *bar = studio->table()->verticalScrollBar();
    const int visibleRows = studio->table()->viewport()->height() / studio->table()->verticalHeader()->defaultSectionSize();
    QVERIFY(bar->maximum() >= 450 - visibleRows - 1);

    // A row far below shows a placeholder until its block arrives, then the item.
    const QModelIndex far = model->index(420, ItemTableModel::TitleColumn);
    if (!far.data(ItemTableModel::LoadedRole).toBool())
        QCOMPARE(far.data().toString(), QStringLiteral("Loading…"));
    QTRY_VERIFY(far.data(ItemTableModel::LoadedRole).toBool());
    QCOMPARE(far.data().toString(), QStringLiteral("Item 0421"));

    // Every block together: no row twice, none missing.
    QTRY_VERIFY(allLoaded(model));
    const QStringList skus = column(model, ItemTableModel::SkuColumn);
    QCOMPARE(QSet<QString>(skus.cbegin(), skus.cend()).size(), 450);
    QCOMPARE(skus.first(), QStringLiteral("SKU-0001"));
    QCOMPARE(skus.last(), QStringLiteral("SKU-0450"));
}

void TestItemsWorkspace::ctrlEndReachesTheLastItem()
{
    const auto studio = openStudio(m_catalogs.many);
    QVERIFY(studio);
    QTRY_COMPARE(studio->model()->rowCount(), 450);
    QTableView *table = studio->table();
    table->setFocus();
    QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(table->currentIndex().row(), 449);
    QTRY_COMPARE(table->currentIndex().siblingAtColumn(ItemTableModel::SkuColumn).data().toString(),
        QStringLiteral("SKU-0450"));
    // The last row is on screen.
    QVERIFY(table->rowAt(table->viewport()->height() - 2) == 449 || table->rowAt(table->viewport()->height() / 2) > 400);
    // And its page opens.
    QTRY_COMPARE(studio->page->itemPage()->sku(), QStringLiteral("SKU-0450"));
    QTRY_COMPARE(studio->find<QLabel>(QStringLiteral("itemTitle"))->text(), QStringLiteral("Item 0450"));
}

void TestItemsWorkspace::draggingToTheBottomShowsTheLastItems()
{
    const auto studio = openStudio(m_catalogs.many);
    QVERIFY(studio);
    QTRY_COMPARE(studio->model()->rowCount(), 450);
    QTableView *table = studio->table();
    QScrollBar *bar = table->verticalScrollBar();
    bar->setValue(bar->maximum());
    const int bottomRow = table->rowAt(table->viewport()->height() - 2);
    QCOMPARE(bottomRow, 449);
    const QModelIndex last = studio->model()->index(bottomRow, ItemTableModel::SkuColumn);
    QTRY_COMPARE(last.data().toString(), QStringLiteral("SKU-0450"));
}

void TestItemsWorkspace::newSearchScrollsToTheTop()
{
    const auto studio = openStudio(m_catalogs.many);
    QVERIFY(studio);
    QTRY_COMPARE(studio->model()->rowCount(), 450);
    QScrollBar *bar = studio->table()->verticalScrollBar();
    bar->setValue(bar->maximum());
    QVERIFY(bar->value() > 0);

    auto *box = studio->find<QLineEdit>(QStringLiteral("itemSearch"));
    QTest::keyClicks(box, QStringLiteral("Item 03"));
    QTest::keyClick(box, Qt::Key_Return);
    QTRY_COMPARE(studio->model()->rowCount(), 100);
    QCOMPARE(bar->value(), 0);
    QTRY_COMPARE(studio->model()->index(0, ItemTableModel::TitleColumn).data().toString(), QStringLiteral("Item 0300"));
    QCOMPARE(studio->summary(), QStringLiteral("100 items match"));
}

void TestItemsWorkspace::searchFilters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("skus");

    QTest::newRow("title word") << QStringLiteral("mug")
                                << QStringList({QStringLiteral("MUG-001"), QStringLiteral("MUG-002"), QStringLiteral("MUG-003")});
    QTest::newRow("sku") << QStringLiteral("POT-") << QStringList({QStringLiteral("POT-001")});
    QTest::newRow("percent is literal") << QStringLiteral("50%") << QStringList({QStringLiteral("MUG-002")});
    QTest::newRow("underscore is literal") << QStringLiteral("_") << QStringList();
    QTest::newRow("spaces trimmed") << QStringLiteral("  teapot  ") << QStringList({QStringLiteral("POT-001")});
    QTest::newRow("no match") << QStringLiteral("bicycle") << QStringList();
}

void TestItemsWorkspace::searchFilters()
{
    QFETCH(QString, text);
    QFETCH(QStringList, skus);

    const auto studio = openStudio(m_catalogs.shop);
    QVERIFY(studio);
    QTRY_COMPARE(studio->model()->rowCount(), 5);
    auto *box = studio->find<QLineEdit>(QStringLiteral("itemSearch"));
    QTest::keyClicks(box, text);
    // The search applies by itself after a short pause.
    QTRY_COMPARE(studio->model()->filter().text, text.trimmed());
    QTRY_VERIFY(allLoaded(studio->model()));
    QStringList shown = column(studio->model(), ItemTableModel::SkuColumn);
    shown.sort();
    QCOMPARE(shown, skus);

    box->clear();
    QTRY_COMPARE(studio->model()->rowCount(), 5);
}

void TestItemsWorkspace::headerClickSorts()
{
    const auto studio = openStudio(m_catalogs.shop);
    QVERIFY(studio);
    QTRY_COMPARE(studio->model()->rowCount(), 5);
    QHeaderView *header = studio->table()->horizontalHeader();
    const auto clickHeader = [header](int section) {
        const QPoint centre(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
            header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, centre);
    };
    clickHeader(ItemTableModel::PriceColumn);
    QCOMPARE(header->sortIndicatorSection(), int(ItemTableModel::PriceColumn));
    if (header->sortIndicatorOrder() == Qt::AscendingOrder)
        clickHeader(ItemTableModel::PriceColumn);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QTRY_COMPARE(studio->model()->rowCount(), 5);
    QTRY_VERIFY(allLoaded(studio->model()));
    QCOMPARE(column(studio->model(), ItemTableModel::SkuColumn),
        QStringList({QStringLiteral("POT-001"), QStringLiteral("MUG-002"), QStringLiteral("MUG-003"),
            QStringLiteral("MUG-001"), QStringLiteral("ART-001")}));
}

void TestItemsWorkspace::lateBlocksOfAnOldSearchAreDropped()
{
    const auto studio = openStudio(m_catalogs.many);
    QVERIFY(studio);
    ItemTableModel *model = studio->model();
    QTRY_COMPARE(model->rowCount(), 450);

    // Three searches in a row, each asking for rows before the next replaces it.
    for (const char *text : {"Item 01", "Item 02", "Item 03"}) {
        ItemFilter filter;
        filter.text = QString::fromLatin1(text);
        model->setFilter(filter);
        for (int row = 0; row < 100; row += 20)
            model->index(row, 0).data();
    }
    QTRY_COMPARE(model->rowCount(), 100);
    QTRY_VERIFY(allLoaded(model));
    const QStringList titles = column(model, ItemTableModel::TitleColumn);
    for (const QString &title : titles)
        QVERIFY2(title.startsWith(QStringLiteral("Item 03")), qPrintable(title));
}

void TestItemsWorkspace::refreshKeepsTheViewWhereItWas()
{
    const auto studio = openStudio(m_catalogs.many);
    QVERIFY(studio);
    ItemTableModel *model = studio->model();
    QTRY_COMPARE(model->rowCount(), 450);
    QTableView *table = studio->table();
    table->scrollTo(model->index(300, 0), QAbstractItemView::PositionAtTop);
    QTRY_VERIFY(model->index(300, 0).data(ItemTableModel::LoadedRole).toBool());
    const int top = table->rowAt(0);

    // Another program adds an item that sorts first.
    {
        Database other;
        QString error;
        QVERIFY2(other.open(m_catalogs.many, Database::OpenMode::ReadWrite, &error), qPrintable(error));
        QVERIFY(other.exec(QStringLiteral("INSERT INTO items (sku, title) VALUES ('NEW-1', 'Aardvark')"), &error));
    }
    QSignalSpy counted(model, &ItemTableModel::matchingCountChanged);
    studio->page->refresh();
    QTRY_COMPARE(model->rowCount(), 451);
    QCOMPARE(table->rowAt(0), top);
    // The rows read again show the catalog as it is now: everything moved down by one.
    QTRY_COMPARE(model->index(top, ItemTableModel::SkuColumn).data().toString(),
        QStringLiteral("SKU-%1").arg(top, 4, 10, QLatin1Char('0')));

    Database cleanup;
    QString error;
    QVERIFY(cleanup.open(m_catalogs.many, Database::OpenMode::ReadWrite, &error));
    QVERIFY(cleanup.exec(QStringLiteral("DELETE FROM items WHERE sku = 'NEW-1'"), &error));
}

void TestItemsWorkspace::filterBarFilters_data()
{
    QTest::addColumn<QString>("kind");     // the kind combo's text
    QTest::addColumn<QString>("category"); // picked in the category tree
    QTest::addColumn<QString>("brand");    // typed in the brand box
    QTest::addColumn<bool>("onSale");
    QTest::addColumn<bool>("inStock");
    QTest::addColumn<QString>("priceMin");
    QTest::addColumn<QString>("priceMax");
    QTest::addColumn<QStringList>("skus");

    const QString none;
    QTest::newRow("content") << QStringLiteral("Content") << none << none << false << false << none << none
                             << QStringList({QStringLiteral("ART-001")});
    QTest::newRow("products") << QStringLiteral("Products") << none << none << false << false << none << none
                              << QStringList({QStringLiteral("MUG-001"), QStringLiteral("MUG-002"),
                                     QStringLiteral("MUG-003"), QStringLiteral("POT-001")});
    QTest::newRow("category subtree") << QString() << QStringLiteral("Kitchen") << none << false << false << none << none
                                      << QStringList({QStringLiteral("MUG-001"), QStringLiteral("MUG-002"),
                                             QStringLiteral("MUG-003"), QStringLiteral("POT-001")});
    QTest::newRow("leaf category") << QString() << QStringLiteral("Kitchen > Teapots") << none << false << false << none
                                   << none << QStringList({QStringLiteral("POT-001")});
    QTest::newRow("brand, any case") << QString() << none << QStringLiteral("brewster") << false << false << none << none
                                     << QStringList({QStringLiteral("MUG-003"), QStringLiteral("POT-001")});
    QTest::newRow("on sale") << QString() << none << none << true << false << none << none
                             << QStringList({QStringLiteral("MUG-001"), QStringLiteral("MUG-002")});
    QTest::newRow("in stock") << QString() << none << none << false << true << none << none
                              << QStringList({QStringLiteral("ART-001"), QStringLiteral("MUG-001"),
                                     QStringLiteral("MUG-002"), QStringLiteral("POT-001")});
    // 9.90 on sale is below 10; 10 on sale and 15 are in; 30 is above.
    QTest::newRow("price range on the current price")
        << QString() << none << none << false << false << QStringLiteral("10") << QStringLiteral("15")
        << QStringList({QStringLiteral("MUG-002"), QStringLiteral("MUG-003")});
    QTest::newRow("everything at once") << QStringLiteral("Products") << QStringLiteral("Kitchen > Mugs")
                                        << QStringLiteral("Acme") << true << true << none << QStringLiteral("10")
                                        << QStringList({QStringLiteral("MUG-001"), QStringLiteral("MUG-002")});
}

void TestItemsWorkspace::filterBarFilters()
{
    QFETCH(QString, kind);
    QFETCH(QString, category);
    QFETCH(QString, brand);
    QFETCH(bool, onSale);
    QFETCH(bool, inStock);
    QFETCH(QString, priceMin);
    QFETCH(QString, priceMax);
    QFETCH(QStringList, skus);

    const auto studio = openStudio(m_catalogs.shop);
    QVERIFY(studio);
    QTRY_COMPARE(studio->model()->rowCount(), 5);
    ItemFilterBar *bar = studio->page->filterBar();
    QTRY_VERIFY(!bar->categoryPaths().isEmpty());

    if (!kind.isEmpty()) {
        auto *combo = studio->find<QComboBox>(QStringLiteral("itemKindFilter"));
        combo->setCurrentIndex(combo->findText(kind));
    }
    if (!category.isEmpty()) {
        auto *tree = studio->find<QTreeView>(QStringLiteral("itemCategoryTree"));
        const QModelIndexList found = tree->model()->match(tree->model()->index(0, 0), Qt::UserRole + 1, category, 1,
            Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(found.size(), 1);
        Q_EMIT tree->activated(found.constFirst());
        QTRY_COMPARE(studio->find<QToolButton>(QStringLiteral("itemCategoryFilter"))->text().endsWith(
                         category.section(QStringLiteral(" > "), -1)),
            true);
    }
    if (!brand.isEmpty()) {
        auto *combo = studio->find<QComboBox>(QStringLiteral("itemBrandFilter"));
        QTest::keyClicks(combo->lineEdit(), brand);
        QTest::keyClick(combo->lineEdit(), Qt::Key_Return);
    }
    if (onSale)
        QTest::mouseClick(studio->find<QCheckBox>(QStringLiteral("itemOnSaleFilter")), Qt::LeftButton);
    if (inStock)
        QTest::mouseClick(studio->find<QCheckBox>(QStringLiteral("itemInStockFilter")), Qt::LeftButton);
    if (!priceMin.isEmpty())
        QTest::keyClicks(studio->find<QLineEdit>(QStringLiteral("itemPriceMin")), priceMin);
    if (!priceMax.isEmpty())
        QTest::keyClicks(studio->find<QLineEdit>(QStringLiteral("itemPriceMax")), priceMax);

    // The price boxes wait like the search box; everything else applies at once.
    QTRY_COMPARE(studio->model()->filter(), studio->page->currentFilter());
    QTRY_COMPARE(studio->model()->rowCount(), int(skus.size()));
    QTRY_VERIFY(allLoaded(studio->model()));
    QStringList shown = column(studio->model(), ItemTableModel::SkuColumn);
    shown.sort();
    QCOMPARE(shown, skus);
    QVERIFY(studio->find<QToolButton>(QStringLiteral("itemClearFilters"))->isEnabled());

    // Clearing brings every item back.
    QTest::mouseClick(studio->find<QToolButton>(QStringLiteral("itemClearFilters")), Qt::LeftButton);
    QTRY_COMPARE(studio->model()->rowCount(), 5);
    QVERIFY(!studio->find<QToolButton>(QStringLiteral("itemClearFilters"))->isEnabled());
}

void TestItemsWorkspace::categoryPickerOffersTheCategoryTree()
{
    const auto studio = openStudio(m_catalogs.shop);
    QVERIFY(studio);
    ItemFilterBar *bar = studio->page->filterBar();
    QTRY_COMPARE(bar->categoryPaths(),
        QStringList({QStringLiteral("Journal"), QStringLiteral("Kitchen"), QStringLiteral("Kitchen > Mugs"),
            QStringLiteral("Kitchen > Teapots")}));
    auto *tree = studio->find<QTreeView>(QStringLiteral("itemCategoryTree"));
    const QAbstractItemModel *model = tree->model();
    // "All categories" first, then the top level; sub-categories under their parent.
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("All categories"));
    const QModelIndex kitchen = model->index(2, 0);
    QCOMPARE(kitchen.data().toString(), QStringLiteral("Kitchen"));
    QCOMPARE(model->rowCount(kitchen), 2);
    QCOMPARE(model->index(0, 0, kitchen).data().toString(), QStringLiteral("Mugs"));

    // Typing in the picker's search box keeps matching categories with their parents.
    auto *search = studio->find<QLineEdit>(QStringLiteral("itemCategorySearch"));
    search->setText(QStringLiteral("tea"));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Kitchen"));
    QCOMPARE(model->rowCount(model->index(0, 0)), 1);
}

void TestItemsWorkspace::emptyResultSaysHowToGetItemsBack()
{
    const auto studio = openStudio(m_catalogs.shop);
    QVERIFY(studio);
    QTRY_COMPARE(studio->model()->rowCount(), 5);
    auto *box = studio->find<QLineEdit>(QStringLiteral("itemSearch"));
    QTest::keyClicks(box, QStringLiteral("bicycle"));
    QTest::keyClick(box, Qt::Key_Return);
    auto *empty = studio->find<QLabel>(QStringLiteral("itemEmptyState"));
    QTRY_VERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(QStringLiteral("No items match")));
    QCOMPARE(studio->summary(), QStringLiteral("No items match"));
    screenshot(studio->page.get(), QStringLiteral("items-no-match"));

    Q_EMIT empty->linkActivated(QStringLiteral("clear"));
    QTRY_COMPARE(studio->model()->rowCount(), 5);
    QVERIFY(box->text().isEmpty());
    QTRY_VERIFY(studio->table()->isVisible());
}

void TestItemsWorkspace::emptyCatalogSaysHowToFillIt()
{
    const auto studio = openStudio(m_catalogs.empty);
    QVERIFY(studio);
    auto *empty = studio->find<QLabel>(QStringLiteral("itemEmptyState"));
    QTRY_VERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(QStringLiteral("no items yet")));
    QVERIFY(empty->text().contains(QStringLiteral("Import")));
    QCOMPARE(studio->summary(), QStringLiteral("0 items"));
    // Nothing to pick from: the category picker says why instead of offering an empty tree.
    QVERIFY(!studio->find<QToolButton>(QStringLiteral("itemCategoryFilter"))->isEnabled());
}

void TestItemsWorkspace::bigCatalogScrollsWithoutStalls()
{
    const QString path = qEnvironmentVariable("VITRINE_BIG_CATALOG");
    if (path.isEmpty())
        QSKIP("set VITRINE_BIG_CATALOG to a large catalog to measure");

    // The longest time the event loop did not run, per phase, measured by a timer that wants to
    // fire every 5 ms.
    QElapsedTimer clock;
    qint64 last = 0;
    QString phase = QStringLiteral("opening, the engine loading");
    QMap<QString, qint64> longest;
    QStringList phases {phase};
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        longest[phase] = std::max(longest.value(phase), now - last);
        last = now;
    });
    const auto enter = [&](const QString &name) {
        QTest::qWait(20); // the previous phase's last stall counts for it
        phase = name;
        phases.append(name);
    };
    clock.start();
    ticker.start();

    const auto studio = openStudio(path);
    QVERIFY(studio);
    ItemTableModel *model = studio->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, 10000);
    const int rows = model->rowCount();
    QTableView *table = studio->table();
    QScrollBar *bar = table->verticalScrollBar();
    // The engine (a million people) loads on the thread pool; scrolling must not wait for it.
    enter(QStringLiteral("dragging the scroll bar while the engine loads"));
    for (int step = 0; step <= 50; ++step) {
        bar->setValue(bar->maximum() * step / 50);
        QTest::qWait(16);
    }
    enter(QStringLiteral("the engine loading"));
    QTRY_VERIFY_WITH_TIMEOUT(studio->session->engine(), 300000);

    enter(QStringLiteral("dragging the scroll bar"));
    for (int step = 100; step >= 0; --step) {
        bar->setValue(bar->maximum() * step / 100);
        QTest::qWait(16);
    }
    enter(QStringLiteral("Ctrl+End"));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier);
    QTRY_COMPARE(table->currentIndex().row(), rows - 1);
    QTRY_VERIFY(model->index(rows - 1, 0).data(ItemTableModel::LoadedRole).toBool());
    enter(QStringLiteral("page up"));
    for (int page = 0; page < 60; ++page) {
        QTest::keyClick(table, Qt::Key_PageUp);
        QTest::qWait(16);
    }
    enter(QStringLiteral("sorting by price"));
    model->sort(ItemTableModel::PriceColumn, Qt::DescendingOrder);
    QTRY_VERIFY(!model->isCounting());
    enter(QStringLiteral("searching"));
    auto *box = studio->find<QLineEdit>(QStringLiteral("itemSearch"));
    QTest::keyClicks(box, QStringLiteral("jacket"));
    QTRY_VERIFY(model->filter().text == QStringLiteral("jacket") && !model->isCounting());
    QTRY_VERIFY_WITH_TIMEOUT(model->index(0, 0).data(ItemTableModel::LoadedRole).toBool(), 10000);
    enter(QStringLiteral("opening an item (segments of a million people)"));
    table->selectionModel()->setCurrentIndex(model->index(0, 0), QItemSelectionModel::ClearAndSelect);
    QTRY_VERIFY_WITH_TIMEOUT(!studio->page->itemPage()->isComputing(), 300000);
    QTest::qWait(20);
    ticker.stop();

    qInfo("%d items", rows);
    for (const QString &name : std::as_const(phases))
        qInfo("longest event-loop stall %4lld ms while %s", longest.value(name), qPrintable(name));
    // The promise is about the table: dragging its scroll bar, with or without the engine loading.
    // The other phases are printed for the record (see docs: the machine's other load shows there).
    for (const QString &name : std::as_const(phases)) {
        if (name.startsWith(QStringLiteral("dragging")))
            QVERIFY2(longest.value(name) < 100, qPrintable(QStringLiteral("%1 ms while %2").arg(longest.value(name)).arg(name)));
    }
}

QTEST_MAIN(TestItemsWorkspace)
#include "tst_itemsworkspace.moc"
