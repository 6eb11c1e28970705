// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12 on the command line, end to end through QProcess: `slot list|show|save|remove`,
// what recommend, evaluate and train say when a strategy finds no events of its kind, the
// personal model `train` chooses per catalog, and `evaluate --slot --tune [--save]`.
#include "../reliability/clirunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using Vitrine::Reliability::CliRun;

class TestSlotCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_catalog;
    QString m_views; ///< events are all views: nothing was ever bought

    CliRun cli(const QStringList &arguments, const QString &catalog = {})
    {
        return Vitrine::Reliability::runCli(
            catalog.isEmpty() ? m_catalog : catalog, QStringList {QStringLiteral("-q")} + arguments);
    }

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return path;
    }

    QByteArray slotJson(const QString &key, const QString &catalog = {})
    {
        return cli({QStringLiteral("slot"), QStringLiteral("show"), key}, catalog).out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_catalog = m_dir.filePath(QStringLiteral("demo.vitrine"));
        const CliRun demo = cli({QStringLiteral("demo"), QStringLiteral("--users"), QStringLiteral("300"),
            QStringLiteral("--items"), QStringLiteral("200"), QStringLiteral("--events"), QStringLiteral("8000"),
            QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--end"), QStringLiteral("2026-11-01")});
        QVERIFY2(demo.exitCode == 0, demo.describe().constData());

        // A ratings-style export: people, items and times, every event a view.
        QByteArray csv = "user_id,item_id,ts\n";
        for (int user = 0; user < 40; ++user) {
            for (int step = 0; step < 8; ++step) {
                const int item = (user % 4) * 10 + (step + user) % 10;
                csv += QByteArray::number(user) + ",i" + QByteArray::number(item) + ","
                    + QByteArray::number(1700000000 + user * 1000 + step * 60) + "\n";
            }
        }
        m_views = m_dir.filePath(QStringLiteral("views.vitrine"));
        const CliRun import = cli({QStringLiteral("import"), QStringLiteral("events"),
                                   write(QStringLiteral("views.csv"), csv), QStringLiteral("--create-missing")},
            m_views);
        QVERIFY2(import.exitCode == 0, import.describe().constData());
    }

    void listShowsEverySlot()
    {
        const CliRun run = cli({QStringLiteral("--json"), QStringLiteral("slot"), QStringLiteral("list")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QStringList keys;
        for (const QJsonValue &slot : run.json().value(QStringLiteral("slots")).toArray())
            keys.append(slot.toObject().value(QStringLiteral("key")).toString());
        QVERIFY2(keys.contains(QStringLiteral("home-for-you")), qPrintable(keys.join(QLatin1Char(' '))));
        QVERIFY(keys.contains(QStringLiteral("home-bestsellers")));

        const CliRun show = cli({QStringLiteral("slot"), QStringLiteral("show"), QStringLiteral("home-bestsellers")});
        QCOMPARE(show.exitCode, 0);
        const QJsonObject definition = QJsonDocument::fromJson(show.out).object();
        QVERIFY(definition.value(QStringLiteral("strategies")).isArray());
    }

    void saveMakesANewVersionInTheHistory()
    {
        QJsonObject definition = QJsonDocument::fromJson(slotJson(QStringLiteral("home-bestsellers"))).object();
        QVERIFY(!definition.isEmpty());
        definition.insert(QStringLiteral("title"), QStringLiteral("Loved this month"));
        const QString file = write(QStringLiteral("bestsellers.json"), QJsonDocument(definition).toJson());
        const CliRun save = cli({QStringLiteral("--json"), QStringLiteral("slot"), QStringLiteral("save"),
            QStringLiteral("home-bestsellers"), QStringLiteral("--json"), file});
        QVERIFY2(save.exitCode == 0, save.describe().constData());
        QCOMPARE(save.json().value(QStringLiteral("version")).toInt(), 2);

        const CliRun history = cli({QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("list"),
            QStringLiteral("slot"), QStringLiteral("home-bestsellers")});
        QVERIFY2(history.exitCode == 0, history.describe().constData());
        QCOMPARE(history.json().value(QStringLiteral("versions")).toArray().size(), 2);
        QCOMPARE(QJsonDocument::fromJson(slotJson(QStringLiteral("home-bestsellers")))
                     .object()
                     .value(QStringLiteral("title"))
                     .toString(),
            QStringLiteral("Loved this month"));
    }

    void badSlotsAreRefusedAndNothingChanges_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");

        QTest::newRow("not JSON") << QByteArray("{\"strategies\": [") << 2 << QStringLiteral(":1:");
        QTest::newRow("unknown strategy")
            << QByteArray(R"({"title": "X", "strategies": [{"name": "best-sellers"}]})") << 2
            << QStringLiteral("strategies[0]: unknown strategy 'best-sellers'");
        QTest::newRow("unknown category")
            << QByteArray(R"({"title": "X", "strategies": [{"name": "bestsellers"}],
                              "filters": {"categories": ["Garden > Gnomes"]}})")
            << 2 << QStringLiteral("filters.categories: the catalog has no category 'Garden > Gnomes'");
        QTest::newRow("unknown pinned item")
            << QByteArray(R"({"title": "X", "strategies": [{"name": "bestsellers"}],
                              "pins": [{"sku": "NO-SUCH-SKU", "position": 1}]})")
            << 2 << QStringLiteral("pins: the catalog has no item 'NO-SUCH-SKU'");
        QTest::newRow("bad parameter")
            << QByteArray(R"({"title": "X", "strategies": [{"name": "bestsellers", "params": {"windw": 3}}]})")
            << 2 << QStringLiteral("windw");
    }

    void badSlotsAreRefusedAndNothingChanges()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QByteArray before = slotJson(QStringLiteral("home-for-you"));
        const QString file = write(QStringLiteral("bad.json"), json);
        const CliRun run = cli({QStringLiteral("slot"), QStringLiteral("save"), QStringLiteral("home-for-you"),
            QStringLiteral("--json"), file});
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(file), run.err.constData());
        QCOMPARE(slotJson(QStringLiteral("home-for-you")), before);
    }

    void removeRefusesASlotALayoutShows()
    {
        // The starter home page shows home-for-you.
        const CliRun run = cli({QStringLiteral("slot"), QStringLiteral("remove"), QStringLiteral("home-for-you")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("is used by layout"), run.err.constData());
        QVERIFY2(run.err.contains("blocks["), run.err.constData());
        QVERIFY(!slotJson(QStringLiteral("home-for-you")).isEmpty());
    }

    void removeRefusesASegmentInUse_data()
    {
        QTest::addColumn<QString>("segment");
        QTest::addColumn<QString>("usedBy");
        // The starter configuration: a layout variant, a banner's targeting, a campaign's templates.
        QTest::newRow("layout variant") << QStringLiteral("vip") << QStringLiteral("layout home (variants[0])");
        QTest::newRow("banner targeting") << QStringLiteral("outdoor-readers")
                                          << QStringLiteral("banner outdoor-stories (targeting)");
        QTest::newRow("campaign templates") << QStringLiteral("lapsed")
                                            << QStringLiteral("campaign weekly-newsletter (its templates)");
    }

    void removeRefusesASegmentInUse()
    {
        QFETCH(QString, segment);
        QFETCH(QString, usedBy);
        const CliRun run = cli({QStringLiteral("segment"), QStringLiteral("remove"), segment});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(QString::fromUtf8(run.err).contains(QStringLiteral("segment '%1' is used by").arg(segment)),
            run.err.constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(usedBy), run.err.constData());
        QVERIFY(cli({QStringLiteral("segment"), QStringLiteral("list")}).out.contains(segment.toUtf8()));
    }

    void removeKeepsTheHistoryForARestore()
    {
        const QString file = write(QStringLiteral("spare.json"),
            R"({"title": "Spare", "strategies": [{"name": "bestsellers", "params": {"window_days": 90}}]})");
        QCOMPARE(cli({QStringLiteral("slot"), QStringLiteral("save"), QStringLiteral("spare"), QStringLiteral("--json"),
                         file})
                     .exitCode,
            0);
        const CliRun remove = cli({QStringLiteral("slot"), QStringLiteral("remove"), QStringLiteral("spare")});
        QVERIFY2(remove.exitCode == 0, remove.describe().constData());
        QVERIFY2(remove.out.contains("history restore slot spare 1"), remove.out.constData());
        QCOMPARE(cli({QStringLiteral("slot"), QStringLiteral("show"), QStringLiteral("spare")}).exitCode, 3);
        QCOMPARE(cli({QStringLiteral("slot"), QStringLiteral("remove"), QStringLiteral("spare")}).exitCode, 3);

        const CliRun restore = cli({QStringLiteral("history"), QStringLiteral("restore"), QStringLiteral("slot"),
            QStringLiteral("spare"), QStringLiteral("1")});
        QVERIFY2(restore.exitCode == 0, restore.describe().constData());
        QVERIFY(slotJson(QStringLiteral("spare")).contains("Spare"));
    }

    void strategiesWithoutTheirEventsSaySo_data()
    {
        QTest::addColumn<QString>("slot");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("fix");
        QTest::addColumn<QString>("recommendDetail"); ///< what only the whole catalog says (evaluate trains on less)

        QTest::newRow("bestsellers") << QStringLiteral(R"({"title": "B", "strategies": [{"name": "bestsellers"}]})")
                                     << QStringLiteral("strategies[0] bestsellers: the catalog has no purchase events")
                                     << QStringLiteral("so it shows nothing; set \"event\": \"view\"")
                                     << QStringLiteral("(it has 320 view events)");
        QTest::newRow("also-bought") << QStringLiteral(R"({"title": "A", "strategies": [{"name": "also-bought"}]})")
                                     << QStringLiteral("strategies[0] also-bought: the catalog has no purchase events")
                                     << QStringLiteral("set \"events\": \"view\"") << QString();
        QTest::newRow("bought-together")
            << QStringLiteral(R"({"title": "T", "strategies": [{"name": "bought-together"}]})")
            << QStringLiteral("strategies[0] bought-together: the catalog has no purchase events")
            << QStringLiteral("use another strategy") << QString();
        QTest::newRow("views, but too long ago")
            << QStringLiteral(
                   R"({"title": "W", "strategies": [{"name": "bestsellers", "params": {"event": "view", "window_days": 7}}]})")
            << QStringLiteral("strategies[0] bestsellers: no view events in the last 7 days before 2023-12-01")
            << QStringLiteral("set \"window_days\": 16 or more") << QStringLiteral("the latest is from 2023-11-15");
        QTest::newRow("a fallback") << QStringLiteral(R"({"title": "F", "strategies": [{"name": "new"}],
                                                          "fallback": [{"name": "bestsellers"}]})")
                                    << QStringLiteral("fallback[0] bestsellers: the catalog has no purchase events")
                                    << QStringLiteral("set \"event\": \"view\"") << QString();
    }

    void strategiesWithoutTheirEventsSaySo()
    {
        QFETCH(QString, slot);
        QFETCH(QString, problem);
        QFETCH(QString, fix);
        QFETCH(QString, recommendDetail);
        const auto says = [&](const QByteArray &err) {
            const QString text = QString::fromUtf8(err);
            return text.contains(QStringLiteral("warning: ")) && text.contains(problem) && text.contains(fix);
        };
        const QString file = write(QStringLiteral("empty.json"), slot.toUtf8());
        const CliRun save
            = cli({QStringLiteral("slot"), QStringLiteral("save"), QStringLiteral("empty"), QStringLiteral("--json"),
                      file},
                m_views);
        QVERIFY2(save.exitCode == 0, save.describe().constData());

        // recommend, evaluate and train all say it, naming the parameter to change.
        const CliRun recommend = cli({QStringLiteral("recommend"), QStringLiteral("--slot"), QStringLiteral("empty"),
                                      QStringLiteral("--user"), QStringLiteral("1"), QStringLiteral("--as-of"),
                                      QStringLiteral("2023-12-01")},
            m_views);
        QVERIFY2(recommend.exitCode == 0, recommend.describe().constData());
        QVERIFY2(says(recommend.err), recommend.err.constData());
        QVERIFY2(QString::fromUtf8(recommend.err).contains(recommendDetail), recommend.err.constData());
        const CliRun json = cli({QStringLiteral("--json"), QStringLiteral("recommend"), QStringLiteral("--slot"),
                                 QStringLiteral("empty"), QStringLiteral("--as-of"), QStringLiteral("2023-12-01")},
            m_views);
        QVERIFY(json.json().value(QStringLiteral("warnings")).toArray().first().toString().contains(problem));

        const CliRun evaluate = cli({QStringLiteral("evaluate"), QStringLiteral("--slot"), QStringLiteral("empty"),
                                     QStringLiteral("--as-of"), QStringLiteral("2023-12-01")},
            m_views);
        QVERIFY2(evaluate.exitCode == 0, evaluate.describe().constData());
        QVERIFY2(says(evaluate.err), evaluate.err.constData());

        const CliRun train = cli({QStringLiteral("train"), QStringLiteral("--as-of"), QStringLiteral("2023-12-01")}, m_views);
        QVERIFY2(train.exitCode == 0, train.describe().constData());
        QVERIFY2(says(train.err), train.err.constData());
        QVERIFY2(train.err.contains("warning: slot empty: "), train.err.constData());
    }

    void strategiesWithTheirEventsSayNothing()
    {
        // The demo has purchases: its bestsellers slot runs without a warning.
        const CliRun run = cli({QStringLiteral("--json"), QStringLiteral("recommend"), QStringLiteral("--slot"),
            QStringLiteral("home-bestsellers")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(!run.json().contains(QStringLiteral("warnings")));
        QVERIFY2(!run.err.contains("warning"), run.err.constData());
    }

    void trainChoosesThePersonalModelAndRecommendUsesIt()
    {
        const QString catalog = m_dir.filePath(QStringLiteral("personal.vitrine"));
        QVERIFY(QFile::copy(m_catalog, catalog));
        const CliRun train = cli({QStringLiteral("--json"), QStringLiteral("train"), QStringLiteral("--models"),
                                     QStringLiteral("personal")},
            catalog);
        QVERIFY2(train.exitCode == 0, train.describe().constData());
        const QJsonObject choice = train.json().value(QStringLiteral("personal_choice")).toObject();
        QVERIFY2(!choice.isEmpty(), train.out.constData());
        QVERIFY(choice.value(QStringLiteral("validation_people")).toInt() > 0);
        // Every candidate has its validation figure; the one kept is the best of them.
        const QJsonArray candidates = choice.value(QStringLiteral("candidates")).toArray();
        QStringList labels;
        double best = -1;
        QJsonObject winner;
        for (const QJsonValue &value : candidates) {
            const QJsonObject candidate = value.toObject();
            labels.append(candidate.value(QStringLiteral("label")).toString());
            if (candidate.value(QStringLiteral("ndcg")).toDouble() > best) {
                best = candidate.value(QStringLiteral("ndcg")).toDouble();
                winner = candidate;
            }
        }
        QVERIFY2(labels.contains(QStringLiteral("EASE λ=500")), qPrintable(labels.join(QLatin1Char(','))));
        QVERIFY(labels.contains(QStringLiteral("EASE λ=50")));
        QVERIFY(labels.contains(QStringLiteral("iALS")));
        QVERIFY(labels.contains(QStringLiteral("item neighbours")));
        QCOMPARE(choice.value(QStringLiteral("kind")).toString(), winner.value(QStringLiteral("kind")).toString());
        // The winner is the model trained and kept for `recommend`.
        QStringList cached;
        for (const QJsonValue &value : train.json().value(QStringLiteral("cached_models")).toArray())
            cached.append(value.toObject().value(QStringLiteral("name")).toString());
        const QString expected = winner.value(QStringLiteral("kind")).toString() == QLatin1String("ials")
            ? QStringLiteral("ials:")
            : QStringLiteral("%1:lambda=%2:binary=%3")
                  .arg(winner.value(QStringLiteral("neighbours")).toBool() ? QStringLiteral("neighbours")
                                                                           : QStringLiteral("ease"))
                  .arg(winner.value(QStringLiteral("lambda")).toDouble())
                  .arg(winner.value(QStringLiteral("binary")).toBool() ? 1 : 0);
        QVERIFY2(std::any_of(cached.begin(), cached.end(), [&](const QString &name) { return name.startsWith(expected); }),
            qPrintable(cached.join(QLatin1Char(' '))));
        QVERIFY(cached.contains(QStringLiteral("personal:choice")));

        // The text output says what was chosen, with the figures.
        const CliRun text = cli({QStringLiteral("train"), QStringLiteral("--models"), QStringLiteral("personal")}, catalog);
        QVERIFY2(text.out.contains("personal: ") && text.out.contains("chosen by NDCG@10"), text.out.constData());
        // Explicit parameters are kept as written: no contest.
        const CliRun fixed = cli({QStringLiteral("--json"), QStringLiteral("evaluate"), QStringLiteral("--strategy"),
            QStringLiteral("personal"), QStringLiteral("--params"), QStringLiteral(R"({"ease": {"lambda": 300}})")});
        QVERIFY2(fixed.exitCode == 0, fixed.describe().constData());
    }

    void tuneUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("tune a strategy") << QStringList {QStringLiteral("--strategy"), QStringLiteral("ease"),
            QStringLiteral("--tune")} << QStringLiteral("name the slot with --slot KEY");
        QTest::newRow("save without tune") << QStringList {QStringLiteral("--slot"), QStringLiteral("home-for-you"),
            QStringLiteral("--save")} << QStringLiteral("--save stores what --tune found");
        QTest::newRow("tune by segment") << QStringList {QStringLiteral("--slot"), QStringLiteral("home-for-you"),
            QStringLiteral("--tune"), QStringLiteral("--by"), QStringLiteral("gender")}
                                         << QStringLiteral("leave out --by and --segments");
    }

    void tuneUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliRun run = cli(QStringList {QStringLiteral("evaluate")} + arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    }

    void tuneNeverLosesToTheBestSingleStrategy()
    {
        const QByteArray before = slotJson(QStringLiteral("home-for-you"));
        const CliRun run = cli({QStringLiteral("--json"), QStringLiteral("evaluate"), QStringLiteral("--slot"),
            QStringLiteral("home-for-you"), QStringLiteral("--tune")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject json = run.json();
        QVERIFY(json.value(QStringLiteral("validation_users")).toInt() > 0);
        const double current
            = json.value(QStringLiteral("current")).toObject().value(QStringLiteral("validation_ndcg@10")).toDouble();
        const double best
            = json.value(QStringLiteral("best")).toObject().value(QStringLiteral("validation_ndcg@10")).toDouble();
        QVERIFY(best >= current);
        // Every strategy alone was tried, and the best blend is at least as good as each.
        const QJsonArray trials = json.value(QStringLiteral("trials")).toArray();
        const int strategies = json.value(QStringLiteral("current"))
                                   .toObject()
                                   .value(QStringLiteral("strategies"))
                                   .toArray()
                                   .size();
        QVERIFY(strategies > 1);
        int alone = 0;
        for (const QJsonValue &value : trials) {
            const QJsonObject trial = value.toObject();
            QVERIFY(trial.value(QStringLiteral("ndcg@10")).toDouble() <= best + 1e-12);
            int used = 0;
            for (const QJsonValue &weight : trial.value(QStringLiteral("weights")).toArray())
                used += weight.toDouble() > 0 ? 1 : 0;
            alone += used == 1 ? 1 : 0;
        }
        QVERIFY2(alone >= strategies, run.out.constData());
        // Both blends carry their figures on the test part; without --save nothing is stored.
        QVERIFY(json.value(QStringLiteral("best")).toObject().value(QStringLiteral("test")).toObject().contains(
            QStringLiteral("ndcg@10")));
        QVERIFY(json.value(QStringLiteral("saved_version")).isNull());
        QCOMPARE(slotJson(QStringLiteral("home-for-you")), before);
    }

    void tuneSaveStoresTheBestAsANewVersion()
    {
        const CliRun run = cli({QStringLiteral("--json"), QStringLiteral("evaluate"), QStringLiteral("--slot"),
            QStringLiteral("home-for-you"), QStringLiteral("--tune"), QStringLiteral("--save")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject json = run.json();
        if (!json.value(QStringLiteral("improved")).toBool())
            QSKIP("the starter blend is already the best on this catalog: nothing to save");
        QCOMPARE(json.value(QStringLiteral("saved_version")).toInt(), 2);
        const QJsonObject stored = QJsonDocument::fromJson(slotJson(QStringLiteral("home-for-you"))).object();
        const QJsonObject best = json.value(QStringLiteral("best")).toObject();
        QCOMPARE(stored.value(QStringLiteral("normalisation")).toString(),
            best.value(QStringLiteral("normalisation")).toString());
        const QJsonArray storedStrategies = stored.value(QStringLiteral("strategies")).toArray();
        const QJsonArray bestStrategies = best.value(QStringLiteral("strategies")).toArray();
        QCOMPARE(storedStrategies.size(), bestStrategies.size());
        for (qsizetype i = 0; i < storedStrategies.size(); ++i) {
            QCOMPARE(storedStrategies.at(i).toObject().value(QStringLiteral("weight")).toDouble(),
                bestStrategies.at(i).toObject().value(QStringLiteral("weight")).toDouble());
        }
        // Tuned again, the stored blend is the one to beat: it is its own best.
        const CliRun again = cli({QStringLiteral("--json"), QStringLiteral("evaluate"), QStringLiteral("--slot"),
            QStringLiteral("home-for-you"), QStringLiteral("--tune")});
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        QCOMPARE(again.json()
                     .value(QStringLiteral("current"))
                     .toObject()
                     .value(QStringLiteral("validation_ndcg@10"))
                     .toDouble(),
            best.value(QStringLiteral("validation_ndcg@10")).toDouble());
    }
};

QTEST_GUILESS_MAIN(TestSlotCommands)
#include "tst_slotcommands.moc"
