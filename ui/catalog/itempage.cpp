// SPDX-License-Identifier: GPL-3.0-or-later
#include "itempage.h"

#include "catalog/iteminsights.h"
#include "engine/recommendrequest.h"
#include "engine/slotdefinition.h"
#include "itemactivitychart.h"
#include "layout/audiencecache.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Vitrine {

namespace {

constexpr int SkuRole = Qt::UserRole + 1;
/** Related items shown in each list. */
constexpr int RelatedCount = 8;

struct RelatedItem
{
    QString sku;
    QString title;
    double score = 0;
    QString reason;
};

/** What the engine says about one item, computed on a worker thread. */
struct EngineAnswer
{
    bool known = false; ///< whether the engine's snapshot has the item
    bool content = false;
    ItemActivity activity;
    QList<RelatedItem> boughtWith;
    QList<RelatedItem> similar;
    QString boughtWithError;
    QString similarError;
};

struct LiftAnswer
{
    bool known = false;
    QString error;
    int segments = 0;
    bool anyone = false; ///< whether anybody interacted with the item
    QList<SegmentLift> lifts;
};

QList<RelatedItem> relatedOf(const SlotResult &result, const Snapshot &snapshot)
{
    QList<RelatedItem> related;
    for (const RecommendedItem &item : result.items) {
        RelatedItem one;
        one.sku = snapshot.sku(item.item);
        one.title = snapshot.title(item.item);
        one.score = item.score;
        one.reason = item.reasons.join(QLatin1Char('\n'));
        related.append(one);
    }
    return related;
}

EngineAnswer askEngine(const EngineSessionPtr &engine, const QString &sku, const Progress &progress)
{
    EngineAnswer answer;
    const Snapshot &snapshot = *engine->snapshot();
    const int item = snapshot.itemIndexBySku(sku);
    if (item < 0)
        return answer;
    answer.known = true;
    answer.content = snapshot.isContent(item);
    answer.activity = ItemInsights::activity(snapshot, item);
    if (progress.isCancelled())
        return answer;

    RecommendRequest request;
    request.contextItem = item;
    const SlotResult bought = engine->recommend(ItemInsights::boughtWithSlot(RelatedCount), request, -1, progress);
    if (bought.ok)
        answer.boughtWith = relatedOf(bought, snapshot);
    else
        answer.boughtWithError = bought.error;
    const SlotResult similar = engine->recommend(ItemInsights::similarSlot(RelatedCount), request, -1, progress);
    if (similar.ok)
        answer.similar = relatedOf(similar, snapshot);
    else
        answer.similarError = similar.error;
    return answer;
}

LiftAnswer askAudience(const EngineSessionPtr &engine, const QString &sku, const Progress &progress)
{
    LiftAnswer answer;
    const Snapshot &snapshot = *engine->snapshot();
    const int item = snapshot.itemIndexBySku(sku);
    if (item < 0)
        return answer;
    answer.known = true;
    answer.anyone = !snapshot.itemEvents(item).empty();
    const std::shared_ptr<AudienceCache> audience = engine->audience(&answer.error, progress);
    if (!audience)
        return answer;
    answer.segments = audience->library().size();
    if (std::optional<QList<SegmentLift>> lifts
        = ItemInsights::segmentLift(snapshot, *audience, item, &answer.error, progress))
        answer.lifts = *lifts;
    return answer;
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
    label->setContentsMargins(0, 10, 0, 2);
    return label;
}

QLabel *messageLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QTreeWidget *listWidget(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(name);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    tree->header()->setStretchLastSection(false);
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < headers.size(); ++column)
        tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    return tree;
}

/** Sizes a list to its rows: the page scrolls, not each list. */
void fitHeight(QTreeWidget *tree)
{
    const int rows = tree->topLevelItemCount();
    const int row = rows ? tree->sizeHintForRow(0) : tree->fontMetrics().height() + 8;
    tree->setFixedHeight(tree->header()->sizeHint().height() + rows * row + 2 * tree->frameWidth() + 2);
}

