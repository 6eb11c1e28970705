// SPDX-License-Identifier: GPL-3.0-or-later
#include "ialsmodel.h"

#include "common/logging.h"
#include "common/parallel.h"
#include "common/progress.h"

#include <Eigen/Core>

#include <QCoreApplication>
#include <QDataStream>
#include <QElapsedTimer>
#include <QIODevice>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::IalsModel)
};

constexpr char Magic[4] = {'V', 'A', 'L', 'S'};
constexpr quint32 FormatVersion = 1;
constexpr int HeaderSize = 4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 4 + 8;
/** Rows per parallel task; fixed, so partial sums are added in the same order on any machine. */
constexpr int ChunkRows = 1024;

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using FactorMap = Eigen::Map<RowMatrix>;
using ConstFactorMap = Eigen::Map<const RowMatrix>;

/** SplitMix64 (Steele, Lea & Flood 2014): tiny, and the same numbers on every platform. */
class SplitMix64
{
public:
    explicit SplitMix64(quint64 seed)
        : m_state(seed)
    { }
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /** Uniform in [0, 1), 24 bits. */
    float uniform() { return float(next() >> 40) * (1.0f / 16777216.0f); }

private:
    quint64 m_state;
};

/** One side of the interaction matrix as sparse rows: indexes and confidences. */
struct Rows
{
    std::vector<qint64> offsets;
    std::vector<qint32> index;
    std::vector<float> confidence; ///< c = 1 + α·r
};

Rows buildRows(int userCount, int itemCount, const IalsModel::RowSource &source, double alpha)
{
    Rows rows;
    rows.offsets.reserve(size_t(userCount) + 1);
    rows.offsets.push_back(0);
    std::vector<Snapshot::Interaction> scratch;
    for (int u = 0; u < userCount; ++u) {
        const std::span<const Snapshot::Interaction> row = source(u);
        scratch.assign(row.begin(), row.end());
        std::sort(
            scratch.begin(), scratch.end(), [](const auto &a, const auto &b) { return a.index < b.index; });
        for (size_t k = 0; k < scratch.size();) {
            const qint32 item = scratch[k].index;
            double strength = 0.0;
            for (; k < scratch.size() && scratch[k].index == item; ++k)
                strength += scratch[k].weight;
            if (item < 0 || item >= itemCount || strength <= 0.0)
                continue;
            rows.index.push_back(item);
            rows.confidence.push_back(float(1.0 + alpha * strength));
        }
        rows.offsets.push_back(qint64(rows.index.size()));
    }
    return rows;
}

Rows transpose(const Rows &rows, int columnCount)
{
    Rows columns;
    columns.offsets.assign(size_t(columnCount) + 1, 0);
    for (const qint32 column : rows.index)
        ++columns.offsets[size_t(column) + 1];
    for (size_t i = 1; i < columns.offsets.size(); ++i)
        columns.offsets[i] += columns.offsets[i - 1];
    columns.index.resize(rows.index.size());
    columns.confidence.resize(rows.confidence.size());
    std::vector<qint64> cursor(columns.offsets.begin(), columns.offsets.end() - 1);
    const int rowCount = int(rows.offsets.size()) - 1;
    for (int r = 0; r < rowCount; ++r) {
        for (qint64 k = rows.offsets[size_t(r)]; k < rows.offsets[size_t(r) + 1]; ++k) {
            const qint64 at = cursor[size_t(rows.index[size_t(k)])]++;
            columns.index[size_t(at)] = r;
            columns.confidence[size_t(at)] = rows.confidence[size_t(k)];
        }
    }
    return columns;
}

std::vector<std::pair<int, int>> chunks(int count)
{
    std::vector<std::pair<int, int>> result;
    for (int begin = 0; begin < count; begin += ChunkRows)
        result.emplace_back(begin, std::min(count, begin + ChunkRows));
    return result;
}

