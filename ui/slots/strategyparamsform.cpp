// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategyparamsform.h"

#include "audience/choicelistbutton.h"
#include "catalog/eventtype.h"
#include "engine/strategyregistry.h"
#include "session/undocommands.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace Vitrine {

namespace {

using Kind = StrategyParamSpec::Kind;

const char ProblemStyle[] = "background: #fde2e1;";

/** "window_days" → "Window (days)". */
QString labelOf(const QString &key)
{
    QString text = key;
    QString unit;
    for (const char *suffix : {"_days", "_hours"}) {
        if (text.endsWith(QLatin1String(suffix))) {
            unit = QString::fromLatin1(suffix + 1);
            text.chop(int(qstrlen(suffix)));
        }
    }
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return unit.isEmpty() ? text : QStringLiteral("%1 (%2)").arg(text, unit);
}

/** What a parameter does, for its tooltip; the same key means the same in every strategy. */
QString helpOf(const QString &key)
{
    static const QMap<QString, const char *> help {
        {QStringLiteral("window_days"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "Days of events counted, back from now (or from the as-of date); 0: all")},
        {QStringLiteral("event"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "Which events count")},
        {QStringLiteral("events"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "Which events count")},
        {QStringLiteral("recent_days"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "The recent window whose rate is compared with the usual level")},
        {QStringLiteral("baseline_days"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "The window before it that sets the usual level")},
        {QStringLiteral("prior"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "Smoothing: the higher, the less an item with few events can rise")},
        {QStringLiteral("max_age_days"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "Only items added within this many days")},
        {QStringLiteral("min_discount"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "The smallest discount, in percent, that counts as on sale")},
        {QStringLiteral("popularity"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "How much popularity adds to the score")},
        {QStringLiteral("popularity_days"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "The window popularity is counted in")},
        {QStringLiteral("age_band"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "Years per age band: people in the same band count as alike")},
        {QStringLiteral("min_people"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "The fewest people a group needs before its favourites are used")},
        {QStringLiteral("anchors"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "How many of the person's latest items to start from")},
        {QStringLiteral("min_count"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "The fewest times two items must go together to count")},
        {QStringLiteral("min_support"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "The fewest baskets holding both items")},
        {QStringLiteral("basket_hours"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "Events of one person within this many hours make one basket")},
        {QStringLiteral("half_life_days"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "An event counts half after this many days; 0: no fading")},
        {QStringLiteral("price_bands"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "How many price bands the catalog is cut into")},
        {QStringLiteral("weights"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "How much each kind of likeness counts")},
        {QStringLiteral("lambda"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "Regularisation: higher favours popular items, lower the person's niche")},
        {QStringLiteral("binary"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "Count whether a person touched an item, not how often")},
        {QStringLiteral("factors"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "Size of the learned taste vectors")},
        {QStringLiteral("iterations"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "Training rounds")},
        {QStringLiteral("alpha"), QT_TRANSLATE_NOOP("Vitrine::StrategyParamsForm", "How much more a repeated event counts")},
    };
    const char *text = help.value(key);
    return text ? QCoreApplication::translate("Vitrine::StrategyParamsForm", text) : QString();
}

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return value.toObject().isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

QStringList eventsOf(const QJsonValue &value)
{
    if (value.toString() == QLatin1String("all"))
        return eventTypeNames();
    if (value.isString())
        return {value.toString()};
    QStringList names;
    for (const QJsonValue &name : value.toArray())
        names.append(name.toString());
    return names;
}

QJsonValue eventsValue(const QStringList &names)
{
    if (names.size() == eventTypeNames().size())
        return QStringLiteral("all");
    if (names.size() == 1)
        return names.first();
    return QJsonArray::fromStringList(names);
}

/** "a, b ,c" → ["a", "b", "c"]. */
QJsonArray listValue(const QString &text)
{
    QJsonArray list;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            list.append(part.trimmed());
    }
    return list;
}

int decimalsFor(const StrategyParamSpec &spec)
{
    return spec.minimum > 0 && spec.minimum < 0.1 ? 3 : 2;
}

} // namespace

StrategyParamsForm::StrategyParamsForm(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout)
    , m_heading(new QLabel)
    , m_json(new QLineEdit)
    , m_problem(new QLabel)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_heading);
    layout->addLayout(m_form);
    auto *jsonRow = new QFormLayout;
    m_json->setPlaceholderText(tr("{} — every parameter at its default"));
    jsonRow->addRow(tr("As JSON:"), m_json);
    layout->addLayout(jsonRow);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problem->hide();
    layout->addWidget(m_problem);
    m_form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);

    connect(m_json, &QLineEdit::textEdited, this, [this](const QString &text) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (!text.trimmed().isEmpty() && !document.isObject()) {
            m_json->setStyleSheet(QString::fromLatin1(ProblemStyle));
            m_json->setToolTip(tr("Not a JSON object: %1 at character %2 (the strategy keeps its last valid parameters)")
                                   .arg(error.errorString())
                                   .arg(error.offset));
            return;
        }
        m_json->setStyleSheet({});
        m_params = document.object();
        showValues();
        Q_EMIT edited(m_params, MergeDraftText, tr("Parameters"));
    });
}

