// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluationresult.h"

#include "rankingmetrics.h"

#include <QJsonArray>

namespace Vitrine {

QList<GroupMetrics> EvaluationResult::breakdown(
    const std::vector<int> &groupOfUser, const QStringList &names) const
{
    std::vector<std::vector<int>> rowsOfGroup(size_t(names.size()));
    for (size_t row = 0; row < evaluatedUsers.size(); ++row) {
        const size_t user = size_t(evaluatedUsers[row]);
        const int group = user < groupOfUser.size() ? groupOfUser[user] : -1;
        if (group >= 0 && group < int(names.size()))
            rowsOfGroup[size_t(group)].push_back(int(row));
    }
    QList<GroupMetrics> groupMetrics;
    for (qsizetype g = 0; g < names.size(); ++g) {
        const std::vector<int> &rows = rowsOfGroup[size_t(g)];
        GroupMetrics metrics;
        metrics.name = names[g];
        metrics.users = int(rows.size());
        for (const int row : rows)
            metrics.testItems += qint64(tests[size_t(row)].size());
        metrics.byK = RankingMetrics::aggregate(tests, recommended, ks, itemCount, &rows);
        groupMetrics.append(metrics);
    }
    return groupMetrics;
}

QJsonObject EvaluationResult::metricsToJson(const std::map<int, Metrics> &byK)
{
    QJsonObject json;
    for (const auto &[k, metrics] : byK) {
        const QString at = QLatin1Char('@') + QString::number(k);
        json.insert(QLatin1String("recall") + at, metrics.recall);
        json.insert(QLatin1String("ndcg") + at, metrics.ndcg);
        json.insert(QLatin1String("hitrate") + at, metrics.hitRate);
        json.insert(QLatin1String("coverage") + at, metrics.coverage);
    }
    return json;
}

QJsonObject EvaluationResult::toJson(const QString &subjectKey) const
{
    QJsonObject json;
    json.insert(subjectKey, subject);
    if (ks.size() == 1) {
        json.insert(QLatin1String("k"), ks.front());
    } else {
        QJsonArray array;
        for (const int k : ks)
            array.append(k);
        json.insert(QLatin1String("k"), array);
    }
    json.insert(QLatin1String("users"), users);
    json.insert(QLatin1String("test_items"), testItems);
    json.insert(QLatin1String("holdout"), holdout);
    json.insert(QLatin1String("metrics"), metricsToJson(byK));
    if (!groups.isEmpty()) {
        QJsonArray array;
        for (const GroupMetrics &group : groups) {
            QJsonObject entry;
            entry.insert(QLatin1String("name"), group.name);
            entry.insert(QLatin1String("users"), group.users);
            entry.insert(QLatin1String("test_items"), group.testItems);
            entry.insert(QLatin1String("metrics"), metricsToJson(group.byK));
            array.append(entry);
        }
        json.insert(QLatin1String("groups"), array);
    }
    return json;
}

} // namespace Vitrine
