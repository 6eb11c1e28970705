// SPDX-License-Identifier: GPL-3.0-or-later
// The import wizard: a file with foreign column names mapped and imported to the very rows
// `vitrine-cli import --map` writes; problems listed by line with their row; skipped rows; and
// an import that fails, is stopped or is closed leaving the catalog as it was.

#include "importer/importpreviewmodel.h"
#include "importer/importwizard.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"
#include "widgets/messagebar.h"

#include "../common/rowsdigest.h"
#include "../reliability/clirunner.h"

#include "storage/database.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Vitrine;
using namespace Vitrine::Reliability;

namespace {

constexpr int People = 200;
constexpr int Items = 100;
/** Enough events that an import is still reading when it is stopped. */
constexpr int ManyEvents = 60000;
constexpr int WaitMs = 60000;

/** People U00001…, items SKU-00001…, a few events: what the demo's files refer to. */
const char ShopSql[] = R"(
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
INSERT INTO users (external_id, name) SELECT printf('U%05d', i), printf('Person %d', i) FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
INSERT INTO items (sku, title, price) SELECT printf('SKU-%05d', i), printf('Item %d', i), i FROM n;
INSERT INTO events (user_id, ts, item_id, type) VALUES (1, 1700000000, 1, 0), (2, 1700000100, 2, 3);
)";

/** Items with German column names; Farbe has no field and becomes an attribute. */
const char ForeignItems[] = "Artikelnummer,Bezeichnung,Preis,Hersteller,Farbe\n"
                            "SKU-00001,Blaue Tasse,12.50,Acme,blau\n"
                            "NEU-001,Rote Kanne,30,Brewster,rot\n"
                            "NEU-002,\"Teller, flach\",8.90,Acme,weiß\n";

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

QByteArray digest(const QString &catalog)
{
    Database db;
    if (!db.open(catalog, Database::OpenMode::ReadOnly, nullptr))
        return {};
    return Testing::dataDigest(db);
}

} // namespace

class TestImportWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void guessesTheKindFromTheColumns_data();
    void guessesTheKindFromTheColumns();
    void mapsForeignColumnsAndImportsLikeTheCli();
    void editsTheMappingAsTheImporterWould();
    void listsProblemsByLineAndShowsTheRow_data();
    void listsProblemsByLineAndShowsTheRow();
    void skipsBadRowsIntoTheRejectsFile();
    void futureEventsAreRefusedUnlessAllowed();
    void failedImportLeavesTheCatalogUnchanged();
    void stoppedImportLeavesTheCatalogUnchanged_data();
    void stoppedImportLeavesTheCatalogUnchanged();

private:
    /** A wizard on a fresh copy of the shop, shown. */
    ImportWizard *openWizard(const QString &file = {});
    QComboBox *fieldCombo(int column) const;
    void next();
    /** Goes from the file page to a finished check. */
    void goToCheck();
    /** Clicks Import on a passed check and waits for the report. */
    void importAndWaitForReport();
    QString label(const QString &name) const;
    /** With VITRINE_SCREENSHOTS=DIR, saves the wizard as DIR/import-NAME.png (docs/screenshots). */
    void snap(const QString &name) const;

    QTemporaryDir m_dir;
    QString m_shop;
    QString m_catalog;
    int m_copies = 0;
    std::unique_ptr<CatalogSession> m_session;
    std::unique_ptr<ImportWizard> m_wizard;
};

void TestImportWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (qEnvironmentVariableIsSet("VITRINE_DARK")) {
        // How the wizard looks in a dark desktop theme.
        QApplication::setStyle(QStringLiteral("Fusion"));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd9));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x37, 0x3b));
        dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
        dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
        QApplication::setPalette(dark);
    }
    QVERIFY(m_dir.isValid());
    m_shop = m_dir.filePath(QStringLiteral("shop.vitrine"));
    Database db;
    QString error;
    QVERIFY2(db.open(m_shop, Database::OpenMode::Create, &error), qPrintable(error));
    QVERIFY2(db.exec(QString::fromUtf8(ShopSql), &error), qPrintable(error));
}

void TestImportWizard::init()
{
    m_catalog = m_dir.filePath(QStringLiteral("copy%1.vitrine").arg(++m_copies));
    QVERIFY(copyCatalog(m_shop, m_catalog));
    QString error;
    m_session = CatalogSession::open(m_catalog, &error);
    QVERIFY2(m_session, qPrintable(error));
}