/** FᵀF, summed over fixed chunks in a fixed order (so it is the same with any thread count). */
Eigen::MatrixXf gramOf(const std::vector<float> &factors, int rowCount, int f)
{
    const std::vector<std::pair<int, int>> parts = chunks(rowCount);
    std::vector<Eigen::MatrixXf> partial(parts.size());
    forEachInParallel(qint64(parts.size()), [&](qint64 k) {
        const ConstFactorMap block(
            factors.data() + size_t(parts[size_t(k)].first) * size_t(f), parts[size_t(k)].second - parts[size_t(k)].first, f);
        partial[size_t(k)] = block.transpose() * block;
    });
    Eigen::MatrixXf gram = Eigen::MatrixXf::Zero(f, f);
    for (const Eigen::MatrixXf &p : partial)
        gram += p;
    return gram;
}

/**
 * One half-step: every row of `target` moves towards the least-squares solution against the
 * fixed factors, by a few conjugate-gradient steps from where it is. The system for row u is
 * (FᵀF + Fᵀ(C_u − I)F + λI) t_u = FᵀC_u p_u; FᵀF is shared, the rest runs over u's items only.
 */
void solveRows(const Rows &rows, const std::vector<float> &fixed, std::vector<float> &target, int f,
    const Eigen::MatrixXf &gram, float lambda, int cgSteps, const Progress &progress)
{
    const int rowCount = int(rows.offsets.size()) - 1;
    const ConstFactorMap fixedFactors(fixed.data(), qint64(fixed.size()) / f, f);
    const std::vector<std::pair<int, int>> ranges = chunks(rowCount);
    forEachInParallel(qint64(ranges.size()), [&](qint64 index) {
        const std::pair<int, int> &range = ranges[size_t(index)];
        if (progress.isCancelled())
            return;
        Eigen::VectorXf r(f);
        Eigen::VectorXf p(f);
        Eigen::VectorXf ap(f);
        for (int u = range.first; u < range.second; ++u) {
            Eigen::Map<Eigen::VectorXf> x(target.data() + size_t(u) * size_t(f), f);
            const qint64 begin = rows.offsets[size_t(u)];
            const qint64 end = rows.offsets[size_t(u) + 1];
            // r = b − A·x, with b = Σ c_i y_i.
            r.noalias() = -(gram * x);
            r -= lambda * x;
            for (qint64 k = begin; k < end; ++k) {
                const auto y = fixedFactors.row(rows.index[size_t(k)]);
                const float c = rows.confidence[size_t(k)];
                r += (c - (c - 1.0f) * y.dot(x)) * y.transpose();
            }
            p = r;
            float rs = r.squaredNorm();
            for (int step = 0; step < cgSteps && rs > 1e-12f; ++step) {
                ap.noalias() = gram * p;
                ap += lambda * p;
                for (qint64 k = begin; k < end; ++k) {
                    const auto y = fixedFactors.row(rows.index[size_t(k)]);
                    ap += ((rows.confidence[size_t(k)] - 1.0f) * y.dot(p)) * y.transpose();
                }
                const float pap = p.dot(ap);
                if (!(pap > 0.0f))
                    break;
                const float a = rs / pap;
                x += a * p;
                r -= a * ap;
                const float rsNew = r.squaredNorm();
                p = r + (rsNew / rs) * p;
                rs = rsNew;
            }
        }
    });
}

/**
 * The objective, per cell: Σ over a person's items of c(1 − s)², plus Σ over the others of s²
 * (all of them, xᵀ(YᵀY)x, less the person's own), plus the regularisation.
 */
double lossOf(const Rows &rows, const std::vector<float> &users, const std::vector<float> &items, int f,
    const Eigen::MatrixXf &itemGram, double lambda, int itemCount)
{
    const int userCount = int(rows.offsets.size()) - 1;
    const ConstFactorMap y(items.data(), itemCount, f);
    const std::vector<std::pair<int, int>> parts = chunks(userCount);
    std::vector<double> partial(parts.size(), 0.0);
    forEachInParallel(qint64(parts.size()), [&](qint64 part) {
        double sum = 0.0;
        for (int u = parts[size_t(part)].first; u < parts[size_t(part)].second; ++u) {
            const Eigen::Map<const Eigen::VectorXf> x(users.data() + size_t(u) * size_t(f), f);
            double userLoss = double(x.dot(itemGram * x)) + lambda * double(x.squaredNorm());
            for (qint64 k = rows.offsets[size_t(u)]; k < rows.offsets[size_t(u) + 1]; ++k) {
                const double s = double(y.row(rows.index[size_t(k)]).dot(x.transpose()));
                userLoss += double(rows.confidence[size_t(k)]) * (1.0 - s) * (1.0 - s) - s * s;
            }
            sum += userLoss;
        }
        partial[size_t(part)] = sum;
    });
    double loss = 0.0;
    for (const double part : partial)
        loss += part;
    for (int i = 0; i < itemCount; ++i)
        loss += lambda * double(y.row(i).squaredNorm());
    const double cells = double(std::max(1, userCount)) * double(std::max(1, itemCount));
    return loss / cells;
}

} // namespace

