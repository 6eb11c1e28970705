// SPDX-License-Identifier: GPL-3.0-or-later
#include "audience/rulebuilder.h"
#include "engine/recommender.h"
#include "session/catalogsession.h"
#include "session/draftstore.h"
#include "session/jobrunner.h"
#include "session/undocommands.h"
#include "shell/mainwindow.h"
#include "shell/quickopendialog.h"
#include "shell/studiosettings.h"
#include "shell/workspacepage.h"

#include "storage/database.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QUndoStack>
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
#include <QTimer>
#include <QJsonArray>

#include <csignal>
#include <unistd.h>

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

/** A slot the catalog's strategies can fill. */
const char SlotJson[] = R"({"title": "Top sellers", "strategies": [{"name": "bestsellers"}], "max_items": 4})";

QJsonObject slotDefinition(const QString &title)
{
    QJsonObject definition = QJsonDocument::fromJson(QByteArray(SlotJson)).object();
    definition.insert(QStringLiteral("title"), title);
    return definition;
}

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

/** The window's title as shown (without Qt's "[*]" placeholder for the modified mark). */
QString title(const MainWindow &window)
{
    return window.windowTitle().remove(QStringLiteral("[*]"));
}

QString figure(const MainWindow &window, const QString &name)
{
    const auto *label = window.findChild<QLabel *>(name + QStringLiteral("Value"));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(name);
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
    void failedOpenKeepsCurrentCatalog_data();
    void failedOpenKeepsCurrentCatalog();
    void openingAnotherCatalogReplacesIt();
    void navigationSwitchesPages();
    void quickOpenFindsAPerson_data();
    void quickOpenFindsAPerson();
    void showObjectJumpsToTheWorkspace();
    void undoAndRedoOfADraftEdit();
    void typingMergesIntoOneUndoStep();
    void saveWritesOneVersionPerDraft();
    void aBrokenDraftIsNotSaved();
    void draftsComeBackAfterTheStudioIsKilled();
    void discardedDraftsAreGone();

private:

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


void TestMainWindow::startsWithoutCatalog()
{
    MainWindow window;
    QCOMPARE(title(window), QStringLiteral("Vitrine"));
    QVERIFY(window.catalogPath().isEmpty());
    // The welcome page offers the three ways to get a catalog.
    const auto *welcome = window.findChild<QWidget *>(QStringLiteral("welcomePage"));
    QVERIFY(welcome);
    QVERIFY(welcome->isVisibleTo(&window));
    for (const char *button : {"createDemoButton", "openCatalogButton", "importButton"}) {
        const auto *b = window.findChild<QPushButton *>(QLatin1String(button));
        QVERIFY2(b && b->isVisibleTo(&window) && b->isEnabled(), button);
    }
    // Without a catalog there is nothing to save, export or search.
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("saveAction"))->isEnabled());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("quickOpenAction"))->isEnabled());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("backUpAction"))->isEnabled());
    QVERIFY(window.page(Workspace::Items) == nullptr);
}

void TestMainWindow::openingShowsCatalogInTitleAndStatusBar()
{
    MainWindow window;
    QSignalSpy opened(&window, &MainWindow::catalogOpened);
    QString error;
    QVERIFY2(window.openCatalog(m_shop, &error), qPrintable(error));

    QCOMPARE(title(window), QStringLiteral("Vitrine — shop.vitrine"));
    QCOMPARE(window.catalogPath(), m_shop);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), m_shop);

    const auto *pathLabel = window.findChild<QLabel *>(QStringLiteral("catalogPathLabel"));
    QVERIFY(pathLabel);
    QVERIFY2(pathLabel->text().contains(QStringLiteral("shop.vitrine")), qPrintable(pathLabel->text()));
    QVERIFY(!window.findChild<QWidget *>(QStringLiteral("welcomePage"))->isVisibleTo(&window));
    QCOMPARE(
        window.findChild<QLabel *>(QStringLiteral("catalogName"))->text(), QStringLiteral("shop.vitrine"));
    // Opened catalogs are remembered for File › Open Recent and the next start.
    QVERIFY(StudioSettings::recentCatalogs.get().contains(QFileInfo(m_shop).absoluteFilePath()));
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
    // Counted off the UI thread: the figures arrive shortly after the window shows the catalog.
    QTRY_COMPARE(figure(window, name), QLocale().toString(expected));
}

