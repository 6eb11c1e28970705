// SPDX-License-Identifier: GPL-3.0-or-later
// The value editors of ConditionRow, one function per kind of condition.
#include "conditionrow.h"

#include "audience/valuemeasure.h"
#include "choicelistbutton.h"
#include "rulechoices.h"
#include "session/undocommands.h"

#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace Vitrine {

namespace {

QStringList toStrings(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.isArray() ? value.toArray() : QJsonArray {value};
    for (const QJsonValue &v : array) {
        if (v.isString())
            list.append(v.toString());
        else if (v.isDouble())
            list.append(QString::number(v.toDouble()));
    }
    return list;
}

QStringList chosenValues(const QJsonObject &body)
{
    if (body.contains(QLatin1String("in")))
        return toStrings(body.value(QLatin1String("in")));
    if (body.contains(QLatin1String("equals")))
        return toStrings(body.value(QLatin1String("equals")));
    return {};
}

/** "equals" for one value, "in" for several (an empty "in" is the core's error to report). */
void setChosenValues(QJsonObject &body, const QStringList &values)
{
    for (const char *key : {"equals", "in", "exists", "min", "max"})
        body.remove(QLatin1String(key));
    if (values.size() == 1)
        body.insert(QLatin1String("equals"), values.first());
    else
        body.insert(QLatin1String("in"), QJsonArray::fromStringList(values));
}

/** An optional whole-number bound: the lowest value means "no bound" and shows `noBound`. */
QSpinBox *boundSpin(int minimum, int maximum, const QJsonValue &value, const QString &noBound)
{
    auto *spin = new QSpinBox;
    spin->setRange(minimum - 1, maximum);
    spin->setSpecialValueText(noBound);
    spin->setValue(value.isDouble() ? value.toInt() : minimum - 1);
    spin->setAccelerated(true);
    return spin;
}

QDoubleSpinBox *numberSpin(double minimum, double maximum, int decimals, double value)
{
    auto *spin = new QDoubleSpinBox;
    spin->setRange(minimum, maximum);
    spin->setDecimals(decimals);
    spin->setValue(value);
    spin->setAccelerated(true);
    spin->setGroupSeparatorShown(true);
    return spin;
}

QComboBox *operatorCombo(const QList<std::pair<QString, QString>> &operators, const QString &current)
{
    auto *combo = new QComboBox;
    for (const auto &[id, label] : operators)
        combo->addItem(label, id);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
    return combo;
}

QComboBox *categoryPicker(const RuleChoices &choices, const QString &current)
{
    auto *combo = new QComboBox;
    combo->setMaxVisibleItems(25);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(10);
    for (const RuleChoices::Category &category : choices.categories)
        combo->addItem(QString(size_t(category.depth - 1) * 3, QLatin1Char(' ')) + category.name, category.path);
    int at = combo->findData(current);
    if (at < 0 && !current.isEmpty()) {
        combo->addItem(ConditionRow::tr("%1 (not in the catalog)").arg(current), current);
        at = combo->count() - 1;
    }
    combo->setCurrentIndex(at);
    return combo;
}

/** A free-text field with suggestions from the catalog (brands, items, topics, cities). */
QLineEdit *searchField(const QStringList &suggestions, const QString &current, const QString &placeholder)
{
    auto *edit = new QLineEdit(current);
    edit->setPlaceholderText(placeholder);
    edit->setMinimumWidth(140);
    if (!suggestions.isEmpty()) {
        auto *completer = new QCompleter(suggestions, edit);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        completer->setMaxVisibleItems(15);
        edit->setCompleter(completer);
    }
    return edit;
}

} // namespace

