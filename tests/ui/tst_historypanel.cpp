// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's History workspace: listing every configuration object and its versions, showing a
// version and what differs from the current one, restoring it through the same core function as
// `vitrine-cli history restore`, and keeping up with a vitrine-cli running beside the window.
#include "history/configindexmodel.h"
#include "history/configversionmodel.h"
#include "history/historypage.h"
#include "history/linediff.h"
#include "shell/mainwindow.h"
#include "widgets/messagebar.h"

#include "../reliability/clirunner.h"

#include "config/confighistory.h"
#include "storage/configstore.h"
#include "storage/database.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFontInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

using namespace Vitrine;
using namespace Vitrine::Reliability;

namespace {

constexpr int DemoUsers = 300;
constexpr int DemoItems = 200;
constexpr int DemoEvents = 5000;
/** Long enough for vitrine-cli to start and commit, and for the window's next poll. */
constexpr int RefreshTimeoutMs = 20000;

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QString indented(const QJsonObject &definition)
{
    return QString::fromUtf8(QJsonDocument(definition).toJson(QJsonDocument::Indented)).trimmed();
}

/** Opens @p path and runs @p change with a ConfigStore on it, as another program would. */
template<typename Change> bool changeConfig(const QString &path, Change change)
{
    Database db;
    QString error;
    if (!db.open(path, Database::OpenMode::ReadWrite, &error)) {
        qWarning() << error;
        return false;
    }
    ConfigStore store(db);
    return change(store);
}

std::optional<ConfigObject> current(const QString &path, const QString &kind, const QString &key)
{
    Database db;
    if (!db.open(path, Database::OpenMode::ReadOnly, nullptr))
        return std::nullopt;
    return ConfigStore(db).get(kind, key);
}

qsizetype versionCount(const QString &path, const QString &kind, const QString &key)
{
    Database db;
    if (!db.open(path, Database::OpenMode::ReadOnly, nullptr))
        return -1;
    return configVersions(ConfigStore(db), kind, key).size();
}

/** Clicks a row of a table as a user would. */
void clickRow(QTableView *table, int row)
{
    const QModelIndex index = table->model()->index(row, 0);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
}

} // namespace

class TestHistoryPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void lineDiff_data();
    void lineDiff();

    void listsEveryObjectWithItsVersions();
    void selectingAVersionShowsItsDefinitionAndChanges();
    void restoringMakesAnOldVersionCurrent();
    void restoringARemovedObjectBringsItBack();
    void restoreThatNoLongerMakesSenseIsRefused();
    void readOnlyCatalogCannotRestore();
    void refreshesWhenTheCliChangesTheCatalog();
    void restoreWaitsForACliImport();
    void screenshot();

private:
    /** Opens a window on m_catalog, shown on the History workspace. */
    std::unique_ptr<MainWindow> openWindow();
    HistoryPage *page(const MainWindow &window) const { return window.findChild<HistoryPage *>(); }
    QTableView *objectTable(const MainWindow &window) const
    {
        return window.findChild<QTableView *>(QStringLiteral("historyObjectTable"));
    }
    QTableView *versionTable(const MainWindow &window) const
    {
        return window.findChild<QTableView *>(QStringLiteral("historyVersionTable"));
    }
    QString messageText(const MainWindow &window) const
    {
        const auto *bar = window.findChild<MessageBar *>(QStringLiteral("historyMessage"));
        return bar && bar->isVisible() ? bar->text() : QString();
    }
    /** What the objects list shows in @p column for an object; "<absent>" when it is not listed. */
    QString shown(const MainWindow &window, const QString &kind, const QString &key, int column) const;
    QList<int> versionsShown(const MainWindow &window) const;
    /** Selects the object's row and then the version's row by clicking them. */
    void select(const MainWindow &window, const QString &kind, const QString &key, int version);

    QTemporaryDir m_dir;
    QString m_template;
    QString m_catalog;
    QJsonObject m_onSaleV1;
};

void TestHistoryPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_template = m_dir.filePath(QStringLiteral("template.vitrine"));
    const CliRun demo = runCli(m_template,
        {QStringLiteral("-q"), QStringLiteral("demo"), QStringLiteral("--users"), QString::number(DemoUsers),
            QStringLiteral("--items"), QString::number(DemoItems), QStringLiteral("--events"),
            QString::number(DemoEvents)});
    QVERIFY2(demo.exitCode == 0, demo.describe());
    const std::optional<ConfigObject> onSale
        = current(m_template, QStringLiteral("slots"), QStringLiteral("home-on-sale"));
    QVERIFY(onSale);
    QCOMPARE(onSale->version, 1);
    m_onSaleV1 = onSale->definition;
}