QString money(const std::optional<double> &value)
{
    return value ? QLocale().toString(*value, 'f', 2) : QString();
}

QString jsonText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QLocale().toString(value.toDouble(), 'g', 12);
    case QJsonValue::Bool:
        return value.toBool() ? QCoreApplication::translate("Vitrine::ItemPage", "yes")
                              : QCoreApplication::translate("Vitrine::ItemPage", "no");
    case QJsonValue::Array: {
        QStringList parts;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &part : array)
            parts.append(jsonText(part));
        return parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

void clearForm(QFormLayout *form)
{
    while (form->rowCount() > 0)
        form->removeRow(0);
}

QLabel *valueLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ItemPage::ItemPage(CatalogSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_stack(new QStackedWidget(this))
    , m_title(new QLabel)
    , m_subtitle(new QLabel)
    , m_price(new QLabel)
    , m_close(new QToolButton)
    , m_fields(new QFormLayout)
    , m_attributes(new QFormLayout)
    , m_attributesEmpty(messageLabel(nullptr))
    , m_activitySummary(new QLabel)
    , m_chart(new ItemActivityChart)
    , m_boughtWith(listWidget({tr("Item"), tr("Score")}, QStringLiteral("itemBoughtWith"), nullptr))
    , m_boughtWithMessage(messageLabel(nullptr))
    , m_similar(listWidget({tr("Item"), tr("Score")}, QStringLiteral("itemSimilar"), nullptr))
    , m_similarMessage(messageLabel(nullptr))
    , m_segments(listWidget({tr("Segment"), tr("Members"), tr("Interacted"), tr("Lift")},
          QStringLiteral("itemSegments"), nullptr))
    , m_segmentsMessage(messageLabel(nullptr))
{
    setObjectName(QStringLiteral("itemPage"));

    auto *empty = new QLabel(tr("Select an item to see its fields, its activity per week, the items "
                                "bought with it and like it, and the segments that favour it."));
    empty->setObjectName(QStringLiteral("itemPageEmpty"));
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignCenter);
    empty->setForegroundRole(QPalette::PlaceholderText);
    empty->setMargin(24);
    m_stack->addWidget(empty);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 8, 12, 12);
    layout->setSpacing(4);

    m_title->setObjectName(QStringLiteral("itemTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setText(QStringLiteral("✕"));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close the item (Esc)"));
    connect(m_close, &QToolButton::clicked, this, &ItemPage::closeRequested);
    auto *head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(m_close, 0, Qt::AlignTop);
    layout->addLayout(head);
    m_subtitle->setObjectName(QStringLiteral("itemSubtitle"));
    m_subtitle->setWordWrap(true);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_subtitle);
    m_price->setObjectName(QStringLiteral("itemPrice"));
    layout->addWidget(m_price);

    layout->addWidget(sectionTitle(tr("Activity"), content));
    m_activitySummary->setObjectName(QStringLiteral("itemActivitySummary"));
    m_activitySummary->setWordWrap(true);
    layout->addWidget(m_activitySummary);
    layout->addWidget(m_chart);

    layout->addWidget(sectionTitle(tr("Bought with it"), content));
    m_boughtWithMessage->setObjectName(QStringLiteral("itemBoughtWithMessage"));
    layout->addWidget(m_boughtWithMessage);
    layout->addWidget(m_boughtWith);

    layout->addWidget(sectionTitle(tr("Similar items"), content));
    m_similarMessage->setObjectName(QStringLiteral("itemSimilarMessage"));
    layout->addWidget(m_similarMessage);
    layout->addWidget(m_similar);

    layout->addWidget(sectionTitle(tr("Segments that over-index on it"), content));
    m_segmentsMessage->setObjectName(QStringLiteral("itemSegmentsMessage"));
    layout->addWidget(m_segmentsMessage);
    layout->addWidget(m_segments);

    layout->addWidget(sectionTitle(tr("Fields"), content));
    m_fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_fields);
    layout->addWidget(sectionTitle(tr("Attributes"), content));
    m_attributesEmpty->setObjectName(QStringLiteral("itemAttributesEmpty"));
    layout->addWidget(m_attributesEmpty);
    m_attributes->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_attributes);
    layout->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_stack->addWidget(scroll);

    m_segments->setToolTip(tr("Lift: how much more often the segment's members interacted with the item "
                              "than everyone did (×1.0: as often)"));
    const auto open = [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, SkuRole).toString().isEmpty())
            Q_EMIT itemRequested(item->data(0, SkuRole).toString());
    };
    connect(m_boughtWith, &QTreeWidget::itemActivated, this, open);
    connect(m_similar, &QTreeWidget::itemActivated, this, open);
    connect(m_segments, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item)
            Q_EMIT segmentRequested(item->data(0, SkuRole).toString());
    });

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    connect(session, &CatalogSession::engineChanged, this, [this] {
        if (!m_sku.isEmpty())
            startInsights();
    });
    connect(session, &CatalogSession::engineFailed, this, [this] {
        if (!m_sku.isEmpty())
            showEngineState();
    });
    clear();
}