void TestImportWizard::cleanup()
{
    m_wizard.reset();
    if (m_session)
        QVERIFY(m_session->jobs()->waitForAll(WaitMs));
    m_session.reset();
}

ImportWizard *TestImportWizard::openWizard(const QString &file)
{
    m_wizard = std::make_unique<ImportWizard>(m_session.get(), file);
    m_wizard->resize(1200, 760);
    m_wizard->show();
    if (!QTest::qWaitForWindowExposed(m_wizard.get()))
        return nullptr;
    return m_wizard.get();
}

QComboBox *TestImportWizard::fieldCombo(int column) const
{
    return m_wizard->findChild<QComboBox *>(QStringLiteral("fieldCombo%1").arg(column));
}

void TestImportWizard::next()
{
    QAbstractButton *button = m_wizard->button(QWizard::NextButton);
    QVERIFY(button->isVisible());
    QTRY_VERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestImportWizard::goToCheck()
{
    QCOMPARE(m_wizard->currentId(), int(ImportWizard::FilePage));
    next();
    QCOMPARE(m_wizard->currentId(), int(ImportWizard::MappingPage));
    next();
    QCOMPARE(m_wizard->currentId(), int(ImportWizard::CheckPage));
    QTRY_VERIFY_WITH_TIMEOUT(!m_wizard->isChecking() && m_wizard->checkReport(), WaitMs);
}

void TestImportWizard::importAndWaitForReport()
{
    QAbstractButton *import = m_wizard->button(QWizard::CommitButton);
    QVERIFY(import->isVisible());
    QTRY_VERIFY(import->isEnabled());
    QCOMPARE(import->text().remove(QLatin1Char('&')), QStringLiteral("Import"));
    QTest::mouseClick(import, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(ImportWizard::ReportPage), WaitMs);
}

QString TestImportWizard::label(const QString &name) const
{
    const auto *widget = m_wizard->findChild<QLabel *>(name);
    return widget ? widget->text() : QStringLiteral("<no label %1>").arg(name);
}

void TestImportWizard::snap(const QString &name) const
{
    const QString dir = qEnvironmentVariable("VITRINE_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    // In the dark palette, the two busiest pages are enough.
    const bool dark = qEnvironmentVariableIsSet("VITRINE_DARK");
    if (dark && name != QLatin1String("2-mapping") && name != QLatin1String("3-check-problems"))
        return;
    QTest::qWait(50); // let layouts and persistent editors settle
    QVERIFY(m_wizard->grab().save(
        dir + QStringLiteral("/import-%1%2.png").arg(name, dark ? QStringLiteral("-dark") : QString())));
}

void TestImportWizard::guessesTheKindFromTheColumns_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("button");

    QTest::newRow("items by name") << QByteArray("sku,title,price") << QStringLiteral("kindItems");
    QTest::newRow("items by alias") << QByteArray("product_id,product_name,image_url")
                                    << QStringLiteral("kindItems");
    QTest::newRow("people by alias") << QByteArray("customer_id,e-mail,sex") << QStringLiteral("kindUsers");
    QTest::newRow("people with a plain id")
        << QByteArray("id,email,country,city") << QStringLiteral("kindUsers");
    QTest::newRow("events by alias") << QByteArray("visitorid,itemid,timestamp,event")
                                     << QStringLiteral("kindEvents");
    QTest::newRow("foreign names") << QByteArray("Artikel,Bezeichnung") << QStringLiteral("kindItems");
}

void TestImportWizard::guessesTheKindFromTheColumns()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, button);
    const QString file = m_dir.filePath(QStringLiteral("guess.csv"));
    QVERIFY(writeFile(file, header + "\n"));
    QVERIFY(openWizard());

    // Typed as a user would, confirmed with Enter.
    auto *path = m_wizard->findChild<QLineEdit *>(QStringLiteral("filePath"));
    QVERIFY(path);
    path->setFocus();
    QTest::keyClicks(path, file);
    QTest::keyClick(path, Qt::Key_Return);
    QTRY_VERIFY(!m_wizard->isPreviewLoading() && m_wizard->preview().isValid());
    const auto *radio = m_wizard->findChild<QRadioButton *>(button);
    QVERIFY(radio);
    QVERIFY2(radio->isChecked(), qPrintable(label(QStringLiteral("fileSummary"))));
    QVERIFY(label(QStringLiteral("fileSummary")).contains(QString::fromLatin1(header.split(',').first())));
}

