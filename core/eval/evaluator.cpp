// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluator.h"

#include "common/logging.h"
#include "common/parallel.h"

#include "engine/slotpipeline.h"
#include "engine/strategy.h"
#include "rankingmetrics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::Evaluator)
};

EvaluationResult failure(const QString &error)
{
    EvaluationResult result;
    result.error = error;
    return result;
}

EvaluationResult cancellation()
{
    EvaluationResult result;
    result.cancelled = true;
    result.error = Tr::tr("Evaluation cancelled.");
    return result;
}

std::vector<int> sortedKs(std::vector<int> ks)
{
    std::sort(ks.begin(), ks.end());
    ks.erase(std::unique(ks.begin(), ks.end()), ks.end());
    return ks;
}

/** The first `maxK` valid, distinct items of `ranked` that are not train items. */
std::vector<int> cleanTop(
    const std::vector<int> &ranked, const std::vector<int> &train, int maxK, int itemCount)
{
    std::vector<int> top;
    top.reserve(size_t(maxK));
    for (const int item : ranked) {
        if (int(top.size()) >= maxK)
            break;
        if (item < 0 || item >= itemCount)
            continue;
        if (std::binary_search(train.begin(), train.end(), item))
            continue;
        if (std::find(top.begin(), top.end(), item) != top.end())
            continue;
        top.push_back(item);
    }
    return top;
}

} // namespace

QString Evaluator::validate(const EvaluationOptions &options)
{
    if (options.ks.empty())
        return Tr::tr("No cut-off K was given.");
    for (const int k : options.ks) {
        if (k < 1)
            return Tr::tr("K must be at least 1, not %1.").arg(k);
    }
    if (!(options.holdout > 0 && options.holdout < 1))
        return Tr::tr("The holdout must be between 0 and 1 (exclusive), not %1.").arg(options.holdout);
    if (options.minItems < 2)
        return Tr::tr("A person needs at least 2 distinct items to be evaluated, not %1.")
            .arg(options.minItems);
    return {};
}

EvaluationResult Evaluator::run(const SnapshotPtr &full, const RankerFactory &makeRanker,
    const EvaluationOptions &options, const Progress &progress)
{
    const QString invalid = validate(options);
    if (!invalid.isEmpty())
        return failure(invalid);
    if (!full)
        return failure(Tr::tr("There is no catalog to evaluate on."));
    if (!makeRanker)
        return failure(Tr::tr("Nothing to evaluate was given."));

    QElapsedTimer timer;
    timer.start();
    progress.report(Tr::tr("Splitting histories"), 0, 1);
    const TemporalSplit split = TemporalSplit::build(*full, options.holdout, options.minItems);
    if (split.evaluatedUsers().empty()) {
        return failure(Tr::tr("Nobody has at least %1 distinct items, so there is nothing to hold out.")
                           .arg(options.minItems));
    }
    if (progress.isCancelled())
        return cancellation();

    progress.report(Tr::tr("Building the training snapshot"), 0, 1);
    const SnapshotPtr train = trainSnapshot(*full, split);
    if (!train || train->itemCount() != full->itemCount() || train->userCount() != full->userCount())
        return failure(Tr::tr("Cannot build the training snapshot."));
    if (progress.isCancelled())
        return cancellation();

    QString error;
    Ranker ranker;
    try {
        ranker = makeRanker(train, &error);
    } catch (const std::exception &e) {
        error = QString::fromLocal8Bit(e.what());
    }
    if (progress.isCancelled())
        return cancellation();
    if (!ranker)
        return failure(
            error.isEmpty() ? Tr::tr("Cannot build what is evaluated on the training data.") : error);

    EvaluationResult result = rank(split, full->itemCount(), ranker, options, progress);
    qCInfo(lcEval, "evaluated %d people with %lld held-out items in %lld ms%s", result.users, result.testItems,
        timer.elapsed(), result.ok ? "" : " (failed)");
    return result;
}

