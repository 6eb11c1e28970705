// SPDX-License-Identifier: GPL-3.0-or-later

// EASE's Gram matrix and inverse are the heaviest linear algebra in Vitrine. Only this
// translation unit hands Eigen's products (syrk) and factorisations over to OpenBLAS and
// LAPACKE: the macros must come before any Eigen header, and stay out of the rest of the tree.
#define EIGEN_USE_BLAS
#define EIGEN_USE_LAPACKE

#include "easemodel.h"

#include "common/logging.h"
#include "common/parallel.h"
#include "common/progress.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <QCoreApplication>
#include <QDataStream>
#include <QElapsedTimer>
#include <QIODevice>
#include <QtEndian>

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <new>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::EaseModel)
};

constexpr char Magic[4] = {'V', 'E', 'A', 'S'};
constexpr quint32 FormatVersion = 1;
constexpr int HeaderSize = 4 + 4 + 4 + 8 + 1;

/**
 * Sparse and dense Gram matrices cost about the same on a matrix this dense (one scattered
 * update against this many BLAS multiply-adds); above it the dense syrk wins.
 */
constexpr double DenseSpeedup = 32.0;
/** People per dense block handed to syrk: big enough for BLAS, small enough to stay cheap. */
constexpr int DenseBlockUsers = 512;
/** Columns per parallel task: enough tasks to balance the uneven columns of two to many cores. */
constexpr int ChunkColumns = 32;
constexpr int Tile = 64;

/** Compressed sparse rows of X (or Xᵀ): sorted, duplicate-free indexes and their values. */
struct Csr
{
    std::vector<qint64> offsets;
    std::vector<qint32> index;
    std::vector<double> value;

    qint64 rowSize(int row) const { return offsets[size_t(row) + 1] - offsets[size_t(row)]; }
};

Csr buildRows(int userCount, int itemCount, const EaseModel::RowSource &rows, bool binary)
{
    Csr csr;
    csr.offsets.reserve(size_t(userCount) + 1);
    csr.offsets.push_back(0);
    std::vector<Snapshot::Interaction> scratch;
    for (int u = 0; u < userCount; ++u) {
        const std::span<const Snapshot::Interaction> row = rows(u);
        scratch.assign(row.begin(), row.end());
        std::sort(
            scratch.begin(), scratch.end(), [](const auto &a, const auto &b) { return a.index < b.index; });
        for (size_t k = 0; k < scratch.size();) {
            const qint32 item = scratch[k].index;
            double sum = 0.0;
            for (; k < scratch.size() && scratch[k].index == item; ++k)
                sum += scratch[k].weight;
            if (item < 0 || item >= itemCount || sum <= 0.0)
                continue;
            csr.index.push_back(item);
            csr.value.push_back(binary ? 1.0 : sum);
        }
        csr.offsets.push_back(qint64(csr.index.size()));
    }
    return csr;
}

Csr transpose(const Csr &rows, int itemCount)
{
    Csr columns;
    columns.offsets.assign(size_t(itemCount) + 1, 0);
    for (const qint32 item : rows.index)
        ++columns.offsets[size_t(item) + 1];
    for (size_t i = 1; i < columns.offsets.size(); ++i)
        columns.offsets[i] += columns.offsets[i - 1];
    columns.index.resize(rows.index.size());
    columns.value.resize(rows.value.size());
    std::vector<qint64> cursor(columns.offsets.begin(), columns.offsets.end() - 1);
    const int userCount = int(rows.offsets.size()) - 1;
    for (int u = 0; u < userCount; ++u) {
        for (qint64 k = rows.offsets[size_t(u)]; k < rows.offsets[size_t(u) + 1]; ++k) {
            const qint64 at = cursor[size_t(rows.index[size_t(k)])]++;
            columns.index[size_t(at)] = u;
            columns.value[size_t(at)] = rows.value[size_t(k)];
        }
    }
    return columns;
}

std::vector<std::pair<int, int>> columnChunks(int n, int width)
{
    std::vector<std::pair<int, int>> chunks;
    for (int begin = 0; begin < n; begin += width)
        chunks.emplace_back(begin, std::min(n, begin + width));
    return chunks;
}

/**
 * The lower triangle of XᵀX from the sparse rows, column by column: column i gathers, over
 * the people of item i, their items j ≥ i. Each task owns its columns, so no locking, and the
 * sums run in a fixed order whatever the thread count.
 */
