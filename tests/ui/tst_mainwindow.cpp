// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/itemtablemodel.h"
#include "shell/mainwindow.h"

#include "storage/database.h"

#include <QAction>
#include <QDateTime>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Vitrine;

namespace {

/** Five items (four products, one article), three people, six events. */
const char ShopSql[] = R"(
INSERT INTO items (id, sku, title, kind, category, brand, price, sale_price, stock) VALUES
    (1, 'MUG-001', 'Blue enamel mug', 'product', 'Kitchen > Mugs', 'Acme', 12.5, 9.9, 10),
    (2, 'MUG-002', 'Mug 50% off', 'product', 'Kitchen > Mugs', 'Acme', 20, 10, 5),
    (3, 'MUG-003', 'Mug 500 ml', 'product', 'Kitchen > Mugs', 'Brewster', 15, NULL, 0),
    (4, 'POT-001', 'Red teapot', 'product', 'Kitchen > Teapots', 'Brewster', 30, NULL, NULL),
    (5, 'ART-001', 'How to brew tea', 'content', 'Journal', '', NULL, NULL, NULL);
INSERT INTO users (id, external_id, name, email, email_consent) VALUES
    (1, 'u1', 'Ada', 'ada@example.com', 1),
    (2, 'u2', 'Ben', 'ben@example.com', 1),
    (3, 'u3', 'Cy', 'cy@example.com', 0);
INSERT INTO events (user_id, ts, item_id, type) VALUES
    (1, 1700000000, 1, 0), (1, 1700000100, 1, 2), (1, 1700000200, 1, 3),
    (2, 1700001000, 5, 4), (2, 1700002000, 2, 0), (3, 1700003000, 3, 0);
)";

/** Two items, one person, no events. */
const char OtherSql[] = R"(
INSERT INTO items (sku, title, price) VALUES ('LAMP-1', 'Desk lamp', 45), ('LAMP-2', 'Floor lamp', 120);
INSERT INTO users (external_id) VALUES ('only');
)";

/** More items than one page of the items table. */
const char ManyItemsSql[] = R"(
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 450)
INSERT INTO items (sku, title, price) SELECT printf('SKU-%04d', i), printf('Item %04d', i), i FROM n;
)";

bool writeCatalog(const QString &path, const char *sql, QString *error)
{
    Database db;
    return db.open(path, Database::OpenMode::Create, error) && db.exec(QString::fromUtf8(sql), error);
}

QString figure(const MainWindow &window, const QString &name)
{
    const auto *label = window.findChild<QLabel *>(name + QStringLiteral("Value"));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(name);
}

QStringList column(const QAbstractItemModel *model, int column)
{
    QStringList values;
    for (int row = 0; row < model->rowCount(); ++row)
        values.append(model->index(row, column).data().toString());
    return values;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void startsWithoutCatalog();
    void openingShowsCatalogInTitleAndStatusBar();
    void overviewShowsFigures_data();
    void overviewShowsFigures();
    void overviewShowsEventDates();
    void itemsPageListsItems();
    void searchFilters_data();
    void searchFilters();
    void itemsLoadAsTheTableScrolls();
    void headerClickSorts();
    void failedOpenKeepsCurrentCatalog_data();
    void failedOpenKeepsCurrentCatalog();
    void openingAnotherCatalogReplacesIt();
    void navigationSwitchesPages();

private:
    ItemTableModel *itemModel(const MainWindow &window) const;

    QTemporaryDir m_dir;
    QString m_shop;
    QString m_other;
    QString m_many;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_shop = m_dir.filePath(QStringLiteral("shop.vitrine"));
    m_other = m_dir.filePath(QStringLiteral("other.vitrine"));
    m_many = m_dir.filePath(QStringLiteral("many.vitrine"));
    QString error;
    QVERIFY2(writeCatalog(m_shop, ShopSql, &error), qPrintable(error));
    QVERIFY2(writeCatalog(m_other, OtherSql, &error), qPrintable(error));
    QVERIFY2(writeCatalog(m_many, ManyItemsSql, &error), qPrintable(error));
}