void TestHistoryPanel::init()
{
    // Each test starts from the demo with two edits of a slot and a removed banner.
    m_catalog
        = m_dir.filePath(QStringLiteral("%1.vitrine").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QVERIFY(copyCatalog(m_template, m_catalog));
    QVERIFY(changeConfig(m_catalog, [this](ConfigStore &store) {
        QJsonObject edited = m_onSaleV1;
        edited.insert(QStringLiteral("max_items"), 8);
        if (!store.save(QStringLiteral("slots"), QStringLiteral("home-on-sale"), edited))
            return false;
        edited.insert(QStringLiteral("max_items"), 6);
        edited.insert(QStringLiteral("title"), QStringLiteral("Deals"));
        return store.save(QStringLiteral("slots"), QStringLiteral("home-on-sale"), edited)
            && store.remove(QStringLiteral("banners"), QStringLiteral("summer-sale"));
    }));
}

std::unique_ptr<MainWindow> TestHistoryPanel::openWindow()
{
    auto window = std::make_unique<MainWindow>();
    QString error;
    if (!window->openCatalog(m_catalog, &error)) {
        qWarning() << error;
        return nullptr;
    }
    window->setCurrentWorkspace(Workspace::History);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

QString TestHistoryPanel::shown(
    const MainWindow &window, const QString &kind, const QString &key, int column) const
{
    const ConfigIndexModel *model = page(window)->objectModel();
    const int row = model->rowOf(kind, key);
    return row < 0 ? QStringLiteral("<absent>") : model->index(row, column).data().toString();
}

QList<int> TestHistoryPanel::versionsShown(const MainWindow &window) const
{
    QList<int> versions;
    const ConfigVersionModel *model = page(window)->versionModel();
    for (int row = 0; row < model->rowCount(); ++row)
        versions.append(model->index(row, 0).data(ConfigVersionModel::VersionRole).toInt());
    return versions;
}

void TestHistoryPanel::select(const MainWindow &window, const QString &kind, const QString &key, int version)
{
    QTableView *objects = objectTable(window);
    const QAbstractItemModel *shownObjects = objects->model();
    int row = -1;
    for (int r = 0; r < shownObjects->rowCount(); ++r) {
        const QModelIndex index = shownObjects->index(r, 0);
        if (index.data(ConfigIndexModel::KindRole) == kind && index.data(ConfigIndexModel::KeyRole) == key)
            row = r;
    }
    QVERIFY2(row >= 0, qPrintable(key));
    clickRow(objects, row);
    const int versionRow = page(window)->versionModel()->rowOf(version);
    QVERIFY2(versionRow >= 0, qPrintable(QStringLiteral("%1 has no version %2").arg(key).arg(version)));
    clickRow(versionTable(window), versionRow);
    QCOMPARE(page(window)->selectedVersion(), version);
}

void TestHistoryPanel::lineDiff_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("expected"); // one line per diff line: marker, then text

    QTest::newRow("same") << "a b c"
                          << "a b c"
                          << "=a =b =c";
    QTest::newRow("one changed") << "a b c"
                                 << "a x c"
                                 << "=a -b +x =c";
    QTest::newRow("added at start") << "b c"
                                    << "a b c"
                                    << "+a =b =c";
    QTest::newRow("removed at end") << "a b c"
                                    << "a b"
                                    << "=a =b -c";
    QTest::newRow("from nothing") << ""
                                  << "a b"
                                  << "+a +b";
    QTest::newRow("to nothing") << "a b"
                                << ""
                                << "-a -b";
    QTest::newRow("all different") << "a b"
                                   << "c d"
                                   << "-a -b +c +d";
    QTest::newRow("moved line") << "a b c d"
                                << "b c d a"
                                << "-a =b =c =d +a";
    QTest::newRow("repeated lines") << "} } x }"
                                    << "} x } }"
                                    << "=} -} =x +} =}";
}

void TestHistoryPanel::lineDiff()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, expected);
    const auto split = [](const QString &text) {
        return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };
    QStringList shownLines;
    QStringList kept;
    QStringList result;
    for (const DiffLine &line : diffLines(split(from), split(to))) {
        const char marker = line.change == DiffLine::Change::Same ? '='
            : line.change == DiffLine::Change::Removed            ? '-'
                                                                  : '+';
        shownLines.append(QLatin1Char(marker) + line.text);
        // Whatever the alignment, the diff must turn one text into the other.
        if (line.change != DiffLine::Change::Added)
            kept.append(line.text);
        if (line.change != DiffLine::Change::Removed)
            result.append(line.text);
    }
    QCOMPARE(kept, split(from));
    QCOMPARE(result, split(to));
    QCOMPARE(shownLines.join(QLatin1Char(' ')), expected);
}

