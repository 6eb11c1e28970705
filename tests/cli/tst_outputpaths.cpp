// SPDX-License-Identifier: GPL-3.0-or-later
// Where vitrine-cli writes: an output never destroys what its name points at (the catalog, the
// file being read, a device), every write error is an error, and what export writes, import
// reads back exactly. Driven through QProcess, as a script would.
#include "../common/rowsdigest.h"
#include "../reliability/clirunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using Vitrine::Reliability::CliRun;

namespace {

/** What a data row's output name is: the catalog itself, or another spelling of it. */
enum class Spelling
{
    Plain,
    DotSlash,
    SymbolicLink,
    HardLink
};

/** The demo catalog's items, people, events and configuration: equal means nothing changed. */
QByteArray catalogDigest(const QString &path)
{
    Vitrine::Database db;
    if (!db.open(path, Vitrine::Database::OpenMode::ReadOnly, nullptr))
        return {};
    return Vitrine::Testing::dataDigest(db) + Vitrine::Testing::configDigest(db);
}

bool isCharacterDevice(const char *path)
{
    struct stat st
    {
    };
    return ::lstat(path, &st) == 0 && S_ISCHR(st.st_mode);
}

bool isFifo(const QString &path)
{
    struct stat st
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISFIFO(st.st_mode);
}

QStringList expanded(QStringList arguments, const QMap<QString, QString> &names)
{
    for (QString &argument : arguments) {
        for (auto it = names.begin(); it != names.end(); ++it)
            argument.replace(it.key(), it.value());
    }
    return arguments;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

const QByteArray badItems = "sku,title,price\nGOOD1,Good,10\nBAD1,Bad,abc\n";

} // namespace

class TestOutputPaths : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_catalog; ///< a small demo catalog, copied for each case that could change it