void sparseGram(const Csr &rows, const Csr &columns, Eigen::MatrixXd &gram, const Progress &progress)
{
    const qint64 n = gram.rows();
    const std::vector<std::pair<int, int>> ranges = columnChunks(int(n), ChunkColumns);
    forEachInParallel(qint64(ranges.size()), [&](qint64 index) {
        const std::pair<int, int> &range = ranges[size_t(index)];
        if (progress.isCancelled())
            return;
        for (int i = range.first; i < range.second; ++i) {
            double *column = gram.data() + qint64(i) * n;
            for (qint64 k = columns.offsets[size_t(i)]; k < columns.offsets[size_t(i) + 1]; ++k) {
                const int user = columns.index[size_t(k)];
                const double xi = columns.value[size_t(k)];
                const qint32 *begin = rows.index.data() + rows.offsets[size_t(user)];
                const qint32 *end = rows.index.data() + rows.offsets[size_t(user) + 1];
                const qint32 *from = std::lower_bound(begin, end, i);
                const double *values = rows.value.data() + (from - rows.index.data());
                for (const qint32 *j = from; j != end; ++j, ++values)
                    column[*j] += xi * *values;
            }
        }
    });
}

/** The lower triangle of XᵀX by BLAS syrk over dense blocks of people (for dense data). */
void denseGram(const Csr &rows, Eigen::MatrixXd &gram, const Progress &progress)
{
    const int n = int(gram.rows());
    const int userCount = int(rows.offsets.size()) - 1;
    Eigen::MatrixXd block(n, DenseBlockUsers);
    int filled = 0;
    const auto flush = [&] {
        if (filled == 0)
            return;
        gram.selfadjointView<Eigen::Lower>().rankUpdate(block.leftCols(filled));
        filled = 0;
    };
    for (int u = 0; u < userCount && !progress.isCancelled(); ++u) {
        if (rows.rowSize(u) == 0)
            continue;
        auto column = block.col(filled);
        column.setZero();
        for (qint64 k = rows.offsets[size_t(u)]; k < rows.offsets[size_t(u) + 1]; ++k)
            column(rows.index[size_t(k)]) = rows.value[size_t(k)];
        if (++filled == DenseBlockUsers)
            flush();
    }
    flush();
}

/** Physical memory in bytes, 0 when unknown. */
double physicalMemory()
{
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGE_SIZE);
    return pages > 0 && pageSize > 0 ? double(pages) * double(pageSize) : 0.0;
}

bool useDense(const Csr &rows, int itemCount, EaseModel::GramMethod method)
{
    if (method != EaseModel::GramMethod::Auto)
        return method == EaseModel::GramMethod::Dense;
    const int userCount = int(rows.offsets.size()) - 1;
    double pairs = 0.0;
    double activeUsers = 0.0;
    for (int u = 0; u < userCount; ++u) {
        const double size = double(rows.rowSize(u));
        pairs += size * (size + 1.0) / 2.0;
        activeUsers += size > 0 ? 1.0 : 0.0;
    }
    const double denseCost = activeUsers * double(itemCount) * (double(itemCount) + 1.0) / 2.0;
    return pairs * DenseSpeedup > denseCost;
}

} // namespace

std::shared_ptr<EaseModel> EaseModel::train(
    const Snapshot &snapshot, const Options &options, const Progress &progress, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    auto model = train(
        snapshot.userCount(), snapshot.itemCount(),
        [&snapshot](int user) { return snapshot.userItems(user); }, options, progress, error);
    if (model)
        qCInfo(lcEngine, "%s trained on %d people and %d items in %lld ms", "EASE", snapshot.userCount(),
            snapshot.itemCount(), timer.elapsed());
    else
        qCInfo(lcEngine, "%s not trained: %s", "EASE", error ? qUtf8Printable(*error) : "");
    return model;
}