void TestHistoryPanel::listsEveryObjectWithItsVersions()
{
    const std::unique_ptr<MainWindow> window = openWindow();
    QVERIFY(window);
    HistoryPage *history = page(*window);
    QVERIFY(history);
    QVERIFY(history->isVisible());

    // Every object of every kind, and the removed banner too.
    Database db;
    QVERIFY(db.open(m_catalog, Database::OpenMode::ReadOnly, nullptr));
    const qint64 existing
        = db.queryInt(QStringLiteral("SELECT (SELECT count(*) FROM segments) + (SELECT count(*) FROM slots) "
                                     "+ (SELECT count(*) FROM layouts)"
                                     " + (SELECT count(*) FROM banners) + (SELECT count(*) FROM campaigns)"));
    QVERIFY(existing > 20);
    QCOMPARE(history->objectModel()->rowCount(), int(existing + 1));
    QCOMPARE(objectTable(*window)->model()->rowCount(), int(existing + 1));

    const QString slotKind = QStringLiteral("slots");
    const QString onSale = QStringLiteral("home-on-sale");
    QCOMPARE(shown(*window, slotKind, onSale, ConfigIndexModel::KindColumn), QStringLiteral("Slot"));
    QCOMPARE(shown(*window, slotKind, onSale, ConfigIndexModel::TitleColumn), QStringLiteral("Deals"));
    QCOMPARE(shown(*window, slotKind, onSale, ConfigIndexModel::VersionColumn), QStringLiteral("3"));
    QVERIFY(!shown(*window, slotKind, onSale, ConfigIndexModel::SavedColumn).isEmpty());
    QCOMPARE(
        shown(*window, QStringLiteral("segments"), QStringLiteral("vip"), ConfigIndexModel::VersionColumn),
        QStringLiteral("1"));
    QCOMPARE(shown(*window, QStringLiteral("banners"), QStringLiteral("summer-sale"),
                 ConfigIndexModel::VersionColumn),
        QStringLiteral("removed"));
    QCOMPARE(shown(*window, QStringLiteral("banners"), QStringLiteral("summer-sale"),
                 ConfigIndexModel::TitleColumn),
        QStringLiteral("Summer sale: up to 50% off"));
    const auto *summary = window->findChild<QLabel *>(QStringLiteral("historySummary"));
    QCOMPARE(summary->text(), QStringLiteral("%1 objects, 1 removed").arg(existing + 1));

    // Newest first, the current one marked.
    select(*window, slotKind, onSale, 3);
    QCOMPARE(versionsShown(*window), QList<int>({3, 2, 1}));
    const ConfigVersionModel *versions = history->versionModel();
    QCOMPARE(
        versions->index(0, ConfigVersionModel::StateColumn).data().toString(), QStringLiteral("current"));
    QCOMPARE(versions->index(1, ConfigVersionModel::StateColumn).data().toString(), QString());
    QCOMPARE(
        versions->index(2, ConfigVersionModel::TitleColumn).data().toString(), QStringLiteral("On sale"));
    QVERIFY(!versions->index(2, ConfigVersionModel::SavedColumn).data().toString().isEmpty());
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("historyObjectTitle"))
                ->text()
                .contains(QStringLiteral("3 versions")));

    // The filter narrows the list by key or title.
    auto *filter = window->findChild<QLineEdit *>(QStringLiteral("historyFilter"));
    QTest::keyClicks(filter, QStringLiteral("deals"));
    QCOMPARE(objectTable(*window)->model()->rowCount(), 1);
    QCOMPARE(summary->text(), QStringLiteral("1 of %1 objects, 1 removed").arg(existing + 1));
}