void ConditionRow::addProfileEditors(QJsonObject &b)
{
    const QString field = b.value(QLatin1String("field")).toString();
    const bool isNumber = field == QLatin1String("age") || field == QLatin1String("birth_year");
    const bool isAttribute = field.startsWith(QLatin1String("attributes."));

    if (isAttribute) {
        auto *name = new QLineEdit(field.mid(int(qstrlen("attributes."))));
        name->setPlaceholderText(tr("attribute name"));
        name->setMaximumWidth(140);
        m_editorLayout->addWidget(name);
        connect(name, &QLineEdit::textEdited, this, [this](const QString &text) {
            QJsonObject next = body();
            next.insert(QStringLiteral("field"), QStringLiteral("attributes.") + text.trimmed());
            setBody(next, MergeDraftText);
        });
    }

    if (field == QLatin1String("email_consent")) {
        auto *consent = operatorCombo({{QStringLiteral("yes"), tr("is yes")}, {QStringLiteral("no"), tr("is no")}},
            b.value(QLatin1String("equals")).toBool() ? QStringLiteral("yes") : QStringLiteral("no"));
        m_editorLayout->addWidget(consent);
        connect(consent, &QComboBox::currentIndexChanged, this, [this, consent] {
            setBody({{QStringLiteral("field"), QStringLiteral("email_consent")},
                        {QStringLiteral("equals"), consent->currentData().toString() == QLatin1String("yes")}},
                NoMerge);
        });
        return;
    }

    QString current = b.contains(QLatin1String("exists"))
        ? (b.value(QLatin1String("exists")).toBool() ? QStringLiteral("known") : QStringLiteral("unknown"))
        : (b.contains(QLatin1String("min")) || b.contains(QLatin1String("max"))) ? QStringLiteral("range")
                                                                                  : QStringLiteral("in");
    QList<std::pair<QString, QString>> operators;
    if (isNumber || isAttribute)
        operators.append({QStringLiteral("range"), tr("is between")});
    if (!isNumber)
        operators.append({QStringLiteral("in"), isAttribute ? tr("equals") : tr("is any of")});
    operators.append({QStringLiteral("known"), tr("is known")});
    operators.append({QStringLiteral("unknown"), tr("is unknown")});
    if (isNumber && current == QLatin1String("in")) // an "equals" age: shown as a one-value range
        current = QStringLiteral("range");
    auto *op = operatorCombo(operators, current);
    m_editorLayout->addWidget(op);
    connect(op, &QComboBox::currentIndexChanged, this, [this, op, field] {
        QJsonObject next {{QStringLiteral("field"), body().value(QLatin1String("field"))}};
        const QString id = op->currentData().toString();
        if (id == QLatin1String("known") || id == QLatin1String("unknown"))
            next.insert(QStringLiteral("exists"), id == QLatin1String("known"));
        else if (id == QLatin1String("range"))
            next.insert(QStringLiteral("min"), field == QLatin1String("birth_year") ? 1980 : 18);
        else if (field == QLatin1String("gender"))
            next.insert(QStringLiteral("equals"), QStringLiteral("f"));
        else if (field == QLatin1String("country") && !m_choices->countries.isEmpty())
            next.insert(QStringLiteral("equals"), m_choices->countries.first());
        else
            next.insert(QStringLiteral("equals"), QString());
        m_json = {{QStringLiteral("profile"), next}};
        rebuildEditors();
        Q_EMIT edited(NoMerge);
    });

    if (current == QLatin1String("known") || current == QLatin1String("unknown"))
        return;
    if (current == QLatin1String("range")) {
        const int low = field == QLatin1String("birth_year") ? 1900 : 0;
        const int high = field == QLatin1String("birth_year") ? 2100 : 150;
        const QJsonValue minValue = b.contains(QLatin1String("equals")) ? b.value(QLatin1String("equals")) : b.value(QLatin1String("min"));
        const QJsonValue maxValue = b.contains(QLatin1String("equals")) ? b.value(QLatin1String("equals")) : b.value(QLatin1String("max"));
        auto *min = boundSpin(low, high, minValue, tr("any"));
        auto *max = boundSpin(low, high, maxValue, tr("any"));
        min->setObjectName(QStringLiteral("min"));
        max->setObjectName(QStringLiteral("max"));
        m_editorLayout->addWidget(min);
        m_editorLayout->addWidget(new QLabel(tr("and")));
        m_editorLayout->addWidget(max);
        auto apply = [this, min, max] {
            QJsonObject next {{QStringLiteral("field"), body().value(QLatin1String("field"))}};
            if (min->value() != min->minimum())
                next.insert(QStringLiteral("min"), min->value());
            if (max->value() != max->minimum())
                next.insert(QStringLiteral("max"), max->value());
            setBody(next, MergeDraftNumber);
        };
        connect(min, &QSpinBox::valueChanged, this, apply);
        connect(max, &QSpinBox::valueChanged, this, apply);
        return;
    }
    if (field == QLatin1String("gender") || (field == QLatin1String("country") && !m_choices->countries.isEmpty())) {
        auto *choice = new ChoiceListButton;
        if (field == QLatin1String("gender"))
            choice->setChoices({QStringLiteral("f"), QStringLiteral("m"), QStringLiteral("x")}, {tr("Female"), tr("Male"), tr("Other")});
        else
            choice->setChoices(m_choices->countries);
        choice->setEmptyText(tr("choose…"));
        choice->setSelected(chosenValues(b));
        m_editorLayout->addWidget(choice);
        connect(choice, &ChoiceListButton::selectionChanged, this, [this](const QStringList &values) {
            QJsonObject next = body();
            setChosenValues(next, values);
            setBody(next, NoMerge);
        });
        return;
    }
    // Cities, attributes and countries of a catalog without any: comma-separated text.
    auto *values = searchField({}, chosenValues(b).join(QStringLiteral(", ")), tr("values, comma-separated"));
    m_editorLayout->addWidget(values);
    connect(values, &QLineEdit::textEdited, this, [this](const QString &text) {
        QStringList list;
        for (const QString &part : text.split(QLatin1Char(','))) {
            if (!part.trimmed().isEmpty())
                list.append(part.trimmed());
        }
        QJsonObject next = body();
        setChosenValues(next, list);
        setBody(next, MergeDraftText);
    });
}

