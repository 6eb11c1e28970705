// SPDX-License-Identifier: GPL-3.0-or-later
#include "personpage.h"

#include "audience/valuemeasure.h"
#include "engine/recommendrequest.h"
#include "engine/slotresult.h"
#include "personcharts.h"
#include "personeventmodel.h"
#include "personsegmentmodel.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"
#include "storage/database.h"
#include "storage/timestamp.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <cmath>

namespace Vitrine {

namespace {

/** Affinity bars per chart at most. */
constexpr int MaxAffinityBars = 10;

struct ProfileResult
{
    std::optional<PersonProfile> profile;
    QList<PersonEvent> events;
    qint64 eventTotal = 0;
    QString error;
};

struct RecommendationRow
{
    QString sku;
    QString title;
    double score = 0;
    QString reason;
};

struct RecommendationResult
{
    QString error;
    bool usedFallback = false;
    QList<RecommendationRow> rows;
};

QLabel *placeholder(const QString &text, QWidget *parent = nullptr)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setMargin(24);
    return label;
}

QLabel *valueLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

QString genderText(const QString &gender)
{
    if (gender == QLatin1StringView("f"))
        return PersonPage::tr("Female");
    if (gender == QLatin1StringView("m"))
        return PersonPage::tr("Male");
    if (gender == QLatin1StringView("x"))
        return PersonPage::tr("Other");
    return QString();
}

QString scoreText(int score)
{
    if (score <= 0)
        return QStringLiteral("—");
    return QStringLiteral("%1  %2")
        .arg(QString(score, QChar(0x25CF)) + QString(5 - score, QChar(0x25CB)))
        .arg(score);
}

QString measureText(ValueMeasure measure, double value)
{
    if (std::isnan(value))
        return QStringLiteral("—");
    if (measure == ValueMeasure::RecencyDays || measure == ValueMeasure::FirstPurchaseDays)
        return value < 1 ? PersonPage::tr("today")
                         : PersonPage::tr("%1 days ago").arg(QLocale().toString(value, 'f', 0));
    return ValueMeasures::format(measure, value);
}

/** The slot to show first: a personal one, not one made for a product page or a cart. */
int preferredSlot(const QStringList &keys)
{
    for (int i = 0; i < keys.size(); ++i) {
        if (keys.at(i).contains(QLatin1StringView("for-you")))
            return i;
    }
    for (int i = 0; i < keys.size(); ++i) {
        if (!keys.at(i).startsWith(QLatin1StringView("cart"))
            && !keys.at(i).startsWith(QLatin1StringView("product")))
            return i;
    }
    return 0;
}

void clearForm(QFormLayout *form)
{
    while (form->rowCount() > 0)
        form->removeRow(0);
}

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setHighlightSections(false);
    return table;
}

} // namespace