void TestImportWizard::mapsForeignColumnsAndImportsLikeTheCli()
{
    const QString file = m_dir.filePath(QStringLiteral("artikel.csv"));
    QVERIFY(writeFile(file, ForeignItems));
    const QString cliCatalog = m_dir.filePath(QStringLiteral("cli.vitrine"));
    QVERIFY(copyCatalog(m_shop, cliCatalog));

    QVERIFY(openWizard(file));
    QTRY_VERIFY(!m_wizard->isPreviewLoading());
    QVERIFY(m_wizard->findChild<QRadioButton *>(QStringLiteral("kindItems"))->isChecked());
    snap(QStringLiteral("1-file"));
    next();
    QCOMPARE(m_wizard->currentId(), int(ImportWizard::MappingPage));
    snap(QStringLiteral("2-mapping-unmapped"));

    // No column is named like a field: nothing is mapped, and the page says what is missing.
    const auto *preview = m_wizard->findChild<QTableView *>(QStringLiteral("previewView"));
    QVERIFY(preview);
    QCOMPARE(preview->model()->rowCount(), 3);
    QCOMPARE(preview->model()->index(2, 1).data().toString(), QStringLiteral("Teller, flach"));
    QCOMPARE(preview->model()->headerData(2, Qt::Vertical).toLongLong(), 4); // line 4 of the file
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    const auto *message = m_wizard->findChild<MessageBar *>(QStringLiteral("mappingMessage"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("'sku'")), qPrintable(message->text()));

    const QStringList fields {
        QStringLiteral("sku"), QStringLiteral("title"), QStringLiteral("price"), QStringLiteral("brand")};
    for (int column = 0; column < fields.size(); ++column) {
        QComboBox *combo = fieldCombo(column);
        QVERIFY2(combo, qPrintable(QString::number(column)));
        QVERIFY(combo->isVisible());
        QCOMPARE(combo->currentText(), QStringLiteral("attribute"));
        combo->setCurrentIndex(combo->findText(fields.at(column)));
    }
    QCOMPARE(fieldCombo(4)->currentText(), QStringLiteral("attribute"));
    for (int column = 0; column < fields.size(); ++column)
        QCOMPARE(
            preview->model()->headerData(column, Qt::Horizontal).toString().section(QStringLiteral("→ "), 1),
            fields.at(column));
    QVERIFY(!message->isVisible());
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    snap(QStringLiteral("2-mapping"));

    next();
    QCOMPARE(m_wizard->currentId(), int(ImportWizard::CheckPage));
    QTRY_VERIFY_WITH_TIMEOUT(!m_wizard->isChecking() && m_wizard->checkReport(), WaitMs);
    QVERIFY2(label(QStringLiteral("checkStatus")).contains(QStringLiteral("All 3 rows are good")),
        qPrintable(label(QStringLiteral("checkStatus"))));
    QCOMPARE(digest(m_catalog), digest(m_shop)); // a check writes nothing

    QSignalSpy imported(m_wizard.get(), &ImportWizard::imported);
    importAndWaitForReport();
    QCOMPARE(imported.count(), 1);
    QVERIFY2(label(QStringLiteral("reportHeadline")).contains(QStringLiteral("Imported 3 items")),
        qPrintable(label(QStringLiteral("reportHeadline"))));
    snap(QStringLiteral("5-report"));
    QCOMPARE(label(QStringLiteral("reportInserted")), QStringLiteral("2"));
    QCOMPARE(label(QStringLiteral("reportUpdated")), QStringLiteral("1"));
    QCOMPARE(label(QStringLiteral("reportAttributes")), QStringLiteral("Farbe"));

    // The command line with the same --map writes the very same rows.
    const CliRun cli = runCli(cliCatalog,
        {QStringLiteral("-q"), QStringLiteral("import"), QStringLiteral("items"), file,
            QStringLiteral("--map"), QStringLiteral("Artikelnummer=sku"), QStringLiteral("--map"),
            QStringLiteral("Bezeichnung=title"), QStringLiteral("--map"), QStringLiteral("Preis=price"),
            QStringLiteral("--map"), QStringLiteral("Hersteller=brand")});
    QVERIFY2(cli.exitCode == 0, cli.describe().constData());
    QVERIFY(digest(m_catalog) != digest(m_shop));
    QCOMPARE(digest(m_catalog), digest(cliCatalog));
    QCOMPARE(
        queryCount(m_catalog,
            QStringLiteral("SELECT count(*) FROM items WHERE json_extract(attributes, '$.Farbe') = 'rot'")),
        1);

    // "Import another file" starts over without a file.
    QTest::mouseClick(m_wizard->findChild<QAbstractButton *>(QStringLiteral("importAgain")), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ImportWizard::FilePage));
    QVERIFY(m_wizard->findChild<QLineEdit *>(QStringLiteral("filePath"))->text().isEmpty());
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
}

