// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the Items workspace suites share: small catalogs made for them, and a studio open on one.

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

namespace Vitrine::ItemsFixture {

/** Five items (four products, one article), three people, six events. */
inline const char ShopSql[] = R"(
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
inline const char ManyItemsSql[] = R"(
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 450)
INSERT INTO items (sku, title, price) SELECT printf('SKU-%04d', i), printf('Item %04d', i), i FROM n;
)";

/** What a plain CSV import gives: SKUs, no titles, no categories, no brands, no events. */
inline const char PlainSql[] = R"(
INSERT INTO items (sku, title, price) VALUES ('A1', '', 3), ('A2', '', 4), ('A3', 'Third', NULL);
)";

inline bool writeCatalog(const QString &path, const char *sql, QString *error)
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

inline std::unique_ptr<Studio> openStudio(const QString &path)
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
inline QStringList column(const ItemTableModel *model, int column)
{
    QStringList values;
    for (int row = 0; row < model->rowCount(); ++row)
        values.append(model->index(row, column).data().toString());
    return values;
}

inline bool allLoaded(const ItemTableModel *model)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        // Asking for the data is what makes the model read a block, as a view's painting does.
        if (!model->index(row, 0).data(ItemTableModel::LoadedRole).toBool())
            return false;
    }
    return !model->isCounting();
}

inline QStringList treeColumn(const QTreeWidget *tree, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < tree->topLevelItemCount(); ++row)
        values.append(tree->topLevelItem(row)->data(column, role).toString());
    return values;
}

/** A picture of the page for the docs, when VITRINE_SCREENSHOT_DIR names a folder. */
inline void screenshot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("VITRINE_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QTest::qWait(100); // pending layouts settle, as on screen
    widget->grab().save(folder + QLatin1Char('/') + name + QStringLiteral(".png"));
}

/** The catalogs the suites open, made once per suite in a temporary folder. */
struct Catalogs
{
    QTemporaryDir dir;
    QString shop;
    QString many;
    QString plain;
    QString empty;
    QString demo;

    bool create(QString *error);
};

inline bool Catalogs::create(QString *error)
{
    if (!dir.isValid())
        return false;
    shop = dir.filePath(QStringLiteral("shop.vitrine"));
    many = dir.filePath(QStringLiteral("many.vitrine"));
    plain = dir.filePath(QStringLiteral("plain.vitrine"));
    empty = dir.filePath(QStringLiteral("empty.vitrine"));
    demo = dir.filePath(QStringLiteral("demo.vitrine"));
    if (!writeCatalog(shop, ShopSql, error))
        return false;
    if (!writeCatalog(many, ManyItemsSql, error))
        return false;
    if (!writeCatalog(plain, PlainSql, error))
        return false;
    if (!writeCatalog(empty, "", error))
        return false;

    Database db;
    if (!db.open(demo, Database::OpenMode::Create, error))
        return false;
    DemoOptions options;
    options.users = 400;
    options.items = 150;
    options.events = 12000;
    options.endDate = QDate(2026, 11, 1);
    const DemoResult result = DemoGenerator(options).generate(db);
    if (!result.ok) {
        *error = result.error;
        return false;
    }
    if (!StarterSegments::install(db, error))
        return false;
    if (!installStarterContent(db, error))
        return false;
    return true;
}

} // namespace Vitrine::ItemsFixture