ItemPage::~ItemPage()
{
    for (Job *job : {m_insightsJob.data(), m_liftJob.data()}) {
        if (job)
            job->cancel();
    }
}

void ItemPage::clear()
{
    m_sku.clear();
    ++m_generation;
    m_stack->setCurrentIndex(0);
}

bool ItemPage::isComputing() const
{
    return (m_insightsJob && !m_insightsJob->isFinished()) || (m_liftJob && !m_liftJob->isFinished());
}

void ItemPage::showItem(const QString &sku)
{
    if (sku == m_sku && m_stack->currentIndex() == 1)
        return;
    m_sku = sku;
    m_stack->setCurrentIndex(1);
    m_title->setText(sku);
    m_subtitle->setText(tr("Reading the item…"));
    m_price->clear();
    clearForm(m_fields);
    clearForm(m_attributes);
    m_attributesEmpty->hide();
    startInsights();
}

void ItemPage::setDetails(const QString &sku, const std::optional<ItemDetails> &details, const QString &error)
{
    if (sku != m_sku)
        return;
    if (!details) {
        m_title->setText(sku);
        m_subtitle->setText(error.isEmpty() ? tr("The catalog has no item with the SKU %1 (any more).").arg(sku)
                                            : tr("Cannot read the item: %1").arg(error));
        return;
    }
    showFields(*details);
}

void ItemPage::showFields(const ItemDetails &details)
{
    const ItemRow &row = details.row;
    m_title->setText(row.title.isEmpty() ? tr("(untitled)") : row.title);
    QStringList parts {row.sku, row.content ? tr("Content") : tr("Product")};
    if (!row.category.isEmpty())
        parts.append(row.category);
    if (!row.brand.isEmpty())
        parts.append(row.brand);
    m_subtitle->setText(parts.join(QStringLiteral(" · ")));

    QStringList price;
    if (row.onSale())
        price.append(tr("<b>%1</b> <s>%2</s> on sale").arg(money(row.salePrice), money(row.price)));
    else if (row.price)
        price.append(tr("<b>%1</b>").arg(money(row.price)));
    if (row.stock)
        price.append(*row.stock > 0 ? tr("%1 in stock").arg(QLocale().toString(*row.stock))
                                    : tr("<span style=\"color:#c01c28\">out of stock</span>"));
    m_price->setText(price.join(QStringLiteral(" · ")));
    m_price->setVisible(!price.isEmpty());

    clearForm(m_fields);
    const auto add = [this](const QString &label, const QString &value) {
        m_fields->addRow(label, valueLabel(value.isEmpty() ? tr("—") : value));
    };
    add(tr("SKU"), row.sku);
    add(tr("Title"), row.title);
    add(tr("Kind"), row.content ? tr("Content") : tr("Product"));
    add(tr("Category"), row.category);
    add(tr("Brand"), row.brand);
    add(tr("Price"), money(row.price));
    add(tr("Sale price"), money(row.salePrice));
    add(tr("Stock"), row.stock ? QLocale().toString(*row.stock) : tr("unknown"));
    add(tr("Created"), details.createdAt
            ? QLocale().toString(QDateTime::fromSecsSinceEpoch(*details.createdAt).date(), QLocale::ShortFormat)
            : QString());
    add(tr("Image"), details.image);
    add(tr("Link"), details.url);

    clearForm(m_attributes);
    for (auto it = details.attributes.constBegin(); it != details.attributes.constEnd(); ++it)
        m_attributes->addRow(it.key(), valueLabel(jsonText(it.value())));
    m_attributesEmpty->setText(tr("No attributes. Import an attributes column (JSON) to compare items "
                                  "by colour, size, material…"));
    m_attributesEmpty->setVisible(details.attributes.isEmpty());
}