EvaluationResult Evaluator::rank(const TemporalSplit &split, int itemCount, const Ranker &ranker,
    const EvaluationOptions &options, const Progress &progress)
{
    const QString invalid = validate(options);
    if (!invalid.isEmpty())
        return failure(invalid);
    if (!ranker)
        return failure(Tr::tr("Nothing to evaluate was given."));
    const std::vector<int> &people = split.evaluatedUsers();
    if (people.empty()) {
        return failure(Tr::tr("Nobody has at least %1 distinct items, so there is nothing to hold out.")
                           .arg(options.minItems));
    }

    EvaluationResult result;
    result.subject = options.subject;
    result.ks = sortedKs(options.ks);
    result.holdout = options.holdout;
    result.minItems = options.minItems;
    result.itemCount = itemCount;
    result.users = int(people.size());
    result.testItems = split.testItemCount();
    result.evaluatedUsers = people;
    result.tests.resize(people.size());
    result.recommended.resize(people.size());
    const int maxK = result.ks.back();

    // Each person's list goes to its own row, so threads share nothing but the counters and
    // the sums below run in row order: the numbers do not depend on scheduling.
    constexpr size_t Chunk = 32;
    const size_t total = people.size();
    std::atomic_size_t next {0};
    std::atomic<qint64> done {0};
    std::atomic_bool stop {false};
    std::mutex errorMutex;
    QString workerError;
    const QString stage = Tr::tr("Ranking");

    auto work = [&](bool reports) {
        for (;;) {
            const size_t begin = next.fetch_add(Chunk);
            if (begin >= total || stop.load(std::memory_order_relaxed))
                return;
            const size_t end = std::min(total, begin + Chunk);
            for (size_t row = begin; row < end; ++row) {
                if (progress.isCancelled()) {
                    stop = true;
                    return;
                }
                const int user = people[row];
                const std::vector<int> &trainItems = split.trainItems(user);
                result.tests[row] = split.testItems(user);
                try {
                    const std::vector<int> ranked = ranker(user, maxK + int(trainItems.size()));
                    result.recommended[row] = cleanTop(ranked, trainItems, maxK, itemCount);
                } catch (const std::exception &e) {
                    std::lock_guard lock(errorMutex);
                    if (workerError.isEmpty())
                        workerError = QString::fromLocal8Bit(e.what());
                    stop = true;
                    return;
                } catch (...) {
                    std::lock_guard lock(errorMutex);
                    if (workerError.isEmpty())
                        workerError = Tr::tr("Ranking failed.");
                    stop = true;
                    return;
                }
            }
            const qint64 finished = done.fetch_add(qint64(end - begin)) + qint64(end - begin);
            if (reports)
                progress.report(stage, finished, qint64(total));
        }
    };

    int threads = options.threads > 0 ? options.threads : QThread::idealThreadCount();
    threads = std::clamp(threads, 1, int((total + Chunk - 1) / Chunk));
    // On Qt's pool, shared with the studio's jobs; the calling thread reports progress.
    runInParallel(threads, [&work](int task) { work(task == 0); });

    if (progress.isCancelled())
        return cancellation();
    if (!workerError.isEmpty())
        return failure(workerError);
    progress.report(stage, qint64(total), qint64(total));

    result.byK = RankingMetrics::aggregate(result.tests, result.recommended, result.ks, itemCount);
    if (!options.groupNames.isEmpty())
        result.groups = result.breakdown(options.groupOfUser, options.groupNames);
    result.ok = true;
    return result;
}

SnapshotPtr Evaluator::trainSnapshot(const Snapshot &full, const TemporalSplit &split)
{
    return full.withoutPairs(split.testItemsPerUser());
}

Evaluator::Ranker Evaluator::strategyRanker(const Strategy &strategy)
{
    return [&strategy](int user, int n) {
        RecommendRequest request;
        request.user = user;
        request.k = n;
        const std::vector<ScoredItem> candidates = strategy.candidates(request, n);
        std::vector<int> items;
        items.reserve(candidates.size());
        for (const ScoredItem &candidate : candidates)
            items.push_back(candidate.item);
        return items;
    };
}

Evaluator::Ranker Evaluator::strategyRanker(std::shared_ptr<const Strategy> strategy)
{
    if (!strategy)
        return {};
    Ranker ranker = strategyRanker(*strategy);
    return [strategy = std::move(strategy), ranker = std::move(ranker)](int user, int n) {
        return ranker(user, n);
    };
}

Evaluator::Ranker Evaluator::slotRanker(std::shared_ptr<const SlotPipeline> pipeline)
{
    if (!pipeline)
        return {};
    return [pipeline = std::move(pipeline)](int user, int n) {
        RecommendRequest request;
        request.user = user;
        request.k = n;
        std::vector<int> items;
        for (const RecommendedItem &entry : pipeline->run(request).items)
            items.push_back(entry.item);
        return items;
    };
}

} // namespace Vitrine
