// SPDX-License-Identifier: GPL-3.0-or-later
#include "personalchoice.h"

#include "common/logging.h"
#include "common/parallel.h"
#include "eval/temporalsplit.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::PersonalChoice)
};

constexpr int FormatVersion = 1;

/** Item neighbours' shrinkage: pairs seen together by few people count for less. */
constexpr double NeighbourShrink = 10;

/** EASE's λ tried besides the one configured. */
constexpr double LambdaGrid[] = {20, 50, 100, 200, 500, 1000, 2000};

/** NDCG@k of a ranked list against the held-out items (sorted). */
double ndcg(const std::vector<int> &ranked, const std::vector<int> &heldOut, int k)
{
    double dcg = 0;
    for (size_t i = 0; i < ranked.size() && int(i) < k; ++i) {
        if (std::binary_search(heldOut.begin(), heldOut.end(), ranked[i]))
            dcg += 1.0 / std::log2(double(i) + 2.0);
    }
    double ideal = 0;
    for (int i = 0; i < std::min<int>(k, int(heldOut.size())); ++i)
        ideal += 1.0 / std::log2(double(i) + 2.0);
    return ideal > 0 ? dcg / ideal : 0;
}

/** The k best scored items not in the person's history (both in sub-catalog indexes). */
std::vector<int> topUnseen(std::vector<float> scores, const std::vector<Snapshot::Interaction> &history, int k)
{
    for (const Snapshot::Interaction &interaction : history)
        scores[size_t(interaction.index)] = -INFINITY;
    std::vector<int> order;
    order.reserve(scores.size());
    for (int item = 0; item < int(scores.size()); ++item) {
        if (std::isfinite(scores[size_t(item)]))
            order.push_back(item);
    }
    const size_t n = std::min(order.size(), size_t(k));
    std::partial_sort(order.begin(), order.begin() + qsizetype(n), order.end(), [&scores](int a, int b) {
        return scores[size_t(a)] > scores[size_t(b)] || (scores[size_t(a)] == scores[size_t(b)] && a < b);
    });
    order.resize(n);
    return order;
}

QString lambdaText(double lambda)
{
    return QString::number(lambda, 'g', QLocale::FloatingPointShortest);
}

} // namespace