    CliRun cli(const QString &catalog, const QStringList &arguments, const QString &stdoutFile = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("VITRINE_DB"), catalog);
        process.setProcessEnvironment(environment);
        if (!stdoutFile.isEmpty())
            process.setStandardOutputFile(stdoutFile, QIODevice::Append);
        process.start(QStringLiteral(VITRINE_CLI), QStringList {QStringLiteral("-q")} + arguments);
        process.waitForFinished(-1);
        return Vitrine::Reliability::finished(process);
    }

    /** A folder name of its own for the current data row. */
    static QString caseFolder(const char *prefix)
    {
        return QString::fromLatin1(prefix) + QLatin1Char('-')
            + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
    }

    /** A fresh folder holding a copy of the demo catalog named `name`. */
    QString freshCatalog(const QString &folder, const QString &name)
    {
        const QString path = QDir(m_dir.filePath(folder)).filePath(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        return Vitrine::Reliability::copyCatalog(m_catalog, path) ? path : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_catalog = m_dir.filePath(QStringLiteral("demo.vitrine"));
        const CliRun run = cli(m_catalog,
            {QStringLiteral("demo"), QStringLiteral("--users"), QStringLiteral("60"),
                QStringLiteral("--items"), QStringLiteral("40"), QStringLiteral("--events"),
                QStringLiteral("1500"), QStringLiteral("--seed"), QStringLiteral("3"),
                QStringLiteral("--end"), QStringLiteral("2026-11-01")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
    }

    // Issue 10.1: an output that is the open catalog or one of its files is refused, whatever
    // its spelling and whatever the catalog is called; the catalog stays as it was.
    void outputOverTheCatalogIsRefused_data()
    {
        QTest::addColumn<QString>("catalogName");
        QTest::addColumn<int>("spelling");
        QTest::addColumn<QStringList>("arguments"); // {catalog}, {output}, {input}, {dir}
        QTest::addColumn<QString>("message");
        const QString catalogMessage = QStringLiteral("is the catalog; writing there would destroy it");
        const auto s = [](const char *text) {
            return QString::fromLatin1(text);
        };
        const QStringList exportItems {s("export"), s("items"), s("--out"), s("{output}")};
        QTest::newRow("export, catalog named *.csv")
            << s("cat.csv") << int(Spelling::Plain) << exportItems << catalogMessage;
        QTest::newRow("export, catalog named *.json")
            << s("cat.json") << int(Spelling::Plain)
            << QStringList {s("export"), s("users"), s("--out"), s("{output}")} << catalogMessage;
        QTest::newRow("export through ./")
            << s("cat.csv") << int(Spelling::DotSlash) << exportItems << catalogMessage;
        QTest::newRow("export through a symbolic link")
            << s("cat.csv") << int(Spelling::SymbolicLink) << exportItems << catalogMessage;
        QTest::newRow("export through a hard link")
            << s("cat.csv") << int(Spelling::HardLink) << exportItems << catalogMessage;
        QTest::newRow("export segment")
            << s("cat.csv") << int(Spelling::Plain)
            << QStringList {s("export"), s("segment"), s("vip"), s("--out"), s("{output}")} << catalogMessage;
        QTest::newRow("segment export")
            << s("cat.json") << int(Spelling::SymbolicLink)
            << QStringList {s("segment"), s("export"), s("vip"), s("--out"), s("{output}")} << catalogMessage;
        QTest::newRow("config export")
            << s("cat.json") << int(Spelling::Plain) << QStringList {s("config"), s("export"), s("{output}")}
            << catalogMessage;
        QTest::newRow("config export through a hard link")
            << s("cat.json") << int(Spelling::HardLink)
            << QStringList {s("config"), s("export"), s("{output}")} << catalogMessage;
        const QStringList rejects {
            s("import"), s("items"), s("{input}"), s("--skip-bad"), s("--rejects"), s("{output}")};
        QTest::newRow("import --rejects the catalog")
            << s("cat.vitrine") << int(Spelling::Plain) << rejects << catalogMessage;
        QTest::newRow("import --rejects through a symbolic link")
            << s("cat.vitrine") << int(Spelling::SymbolicLink) << rejects << catalogMessage;
        QTest::newRow("import --rejects the catalog's -wal")
            << s("cat.vitrine") << int(Spelling::Plain)
            << QStringList {s("import"), s("items"), s("{input}"), s("--skip-bad"), s("--rejects"),
                   s("{catalog}-wal")}
            << s("belongs to the catalog");
        QTest::newRow("import --rejects the file being imported")
            << s("cat.vitrine") << int(Spelling::Plain)
            << QStringList {s("import"), s("items"), s("{input}"), s("--skip-bad"), s("--rejects"),
                   s("{dir}/./bad.csv")}
            << s("is the file being read");
        QTest::newRow("import --skip-bad whose default rejects file is the catalog")
            << s("bad.csv.rejected.csv") << int(Spelling::Plain)
            << QStringList {s("import"), s("items"), s("{input}"), s("--skip-bad")} << catalogMessage;
        QTest::newRow("preview --html")
            << s("cat.html") << int(Spelling::Plain)
            << QStringList {s("preview"), s("--layout"), s("home"), s("--html"), s("{output}")}
            << catalogMessage;
        QTest::newRow("email render --out")
            << s("cat.eml") << int(Spelling::SymbolicLink)
            << QStringList {s("email"), s("render"), s("--campaign"), s("weekly-newsletter"), s("--user"),
                   s("U00001"), s("--out"), s("{output}")}
            << catalogMessage;
        QTest::newRow("email export --out FILE.jsonl")
            << s("cat.jsonl") << int(Spelling::Plain)
            << QStringList {s("email"), s("export"), s("--campaign"), s("weekly-newsletter"), s("--out"),
                   s("{output}")}
            << catalogMessage;
    }

    void outputOverTheCatalogIsRefused()
    {
        QFETCH(QString, catalogName);
        QFETCH(int, spelling);
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QString folder = caseFolder("over");
        const QString catalog = freshCatalog(folder, catalogName);
        QVERIFY(!catalog.isEmpty());
        const QString dir = QFileInfo(catalog).absolutePath();
        const QString input = QDir(dir).filePath(QStringLiteral("bad.csv"));
        QVERIFY(writeFile(input, badItems));
        QString output = catalog;
        switch (Spelling(spelling)) {
        case Spelling::Plain:
            break;
        case Spelling::DotSlash:
            output = dir + QStringLiteral("/./") + catalogName;
            break;
        case Spelling::SymbolicLink:
            output = QDir(dir).filePath(QStringLiteral("link-") + catalogName);
            QVERIFY(QFile::link(catalog, output));
            break;
        case Spelling::HardLink:
            output = QDir(dir).filePath(QStringLiteral("hard-") + catalogName);
            QCOMPARE(
                ::link(QFile::encodeName(catalog).constData(), QFile::encodeName(output).constData()), 0);
            break;
        }
        const QByteArray before = catalogDigest(catalog);
        QVERIFY(!before.isEmpty());
        const QByteArray inputBefore = Vitrine::Testing::fileDigest(input);

        const CliRun run = cli(catalog,
            expanded(arguments,
                {{QStringLiteral("{output}"), output}, {QStringLiteral("{catalog}"), catalog},
                    {QStringLiteral("{input}"), input}, {QStringLiteral("{dir}"), dir}}));
        QVERIFY2(run.exitCode == 2, run.describe().constData());
        QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
        QCOMPARE(catalogDigest(catalog), before);
        QCOMPARE(Vitrine::Testing::fileDigest(input), inputBefore);
        QVERIFY(!QFileInfo::exists(catalog + QStringLiteral("-wal"))
            || QFileInfo(catalog + QStringLiteral("-wal")).size() == 0);
        if (Spelling(spelling) == Spelling::SymbolicLink)
            QVERIFY(QFileInfo(output).isSymLink());
        QCOMPARE(cli(catalog, {QStringLiteral("stats")}).exitCode, 0);
    }

    // Issue 10.1: a device or a pipe is written in place, never replaced by a file.
    void devicesAreWrittenInPlace_data()
    {
        QTest::addColumn<QStringList>("arguments"); // {dir}, {input}
        QTest::addColumn<QString>("link"); // a link {dir}/NAME to the device, or empty
        QTest::addColumn<QString>("device");
        QTest::addColumn<QByteArray>("stdoutHas");
        const auto s = [](const char *text) {
            return QString::fromLatin1(text);
        };
        QTest::newRow("import --rejects /dev/null")
            << QStringList {s("import"), s("items"), s("{input}"), s("--skip-bad"), s("--rejects"),
                   s("/dev/null")}
            << QString() << s("/dev/null") << QByteArray("Skipped 1 bad rows");
        QTest::newRow("export --out a link to /dev/null")
            << QStringList {s("export"), s("items"), s("--out"), s("{dir}/null.csv")} << s("null.csv")
            << s("/dev/null") << QByteArray("Wrote 40 items");
        QTest::newRow("config export to a link to /dev/null")
            << QStringList {s("config"), s("export"), s("{dir}/null.json")} << s("null.json")
            << s("/dev/null") << QByteArray("Wrote the configuration");
        QTest::newRow("preview --html /dev/stdout")
            << QStringList {s("preview"), s("--layout"), s("home"), s("--html"), s("/dev/stdout")}
            << QString() << s("/dev/stdout") << QByteArray("<html");
        QTest::newRow("config export to a link to /dev/stdout")
            << QStringList {s("config"), s("export"), s("{dir}/stdout.json")} << s("stdout.json")
            << s("/dev/stdout") << QByteArray("\"vitrine-config\"");
        QTest::newRow("config export -") << QStringList {s("config"), s("export"), s("-")} << QString()
                                         << s("/dev/stdout") << QByteArray("\"vitrine-config\"");
    }

    void devicesAreWrittenInPlace()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, link);
        QFETCH(QString, device);
        QFETCH(QByteArray, stdoutHas);
        const QString folder = caseFolder("device");
        const QString catalog = freshCatalog(folder, QStringLiteral("cat.vitrine"));
        const QString dir = QFileInfo(catalog).absolutePath();
        const QString input = QDir(dir).filePath(QStringLiteral("bad.csv"));
        QVERIFY(writeFile(input, badItems));
        if (!link.isEmpty())
            QVERIFY(QFile::link(device, QDir(dir).filePath(link)));
        const CliRun run = cli(catalog,
            expanded(arguments, {{QStringLiteral("{dir}"), dir}, {QStringLiteral("{input}"), input}}));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.contains(stdoutHas), run.out.left(400).constData());
        QVERIFY(isCharacterDevice("/dev/null"));
        if (!link.isEmpty())
            QVERIFY(QFileInfo(QDir(dir).filePath(link)).isSymLink());
        // Nothing was left beside the device either.
        QVERIFY(QDir(QStringLiteral("/dev"))
                    .entryList({QStringLiteral("null.*"), QStringLiteral("stdout.*")}, QDir::Files)
                    .isEmpty());
    }

    void fifoIsWrittenInPlace()
    {
        const QString dir = m_dir.filePath(QStringLiteral("fifo"));
        QVERIFY(QDir().mkpath(dir));
        const QString fifo = QDir(dir).filePath(QStringLiteral("items.csv"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QProcess reader;
        reader.start(QStringLiteral("cat"), {fifo});
        QVERIFY(reader.waitForStarted());
        const CliRun run = cli(
            m_catalog, {QStringLiteral("export"), QStringLiteral("items"), QStringLiteral("--out"), fifo});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(reader.waitForFinished(30000));
        const QByteArray received = reader.readAllStandardOutput();
        QVERIFY2(received.startsWith("sku,title,kind"), received.left(200).constData());
        QCOMPARE(received.count('\n'), 41); // the header and 40 items
        QVERIFY(isFifo(fifo));
        QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System),
            QStringList {QStringLiteral("items.csv")});
    }

    // Issue 10.1: a write error on a device or on standard output is exit 2 with the reason, and
    // an import whose rejects cannot be written imports nothing.
    void writeErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments"); // {dir}, {input}
        QTest::addColumn<bool>("stdoutIsFull");
        QTest::addColumn<QByteArray>("message");
        const auto s = [](const char *text) {
            return QString::fromLatin1(text);
        };
        const QByteArray full = "No space left on device";
        QTest::newRow("export --out a link to /dev/full") << QStringList {s("export"), s("items"), s("--out"),
            s("{dir}/full.csv")} << false << QByteArray("full.csv: cannot write: ") + full;
        QTest::newRow("export segment --out a link to /dev/full") << QStringList {s("export"), s("segment"),
            s("vip"), s("--out"), s("{dir}/full.json")} << false << full;
        QTest::newRow("config export to a link to /dev/full")
            << QStringList {s("config"), s("export"), s("{dir}/full.json")} << false << full;
        QTest::newRow("import --rejects /dev/full")
            << QStringList {s("import"), s("items"), s("{input}"), s("--skip-bad"), s("--rejects"),
                   s("/dev/full")}
            << false << QByteArray("cannot write the rejected rows: /dev/full: cannot write: ") + full;
        QTest::newRow("preview --html /dev/full") << QStringList {s("preview"), s("--layout"), s("home"),
            s("--html"), s("/dev/full")} << false << full;
        QTest::newRow("stats, standard output on /dev/full")
            << QStringList {s("stats")} << true << QByteArray("standard output: cannot write: ") + full;
        QTest::newRow("config export -, standard output on /dev/full") << QStringList {
            s("config"), s("export"), s("-")} << true << QByteArray("standard output: cannot write: ") + full;
        QTest::newRow("export, its report on /dev/full") << QStringList {s("export"), s("items"), s("--out"),
            s("{dir}/items.csv")} << true << QByteArray("standard output: cannot write: ") + full;
    }

    void writeErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, stdoutIsFull);
        QFETCH(QByteArray, message);
        const QString folder = caseFolder("full");
        const QString catalog = freshCatalog(folder, QStringLiteral("cat.vitrine"));
        const QString dir = QFileInfo(catalog).absolutePath();
        const QString input = QDir(dir).filePath(QStringLiteral("bad.csv"));
        QVERIFY(writeFile(input, badItems));
        QVERIFY(QFile::link(QStringLiteral("/dev/full"), QDir(dir).filePath(QStringLiteral("full.csv"))));
        QVERIFY(QFile::link(QStringLiteral("/dev/full"), QDir(dir).filePath(QStringLiteral("full.json"))));
        const QByteArray before = catalogDigest(catalog);
        const CliRun run = cli(catalog,
            expanded(arguments, {{QStringLiteral("{dir}"), dir}, {QStringLiteral("{input}"), input}}),
            stdoutIsFull ? QStringLiteral("/dev/full") : QString());
        QVERIFY2(run.exitCode == 2, run.describe().constData());
        QVERIFY2(run.err.contains(message), run.err.constData());
        QCOMPARE(catalogDigest(catalog), before); // the import's good row was not kept either
        QVERIFY(isCharacterDevice("/dev/full"));
    }

    // Issue 10.1: email export never deletes a DIR.partial it did not create.
    void emailExportRefusesAnExistingPartialFolder()
    {
        const QString dir = m_dir.filePath(QStringLiteral("partial"));
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/send.partial")));
        const QString keep = dir + QStringLiteral("/send.partial/keep.txt");
        QVERIFY(writeFile(keep, "someone else's\n"));
        const CliRun run = cli(m_catalog,
            {QStringLiteral("email"), QStringLiteral("export"), QStringLiteral("--campaign"),
                QStringLiteral("weekly-newsletter"), QStringLiteral("--out"), dir + QStringLiteral("/send")});
        QVERIFY2(run.exitCode == 2, run.describe().constData());
        QVERIFY2(run.err.contains("send.partial: already exists and is not what a stopped export left"),
            run.err.constData());
        QCOMPARE(readAll(keep), QByteArray("someone else's\n"));
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/send")));
        // One marked as being built by a process that is running (this test) is refused too.
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/busy.partial")));
        QVERIFY(writeFile(dir + QStringLiteral("/busy.partial/.vitrine-export"),
            QByteArray::number(QCoreApplication::applicationPid())));
        const CliRun busy = cli(m_catalog,
            {QStringLiteral("email"), QStringLiteral("export"), QStringLiteral("--campaign"),
                QStringLiteral("weekly-newsletter"), QStringLiteral("--out"), dir + QStringLiteral("/busy")});
        QVERIFY2(busy.exitCode == 2, busy.describe().constData());
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/busy.partial/.vitrine-export")));
        // (One left by a killed export is cleared and the export goes on: tst_crashsafety.)
        // With the name free, the export works and leaves no .partial behind.
        const CliRun again = cli(m_catalog,
            {QStringLiteral("email"), QStringLiteral("export"), QStringLiteral("--campaign"),
                QStringLiteral("weekly-newsletter"), QStringLiteral("--out"),
                dir + QStringLiteral("/other")});
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/other/report.json")));
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/other/.vitrine-export")));
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/other.partial")));
    }

    // Issue 10.1: demo --replace through a symbolic link replaces the catalog it names.
    void demoReplaceThroughASymbolicLink()
    {
        const QString target = freshCatalog(QStringLiteral("demo-link/real"), QStringLiteral("cat.vitrine"));
        const QString link = m_dir.filePath(QStringLiteral("demo-link/link.vitrine"));
        QVERIFY(QFile::link(target, link));
        const CliRun run = cli(link,
            {QStringLiteral("demo"), QStringLiteral("--replace"), QStringLiteral("--users"),
                QStringLiteral("25"), QStringLiteral("--items"), QStringLiteral("20"),
                QStringLiteral("--events"), QStringLiteral("300"), QStringLiteral("--end"),
                QStringLiteral("2026-11-01")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(QFileInfo(link).symLinkTarget(), target);
        QCOMPARE(Vitrine::Reliability::queryCount(target, QStringLiteral("SELECT count(*) FROM users")), 25);
        QVERIFY(!QFileInfo::exists(target + QStringLiteral(".building")));
        QVERIFY(!QFileInfo::exists(link + QStringLiteral(".building")));
    }

    // Issue 10.1: a failed demo leaves no half-built catalog beside the target.
    void failedDemoLeavesNoBuildingFile()
    {
        const QString dir = m_dir.filePath(QStringLiteral("demo-fail"));
        QVERIFY(QDir().mkpath(dir));
        const QString path = QDir(dir).filePath(QStringLiteral("cat.vitrine"));
        // A folder where SQLite must create the new catalog's write-ahead log: opening it fails.
        QVERIFY(QDir().mkpath(path + QStringLiteral(".building-wal")));
        const CliRun run = cli(path,
            {QStringLiteral("demo"), QStringLiteral("--users"), QStringLiteral("10"),
                QStringLiteral("--items"), QStringLiteral("10"), QStringLiteral("--events"),
                QStringLiteral("50")});
        QVERIFY2(run.exitCode == 2, run.describe().constData());
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".building")));
        QVERIFY(!QFileInfo::exists(path));
    }

    void demoRefusesToReplaceADevice()
    {
        const CliRun run = cli(QStringLiteral("/dev/null"),
            {QStringLiteral("demo"), QStringLiteral("--replace"), QStringLiteral("--users"),
                QStringLiteral("5"), QStringLiteral("--items"), QStringLiteral("5"),
                QStringLiteral("--events"), QStringLiteral("10")});
        QVERIFY2(run.exitCode == 2, run.describe().constData());
        QVERIFY2(run.err.contains("is not a catalog file"), run.err.constData());
        QVERIFY(isCharacterDevice("/dev/null"));
        QVERIFY(!QFileInfo::exists(QStringLiteral("/dev/null.building")));
    }

    // Issue 10.6: what import accepts, export writes and import reads back to the same file.
    void edgeValuesRoundTrip_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("csv") << QStringLiteral("csv");
        QTest::newRow("json") << QStringLiteral("json");
    }

    void edgeValuesRoundTrip()
    {
        QFETCH(QString, format);
        const QString dir = m_dir.filePath(QStringLiteral("roundtrip-") + format);
        QVERIFY(QDir().mkpath(dir));
        const auto path = [&dir](const QString &name) {
            return QDir(dir).filePath(name);
        };
        QVERIFY(writeFile(path(QStringLiteral("items.csv")),
            "sku,title,price,sale_price,stock,created_at\n"
            "Y0,Year zero,100000,100000,100000,0000-01-01T00:00:00Z\n"
            "Y1,Year one,0.1,1e-7,9007199254740993,0001-01-01\n"
            "Y9,Last second,1e-7,,0,9999-12-31T23:59:59Z\n"
            "E0,Epoch,0,0,0,0\n"
            "NEG,Before the epoch,19.99,9.5,1,-1\n"
            "MAX,Largest Unix seconds,1e15,,9223372036854775807,253402300799\n"
            "MIN,Smallest Unix seconds,123456.789,,,-62167219200\n"
            "ZONE,With a zone,2.5,,,9999-12-31T23:59:59+01:00\n"));
        QVERIFY(writeFile(path(QStringLiteral("users.csv")),
            "external_id,name,birth_year,created_at\n"
            "P1,Zero,1900,0000-02-29T12:00:00Z\n" // 0000 is a leap year
            "P2,Nine,2100,9999-12-31T23:59:59Z\n"));
        QVERIFY(writeFile(path(QStringLiteral("events.csv")),
            "user_id,item_id,type,ts,quantity,value\n"
            "P1,Y0,purchase,0000-01-01T00:00:00Z,65535,100000\n"
            "P1,Y1,purchase,253402300799,65535,0.1\n"
            "P2,Y9,view,-62167219200,1,1e-7\n"
            "P2,E0,purchase,0,3,123456789012.5\n"));
        const QString first = path(QStringLiteral("first.vitrine"));
        const QString second = path(QStringLiteral("second.vitrine"));
        for (const char *kind : {"items", "users", "events"}) {
            // Events of the year 9999 are in the future: said to be intended (issue 10.5).
            const CliRun run = cli(first,
                {QStringLiteral("import"), QLatin1String(kind),
                    path(QLatin1String(kind) + QStringLiteral(".csv")), QStringLiteral("--allow-future")});
            QVERIFY2(run.exitCode == 0, run.describe().constData());
        }
        for (const char *kind : {"items", "users", "events"}) {
            const QString once = path(QStringLiteral("once-%1.%2").arg(QLatin1String(kind), format));
            const QString twice = path(QStringLiteral("twice-%1.%2").arg(QLatin1String(kind), format));
            CliRun run
                = cli(first, {QStringLiteral("export"), QLatin1String(kind), QStringLiteral("--out"), once});
            QVERIFY2(run.exitCode == 0, run.describe().constData());
            run = cli(second, {QStringLiteral("import"), QLatin1String(kind), once, QStringLiteral("--allow-future")});
            QVERIFY2(run.exitCode == 0, (QByteArray(kind) + ": " + run.describe()).constData());
            run = cli(
                second, {QStringLiteral("export"), QLatin1String(kind), QStringLiteral("--out"), twice});
            QVERIFY2(run.exitCode == 0, run.describe().constData());
            QCOMPARE(readAll(twice), readAll(once));
        }
        QCOMPARE(catalogDigest(second).left(32), catalogDigest(first).left(32)); // the data, id for id

        // What the export holds: every time written out, whole numbers without an exponent.
        const QByteArray items = readAll(path(QStringLiteral("once-items.") + format));
        for (const char *text : {"0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                 "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "9999-12-31T22:59:59Z",
                 "9223372036854775807", "9007199254740993", "1000000000000000", "123456.789", "1e-07"})
            QVERIFY2(items.contains(text), text);
        QVERIFY2(!items.contains("e+"), items.constData());
        QVERIFY(format == QLatin1String("csv") ? items.contains("100000,100000,100000,")
                                               : items.contains("\"price\":100000,"));
        const QByteArray users = readAll(path(QStringLiteral("once-users.") + format));
        QVERIFY(users.contains("0000-02-29T12:00:00Z"));
        const QByteArray events = readAll(path(QStringLiteral("once-events.") + format));
        QVERIFY2(events.contains("123456789012.5") && !events.contains("e+"), events.constData());
    }

    // Issue 10.6: a time that cannot be written back is refused on import, with the reason.
    void timesOutsideTheWritableYearsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("one second after 9999") << QByteArray("253402300800");
        QTest::newRow("one second before 0000") << QByteArray("-62167219201");
        QTest::newRow("twelve digits") << QByteArray("999999999999");
        QTest::newRow("negative twelve digits") << QByteArray("-999999999999");
        QTest::newRow("9999 pushed over by its zone") << QByteArray("9999-12-31T23:30:00-01:00");
        QTest::newRow("0000 pushed under by its zone") << QByteArray("0000-01-01T00:30:00+01:00");
    }

    void timesOutsideTheWritableYearsAreRefused()
    {
        QFETCH(QByteArray, value);
        const QString dir = m_dir.filePath(QStringLiteral("range"));
        QVERIFY(QDir().mkpath(dir));
        const QString catalog = freshCatalog(QStringLiteral("range"), QStringLiteral("cat.vitrine"));
        const QString file = QDir(dir).filePath(QStringLiteral("far.csv"));
        QVERIFY(writeFile(file, "sku,title,created_at\nFAR,Far off," + value + '\n'));
        const QByteArray before = catalogDigest(catalog);
        const CliRun run = cli(catalog, {QStringLiteral("import"), QStringLiteral("items"), file});
        QVERIFY2(run.exitCode == 2, run.describe().constData());
        QVERIFY2(run.err.contains(
                     "far.csv:2: field 'created_at': \"" + value + "\" is outside the years 0000 to 9999"),
            run.err.constData());
        QCOMPARE(catalogDigest(catalog), before);
        // Events name the same range.
        const QString events = QDir(dir).filePath(QStringLiteral("far-events.csv"));
        QVERIFY(writeFile(events, "user_id,item_id,ts\nU00001,SKU-00001," + value + '\n'));
        const CliRun eventRun = cli(catalog, {QStringLiteral("import"), QStringLiteral("events"), events});
        QVERIFY2(eventRun.exitCode == 2, eventRun.describe().constData());
        QVERIFY2(eventRun.err.contains("field 'ts': \"" + value + "\" is outside the years 0000 to 9999"),
            eventRun.err.constData());
        QCOMPARE(catalogDigest(catalog), before);
    }
};

QTEST_GUILESS_MAIN(TestOutputPaths)
#include "tst_outputpaths.moc"