void TestHistoryPanel::selectingAVersionShowsItsDefinitionAndChanges()
{
    const std::unique_ptr<MainWindow> window = openWindow();
    QVERIFY(window);
    select(*window, QStringLiteral("slots"), QStringLiteral("home-on-sale"), 1);

    auto *definition = window->findChild<QPlainTextEdit *>(QStringLiteral("historyDefinitionView"));
    QVERIFY(definition->isReadOnly());
    QVERIFY(QFontInfo(definition->font()).fixedPitch());
    QCOMPARE(definition->toPlainText(), indented(m_onSaleV1));
    QVERIFY(definition->toPlainText().contains(QStringLiteral("\n    \"max_items\": 12,\n")));

    // Against the current version 3: two lines differ, each highlighted.
    auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("historyDetailTabs"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Changes (+2 −2)"));
    auto *changes = window->findChild<QPlainTextEdit *>(QStringLiteral("historyChangesView"));
    QStringList marked;
    for (QTextBlock block = changes->document()->begin(); block.isValid(); block = block.next()) {
        const bool highlighted = block.blockFormat().background().style() != Qt::NoBrush;
        QCOMPARE(highlighted, !block.text().startsWith(QStringLiteral("  ")));
        if (highlighted)
            marked.append(block.text());
    }
    QCOMPARE(marked,
        QStringList({QStringLiteral("−     \"max_items\": 6,"), QStringLiteral("+     \"max_items\": 12,"),
            QStringLiteral("−     \"title\": \"Deals\""), QStringLiteral("+     \"title\": \"On sale\"")}));
    auto *restore = window->findChild<QPushButton *>(QStringLiteral("restoreVersionButton"));
    QVERIFY(restore->isEnabled());

    // The current version has nothing to restore.
    clickRow(versionTable(*window), 0);
    QCOMPARE(page(*window)->selectedVersion(), 3);
    QVERIFY(definition->toPlainText().contains(QStringLiteral("\"title\": \"Deals\"")));
    QCOMPARE(window->findChild<QLabel *>(QStringLiteral("historyChangesSummary"))->text(),
        QStringLiteral("This is the current version."));
    QVERIFY(!restore->isEnabled());
    QVERIFY(!window->findChild<QAction *>(QStringLiteral("restoreVersionAction"))->isEnabled());
}

void TestHistoryPanel::restoringMakesAnOldVersionCurrent()
{
    const std::unique_ptr<MainWindow> window = openWindow();
    QVERIFY(window);
    HistoryPage *history = page(*window);
    const QString slotKind = QStringLiteral("slots");
    const QString onSale = QStringLiteral("home-on-sale");
    select(*window, slotKind, onSale, 1);

    QTest::mouseClick(
        window->findChild<QPushButton *>(QStringLiteral("restoreVersionButton")), Qt::LeftButton);
    QTRY_VERIFY(!history->isRestoring());
    QCOMPARE(messageText(*window), QStringLiteral("slot home-on-sale: restored version 1 as version 4"));
    QCOMPARE(window->findChild<MessageBar *>(QStringLiteral("historyMessage"))->kind(),
        MessageBar::Kind::Positive);
    QCOMPARE(window->statusBar()->currentMessage(), messageText(*window));

    const std::optional<ConfigObject> now = current(m_catalog, slotKind, onSale);
    QVERIFY(now);
    QCOMPARE(now->version, 4);
    QCOMPARE(now->definition, m_onSaleV1);
    // The list shows the new version, selected, with nothing left to restore.
    QCOMPARE(shown(*window, slotKind, onSale, ConfigIndexModel::VersionColumn), QStringLiteral("4"));
    QCOMPARE(shown(*window, slotKind, onSale, ConfigIndexModel::TitleColumn), QStringLiteral("On sale"));
    QCOMPARE(versionsShown(*window), QList<int>({4, 3, 2, 1}));
    QCOMPARE(history->selectedVersion(), 4);
    QVERIFY(!window->findChild<QPushButton *>(QStringLiteral("restoreVersionButton"))->isEnabled());

    // The context menu's action does the same, and the restore can itself be undone.
    clickRow(versionTable(*window), history->versionModel()->rowOf(3));
    QAction *action = window->findChild<QAction *>(QStringLiteral("restoreVersionAction"));
    QVERIFY(versionTable(*window)->actions().contains(action));
    QVERIFY(action->isEnabled());
    action->trigger();
    QTRY_VERIFY(!history->isRestoring());
    QCOMPARE(messageText(*window), QStringLiteral("slot home-on-sale: restored version 3 as version 5"));
    QCOMPARE(current(m_catalog, slotKind, onSale)->definition.value(QStringLiteral("max_items")).toInt(), 6);
    QCOMPARE(versionsShown(*window), QList<int>({5, 4, 3, 2, 1}));
}

void TestHistoryPanel::restoringARemovedObjectBringsItBack()
{
    const std::unique_ptr<MainWindow> window = openWindow();
    QVERIFY(window);
    const QString banners = QStringLiteral("banners");
    const QString sale = QStringLiteral("summer-sale");
    select(*window, banners, sale, 1);
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("historyChangesSummary"))
                ->text()
                .contains(QStringLiteral("removed")));

    QTest::mouseClick(
        window->findChild<QPushButton *>(QStringLiteral("restoreVersionButton")), Qt::LeftButton);
    QTRY_VERIFY(!page(*window)->isRestoring());
    QCOMPARE(messageText(*window), QStringLiteral("banner summer-sale: brought back version 1 as version 2"));
    QVERIFY(current(m_catalog, banners, sale));
    QCOMPARE(shown(*window, banners, sale, ConfigIndexModel::VersionColumn), QStringLiteral("2"));
    // The overview counts it again.
    const auto *bannerCount = window->findChild<QLabel *>(QStringLiteral("bannersValue"));
    QVERIFY(bannerCount);
    QTRY_COMPARE(bannerCount->text(), QLocale().toString(7));
}

