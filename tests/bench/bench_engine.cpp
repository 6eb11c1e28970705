// SPDX-License-Identifier: GPL-3.0-or-later
// Serving benchmark: snapshot load time and memory, then recommend() latency for a blended
// three-strategy slot with rules, over many people. Prints one JSON object.
//
//   bench_engine CATALOG [REQUESTS]
#include "engine/recommender.h"
#include "engine/slotdefinition.h"
#include "engine/snapshot.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

using namespace Vitrine;

namespace {

/** Resident memory of this process in MiB (VmRSS), and its peak (VmHWM). */
std::pair<double, double> residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    double rss = 0, peak = 0;
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                rss = line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
            if (line.startsWith("VmHWM:"))
                peak = line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    return {rss, peak};
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_engine CATALOG [REQUESTS]\n");
        return 1;
    }
    const int requests = argc > 2 ? std::atoi(argv[2]) : 2000;
    Database db;
    QString error;
    if (!db.open(QString::fromLocal8Bit(argv[1]), Database::OpenMode::ReadOnly, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    const double rssBefore = residentMiB().first;
    QElapsedTimer timer;
    timer.start();
    const SnapshotPtr snapshot = Snapshot::load(db, {}, &error);
    const double loadSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!snapshot) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    const double rssSnapshot = residentMiB().first - rssBefore;

    // The blended slot of the issue: personal picks, trending and new, with filters, a boost
    // and diversity.
    const QJsonObject definition = QJsonDocument::fromJson(R"({
        "strategies": [{"name": "personal", "weight": 0.6}, {"name": "trending", "weight": 0.25},
                       {"name": "new", "weight": 0.15}],
        "filters": {"kind": "product", "in_stock": true, "exclude_bought": true, "price": {"max": 2000}},
        "boosts": [{"when": {"on_sale": true}, "factor": 1.2}],
        "diversity": {"max_per_category": 2, "category_level": 3, "max_per_brand": 3},
        "fallback": ["bestsellers"], "min_items": 8, "max_items": 10})")
                                           .object();
    const std::optional<SlotDefinition> slot = SlotDefinition::fromJson(QStringLiteral("bench"), definition, &error);
    Recommender recommender(snapshot);
    recommender.setSlot(*slot);
    timer.restart();
    if (!recommender.pipeline(QStringLiteral("bench"), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    const double trainSeconds = double(timer.nsecsElapsed()) / 1e9;

    std::vector<double> latencies;
    latencies.reserve(size_t(requests));
    quint64 state = 12345;
    size_t shown = 0;
    for (int i = 0; i < requests; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        RecommendRequest request;
        request.user = int((state >> 33) % quint64(snapshot->userCount()));
        timer.restart();
        const SlotResult result = recommender.recommend(QStringLiteral("bench"), request);
        latencies.push_back(double(timer.nsecsElapsed()) / 1e6);
        shown += result.items.size();
    }

    const QJsonObject json{
        {QStringLiteral("benchmark"), QStringLiteral("serving")},
        {QStringLiteral("events"), snapshot->eventCount()},
        {QStringLiteral("users"), snapshot->userCount()},
        {QStringLiteral("items"), snapshot->itemCount()},
        {QStringLiteral("snapshot_load_s"), loadSeconds},
        {QStringLiteral("snapshot_bytes_mib"), double(snapshot->memoryBytes()) / 1048576.0},
        {QStringLiteral("snapshot_rss_mib"), rssSnapshot},
        {QStringLiteral("train_slot_s"), trainSeconds},
        {QStringLiteral("requests"), requests},
        {QStringLiteral("items_per_request"), double(shown) / double(std::max(1, requests))},
        {QStringLiteral("p50_ms"), percentile(latencies, 0.50)},
        {QStringLiteral("p99_ms"), percentile(latencies, 0.99)},
        {QStringLiteral("max_ms"), percentile(latencies, 1.0)},
        {QStringLiteral("peak_rss_mib"), residentMiB().second},
    };
    std::fputs(QJsonDocument(json).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    return 0;
}
