// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace Vitrine {

/** The metrics of one group of people (a segment, a country...) in an evaluation. */
struct GroupMetrics
{
    QString name;
    int users = 0; ///< people of the group who were evaluated
    qint64 testItems = 0; ///< their held-out items
    std::map<int, Metrics> byK;
};

/**
 * What an offline evaluation found, as a value the GUI can keep and the CLI can print.
 *
 * Besides the totals it keeps each evaluated person's held-out items and top list, so the same
 * run can be broken down by any grouping afterwards without ranking again.
 */
struct EvaluationResult
{
    bool ok = false;
    bool cancelled = false;
    QString error;

    QString subject; ///< the strategy name or slot key evaluated, for display and JSON
    std::vector<int> ks; ///< the cut-offs, ascending
    double holdout = 0;
    int minItems = 0;
    int itemCount = 0; ///< catalog size, the denominator of coverage
    int users = 0; ///< people evaluated
    qint64 testItems = 0; ///< held-out items over them
    std::map<int, Metrics> byK;
    QList<GroupMetrics> groups;

    std::vector<int> evaluatedUsers; ///< person indexes, ascending
    std::vector<std::vector<int>> tests; ///< per evaluated person, by item index
    std::vector<std::vector<int>> recommended; ///< per evaluated person, best first, at most max K

    /**
     * Metrics per group. groupOfUser gives each person's group by person index (-1, or a
     * person past its end, belongs to none); groups are 0..names.size()-1.
     */
    QList<GroupMetrics> breakdown(const std::vector<int> &groupOfUser, const QStringList &names) const;

    /**
     * The `evaluate --json` document: {subjectKey: subject, "k": K or [K...], "users", "test_items",
     * "holdout", "metrics": {"recall@K", "ndcg@K", "hitrate@K", "coverage@K"...}} and, when
     * broken down, "groups": [{"name", "users", "test_items", "metrics"}].
     * subjectKey is "strategy" or "slot".
     */
    QJsonObject toJson(const QString &subjectKey) const;

    /** {"recall@K": ..., ...} for every K of a metrics map. */
    static QJsonObject metricsToJson(const std::map<int, Metrics> &byK);
};

} // namespace Vitrine
