// SPDX-License-Identifier: GPL-3.0-or-later
// Live counts of the rule builder: how long after an edit the Audience workspace shows the new
// member count and the count of every row, on the default demo catalog (20,000 people, 5,000
// items, 1,000,000 events). Opens the workspace offscreen, waits until the audience is read,
// then replays the edits of building a segment step by step, each RUNS times, and times:
//   edit_to_count_ms: from the edit (as the builder reports it) to the count on screen;
//   ui_ms: the part of that spent on the UI thread in the edit itself (undo command, rebuild);
//   job_ms: the count on the worker (SegmentEvaluator::funnel with the drafts in place).
// The first run of each edit is reported apart (first_time_ms): it also computes what the
// engine keeps for later (an affinity column, a referenced segment's features).
// Prints one JSON object.
//
//   QT_QPA_PLATFORM=offscreen bench_audience CATALOG [RUNS]
//
// CATALOG is created as the default demo (`vitrine-cli demo`) when it does not exist.
#include "audience/audiencepage.h"
#include "audience/rulebuilder.h"
#include "demo/democatalogfile.h"
#include "demo/demogenerator.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"
#include "session/undocommands.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Vitrine;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

double maximum(const std::vector<double> &values)
{
    return values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

/** Waits (processing events) until `done` or `timeoutMs`; false on timeout. */
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_audience CATALOG [RUNS]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 15;
    if (!QFileInfo::exists(path)) {
        std::fprintf(stderr, "creating the default demo catalog at %s …\n", argv[1]);
        const DemoResult made = createDemoCatalogFile(path, DemoOptions(), false);
        if (!made.ok) {
            std::fprintf(stderr, "%s\n", qPrintable(made.error));
            return 1;
        }
    }
    QString error;
    auto session = CatalogSession::open(path, &error);
    if (!session) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    AudiencePage page(session.get());
    page.resize(1280, 800);
    page.show();
    QElapsedTimer opening;
    opening.start();
    if (!waitUntil([&] { return session->engine() != nullptr; }, 300000)) {
        std::fprintf(stderr, "the engine did not load\n");
        return 1;
    }
    page.newSegment();
    int counts = 0;
    QObject::connect(&page, &AudiencePage::counted, &page, [&counts] { ++counts; });
    if (!waitUntil([&] { return counts > 0; }, 300000)) {
        std::fprintf(stderr, "the first count did not arrive\n");
        return 1;
    }
    const double firstCountMs = double(opening.elapsed());

    // Building "engaged Danish buyers" step by step, as a marketer would.
    const QList<std::pair<QString, QJsonObject>> steps {
        {QStringLiteral("1 behaviour"), json(R"({"behaviour": {"event": "purchase", "within_days": 90}})")},
        {QStringLiteral("+ value"), json(R"({"all": [{"behaviour": {"event": "purchase", "within_days": 90}},
            {"value": {"measure": "monetary", "min": 200}}]})")},
        {QStringLiteral("+ profile"), json(R"({"all": [{"behaviour": {"event": "purchase", "within_days": 90}},
            {"value": {"measure": "monetary", "min": 200}}, {"profile": {"field": "age", "min": 25, "max": 44}}]})")},
        {QStringLiteral("+ any group"), json(R"({"all": [{"behaviour": {"event": "purchase", "within_days": 90}},
            {"value": {"measure": "monetary", "min": 200}}, {"profile": {"field": "age", "min": 25, "max": 44}},
            {"any": [{"behaviour": {"event": ["view", "cart"], "at_least": 5, "within_days": 30}},
                     {"value": {"measure": "frequency_score", "min": 4}}]}]})")},
        {QStringLiteral("+ affinity + segment"), json(R"({"all": [{"behaviour": {"event": "purchase", "within_days": 90}},
            {"value": {"measure": "monetary", "min": 200}}, {"profile": {"field": "age", "min": 25, "max": 44}},
            {"any": [{"behaviour": {"event": ["view", "cart"], "at_least": 5, "within_days": 30}},
                     {"value": {"measure": "frequency_score", "min": 4}}]},
            {"affinity": {"category": "Outdoor", "at_least": 0.1}},
            {"not": {"segment": "lapsed"}}]})")},
        {QStringLiteral("typing a number"), json(R"({"all": [{"behaviour": {"event": "purchase", "within_days": 90}},
            {"value": {"measure": "monetary", "min": 350}}, {"profile": {"field": "age", "min": 25, "max": 44}},
            {"any": [{"behaviour": {"event": ["view", "cart"], "at_least": 5, "within_days": 30}},
                     {"value": {"measure": "frequency_score", "min": 4}}]},
            {"affinity": {"category": "Outdoor", "at_least": 0.1}},
            {"not": {"segment": "lapsed"}}]})")},
    };

    QJsonArray results;
    std::vector<double> allEnd;
    for (const auto &[label, rule] : steps) {
        std::vector<double> endToEnd, ui, job;
        double cold = -1;
        for (int run = 0; run <= runs; ++run) { // run 0: the first time (an affinity column is computed once)
            // Alternate with the previous rule so every run is an edit that changes the count.
            for (const QJsonObject &r : {QJsonObject {{QStringLiteral("behaviour"), QJsonObject {{QStringLiteral("event"), QStringLiteral("view")}}}}, rule}) {
                const int before = counts;
                QElapsedTimer timer;
                timer.start();
                Q_EMIT page.builder()->ruleEdited(r, NoMerge, QStringLiteral("bench"));
                const double uiMs = double(timer.nsecsElapsed()) / 1e6;
                if (!waitUntil([&] { return counts > before && !page.isCounting(); }, 60000)) {
                    std::fprintf(stderr, "no count for %s\n", qPrintable(label));
                    return 1;
                }
                if (r == rule && run == 0) {
                    cold = double(timer.nsecsElapsed()) / 1e6;
                } else if (r == rule) {
                    endToEnd.push_back(double(timer.nsecsElapsed()) / 1e6);
                    ui.push_back(uiMs);
                    job.push_back(double(page.lastCountMs()));
                }
            }
        }
        allEnd.insert(allEnd.end(), endToEnd.begin(), endToEnd.end());
        results.append(QJsonObject {{QStringLiteral("edit"), label}, {QStringLiteral("members"), page.shownCount()},
            {QStringLiteral("edit_to_count_ms_median"), median(endToEnd)}, {QStringLiteral("edit_to_count_ms_max"), maximum(endToEnd)},
            {QStringLiteral("ui_ms_median"), median(ui)}, {QStringLiteral("job_ms_median"), median(job)},
            {QStringLiteral("first_time_ms"), cold}});
    }
    QFile load(QStringLiteral("/proc/loadavg"));
    const QString loadAverage = load.open(QIODevice::ReadOnly) ? QString::fromLatin1(load.readAll().trimmed()) : QString();
    const QJsonObject out {{QStringLiteral("catalog"), path}, {QStringLiteral("people"), page.listModel() ? session->engine()->snapshot()->userCount() : 0},
        {QStringLiteral("runs"), runs}, {QStringLiteral("first_count_ms"), firstCountMs}, {QStringLiteral("edits"), results},
        {QStringLiteral("edit_to_count_ms_median"), median(allEnd)}, {QStringLiteral("edit_to_count_ms_max"), maximum(allEnd)},
        {QStringLiteral("load_average"), loadAverage}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    session->jobs()->waitForAll(60000);
    return 0;
}