void TestMainWindow::overviewShowsEventDates()
{
    MainWindow window;
    QString error;
    QVERIFY2(window.openCatalog(m_shop, &error), qPrintable(error));
    const auto shown = [](qint64 seconds) {
        return QLocale().toString(QDateTime::fromSecsSinceEpoch(seconds), QLocale::ShortFormat);
    };
    QTRY_COMPARE(figure(window, QStringLiteral("firstEvent")), shown(1700000000));
    QCOMPARE(figure(window, QStringLiteral("lastEvent")), shown(1700003000));

    // A catalog without events says so instead of showing a date.
    QVERIFY2(window.openCatalog(m_other, &error), qPrintable(error));
    QTRY_COMPARE(figure(window, QStringLiteral("firstEvent")), QStringLiteral("—"));
    QCOMPARE(figure(window, QStringLiteral("events")), QLocale().toString(0));
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
    QCOMPARE(title(window), QStringLiteral("Vitrine — shop.vitrine"));
    QCOMPARE(window.catalogPath(), m_shop);
    QTRY_COMPARE(figure(window, QStringLiteral("items")), QLocale().toString(5));
    QVERIFY(window.page(Workspace::Items));
}

void TestMainWindow::openingAnotherCatalogReplacesIt()
{
    MainWindow window;
    QString error;
    QVERIFY2(window.openCatalog(m_shop, &error), qPrintable(error));
    window.setCurrentWorkspace(Workspace::Items);
    const QPointer<WorkspacePage> before = window.page(Workspace::Items);
    QTRY_VERIFY(window.session()->engine());

    QVERIFY2(window.openCatalog(m_other, &error), qPrintable(error));
    QCOMPARE(title(window), QStringLiteral("Vitrine — other.vitrine"));
    QTRY_COMPARE(figure(window, QStringLiteral("items")), QLocale().toString(2));
    QCOMPARE(figure(window, QStringLiteral("users")), QLocale().toString(1));
    // The pages belonged to the other catalog: new ones, on the new session.
    QVERIFY(before.isNull());
    QCOMPARE(window.page(Workspace::Items)->session(), window.session());
    QTRY_VERIFY(window.session()->engine());
    QCOMPARE(window.session()->engine()->snapshot()->itemCount(), 2);
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

    // Ctrl+2 is the second workspace, as the View menu says.
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window.currentWorkspace(), Workspace::Items);
    click(QStringLiteral("History"));
    QCOMPARE(window.currentWorkspace(), Workspace::History);

    click(QStringLiteral("Segments"));
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("segmentsPage"));
    QVERIFY(pages->currentWidget()->findChild<RuleBuilder *>());

    click(QStringLiteral("Layouts"));
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("layoutsPage"));
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

void TestMainWindow::quickOpenFindsAPerson_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("key");

    QTest::newRow("person by name") << QStringLiteral("ada") << int(SearchHit::Kind::Person) << QStringLiteral("u1");
    QTest::newRow("person by e-mail") << QStringLiteral("ben@") << int(SearchHit::Kind::Person) << QStringLiteral("u2");
    QTest::newRow("person by id") << QStringLiteral("u3") << int(SearchHit::Kind::Person) << QStringLiteral("u3");
    QTest::newRow("item by title") << QStringLiteral("teapot") << int(SearchHit::Kind::Item) << QStringLiteral("POT-001");
    QTest::newRow("item by sku") << QStringLiteral("art-0") << int(SearchHit::Kind::Item) << QStringLiteral("ART-001");
    QTest::newRow("percent is text") << QStringLiteral("50%") << int(SearchHit::Kind::Item) << QStringLiteral("MUG-002");
}

void TestMainWindow::quickOpenFindsAPerson()
{
    QFETCH(QString, typed);
    QFETCH(int, kind);
    QFETCH(QString, key);

    QuickOpenDialog dialog(m_shop);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *input = dialog.findChild<QLineEdit *>(QStringLiteral("quickOpenInput"));
    QVERIFY(input);
    QSignalSpy shown(&dialog, &QuickOpenDialog::hitsShown);
    QTest::keyClicks(input, typed);
    QTRY_VERIFY(!dialog.hits().isEmpty());
    // The first hit is the one Enter opens.
    QCOMPARE(int(dialog.hits().constFirst().kind), kind);
    QCOMPARE(dialog.hits().constFirst().key, key);
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.chosen().key, key);
}

void TestMainWindow::showObjectJumpsToTheWorkspace()
{
    MainWindow window;
    QString error;
    QVERIFY2(window.openCatalog(m_shop, &error), qPrintable(error));
    QVERIFY(window.showObject(Workspace::Items, QStringLiteral("POT-001")));
    QCOMPARE(window.currentWorkspace(), Workspace::Items);
    // Configuration objects open in History when their editor is not there.
    QVERIFY(!window.showObject(Workspace::History, QStringLiteral("slots.no-such-slot")));
}

