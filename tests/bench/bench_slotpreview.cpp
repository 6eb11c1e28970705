// SPDX-License-Identifier: GPL-3.0-or-later
// Live preview of the slot editor: how long after an edit of a slot (a strategy's weight) the
// preview beside the editor shows the new list for a person, on the default demo catalog
// (20,000 people, 5,000 items, 1,000,000 events). Opens the Slots workspace offscreen on
// home-for-you, waits for the first preview (models trained), then changes the weight of the
// second strategy RUNS times, alternating two values, and times each edit until previewed().
// Prints one JSON object.
//
//   QT_QPA_PLATFORM=offscreen bench_slotpreview CATALOG [RUNS] [SLOT]
//
// CATALOG is created as the default demo (`vitrine-cli demo`) when it does not exist.
#include "demo/democatalogfile.h"
#include "demo/demogenerator.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"
#include "session/undocommands.h"
#include "slots/slotpreviewview.h"
#include "slots/slotspage.h"
#include "slots/strategylisteditor.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Vitrine;

namespace {

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
        std::fprintf(stderr, "usage: bench_slotpreview CATALOG [RUNS] [SLOT]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 20;
    const QString slot = argc > 3 ? QString::fromLocal8Bit(argv[3]) : QStringLiteral("home-for-you");
    if (!QFileInfo::exists(path)) {
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
    SlotsPage page(session.get());
    page.resize(1400, 800);
    page.show();
    int previews = 0;
    QObject::connect(page.previewView(), &SlotPreviewView::previewed, &page, [&previews] { ++previews; });
    QElapsedTimer opening;
    opening.start();
    if (!waitUntil([&] { return session->engine() != nullptr; }, 300000) || !page.showObject(slot)) {
        std::fprintf(stderr, "no engine or no slot %s\n", qPrintable(slot));
        return 1;
    }
    if (!waitUntil([&] { return previews > 0 && !page.previewView()->isBusy(); }, 600000)) {
        std::fprintf(stderr, "the first preview did not arrive\n");
        return 1;
    }
    const double firstMs = double(opening.elapsed());

    std::vector<double> times;
    const QJsonArray base = page.definition(slot).value(QLatin1String("strategies")).toArray();
    for (int run = 0; run < runs; ++run) {
        QJsonArray strategies = base;
        QJsonObject second = strategies.at(std::min<qsizetype>(1, strategies.size() - 1)).toObject();
        second.insert(QStringLiteral("weight"), run % 2 ? 0.2 : 0.9);
        strategies.replace(std::min<qsizetype>(1, strategies.size() - 1), second);
        const int before = previews;
        QElapsedTimer timer;
        timer.start();
        Q_EMIT page.strategiesEditor()->edited(strategies, MergeDraftNumber, QStringLiteral("bench"));
        if (!waitUntil([&] { return previews > before && !page.previewView()->isBusy(); }, 60000)) {
            std::fprintf(stderr, "no preview after edit %d\n", run);
            return 1;
        }
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::vector<double> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    QFile load(QStringLiteral("/proc/loadavg"));
    const QString loadAverage = load.open(QIODevice::ReadOnly) ? QString::fromLatin1(load.readAll().trimmed()) : QString();
    QJsonArray all;
    for (double t : times)
        all.append(t);
    const QJsonObject out {{QStringLiteral("catalog"), path}, {QStringLiteral("slot"), slot}, {QStringLiteral("runs"), runs},
        {QStringLiteral("first_preview_ms"), firstMs}, {QStringLiteral("edit_to_preview_ms_median"), sorted[sorted.size() / 2]},
        {QStringLiteral("edit_to_preview_ms_max"), sorted.back()}, {QStringLiteral("edit_to_preview_ms"), all},
        {QStringLiteral("items"), page.previewView()->result() ? int(page.previewView()->result()->items.size()) : 0},
        {QStringLiteral("load_average"), loadAverage}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    session->jobs()->waitForAll(60000);
    return 0;
}
