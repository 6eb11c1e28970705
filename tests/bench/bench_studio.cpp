// SPDX-License-Identifier: GPL-3.0-or-later
// Studio responsiveness: opens a big catalog in the studio window (offscreen) and measures, with
// a 5 ms timer on the UI thread, the longest event-loop stall while the catalog is read, while
// the items and people tables are scrolled from top to bottom, while an import runs and while a
// model trains. Also how long openCatalog() takes to give the window back. Prints one JSON object.
//
//   QT_QPA_PLATFORM=offscreen bench_studio CATALOG [EVENTS.csv]
//
// CATALOG: e.g. `vitrine-cli --db big.vitrine demo --users 1000000 --items 20000 --events 10000000`.
// EVENTS.csv (optional): events to import while measuring; by default the first 200,000 events
// of the catalog are exported to a temporary file and imported again (the same rows: the
// catalog's content does not change).
#include "session/catalogsession.h"
#include "session/jobrunner.h"
#include "shell/mainwindow.h"
#include "shell/workspacepage.h"

#include "engine/recommendrequest.h"
#include "engine/slotdefinition.h"
#include "storage/database.h"
#include "storage/importer.h"
#include "storage/statement.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace Vitrine;

namespace {

/** Watches the UI thread: a timer that should fire every 5 ms, and the longest gap between two. */
class StallMonitor : public QObject
{
public:
    StallMonitor()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double stall = double(now - m_last) / 1e6 - 5.0;
            m_worst = std::max(m_worst, stall);
            if (stall > 50 && qEnvironmentVariableIsSet("VITRINE_BENCH_STALLS"))
                std::fprintf(stderr, "stall of %.0f ms ending at %.0f ms\n", stall, double(now) / 1e6);
            m_last = now;
        });
    }
    void start()
    {
        m_worst = 0;
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        return std::max(0.0, m_worst);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_worst = 0;
};

