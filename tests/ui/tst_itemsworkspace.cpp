// SPDX-License-Identifier: GPL-3.0-or-later
#include "audience/startersegments.h"
#include "catalog/itemactivitychart.h"
#include "catalog/itemfilterbar.h"
#include "catalog/iteminsights.h"
#include "catalog/itempage.h"
#include "catalog/itemspage.h"
#include "catalog/itemtablemodel.h"
#include "demo/demogenerator.h"
#include "engine/recommendrequest.h"
#include "engine/slotdefinition.h"
#include "layout/audiencecache.h"
#include "layout/startercontent.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"
#include "storage/database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace Vitrine;

namespace {

/** Five items (four products, one article), three people, six events. */
const char ShopSql[] = R"(
INSERT INTO items (id, sku, title, kind, category, brand, price, sale_price, stock, attributes) VALUES
    (1, 'MUG-001', 'Blue enamel mug', 'product', 'Kitchen > Mugs', 'Acme', 12.5, 9.9, 10, '{"colour": "blue", "volume_ml": 350}'),
    (2, 'MUG-002', 'Mug 50% off', 'product', 'Kitchen > Mugs', 'Acme', 20, 10, 5, '{}'),
    (3, 'MUG-003', 'Mug 500 ml', 'product', 'Kitchen > Mugs', 'Brewster', 15, NULL, 0, '{}'),
    (4, 'POT-001', 'Red teapot', 'product', 'Kitchen > Teapots', 'Brewster', 30, NULL, NULL, '{}'),
    (5, 'ART-001', 'How to brew tea', 'content', 'Journal', '', NULL, NULL, NULL, '{}');
INSERT INTO users (id, external_id, name, email, email_consent) VALUES
    (1, 'u1', 'Ada', 'ada@example.com', 1),
    (2, 'u2', 'Ben', 'ben@example.com', 1),
    (3, 'u3', 'Cy', 'cy@example.com', 0);
INSERT INTO events (user_id, ts, item_id, type) VALUES
    (1, 1700000000, 1, 0), (1, 1700000100, 1, 2), (1, 1700000200, 1, 3),
    (2, 1700001000, 5, 4), (2, 1700002000, 2, 0), (3, 1700003000, 3, 0);
)";

/** More items than two blocks of the items table, titled in SKU order. */
const char ManyItemsSql[] = R"(
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 450)
INSERT INTO items (sku, title, price) SELECT printf('SKU-%04d', i), printf('Item %04d', i), i FROM n;
)";

/** What a plain CSV import gives: SKUs, no titles, no categories, no brands, no events. */
const char PlainSql[] = R"(
INSERT INTO items (sku, title, price) VALUES ('A1', '', 3), ('A2', '', 4), ('A3', 'Third', NULL);
)";

bool writeCatalog(const QString &path, const char *sql, QString *error)
{
    Database db;
    return db.open(path, Database::OpenMode::Create, error) && db.exec(QString::fromUtf8(sql), error);
}

/** A catalog open in the studio with its Items workspace, as the window would make them. */
struct Studio
{
    std::unique_ptr<CatalogSession> session;
    std::unique_ptr<ItemsPage> page;

    ~Studio()
    {
        page.reset();
        if (session) {
            session->jobs()->cancelAll();
            session->jobs()->waitForAll(30000);
        }
    }
    ItemTableModel *model() const { return page->model(); }
    QTableView *table() const { return page->table(); }
    template<typename T> T *find(const QString &name) const { return page->findChild<T *>(name); }
    QString summary() const { return find<QLabel>(QStringLiteral("itemSummary"))->text(); }
};

std::unique_ptr<Studio> openStudio(const QString &path)
{
    auto studio = std::make_unique<Studio>();
    QString error;
    studio->session = CatalogSession::open(path, &error);
    if (!studio->session) {
        qWarning("cannot open %s: %s", qPrintable(path), qPrintable(error));
        return nullptr;
    }
    studio->page = std::make_unique<ItemsPage>(studio->session.get());
    studio->page->resize(1200, 760);
    studio->page->show();
    if (!QTest::qWaitForWindowExposed(studio->page.get()))
        return nullptr;
    return studio;
}

/** The column's values of every row, once all rows are loaded (placeholders would say "Loading…"). */
QStringList column(const ItemTableModel *model, int column)
{
    QStringList values;
    for (int row = 0; row < model->rowCount(); ++row)
        values.append(model->index(row, column).data().toString());
    return values;
}

bool allLoaded(const ItemTableModel *model)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        // Asking for the data is what makes the model read a block, as a view's painting does.
        if (!model->index(row, 0).data(ItemTableModel::LoadedRole).toBool())
            return false;
    }
    return !model->isCounting();
}

QStringList treeColumn(const QTreeWidget *tree, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < tree->topLevelItemCount(); ++row)
        values.append(tree->topLevelItem(row)->data(column, role).toString());
    return values;
}

