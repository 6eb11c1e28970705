// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/modelcache.h"
#include "engine/models/easemodel.h"
#include "engine/models/ialsmodel.h"
#include "engine/models/personalchoice.h"
#include "engine/strategies/collaborativestrategy.h"

#include "testcatalog.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <atomic>

using namespace Vitrine;
using namespace Vitrine::Test;

namespace {

constexpr int View = 0;
constexpr int Purchase = 3;

/**
 * Five people, four items; X (binary) =
 *   u0: 1 1 0 0      u1: 1 1 1 0      u2: 0 1 1 0      u3: 0 0 1 1      u4: 1 0 0 1
 * The views and purchases make the weighted X (view 1, purchase 8):
 *   u0: 1 8 0 0      u1: 1 1 8 0      u2: 0 8 1 0      u3: 0 0 1 1      u4: 8 0 0 1
 */
void buildFourByFour(TestCatalog &catalog)
{
    for (int i = 0; i < 4; ++i)
        catalog.item(QStringLiteral("SKU-%1").arg(i));
    for (int u = 0; u < 5; ++u)
        catalog.user(QStringLiteral("u%1").arg(u));
    const auto add = [&](int user, int item, int type) {
        catalog.event(
            QStringLiteral("u%1").arg(user), QStringLiteral("SKU-%1").arg(item), type, Day0 + item * 60);
    };
    add(0, 0, View), add(0, 1, Purchase);
    add(1, 0, View), add(1, 1, View), add(1, 2, Purchase);
    add(2, 1, Purchase), add(2, 2, View);
    add(3, 2, View), add(3, 3, View);
    add(4, 0, Purchase), add(4, 3, View);
}

/**
 * Two tastes: five people buy the sweater and the scarf together, five others the tent and the
 * stove; "me" bought the sweater and the tent; "solo" only the sweater; "new" nothing.
 */
void buildTwoTastes(TestCatalog &catalog)
{
    catalog.item(TestCatalog::ItemSpec {QStringLiteral("SKU-1"), QStringLiteral("Merino Sweater"), {}, {}});
    catalog.item(TestCatalog::ItemSpec {QStringLiteral("SKU-2"), QStringLiteral("Wool Scarf"), {}, {}});
    catalog.item(TestCatalog::ItemSpec {QStringLiteral("SKU-3"), QStringLiteral("Dome Tent"), {}, {}});
    catalog.item(TestCatalog::ItemSpec {QStringLiteral("SKU-4"), QStringLiteral("Camping Stove"), {}, {}});
    catalog.item(TestCatalog::ItemSpec {QStringLiteral("SKU-5"), QStringLiteral("Umbrella"), {}, {}});
    for (int u = 0; u < 10; ++u) {
        const QString user = QStringLiteral("p%1").arg(u);
        catalog.user(user);
        const bool knitwear = u < 5;
        catalog.event(user, knitwear ? QStringLiteral("SKU-1") : QStringLiteral("SKU-3"), Purchase, Day0 + u);
        catalog.event(
            user, knitwear ? QStringLiteral("SKU-2") : QStringLiteral("SKU-4"), Purchase, Day0 + u + 1);
    }
    catalog.user(QStringLiteral("me"));
    catalog.event(QStringLiteral("me"), QStringLiteral("SKU-1"), Purchase, Day0 + Day);
    catalog.event(QStringLiteral("me"), QStringLiteral("SKU-3"), View, Day0 + Day + 1);
    catalog.user(QStringLiteral("solo"));
    catalog.event(QStringLiteral("solo"), QStringLiteral("SKU-1"), View, Day0 + Day);
    catalog.user(QStringLiteral("new"));
}

/**
 * Two blocks of five items: eight people consume items 0-3, eight others items 5-8; items 4
 * and 9 nobody. "me" has 0, 1 and 2, so item 3 is the clear next one.
 */
void buildBlocks(TestCatalog &catalog)
{
    for (int i = 0; i < 10; ++i)
        catalog.item(TestCatalog::ItemSpec {
            QStringLiteral("SKU-%1").arg(i), QStringLiteral("Item %1").arg(i), {}, {}});
    for (int u = 0; u < 16; ++u) {
        const QString user = QStringLiteral("b%1").arg(u);
        catalog.user(user);
        const int first = u < 8 ? 0 : 5;
        for (int i = first; i < first + 4; ++i)
            catalog.event(
                user, QStringLiteral("SKU-%1").arg(i), (u + i) % 3 == 0 ? Purchase : View, Day0 + u * 10 + i);
    }
    catalog.user(QStringLiteral("me"));
    for (int i = 0; i < 3; ++i)
        catalog.event(QStringLiteral("me"), QStringLiteral("SKU-%1").arg(i), View, Day0 + Day + i);
}

std::vector<int> itemsOf(const std::vector<ScoredItem> &candidates)
{
    std::vector<int> items;
    for (const ScoredItem &candidate : candidates)
        items.push_back(candidate.item);
    return items;
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

IalsModel::Options smallIals()
{
    IalsModel::Options options;
    // Few factors and firm regularisation: with as many factors as tastes, ALS could fit
    // every person's own items exactly and generalise nothing (NumPy's exact ALS does too).
    options.factors = 4;
    options.lambda = 1.0;
    options.iterations = 12;
    return options;
}

} // namespace

class TestCollaborative : public QObject
{
    Q_OBJECT

private slots:
    void easeMatchesClosedForm_data();
    void easeMatchesClosedForm();
    void easeSparseAndDenseGramAgree();
    void easeRecommendsCoConsumedItem();
    void anonymousAndNewPeopleGetNothing();
    void explainNamesContributingItem();
    void ialsConvergesAndRanksBlockItemFirst();
    void ialsExplainNamesOwnBlock();
    void serializationRoundTrip();
    void damagedBytesAreRefused();
    void trainingIsDeterministic();
    void personalChoosesEaseOnSmallCatalog();
    void personalChoosesOnAValidationSplit();
    void neighboursAreTheCosineOfItemColumns();
    void slotsShareOneModel();
    void cancelledTrainingCachesNothing();
    void badParamsAreRefused_data();
    void badParamsAreRefused();
};

void TestCollaborative::easeMatchesClosedForm_data()
{
    QTest::addColumn<bool>("binary");
    QTest::addColumn<double>("lambda");
    QTest::addColumn<QList<double>>("expected"); // B, row-major, from G = XᵀX + λI by hand / NumPy

    // clang-format off
    // Binary: G = [[4,2,1,1],[2,4,2,0],[1,2,4,1],[1,0,1,3]].
    QTest::newRow("binary, lambda 1") << true << 1.0 << QList<double>{
         0.0,       6.0 / 13, -1.0 / 8,  1.0 / 3,
         9.0 / 16,  0.0,       9.0 / 16, -1.0 / 3,
        -1.0 / 8,   6.0 / 13,  0.0,       1.0 / 3,
         3.0 / 8,  -4.0 / 13,  3.0 / 8,   0.0};
    // Weighted (view 1, purchase 8), numpy.linalg.inv on float64.
    QTest::newRow("weighted, lambda 10") << false << 10.0 << QList<double>{
        0.0,         0.10655558, 0.08985458,  0.10574832,
        0.05496249,  0.0,        0.10928999, -0.00725612,
        0.08501339,  0.20046444, 0.0,         0.0035541,
        0.65958222, -0.08774242, 0.02343028,  0.0};
    // clang-format on
}

void TestCollaborative::easeMatchesClosedForm()
{
    QFETCH(bool, binary);
    QFETCH(double, lambda);
    QFETCH(QList<double>, expected);
    TestCatalog catalog;
    buildFourByFour(catalog);
    const SnapshotPtr snapshot = catalog.snapshot();
    QString error;
    const auto model = EaseModel::train(*snapshot, {lambda, binary}, {}, &error);
    QVERIFY2(model, qPrintable(error));
    QCOMPARE(model->itemCount(), 4);
    for (int from = 0; from < 4; ++from) {
        for (int to = 0; to < 4; ++to) {
            const double want = expected.at(from * 4 + to);
            const double got = model->weight(from, to);
            if (std::abs(got - want) > 1e-6)
                QFAIL(qPrintable(
                    QStringLiteral("B[%1][%2] = %3, expected %4").arg(from).arg(to).arg(got).arg(want)));
        }
    }
    // u0's scores are x_u0·B.
    const std::vector<float> scores = model->scores(snapshot->userItems(0));
    const double x0 = 1.0, x1 = binary ? 1.0 : 8.0; // u0 viewed item 0, bought item 1
    for (int to = 0; to < 4; ++to)
        QVERIFY(std::abs(scores[size_t(to)] - (x0 * expected.at(to) + x1 * expected.at(4 + to))) < 1e-5);
}

void TestCollaborative::easeSparseAndDenseGramAgree()
{
    // A random 300 × 60 matrix, dense enough that both ways are realistic.
    constexpr int Users = 300, Items = 60;
    std::vector<std::vector<Snapshot::Interaction>> rows(Users);
    quint32 state = 12345;
    const auto next = [&state] {
        return state = state * 1664525u + 1013904223u;
    };
    for (auto &row : rows) {
        for (int i = 0; i < Items; ++i) {
            if (next() % 100 < 15)
                row.push_back({i, float(1 + next() % 8)});
        }
    }
    const EaseModel::RowSource source = [&rows](int user) {
        return std::span<const Snapshot::Interaction>(rows[size_t(user)]);
    };
    for (const bool binary : {true, false}) {
        const auto sparse
            = EaseModel::train(Users, Items, source, {50.0, binary, EaseModel::GramMethod::Sparse}, {});
        const auto dense
            = EaseModel::train(Users, Items, source, {50.0, binary, EaseModel::GramMethod::Dense}, {});
        QVERIFY(sparse && dense);
        float largest = 0.0f;
        for (int a = 0; a < Items; ++a) {
            for (int b = 0; b < Items; ++b) {
                QVERIFY(std::abs(sparse->weight(a, b) - dense->weight(a, b)) < 1e-6f);
                largest = std::max(largest, std::abs(sparse->weight(a, b)));
            }
        }
        QVERIFY(largest > 0.01f); // the comparison compared something
    }
}

void TestCollaborative::easeRecommendsCoConsumedItem()
{
    TestCatalog catalog;
    buildTwoTastes(catalog);
    const SnapshotPtr snapshot = catalog.snapshot();
    ModelCache models(snapshot);
    QString error;
    const auto strategy
        = CollaborativeStrategy::create(QStringLiteral("ease"), {snapshot, &models, {}}, {}, &error);
    QVERIFY2(strategy, qPrintable(error));
    QVERIFY(strategy->isPersonal());
    QCOMPARE(strategy->name(), QStringLiteral("ease"));

    RecommendRequest request;
    request.user = snapshot->userIndexByExternalId(QStringLiteral("solo"));
    const std::vector<int> items = itemsOf(strategy->candidates(request, 3));
    QCOMPARE(items.size(), size_t(3));
    QCOMPARE(snapshot->sku(items.front()), QStringLiteral("SKU-2")); // the scarf goes with the sweater
    // What the person already has is never proposed.
    QVERIFY(std::find(items.begin(), items.end(), snapshot->itemIndexBySku(QStringLiteral("SKU-1")))
        == items.end());
}

void TestCollaborative::anonymousAndNewPeopleGetNothing()
{
    TestCatalog catalog;
    buildTwoTastes(catalog);
    const SnapshotPtr snapshot = catalog.snapshot();
    ModelCache models(snapshot);
    for (const QString &name : CollaborativeStrategy::names()) {
        const auto strategy = CollaborativeStrategy::create(name, {snapshot, &models, {}}, {}, nullptr);
        QVERIFY(strategy);
        RecommendRequest request;
        QVERIFY(strategy->candidates(request, 10).empty());
        request.user = snapshot->userIndexByExternalId(QStringLiteral("new"));
        QVERIFY(request.user >= 0);
        QVERIFY(strategy->candidates(request, 10).empty());
    }
}

void TestCollaborative::explainNamesContributingItem()
{
    TestCatalog catalog;
    buildTwoTastes(catalog);
    const SnapshotPtr snapshot = catalog.snapshot();
    ModelCache models(snapshot);
    const auto strategy = CollaborativeStrategy::create(
        QStringLiteral("ease"), {snapshot, &models, {}}, json(R"({"lambda": 2})"), nullptr);
    QVERIFY(strategy);
    RecommendRequest request;
    request.user = snapshot->userIndexByExternalId(QStringLiteral("me"));
    const std::vector<int> items = itemsOf(strategy->candidates(request, 2));
    QCOMPARE(items.size(), size_t(2));
    std::vector<QString> skus {snapshot->sku(items[0]), snapshot->sku(items[1])};
    std::sort(skus.begin(), skus.end());
    QCOMPARE(skus, (std::vector<QString> {QStringLiteral("SKU-2"), QStringLiteral("SKU-4")}));

    QCOMPARE(strategy->explain(request, snapshot->itemIndexBySku(QStringLiteral("SKU-2"))),
        QStringLiteral("because people who liked Merino Sweater also liked it"));
    QCOMPARE(strategy->explain(request, snapshot->itemIndexBySku(QStringLiteral("SKU-4"))),
        QStringLiteral("because people who liked Dome Tent also liked it"));
}

void TestCollaborative::ialsConvergesAndRanksBlockItemFirst()
{
    TestCatalog catalog;
    buildBlocks(catalog);
    const SnapshotPtr snapshot = catalog.snapshot();
    QStringList stages;
    const Progress progress([&stages](const QString &stage, qint64, qint64) { stages << stage; });
    QString error;
    const auto model = IalsModel::train(*snapshot, smallIals(), progress, &error);
    QVERIFY2(model, qPrintable(error));

    const std::vector<double> &loss = model->lossHistory();
    QCOMPARE(int(loss.size()), smallIals().iterations);
    QVERIFY2(loss.back() < 0.5 * loss.front(),
        qPrintable(QStringLiteral("loss %1 -> %2").arg(loss.front()).arg(loss.back())));
    for (size_t k = 1; k < loss.size(); ++k)
        QVERIFY2(loss[k] <= loss[k - 1] * (1 + 1e-4),
            qPrintable(QStringLiteral("loss rose at iteration %1").arg(k + 1)));
    QVERIFY(stages.contains(QStringLiteral("iALS: iteration 12 of 12")));

    ModelCache models(snapshot);
    models.insert(CollaborativeStrategy::modelKey(smallIals()), model);
    const auto strategy = CollaborativeStrategy::create(QStringLiteral("ials"), {snapshot, &models, {}},
        json(R"({"factors": 4, "lambda": 1, "iterations": 12})"), &error);
    QVERIFY2(strategy, qPrintable(error));
    RecommendRequest request;
    request.user = snapshot->userIndexByExternalId(QStringLiteral("me"));
    const std::vector<ScoredItem> candidates = strategy->candidates(request, 10);
    QCOMPARE(candidates.size(), size_t(7)); // all but the three the person has
    QCOMPARE(snapshot->sku(candidates.front().item), QStringLiteral("SKU-3"));
    QVERIFY(candidates.front().score > 0.5f);
    QVERIFY(candidates.front().score > 2 * candidates[1].score);
}

void TestCollaborative::ialsExplainNamesOwnBlock()
{
    TestCatalog catalog;
    buildBlocks(catalog);
    const SnapshotPtr snapshot = catalog.snapshot();
    ModelCache models(snapshot);
    const auto strategy = CollaborativeStrategy::create(
        QStringLiteral("ials"), {snapshot, &models, {}}, json(R"({"factors": 4, "lambda": 1})"), nullptr);
    QVERIFY(strategy);
    RecommendRequest request;
    request.user = snapshot->userIndexByExternalId(QStringLiteral("me"));
    const QString why = strategy->explain(request, snapshot->itemIndexBySku(QStringLiteral("SKU-3")));
    QVERIFY2(why.startsWith(QStringLiteral("because people who liked Item ")), qPrintable(why));
    QVERIFY2(why.contains(QRegularExpression(QStringLiteral("Item [012] also liked it$"))), qPrintable(why));
}

void TestCollaborative::serializationRoundTrip()
{
    TestCatalog catalog;
    buildTwoTastes(catalog);
    const SnapshotPtr snapshot = catalog.snapshot();

    const auto ease = EaseModel::train(*snapshot, {3.0, false}, {});
    QVERIFY(ease);
    const QByteArray easeBytes = ease->serialize();
    QCOMPARE(easeBytes.size(), 21 + 5 * 5 * 4); // header + n² floats
    const auto easeBack = EaseModel::fromBytes(easeBytes);
    QVERIFY(easeBack);
    QCOMPARE(easeBack->itemCount(), 5);
    QCOMPARE(easeBack->lambda(), 3.0);
    QCOMPARE(easeBack->binary(), false);
    for (int u = 0; u < snapshot->userCount(); ++u)
        QCOMPARE(easeBack->scores(snapshot->userItems(u)), ease->scores(snapshot->userItems(u)));
    QCOMPARE(easeBack->serialize(), easeBytes);

    IalsModel::Options options = smallIals();
    options.alpha = 4.5;
    const auto ials = IalsModel::train(*snapshot, options, {});
    QVERIFY(ials);
    const QByteArray ialsBytes = ials->serialize();
    const auto ialsBack = IalsModel::fromBytes(ialsBytes);
    QVERIFY(ialsBack);
    QCOMPARE(ialsBack->factors(), 4);
    QCOMPARE(ialsBack->options().alpha, 4.5);
    QCOMPARE(ialsBack->options().iterations, 12);
    for (int u = 0; u < snapshot->userCount(); ++u)
        QCOMPARE(ialsBack->scores(u), ials->scores(u));
    QCOMPARE(ialsBack->serialize(), ialsBytes);
}

void TestCollaborative::damagedBytesAreRefused()
{
    TestCatalog catalog;
    buildFourByFour(catalog);
    const SnapshotPtr snapshot = catalog.snapshot();
    const QByteArray ease = EaseModel::train(*snapshot, {}, {})->serialize();
    const QByteArray ials = IalsModel::train(*snapshot, smallIals(), {})->serialize();
    QString error;
    QVERIFY(!EaseModel::fromBytes(ease.left(ease.size() - 1), &error));
    QVERIFY(error.contains(QStringLiteral("truncated")));
    QVERIFY(!EaseModel::fromBytes(ials, &error));
    QCOMPARE(error, QStringLiteral("not an EASE model"));
    QVERIFY(!IalsModel::fromBytes(ials.left(ials.size() - 4), &error));
    QVERIFY(error.contains(QStringLiteral("truncated")));
    QVERIFY(!IalsModel::fromBytes(QByteArray(), &error));
}

void TestCollaborative::trainingIsDeterministic()
{
    TestCatalog catalog;
    buildBlocks(catalog);
    const SnapshotPtr snapshot = catalog.snapshot();
    const auto ials1 = IalsModel::train(*snapshot, smallIals(), {});
    const auto ials2 = IalsModel::train(*snapshot, smallIals(), {});
    const auto ease1 = EaseModel::train(*snapshot, {}, {});
    const auto ease2 = EaseModel::train(*snapshot, {}, {});
    QVERIFY(ials1 && ials2 && ease1 && ease2);
    QCOMPARE(ials1->serialize(), ials2->serialize());
    QCOMPARE(ease1->serialize(), ease2->serialize());
    for (int u = 0; u < snapshot->userCount(); ++u)
        QCOMPARE(ials1->scores(u), ials2->scores(u));
    // Another seed gives other factors: the seed is what fixes them.
    IalsModel::Options other = smallIals();
    other.seed += 1;
    QVERIFY(IalsModel::train(*snapshot, other, {})->serialize() != ials1->serialize());
}

void TestCollaborative::personalChoosesEaseOnSmallCatalog()
{
    TestCatalog catalog;
    buildTwoTastes(catalog);
    const SnapshotPtr snapshot = catalog.snapshot();
    ModelCache models(snapshot);
    QString error;
    const auto strategy = CollaborativeStrategy::create(QStringLiteral("personal"), {snapshot, &models, {}},
        json(R"({"ease": {"lambda": 2}, "ials": {"factors": 4}})"), &error);
    QVERIFY2(strategy, qPrintable(error));
    const auto *collaborative = dynamic_cast<const CollaborativeStrategy *>(strategy.get());
    QVERIFY(collaborative);
    QCOMPARE(collaborative->name(), QStringLiteral("personal"));
    QVERIFY(collaborative->easeModel());
    QVERIFY(!collaborative->ialsModel());
    QCOMPARE(models.keys(), QStringList {CollaborativeStrategy::modelKey(EaseModel::Options {2.0, true})});
    RecommendRequest request;
    request.user = snapshot->userIndexByExternalId(QStringLiteral("solo"));
    QCOMPARE(snapshot->sku(strategy->candidates(request, 1).front().item), QStringLiteral("SKU-2"));
}

/** Two blocks of six items; forty people each take their block's items one day after another. */
void buildLongHistories(TestCatalog &catalog)
{
    for (int i = 0; i < 12; ++i)
        catalog.item(TestCatalog::ItemSpec {QStringLiteral("SKU-%1").arg(i), QStringLiteral("Item %1").arg(i), {}, {}});
    for (int u = 0; u < 40; ++u) {
        const QString user = QStringLiteral("p%1").arg(u);
        catalog.user(user);
        const int block = u % 2 ? 6 : 0;
        for (int step = 0; step < 6; ++step)
            catalog.event(user, QStringLiteral("SKU-%1").arg(block + (step + u) % 6), Purchase, Day0 + u * 10 * Day + step * Day);
    }
}

void TestCollaborative::personalChoosesOnAValidationSplit()
{
    TestCatalog catalog;
    buildLongHistories(catalog);
    const SnapshotPtr snapshot = catalog.snapshot();
    const std::shared_ptr<PersonalChoice> choice
        = PersonalChoice::choose(*snapshot, true, EaseModel::Options(), Progress());
    QVERIFY(choice);
    QVERIFY(choice->chosen());
    QCOMPARE(choice->validationPeople(), 40);
    QStringList labels;
    double best = -1;
    for (const PersonalChoice::Candidate &candidate : choice->candidates()) {
        labels.append(candidate.label);
        best = std::max(best, candidate.ndcg);
    }
    // The configured λ is tried first (it stays on a tie), then the grid, neighbours and iALS.
    QCOMPARE(labels.first(), QStringLiteral("EASE λ=500"));
    QVERIFY(labels.contains(QStringLiteral("EASE λ=50")));
    QVERIFY(labels.contains(QStringLiteral("item neighbours")));
    QVERIFY(labels.contains(QStringLiteral("iALS")));
    // Blocks this clean: the held-out item is the one left of the person's block.
    QVERIFY2(best > 0.5, qPrintable(choice->summary()));
    QVERIFY(choice->summary().contains(QStringLiteral("chosen by NDCG@10")));

    // Kept in the catalog's model cache as bytes, read back the same.
    const std::shared_ptr<PersonalChoice> back = PersonalChoice::fromBytes(choice->serialize());
    QVERIFY(back);
    QCOMPARE(back->summary(), choice->summary());
    QCOMPARE(back->ease().lambda, choice->ease().lambda);
    QCOMPARE(back->ease().neighbours, choice->ease().neighbours);
    QVERIFY(!PersonalChoice::fromBytes("{\"format\": 99}"));

    // Too many items for EASE: iALS without a contest.
    const std::shared_ptr<PersonalChoice> large = PersonalChoice::choose(*snapshot, false, EaseModel::Options(), {});
    QVERIFY(large && !large->chosen());
    QCOMPARE(large->kind(), PersonalChoice::Kind::Ials);

    // "personal" without params uses the choice, kept beside the model it trained.
    ModelCache models(snapshot);
    QString error;
    const auto strategy = CollaborativeStrategy::create(QStringLiteral("personal"), {snapshot, &models, {}}, {}, &error);
    QVERIFY2(strategy, qPrintable(error));
    QVERIFY(models.contains(QString::fromLatin1(CollaborativeStrategy::PersonalChoiceKey)));
    if (choice->kind() == PersonalChoice::Kind::Ease)
        QVERIFY2(models.contains(CollaborativeStrategy::modelKey(choice->ease())), qPrintable(models.keys().join(u' ')));
}

void TestCollaborative::neighboursAreTheCosineOfItemColumns()
{
    // Two people: a has items 0 and 1, b has 0. Columns: item 0 (1, 1), item 1 (1, 0).
    const std::vector<std::vector<Snapshot::Interaction>> rows = {{{0, 1.0f}, {1, 1.0f}}, {{0, 1.0f}}};
    EaseModel::Options options;
    options.neighbours = true;
    options.lambda = 1;
    const auto model = EaseModel::train(
        2, 2, [&rows](int user) { return std::span<const Snapshot::Interaction>(rows[size_t(user)]); }, options, {});
    QVERIFY(model);
    // G01 = 1, √(G00·G11) = √2: B = 1 / (√2 + λ), symmetric, zero diagonal.
    QCOMPARE(model->weight(0, 1), float(1.0 / (std::sqrt(2.0) + 1.0)));
    QCOMPARE(model->weight(1, 0), model->weight(0, 1));
    QCOMPARE(model->weight(0, 0), 0.0f);
    const auto back = EaseModel::fromBytes(model->serialize());
    QVERIFY(back && back->neighbours());
    QCOMPARE(back->weight(0, 1), model->weight(0, 1));
    QVERIFY(CollaborativeStrategy::modelKey(options).startsWith(QStringLiteral("neighbours:")));
}

void TestCollaborative::slotsShareOneModel()
{
    TestCatalog catalog;
    buildTwoTastes(catalog);
    const SnapshotPtr snapshot = catalog.snapshot();
    ModelCache models(snapshot);
    int trainings = 0;
    const Progress progress([&trainings](const QString &stage, qint64 done, qint64) {
        trainings += done == 0 && stage.startsWith(QLatin1String("EASE"));
    });
    const auto a
        = CollaborativeStrategy::create(QStringLiteral("ease"), {snapshot, &models, progress}, {}, nullptr);
    // EASE's settings given, so "personal" uses them rather than choosing its own.
    const auto b = CollaborativeStrategy::create(
        QStringLiteral("personal"), {snapshot, &models, progress}, json(R"({"ease": {}})"), nullptr);
    const auto c = CollaborativeStrategy::create(
        QStringLiteral("ease"), {snapshot, &models, progress}, json(R"({"lambda": 10})"), nullptr);
    QVERIFY(a && b && c);
    QCOMPARE(trainings, 2); // lambda 500 once for both, lambda 10 once
    QCOMPARE(static_cast<const CollaborativeStrategy *>(a.get())->easeModel(),
        static_cast<const CollaborativeStrategy *>(b.get())->easeModel());
    QVERIFY(static_cast<const CollaborativeStrategy *>(a.get())->easeModel()
        != static_cast<const CollaborativeStrategy *>(c.get())->easeModel());
}

void TestCollaborative::cancelledTrainingCachesNothing()
{
    TestCatalog catalog;
    buildTwoTastes(catalog);
    const SnapshotPtr snapshot = catalog.snapshot();
    ModelCache models(snapshot);
    std::atomic_bool cancelled {true};
    const Progress progress({}, &cancelled);
    QString error;
    QVERIFY(!EaseModel::train(*snapshot, {}, progress, &error));
    QCOMPARE(error, QStringLiteral("cancelled"));
    QVERIFY(!IalsModel::train(*snapshot, {}, progress, &error));
    QCOMPARE(error, QStringLiteral("cancelled"));
    for (const QString &name : CollaborativeStrategy::names()) {
        error.clear();
        QVERIFY(!CollaborativeStrategy::create(name, {snapshot, &models, progress}, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));
    }
    QVERIFY(models.keys().isEmpty());
}

void TestCollaborative::badParamsAreRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QString>("named"); // what the message must name

