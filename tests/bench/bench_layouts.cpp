// SPDX-License-Identifier: GPL-3.0-or-later
// Page resolution latency of the demo home page, and a whole e-mail campaign exported, with its
// memory sampled at 10% and at the end of the send to show it does not grow with the audience.
//
//   bench_layouts CATALOG [PEOPLE=2000] [OUT_DIR=/tmp] [CAMPAIGN=weekly-newsletter] [LAYOUT=home]
//
// Prints one JSON object per stage.
#include "campaign/campaigndefinition.h"
#include "campaign/campaignexporter.h"
#include "layout/confignames.h"
#include "layout/pageresolver.h"
#include "session/enginesession.h"
#include "storage/configstore.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace Vitrine;

namespace {

/** Resident and peak resident memory in MiB, from /proc/self/status. */
std::pair<double, double> memory()
{
    QFile status(QStringLiteral("/proc/self/status"));
    double rss = 0, peak = 0;
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                rss = line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
            else if (line.startsWith("VmHWM:"))
                peak = line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    return {rss, peak};
}

double load()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().split(' ').first().toDouble() : 0;
}

void print(const QJsonObject &object)
{
    std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

double round3(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_layouts CATALOG [PEOPLE] [OUT_DIR] [CAMPAIGN] [LAYOUT]\n");
        return 1;
    }
    const int people = argc > 2 ? std::atoi(argv[2]) : 2000;
    const QString outDir = argc > 3 ? QString::fromLocal8Bit(argv[3]) : QStringLiteral("/tmp");
    const QString campaignKey
        = argc > 4 ? QString::fromLocal8Bit(argv[4]) : QStringLiteral("weekly-newsletter");
    const QString layoutKey = argc > 5 ? QString::fromLocal8Bit(argv[5]) : QStringLiteral("home");

    Database db;
    QString error;
    if (!db.open(QString::fromLocal8Bit(argv[1]), Database::OpenMode::ReadWrite, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    const EngineSessionPtr session = EngineSession::open(db, {}, &error);
    const std::shared_ptr<const PageResolver> resolver = session ? session->pages(&error) : nullptr;
    if (!resolver) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    const double loadSeconds = double(timer.elapsed()) / 1000.0;
    const std::optional<LayoutDefinition> layout = resolver->layout(layoutKey);
    if (!layout) {
        std::fprintf(stderr, "no layout %s\n", qPrintable(layoutKey));
        return 3;
    }
    timer.restart();
    if (!resolver->prepare(*layout, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    const double prepareSeconds = double(timer.elapsed()) / 1000.0;

    // Resolution of the home page for random people, one at a time (a page request).
    const int population = resolver->snapshot()->userCount();
    std::mt19937 random(42);
    std::uniform_int_distribution<int> pick(0, population - 1);
    std::vector<double> latencies;
    latencies.reserve(size_t(people));
    size_t items = 0;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < people; ++i) {
        PageRequest request;
        request.user = pick(random);
        request.explain = false;
        QElapsedTimer one;
        one.start();
        const ResolvedPage page = resolver->resolve(*layout, request);
        latencies.push_back(double(one.nsecsElapsed()) / 1e6);
        for (const ResolvedBlock &block : page.blocks)
            items += block.items.size();
    }
    const double totalSeconds = double(total.elapsed()) / 1000.0;
    std::sort(latencies.begin(), latencies.end());
    const auto percentile = [&latencies](double p) {
        return latencies[std::min(latencies.size() - 1, size_t(p * double(latencies.size())))];
    };
    print({{QStringLiteral("benchmark"), QStringLiteral("resolve_page")},
        {QStringLiteral("layout"), layoutKey}, {QStringLiteral("users"), population},
        {QStringLiteral("items"), resolver->snapshot()->itemCount()},
        {QStringLiteral("events"), double(resolver->snapshot()->eventCount())},
        {QStringLiteral("requests"), people},
        {QStringLiteral("items_per_page"), round3(double(items) / people)},
        {QStringLiteral("load_s"), round3(loadSeconds)},
        {QStringLiteral("prepare_s"), round3(prepareSeconds)},
        {QStringLiteral("p50_ms"), round3(percentile(0.5))},
        {QStringLiteral("p99_ms"), round3(percentile(0.99))},
        {QStringLiteral("max_ms"), round3(latencies.back())},
        {QStringLiteral("pages_per_s"), round3(people / totalSeconds)},
        {QStringLiteral("explain_preview_ms"),
            [&] {
                PageRequest request;
                request.user = pick(random);
                return round3(resolver->resolve(*layout, request).milliseconds);
            }()},
        {QStringLiteral("load_avg"), load()}});

    // The whole send, to one JSON Lines file, with memory sampled as it goes.
    const auto object = ConfigStore(db).get(QStringLiteral("campaigns"), campaignKey);
    if (!object) {
        std::fprintf(stderr, "no campaign %s\n", qPrintable(campaignKey));
        return 3;
    }
    const auto campaign = CampaignDefinition::fromJson(object->key, object->definition, &error);
    if (!campaign) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    const auto before = memory();
    double rssAtTenth = 0;
    qint64 tenth = 0;
    const Progress progress([&](const QString &, qint64 done, qint64 all) {
        if (tenth == 0 && done * 10 >= all) {
            tenth = done;
            rssAtTenth = memory().first;
        }
    });
    CampaignExportOptions options;
    options.output = QDir(outDir).filePath(QStringLiteral("bench-send.jsonl"));
    timer.restart();
    const CampaignExportReport report = CampaignExporter(*resolver, db, *campaign).run(options, progress);
    const double seconds = double(timer.elapsed()) / 1000.0;
    const auto after = memory();
    if (!report.ok) {
        std::fprintf(stderr, "%s\n", qPrintable(report.error));
        return 2;
    }
    print({{QStringLiteral("benchmark"), QStringLiteral("export_campaign")},
        {QStringLiteral("campaign"), campaignKey}, {QStringLiteral("people"), report.people},
        {QStringLiteral("recipients"), report.recipients}, {QStringLiteral("skipped"), report.skippedTotal()},
        {QStringLiteral("threads"), report.threads}, {QStringLiteral("seconds"), round3(seconds)},
        {QStringLiteral("recipients_per_s"), round3(double(report.recipients) / seconds)},
        {QStringLiteral("output_mib"), round3(double(report.bytes) / 1048576.0)},
        {QStringLiteral("rss_before_mib"), round3(before.first)},
        {QStringLiteral("rss_at_10pct_mib"), round3(rssAtTenth)}, {QStringLiteral("people_at_10pct"), tenth},
        {QStringLiteral("rss_at_end_mib"), round3(after.first)},
        {QStringLiteral("peak_rss_mib"), round3(after.second)}, {QStringLiteral("load_avg"), load()}});
    QFile::remove(options.output);
    QFile::remove(report.reportPath);
    QFile::remove(report.detailsPath);
    return 0;
}