std::shared_ptr<PersonalChoice> PersonalChoice::choose(
    const Snapshot &snapshot, bool easeAllowed, const EaseModel::Options &ease, const Progress &progress)
{
    if (progress.isCancelled())
        return nullptr;
    auto choice = std::make_shared<PersonalChoice>();
    choice->m_ease = ease;
    choice->m_kind = easeAllowed ? Kind::Ease : Kind::Ials;
    if (!easeAllowed)
        return choice; // iALS is the only candidate on a catalog this size
    QElapsedTimer timer;
    timer.start();

    // The validation split: each person's latest fifth of their distinct items held out.
    progress.report(Tr::tr("Choosing the personal model"), 0, 1);
    const TemporalSplit split = TemporalSplit::build(snapshot, TemporalSplit::DefaultHoldout, TemporalSplit::DefaultMinItems);
    if (split.evaluatedUsers().empty())
        return choice;

    // The most popular items by people in the training part; the contest runs on those.
    const int userCount = snapshot.userCount();
    std::vector<qint64> people(size_t(snapshot.itemCount()), 0);
    const auto trainRow = [&](int user, std::vector<Snapshot::Interaction> *out) {
        out->clear();
        const std::vector<int> &test = split.testItems(user);
        for (const Snapshot::Interaction &interaction : snapshot.userItems(user)) {
            if (!std::binary_search(test.begin(), test.end(), interaction.index))
                out->push_back(interaction);
        }
    };
    // Each item's people, less those whose interaction with it is held out.
    for (int item = 0; item < snapshot.itemCount(); ++item)
        people[size_t(item)] = qint64(snapshot.itemUsers(item).size());
    for (const int user : split.evaluatedUsers()) {
        const std::span<const Snapshot::Interaction> items = snapshot.userItems(user);
        for (const int item : split.testItems(user)) {
            const auto found = std::lower_bound(items.begin(), items.end(), item,
                [](const Snapshot::Interaction &interaction, int index) { return interaction.index < index; });
            if (found != items.end() && found->index == item)
                --people[size_t(item)];
        }
    }
    std::vector<int> items(size_t(snapshot.itemCount()));
    std::iota(items.begin(), items.end(), 0);
    const int used = std::min(TunedItems, snapshot.itemCount());
    std::partial_sort(items.begin(), items.begin() + used, items.end(), [&people](int a, int b) {
        return people[size_t(a)] > people[size_t(b)] || (people[size_t(a)] == people[size_t(b)] && a < b);
    });
    items.resize(size_t(used));
    std::sort(items.begin(), items.end());
    std::vector<int> sub(size_t(snapshot.itemCount()), -1);
    for (int i = 0; i < used; ++i)
        sub[size_t(items[size_t(i)])] = i;

    // The validation people, evenly sampled; the contest trains on them and, on a large catalog,
    // on an even sample of the others (λ then scaled with the number of people: G = XᵀX grows
    // with them).
    const std::vector<int> &evaluated = split.evaluatedUsers();
    const size_t step = std::max<size_t>(1, (evaluated.size() + SampledPeople - 1) / SampledPeople);
    std::vector<int> contestIndex(size_t(userCount), -1);
    std::vector<int> validationPeople;
    for (size_t i = 0; i < evaluated.size(); i += step) {
        validationPeople.push_back(evaluated[i]);
        contestIndex[size_t(evaluated[i])] = 0;
    }
    const qint64 others = userCount - qint64(validationPeople.size());
    const qint64 room = std::max<qint64>(0, ContestPeople - qint64(validationPeople.size()));
    for (int user = 0, seen = 0; user < userCount; ++user) {
        if (contestIndex[size_t(user)] == 0)
            continue;
        // Evenly: the n-th of the others joins when it passes the next multiple of others/room.
        if (others <= room || (qint64(seen) * room) / others != (qint64(seen + 1) * room) / others)
            contestIndex[size_t(user)] = 0;
        ++seen;
    }
    int contestPeople = 0;
    for (int user = 0; user < userCount; ++user) {
        if (contestIndex[size_t(user)] == 0)
            contestIndex[size_t(user)] = contestPeople++;
    }
    const double scale = double(contestPeople) / double(userCount);

    // The contest's training rows in sub-catalog indexes (sorted, as the snapshot's are).
    std::vector<Snapshot::Interaction> row;
    std::vector<std::vector<Snapshot::Interaction>> rows(static_cast<size_t>(contestPeople));
    for (int user = 0; user < userCount; ++user) {
        if (contestIndex[size_t(user)] < 0)
            continue;
        trainRow(user, &row);
        for (const Snapshot::Interaction &interaction : row) {
            if (const int index = sub[size_t(interaction.index)]; index >= 0)
                rows[size_t(contestIndex[size_t(user)])].push_back({index, interaction.weight});
        }
    }
    const auto source = [&rows](int user) { return std::span<const Snapshot::Interaction>(rows[size_t(user)]); };

    // Their held-out items in sub-catalog indexes.
    std::vector<int> validation;
    std::vector<std::vector<int>> heldOut;
    for (const int user : validationPeople) {
        const std::vector<int> &test = split.testItems(user);
        validation.push_back(contestIndex[size_t(user)]);
        std::vector<int> mapped;
        for (int item : test) {
            if (sub[size_t(item)] >= 0)
                mapped.push_back(sub[size_t(item)]);
        }
        std::sort(mapped.begin(), mapped.end());
        // NDCG's ideal counts every held-out item, so a miss outside the contest costs all alike.
        mapped.insert(mapped.begin(), test.size() - mapped.size(), -1);
        heldOut.push_back(std::move(mapped));
    }
    qCDebug(lcEngine, "personal: split and rows ready at %lld ms", timer.elapsed());
    choice->m_validationPeople = int(validation.size());
    choice->m_itemsUsed = used;
    choice->m_contestPeople = contestPeople;

    const auto score = [&](const std::function<std::vector<float>(int user)> &scores) {
        std::vector<double> perPerson(validation.size(), 0.0);
        forEachInParallel(qint64(validation.size()), [&](qint64 i) {
            const int user = validation[size_t(i)];
            perPerson[size_t(i)] = ndcg(topUnseen(scores(user), rows[size_t(user)], K), heldOut[size_t(i)], K);
        });
        return std::accumulate(perPerson.begin(), perPerson.end(), 0.0) / double(std::max<size_t>(1, perPerson.size()));
    };

    // The configured λ first, so it stays on a tie.
    std::vector<double> lambdas {ease.lambda};
    for (double lambda : LambdaGrid) {
        if (lambda != ease.lambda)
            lambdas.push_back(lambda);
    }
    std::vector<std::pair<QString, EaseModel::Options>> candidates;
    for (double lambda : lambdas) {
        EaseModel::Options options = ease;
        options.lambda = lambda;
        options.neighbours = false;
        candidates.push_back({QStringLiteral("EASE λ=%1").arg(lambdaText(lambda)), options});
    }
    // Item neighbours: on presence, and on the events' strengths (their weights and time decay).
    for (const bool binary : {true, false}) {
        EaseModel::Options options = ease;
        options.neighbours = true;
        options.binary = binary;
        options.lambda = NeighbourShrink;
        candidates.push_back({binary ? Tr::tr("item neighbours") : Tr::tr("item neighbours by strength"), options});
    }
    const int total = int(candidates.size()) + 1;
    for (const auto &[label, options] : candidates) {
        if (progress.isCancelled())
            return nullptr;
        progress.report(Tr::tr("Choosing the personal model"), qint64(choice->m_candidates.size()), total);
        QString error;
        EaseModel::Options scaled = options;
        scaled.lambda = options.lambda * scale;
        const std::shared_ptr<EaseModel> model = EaseModel::train(contestPeople, used, source, scaled, progress.quiet(), &error);
        if (!model) {
            if (progress.isCancelled())
                return nullptr;
            continue; // λ too small to invert: not a candidate
        }
        const double value = score([&](int user) { return model->scores(rows[size_t(user)]); });
        choice->m_candidates.push_back({label, Kind::Ease, options, value});
        qCDebug(lcEngine, "personal: %s tried at %lld ms", qUtf8Printable(label), timer.elapsed());
    }
    if (progress.isCancelled())
        return nullptr;
    progress.report(Tr::tr("Choosing the personal model"), total - 1, total);
    QString error;
    if (const std::shared_ptr<IalsModel> model
        = IalsModel::train(contestPeople, used, source, IalsModel::Options(), progress.quiet(), &error)) {
        const double value = score([&](int user) { return model->scores(user); });
        choice->m_candidates.push_back({QStringLiteral("iALS"), Kind::Ials, EaseModel::Options(), value});
        qCDebug(lcEngine, "personal: iALS tried at %lld ms", timer.elapsed());
    } else if (progress.isCancelled()) {
        return nullptr;
    }
    progress.report(Tr::tr("Choosing the personal model"), total, total);

    const auto best = std::max_element(choice->m_candidates.begin(), choice->m_candidates.end(),
        [](const Candidate &a, const Candidate &b) { return a.ndcg < b.ndcg; });
    if (best != choice->m_candidates.end()) {
        choice->m_kind = best->kind;
        if (best->kind == Kind::Ease)
            choice->m_ease = best->ease;
    }
    qCInfo(lcEngine, "personal: %s in %lld ms", qUtf8Printable(choice->summary()), timer.elapsed());
    return choice;
}

