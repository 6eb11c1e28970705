// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategylisteditor.h"

#include "strategyparamsform.h"

#include "engine/strategyregistry.h"
#include "session/undocommands.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Vitrine {

namespace {

enum Column
{
    StrategyColumn,
    WeightColumn,
    ParamsColumn,
};

/** The slider's steps per unit of weight. */
constexpr int SliderScale = 20;
constexpr double MaxWeight = 2.0;

/** A strategy as an object: the chain may name one by its name alone ("bestsellers"). */
QJsonObject strategyOf(const QJsonValue &value)
{
    return value.isString() ? QJsonObject {{QStringLiteral("name"), value.toString()}} : value.toObject();
}

QString compact(const QJsonObject &object)
{
    return object.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

StrategyListEditor::StrategyListEditor(bool withWeights, QWidget *parent)
    : QWidget(parent)
    , m_withWeights(withWeights)
    , m_table(new QTableWidget)
    , m_form(new StrategyParamsForm)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Strategy"), tr("Weight"), tr("Parameters (JSON)")});
    m_table->horizontalHeader()->setSectionResizeMode(StrategyColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(WeightColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ParamsColumn, QHeaderView::Stretch);
    m_table->setColumnHidden(WeightColumn, !withWeights);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 14);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_table, 1);

    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(withWeights ? tr("Add strategy") : tr("Add fallback"));
    auto *remove = new QPushButton(tr("Remove"));
    auto *up = new QPushButton(tr("Up"));
    auto *down = new QPushButton(tr("Down"));
    for (QPushButton *b : {add, remove, up, down})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(m_form);

    connect(m_table, &QTableWidget::currentCellChanged, this, [this] { showForm(); });
    connect(m_form, &StrategyParamsForm::edited, this, [this](const QJsonObject &params, int mergeId, const QString &what) {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_shown.size())
            return;
        QJsonObject next = strategyOf(m_shown.at(row));
        if (params.isEmpty())
            next.remove(QStringLiteral("params"));
        else
            next.insert(QStringLiteral("params"), params);
        if (auto *edit = qobject_cast<QLineEdit *>(m_table->cellWidget(row, ParamsColumn)))
            edit->setText(compact(params));
        setRow(row, next, mergeId, what);
    });

    connect(add, &QPushButton::clicked, this, [this] {
        QJsonArray next = m_shown;
        QJsonObject strategy {{QStringLiteral("name"), QStringLiteral("bestsellers")}};
        if (m_withWeights)
            strategy.insert(QStringLiteral("weight"), 1.0);
        next.append(strategy);
        m_shown = next;
        rebuild();
        Q_EMIT edited(m_shown, NoMerge, tr("Add a strategy"));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_shown.size())
            return;
        m_shown.removeAt(row);
        rebuild();
        Q_EMIT edited(m_shown, NoMerge, tr("Remove a strategy"));
    });
    const auto move = [this](int by) {
        const int row = m_table->currentRow();
        const int to = row + by;
        if (row < 0 || to < 0 || to >= m_shown.size())
            return;
        const QJsonValue value = m_shown.at(row);
        m_shown.removeAt(row);
        m_shown.insert(to, value);
        rebuild();
        m_table->selectRow(to);
        Q_EMIT edited(m_shown, NoMerge, tr("Move a strategy"));
    };
    connect(up, &QPushButton::clicked, this, [move] { move(-1); });
    connect(down, &QPushButton::clicked, this, [move] { move(1); });
}

void StrategyListEditor::setStrategies(const QJsonArray &strategies)
{
    if (strategies == m_shown)
        return;
    m_shown = strategies;
    rebuild();
}