PersonPage::PersonPage(CatalogSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_pages(new QStackedWidget(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_segmentModel(new PersonSegmentModel(this))
    , m_eventModel(new PersonEventModel(this))
    , m_recommendationModel(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("personPage"));

    auto *empty
        = placeholder(tr("Choose a person in the list to see their profile, value, segments, "
                         "events, affinities and what each slot shows them.\n\n"
                         "Search by external id, name or e-mail, or narrow the list with the filters."));
    empty->setObjectName(QStringLiteral("personEmptyState"));

    auto *content = new QWidget;
    m_title->setObjectName(QStringLiteral("personTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setObjectName(QStringLiteral("personSubtitle"));
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_tabs->setObjectName(QStringLiteral("personTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createProfileTab(), tr("Profile"));
    m_tabs->addTab(createSegmentsTab(), tr("Segments"));
    m_tabs->addTab(createEventsTab(), tr("Events"));
    m_tabs->addTab(createAffinitiesTab(), tr("Affinities"));
    m_tabs->addTab(createRecommendationsTab(), tr("Recommendations"));

    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(2);
    contentLayout->addWidget(m_title);
    contentLayout->addWidget(m_subtitle);
    contentLayout->addSpacing(6);
    contentLayout->addWidget(m_tabs, 1);

    m_pages->addWidget(empty);
    m_pages->addWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(session, &CatalogSession::engineChanged, this, &PersonPage::engineChanged);
    connect(session, &CatalogSession::catalogChanged, this, [this] {
        if (!m_externalId.isEmpty())
            loadProfile();
    });
}

PersonPage::~PersonPage() = default;

QWidget *PersonPage::createProfileTab()
{
    auto *tab = new QWidget;
    auto *profileBox = new QGroupBox(tr("Profile"));
    m_profileForm = new QFormLayout(profileBox);
    m_profileForm->setObjectName(QStringLiteral("profileForm"));
    auto *valueBox = new QGroupBox(tr("Value (RFM)"));
    auto *valueLayout = new QVBoxLayout(valueBox);
    m_valueForm = new QFormLayout;
    m_valueForm->setObjectName(QStringLiteral("valueForm"));
    m_valueNote = new QLabel;
    m_valueNote->setObjectName(QStringLiteral("valueNote"));
    m_valueNote->setWordWrap(true);
    m_valueNote->setForegroundRole(QPalette::PlaceholderText);
    valueLayout->addLayout(m_valueForm);
    valueLayout->addWidget(m_valueNote);
    valueLayout->addStretch(1);

    auto *inner = new QWidget;
    auto *row = new QHBoxLayout(inner);
    row->setContentsMargins(0, 8, 0, 0);
    row->addWidget(profileBox, 1, Qt::AlignTop);
    row->addWidget(valueBox, 1, Qt::AlignTop);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(inner);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    return tab;
}

QWidget *PersonPage::createSegmentsTab()
{
    auto *tab = new QWidget;
    m_segmentNote = new QLabel;
    m_segmentNote->setObjectName(QStringLiteral("segmentNote"));
    m_segmentNote->setWordWrap(true);
    m_segmentTree = new QTreeView;
    m_segmentTree->setObjectName(QStringLiteral("segmentTree"));
    m_segmentTree->setModel(m_segmentModel);
    m_segmentTree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_segmentTree->setUniformRowHeights(true);
    m_segmentTree->header()->setStretchLastSection(true);
    m_segmentTree->header()->resizeSection(PersonSegmentModel::ConditionColumn, 380);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_segmentNote);
    layout->addWidget(m_segmentTree, 1);
    return tab;
}

QWidget *PersonPage::createEventsTab()
{
    auto *tab = new QWidget;
    m_eventNote = new QLabel;
    m_eventNote->setObjectName(QStringLiteral("eventNote"));
    m_eventNote->setWordWrap(true);
    m_eventNote->setForegroundRole(QPalette::PlaceholderText);

    m_eventChart = new QChartView;
    m_eventChart->setObjectName(QStringLiteral("eventChart"));
    m_eventChart->setRenderHint(QPainter::Antialiasing);
    m_eventChart->setMinimumHeight(180);
    m_eventStack = new QStackedWidget;
    m_eventStack->addWidget(m_eventChart);
    m_eventStack->addWidget(
        placeholder(tr("No events yet. Import events (vitrine-cli import events FILE.csv) "
                       "and this person's views, carts and purchases appear here.")));

    m_eventTable = makeTable(m_eventModel, nullptr);
    m_eventTable->setObjectName(QStringLiteral("eventTable"));
    m_eventTable->setToolTip(tr("Double-click an event to open its item"));
    QHeaderView *header = m_eventTable->horizontalHeader();
    header->setSectionResizeMode(PersonEventModel::TitleColumn, QHeaderView::Stretch);
    const int digit = m_eventTable->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(PersonEventModel::TimeColumn, digit * 17);
    header->resizeSection(PersonEventModel::TypeColumn, digit * 12);
    header->resizeSection(PersonEventModel::SkuColumn, digit * 11);
    header->resizeSection(PersonEventModel::QuantityColumn, digit * 5);
    header->resizeSection(PersonEventModel::ValueColumn, digit * 9);
    connect(m_eventTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT objectRequested(Workspace::Items, index.data(PersonEventModel::SkuRole).toString());
    });

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_eventStack);
    splitter->addWidget(m_eventTable);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_eventNote);
    layout->addWidget(splitter, 1);
    return tab;
}

QWidget *PersonPage::createAffinitiesTab()
{
    auto *tab = new QWidget;
    const auto makeChart = [](const QString &name, QChartView *&view, QStackedWidget *&stack) {
        view = new QChartView;
        view->setObjectName(name);
        view->setRenderHint(QPainter::Antialiasing);
        stack = new QStackedWidget;
        stack->addWidget(view);
        stack->addWidget(placeholder(QString()));
    };
    makeChart(QStringLiteral("categoryChart"), m_categoryChart, m_categoryStack);
    makeChart(QStringLiteral("brandChart"), m_brandChart, m_brandStack);
    auto *layout = new QHBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_categoryStack, 1);
    layout->addWidget(m_brandStack, 1);
    return tab;
}

QWidget *PersonPage::createRecommendationsTab()
{
    auto *tab = new QWidget;
    m_slotCombo = new QComboBox;
    m_slotCombo->setObjectName(QStringLiteral("slotCombo"));
    m_slotCombo->setMinimumContentsLength(24);
    m_slotCombo->setToolTip(tr("The slot to run for this person, as the shop would at the studio's time"));
    m_recommendationNote = new QLabel;
    m_recommendationNote->setObjectName(QStringLiteral("recommendationNote"));
    m_recommendationNote->setWordWrap(true);
    m_recommendationNote->setForegroundRole(QPalette::PlaceholderText);

    m_recommendationModel->setHorizontalHeaderLabels(
        {tr("#"), tr("SKU"), tr("Item"), tr("Score"), tr("Why")});
    m_recommendationTable = makeTable(m_recommendationModel, nullptr);
    m_recommendationTable->setObjectName(QStringLiteral("recommendationTable"));
    m_recommendationTable->setToolTip(tr("Double-click an item to open it"));
    QHeaderView *header = m_recommendationTable->horizontalHeader();
    const int digit = m_recommendationTable->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(0, digit * 4);
    header->resizeSection(1, digit * 12);
    header->resizeSection(2, digit * 26);
    header->resizeSection(3, digit * 8);
    header->setStretchLastSection(true);
    connect(m_recommendationTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT objectRequested(
            Workspace::Items, m_recommendationModel->index(index.row(), 1).data().toString());
    });
    connect(m_slotCombo, &QComboBox::currentIndexChanged, this, &PersonPage::loadRecommendations);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Slot:")));
    bar->addWidget(m_slotCombo);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_recommendationNote);
    layout->addWidget(m_recommendationTable, 1);
    return tab;
}