void TestHistoryPanel::restoreThatNoLongerMakesSenseIsRefused()
{
    // "fans" once included segment "gone", which has been removed since.
    QVERIFY(changeConfig(m_catalog, [](ConfigStore &store) {
        const QString segments = QStringLiteral("segments");
        return store.save(segments, QStringLiteral("gone"),
                   json(
                       R"({"title": "Norway", "rule": {"profile": {"field": "country", "equals": "Norway"}}})"))
            && store.save(segments, QStringLiteral("fans"),
                json(R"({"title": "Fans", "rule": {"all": [{"segment": "gone"}]}})"))
            && store.save(segments, QStringLiteral("fans"),
                json(
                    R"({"title": "Fans", "rule": {"all": [{"profile": {"field": "country", "equals": "Sweden"}}]}})"))
            && store.remove(segments, QStringLiteral("gone"));
    }));
    const std::unique_ptr<MainWindow> window = openWindow();
    QVERIFY(window);
    const QString segments = QStringLiteral("segments");
    const QString fans = QStringLiteral("fans");
    select(*window, segments, fans, 1);

    QTest::mouseClick(
        window->findChild<QPushButton *>(QStringLiteral("restoreVersionButton")), Qt::LeftButton);
    QTRY_VERIFY(!page(*window)->isRestoring());
    const QString message = messageText(*window);
    QVERIFY2(message.startsWith(QStringLiteral(
                 "segment fans: version 1 cannot be restored: rule.all[0].segment: no segment named 'gone'")),
        qPrintable(message));
    QVERIFY2(message.endsWith(QStringLiteral("; nothing was changed")), qPrintable(message));
    QCOMPARE(
        window->findChild<MessageBar *>(QStringLiteral("historyMessage"))->kind(), MessageBar::Kind::Error);

    // Nothing changed, in the catalog or on screen; the refused version stays selected.
    QCOMPARE(current(m_catalog, segments, fans)->version, 2);
    QCOMPARE(versionCount(m_catalog, segments, fans), 2);
    QCOMPARE(versionsShown(*window), QList<int>({2, 1}));
    QCOMPARE(page(*window)->selectedVersion(), 1);
    QVERIFY(!window->statusBar()->currentMessage().contains(QStringLiteral("restored")));
}

void TestHistoryPanel::readOnlyCatalogCannotRestore()
{
    QFile::setPermissions(m_catalog, QFile::ReadOwner);
    if (QFileInfo(m_catalog).isWritable()) {
        QFile::setPermissions(m_catalog, QFile::ReadOwner | QFile::WriteOwner);
        QSKIP("running as a user who may write any file");
    }
    const std::unique_ptr<MainWindow> window = openWindow();
    QFile::setPermissions(m_catalog, QFile::ReadOwner | QFile::WriteOwner);
    QVERIFY(window);
    select(*window, QStringLiteral("slots"), QStringLiteral("home-on-sale"), 1);
    auto *restore = window->findChild<QPushButton *>(QStringLiteral("restoreVersionButton"));
    QVERIFY(!restore->isEnabled());
    QCOMPARE(restore->toolTip(), QStringLiteral("The catalog is open read-only."));
}