void StrategyListEditor::rebuild()
{
    m_table->setRowCount(int(m_shown.size()));
    for (int row = 0; row < m_shown.size(); ++row) {
        const QJsonObject strategy = strategyOf(m_shown.at(row));

        auto *name = new QComboBox;
        for (const StrategyInfo &info : strategyInfos()) {
            name->addItem(info.name, info.name);
            name->setItemData(name->count() - 1, info.description, Qt::ToolTipRole);
        }
        const QString current = strategy.value(QLatin1String("name")).toString();
        if (name->findData(current) < 0)
            name->addItem(current, current);
        name->setCurrentIndex(name->findData(current));
        m_table->setCellWidget(row, StrategyColumn, name);
        connect(name, &QComboBox::currentIndexChanged, this, [this, row, name] {
            QJsonObject next = strategyOf(m_shown.at(row));
            next.insert(QStringLiteral("name"), name->currentData().toString());
            next.remove(QStringLiteral("params")); // another strategy's parameters mean nothing here
            setRow(row, next, NoMerge, tr("Strategy"));
            // Later: this combo is replaced by the rebuild.
            QMetaObject::invokeMethod(this, &StrategyListEditor::rebuild, Qt::QueuedConnection);
        });

        auto *weightBox = new QWidget;
        auto *weightLayout = new QHBoxLayout(weightBox);
        weightLayout->setContentsMargins(2, 0, 2, 0);
        auto *slider = new QSlider(Qt::Horizontal);
        slider->setRange(0, int(MaxWeight * SliderScale));
        slider->setMinimumWidth(110);
        auto *spin = new QDoubleSpinBox;
        spin->setRange(0, 100);
        spin->setDecimals(2);
        spin->setSingleStep(0.05);
        const double weight = strategy.value(QLatin1String("weight")).toDouble(1.0);
        slider->setValue(qRound(std::min(weight, MaxWeight) * SliderScale));
        spin->setValue(weight);
        weightLayout->addWidget(slider);
        weightLayout->addWidget(spin);
        m_table->setCellWidget(row, WeightColumn, weightBox);
        connect(slider, &QSlider::valueChanged, this, [spin](int value) {
            if (qRound(spin->value() * SliderScale) != value)
                spin->setValue(double(value) / SliderScale);
        });
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, row, slider](double value) {
            const QSignalBlocker blocker(slider);
            slider->setValue(qRound(std::min(value, MaxWeight) * SliderScale));
            QJsonObject next = strategyOf(m_shown.at(row));
            next.insert(QStringLiteral("weight"), value);
            setRow(row, next, MergeDraftNumber, tr("Weight"));
        });

        auto *params = new QLineEdit(compact(strategy.value(QLatin1String("params")).toObject()));
        params->setPlaceholderText(tr("{} — the strategy's defaults"));
        m_table->setCellWidget(row, ParamsColumn, params);
        connect(params, &QLineEdit::textEdited, this, [this, row](const QString &text) {
            QJsonObject next = strategyOf(m_shown.at(row));
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
            if (text.trimmed().isEmpty()) {
                next.remove(QStringLiteral("params"));
            } else if (document.isObject()) {
                next.insert(QStringLiteral("params"), document.object());
            } else {
                // Not JSON yet (typing): marked, the draft keeps the last valid parameters.
                auto *edit = qobject_cast<QLineEdit *>(m_table->cellWidget(row, ParamsColumn));
                edit->setStyleSheet(QStringLiteral("background: #fde2e1;"));
                edit->setToolTip(tr("Not JSON: %1 at character %2").arg(error.errorString()).arg(error.offset));
                return;
            }
            setRow(row, next, MergeDraftText, tr("Parameters"));
            if (row == m_table->currentRow())
                showForm();
        });
        check(row);
    }
    if (m_table->currentRow() < 0 && !m_shown.isEmpty())
        m_table->setCurrentCell(0, StrategyColumn);
    showForm();
}

void StrategyListEditor::setCurrentRow(int row)
{
    m_table->setCurrentCell(row, StrategyColumn);
    showForm();
}

void StrategyListEditor::showForm()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_shown.size()) {
        m_form->setStrategy({}, {});
        m_form->setProblem({});
        return;
    }
    const QJsonObject strategy = strategyOf(m_shown.at(row));
    m_form->setStrategy(strategy.value(QLatin1String("name")).toString(), strategy.value(QLatin1String("params")).toObject());
    const QWidget *params = m_table->cellWidget(row, ParamsColumn);
    m_form->setProblem(params ? params->property("problem").toString() : QString());
}

void StrategyListEditor::setRow(int row, const QJsonObject &strategy, int mergeId, const QString &what)
{
    m_shown.replace(row, strategy);
    check(row);
    Q_EMIT edited(m_shown, mergeId, what);
}

void StrategyListEditor::check(int row)
{
    const QJsonObject strategy = strategyOf(m_shown.at(row));
    QString error;
    const bool ok = checkStrategyParams(strategy.value(QLatin1String("name")).toString(),
        strategy.value(QLatin1String("params")).toObject(), &error);
    auto *params = qobject_cast<QLineEdit *>(m_table->cellWidget(row, ParamsColumn));
    if (!params)
        return;
    params->setStyleSheet(ok ? QString() : QStringLiteral("background: #fde2e1;"));
    params->setToolTip(ok ? tr("Checked: the strategy accepts these parameters") : error);
    params->setProperty("problem", ok ? QString() : error);
    if (row == m_table->currentRow())
        m_form->setProblem(ok ? QString() : error);
}

QStringList StrategyListEditor::problems() const
{
    QStringList list;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QWidget *params = m_table->cellWidget(row, ParamsColumn);
        list.append(params ? params->property("problem").toString() : QString());
    }
    return list;
}

} // namespace Vitrine