std::shared_ptr<IalsModel> IalsModel::train(
    const Snapshot &snapshot, const Options &options, const Progress &progress, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    auto model = train(
        snapshot.userCount(), snapshot.itemCount(),
        [&snapshot](int user) { return snapshot.userItems(user); }, options, progress, error);
    if (model)
        qCInfo(lcEngine, "%s trained on %d people and %d items in %lld ms", "iALS", snapshot.userCount(),
            snapshot.itemCount(), timer.elapsed());
    else
        qCInfo(lcEngine, "%s not trained: %s", "iALS", error ? qUtf8Printable(*error) : "");
    return model;
}

std::shared_ptr<IalsModel> IalsModel::train(int userCount, int itemCount, const RowSource &source,
    const Options &options, const Progress &progress, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return nullptr;
    };
    if (options.factors < 1 || options.factors > 1024)
        return fail(Tr::tr("iALS: factors must be between 1 and 1024 (got %1)").arg(options.factors));
    if (options.iterations < 0 || options.cgSteps < 1)
        return fail(Tr::tr("iALS: iterations must be 0 or more and CG steps 1 or more"));
    if (!(options.lambda >= 0.0) || !(options.alpha >= 0.0))
        return fail(Tr::tr("iALS: lambda and alpha must be 0 or more"));

    const int f = options.factors;
    std::shared_ptr<IalsModel> model(new IalsModel);
    model->m_options = options;
    model->m_userCount = userCount;
    model->m_itemCount = itemCount;
    model->m_users.resize(size_t(userCount) * size_t(f));
    model->m_items.resize(size_t(itemCount) * size_t(f));
    // Small zero-mean starting factors (so the factors differ from the start), items first,
    // then people, from one fixed stream.
    SplitMix64 random(options.seed);
    const float scale = 1.0f / std::sqrt(float(f));
    for (float &value : model->m_items)
        value = (random.uniform() - 0.5f) * scale;
    for (float &value : model->m_users)
        value = (random.uniform() - 0.5f) * scale;

    const Rows byUser = buildRows(userCount, itemCount, source, options.alpha);
    const Rows byItem = transpose(byUser, itemCount);
    const float lambda = float(options.lambda);
    Eigen::MatrixXf itemGram = gramOf(model->m_items, itemCount, f);
    for (int iteration = 0; iteration < options.iterations; ++iteration) {
        progress.report(Tr::tr("iALS: iteration %1 of %2").arg(iteration + 1).arg(options.iterations),
            iteration, options.iterations);
        if (progress.isCancelled())
            return fail(Tr::tr("cancelled"));
        solveRows(byUser, model->m_items, model->m_users, f, itemGram, lambda, options.cgSteps, progress);
        if (progress.isCancelled())
            return fail(Tr::tr("cancelled"));
        const Eigen::MatrixXf userGram = gramOf(model->m_users, userCount, f);
        solveRows(byItem, model->m_users, model->m_items, f, userGram, lambda, options.cgSteps, progress);
        if (progress.isCancelled())
            return fail(Tr::tr("cancelled"));
        itemGram = gramOf(model->m_items, itemCount, f);
        model->m_loss.push_back(
            lossOf(byUser, model->m_users, model->m_items, f, itemGram, options.lambda, itemCount));
    }
    progress.report(Tr::tr("iALS: iteration %1 of %2").arg(options.iterations).arg(options.iterations),
        options.iterations, options.iterations);
    return model;
}