void TestHistoryPanel::refreshesWhenTheCliChangesTheCatalog()
{
    const std::unique_ptr<MainWindow> window = openWindow();
    QVERIFY(window);
    const QString slotKind = QStringLiteral("slots");
    const QString onSale = QStringLiteral("home-on-sale");
    select(*window, slotKind, onSale, 2);

    // vitrine-cli restores a version while the window is open: the window shows it by itself.
    const CliRun restore = runCli(m_catalog,
        {QStringLiteral("history"), QStringLiteral("restore"), QStringLiteral("slot"), onSale,
            QStringLiteral("1")});
    QVERIFY2(restore.exitCode == 0, restore.describe());
    QTRY_COMPARE_WITH_TIMEOUT(shown(*window, slotKind, onSale, ConfigIndexModel::VersionColumn),
        QStringLiteral("4"), RefreshTimeoutMs);
    QCOMPARE(versionsShown(*window), QList<int>({4, 3, 2, 1}));
    // What the user had selected stays selected, now compared with the new current version.
    QCOMPARE(page(*window)->selectedVersion(), 2);
    QCOMPARE(window->findChild<QTabWidget *>(QStringLiteral("historyDetailTabs"))->tabText(1),
        QStringLiteral("Changes (+1 −1)"));

    // A CLI import of events shows in the overview's figures.
    const auto *events = window->findChild<QLabel *>(QStringLiteral("eventsValue"));
    QVERIFY(events);
    QCOMPARE(events->text(), QLocale().toString(DemoEvents));
    const QString csv = m_dir.filePath(QStringLiteral("few.csv"));
    QVERIFY(
        writeEventsCsv(csv, 250, DemoUsers, DemoItems, QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC)));
    const CliRun import
        = runCli(m_catalog, {QStringLiteral("-q"), QStringLiteral("import"), QStringLiteral("events"), csv,
                                QStringLiteral("--allow-future")});
    QVERIFY2(import.exitCode == 0, import.describe());
    QTRY_COMPARE_WITH_TIMEOUT(events->text(), QLocale().toString(DemoEvents + 250), RefreshTimeoutMs);

    // Items imported by the CLI show in the items browser, under the search the user typed.
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("itemSearch"));
    auto *table = window->findChild<QTableView *>(QStringLiteral("itemTable"));
    QVERIFY(search && table);
    search->setText(QStringLiteral("Zeppelin"));
    QTRY_COMPARE(table->model()->rowCount(), 0);
    const QString items = m_dir.filePath(QStringLiteral("zeppelin.csv"));
    QFile file(items);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("sku,title,price\nZEP-1,Zeppelin Kite,25\nZEP-2,Zeppelin Kite XL,35\n");
    file.close();
    const CliRun importItems
        = runCli(m_catalog, {QStringLiteral("-q"), QStringLiteral("import"), QStringLiteral("items"), items});
    QVERIFY2(importItems.exitCode == 0, importItems.describe());
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2, RefreshTimeoutMs);
    QCOMPARE(search->text(), QStringLiteral("Zeppelin"));
}

