// SPDX-License-Identifier: GPL-3.0-or-later
// Times EASE training (Gram matrix, inverse, weights) on a person×item matrix and prints one
// JSON object per line. The matrix is either random with a realistic popularity skew (5,000
// items and 20,000 people by default, about the demo catalog's shape) or a catalog's own
// interactions (--db). --export-rows writes it as little-endian int32 (person, item) pairs so
// ease_numpy.py can time NumPy on exactly the same matrix in the same run; --save-model
// writes the trained B (EaseModel::serialize) for ease_numpy.py --compare.
#include "common/progress.h"
#include "engine/models/easemodel.h"
#include "engine/snapshot.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

using namespace Vitrine;

namespace {

quint64 splitMix(quint64 &state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double uniform(quint64 &state)
{
    return double(splitMix(state) >> 11) * (1.0 / 9007199254740992.0);
}

/**
 * People with 5 to a few hundred items each (geometric, mean about 50), drawn with a skew
 * toward popular items (density ∝ 1/√rank), as in a shop.
 */
std::vector<std::vector<Snapshot::Interaction>> randomRows(int users, int items, quint64 seed)
{
    std::vector<std::vector<Snapshot::Interaction>> rows(static_cast<size_t>(users));
    quint64 state = seed;
    std::set<int> chosen;
    for (auto &row : rows) {
        const int wanted = std::min(items / 2, 5 + int(-45.0 * std::log(1.0 - uniform(state))));
        chosen.clear();
        while (int(chosen.size()) < wanted) {
            const double r = uniform(state);
            chosen.insert(std::min(items - 1, int(double(items) * r * r)));
        }
        for (const int item : chosen)
            row.push_back({item, 1.0f});
    }
    return rows;
}

std::vector<std::vector<Snapshot::Interaction>> catalogRows(const QString &path, int *items, QString *error)
{
    Database db;
    if (!db.open(path, Database::OpenMode::ReadOnly, error))
        return {};
    const SnapshotPtr snapshot = Snapshot::load(db, {}, error);
    if (!snapshot)
        return {};
    std::vector<std::vector<Snapshot::Interaction>> rows(static_cast<size_t>(snapshot->userCount()));
    for (int u = 0; u < snapshot->userCount(); ++u) {
        const auto history = snapshot->userItems(u);
        rows[size_t(u)].assign(history.begin(), history.end());
    }
    *items = snapshot->itemCount();
    return rows;
}

bool exportRows(const std::vector<std::vector<Snapshot::Interaction>> &rows, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray buffer;
    for (size_t u = 0; u < rows.size(); ++u) {
        for (const Snapshot::Interaction &interaction : rows[u]) {
            const qint32 pair[2] = {qToLittleEndian(qint32(u)), qToLittleEndian(interaction.index)};
            buffer.append(reinterpret_cast<const char *>(pair), sizeof pair);
        }
    }
    return file.write(buffer) == buffer.size();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n == 0 ? 0.0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

QJsonArray toJson(const std::vector<double> &values)
{
    QJsonArray array;
    for (const double value : values)
        array.append(std::round(value * 1000.0) / 1000.0);
    return array;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times EASE training; prints JSON."));
    parser.addHelpOption();
    const QCommandLineOption itemsOption(QStringLiteral("items"), QStringLiteral("Random matrix: items."),
        QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption usersOption(QStringLiteral("users"), QStringLiteral("Random matrix: people."),
        QStringLiteral("N"), QStringLiteral("20000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random matrix: seed."),
        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption dbOption(
        QStringLiteral("db"), QStringLiteral("Use this catalog's interactions."), QStringLiteral("FILE"));
    const QCommandLineOption lambdaOption(
        QStringLiteral("lambda"), QStringLiteral("EASE lambda."), QStringLiteral("L"), QStringLiteral("500"));
    const QCommandLineOption runsOption(
        QStringLiteral("runs"), QStringLiteral("Timed runs."), QStringLiteral("R"), QStringLiteral("3"));
    const QCommandLineOption gramOption(QStringLiteral("gram"), QStringLiteral("auto, sparse or dense."),
        QStringLiteral("HOW"), QStringLiteral("auto"));
    const QCommandLineOption exportOption(QStringLiteral("export-rows"),
        QStringLiteral("Write the matrix as int32 (person, item) pairs."), QStringLiteral("FILE"));
    const QCommandLineOption saveOption(QStringLiteral("save-model"),
        QStringLiteral("Write the last trained model."), QStringLiteral("FILE"));
    parser.addOptions({itemsOption, usersOption, seedOption, dbOption, lambdaOption, runsOption, gramOption,
        exportOption, saveOption});
    parser.process(app);

    int items = parser.value(itemsOption).toInt();
    QString error;
    std::vector<std::vector<Snapshot::Interaction>> rows;
    if (parser.isSet(dbOption)) {
        rows = catalogRows(parser.value(dbOption), &items, &error);
        if (rows.empty()) {
            std::fprintf(stderr, "bench_ease: %s\n", qPrintable(error));
            return 2;
        }
    } else {
        rows = randomRows(parser.value(usersOption).toInt(), items, parser.value(seedOption).toULongLong());
    }
    qint64 nnz = 0;
    for (const auto &row : rows)
        nnz += qint64(row.size());
    if (parser.isSet(exportOption) && !exportRows(rows, parser.value(exportOption))) {
        std::fprintf(stderr, "bench_ease: cannot write %s\n", qPrintable(parser.value(exportOption)));
        return 2;
    }

    EaseModel::Options options;
    options.lambda = parser.value(lambdaOption).toDouble();
    const QString gram = parser.value(gramOption);
    options.gram = gram == QLatin1String("dense") ? EaseModel::GramMethod::Dense
        : gram == QLatin1String("sparse")         ? EaseModel::GramMethod::Sparse
                                                  : EaseModel::GramMethod::Auto;
    const EaseModel::RowSource source = [&rows](int user) {
        return std::span<const Snapshot::Interaction>(rows[size_t(user)]);
    };

    // Stages are timed from the progress reports: each report closes the stage before it.
    std::map<qint64, std::vector<double>> stageSeconds;
    std::vector<double> totals;
    std::shared_ptr<EaseModel> model;
    const int runs = std::max(1, parser.value(runsOption).toInt());
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        qint64 lastStage = -1;
        qint64 lastMark = 0;
        timer.start();
        const Progress progress([&](const QString &, qint64 done, qint64) {
            const qint64 now = timer.nsecsElapsed();
            if (lastStage >= 0)
                stageSeconds[lastStage].push_back(double(now - lastMark) / 1e9);
            lastStage = done;
            lastMark = now;
        });
        model = EaseModel::train(int(rows.size()), items, source, options, progress, &error);
        totals.push_back(double(timer.nsecsElapsed()) / 1e9);
        if (!model) {
            std::fprintf(stderr, "bench_ease: %s\n", qPrintable(error));
            return 1;
        }
    }
    if (parser.isSet(saveOption)) {
        QFile file(parser.value(saveOption));
        const QByteArray bytes = model->serialize();
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
            std::fprintf(stderr, "bench_ease: cannot write %s\n", qPrintable(parser.value(saveOption)));
            return 2;
        }
    }

    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const char *stageNames[] = {"gram_s", "inverse_s", "weights_s"};
    QJsonObject result {
        {QStringLiteral("benchmark"), QStringLiteral("ease_train")},
        {QStringLiteral("implementation"),
            QStringLiteral("vitrine (Eigen + OpenBLAS/LAPACKE, float64, Cholesky)")},
        {QStringLiteral("items"), items},
        {QStringLiteral("users"), qint64(rows.size())},
        {QStringLiteral("nnz"), nnz},
        {QStringLiteral("lambda"), options.lambda},
        {QStringLiteral("gram"), gram},
        {QStringLiteral("runs"), runs},
        {QStringLiteral("median_s"), std::round(median(totals) * 1000.0) / 1000.0},
        {QStringLiteral("all_s"), toJson(totals)},
        {QStringLiteral("peak_rss_mib"), double(usage.ru_maxrss / 1024)},
    };
    for (qint64 stage = 0; stage < 3; ++stage)
        result.insert(
            QLatin1String(stageNames[stage]), std::round(median(stageSeconds[stage]) * 1000.0) / 1000.0);
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