void TestImportWizard::editsTheMappingAsTheImporterWould()
{
    const QString file = m_dir.filePath(QStringLiteral("people.csv"));
    QVERIFY(writeFile(
        file, "customer_id,e-mail,Stadt\nU00001,ada@example.com,Wien\nNEW-1,neu@example.com,Graz\n"));
    QVERIFY(openWizard(file));
    QTRY_VERIFY(m_wizard->findChild<QRadioButton *>(QStringLiteral("kindUsers"))->isChecked());
    next();
    QCOMPARE(fieldCombo(0)->currentText(), QStringLiteral("external_id"));
    QCOMPARE(fieldCombo(1)->currentText(), QStringLiteral("email"));
    QCOMPARE(fieldCombo(2)->currentText(), QStringLiteral("attribute"));
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());

    // Without a key column the importer refuses the file: Next is off and the page says why.
    fieldCombo(0)->setCurrentIndex(fieldCombo(0)->findText(QStringLiteral("name")));
    QCOMPARE(fieldCombo(0)->currentText(), QStringLiteral("name"));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    const auto *message = m_wizard->findChild<MessageBar *>(QStringLiteral("mappingMessage"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("'external_id'")), qPrintable(message->text()));
    fieldCombo(0)->setCurrentIndex(fieldCombo(0)->findText(QStringLiteral("external_id")));
    QVERIFY(!message->isVisible());

    fieldCombo(2)->setCurrentIndex(fieldCombo(2)->findText(QStringLiteral("city")));
    QCOMPARE(m_wizard->mapping().fieldOf(2), QStringLiteral("city"));
    fieldCombo(1)->setCurrentIndex(fieldCombo(1)->findText(QStringLiteral("external_id")));
    QCOMPARE(fieldCombo(1)->currentText(), QStringLiteral("external_id"));
    // customer_id lost its field to e-mail, so it is an attribute now, and still no problem.
    QCOMPARE(fieldCombo(0)->currentText(), QStringLiteral("attribute"));
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    fieldCombo(1)->setCurrentIndex(fieldCombo(1)->findText(QStringLiteral("attribute")));
    // customer_id and e-mail are usual names of external_id and email: the importer reads them
    // so by itself, and the page says so rather than pretending e-mail is an attribute.
    QCOMPARE(fieldCombo(0)->currentText(), QStringLiteral("external_id"));
    QCOMPARE(fieldCombo(1)->currentText(), QStringLiteral("email"));
    const QAbstractItemModel *mapping
        = m_wizard->findChild<QTableView *>(QStringLiteral("mappingView"))->model();
    QVERIFY2(mapping->index(1, 2).data().toString().contains(QStringLiteral("named like the field")),
        qPrintable(mapping->index(1, 2).data().toString()));
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(m_wizard->commandLine().contains(QStringLiteral("--map Stadt=city")), true);

    // A column can be left out altogether: not a field, not an attribute.
    fieldCombo(2)->setCurrentIndex(fieldCombo(2)->findText(QStringLiteral("ignored")));
    QCOMPARE(fieldCombo(2)->currentText(), QStringLiteral("ignored"));
    QCOMPARE(m_wizard->mapping().columnField.at(2), ImportMapping::Ignored);
    QVERIFY2(m_wizard->commandLine().contains(QStringLiteral("--map Stadt=-")), qPrintable(m_wizard->commandLine()));
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
}