void PersonPage::showPerson(const QString &externalId)
{
    m_externalId = externalId.trimmed();
    ++m_token;
    ++m_insightToken;
    ++m_slotToken;
    m_profileLoaded = false;
    m_insightLoaded = false;
    m_profile.reset();
    m_insight = PersonInsight();
    if (m_externalId.isEmpty()) {
        m_pages->setCurrentIndex(0);
        return;
    }
    m_pages->setCurrentIndex(1);
    m_title->setText(m_externalId);
    m_subtitle->setText(tr("Reading…"));
    clearForm(m_profileForm);
    m_eventModel->setEvents({});
    m_eventNote->clear();
    showEmptyInsight(tr("Computing…"));
    loadProfile();
    loadInsight();
}

void PersonPage::loadProfile()
{
    const int token = ++m_token;
    m_session->jobs()->run(
        tr("Reading a person"), this,
        [session = m_session, externalId = m_externalId](const Progress &) {
            ProfileResult result;
            std::unique_ptr<Database> reader = session->openReader(&result.error);
            if (!reader)
                return result;
            PersonQuery query(*reader);
            result.profile = query.profile(externalId, &result.error);
            if (result.profile) {
                if (auto events = query.events(result.profile->id, MaxEvents, &result.error))
                    result.events = *events;
                result.eventTotal = query.eventCount(result.profile->id, &result.error).value_or(0);
            }
            return result;
        },
        [this, token](ProfileResult result) {
            if (token != m_token)
                return;
            m_profileLoaded = true;
            m_profile = result.profile;
            m_eventTotal = result.eventTotal;
            m_eventModel->setEvents(result.events);
            if (!result.profile) {
                m_title->setText(m_externalId);
                m_subtitle->setText(result.error.isEmpty()
                        ? tr("There is no person with the external id “%1” in this catalog.")
                              .arg(m_externalId)
                        : tr("Cannot read this person: %1").arg(result.error));
            } else {
                showProfile();
            }
            Q_EMIT profileLoaded();
        });
}