void ItemPage::setSectionMessage(QWidget *body, QLabel *message, const QString &text)
{
    message->setText(text);
    message->setVisible(!text.isEmpty());
    body->setVisible(text.isEmpty());
}

void ItemPage::showEngineState()
{
    QString text;
    if (!m_session->engineError().isEmpty())
        text = tr("The engine cannot read the catalog: %1").arg(m_session->engineError());
    else
        text = tr("Reading the catalog's events…");
    m_activitySummary->setText(text);
    m_chart->hide();
    setSectionMessage(m_boughtWith, m_boughtWithMessage, text);
    setSectionMessage(m_similar, m_similarMessage, text);
    setSectionMessage(m_segments, m_segmentsMessage, text);
}

void ItemPage::startInsights()
{
    for (Job *job : {m_insightsJob.data(), m_liftJob.data()}) {
        if (job && !job->isFinished())
            job->cancel();
    }
    const int generation = ++m_generation;
    const EngineSessionPtr engine = m_session->engine();
    if (!engine) {
        showEngineState();
        return;
    }
    const QString computing = tr("Computing…");
    m_activitySummary->setText(computing);
    setSectionMessage(m_boughtWith, m_boughtWithMessage, computing);
    setSectionMessage(m_similar, m_similarMessage, computing);
    setSectionMessage(m_segments, m_segmentsMessage, computing);

    const QString sku = m_sku;
    m_insightsJob = m_session->jobs()->run(
        tr("Item %1: activity and related items").arg(sku), this,
        [engine, sku](const Progress &progress) { return askEngine(engine, sku, progress); },
        [this, generation, sku](EngineAnswer answer) {
            if (generation != m_generation)
                return;
            if (!answer.known) {
                const QString text = tr("The engine has not read this item yet: it will once the catalog's "
                                        "changes are read.");
                m_activitySummary->setText(text);
                m_chart->hide();
                setSectionMessage(m_boughtWith, m_boughtWithMessage, text);
                setSectionMessage(m_similar, m_similarMessage, text);
                return;
            }
            const ItemActivity &activity = answer.activity;
            if (activity.isEmpty()) {
                m_activitySummary->setText(answer.content
                        ? tr("No one has read or viewed this item yet. Its views and reads per week show here "
                             "once events about it are imported.")
                        : tr("No one has viewed this item yet. Its views, carts and purchases per week show "
                             "here once events about it are imported."));
                m_chart->clear();
                m_chart->hide();
            } else {
                const QLocale locale;
                // Spelled out: there is no English plural translation to resolve "%n view(s)".
                QStringList figures {activity.views == 1 ? tr("1 view") : tr("%1 views").arg(locale.toString(activity.views))};
                if (!answer.content || activity.carts + activity.purchases > 0) {
                    figures.append(activity.carts == 1 ? tr("1 cart") : tr("%1 carts").arg(locale.toString(activity.carts)));
                    figures.append(activity.purchases == 1 ? tr("1 purchase")
                                                           : tr("%1 purchases").arg(locale.toString(activity.purchases)));
                }
                if (activity.reads > 0)
                    figures.append(activity.reads == 1 ? tr("1 read") : tr("%1 reads").arg(locale.toString(activity.reads)));
                m_activitySummary->setText(activity.people == 1
                        ? tr("%1, by one person.").arg(figures.join(QStringLiteral(" · ")))
                        : tr("%1, by %2 people.")
                              .arg(figures.join(QStringLiteral(" · ")), locale.toString(activity.people)));
                m_chart->setActivity(activity, answer.content);
                m_chart->show();
            }

            const auto fill = [this](QTreeWidget *tree, QLabel *message, const QList<RelatedItem> &items,
                                  const QString &error, const QString &none) {
                tree->clear();
                for (const RelatedItem &related : items) {
                    auto *row = new QTreeWidgetItem(tree);
                    row->setText(0, related.title.isEmpty() ? related.sku : related.title);
                    row->setToolTip(0, tr("%1 (%2)\n%3").arg(related.title, related.sku, related.reason).trimmed());
                    row->setData(0, SkuRole, related.sku);
                    row->setText(1, QLocale().toString(related.score, 'f', 2));
                    row->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
                    row->setToolTip(1, related.reason);
                }
                fitHeight(tree);
                setSectionMessage(tree, message,
                    !error.isEmpty() ? tr("The engine cannot answer: %1").arg(error) : items.isEmpty() ? none : QString());
            };
            fill(m_boughtWith, m_boughtWithMessage, answer.boughtWith, answer.boughtWithError,
                tr("No one has bought this item together with another yet."));
            fill(m_similar, m_similarMessage, answer.similar, answer.similarError,
                tr("No similar items: give items categories, brands or attributes so the engine can "
                   "compare them."));
        });

    m_liftJob = m_session->jobs()->run(
        tr("Item %1: segments").arg(sku), this,
        [engine, sku](const Progress &progress) { return askAudience(engine, sku, progress); },
        [this, generation](LiftAnswer answer) {
            if (generation != m_generation)
                return;
            m_segments->clear();
            QString message;
            if (!answer.known)
                message = tr("The engine has not read this item yet.");
            else if (!answer.error.isEmpty())
                message = tr("Cannot evaluate the segments: %1").arg(answer.error);
            else if (answer.segments == 0)
                message = tr("No segments yet. Define segments in the Segments workspace to see which ones "
                             "favour this item.");
            else if (!answer.anyone)
                message = tr("No one has interacted with this item yet, so no segment stands out.");
            const QLocale locale;
            for (const SegmentLift &lift : std::as_const(answer.lifts)) {
                if (!message.isEmpty() || lift.lift <= 1.0 || lift.interacted == 0)
                    continue;
                auto *row = new QTreeWidgetItem(m_segments);
                row->setText(0, lift.title);
                row->setData(0, SkuRole, lift.segment);
                row->setText(1, locale.toString(lift.members));
                row->setText(2, locale.toString(lift.memberShare * 100, 'f', 1) + locale.percent());
                row->setText(3, QStringLiteral("×") + locale.toString(lift.lift, 'f', 1));
                const QString why = tr("%1% of the segment's %2 members interacted with the item, against %3% "
                                       "of everyone.")
                                        .arg(locale.toString(lift.memberShare * 100, 'f', 1),
                                            locale.toString(lift.members),
                                            locale.toString(lift.overallShare * 100, 'f', 1));
                for (int column = 0; column < 4; ++column) {
                    row->setToolTip(column, why);
                    if (column > 0)
                        row->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
                }
            }
            if (message.isEmpty() && m_segments->topLevelItemCount() == 0)
                message = tr("No segment over-indexes on this item: its people look like everyone else.");
            fitHeight(m_segments);
            setSectionMessage(m_segments, m_segmentsMessage, message);
        });
}

} // namespace Vitrine