void TestImportWizard::listsProblemsByLineAndShowsTheRow_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<QString>("where");

    QTest::newRow("CSV") << QStringLiteral("bad.csv")
                         << QByteArray("sku,title,price\nA-1,First,1\nA-2,Second,zwei\nA-3,Third,3\n,Fourth,4\n")
                         << QStringLiteral("line 3: field 'price': ")
                         << QStringLiteral("line 5: field 'sku'") << QStringLiteral("Line 3");
    QTest::newRow("JSON") << QStringLiteral("bad.json")
                          << QByteArray(R"([{"sku": "A-1", "title": "First", "price": 1},
                                            {"sku": "A-2", "title": "Second", "price": "zwei"},
                                            {"sku": "A-3", "title": "Third", "price": 3},
                                            {"sku": "", "title": "Fourth", "price": 4}])")
                          << QStringLiteral("record 2: field 'price': ")
                          << QStringLiteral("record 4: field 'sku'") << QStringLiteral("Record 2");
}

void TestImportWizard::listsProblemsByLineAndShowsTheRow()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(QString, where);
    const QString file = m_dir.filePath(name);
    QVERIFY(writeFile(file, content));
    QVERIFY(openWizard(file));
    goToCheck();
    const QByteArray before = digest(m_catalog);

    QVERIFY(!m_wizard->checkReport()->ok);
    QVERIFY(!m_wizard->button(QWizard::CommitButton)->isEnabled());
    QVERIFY2(label(QStringLiteral("checkStatus")).contains(QStringLiteral("2 of 4 rows have problems")),
        qPrintable(label(QStringLiteral("checkStatus"))));
    auto *problems = m_wizard->findChild<QListView *>(QStringLiteral("problemView"));
    QVERIFY(problems);
    QCOMPARE(problems->model()->rowCount(), 2);
    const QString shownFirst = problems->model()->index(0, 0).data().toString();
    QVERIFY2(shownFirst.startsWith(first), qPrintable(shownFirst));
    const QString shownSecond = problems->model()->index(1, 0).data().toString();
    QVERIFY2(shownSecond.startsWith(second), qPrintable(shownSecond));

    // Clicking a problem shows its row, the named field marked.
    const QRect rect = problems->visualRect(problems->model()->index(0, 0));
    QTest::mouseClick(problems->viewport(), Qt::LeftButton, {}, rect.center());
    const auto *row = m_wizard->findChild<QTableView *>(QStringLiteral("problemRowView"));
    QTRY_COMPARE(row->model()->rowCount(), 1);
    // A JSON file's columns come in the order of its keys (sorted), a CSV file's as written.
    QHash<QString, int> columns;
    for (int column = 0; column < row->model()->columnCount(); ++column)
        columns.insert(
            row->model()->headerData(column, Qt::Horizontal, ImportPreviewModel::FieldRole).toString(),
            column);
    QCOMPARE(row->model()->index(0, columns.value(QStringLiteral("sku"))).data().toString(),
        QStringLiteral("A-2"));
    QCOMPARE(row->model()->index(0, columns.value(QStringLiteral("price"))).data().toString(),
        QStringLiteral("zwei"));
    QVERIFY(
        row->model()->index(0, columns.value(QStringLiteral("price"))).data(Qt::BackgroundRole).isValid());
    QVERIFY(
        !row->model()->index(0, columns.value(QStringLiteral("title"))).data(Qt::BackgroundRole).isValid());
    QVERIFY2(
        label(QStringLiteral("rowLabel")).contains(where), qPrintable(label(QStringLiteral("rowLabel"))));
    if (name.endsWith(QLatin1String(".csv")))
        snap(QStringLiteral("3-check-problems"));
    QCOMPARE(digest(m_catalog), before);
}