QString PersonalChoice::summary() const
{
    const QString winner = m_kind == Kind::Ials ? QStringLiteral("iALS")
        : m_ease.neighbours ? (m_ease.binary ? Tr::tr("item neighbours") : Tr::tr("item neighbours by strength"))
                            : QStringLiteral("EASE λ=%1").arg(lambdaText(m_ease.lambda));
    if (m_candidates.empty())
        return Tr::tr("%1 (not chosen: too few people with five or more items to validate on)").arg(winner);
    QStringList figures;
    double best = 0;
    for (const Candidate &candidate : m_candidates) {
        figures.append(QStringLiteral("%1 %2").arg(candidate.label).arg(candidate.ndcg, 0, 'f', 4));
        best = std::max(best, candidate.ndcg);
    }
    return Tr::tr("%1, chosen by NDCG@%2 %3 on %4 validation people and the %5 most popular items (%6)")
        .arg(winner)
        .arg(K)
        .arg(best, 0, 'f', 4)
        .arg(QLocale::c().toString(m_validationPeople), QLocale::c().toString(m_itemsUsed),
            figures.join(QStringLiteral(", ")));
}

QByteArray PersonalChoice::serialize() const
{
    QJsonArray candidates;
    for (const Candidate &candidate : m_candidates) {
        candidates.append(QJsonObject {{QStringLiteral("label"), candidate.label},
            {QStringLiteral("kind"), candidate.kind == Kind::Ease ? QStringLiteral("ease") : QStringLiteral("ials")},
            {QStringLiteral("lambda"), candidate.ease.lambda}, {QStringLiteral("binary"), candidate.ease.binary},
            {QStringLiteral("neighbours"), candidate.ease.neighbours}, {QStringLiteral("ndcg"), candidate.ndcg}});
    }
    return QJsonDocument(QJsonObject {
                             {QStringLiteral("format"), FormatVersion},
                             {QStringLiteral("kind"), m_kind == Kind::Ease ? QStringLiteral("ease") : QStringLiteral("ials")},
                             {QStringLiteral("lambda"), m_ease.lambda},
                             {QStringLiteral("binary"), m_ease.binary},
                             {QStringLiteral("neighbours"), m_ease.neighbours},
                             {QStringLiteral("validation_people"), m_validationPeople},
                             {QStringLiteral("items_used"), m_itemsUsed},
                             {QStringLiteral("contest_people"), m_contestPeople},
                             {QStringLiteral("candidates"), candidates},
                         })
        .toJson(QJsonDocument::Compact);
}