void ConditionRow::addBehaviourEditors(QJsonObject &b)
{
    auto *events = new ChoiceListButton;
    events->setChoices(m_choices->eventTypes);
    events->setEmptyText(tr("any event"));
    const QJsonValue event = b.value(QLatin1String("event"));
    events->setSelected(event.toString() == QLatin1String("any") ? QStringList() : toStrings(event));
    events->setToolTip(tr("Which events count"));
    m_editorLayout->addWidget(events);
    connect(events, &ChoiceListButton::selectionChanged, this, [this](const QStringList &values) {
        QJsonObject next = body();
        next.insert(QStringLiteral("event"),
            values.isEmpty() ? QJsonValue(QStringLiteral("any"))
                             : values.size() == 1 ? QJsonValue(values.first()) : QJsonValue(QJsonArray::fromStringList(values)));
        setBody(next, NoMerge);
    });

    const QString scope = fieldId(m_json).section(QLatin1Char(':'), 1);
    if (scope == QLatin1String("category")) {
        m_editorLayout->addWidget(new QLabel(tr("in")));
        if (m_choices->categories.isEmpty()) {
            auto *path = searchField({}, b.value(scope).toString(), tr("category path"));
            m_editorLayout->addWidget(path);
            connect(path, &QLineEdit::textEdited, this, [this](const QString &text) {
                QJsonObject next = body();
                next.insert(QStringLiteral("category"), text);
                setBody(next, MergeDraftText);
            });
        } else {
            auto *picker = categoryPicker(*m_choices, b.value(scope).toString());
            m_editorLayout->addWidget(picker);
            connect(picker, &QComboBox::currentIndexChanged, this, [this, picker] {
                QJsonObject next = body();
                next.insert(QStringLiteral("category"), picker->currentData().toString());
                setBody(next, NoMerge);
            });
        }
    } else if (scope != QLatin1String("any")) {
        m_editorLayout->addWidget(new QLabel(tr("on")));
        const QStringList &suggestions = scope == QLatin1String("brand") ? m_choices->brands
            : scope == QLatin1String("item")                            ? m_choices->items
                                                                         : m_choices->topics;
        const QString placeholder = scope == QLatin1String("brand") ? tr("brand")
            : scope == QLatin1String("item")                        ? tr("search items by sku or title")
                                                                     : tr("topic");
        auto *target = searchField(suggestions, b.value(scope).toString(), placeholder);
        m_editorLayout->addWidget(target);
        auto apply = [this, scope](const QString &text) {
            QJsonObject next = body();
            next.insert(scope, scope == QLatin1String("item") ? RuleChoices::skuOf(text) : text.trimmed());
            setBody(next, MergeDraftText);
        };
        connect(target, &QLineEdit::textEdited, this, apply);
        if (target->completer()) {
            connect(target->completer(), qOverload<const QString &>(&QCompleter::activated), this,
                [target, apply](const QString &text) {
                    apply(text);
                    if (target->text().contains(QStringLiteral(" — ")))
                        target->setText(RuleChoices::skuOf(text));
                });
        }
    }

    auto *atLeast = boundSpin(1, 9999, b.value(QLatin1String("at_least")), tr("—"));
    atLeast->setPrefix(tr("≥ "));
    atLeast->setSuffix(tr("×"));
    atLeast->setSpecialValueText(tr("≥ 0×"));
    atLeast->setToolTip(tr("At least this many events"));
    if (!b.contains(QLatin1String("at_least")))
        atLeast->setValue(b.contains(QLatin1String("at_most")) ? 0 : 1);
    auto *atMost = boundSpin(0, 9999, b.value(QLatin1String("at_most")), tr("no max"));
    atMost->setPrefix(tr("≤ "));
    atMost->setSuffix(tr("×"));
    atMost->setToolTip(tr("At most this many events (0: did not)"));
    auto *within = boundSpin(1, 36500, b.value(QLatin1String("within_days")), tr("ever"));
    within->setPrefix(tr("in "));
    within->setSuffix(tr(" days"));
    within->setToolTip(tr("Only events in the last N days count"));
    within->setObjectName(QStringLiteral("within_days"));
    for (QSpinBox *spin : {atLeast, atMost, within})
        m_editorLayout->addWidget(spin);
    auto apply = [this, atLeast, atMost, within] {
        QJsonObject next = body();
        for (const char *key : {"at_least", "at_most", "within_days"})
            next.remove(QLatin1String(key));
        if (atLeast->value() != 1 || atMost->value() >= atMost->minimum() + 1)
            next.insert(QStringLiteral("at_least"), atLeast->value());
        if (atMost->value() != atMost->minimum())
            next.insert(QStringLiteral("at_most"), atMost->value());
        if (within->value() != within->minimum())
            next.insert(QStringLiteral("within_days"), within->value());
        setBody(next, MergeDraftNumber);
    };
    for (QSpinBox *spin : {atLeast, atMost, within})
        connect(spin, &QSpinBox::valueChanged, this, apply);
}