void TestImportWizard::skipsBadRowsIntoTheRejectsFile()
{
    const QString file = m_dir.filePath(QStringLiteral("events.csv"));
    QVERIFY(writeFile(file,
        "visitorid,itemid,timestamp\n"
        "U00001,SKU-00003,2024-05-01T10:00:00Z\n"
        "U00002,SKU-00004,gestern\n"
        "NEW-PERSON,SKU-00005,2024-05-01T11:00:00Z\n"));
    const QString rejects = m_dir.filePath(QStringLiteral("events-bad.csv"));
    QVERIFY(openWizard(file));
    QTRY_VERIFY(m_wizard->findChild<QRadioButton *>(QStringLiteral("kindEvents"))->isChecked());
    goToCheck();
    QCOMPARE(m_wizard->checkReport()->problemCount, 2);

    // Creating missing people leaves one bad row; skipping it makes the file importable.
    auto *create = m_wizard->findChild<QCheckBox *>(QStringLiteral("createMissing"));
    QVERIFY(create->isVisible());
    QTest::mouseClick(create, Qt::LeftButton, {}, QPoint(8, create->height() / 2));
    QTRY_VERIFY_WITH_TIMEOUT(!m_wizard->isChecking() && m_wizard->checkReport(), WaitMs);
    QCOMPARE(m_wizard->checkReport()->problemCount, 1);
    auto *skip = m_wizard->findChild<QCheckBox *>(QStringLiteral("skipBad"));
    QTest::mouseClick(skip, Qt::LeftButton, {}, QPoint(8, skip->height() / 2));
    auto *rejectsEdit = m_wizard->findChild<QLineEdit *>(QStringLiteral("rejectsPath"));
    QVERIFY(rejectsEdit->isEnabled());
    rejectsEdit->setFocus();
    QTest::keyClicks(rejectsEdit, rejects);
    QTest::keyClick(rejectsEdit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_wizard->isChecking() && m_wizard->checkReport() && m_wizard->checkReport()->ok, WaitMs);
    QVERIFY2(label(QStringLiteral("checkStatus")).contains(QStringLiteral("2 of 3 rows are good")),
        qPrintable(label(QStringLiteral("checkStatus"))));
    snap(QStringLiteral("3-check-events"));

    importAndWaitForReport();
    QCOMPARE(label(QStringLiteral("reportInserted")), QStringLiteral("2"));
    QCOMPARE(label(QStringLiteral("reportSkipped")), QStringLiteral("1"));
    QCOMPARE(label(QStringLiteral("reportRejects")), rejects);
    QVERIFY(label(QStringLiteral("reportCreated")).startsWith(QStringLiteral("1 people")));
    QFile rejected(rejects);
    QVERIFY(rejected.open(QIODevice::ReadOnly));
    QVERIFY(rejected.readAll().contains("gestern"));
    QCOMPARE(
        queryCount(m_catalog, QStringLiteral("SELECT count(*) FROM users WHERE external_id = 'NEW-PERSON'")),
        1);
}

void TestImportWizard::futureEventsAreRefusedUnlessAllowed()
{
    const QString file = m_dir.filePath(QStringLiteral("planned.csv"));
    const QByteArray later = QDateTime::currentDateTimeUtc().addDays(30).toString(Qt::ISODate).toLatin1();
    QVERIFY(writeFile(file, "user_id,item_id,ts\nU00001,SKU-00003,2024-05-01T10:00:00Z\nU00002,SKU-00004," + later + "\n"));
    QVERIFY(openWizard(file));
    QTRY_VERIFY(m_wizard->findChild<QRadioButton *>(QStringLiteral("kindEvents"))->isChecked());
    goToCheck();
    QCOMPARE(m_wizard->checkReport()->problemCount, 1);
    const auto *problems = m_wizard->findChild<QListView *>(QStringLiteral("problemView"));
    QVERIFY2(problems->model()->index(0, 0).data().toString().contains(QStringLiteral("in the future")),
        qPrintable(problems->model()->index(0, 0).data().toString()));

    auto *allow = m_wizard->findChild<QCheckBox *>(QStringLiteral("allowFuture"));
    QVERIFY(allow->isVisible());
    QTest::mouseClick(allow, Qt::LeftButton, {}, QPoint(8, allow->height() / 2));
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_wizard->isChecking() && m_wizard->checkReport() && m_wizard->checkReport()->ok, WaitMs);
    QVERIFY(m_wizard->commandLine().endsWith(QStringLiteral("--allow-future")));
    importAndWaitForReport();
    QVERIFY(m_wizard->importReport() && m_wizard->importReport()->ok);
    QCOMPARE(m_wizard->importReport()->rows, 2);
}