ItemTableModel *TestMainWindow::itemModel(const MainWindow &window) const
{
    const auto *table = window.findChild<QTableView *>(QStringLiteral("itemTable"));
    return table ? qobject_cast<ItemTableModel *>(table->model()) : nullptr;
}

void TestMainWindow::startsWithoutCatalog()
{
    MainWindow window;
    QCOMPARE(window.windowTitle(), QStringLiteral("Vitrine"));
    QVERIFY(window.catalogPath().isEmpty());
    const auto *emptyState = window.findChild<QWidget *>(QStringLiteral("overviewEmptyState"));
    QVERIFY(emptyState);
    QVERIFY(emptyState->isVisibleTo(&window));
    QCOMPARE(itemModel(window)->rowCount(), 0);
}

void TestMainWindow::openingShowsCatalogInTitleAndStatusBar()
{
    MainWindow window;
    QSignalSpy opened(&window, &MainWindow::catalogOpened);
    QString error;
    QVERIFY2(window.openCatalog(m_shop, &error), qPrintable(error));

    QCOMPARE(window.windowTitle(), QStringLiteral("Vitrine — shop.vitrine"));
    QCOMPARE(window.catalogPath(), m_shop);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), m_shop);

    const auto *pathLabel = window.findChild<QLabel *>(QStringLiteral("catalogPathLabel"));
    QVERIFY(pathLabel);
    QVERIFY2(pathLabel->text().contains(QStringLiteral("shop.vitrine")), qPrintable(pathLabel->text()));
    QVERIFY(!window.findChild<QWidget *>(QStringLiteral("overviewEmptyState"))->isVisibleTo(&window));
    QCOMPARE(
        window.findChild<QLabel *>(QStringLiteral("catalogName"))->text(), QStringLiteral("shop.vitrine"));
}

void TestMainWindow::overviewShowsFigures_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("items") << QStringLiteral("items") << qint64(5);
    QTest::newRow("products") << QStringLiteral("products") << qint64(4);
    QTest::newRow("content items") << QStringLiteral("contentItems") << qint64(1);
    QTest::newRow("on sale") << QStringLiteral("onSale") << qint64(2);
    QTest::newRow("out of stock") << QStringLiteral("outOfStock") << qint64(1);
    QTest::newRow("categories") << QStringLiteral("categories") << qint64(3);
    QTest::newRow("brands") << QStringLiteral("brands") << qint64(2);
    QTest::newRow("people") << QStringLiteral("users") << qint64(3);
    QTest::newRow("e-mail consent") << QStringLiteral("usersWithConsent") << qint64(2);
    QTest::newRow("events") << QStringLiteral("events") << qint64(6);
    QTest::newRow("views") << QStringLiteral("viewEvents") << qint64(3);
    QTest::newRow("clicks") << QStringLiteral("clickEvents") << qint64(0);
    QTest::newRow("cart") << QStringLiteral("cartEvents") << qint64(1);
    QTest::newRow("purchases") << QStringLiteral("purchaseEvents") << qint64(1);
    QTest::newRow("reads") << QStringLiteral("readEvents") << qint64(1);
    QTest::newRow("ratings") << QStringLiteral("ratingEvents") << qint64(0);
    QTest::newRow("segments") << QStringLiteral("segments") << qint64(0);
    QTest::newRow("schema version") << QStringLiteral("schemaVersion") << qint64(Database::SchemaVersion);
}

void TestMainWindow::overviewShowsFigures()
{
    QFETCH(QString, name);
    QFETCH(qint64, expected);

    MainWindow window;
    QString error;
    QVERIFY2(window.openCatalog(m_shop, &error), qPrintable(error));
    QCOMPARE(figure(window, name), QLocale().toString(expected));
}

