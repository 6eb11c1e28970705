// SPDX-License-Identifier: GPL-3.0-or-later
#include "slotfilterseditor.h"

#include "audience/choicelistbutton.h"
#include "audience/rulechoices.h"
#include "session/undocommands.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Vitrine {

namespace {

const char ProblemStyle[] = "background: #fde2e1;";

/** The flags and what a slot does when they are absent (SlotFilters' defaults). */
bool defaultOf(const QString &key)
{
    return key == QLatin1String("in_stock") || key == QLatin1String("exclude_bought") || key == QLatin1String("exclude_page")
        || key == QLatin1String("exclude_context");
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

} // namespace

SlotFiltersEditor::SlotFiltersEditor(QWidget *parent)
    : QWidget(parent)
    , m_kind(new QComboBox)
    , m_attributes(new QLineEdit)
    , m_problem(new QLabel)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *page = new QWidget;
    scroll->setWidget(page);
    auto *layout = new QVBoxLayout(page);

    auto *what = new QGroupBox(tr("Which items may be shown"));
    auto *whatForm = new QFormLayout(what);
    whatForm->addRow(flag(QStringLiteral("in_stock"), tr("Only items in stock"), tr("Items out of stock are never shown")));
    m_kind->addItem(tr("Products and content"), QString());
    m_kind->addItem(tr("Products only"), QStringLiteral("product"));
    m_kind->addItem(tr("Content only"), QStringLiteral("content"));
    m_fields.insert(QStringLiteral("kind"), m_kind);
    whatForm->addRow(tr("Kind:"), m_kind);
    whatForm->addRow(tr("Only in categories:"), list(QStringLiteral("categories"), tr("any category")));
    whatForm->addRow(tr("Never from categories:"), list(QStringLiteral("exclude_categories"), tr("none left out")));
    whatForm->addRow(tr("Only brands:"), list(QStringLiteral("brands"), tr("any brand")));
    whatForm->addRow(tr("Never brands:"), list(QStringLiteral("exclude_brands"), tr("none left out")));
    auto *price = new QHBoxLayout;
    price->addWidget(bound(QStringLiteral("price"), QStringLiteral("min"), tr("from ")));
    price->addWidget(bound(QStringLiteral("price"), QStringLiteral("max"), tr("to ")));
    price->addStretch(1);
    whatForm->addRow(tr("Price:"), price);
    m_attributes->setPlaceholderText(tr("[{\"attribute\": \"color\", \"in\": [\"navy\"]}] — each must hold"));
    m_fields.insert(QStringLiteral("attributes"), m_attributes);
    whatForm->addRow(tr("Attribute conditions:"), m_attributes);
    layout->addWidget(what);

    auto *page2 = new QGroupBox(tr("On a product page (relative to the item shown)"));
    auto *pageForm = new QFormLayout(page2);
    auto *relative = new QHBoxLayout;
    relative->addWidget(bound(QStringLiteral("relative_price"), QStringLiteral("min"), tr("from ×")));
    relative->addWidget(bound(QStringLiteral("relative_price"), QStringLiteral("max"), tr("to ×")));
    relative->addStretch(1);
    pageForm->addRow(tr("Price relative to it:"), relative);
    pageForm->addRow(flag(QStringLiteral("same_category_as_context"), tr("Only from the same category as the item shown"), {}));
    pageForm->addRow(flag(QStringLiteral("exclude_context"), tr("Never the item shown or what is in the cart"), {}));
    pageForm->addRow(flag(QStringLiteral("exclude_page"), tr("Never what a slot higher on the same page already shows"), {}));
    layout->addWidget(page2);

    auto *person = new QGroupBox(tr("For this person"));
    auto *personForm = new QFormLayout(person);
    personForm->addRow(flag(QStringLiteral("exclude_bought"), tr("Never what they already bought"), {}));
    personForm->addRow(flag(QStringLiteral("exclude_seen"), tr("Never what they already saw"), {}));
    layout->addWidget(person);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problem->hide();
    layout->addWidget(m_problem);
    layout->addStretch(1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const QString kind = m_kind->currentData().toString();
        setValue(QStringLiteral("kind"), kind.isEmpty() ? QJsonValue() : QJsonValue(kind), NoMerge, tr("Kind of items"));
    });
    connect(m_attributes, &QLineEdit::textEdited, this, [this](const QString &text) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (!text.trimmed().isEmpty() && !document.isArray()) {
            m_attributes->setStyleSheet(QString::fromLatin1(ProblemStyle));
            m_attributes->setToolTip(tr("Not a JSON list: %1 at character %2").arg(error.errorString()).arg(error.offset));
            return;
        }
        m_attributes->setStyleSheet({});
        m_attributes->setToolTip({});
        const QJsonArray conditions = document.array();
        setValue(QStringLiteral("attributes"), conditions.isEmpty() ? QJsonValue() : QJsonValue(conditions), MergeDraftText,
            tr("Attribute conditions"));
    });
    showFilters();
}

QCheckBox *SlotFiltersEditor::flag(const QString &key, const QString &text, const QString &help)
{
    auto *box = new QCheckBox(text);
    box->setToolTip(help.isEmpty() ? key : help);
    m_fields.insert(key, box);
    connect(box, &QCheckBox::toggled, this, [this, key, text](bool on) {
        setValue(key, on == defaultOf(key) ? QJsonValue() : QJsonValue(on), NoMerge, text);
    });
    return box;
}