std::shared_ptr<EaseModel> EaseModel::train(int userCount, int itemCount, const RowSource &rows,
    const Options &options, const Progress &progress, QString *error)
{
    if (!(options.lambda > 0.0)) {
        if (error)
            *error = Tr::tr("EASE needs a positive lambda (got %1)").arg(options.lambda);
        return nullptr;
    }
    const qint64 n = itemCount;
    // G in double and B in float live side by side for a moment: refuse up front rather than
    // push the machine into swap (or throw from deep inside Eigen).
    const double needed = double(n) * double(n) * double(sizeof(double) + sizeof(float));
    const double memory = physicalMemory();
    if (memory > 0 && needed > 0.75 * memory) {
        if (error)
            *error = Tr::tr("EASE on %1 items needs %2 GiB, more than this machine can spare; use iALS")
                         .arg(n)
                         .arg(needed / double(1 << 30), 0, 'f', 1);
        return nullptr;
    }
    try {
        return trainInMemory(userCount, itemCount, rows, options, progress, error);
    } catch (const std::bad_alloc &) {
        if (error)
            *error = Tr::tr("EASE on %1 items: out of memory; use iALS").arg(n);
        return nullptr;
    }
}

std::shared_ptr<EaseModel> EaseModel::trainInMemory(int userCount, int itemCount, const RowSource &rows,
    const Options &options, const Progress &progress, QString *error)
{
    const auto cancelled = [&] {
        if (!progress.isCancelled())
            return false;
        if (error)
            *error = Tr::tr("cancelled");
        return true;
    };
    constexpr int Stages = 3;
    const qint64 n = itemCount;
    std::shared_ptr<EaseModel> model(new EaseModel);
    model->m_itemCount = itemCount;
    model->m_lambda = options.lambda;
    model->m_binary = options.binary;
    model->m_neighbours = options.neighbours;

    // 1. G = XᵀX + λI, lower triangle.
    progress.report(Tr::tr("EASE: counting co-occurrences"), 0, Stages);
    Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(n, n);
    {
        const Csr x = buildRows(userCount, itemCount, rows, options.binary);
        if (cancelled())
            return nullptr;
        if (useDense(x, itemCount, options.gram))
            denseGram(x, gram, progress);
        else
            sparseGram(x, transpose(x, itemCount), gram, progress);
    }
    if (cancelled())
        return nullptr;
    if (options.neighbours) {
        // B_ji = G_ji / (√(G_jj·G_ii) + λ), zero on the diagonal; G is in the lower triangle.
        progress.report(Tr::tr("EASE: building item weights"), 2, Stages);
        model->m_weights.resize(size_t(n * n));
        const Eigen::VectorXd norms = gram.diagonal().cwiseSqrt();
        float *weights = model->m_weights.data();
        const double *g = gram.data();
        forEachInParallel(n, [&](qint64 j) {
            float *out = weights + j * n;
            for (qint64 i = 0; i < n; ++i) {
                const double gji = i <= j ? g[i * n + j] : g[j * n + i];
                out[i] = i == j ? 0.0f : float(gji / (norms[j] * norms[i] + options.lambda));
            }
        });
        progress.report(Tr::tr("EASE: building item weights"), Stages, Stages);
        return model;
    }
    gram.diagonal().array() += options.lambda;

    // 2. P = G⁻¹ through the Cholesky factor (LAPACK potrf + potri): half the work of the LU
    // inverse a general routine would do, and it fails loudly if G is not positive definite.
    progress.report(Tr::tr("EASE: inverting the Gram matrix"), 1, Stages);
    if (n > 0) {
        lapack_int info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'L', lapack_int(n), gram.data(), lapack_int(n));
        if (info == 0)
            info = LAPACKE_dpotri(LAPACK_COL_MAJOR, 'L', lapack_int(n), gram.data(), lapack_int(n));
        if (info != 0) {
            if (error)
                *error
                    = Tr::tr("EASE: the Gram matrix is not invertible (LAPACK info %1); try a larger lambda")
                          .arg(info);
            return nullptr;
        }
    }
    if (cancelled())
        return nullptr;

    // 3. B_ji = −P_ji / P_ii, row-major in float. P is in the lower triangle only, so each row
    // of B reads half a column and half a row of it: in tiles, to keep both in cache.
    progress.report(Tr::tr("EASE: building item weights"), 2, Stages);
    model->m_weights.resize(size_t(n * n));
    const Eigen::VectorXd inverseDiagonal = gram.diagonal().cwiseInverse();
    float *weights = model->m_weights.data();
    const double *p = gram.data();
    const std::vector<std::pair<int, int>> rowRanges = columnChunks(int(n), Tile);
    forEachInParallel(qint64(rowRanges.size()), [&](qint64 index) {
        const std::pair<int, int> &rowRange = rowRanges[size_t(index)];
        for (qint64 tile = 0; tile < n; tile += Tile) {
            const qint64 tileEnd = std::min(n, tile + Tile);
            for (qint64 j = rowRange.first; j < rowRange.second; ++j) {
                float *out = weights + j * n;
                for (qint64 i = tile; i < tileEnd; ++i) {
                    const double pji = i <= j ? p[i * n + j] : p[j * n + i];
                    out[i] = i == j ? 0.0f : float(-pji * inverseDiagonal[i]);
                }
            }
        }
    });
    progress.report(Tr::tr("EASE: building item weights"), Stages, Stages);
    return model;
}

