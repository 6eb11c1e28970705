// SPDX-License-Identifier: GPL-3.0-or-later
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
#include <QStandardItemModel>
#include <QToolButton>

namespace Vitrine {

namespace {

const QString Profile = QStringLiteral("profile");
const QString Behaviour = QStringLiteral("behaviour");
const QString Value = QStringLiteral("value");
const QString Affinity = QStringLiteral("affinity");
const QString Segment = QStringLiteral("segment");

} // namespace

ConditionRow::ConditionRow(const RuleChoices *choices, const QJsonObject &condition, QWidget *parent)
    : QWidget(parent)
    , m_choices(choices)
    , m_json(condition)
    , m_field(new QComboBox)
    , m_remove(new QToolButton)
{
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 1, 2, 1);
    fillFieldPicker();
    m_field->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_field->setMinimumContentsLength(12);
    m_field->setMaxVisibleItems(30);
    layout->addWidget(m_field);
    m_editors = new QWidget;
    m_editorLayout = new QHBoxLayout(m_editors);
    m_editorLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editors, 1);
    m_remove->setText(QStringLiteral("✕"));
    m_remove->setToolTip(tr("Remove this condition"));
    m_remove->setAutoRaise(true);
    layout->addWidget(m_remove);
    connect(m_remove, &QToolButton::clicked, this, &ConditionRow::removeRequested);

    const int at = m_field->findData(fieldId(m_json));
    m_field->setCurrentIndex(at);
    connect(m_field, &QComboBox::currentIndexChanged, this, [this] {
        const QString id = m_field->currentData().toString();
        if (id.isEmpty() || id == fieldId(m_json))
            return;
        m_json = defaultCondition(id, *m_choices);
        rebuildEditors();
        Q_EMIT edited(NoMerge);
    });
    rebuildEditors();
}

void ConditionRow::fillFieldPicker()
{
    auto *model = new QStandardItemModel(m_field);
    auto header = [model](const QString &text) {
        auto *item = new QStandardItem(text);
        QFont font = item->font();
        font.setBold(true);
        item->setFont(font);
        item->setFlags(Qt::NoItemFlags);
        item->setData(QPalette().color(QPalette::Highlight), Qt::ForegroundRole);
        model->appendRow(item);
    };
    auto field = [model](const QString &text, const QString &id) {
        auto *item = new QStandardItem(text);
        item->setData(id, Qt::UserRole);
        item->setToolTip(id);
        model->appendRow(item);
    };
    header(tr("Profile"));
    field(tr("Gender"), QStringLiteral("profile:gender"));
    field(tr("Age"), QStringLiteral("profile:age"));
    field(tr("Birth year"), QStringLiteral("profile:birth_year"));
    field(tr("Country"), QStringLiteral("profile:country"));
    field(tr("City"), QStringLiteral("profile:city"));
    field(tr("E-mail consent"), QStringLiteral("profile:email_consent"));
    field(tr("Custom attribute"), QStringLiteral("profile:attribute"));
    header(tr("Behaviour"));
    field(tr("Did (any item)"), QStringLiteral("behaviour:any"));
    field(tr("Did in a category"), QStringLiteral("behaviour:category"));
    field(tr("Did on a brand"), QStringLiteral("behaviour:brand"));
    field(tr("Did on an item"), QStringLiteral("behaviour:item"));
    field(tr("Did on a topic"), QStringLiteral("behaviour:topic"));
    header(tr("Value (RFM)"));
    for (int m = 0; m < ValueMeasureCount; ++m) {
        const auto measure = ValueMeasure(m);
        QString label = ValueMeasures::label(measure);
        if (!label.isEmpty())
            label[0] = label[0].toUpper();
        field(label, QStringLiteral("value:") + ValueMeasures::name(measure));
    }
    header(tr("Affinity"));
    field(tr("Likes a category"), QStringLiteral("affinity:category"));
    field(tr("Likes a brand"), QStringLiteral("affinity:brand"));
    field(tr("Likes a topic"), QStringLiteral("affinity:topic"));
    header(tr("Segment"));
    field(tr("In segment"), QStringLiteral("segment"));
    m_field->setModel(model);
    m_field->setItemData(0, QVariant(), Qt::UserRole);
}

QString ConditionRow::fieldId(const QJsonObject &condition)
{
    const QString key = condition.isEmpty() ? QString() : condition.begin().key();
    const QJsonObject body = condition.value(key).toObject();
    if (key == Profile) {
        const QString field = body.value(QLatin1String("field")).toString();
        return field.startsWith(QLatin1String("attributes.")) ? QStringLiteral("profile:attribute")
                                                              : QStringLiteral("profile:") + field;
    }
    if (key == Behaviour || key == QLatin1String("behavior")) {
        for (const char *scope : {"item", "category", "brand", "topic"}) {
            if (body.contains(QLatin1String(scope)))
                return QStringLiteral("behaviour:") + QLatin1String(scope);
        }
        return QStringLiteral("behaviour:any");
    }
    if (key == Value)
        return QStringLiteral("value:") + body.value(QLatin1String("measure")).toString();
    if (key == Affinity) {
        for (const char *dimension : {"category", "brand", "topic"}) {
            if (body.contains(QLatin1String(dimension)))
                return QStringLiteral("affinity:") + QLatin1String(dimension);
        }
        return QStringLiteral("affinity:category");
    }
    return key;
}