std::vector<float> IalsModel::scores(int user) const
{
    std::vector<float> result(size_t(m_itemCount), 0.0f);
    if (user < 0 || user >= m_userCount)
        return result;
    const int f = m_options.factors;
    const ConstFactorMap y(m_items.data(), m_itemCount, f);
    const Eigen::Map<const Eigen::VectorXf> x(m_users.data() + size_t(user) * size_t(f), f);
    Eigen::Map<Eigen::VectorXf>(result.data(), m_itemCount).noalias() = y * x;
    return result;
}

float IalsModel::similarity(int a, int b) const
{
    const std::span<const float> ya = itemFactors(a);
    const std::span<const float> yb = itemFactors(b);
    float sum = 0.0f;
    for (size_t k = 0; k < ya.size(); ++k)
        sum += ya[k] * yb[k];
    return sum;
}

QByteArray IalsModel::serialize() const
{
    QByteArray bytes;
    const qsizetype userValues = qsizetype(m_users.size());
    const qsizetype itemValues = qsizetype(m_items.size());
    {
        QDataStream stream(&bytes, QIODevice::WriteOnly);
        stream.setByteOrder(QDataStream::LittleEndian);
        stream.setFloatingPointPrecision(QDataStream::DoublePrecision);
        stream.writeRawData(Magic, sizeof Magic);
        stream << FormatVersion << qint32(m_userCount) << qint32(m_itemCount) << qint32(m_options.factors)
               << m_options.lambda << m_options.alpha << qint32(m_options.iterations)
               << qint32(m_options.cgSteps) << m_options.seed;
    }
    Q_ASSERT(bytes.size() == HeaderSize);
    bytes.resize(HeaderSize + (userValues + itemValues) * qsizetype(sizeof(float)));
    char *out = bytes.data() + HeaderSize;
    qToLittleEndian<float>(m_users.data(), userValues, out);
    qToLittleEndian<float>(m_items.data(), itemValues, out + userValues * qsizetype(sizeof(float)));
    return bytes;
}

std::shared_ptr<IalsModel> IalsModel::fromBytes(const QByteArray &bytes, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return nullptr;
    };
    if (bytes.size() < HeaderSize || std::memcmp(bytes.constData(), Magic, sizeof Magic) != 0)
        return fail(Tr::tr("not an iALS model"));
    QDataStream stream(bytes);
    stream.setByteOrder(QDataStream::LittleEndian);
    stream.setFloatingPointPrecision(QDataStream::DoublePrecision);
    stream.skipRawData(sizeof Magic);
    quint32 version = 0;
    qint32 userCount = 0, itemCount = 0, factors = 0, iterations = 0, cgSteps = 0;
    Options options;
    stream >> version >> userCount >> itemCount >> factors >> options.lambda >> options.alpha >> iterations
        >> cgSteps >> options.seed;
    if (version != FormatVersion)
        return fail(Tr::tr("iALS model format %1 is not supported").arg(version));
    if (userCount < 0 || itemCount < 0 || factors < 1 || factors > 1024)
        return fail(Tr::tr("iALS model is damaged"));
    const qint64 userValues = qint64(userCount) * factors;
    const qint64 itemValues = qint64(itemCount) * factors;
    if (bytes.size() != HeaderSize + (userValues + itemValues) * qint64(sizeof(float)))
        return fail(Tr::tr("iALS model is truncated or damaged"));
    options.factors = factors;
    options.iterations = iterations;
    options.cgSteps = cgSteps;
    std::shared_ptr<IalsModel> model(new IalsModel);
    model->m_options = options;
    model->m_userCount = userCount;
    model->m_itemCount = itemCount;
    model->m_users.resize(size_t(userValues));
    model->m_items.resize(size_t(itemValues));
    const char *in = bytes.constData() + HeaderSize;
    qFromLittleEndian<float>(in, qsizetype(userValues), model->m_users.data());
    qFromLittleEndian<float>(
        in + userValues * qint64(sizeof(float)), qsizetype(itemValues), model->m_items.data());
    return model;
}

} // namespace Vitrine