void StrategyParamsForm::setStrategy(const QString &strategy, const QJsonObject &params)
{
    const bool rebuilt = strategy != m_strategy;
    m_strategy = strategy;
    m_params = params;
    if (rebuilt)
        rebuild();
    showValues();
}

void StrategyParamsForm::rebuild()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_fields.clear();
    m_labels.clear();
    m_specs = strategyParamSpecs(m_strategy);
    m_heading->setText(m_strategy.isEmpty() ? tr("Pick a strategy above to tune it.")
            : m_specs.empty()               ? tr("<b>%1</b> has no parameters.").arg(m_strategy.toHtmlEscaped())
                                            : tr("<b>Parameters of %1</b> (bold: changed from the default)").arg(m_strategy.toHtmlEscaped()));
    for (const StrategyParamSpec &spec : m_specs) {
        QWidget *field = makeField(spec);
        auto *row = new QWidget;
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addWidget(field);
        auto *reset = new QToolButton;
        reset->setText(QStringLiteral("↺"));
        reset->setToolTip(tr("Back to the default (%1)").arg(compact(spec.defaultValue)));
        reset->setAutoRaise(true);
        rowLayout->addWidget(reset);
        rowLayout->addStretch(1);
        connect(reset, &QToolButton::clicked, this, [this, key = spec.key] { setValue(key, QJsonValue(), NoMerge); });
        auto *label = new QLabel(labelOf(spec.key) + QLatin1Char(':'));
        const QString help = helpOf(spec.key);
        label->setToolTip(help.isEmpty() ? spec.key : QStringLiteral("%1\n(%2)").arg(help, spec.key));
        field->setToolTip(label->toolTip());
        m_form->addRow(label, row);
        m_fields.insert(spec.key, field);
        m_labels.insert(spec.key, label);
    }
}

QWidget *StrategyParamsForm::makeField(const StrategyParamSpec &spec)
{
    const QString key = spec.key;
    switch (spec.kind) {
    case Kind::Number: {
        auto *box = new QDoubleSpinBox;
        box->setDecimals(decimalsFor(spec));
        box->setRange(spec.minimum, spec.maximum);
        box->setAccelerated(true);
        box->setMinimumWidth(100);
        connect(box, &QDoubleSpinBox::valueChanged, this, [this, key](double value) { setValue(key, value, MergeDraftNumber); });
        return box;
    }
    case Kind::Integer: {
        auto *box = new QSpinBox;
        box->setRange(int(spec.minimum), int(spec.maximum));
        box->setAccelerated(true);
        box->setMinimumWidth(100);
        connect(box, &QSpinBox::valueChanged, this, [this, key](int value) { setValue(key, value, MergeDraftNumber); });
        return box;
    }
    case Kind::Boolean: {
        auto *box = new QCheckBox;
        connect(box, &QCheckBox::toggled, this, [this, key](bool on) { setValue(key, on, NoMerge); });
        return box;
    }
    case Kind::Choice: {
        auto *box = new QComboBox;
        box->addItems(spec.choices);
        connect(box, &QComboBox::currentTextChanged, this, [this, key](const QString &text) { setValue(key, text, NoMerge); });
        return box;
    }
    case Kind::Events:
    case Kind::TextList:
        if (!spec.choices.isEmpty()) {
            auto *button = new ChoiceListButton;
            button->setChoices(spec.choices);
            button->setEmptyText(tr("none"));
            const bool events = spec.kind == Kind::Events;
            connect(button, &ChoiceListButton::selectionChanged, this, [this, key, events](const QStringList &values) {
                if (values.isEmpty())
                    setValue(key, QJsonValue(), NoMerge); // none chosen: the default
                else
                    setValue(key, events ? eventsValue(values) : QJsonValue(QJsonArray::fromStringList(values)), NoMerge);
            });
            return button;
        }
        [[fallthrough]];
    case Kind::Text: {
        auto *edit = new QLineEdit;
        edit->setMinimumWidth(180);
        edit->setPlaceholderText(compact(spec.defaultValue));
        const bool list = spec.kind == Kind::TextList;
        connect(edit, &QLineEdit::textEdited, this, [this, key, list](const QString &text) {
            if (text.trimmed().isEmpty())
                setValue(key, QJsonValue(), MergeDraftText);
            else if (list)
                setValue(key, listValue(text), MergeDraftText);
            else
                setValue(key, text, MergeDraftText);
        });
        return edit;
    }
    case Kind::NumberMap: {
        auto *box = new QWidget;
        auto *boxLayout = new QHBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        for (const QString &part : spec.choices) {
            boxLayout->addWidget(new QLabel(labelOf(part)));
            auto *number = new QDoubleSpinBox;
            number->setObjectName(part);
            number->setRange(spec.minimum, spec.maximum);
            number->setDecimals(2);
            number->setSingleStep(0.1);
            boxLayout->addWidget(number);
            connect(number, &QDoubleSpinBox::valueChanged, this, [this, key, part, spec](double value) {
                QJsonObject map = m_params.value(key).toObject();
                if (value == spec.defaultValue.toObject().value(part).toDouble())
                    map.remove(part);
                else
                    map.insert(part, value);
                setValue(key, map.isEmpty() ? QJsonValue() : QJsonValue(map), MergeDraftNumber);
            });
        }
        return box;
    }
    case Kind::TextMap:
    case Kind::Object:
        break;
    }
    auto *edit = new QLineEdit;
    edit->setMinimumWidth(220);
    edit->setPlaceholderText(compact(spec.defaultValue).isEmpty() ? QStringLiteral("{}") : compact(spec.defaultValue));
    connect(edit, &QLineEdit::textEdited, this, [this, key, edit](const QString &text) {
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        if (!text.trimmed().isEmpty() && !document.isObject()) {
            edit->setStyleSheet(QString::fromLatin1(ProblemStyle));
            return;
        }
        edit->setStyleSheet({});
        setValue(key, text.trimmed().isEmpty() ? QJsonValue() : QJsonValue(document.object()), MergeDraftText);
    });
    return edit;
}