void TestHistoryPanel::restoreWaitsForACliImport()
{
    constexpr qint64 Rows = 600000;
    const QString csv = m_dir.filePath(QStringLiteral("many.csv"));
    QVERIFY(
        writeEventsCsv(csv, Rows, DemoUsers, DemoItems, QDateTime(QDate(2027, 2, 1), QTime(0, 0), Qt::UTC)));
    const std::unique_ptr<MainWindow> window = openWindow();
    QVERIFY(window);
    select(*window, QStringLiteral("slots"), QStringLiteral("home-on-sale"), 1);

    // While it writes, the import holds the catalog's write lock until it commits.
    const std::unique_ptr<QProcess> import
        = startCli(m_catalog, {QStringLiteral("import"), QStringLiteral("events"), csv, QStringLiteral("--allow-future")});
    QByteArray seen;
    QVERIFY2(waitForStage(*import, QStringLiteral("Writing events"), 1, &seen), seen.constData());
    QVERIFY2(import->state() == QProcess::Running, "the import ended before the restore began");

    QTest::mouseClick(
        window->findChild<QPushButton *>(QStringLiteral("restoreVersionButton")), Qt::LeftButton);
    bool sawWaiting = false;
    QElapsedTimer timer;
    timer.start();
    while (page(*window)->isRestoring() && timer.elapsed() < 200000) {
        QTest::qWait(50); // the window keeps handling events meanwhile
        sawWaiting
            = sawWaiting || messageText(*window).contains(QStringLiteral("waiting for another program"));
    }
    QVERIFY(!page(*window)->isRestoring());
    const QString message = messageText(*window);
    QVERIFY2(!message.contains(QStringLiteral("locked")), qPrintable(message));
    QCOMPARE(message, QStringLiteral("slot home-on-sale: restored version 1 as version 4"));
    // It waited for the import's commit instead of failing: every imported event is there already.
    QCOMPARE(queryCount(m_catalog, QStringLiteral("SELECT count(*) FROM events")), DemoEvents + Rows);
    qInfo("restore waited %lld ms for the import%s", static_cast<long long>(timer.elapsed()),
        sawWaiting ? ", saying so" : "");

    import->waitForFinished(-1);
    seen += import->readAllStandardError();
    QVERIFY2(import->exitCode() == 0, seen.constData());
    QCOMPARE(queryCount(m_catalog, QStringLiteral("SELECT count(*) FROM events")), DemoEvents + Rows);
    QCOMPARE(current(m_catalog, QStringLiteral("slots"), QStringLiteral("home-on-sale"))->version, 4);
}

void TestHistoryPanel::screenshot()
{
    // VITRINE_SCREENSHOT=FILE.png: the History workspace on a full-size demo, for the docs.
    const QString file = qEnvironmentVariable("VITRINE_SCREENSHOT");
    if (file.isEmpty())
        QSKIP("set VITRINE_SCREENSHOT=FILE.png to write a screenshot");
    m_catalog = m_dir.filePath(QStringLiteral("demo.vitrine"));
    const CliRun demo = runCli(m_catalog, {QStringLiteral("-q"), QStringLiteral("demo")});
    QVERIFY2(demo.exitCode == 0, demo.describe());
    QVERIFY(changeConfig(m_catalog, [](ConfigStore &store) {
        const QString slotKind = QStringLiteral("slots");
        const QString forYou = QStringLiteral("home-for-you");
        QJsonObject slot = store.get(slotKind, forYou)->definition;
        slot.insert(QStringLiteral("max_items"), 8);
        if (!store.save(slotKind, forYou, slot))
            return false;
        QJsonArray boosts = slot.value(QStringLiteral("boosts")).toArray();
        boosts.append(
            QJsonObject {{QStringLiteral("factor"), 1.3}, {QStringLiteral("label"), QStringLiteral("New")},
                {QStringLiteral("when"), QJsonObject {{QStringLiteral("new_within_days"), 14}}}});
        slot.insert(QStringLiteral("boosts"), boosts);
        slot.insert(QStringLiteral("title"), QStringLiteral("Picked for you this week"));
        QJsonObject vip = store.get(QStringLiteral("segments"), QStringLiteral("vip"))->definition;
        vip.insert(QStringLiteral("title"), QStringLiteral("VIP customers"));
        return store.save(slotKind, forYou, slot)
            && store.save(QStringLiteral("segments"), QStringLiteral("vip"), vip)
            && store.remove(QStringLiteral("banners"), QStringLiteral("summer-sale"));
    }));
    const std::unique_ptr<MainWindow> window = openWindow();
    QVERIFY(window);
    window->resize(1280, 800);
    // A restore's message stays above the lists while the user goes on looking.
    select(*window, QStringLiteral("segments"), QStringLiteral("vip"), 1);
    page(*window)->restoreSelectedVersion();
    QTRY_VERIFY(!page(*window)->isRestoring());
    QCOMPARE(messageText(*window), QStringLiteral("segment vip: restored version 1 as version 3"));
    select(*window, QStringLiteral("slots"), QStringLiteral("home-for-you"), 1);
    window->findChild<QTabWidget *>(QStringLiteral("historyDetailTabs"))->setCurrentIndex(1);
    QTest::qWait(100);
    QVERIFY(window->grab().save(file));
    window->findChild<QTabWidget *>(QStringLiteral("historyDetailTabs"))->setCurrentIndex(0);
    QTest::qWait(50);
    QVERIFY(window->grab().save(QFileInfo(file).path() + QStringLiteral("/history-definition.png")));
}

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