void ConditionRow::addValueEditors(QJsonObject &b)
{
    const auto measure = ValueMeasures::fromName(b.value(QLatin1String("measure")).toString()).value_or(ValueMeasure::Monetary);
    const bool whole = ValueMeasures::isWholeNumber(measure) || ValueMeasures::isScore(measure);
    const double low = 0;
    const double high = ValueMeasures::isScore(measure) ? 5 : measure == ValueMeasure::SaleShare ? 1 : 1e9;
    const int decimals = whole ? 0 : measure == ValueMeasure::SaleShare ? 2 : 2;
    const bool hasMin = b.contains(QLatin1String("min"));
    const bool hasMax = b.contains(QLatin1String("max"));
    const QString current = b.contains(QLatin1String("equals")) ? QStringLiteral("equals")
        : hasMin && hasMax                                       ? QStringLiteral("range")
        : hasMax                                                 ? QStringLiteral("max")
                                                                 : QStringLiteral("min");
    auto *op = operatorCombo({{QStringLiteral("min"), tr("at least")}, {QStringLiteral("max"), tr("at most")},
                                 {QStringLiteral("range"), tr("between")}, {QStringLiteral("equals"), tr("exactly")}},
        current);
    m_editorLayout->addWidget(op);
    const double first = b.value(current == QLatin1String("max") ? QLatin1String("max")
                                 : current == QLatin1String("equals") ? QLatin1String("equals")
                                                                      : QLatin1String("min"))
                             .toDouble();
    auto *a = numberSpin(low, high, decimals, first);
    a->setObjectName(QStringLiteral("value"));
    auto *and_ = new QLabel(tr("and"));
    auto *bSpin = numberSpin(low, high, decimals, b.value(QLatin1String("max")).toDouble());
    m_editorLayout->addWidget(a);
    m_editorLayout->addWidget(and_);
    m_editorLayout->addWidget(bSpin);
    auto layoutFor = [and_, bSpin](const QString &id) {
        and_->setVisible(id == QLatin1String("range"));
        bSpin->setVisible(id == QLatin1String("range"));
    };
    layoutFor(current);
    auto apply = [this, op, a, bSpin, whole](int mergeId) {
        QJsonObject next {{QStringLiteral("measure"), body().value(QLatin1String("measure"))}};
        auto number = [whole](double v) { return whole ? QJsonValue(qint64(v)) : QJsonValue(v); };
        const QString id = op->currentData().toString();
        if (id == QLatin1String("range")) {
            next.insert(QStringLiteral("min"), number(a->value()));
            next.insert(QStringLiteral("max"), number(bSpin->value()));
        } else {
            next.insert(id, number(a->value()));
        }
        setBody(next, mergeId);
    };
    connect(op, &QComboBox::currentIndexChanged, this, [op, apply, layoutFor] {
        layoutFor(op->currentData().toString());
        apply(NoMerge);
    });
    connect(a, &QDoubleSpinBox::valueChanged, this, [apply] { apply(MergeDraftNumber); });
    connect(bSpin, &QDoubleSpinBox::valueChanged, this, [apply] { apply(MergeDraftNumber); });
}