    QTest::newRow("ease unknown key")
        << QStringLiteral("ease") << QByteArray(R"({"lamda": 5})") << QStringLiteral("\"lamda\"");
    QTest::newRow("ease lambda text")
        << QStringLiteral("ease") << QByteArray(R"({"lambda": "500"})") << QStringLiteral("\"lambda\"");
    QTest::newRow("ease lambda zero")
        << QStringLiteral("ease") << QByteArray(R"({"lambda": 0})") << QStringLiteral("\"lambda\"");
    QTest::newRow("ease binary number")
        << QStringLiteral("ease") << QByteArray(R"({"binary": 1})") << QStringLiteral("\"binary\"");
    QTest::newRow("ials fractional factors")
        << QStringLiteral("ials") << QByteArray(R"({"factors": 6.5})") << QStringLiteral("\"factors\"");
    QTest::newRow("ials negative alpha")
        << QStringLiteral("ials") << QByteArray(R"({"alpha": -1})") << QStringLiteral("\"alpha\"");
    QTest::newRow("ials iterations text") << QStringLiteral("ials") << QByteArray(R"({"iterations": "10"})")
                                          << QStringLiteral("\"iterations\"");
    QTest::newRow("ials ease key") << QStringLiteral("ials") << QByteArray(R"({"binary": true})")
                                   << QStringLiteral("\"binary\"");
    QTest::newRow("personal flat key")
        << QStringLiteral("personal") << QByteArray(R"({"lambda": 500})") << QStringLiteral("\"lambda\"");
    QTest::newRow("personal ease not object")
        << QStringLiteral("personal") << QByteArray(R"({"ease": 1})") << QStringLiteral("\"ease\"");
    QTest::newRow("personal bad ials")
        << QStringLiteral("personal") << QByteArray(R"({"ials": {"factor": 8}})")
        << QStringLiteral("\"factor\"");
    QTest::newRow("not ours") << QStringLiteral("bestsellers") << QByteArray("{}")
                              << QStringLiteral("bestsellers");
}

void TestCollaborative::badParamsAreRefused()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, params);
    QFETCH(QString, named);
    TestCatalog catalog;
    buildFourByFour(catalog);
    const SnapshotPtr snapshot = catalog.snapshot();
    ModelCache models(snapshot);
    QString error;
    QVERIFY(!CollaborativeStrategy::create(name, {snapshot, &models, {}}, json(params.constData()), &error));
    QVERIFY2(error.contains(named), qPrintable(error));
    QVERIFY(models.keys().isEmpty()); // nothing trained for a refused slot
}

QTEST_APPLESS_MAIN(TestCollaborative)
#include "tst_collaborative.moc"
