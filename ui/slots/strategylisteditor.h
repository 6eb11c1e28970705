// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QWidget>

class QTableWidget;

namespace Vitrine {

class StrategyParamsForm;

/**
 * A slot's strategies (or its fallback chain) as a table: one row per strategy with the
 * strategy picked from the sixteen, its weight (slider and number) and its parameters as JSON,
 * each checked as the core checks them (checkStrategyParams) and marked where wrong; under the
 * table, a form for the chosen row's parameters (StrategyParamsForm). Add, remove and move a
 * row up or down. It edits the JSON array the slot stores.
 */
class StrategyListEditor : public QWidget
{
    Q_OBJECT

public:
    /** @p withWeights: false for the fallback chain, which has no weights. */
    explicit StrategyListEditor(bool withWeights, QWidget *parent = nullptr);

    /** Shows @p strategies; rebuilt only when they differ from what is shown. */
    void setStrategies(const QJsonArray &strategies);
    QJsonArray strategies() const { return m_shown; }
    QTableWidget *table() const { return m_table; }
    StrategyParamsForm *paramsForm() const { return m_form; }
    /** Chooses the row whose parameters the form shows. */
    void setCurrentRow(int row);
    /** The problem of each row ("" when none), as the core words it. */
    QStringList problems() const;

Q_SIGNALS:
    void edited(const QJsonArray &strategies, int mergeId, const QString &what);

private:
    void rebuild();
    void setRow(int row, const QJsonObject &strategy, int mergeId, const QString &what);
    void check(int row);
    void showForm();

    bool m_withWeights;
    QTableWidget *m_table;
    StrategyParamsForm *m_form;
    QJsonArray m_shown;
};

} // namespace Vitrine