/** A picture of the page for the docs, when VITRINE_SCREENSHOT_DIR names a folder. */
void screenshot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("VITRINE_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QTest::qWait(100); // pending layouts settle, as on screen
    widget->grab().save(folder + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

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

    // The item page
    void selectingARowOpensTheItemPage();
    void showObjectSelectsAndOpensTheItem();
    void showObjectClearsFiltersThatHideTheItem();
    void itemPageShowsWeeklyActivity();
    void itemWithoutEventsSaysNoOneViewedIt();
    void relatedItemsComeFromTheEngine();
    void activatingARelatedItemOpensIt();
    void segmentsThatOverIndexOnTheItem();
    void plainCatalogShowsUntitledItems();

    // Speed, on demand: VITRINE_BIG_CATALOG names a large catalog (1,000,000 people, 20,000 items)
    void bigCatalogScrollsWithoutStalls();

private:
    QTemporaryDir m_dir;
    QString m_shop;
    QString m_many;
    QString m_plain;
    QString m_empty;
    QString m_demo;
};

void TestItemsWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_shop = m_dir.filePath(QStringLiteral("shop.vitrine"));
    m_many = m_dir.filePath(QStringLiteral("many.vitrine"));
    m_plain = m_dir.filePath(QStringLiteral("plain.vitrine"));
    m_empty = m_dir.filePath(QStringLiteral("empty.vitrine"));
    m_demo = m_dir.filePath(QStringLiteral("demo.vitrine"));
    QString error;
    QVERIFY2(writeCatalog(m_shop, ShopSql, &error), qPrintable(error));
    QVERIFY2(writeCatalog(m_many, ManyItemsSql, &error), qPrintable(error));
    QVERIFY2(writeCatalog(m_plain, PlainSql, &error), qPrintable(error));
    QVERIFY2(writeCatalog(m_empty, "", &error), qPrintable(error));

    Database db;
    QVERIFY2(db.open(m_demo, Database::OpenMode::Create, &error), qPrintable(error));
    DemoOptions options;
    options.users = 400;
    options.items = 150;
    options.events = 12000;
    options.endDate = QDate(2026, 11, 1);
    const DemoResult result = DemoGenerator(options).generate(db);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY2(StarterSegments::install(db, &error), qPrintable(error));
    QVERIFY2(installStarterContent(db, &error), qPrintable(error));
}

void TestItemsWorkspace::listsItemsWithTheirFields()
{
    const auto studio = openStudio(m_shop);
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
    const auto studio = openStudio(m_many);
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
    const auto studio = openStudio(m_many);
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
    const auto studio = openStudio(m_many);
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
    const auto studio = openStudio(m_many);
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

    const auto studio = openStudio(m_shop);
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
    const auto studio = openStudio(m_shop);
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
    const auto studio = openStudio(m_many);
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
    const auto studio = openStudio(m_many);
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
        QVERIFY2(other.open(m_many, Database::OpenMode::ReadWrite, &error), qPrintable(error));
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
    QVERIFY(cleanup.open(m_many, Database::OpenMode::ReadWrite, &error));
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

    const auto studio = openStudio(m_shop);
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
    const auto studio = openStudio(m_shop);
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
    const auto studio = openStudio(m_shop);
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
    const auto studio = openStudio(m_empty);
    QVERIFY(studio);
    auto *empty = studio->find<QLabel>(QStringLiteral("itemEmptyState"));
    QTRY_VERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(QStringLiteral("no items yet")));
    QVERIFY(empty->text().contains(QStringLiteral("Import")));
    QCOMPARE(studio->summary(), QStringLiteral("0 items"));
    // Nothing to pick from: the category picker says why instead of offering an empty tree.
    QVERIFY(!studio->find<QToolButton>(QStringLiteral("itemCategoryFilter"))->isEnabled());
}

void TestItemsWorkspace::selectingARowOpensTheItemPage()
{
    const auto studio = openStudio(m_shop);
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

void TestItemsWorkspace::showObjectSelectsAndOpensTheItem()
{
    const auto studio = openStudio(m_many);
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

void TestItemsWorkspace::showObjectClearsFiltersThatHideTheItem()
{
    const auto studio = openStudio(m_shop);
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

void TestItemsWorkspace::itemPageShowsWeeklyActivity()
{
    const auto studio = openStudio(m_shop);
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

void TestItemsWorkspace::itemWithoutEventsSaysNoOneViewedIt()
{
    const auto studio = openStudio(m_shop);
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

void TestItemsWorkspace::relatedItemsComeFromTheEngine()
{
    const auto studio = openStudio(m_demo);
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

void TestItemsWorkspace::activatingARelatedItemOpensIt()
{
    const auto studio = openStudio(m_demo);
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

void TestItemsWorkspace::segmentsThatOverIndexOnTheItem()
{
    const auto studio = openStudio(m_demo);
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

void TestItemsWorkspace::plainCatalogShowsUntitledItems()
{
    const auto studio = openStudio(m_plain);
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