void TestImportWizard::failedImportLeavesTheCatalogUnchanged()
{
    const QString file = m_dir.filePath(QStringLiteral("changing.csv"));
    QVERIFY(writeFile(file, "sku,title\nB-1,Good\nB-2,Also good\n"));
    QVERIFY(openWizard(file));
    goToCheck();
    QVERIFY(m_wizard->checkReport()->ok);
    const QByteArray before = digest(m_catalog);

    // The file changes after the check: the import finds the bad row and writes nothing.
    QVERIFY(writeFile(file, "sku,title\nB-1,Good\nB-2,Also good\nB-1,Twice\n"));
    importAndWaitForReport();
    QVERIFY(m_wizard->importReport() && !m_wizard->importReport()->ok);
    QVERIFY2(label(QStringLiteral("reportHeadline")).startsWith(QStringLiteral("Nothing was imported")),
        qPrintable(label(QStringLiteral("reportHeadline"))));
    QVERIFY(label(QStringLiteral("reportDetail")).contains(QStringLiteral("as it was")));
    snap(QStringLiteral("5-report-failed"));
    const auto *problems = m_wizard->findChild<QListView *>(QStringLiteral("reportProblems"));
    QCOMPARE(problems->model()->rowCount(), 1);
    QVERIFY(
        problems->model()->index(0, 0).data().toString().startsWith(QStringLiteral("line 4: field 'sku'")));
    QCOMPARE(digest(m_catalog), before);
}

void TestImportWizard::stoppedImportLeavesTheCatalogUnchanged_data()
{
    QTest::addColumn<bool>("closeWizard");
    QTest::addColumn<bool>("poolBusy");
    QTest::newRow("Stop button") << false << false;
    QTest::newRow("wizard closed") << true << false;
    // Stopped before a thread was free for it: the import never ran, and says it was stopped.
    QTest::newRow("stopped while waiting") << false << true;
    QTest::newRow("closed while waiting") << true << true;
}

void TestImportWizard::stoppedImportLeavesTheCatalogUnchanged()
{
    QFETCH(bool, closeWizard);
    QFETCH(bool, poolBusy);
    const QString file = m_dir.filePath(QStringLiteral("many.csv"));
    QVERIFY(
        writeEventsCsv(file, ManyEvents, People, Items, QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC)));
    QVERIFY(openWizard(file));
    goToCheck();
    QVERIFY(m_wizard->checkReport()->ok);
    const QByteArray before = digest(m_catalog);

    std::atomic_bool release = false;
    std::atomic_int blocking = 0;
    if (poolBusy) {
        for (int i = 0; i < JobRunner::MaxConcurrentJobs; ++i) {
            m_session->jobs()->start(QStringLiteral("blocking"), [&](Job &) -> JobRunner::Finish {
                ++blocking;
                while (!release)
                    QThread::msleep(5);
                return {};
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(blocking.load(), int(JobRunner::MaxConcurrentJobs), WaitMs);
    }
    const auto releasePool = qScopeGuard([&] { release = true; });

    QSignalSpy imported(m_wizard.get(), &ImportWizard::imported);
    QTest::mouseClick(m_wizard->button(QWizard::CommitButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ImportWizard::RunPage));
    QVERIFY(m_wizard->isImporting());
    if (closeWizard) {
        m_wizard->reject();
        QVERIFY(!m_wizard->isVisible());
    } else {
        auto *stop = m_wizard->findChild<QAbstractButton *>(QStringLiteral("stopImport"));
        QVERIFY(stop->isEnabled());
        QTest::mouseClick(stop, Qt::LeftButton);
        QVERIFY(!stop->isEnabled());
        if (!poolBusy)
            snap(QStringLiteral("4-stopping"));
    }
    release = true;
    QTRY_VERIFY_WITH_TIMEOUT(!m_wizard->isImporting(), WaitMs);
    QVERIFY(m_wizard->importReport() && m_wizard->importReport()->cancelled);
    QCOMPARE(imported.count(), 0);
    if (!closeWizard) {
        QTRY_COMPARE(m_wizard->currentId(), int(ImportWizard::ReportPage));
        QVERIFY2(label(QStringLiteral("reportHeadline")).contains(QStringLiteral("stopped")),
            qPrintable(label(QStringLiteral("reportHeadline"))));
    }
    QCOMPARE(digest(m_catalog), before);
}

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