/** Runs the event loop until `done()` or `timeoutMs`. */
bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void spinFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/** Scrolls the first table of a page from top to bottom in 40 steps, then Ctrl+End. */
QJsonObject scrollTable(MainWindow &window, Workspace workspace, const QString &tableName, StallMonitor &monitor)
{
    window.setCurrentWorkspace(workspace);
    WorkspacePage *page = window.page(workspace);
    QTableView *table = page ? page->findChild<QTableView *>(tableName) : nullptr;
    if (!table)
        return {{QStringLiteral("error"), QStringLiteral("no table")}};
    // The table's count arrives from a worker; then it is scrolled.
    spinUntil([table] { return table->model()->rowCount() > 0; }, 30000);
    spinFor(300);
    monitor.start();
    QElapsedTimer timer;
    timer.start();
    QScrollBar *bar = table->verticalScrollBar();
    for (int step = 0; step <= 40; ++step) {
        bar->setValue(int(qint64(bar->maximum()) * step / 40));
        spinFor(25);
    }
    table->scrollToBottom();
    spinFor(300);
    const double stall = monitor.stop();
    return {
        {QStringLiteral("rows"), table->model()->rowCount()},
        {QStringLiteral("scroll_ms"), double(timer.elapsed())},
        {QStringLiteral("worst_stall_ms"), stall},
    };
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_studio CATALOG [EVENTS.csv]\n");
        return 1;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    QTemporaryDir scratch;
    QString events = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    if (events.isEmpty()) {
        // The catalog's own first events, as a file to import again (an idempotent import).
        events = scratch.filePath(QStringLiteral("events.csv"));
        Database db;
        QString error;
        if (!db.open(path, Database::OpenMode::ReadOnly, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 2;
        }
        Statement rows = db.prepare(QStringLiteral(
            "SELECT u.external_id, e.ts, i.sku, t.name, e.quantity FROM events e JOIN users u ON u.id = e.user_id "
            "JOIN items i ON i.id = e.item_id JOIN event_types t ON t.id = e.type LIMIT 200000"));
        QFile file(events);
        if (!file.open(QIODevice::WriteOnly))
            return 2;
        file.write("user_id,ts,item_id,type,quantity\n");
        while (rows.step() == Statement::Step::Row) {
            file.write(QStringLiteral("%1,%2,%3,%4,%5\n")
                           .arg(rows.text(0))
                           .arg(rows.int64(1))
                           .arg(rows.text(2), rows.text(3))
                           .arg(rows.int64(4))
                           .toUtf8());
        }
    }

    MainWindow window;
    window.resize(1200, 760);
    window.show();
    StallMonitor monitor;
    QJsonObject result {{QStringLiteral("catalog"), path}};

    // Opening: how soon the window is back, then the worst stall while figures and engine load.
    monitor.start();
    QElapsedTimer timer;
    timer.start();
    QString error;
    if (!window.openCatalog(path, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    const double openMs = double(timer.nsecsElapsed()) / 1e6;
    CatalogSession *session = window.session();
    const bool loaded = spinUntil([session] { return session->stats() && session->engine(); }, 300000);
    result.insert(QStringLiteral("open"),
        QJsonObject {
            {QStringLiteral("window_back_ms"), openMs},
            {QStringLiteral("figures_and_engine_ms"), double(timer.elapsed())},
            {QStringLiteral("loaded"), loaded},
            {QStringLiteral("worst_stall_ms"), monitor.stop()},
        });

    result.insert(QStringLiteral("scroll_items"), scrollTable(window, Workspace::Items, QStringLiteral("itemTable"), monitor));
    result.insert(QStringLiteral("scroll_people"), scrollTable(window, Workspace::People, QStringLiteral("peopleTable"), monitor));

    // An import running as a job (the wizard's way), the window idle on the overview.
    window.setCurrentWorkspace(Workspace::Overview);
    monitor.start();
    timer.restart();
    bool imported = false;
    QString importError;
    session->jobs()->run(
        QStringLiteral("Import"), &window,
        [catalog = session->path(), events](const Progress &progress) {
            Database db;
            ImportReport report;
            QString openError;
            if (!db.open(catalog, Database::OpenMode::ReadWrite, &openError)) {
                report.error = openError;
                return report;
            }
            ImportOptions options;
            options.kind = ImportKind::Events;
            options.path = events;
            return Importer().run(db, options, progress);
        },
        [&imported, &importError](const ImportReport &report) {
            imported = true;
            importError = report.ok ? QString() : report.error;
        });
    spinUntil([&imported] { return imported; }, 600000);
    result.insert(QStringLiteral("import"),
        QJsonObject {
            {QStringLiteral("ms"), double(timer.elapsed())},
            {QStringLiteral("error"), importError},
            {QStringLiteral("worst_stall_ms"), monitor.stop()},
        });
    // The session notices the import (data_version) and reads the engine again: measured too.
    monitor.start();
    timer.restart();
    spinUntil([session] { return !session->isEngineLoading(); }, 300000);
    spinFor(1500);
    spinUntil([session] { return !session->isEngineLoading(); }, 300000);
    result.insert(QStringLiteral("reload_after_import"),
        QJsonObject {{QStringLiteral("ms"), double(timer.elapsed())}, {QStringLiteral("worst_stall_ms"), monitor.stop()}});

    // Training: a slot draft with iALS, run through the engine as a preview would (capped at 120 s).
    monitor.start();
    timer.restart();
    bool trained = false;
    QString trainError;
    QString parseError;
    const auto draft = SlotDefinition::fromJson(QStringLiteral("bench-ials"),
        QJsonDocument::fromJson(R"({"title": "Bench", "strategies": [{"name": "ials"}]})").object(), &parseError);
    Job *job = session->jobs()->run(
        QStringLiteral("Training"), &window,
        [engine = session->engine(), draft](const Progress &progress) {
            RecommendRequest request;
            request.user = 0;
            return engine->recommend(*draft, request, -1, progress);
        },
        [&trained, &trainError](const SlotResult &slot) {
            trained = true;
            trainError = slot.error;
        });
    if (qEnvironmentVariableIsSet("VITRINE_BENCH_STALLS")) {
        QObject::connect(job, &Job::progressChanged, job, [job] {
            std::fprintf(stderr, "%lld ms: %s %.2f\n", job->elapsedMs(), qPrintable(job->stage()), job->fraction());
        });
    }
    QTimer::singleShot(120000, job, &Job::cancel);
    spinUntil([&trained, session] { return trained || session->jobs()->activeJobs().isEmpty(); }, 200000);
    result.insert(QStringLiteral("train"),
        QJsonObject {
            {QStringLiteral("ms"), double(timer.elapsed())},
            {QStringLiteral("finished"), trained},
            {QStringLiteral("error"), trainError.isEmpty() ? parseError : trainError},
            {QStringLiteral("worst_stall_ms"), monitor.stop()},
        });

    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return 0;
}