void TestMainWindow::overviewShowsEventDates()
{
    MainWindow window;
    QString error;
    QVERIFY2(window.openCatalog(m_shop, &error), qPrintable(error));
    const auto shown = [](qint64 seconds) {
        return QLocale().toString(QDateTime::fromSecsSinceEpoch(seconds), QLocale::ShortFormat);
    };
    QCOMPARE(figure(window, QStringLiteral("firstEvent")), shown(1700000000));
    QCOMPARE(figure(window, QStringLiteral("lastEvent")), shown(1700003000));

    // A catalog without events says so instead of showing a date.
    QVERIFY2(window.openCatalog(m_other, &error), qPrintable(error));
    QCOMPARE(figure(window, QStringLiteral("firstEvent")), QStringLiteral("—"));
    QCOMPARE(figure(window, QStringLiteral("events")), QLocale().toString(0));
}

void TestMainWindow::itemsPageListsItems()
{
    MainWindow window;
    QString error;
    QVERIFY2(window.openCatalog(m_shop, &error), qPrintable(error));
    window.setCurrentWorkspace(Workspace::Items);

    const ItemTableModel *model = itemModel(window);
    QVERIFY(model);
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(model->columnCount(), int(ItemTableModel::ColumnCount));
    // Sorted by title until the user picks another column.
    QCOMPARE(column(model, ItemTableModel::TitleColumn),
        QStringList({QStringLiteral("Blue enamel mug"), QStringLiteral("How to brew tea"),
            QStringLiteral("Mug 50% off"), QStringLiteral("Mug 500 ml"), QStringLiteral("Red teapot")}));

    const QModelIndex onSale = model->index(2, 0);
    QCOMPARE(onSale.siblingAtColumn(ItemTableModel::SkuColumn).data().toString(), QStringLiteral("MUG-002"));
    QCOMPARE(onSale.siblingAtColumn(ItemTableModel::KindColumn).data().toString(), QStringLiteral("Product"));
    QCOMPARE(onSale.siblingAtColumn(ItemTableModel::CategoryColumn).data().toString(),
        QStringLiteral("Kitchen > Mugs"));
    QCOMPARE(onSale.siblingAtColumn(ItemTableModel::BrandColumn).data().toString(), QStringLiteral("Acme"));
    QCOMPARE(onSale.siblingAtColumn(ItemTableModel::PriceColumn).data().toString(),
        QLocale().toString(20.0, 'f', 2));
    QCOMPARE(onSale.siblingAtColumn(ItemTableModel::SalePriceColumn).data().toString(),
        QLocale().toString(10.0, 'f', 2));
    QCOMPARE(onSale.siblingAtColumn(ItemTableModel::StockColumn).data().toString(), QLocale().toString(5));
    QCOMPARE(onSale.data(ItemTableModel::ItemIdRole).toLongLong(), 2);

    const QModelIndex article = model->index(1, 0);
    QCOMPARE(
        article.siblingAtColumn(ItemTableModel::KindColumn).data().toString(), QStringLiteral("Content"));
    QVERIFY(article.siblingAtColumn(ItemTableModel::PriceColumn).data().toString().isEmpty());

    const auto *summary = window.findChild<QLabel *>(QStringLiteral("itemSummary"));
    QVERIFY(summary);
    QCOMPARE(summary->text(), QStringLiteral("5 items"));
}

void TestMainWindow::searchFilters_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("skus");

    QTest::newRow("title word") << QStringLiteral("mug")
                                << QStringList({QStringLiteral("MUG-001"), QStringLiteral("MUG-002"),
                                       QStringLiteral("MUG-003")});
    QTest::newRow("sku") << QStringLiteral("pot-001") << QStringList({QStringLiteral("POT-001")});
    QTest::newRow("percent is text") << QStringLiteral("50%") << QStringList({QStringLiteral("MUG-002")});
    QTest::newRow("underscore is text") << QStringLiteral("MUG_00") << QStringList();
    QTest::newRow("no match") << QStringLiteral("bicycle") << QStringList();
}