void PersonPage::showProfile()
{
    const PersonProfile &p = *m_profile;
    m_title->setText(p.name.isEmpty() ? p.externalId : p.name);
    QStringList facts;
    if (!p.name.isEmpty())
        facts.append(p.externalId);
    if (!p.email.isEmpty())
        facts.append(p.email);
    const QString place = p.city.isEmpty() ? p.country
        : p.country.isEmpty()              ? p.city
                                           : QStringLiteral("%1, %2").arg(p.city, p.country);
    if (!place.isEmpty())
        facts.append(place);
    facts.append(m_eventTotal == 1 ? tr("1 event") : tr("%1 events").arg(QLocale().toString(m_eventTotal)));
    m_subtitle->setText(facts.join(QStringLiteral("  ·  ")));

    clearForm(m_profileForm);
    const auto add = [this](const QString &label, const QString &value) {
        m_profileForm->addRow(label, valueLabel(orDash(value)));
    };
    add(tr("External id:"), p.externalId);
    add(tr("Name:"), p.name);
    add(tr("E-mail:"), p.email);
    add(tr("E-mail consent:"), p.emailConsent ? tr("Yes") : tr("No"));
    add(tr("Gender:"), genderText(p.gender));
    const int year = m_session->engine()
        ? QDateTime::fromSecsSinceEpoch(m_session->engine()->asOf(), Qt::UTC).date().year()
        : QDate::currentDate().year();
    add(tr("Born:"),
        p.birthYear > 0 ? tr("%1 (age %2)").arg(p.birthYear).arg(year - p.birthYear) : QString());
    add(tr("Country:"), p.country);
    add(tr("City:"), p.city);
    add(tr("Customer since:"),
        p.createdAt ? QLocale().toString(
            QDateTime::fromSecsSinceEpoch(*p.createdAt, Qt::UTC).date(), QLocale::ShortFormat)
                    : QString());
    for (auto it = p.attributes.constBegin(); it != p.attributes.constEnd(); ++it) {
        const QJsonValue value = it.value();
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isDouble())
            text = QLocale().toString(value.toDouble());
        else if (value.isBool())
            text = value.toBool() ? tr("yes") : tr("no");
        else if (value.isArray())
            text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        else if (value.isObject())
            text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        m_profileForm->addRow(it.key() + QLatin1Char(':'), valueLabel(orDash(text)));
    }

    // The chart covers what was read; the table greys what the engine does not count yet.
    setChart(m_eventChart, PersonCharts::eventsPerWeek(m_eventModel->events()), m_eventStack);
    if (m_eventTotal > m_eventModel->rowCount())
        m_eventNote->setText(
            tr("The latest %1 of %2 events.")
                .arg(QLocale().toString(m_eventModel->rowCount()), QLocale().toString(m_eventTotal)));
    else
        m_eventNote->clear();
    m_tabs->setTabText(2, tr("Events (%1)").arg(QLocale().toString(m_eventTotal)));
}

void PersonPage::engineChanged()
{
    // The engine stands at another time or over other content: its answers are recomputed.
    if (!m_externalId.isEmpty())
        loadInsight();
}

void PersonPage::loadInsight()
{
    const int token = ++m_insightToken;
    m_insightLoaded = false;
    const EngineSessionPtr engine = m_session->engine();
    m_eventModel->setAsOf(engine ? std::optional<qint64>(engine->asOf()) : std::nullopt);
    if (!engine) {
        showEmptyInsight(m_session->engineError().isEmpty()
                ? tr("The engine is still reading the catalog; this fills in when it is ready.")
                : tr("The engine could not read the catalog: %1").arg(m_session->engineError()));
        return;
    }
    m_session->jobs()->run(
        tr("Explaining a person"), this,
        [engine, externalId = m_externalId](
            const Progress &progress) { return PersonInsight::compute(*engine, externalId, progress); },
        [this, token](PersonInsight insight) {
            if (token != m_insightToken)
                return;
            m_insight = std::move(insight);
            m_insightLoaded = true;
            showInsight();
            Q_EMIT insightLoaded();
        });
}

void PersonPage::showEmptyInsight(const QString &message)
{
    clearForm(m_valueForm);
    m_valueNote->setText(message);
    m_segmentModel->setInsight(PersonInsight());
    m_segmentNote->setText(message);
    m_tabs->setTabText(1, tr("Segments"));
    setChart(m_categoryChart, nullptr, m_categoryStack);
    setChart(m_brandChart, nullptr, m_brandStack);
    for (QStackedWidget *stack : {m_categoryStack, m_brandStack})
        static_cast<QLabel *>(stack->widget(1))->setText(message);
    const QSignalBlocker blocker(m_slotCombo);
    m_slotCombo->clear();
    m_slotCombo->setEnabled(false);
    m_recommendationModel->removeRows(0, m_recommendationModel->rowCount());
    m_recommendationNote->setText(message);
}