void StrategyParamsForm::setValue(const QString &key, const QJsonValue &value, int mergeId)
{
    if (m_showing)
        return;
    const auto spec = std::find_if(m_specs.begin(), m_specs.end(), [&](const StrategyParamSpec &s) { return s.key == key; });
    // The default is not written: the slot stays short and follows a better default later.
    if (value.isUndefined() || value.isNull() || (spec != m_specs.end() && value == spec->defaultValue))
        m_params.remove(key);
    else
        m_params.insert(key, value);
    showValues();
    Q_EMIT edited(m_params, mergeId, labelOf(key));
}

void StrategyParamsForm::showValues()
{
    m_showing = true;
    for (const StrategyParamSpec &spec : m_specs)
        showValue(spec);
    const QString json = compact(m_params);
    if (QJsonDocument::fromJson(m_json->text().toUtf8()).object() != m_params || (m_params.isEmpty() && !m_json->text().trimmed().isEmpty()))
        m_json->setText(json);
    m_showing = false;
}

void StrategyParamsForm::showValue(const StrategyParamSpec &spec)
{
    QWidget *field = m_fields.value(spec.key);
    if (!field)
        return;
    const bool set = m_params.contains(spec.key);
    const QJsonValue value = set ? m_params.value(spec.key) : spec.defaultValue;
    if (QLabel *label = m_labels.value(spec.key)) {
        QFont font = label->font();
        font.setBold(set);
        label->setFont(font);
    }
    if (auto *box = qobject_cast<QDoubleSpinBox *>(field))
        box->setValue(value.toDouble());
    else if (auto *box = qobject_cast<QSpinBox *>(field))
        box->setValue(value.toInt());
    else if (auto *box = qobject_cast<QCheckBox *>(field))
        box->setChecked(value.toBool());
    else if (auto *box = qobject_cast<QComboBox *>(field))
        box->setCurrentIndex(std::max(0, box->findText(value.toString())));
    else if (auto *button = qobject_cast<ChoiceListButton *>(field))
        button->setSelected(eventsOf(value));
    else if (auto *edit = qobject_cast<QLineEdit *>(field)) {
        const QString text = set ? (value.isArray() ? eventsOf(value).join(QStringLiteral(", ")) : compact(value)) : QString();
        if (!edit->hasFocus() || !set)
            edit->setText(text);
    } else if (spec.kind == Kind::NumberMap) {
        const QJsonObject map = value.toObject();
        for (const QString &part : spec.choices) {
            if (auto *number = field->findChild<QDoubleSpinBox *>(part))
                number->setValue(map.contains(part) ? map.value(part).toDouble() : spec.defaultValue.toObject().value(part).toDouble());
        }
    }
}

void StrategyParamsForm::setProblem(const QString &message)
{
    static const QRegularExpression named(QStringLiteral("parameter ['\"]([A-Za-z0-9_]+)['\"]"));
    const QRegularExpressionMatch match = named.match(message);
    const QString key = match.hasMatch() && m_fields.contains(match.captured(1)) ? match.captured(1) : QString();
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        const bool here = it.key() == key;
        it.value()->setStyleSheet(here ? QString::fromLatin1(ProblemStyle) : QString());
        m_labels.value(it.key())->setStyleSheet(here ? QStringLiteral("color: #b3261e;") : QString());
    }
    m_json->setStyleSheet(!message.isEmpty() && key.isEmpty() ? QString::fromLatin1(ProblemStyle) : QString());
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

} // namespace Vitrine