ChoiceListButton *SlotFiltersEditor::list(const QString &key, const QString &emptyText)
{
    auto *button = new ChoiceListButton;
    button->setEmptyText(emptyText);
    m_fields.insert(key, button);
    connect(button, &ChoiceListButton::selectionChanged, this, [this, key](const QStringList &values) {
        setValue(key, values.isEmpty() ? QJsonValue() : QJsonValue(QJsonArray::fromStringList(values)), NoMerge, tr("Filter"));
    });
    return button;
}

QDoubleSpinBox *SlotFiltersEditor::bound(const QString &range, const QString &boundName, const QString &prefix)
{
    auto *box = new QDoubleSpinBox;
    const bool relative = range == QLatin1String("relative_price");
    box->setRange(0, relative ? 100 : 1e7);
    box->setDecimals(2);
    box->setSingleStep(relative ? 0.1 : 5);
    box->setPrefix(prefix);
    box->setSpecialValueText(prefix + (boundName == QLatin1String("min") ? tr("any") : tr("no limit")));
    box->setAccelerated(true);
    box->setMinimumWidth(130);
    m_fields.insert(range + QLatin1Char('.') + boundName, box);
    connect(box, &QDoubleSpinBox::valueChanged, this, [this, range, boundName, relative](double value) {
        setBound(range, boundName, value, relative ? tr("Relative price") : tr("Price"));
    });
    return box;
}

void SlotFiltersEditor::setChoices(const RuleChoices &choices)
{
    QStringList paths;
    QStringList labels;
    for (const RuleChoices::Category &category : choices.categories) {
        paths.append(category.path);
        labels.append(category.path);
    }
    for (const char *key : {"categories", "exclude_categories"})
        static_cast<ChoiceListButton *>(m_fields.value(QLatin1String(key)))->setChoices(paths, labels);
    for (const char *key : {"brands", "exclude_brands"})
        static_cast<ChoiceListButton *>(m_fields.value(QLatin1String(key)))->setChoices(choices.brands);
    showFilters(); // chosen values the catalog lacks stay chosen
}

void SlotFiltersEditor::setFilters(const QJsonObject &filters)
{
    if (filters == m_filters)
        return;
    m_filters = filters;
    showFilters();
}

void SlotFiltersEditor::setValue(const QString &key, const QJsonValue &value, int mergeId, const QString &what)
{
    if (m_showing)
        return;
    if (value.isNull() || value.isUndefined())
        m_filters.remove(key);
    else
        m_filters.insert(key, value);
    Q_EMIT edited(m_filters, mergeId, what);
}

void SlotFiltersEditor::setBound(const QString &range, const QString &boundName, double value, const QString &what)
{
    QJsonObject object = m_filters.value(range).toObject();
    if (value <= 0)
        object.remove(boundName); // 0: no bound
    else
        object.insert(boundName, value);
    setValue(range, object.isEmpty() ? QJsonValue() : QJsonValue(object), MergeDraftNumber, what);
}

void SlotFiltersEditor::showFilters()
{
    m_showing = true;
    for (const char *key : {"in_stock", "same_category_as_context", "exclude_context", "exclude_page", "exclude_bought", "exclude_seen"}) {
        const QString name = QLatin1String(key);
        static_cast<QCheckBox *>(m_fields.value(name))->setChecked(m_filters.value(name).toBool(defaultOf(name)));
    }
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(m_filters.value(QLatin1String("kind")).toString())));
    for (const char *key : {"categories", "exclude_categories", "brands", "exclude_brands"})
        static_cast<ChoiceListButton *>(m_fields.value(QLatin1String(key)))->setSelected(stringsOf(m_filters.value(QLatin1String(key))));
    for (const char *range : {"price", "relative_price"}) {
        const QJsonObject object = m_filters.value(QLatin1String(range)).toObject();
        for (const char *boundName : {"min", "max"}) {
            auto *box = static_cast<QDoubleSpinBox *>(m_fields.value(QStringLiteral("%1.%2").arg(QLatin1String(range), QLatin1String(boundName))));
            box->setValue(object.value(QLatin1String(boundName)).toDouble(0));
        }
    }
    const QJsonArray attributes = m_filters.value(QLatin1String("attributes")).toArray();
    if (!m_attributes->hasFocus() || QJsonDocument::fromJson(m_attributes->text().toUtf8()).array() != attributes)
        m_attributes->setText(attributes.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(attributes).toJson(QJsonDocument::Compact)));
    m_showing = false;
}

void SlotFiltersEditor::setProblem(const QString &path, const QString &message)
{
    // "filters.price.min" → "price.min"; "filters.attributes[1].in" → "attributes".
    QString key = path.startsWith(QLatin1String("filters.")) ? path.mid(8) : QString();
    key = key.section(QLatin1Char('['), 0, 0);
    if (!m_fields.contains(key))
        key = key.section(QLatin1Char('.'), 0, 0);
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        const bool here = !message.isEmpty() && (it.key() == key || it.key().startsWith(key + QLatin1Char('.')));
        it.value()->setStyleSheet(here ? QString::fromLatin1(ProblemStyle) : QString());
        it.value()->setToolTip(here ? message : QString());
    }
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

} // namespace Vitrine
