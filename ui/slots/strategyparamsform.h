// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/strategies/strategyparams.h"

#include <QJsonObject>
#include <QMap>
#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace Vitrine {

/**
 * A form for one strategy's parameters, built from what the strategy's own check accepts
 * (strategyParamSpecs): a number in its range, a choice, event types, a true/false, a map of
 * weights... each showing the default until it is changed, with a button to go back to it. The
 * whole object stays editable as JSON below the fields, for what a form cannot say. A problem
 * the core names ("trending: parameter 'prior' must be ...") is marked at its field.
 */
class StrategyParamsForm : public QWidget
{
    Q_OBJECT

public:
    explicit StrategyParamsForm(QWidget *parent = nullptr);

    /** Shows @p strategy's parameters; the fields are rebuilt only when the strategy changes. */
    void setStrategy(const QString &strategy, const QJsonObject &params);
    QString strategy() const { return m_strategy; }
    QJsonObject params() const { return m_params; }
    /** Marks the field the core's @p message names (or the JSON field); empty clears. */
    void setProblem(const QString &message);
    /** The editor of parameter @p key (for tests), nullptr when the strategy has none. */
    QWidget *field(const QString &key) const { return m_fields.value(key); }
    QLineEdit *jsonEdit() const { return m_json; }

Q_SIGNALS:
    void edited(const QJsonObject &params, int mergeId, const QString &what);

private:
    void rebuild();
    void showValues();
    QWidget *makeField(const StrategyParamSpec &spec);
    void setValue(const QString &key, const QJsonValue &value, int mergeId);
    void showValue(const StrategyParamSpec &spec);

    QString m_strategy;
    QJsonObject m_params;
    std::vector<StrategyParamSpec> m_specs;
    QMap<QString, QWidget *> m_fields;
    QMap<QString, QLabel *> m_labels;
    QFormLayout *m_form;
    QLabel *m_heading;
    QLineEdit *m_json;
    QLabel *m_problem;
    bool m_showing = false;
};

} // namespace Vitrine