void PersonPage::showInsight()
{
    const PersonInsight &in = m_insight;
    if (!in.found) {
        showEmptyInsight(tr("The engine does not know this person yet: it was read before they were added. "
                            "Reload the engine (View ▸ Reload) to include them."));
        return;
    }
    if (!in.error.isEmpty()) {
        showEmptyInsight(tr("Cannot compute this person's features: %1").arg(in.error));
        return;
    }
    const QString asOf
        = QLocale().toString(QDateTime::fromSecsSinceEpoch(in.asOf, Qt::UTC), QLocale::ShortFormat);

    clearForm(m_valueForm);
    const auto add = [this](const QString &label, const QString &value, const QString &tip = {}) {
        QLabel *field = valueLabel(value);
        field->setWordWrap(false); // short figures: never squeezed into a column of letters
        field->setToolTip(tip);
        m_valueForm->addRow(label, field);
    };
    add(tr("Last purchase:"), measureText(ValueMeasure::RecencyDays, in.recencyDays),
        tr("Recency: days since the last purchase"));
    add(tr("Frequency:"), QLocale().toString(in.orders), tr("Orders: days with a purchase"));
    add(tr("Monetary:"), ValueMeasures::format(ValueMeasure::Monetary, in.monetary), tr("Total spend"));
    add(tr("Recency score:"), scoreText(in.recencyScore), tr("1 to 5 among buyers; 5 for the most recent"));
    add(tr("Frequency score:"), scoreText(in.frequencyScore),
        tr("1 to 5 among buyers; 5 for the most orders"));
    add(tr("Monetary score:"), scoreText(in.monetaryScore),
        tr("1 to 5 among buyers; 5 for the highest spend"));
    add(tr("Purchases:"), QLocale().toString(in.purchases));
    add(tr("Average order:"), measureText(ValueMeasure::AverageOrderValue, in.averageOrderValue));
    add(tr("Bought on sale:"), measureText(ValueMeasure::SaleShare, in.saleShare));
    add(tr("First purchase:"), measureText(ValueMeasure::FirstPurchaseDays, in.firstPurchaseDays),
        tr("Days since the first purchase"));
    m_valueNote->setText(in.buyer ? tr("As of %1.").arg(asOf)
                                  : tr("No purchase up to %1: recency and scores need one.").arg(asOf));

    m_segmentModel->setInsight(in);
    m_segmentTree->expandToDepth(-1);
    for (int row = 0; row < m_segmentModel->rowCount(); ++row) {
        // Members open, so their reasons show; the rest stay folded.
        const QModelIndex index = m_segmentModel->index(row, 0);
        m_segmentTree->setExpanded(index, index.data(PersonSegmentModel::MemberRole).toBool());
    }
    const int members = int(in.memberSegments().size());
    m_tabs->setTabText(1,
        in.segments.empty() ? tr("Segments")
                            : tr("Segments (%1 of %2)").arg(members).arg(in.segments.size()));
    if (in.segments.empty())
        m_segmentNote->setText(tr("The catalog has no segments yet. Define one in the Segments workspace "
                                  "(or vitrine-cli segment save) to see here whether this person belongs."));
    else if (!in.firstMatch.isEmpty())
        m_segmentNote->setText(
            tr("As of %1. Layouts show this person the variant for “%2”, the first segment of "
               "the priority list they belong to.")
                .arg(asOf, in.firstMatch));
    else
        m_segmentNote->setText(
            tr("As of %1. Expand a segment to see each condition and what this person has.").arg(asOf));

    const int catalogCategories = m_session->engine() ? m_session->engine()->snapshot()->categoryCount() : 0;
    const int catalogBrands = m_session->engine() ? m_session->engine()->snapshot()->brandCount() : 0;
    setChart(m_categoryChart, PersonCharts::affinities(tr("Categories"), in.categories, MaxAffinityBars),
        m_categoryStack);
    setChart(m_brandChart, PersonCharts::affinities(tr("Brands"), in.brands, MaxAffinityBars), m_brandStack);
    static_cast<QLabel *>(m_categoryStack->widget(1))
        ->setText(catalogCategories == 0
                ? tr("The catalog's items have no categories. Import items with a category column to see "
                     "which categories this person prefers.")
                : tr("No category affinity: this person has no events on items with a category."));
    static_cast<QLabel *>(m_brandStack->widget(1))
        ->setText(catalogBrands == 0
                ? tr("The catalog's items have no brands. Import items with a brand column "
                     "to see which brands this person prefers.")
                : tr("No brand affinity: this person has no events on items with a brand."));

    const QString previous = m_slotCombo->currentData().toString();
    {
        const QSignalBlocker blocker(m_slotCombo);
        m_slotCombo->clear();
        for (int i = 0; i < in.slotKeys.size(); ++i) {
            const QString &key = in.slotKeys.at(i);
            const QString &title = in.slotTitles.at(i);
            m_slotCombo->addItem(title == key ? key : QStringLiteral("%1 (%2)").arg(title, key), key);
        }
        m_slotCombo->setEnabled(!in.slotKeys.isEmpty());
        const int index = m_slotCombo->findData(previous);
        m_slotCombo->setCurrentIndex(index >= 0 ? index : preferredSlot(in.slotKeys));
    }
    loadRecommendations();
}

