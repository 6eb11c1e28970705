// SPDX-License-Identifier: GPL-3.0-or-later
// Event weights that would break the engine are refused, wherever they come from; weights an
// older build stored broken are named with their fix; concurrent `weights --set` lose nothing.
#include "../../common/rowsdigest.h"

#include "engine/eventweights.h"
#include "storage/database.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Vitrine;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

std::unique_ptr<QProcess> start(const QString &catalog, const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("VITRINE_DB"), catalog);
    process->setProcessEnvironment(environment);
    process->start(QStringLiteral(VITRINE_CLI), arguments);
    return process;
}

Run finish(QProcess &process)
{
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        process.readAllStandardOutput(), process.readAllStandardError()};
}

Run cli(const QString &catalog, const QStringList &arguments)
{
    return finish(*start(catalog, arguments));
}

QByteArray metaDigest(const QString &path)
{
    Database db;
    if (!db.open(path, Database::OpenMode::ReadOnly, nullptr))
        return {};
    return Testing::rowsDigest(db, {"SELECT * FROM meta ORDER BY key"});
}

} // namespace

class TestEventWeightsGuard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_catalog;

    QStringList recommend() const
    {
        return {QStringLiteral("-q"), QStringLiteral("recommend"), QStringLiteral("--user"),
            QStringLiteral("U00001"), QStringLiteral("--slot"), QStringLiteral("home-for-you")};
    }

    /** Stores weights as an older build could have, bypassing every check. */
    void storeRaw(const QByteArray &json)
    {
        Database db;
        QString error;
        QVERIFY2(db.open(m_catalog, Database::OpenMode::ReadWrite, &error), qPrintable(error));
        Statement stmt = db.prepare(
            QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('event_weights', ?)"));
        stmt.bind(1, json);
        QVERIFY(stmt.run(&error));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_catalog = m_dir.filePath(QStringLiteral("demo.vitrine"));
        const Run run = cli(m_catalog,
            {QStringLiteral("-q"), QStringLiteral("demo"), QStringLiteral("--users"), QStringLiteral("80"),
                QStringLiteral("--items"), QStringLiteral("60"), QStringLiteral("--events"),
                QStringLiteral("2000"), QStringLiteral("--seed"), QStringLiteral("5")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const Run works = cli(m_catalog, recommend());
        QVERIFY2(works.exitCode == 0, works.err.constData());
    }

    void limits_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message"); // empty: accepted
        QTest::newRow("largest weight") << QByteArray(R"({"view": 1e6})") << QString();
        QTest::newRow("weight 0") << QByteArray(R"({"view": 0})") << QString();
        QTest::newRow("never fade") << QByteArray(R"({"half_life_days": 0})") << QString();
        QTest::newRow("one hour") << QByteArray(R"({"half_life_days": 0.041667})") << QString();
        QTest::newRow("100 years") << QByteArray(R"({"half_life_days": 36525})") << QString();
        QTest::newRow("weight 1e308")
            << QByteArray(R"({"view": 1e308})")
            << QStringLiteral("event weight 'view': 1e+308 is too large; it must be at most 1000000");
        QTest::newRow("weight just too large") << QByteArray(
            R"({"purchase": 1000001})") << QStringLiteral("event weight 'purchase': 1000001 is too large");
        QTest::newRow("weight null") << QByteArray(R"({"click": null})")
                                     << QStringLiteral("event weight 'click' must be a number of at least 0");
        QTest::newRow("half-life 1e-300")
            << QByteArray(R"({"half_life_days": 1e-300})")
            << QStringLiteral("half_life_days: 1e-300 is too short; it must be 0 (events never fade) "
                              "or at least 0.0417 (one hour)");
        QTest::newRow("half-life 1e308")
            << QByteArray(R"({"half_life_days": 1e308})")
            << QStringLiteral("half_life_days: 1e+308 is too long; it must be at most 36525 (100 years)");
        QTest::newRow("half-life negative") << QByteArray(
            R"({"half_life_days": -1})") << QStringLiteral("'half_life_days' must be a number of at least 0");
    }

    void limits()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
        QVERIFY2(document.isObject(), qPrintable(parseError.errorString()));
        QString error;
        const std::optional<EventWeights> weights = EventWeights::fromJson(document.object(), &error);
        if (message.isEmpty()) {
            QVERIFY2(weights, qPrintable(error));
            // What is accepted survives a save and a load: nothing turns into null on the way.
            QVERIFY(EventWeights::fromJson(weights->toJson(), &error));
        } else {
            QVERIFY(!weights);
            QVERIFY2(error.contains(message), qPrintable(error));
        }
    }

    void badValuesAreRefusedByTheCommandLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("configFile"); // written to c.json for `config import`
        QTest::addColumn<QString>("message");
        QTest::newRow("weights --set view 1e308")
            << QStringList {QStringLiteral("weights"), QStringLiteral("--set"),
                   QStringLiteral(R"({"view": 1e308})")}
            << QByteArray() << QStringLiteral("--set: event weight 'view': 1e+308 is too large");
        QTest::newRow("weights --set view 1e999") << QStringList {QStringLiteral("weights"),
            QStringLiteral("--set"), QStringLiteral(R"({"view": 1e999})")}
                                                  << QByteArray() << QStringLiteral("--set: ");
        QTest::newRow("weights --set half-life 1e-300")
            << QStringList {QStringLiteral("weights"), QStringLiteral("--set"),
                   QStringLiteral(R"({"half_life_days": 1e-300})")}
            << QByteArray() << QStringLiteral("--set: half_life_days: 1e-300 is too short");
        QTest::newRow("config import view 1e308")
            << QStringList {QStringLiteral("config"), QStringLiteral("import")}
            << QByteArray(R"({"format": "vitrine-config", "version": 1, "event_weights": {"view": 1e308}})")
            << QStringLiteral("event_weights: event weight 'view': 1e+308 is too large");
        QTest::newRow("config import half-life 1e-300")
            << QStringList {QStringLiteral("config"), QStringLiteral("import")}
            << QByteArray(
                   R"({"format": "vitrine-config", "version": 1, "event_weights": {"half_life_days": 1e-300}})")
            << QStringLiteral("event_weights: half_life_days: 1e-300 is too short");
    }

    void badValuesAreRefusedByTheCommandLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, configFile);
        QFETCH(QString, message);
        if (!configFile.isEmpty()) {
            const QString path = m_dir.filePath(QStringLiteral("c.json"));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(configFile);
            arguments.append(path);
        }
        const QByteArray before = metaDigest(m_catalog);
        QVERIFY(!before.isEmpty());
        const Run run = cli(m_catalog, arguments);
        QVERIFY2(run.exitCode == 2, run.err.constData());
        QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
        QCOMPARE(metaDigest(m_catalog), before);
        // Nothing was stored, so the engine still works.
        const Run works = cli(m_catalog, recommend());
        QVERIFY2(works.exitCode == 0, works.err.constData());
    }

    void brokenStoredWeightsAreNamedAndRepairable()
    {
        // What the old `weights --set '{"view": 1e308}'` left behind: view stored as null.
        storeRaw(R"({"view":null,"click":2,"cart":4,"purchase":8,"read":3,"rating":3,"half_life_days":0})");
        for (const QStringList &arguments : {recommend(), QStringList {QStringLiteral("weights")},
                 QStringList {QStringLiteral("-q"), QStringLiteral("train")}}) {
            const Run run = cli(m_catalog, arguments);
            QVERIFY2(run.exitCode == 2, run.err.constData());
            QVERIFY2(run.err.contains(
                         "the catalog's event weights are broken: event weight 'view' must be a number"),
                run.err.constData());
            QVERIFY2(run.err.contains("vitrine-cli weights --set"), run.err.constData());
        }
        // Setting another type does not hide the broken one...
        const Run other = cli(m_catalog,
            {QStringLiteral("weights"), QStringLiteral("--set"), QStringLiteral(R"({"click": 3})")});
        QCOMPARE(other.exitCode, 2);
        QVERIFY2(other.err.contains("the catalog's event weights are broken: event weight 'view'"),
            other.err.constData());
        // ...setting it repairs it, and keeps the other stored weights.
        const Run repaired = cli(m_catalog,
            {QStringLiteral("--json"), QStringLiteral("weights"), QStringLiteral("--set"),
                QStringLiteral(R"({"view": 1.5})")});
        QVERIFY2(repaired.exitCode == 0, repaired.err.constData());
        const QJsonObject weights = QJsonDocument::fromJson(repaired.out).object();
        QCOMPARE(weights.value(QStringLiteral("view")).toDouble(), 1.5);
        QCOMPARE(weights.value(QStringLiteral("purchase")).toDouble(), 8.0);
        const Run works = cli(m_catalog, recommend());
        QVERIFY2(works.exitCode == 0, works.err.constData());

        // A configuration with good weights repairs them too.
        storeRaw(R"({"view":1,"click":2,"cart":4,"purchase":8,"read":3,"rating":3,"half_life_days":1e-300})");
        QCOMPARE(cli(m_catalog, recommend()).exitCode, 2);
        const QString path = m_dir.filePath(QStringLiteral("repair.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "vitrine-config", "version": 1, "event_weights": {"half_life_days": 90}})");
        file.close();
        const Run imported = cli(m_catalog, {QStringLiteral("config"), QStringLiteral("import"), path});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const Run again = cli(m_catalog, recommend());
        QVERIFY2(again.exitCode == 0, again.err.constData());
    }

    void concurrentSetsKeepEveryChange()
    {
        // 40 programs in rounds where each of the seven keys has exactly one writer: after each
        // round every key must hold its writer's value. Before, a writer read the weights,
        // another committed, and the first wrote the older values back over the second's.
        const QStringList keys = {QStringLiteral("view"), QStringLiteral("click"), QStringLiteral("cart"),
            QStringLiteral("purchase"), QStringLiteral("read"), QStringLiteral("rating"),
            QStringLiteral("half_life_days")};
        int started = 0;
        int lost = 0;
        for (int round = 0; started < 40; ++round) {
            std::vector<std::unique_ptr<QProcess>> processes;
            QJsonObject expected;
            for (const QString &key : keys) {
                if (started == 40)
                    break;
                const double value = 10 + round * 10 + keys.indexOf(key);
                expected.insert(key, value);
                const QByteArray json
                    = QJsonDocument(QJsonObject {{key, value}}).toJson(QJsonDocument::Compact);
                processes.push_back(start(m_catalog,
                    {QStringLiteral("-q"), QStringLiteral("weights"), QStringLiteral("--set"),
                        QString::fromUtf8(json)}));
                ++started;
            }
            for (const std::unique_ptr<QProcess> &process : processes) {
                const Run run = finish(*process);
                QVERIFY2(run.exitCode == 0, run.err.constData());
            }
            const Run shown = cli(m_catalog, {QStringLiteral("--json"), QStringLiteral("weights")});
            QCOMPARE(shown.exitCode, 0);
            const QJsonObject stored = QJsonDocument::fromJson(shown.out).object();
            for (auto it = expected.begin(); it != expected.end(); ++it) {
                if (stored.value(it.key()).toDouble() != it.value().toDouble())
                    ++lost;
            }
        }
        QCOMPARE(started, 40);
        QCOMPARE(lost, 0);
    }
};

QTEST_APPLESS_MAIN(TestEventWeightsGuard)

#include "tst_eventweightsguard.moc"