void TestMainWindow::searchFilters()
{
    QFETCH(QString, search);
    QFETCH(QStringList, skus);

    MainWindow window;
    QString error;
    QVERIFY2(window.openCatalog(m_shop, &error), qPrintable(error));
    window.setCurrentWorkspace(Workspace::Items);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *box = window.findChild<QLineEdit *>(QStringLiteral("itemSearch"));
    QVERIFY(box);
    const ItemTableModel *model = itemModel(window);
    QTest::keyClicks(box, search);
    QTRY_COMPARE(model->rowCount(), int(skus.size()));
    QStringList shown = column(model, ItemTableModel::SkuColumn);
    shown.sort();
    QCOMPARE(shown, skus);

    // Clearing the search shows everything again.
    box->clear();
    QTRY_COMPARE(model->rowCount(), 5);
}

void TestMainWindow::itemsLoadAsTheTableScrolls()
{
    MainWindow window;
    QString error;
    QVERIFY2(window.openCatalog(m_many, &error), qPrintable(error));
    window.setCurrentWorkspace(Workspace::Items);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *table = window.findChild<QTableView *>(QStringLiteral("itemTable"));
    ItemTableModel *model = itemModel(window);
    QCOMPARE(model->matchingCount(), 450);
    QCOMPARE(model->rowCount(), ItemTableModel::PageSize);
    QVERIFY(model->canFetchMore({}));

    // Scrolling to the end of what is loaded brings the next page.
    table->scrollToBottom();
    QTRY_VERIFY(model->rowCount() > ItemTableModel::PageSize);
    while (model->canFetchMore({}))
        model->fetchMore({});
    QCOMPARE(model->rowCount(), 450);

    // Pages neither overlap nor skip a row.
    const QStringList skus = column(model, ItemTableModel::SkuColumn);
    QCOMPARE(QSet<QString>(skus.cbegin(), skus.cend()).size(), 450);
    QCOMPARE(skus.first(), QStringLiteral("SKU-0001"));
    QCOMPARE(skus.last(), QStringLiteral("SKU-0450"));
}

void TestMainWindow::headerClickSorts()
{
    MainWindow window;
    QString error;
    QVERIFY2(window.openCatalog(m_shop, &error), qPrintable(error));
    window.setCurrentWorkspace(Workspace::Items);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *table = window.findChild<QTableView *>(QStringLiteral("itemTable"));
    QHeaderView *header = table->horizontalHeader();
    const ItemTableModel *model = itemModel(window);
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
    QCOMPARE(column(model, ItemTableModel::SkuColumn),
        QStringList({QStringLiteral("POT-001"), QStringLiteral("MUG-002"), QStringLiteral("MUG-003"),
            QStringLiteral("MUG-001"), QStringLiteral("ART-001")}));
}

void TestMainWindow::failedOpenKeepsCurrentCatalog_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("reason");

    QTest::newRow("missing") << QStringLiteral("missing.vitrine") << QStringLiteral("no such catalog");
    QTest::newRow("newer") << QStringLiteral("newer.vitrine") << QStringLiteral("newer");
    QTest::newRow("other program") << QStringLiteral("foreign.sqlite")
                                   << QStringLiteral("not a Vitrine catalog");
    QTest::newRow("not sqlite") << QStringLiteral("notes.txt") << QStringLiteral("not a Vitrine catalog");
}