void PersonPage::loadRecommendations()
{
    const int token = ++m_slotToken;
    m_recommendationModel->removeRows(0, m_recommendationModel->rowCount());
    const EngineSessionPtr engine = m_session->engine();
    const QString slot = m_slotCombo->currentData().toString();
    if (!m_insightLoaded || !m_insight.found || !engine) {
        return;
    }
    if (slot.isEmpty()) {
        m_recommendationNote->setText(
            tr("The catalog has no slots yet. Create one in the Slots workspace to see "
               "what it shows this person."));
        return;
    }
    m_recommendationNote->setText(tr("Running the slot…"));
    m_session->jobs()->run(
        tr("Running a slot"), this,
        [engine, slot, user = m_insight.user](const Progress &progress) {
            RecommendRequest request;
            request.user = user;
            const SlotResult result = engine->recommend(slot, request, -1, progress);
            RecommendationResult rows;
            rows.error = result.ok ? QString() : result.error;
            rows.usedFallback = result.usedFallback;
            const Snapshot &s = *engine->snapshot();
            for (const RecommendedItem &item : result.items) {
                rows.rows.append(
                    {s.sku(item.item), s.title(item.item), item.score, item.reasons.join(QLatin1Char('\n'))});
            }
            return rows;
        },
        [this, token](RecommendationResult result) {
            if (token != m_slotToken)
                return;
            if (!result.error.isEmpty()) {
                m_recommendationNote->setText(tr("The slot cannot run: %1").arg(result.error));
            } else if (result.rows.isEmpty()) {
                m_recommendationNote->setText(
                    tr("The slot shows this person nothing: its filters leave no item. "
                       "Open it in the Slots workspace to see why."));
            } else {
                m_recommendationNote->setText(result.usedFallback
                        ? tr("Part of the list comes from the slot's fallback: its strategies found too "
                             "little for "
                             "this person (asked without a product on screen or a cart).")
                        : tr("What the shop shows this person in this slot, best first."));
            }
            int position = 0;
            for (const RecommendationRow &row : std::as_const(result.rows)) {
                QList<QStandardItem *> items = {new QStandardItem(QLocale().toString(++position)),
                    new QStandardItem(row.sku), new QStandardItem(row.title),
                    new QStandardItem(QLocale().toString(row.score, 'f', 3)),
                    new QStandardItem(row.reason.section(QLatin1Char('\n'), 0, 0))};
                items[0]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                items[3]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                items[2]->setToolTip(row.title);
                items[4]->setToolTip(row.reason);
                m_recommendationModel->appendRow(items);
            }
            Q_EMIT recommendationsLoaded();
        });
}

void PersonPage::setChart(QChartView *view, QChart *chart, QStackedWidget *stack)
{
    QChart *old = view->chart();
    if (chart) {
        // The charts follow the window's palette, light or dark.
        const QColor text = palette().color(QPalette::Text);
        chart->setBackgroundBrush(palette().color(QPalette::Base));
        chart->setTitleBrush(text);
        chart->legend()->setLabelColor(text);
        for (QAbstractAxis *axis : chart->axes()) {
            axis->setLabelsColor(text);
            axis->setLinePenColor(palette().color(QPalette::Mid));
            axis->setGridLineColor(palette().color(QPalette::Midlight));
        }
        for (QAbstractSeries *series : chart->series()) {
            if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
                for (QBarSet *set : bars->barSets())
                    set->setLabelColor(text);
            }
        }
        view->setChart(chart);
        delete old;
        stack->setCurrentIndex(0);
    } else {
        stack->setCurrentIndex(1);
    }
}

} // namespace Vitrine