std::shared_ptr<PersonalChoice> PersonalChoice::fromBytes(const QByteArray &bytes, QString *error)
{
    const QJsonObject json = QJsonDocument::fromJson(bytes).object();
    if (json.value(QStringLiteral("format")).toInt() != FormatVersion) {
        if (error)
            *error = Tr::tr("not a personal model choice of this version");
        return nullptr;
    }
    auto choice = std::make_shared<PersonalChoice>();
    choice->m_kind = json.value(QStringLiteral("kind")).toString() == QLatin1String("ials") ? Kind::Ials : Kind::Ease;
    choice->m_ease.lambda = json.value(QStringLiteral("lambda")).toDouble(500);
    choice->m_ease.binary = json.value(QStringLiteral("binary")).toBool(true);
    choice->m_ease.neighbours = json.value(QStringLiteral("neighbours")).toBool(false);
    choice->m_validationPeople = json.value(QStringLiteral("validation_people")).toInt();
    choice->m_itemsUsed = json.value(QStringLiteral("items_used")).toInt();
    choice->m_contestPeople = json.value(QStringLiteral("contest_people")).toInt();
    for (const QJsonValue &value : json.value(QStringLiteral("candidates")).toArray()) {
        const QJsonObject candidate = value.toObject();
        EaseModel::Options options;
        options.lambda = candidate.value(QStringLiteral("lambda")).toDouble();
        options.binary = candidate.value(QStringLiteral("binary")).toBool(true);
        options.neighbours = candidate.value(QStringLiteral("neighbours")).toBool(false);
        choice->m_candidates.push_back({candidate.value(QStringLiteral("label")).toString(),
            candidate.value(QStringLiteral("kind")).toString() == QLatin1String("ials") ? Kind::Ials : Kind::Ease,
            options, candidate.value(QStringLiteral("ndcg")).toDouble()});
    }
    return choice;
}

} // namespace Vitrine