void TestMainWindow::undoAndRedoOfADraftEdit()
{
    MainWindow window;
    QString error;
    QVERIFY2(window.openCatalog(m_shop, &error), qPrintable(error));
    CatalogSession *session = window.session();
    const DraftId id {QStringLiteral("slots"), QStringLiteral("top")};
    session->drafts()->begin(id, slotDefinition(QStringLiteral("Top sellers")));
    QVERIFY(!session->hasUnsavedChanges());

    session->undoStack()->push(new SetDraftCommand(
        session->drafts(), id, slotDefinition(QStringLiteral("Best of the week")), QStringLiteral("Rename slot top")));
    QVERIFY(session->hasUnsavedChanges());
    QVERIFY(window.isWindowModified());
    auto *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
    auto *redo = window.findChild<QAction *>(QStringLiteral("redoAction"));
    auto *save = window.findChild<QAction *>(QStringLiteral("saveAction"));
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), QStringLiteral("&Undo Rename slot top"));
    QVERIFY(save->isEnabled());

    undo->trigger();
    QCOMPARE(session->drafts()->definition(id).value(QStringLiteral("title")).toString(), QStringLiteral("Top sellers"));
    QVERIFY(!session->hasUnsavedChanges());
    QVERIFY(!window.isWindowModified());
    QVERIFY(!save->isEnabled());
    QCOMPARE(redo->text(), QStringLiteral("&Redo Rename slot top"));

    redo->trigger();
    QCOMPARE(session->drafts()->definition(id).value(QStringLiteral("title")).toString(),
        QStringLiteral("Best of the week"));
    QVERIFY(session->hasUnsavedChanges());
}

void TestMainWindow::typingMergesIntoOneUndoStep()
{
    MainWindow window;
    QString error;
    QVERIFY2(window.openCatalog(m_shop, &error), qPrintable(error));
    CatalogSession *session = window.session();
    const DraftId id {QStringLiteral("slots"), QStringLiteral("top")};
    session->drafts()->begin(id, slotDefinition(QStringLiteral("T")));
    for (const QString &title : {QStringLiteral("To"), QStringLiteral("Top"), QStringLiteral("Top 5")}) {
        session->undoStack()->push(new SetDraftCommand(
            session->drafts(), id, slotDefinition(title), QStringLiteral("Type title"), MergeDraftText));
    }
    QCOMPARE(session->undoStack()->count(), 1);
    session->undoStack()->undo();
    QCOMPARE(session->drafts()->definition(id).value(QStringLiteral("title")).toString(), QStringLiteral("T"));
}

void TestMainWindow::saveWritesOneVersionPerDraft()
{
    const QString path = m_dir.filePath(QStringLiteral("save.vitrine"));
    QString error;
    QVERIFY2(writeCatalog(path, ShopSql, &error), qPrintable(error));
    MainWindow window;
    QVERIFY2(window.openCatalog(path, &error), qPrintable(error));
    CatalogSession *session = window.session();
    const DraftId id {QStringLiteral("slots"), QStringLiteral("top")};
    session->drafts()->beginNew(id, slotDefinition(QStringLiteral("Top sellers")));
    // Three edits, one save: one new version in the catalog.
    for (const QString &title : {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("Best sellers")})
        session->undoStack()->push(new SetDraftCommand(session->drafts(), id, slotDefinition(title), title));
    QSignalSpy saved(session, &CatalogSession::saved);
    QVERIFY(window.save());
    QCOMPARE(saved.count(), 1);
    QVERIFY(!session->hasUnsavedChanges());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("saveAction"))->isEnabled());
    Database db;
    QVERIFY2(db.open(path, Database::OpenMode::ReadOnly, &error), qPrintable(error));
    QCOMPARE(db.queryInt(QStringLiteral("SELECT version FROM slots WHERE key = 'top'")), 1);
    QCOMPARE(db.queryInt(QStringLiteral("SELECT json_extract(definition, '$.title') = 'Best sellers' FROM slots")), 1);
    // The engine is read again with the saved slot in it.
    QTRY_VERIFY(session->engine() && session->engine()->recommender().hasSlot(QStringLiteral("top")));
    // No recovery file is left: nothing is unsaved.
    QTRY_VERIFY(!QFileInfo::exists(DraftStore::recoveryPathFor(path)));
}