void ConditionRow::addAffinityEditors(QJsonObject &b)
{
    const QString dimension = fieldId(m_json).section(QLatin1Char(':'), 1);
    if (dimension == QLatin1String("category") && !m_choices->categories.isEmpty()) {
        auto *picker = categoryPicker(*m_choices, b.value(dimension).toString());
        m_editorLayout->addWidget(picker);
        connect(picker, &QComboBox::currentIndexChanged, this, [this, picker] {
            QJsonObject next = body();
            next.insert(QStringLiteral("category"), picker->currentData().toString());
            setBody(next, NoMerge);
        });
    } else {
        auto *target = searchField(dimension == QLatin1String("brand") ? m_choices->brands : m_choices->topics,
            b.value(dimension).toString(), dimension);
        m_editorLayout->addWidget(target);
        connect(target, &QLineEdit::textEdited, this, [this, dimension](const QString &text) {
            QJsonObject next = body();
            next.insert(dimension, text.trimmed());
            setBody(next, MergeDraftText);
        });
    }
    auto *share = new QSpinBox;
    share->setRange(0, 100);
    share->setPrefix(tr("share of interest ≥ "));
    share->setSuffix(QStringLiteral(" %"));
    share->setValue(qRound(b.value(QLatin1String("at_least")).toDouble() * 100));
    share->setObjectName(QStringLiteral("at_least"));
    m_editorLayout->addWidget(share);
    connect(share, &QSpinBox::valueChanged, this, [this](int percent) {
        QJsonObject next = body();
        next.insert(QStringLiteral("at_least"), percent / 100.0);
        setBody(next, MergeDraftNumber);
    });
}

void ConditionRow::addSegmentEditor()
{
    auto *segment = new QComboBox;
    segment->addItems(m_choices->segments);
    const QString current = m_json.value(QLatin1String("segment")).toString();
    if (!current.isEmpty() && segment->findText(current) < 0)
        segment->addItem(current);
    segment->setCurrentText(current);
    m_editorLayout->addWidget(segment);
    connect(segment, &QComboBox::currentTextChanged, this, [this](const QString &name) {
        m_json = {{QStringLiteral("segment"), name}};
        Q_EMIT edited(NoMerge);
    });
}

} // namespace Vitrine
