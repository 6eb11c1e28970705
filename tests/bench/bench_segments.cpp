// SPDX-License-Identifier: GPL-3.0-or-later
// Segment benchmark: snapshot load, person features, then counting a four-condition segment
// (profile + behaviour + value + affinity), its statistics, its size at 12 month ends and both
// together ("full statistics", the 500 ms target), and the starter segments' overlap. Prints one
// JSON object.
//
//   bench_segments CATALOG [RUNS]
//
// CATALOG is created first when it does not exist, as `vitrine-cli demo --users 1000000
// --items 20000 --events 10000000 --end 2026-03-31` would (a few minutes); keep it for reruns.
#include "audience/personfeatures.h"
#include "audience/segmentevaluator.h"
#include "audience/segmentlibrary.h"
#include "audience/segmentoverlap.h"
#include "audience/segmentstatistics.h"
#include "audience/startersegments.h"
#include "demo/demogenerator.h"
#include "engine/snapshot.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <thread>

using namespace Vitrine;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

double millisecondsOf(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().trimmed()) : QString();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_segments CATALOG [RUNS]\n");
        return 1;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 9;
    QJsonObject json {{QStringLiteral("benchmark"), QStringLiteral("segments")},
        {QStringLiteral("threads"), int(std::thread::hardware_concurrency())},
        {QStringLiteral("load_average_before"), loadAverage()}};
    QString error;
    Database db;
    if (!QFileInfo::exists(path)) {
        DemoOptions options;
        options.users = 1000000;
        options.items = 20000;
        options.events = 10000000;
        options.endDate = QDate(2026, 3, 31);
        std::fprintf(stderr, "generating %s ...\n", qPrintable(path));
        if (!db.open(path, Database::OpenMode::Create, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 2;
        }
        DemoResult result;
        json.insert(QStringLiteral("generate_ms"),
            millisecondsOf([&] { result = DemoGenerator(options).generate(db); }));
        if (!result.ok) {
            std::fprintf(stderr, "%s\n", qPrintable(result.error));
            return 2;
        }
        db.close();
    }
    if (!db.open(path, Database::OpenMode::ReadOnly, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }

    SnapshotPtr snapshot;
    json.insert(QStringLiteral("snapshot_load_ms"),
        millisecondsOf([&] { snapshot = Snapshot::load(db, {}, &error); }));
    if (!snapshot) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    json.insert(QStringLiteral("users"), snapshot->userCount());
    json.insert(QStringLiteral("events"), snapshot->eventCount());
    json.insert(QStringLiteral("items"), snapshot->itemCount());

    // Features once per snapshot: the value features, then the decayed event weights that every
    // affinity column is summed from.
    PersonFeaturesPtr features;
    json.insert(QStringLiteral("features_value_ms"),
        millisecondsOf([&] { features = PersonFeatures::compute(snapshot); }));
    json.insert(QStringLiteral("features_affinity_weights_ms"),
        millisecondsOf([&] { features->prepareAffinities(); }));

    const QByteArray text = R"({"all": [
        {"profile": {"field": "country", "in": ["Sweden", "Denmark", "Norway"]}},
        {"behaviour": {"event": "purchase", "within_days": 90}},
        {"value": {"measure": "monetary", "min": 200}},
        {"affinity": {"category": "Outdoor", "at_least": 0.2}}]})";
    const auto rule = SegmentRule::fromText(text, &error);
    if (!rule) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    json.insert(QStringLiteral("rule"), rule->toJson());

    // The first count also builds the rule's affinity column (one pass over the events), which
    // later counts of any rule on the same target reuse; the median is over fresh evaluators.
    SegmentMembers members;
    json.insert(QStringLiteral("count_first_ms"),
        millisecondsOf([&] { members = SegmentEvaluator(features).evaluate(*rule); }));
    std::vector<double> counts;
    for (int run = 0; run < runs; ++run)
        counts.push_back(millisecondsOf([&] { members = SegmentEvaluator(features).evaluate(*rule); }));
    json.insert(QStringLiteral("count_median_ms"), median(counts));
    json.insert(QStringLiteral("count_runs"), runs);
    json.insert(QStringLiteral("members"), members.count());

    // Full statistics, as `segment stats` computes them and the target means: size and share,
    // composition, spend and orders, favourite categories; then the size at the last 12 month
    // ends (all in one walk over the events, SegmentHistory). Each is timed alone, then together.
    const SegmentStatistics statistics(features);
    SegmentStats stats;
    std::vector<double> statsTimes;
    const int statRuns = std::max(3, runs / 2);
    for (int run = 0; run < statRuns; ++run)
        statsTimes.push_back(millisecondsOf([&] { stats = statistics.compute(members.members); }));
    json.insert(QStringLiteral("statistics_median_ms"), median(statsTimes));
    std::vector<SegmentMonthSize> history;
    std::vector<double> historyTimes;
    for (int run = 0; run < statRuns; ++run) {
        historyTimes.push_back(
            millisecondsOf([&] { history = statistics.sizeOverTime(*rule, nullptr, 12, &error); }));
    }
    json.insert(QStringLiteral("size_over_12_months_first_ms"), historyTimes.front());
    json.insert(QStringLiteral("size_over_12_months_ms"), median(historyTimes));
    QJsonArray sizes;
    for (const SegmentMonthSize &month : history)
        sizes.append(month.size);
    json.insert(QStringLiteral("size_over_time"), sizes);
    std::vector<double> fullTimes;
    for (int run = 0; run < statRuns; ++run) {
        fullTimes.push_back(millisecondsOf([&] {
            stats = statistics.compute(members.members);
            history = statistics.sizeOverTime(*rule, nullptr, 12, &error);
        }));
    }
    json.insert(QStringLiteral("full_statistics_median_ms"), median(fullTimes));
    json.insert(
        QStringLiteral("full_statistics_max_ms"), *std::max_element(fullTimes.begin(), fullTimes.end()));
    json.insert(QStringLiteral("statistics_runs"), statRuns);

    SegmentLibrary library;
    for (const SegmentDefinition &definition : StarterSegments::definitions())
        library.insert(definition);
    std::vector<PersonSet> sets;
    json.insert(QStringLiteral("starter_segments_count_ms"), millisecondsOf([&] {
        SegmentEvaluator evaluator(features, &library);
        for (const QString &name : library.names())
            sets.push_back(evaluator.evaluate(name).members);
    }));
    std::optional<SegmentOverlap> overlap;
    json.insert(QStringLiteral("starter_overlap_ms"),
        millisecondsOf([&] { overlap = SegmentOverlap::compute(library.names(), sets, &error); }));
    json.insert(
        QStringLiteral("starter_overlap_combinations"), overlap ? int(overlap->intersections().size()) : -1);
    json.insert(QStringLiteral("full_statistics_with_starter_overlap_ms"),
        median(fullTimes) + json.value(QStringLiteral("starter_segments_count_ms")).toDouble()
            + json.value(QStringLiteral("starter_overlap_ms")).toDouble());
    json.insert(QStringLiteral("load_average_after"), loadAverage());
    json.insert(QStringLiteral("note"),
        QStringLiteral(
            "count_* exclude snapshot load and features_* (computed once per snapshot and as_of); "
            "count_first_ms includes building the affinity column; statistics_median_ms excludes size over "
            "time; full_statistics_* = statistics + size at 12 month ends (the target: <= 500 ms); "
            "full_statistics_with_starter_overlap_ms adds counting the starter segments and their overlap."));
    std::fputs(QJsonDocument(json).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}