void TestMainWindow::aBrokenDraftIsNotSaved()
{
    const QString path = m_dir.filePath(QStringLiteral("broken.vitrine"));
    QString error;
    QVERIFY2(writeCatalog(path, ShopSql, &error), qPrintable(error));
    MainWindow window;
    QVERIFY2(window.openCatalog(path, &error), qPrintable(error));
    CatalogSession *session = window.session();
    const DraftId good {QStringLiteral("slots"), QStringLiteral("good")};
    const DraftId bad {QStringLiteral("slots"), QStringLiteral("bad")};
    session->drafts()->beginNew(good, slotDefinition(QStringLiteral("Good")));
    QJsonObject broken = slotDefinition(QStringLiteral("Bad"));
    broken.insert(QStringLiteral("strategies"), QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("bestseller")}}});
    session->drafts()->beginNew(bad, broken);

    QVERIFY(!session->save(&error));
    QVERIFY2(error.contains(QStringLiteral("slots.bad")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("bestseller")), qPrintable(error));
    // All or nothing: the good one was not written either, and both drafts are kept.
    Database db;
    QVERIFY2(db.open(path, Database::OpenMode::ReadOnly, &error), qPrintable(error));
    QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM slots")), 0);
    QCOMPARE(session->drafts()->modified().size(), 2);
}

void TestMainWindow::draftsComeBackAfterTheStudioIsKilled()
{
    const QString path = m_dir.filePath(QStringLiteral("crash.vitrine"));
    QString error;
    QVERIFY2(writeCatalog(path, ShopSql, &error), qPrintable(error));

    // A studio that edits a draft and is then killed (SIGKILL: no chance to clean up).
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("VITRINE_TEST_DRAFT_CHILD"), path);
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(60000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QVERIFY(QFileInfo::exists(DraftStore::recoveryPathFor(path)));

    MainWindow window;
    QVERIFY2(window.openCatalog(path, &error), qPrintable(error));
    auto *bar = window.findChild<QWidget *>(QStringLiteral("recoveryBar"));
    QVERIFY(bar && bar->isVisibleTo(&window));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("recoveryText"))->text().contains(QStringLiteral("slots.killed")));
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("restoreDraftsButton")), Qt::LeftButton);
    QVERIFY(!bar->isVisibleTo(&window));
    CatalogSession *session = window.session();
    QVERIFY(session->hasUnsavedChanges());
    QCOMPARE(session->drafts()->definition({QStringLiteral("slots"), QStringLiteral("killed")})
                 .value(QStringLiteral("title"))
                 .toString(),
        QStringLiteral("Typed before the crash"));
    QVERIFY(window.save());
}

void TestMainWindow::discardedDraftsAreGone()
{
    const QString path = m_dir.filePath(QStringLiteral("discard.vitrine"));
    QString error;
    QVERIFY2(writeCatalog(path, ShopSql, &error), qPrintable(error));
    {
        // A recovery file as a killed studio leaves it.
        DraftStore drafts(DraftStore::recoveryPathFor(path));
        drafts.beginNew({QStringLiteral("slots"), QStringLiteral("old")}, slotDefinition(QStringLiteral("Old")));
        QVERIFY(drafts.writeRecovery(&error));
    }
    MainWindow window;
    QVERIFY2(window.openCatalog(path, &error), qPrintable(error));
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("discardDraftsButton")), Qt::LeftButton);
    QVERIFY(!window.session()->hasUnsavedChanges());
    QVERIFY(!QFileInfo::exists(DraftStore::recoveryPathFor(path)));
}

/** The child of draftsComeBackAfterTheStudioIsKilled: edits a draft, waits until it is kept, dies. */
static int runDraftChild(const QString &path)
{
    QString error;
    std::unique_ptr<CatalogSession> session = CatalogSession::open(path, &error);
    if (!session)
        return 3;
    const DraftId id {QStringLiteral("slots"), QStringLiteral("killed")};
    session->drafts()->beginNew(id, slotDefinition(QStringLiteral("Typed")));
    session->undoStack()->push(new SetDraftCommand(
        session->drafts(), id, slotDefinition(QStringLiteral("Typed before the crash")), QStringLiteral("Type")));
    // The recovery file is written shortly after the edit, by itself.
    QTimer::singleShot(1500, [] { ::kill(::getpid(), SIGKILL); });
    return QApplication::exec();
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("VitrineTests"));
    const QString child = qEnvironmentVariable("VITRINE_TEST_DRAFT_CHILD");
    if (!child.isEmpty())
        return runDraftChild(child);
    TestMainWindow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_mainwindow.moc"