std::vector<float> EaseModel::scores(std::span<const Snapshot::Interaction> history) const
{
    std::vector<float> result(size_t(m_itemCount), 0.0f);
    const size_t n = size_t(m_itemCount);
    for (const Snapshot::Interaction &interaction : history) {
        if (interaction.index < 0 || interaction.index >= m_itemCount)
            continue;
        const float x = m_binary ? 1.0f : interaction.weight;
        const float *row = m_weights.data() + size_t(interaction.index) * n;
        for (size_t i = 0; i < n; ++i)
            result[i] += x * row[i];
    }
    return result;
}

int EaseModel::strongestContributor(std::span<const Snapshot::Interaction> history, int item) const
{
    if (item < 0 || item >= m_itemCount)
        return -1;
    int best = -1;
    float bestContribution = 0.0f;
    for (const Snapshot::Interaction &interaction : history) {
        if (interaction.index < 0 || interaction.index >= m_itemCount || interaction.index == item)
            continue;
        const float contribution = (m_binary ? 1.0f : interaction.weight) * weight(interaction.index, item);
        if (contribution > bestContribution
            || (contribution == bestContribution && best >= 0 && interaction.index < best)) {
            best = interaction.index;
            bestContribution = contribution;
        }
    }
    return best;
}

QByteArray EaseModel::serialize() const
{
    QByteArray bytes;
    const qsizetype count = qsizetype(m_weights.size());
    bytes.reserve(HeaderSize + count * qsizetype(sizeof(float)));
    {
        QDataStream stream(&bytes, QIODevice::WriteOnly);
        stream.setByteOrder(QDataStream::LittleEndian);
        stream.setFloatingPointPrecision(QDataStream::DoublePrecision);
        stream.writeRawData(Magic, sizeof Magic);
        // Flags: 1 binary, 2 item neighbours (format 1 files before them have only the first).
        stream << FormatVersion << qint32(m_itemCount) << m_lambda
               << quint8((m_binary ? 1 : 0) | (m_neighbours ? 2 : 0));
    }
    Q_ASSERT(bytes.size() == HeaderSize);
    bytes.resize(HeaderSize + count * qsizetype(sizeof(float)));
    qToLittleEndian<float>(m_weights.data(), count, bytes.data() + HeaderSize);
    return bytes;
}

std::shared_ptr<EaseModel> EaseModel::fromBytes(const QByteArray &bytes, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return nullptr;
    };
    if (bytes.size() < HeaderSize || std::memcmp(bytes.constData(), Magic, sizeof Magic) != 0)
        return fail(Tr::tr("not an EASE model"));
    QDataStream stream(bytes);
    stream.setByteOrder(QDataStream::LittleEndian);
    stream.setFloatingPointPrecision(QDataStream::DoublePrecision);
    stream.skipRawData(sizeof Magic);
    quint32 version = 0;
    qint32 itemCount = 0;
    double lambda = 0.0;
    quint8 binary = 0;
    stream >> version >> itemCount >> lambda >> binary;
    if (version != FormatVersion)
        return fail(Tr::tr("EASE model format %1 is not supported").arg(version));
    const qint64 count = qint64(itemCount) * itemCount;
    if (itemCount < 0 || bytes.size() != HeaderSize + count * qint64(sizeof(float)))
        return fail(Tr::tr("EASE model is truncated or damaged"));
    std::shared_ptr<EaseModel> model(new EaseModel);
    model->m_itemCount = itemCount;
    model->m_lambda = lambda;
    model->m_binary = (binary & 1) != 0;
    model->m_neighbours = (binary & 2) != 0;
    model->m_weights.resize(size_t(count));
    qFromLittleEndian<float>(bytes.constData() + HeaderSize, qsizetype(count), model->m_weights.data());
    return model;
}

} // namespace Vitrine