void TestMainWindow::failedOpenKeepsCurrentCatalog()
{
    QFETCH(QString, fileName);
    QFETCH(QString, reason);

    const QString path = m_dir.filePath(fileName);
    QString error;
    if (fileName == QLatin1StringView("newer.vitrine") || fileName == QLatin1StringView("foreign.sqlite")) {
        Database db;
        QVERIFY2(db.open(path, Database::OpenMode::Create, &error), qPrintable(error));
        const QString pragma = fileName == QLatin1StringView("newer.vitrine")
            ? QStringLiteral("PRAGMA user_version = %1").arg(Database::SchemaVersion + 1)
            : QStringLiteral("PRAGMA application_id = 1234");
        QVERIFY2(db.exec(pragma, &error), qPrintable(error));
    } else if (fileName == QLatin1StringView("notes.txt")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("These are not the rows you are looking for.\n").repeated(40));
    }

    MainWindow window;
    QVERIFY2(window.openCatalog(m_shop, &error), qPrintable(error));
    QSignalSpy opened(&window, &MainWindow::catalogOpened);

    error.clear();
    QVERIFY(!window.openCatalog(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QCOMPARE(opened.count(), 0);

    // Still the catalog that was open, everywhere.
    QCOMPARE(window.windowTitle(), QStringLiteral("Vitrine — shop.vitrine"));
    QCOMPARE(window.catalogPath(), m_shop);
    QCOMPARE(figure(window, QStringLiteral("items")), QLocale().toString(5));
    QCOMPARE(itemModel(window)->rowCount(), 5);
}

void TestMainWindow::openingAnotherCatalogReplacesIt()
{
    MainWindow window;
    QString error;
    QVERIFY2(window.openCatalog(m_shop, &error), qPrintable(error));
    window.setCurrentWorkspace(Workspace::Items);
    auto *box = window.findChild<QLineEdit *>(QStringLiteral("itemSearch"));
    box->setText(QStringLiteral("mug"));
    QTRY_COMPARE(itemModel(window)->rowCount(), 3);

    QVERIFY2(window.openCatalog(m_other, &error), qPrintable(error));
    QCOMPARE(window.windowTitle(), QStringLiteral("Vitrine — other.vitrine"));
    QCOMPARE(figure(window, QStringLiteral("items")), QLocale().toString(2));
    QCOMPARE(figure(window, QStringLiteral("users")), QLocale().toString(1));
    // The search belonged to the other catalog.
    QVERIFY(box->text().isEmpty());
    QCOMPARE(column(itemModel(window), ItemTableModel::TitleColumn),
        QStringList({QStringLiteral("Desk lamp"), QStringLiteral("Floor lamp")}));
    // Still on the workspace the user was in.
    QCOMPARE(window.currentWorkspace(), Workspace::Items);
}

void TestMainWindow::navigationSwitchesPages()
{
    MainWindow window;
    QString error;
    QVERIFY2(window.openCatalog(m_shop, &error), qPrintable(error));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("workspaceList"));
    auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("workspaceStack"));
    QVERIFY(navigation);
    QVERIFY(pages);
    QCOMPARE(navigation->count(), 8);
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("overviewPage"));

    const auto click = [navigation](const QString &title) {
        const QList<QListWidgetItem *> found = navigation->findItems(title, Qt::MatchExactly);
        QVERIFY(found.size() == 1);
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {},
            navigation->visualItemRect(found.constFirst()).center());
    };

    click(QStringLiteral("Items"));
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("itemsPage"));
    QCOMPARE(window.currentWorkspace(), Workspace::Items);

    click(QStringLiteral("History"));
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("historyPage"));
    QCOMPARE(window.currentWorkspace(), Workspace::History);

    click(QStringLiteral("Segments"));
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("segmentsPage"));
    const auto *status = pages->currentWidget()->findChild<QLabel *>(QStringLiteral("placeholderStatus"));
    QVERIFY(status);
    QVERIFY(status->isVisibleTo(&window));
    QVERIFY(status->text().contains(QStringLiteral("later milestone")));

    // The View menu goes to the same pages and follows the navigation.
    QAction *overviewAction = nullptr;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("Overview"))
            overviewAction = action;
    }
    QVERIFY(overviewAction);
    QVERIFY(!overviewAction->isChecked());
    overviewAction->trigger();
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("overviewPage"));
    QCOMPARE(navigation->currentRow(), 0);
    QVERIFY(overviewAction->isChecked());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