QJsonObject ConditionRow::defaultCondition(const QString &id, const RuleChoices &choices)
{
    const QString kind = id.section(QLatin1Char(':'), 0, 0);
    const QString sub = id.section(QLatin1Char(':'), 1);
    auto first = [](const QStringList &list) { return list.isEmpty() ? QString() : list.first(); };
    if (kind == Profile) {
        QJsonObject body {{QStringLiteral("field"), sub}};
        if (sub == QLatin1String("gender"))
            body.insert(QStringLiteral("equals"), QStringLiteral("f"));
        else if (sub == QLatin1String("age"))
            body = {{QStringLiteral("field"), sub}, {QStringLiteral("min"), 18}, {QStringLiteral("max"), 34}};
        else if (sub == QLatin1String("birth_year"))
            body = {{QStringLiteral("field"), sub}, {QStringLiteral("min"), 1980}, {QStringLiteral("max"), 1999}};
        else if (sub == QLatin1String("country") && !choices.countries.isEmpty())
            body.insert(QStringLiteral("equals"), choices.countries.first());
        else if (sub == QLatin1String("email_consent"))
            body.insert(QStringLiteral("equals"), true);
        else if (sub == QLatin1String("attribute"))
            body = {{QStringLiteral("field"), QStringLiteral("attributes.")}, {QStringLiteral("exists"), true}};
        else
            body.insert(QStringLiteral("exists"), true);
        return {{Profile, body}};
    }
    if (kind == Behaviour) {
        QJsonObject body {{QStringLiteral("event"), choices.commonEvent}, {QStringLiteral("within_days"), 90}};
        if (sub == QLatin1String("category"))
            body.insert(sub, choices.categories.isEmpty() ? QString() : choices.categories.first().path);
        else if (sub == QLatin1String("brand"))
            body.insert(sub, first(choices.brands));
        else if (sub == QLatin1String("item"))
            body.insert(sub, RuleChoices::skuOf(first(choices.items)));
        else if (sub == QLatin1String("topic"))
            body.insert(sub, first(choices.topics));
        if (sub == QLatin1String("topic"))
            body.insert(QStringLiteral("event"), QStringLiteral("read"));
        return {{Behaviour, body}};
    }
    if (kind == Value) {
        const auto measure = ValueMeasures::fromName(sub).value_or(ValueMeasure::Monetary);
        QJsonObject body {{QStringLiteral("measure"), ValueMeasures::name(measure)}};
        if (ValueMeasures::isScore(measure))
            body.insert(QStringLiteral("min"), 4);
        else if (measure == ValueMeasure::SaleShare)
            body.insert(QStringLiteral("min"), 0.5);
        else if (measure == ValueMeasure::RecencyDays || measure == ValueMeasure::FirstPurchaseDays)
            body.insert(QStringLiteral("max"), 90);
        else if (measure == ValueMeasure::Frequency || measure == ValueMeasure::Purchases)
            body.insert(QStringLiteral("min"), 2);
        else
            body.insert(QStringLiteral("min"), 100);
        return {{Value, body}};
    }
    if (kind == Affinity) {
        QString target = sub == QLatin1String("brand") ? first(choices.brands)
            : sub == QLatin1String("topic")            ? first(choices.topics)
                                                       : (choices.categories.isEmpty() ? QString() : choices.categories.first().path);
        return {{Affinity, QJsonObject {{sub, target}, {QStringLiteral("at_least"), 0.3}}}};
    }
    return {{Segment, first(choices.segments)}};
}

QJsonObject ConditionRow::body() const
{
    return m_json.isEmpty() ? QJsonObject() : m_json.begin().value().toObject();
}

void ConditionRow::setBody(const QJsonObject &body, int mergeId)
{
    const QString key = m_json.isEmpty() ? Profile : m_json.begin().key();
    m_json = {{key, body}};
    Q_EMIT edited(mergeId);
}

void ConditionRow::insertLeading(QWidget *widget)
{
    static_cast<QHBoxLayout *>(layout())->insertWidget(0, widget);
}

void ConditionRow::setProblem(const QString &message)
{
    m_problem = message;
    QPalette p = palette();
    p.setColor(QPalette::Window, message.isEmpty() ? QPalette().color(QPalette::Base) : QColor(0xfd, 0xe2, 0xe1));
    setPalette(p);
    setToolTip(message);
}

void ConditionRow::rebuildEditors()
{
    // The editor that asked for this may be on the stack: delete later, hide now.
    QLayoutItem *item;
    while ((item = m_editorLayout->takeAt(0))) {
        if (QWidget *widget = item->widget()) {
            widget->hide();
            widget->deleteLater();
        }
        delete item;
    }
    const QString key = m_json.isEmpty() ? QString() : m_json.begin().key();
    QJsonObject b = body();
    if (key == Profile)
        addProfileEditors(b);
    else if (key == Behaviour || key == QLatin1String("behavior"))
        addBehaviourEditors(b);
    else if (key == Value)
        addValueEditors(b);
    else if (key == Affinity)
        addAffinityEditors(b);
    else if (key == Segment)
        addSegmentEditor();
    m_editorLayout->addStretch(1);
}

} // namespace Vitrine
