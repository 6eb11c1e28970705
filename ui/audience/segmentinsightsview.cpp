// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentinsightsview.h"

#include "engine/snapshot.h"
#include "insightscharts.h"
#include "insightsheatmap.h"
#include "insightsupset.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace Vitrine {

namespace {

constexpr int Months = 12;
/** UpSet bars beyond this many are the smallest combinations and are left out. */
constexpr int MaxUpSetBars = 12;

QString percent(double share)
{
    return QLocale().toString(share * 100.0, 'f', 1) + QLatin1Char('%');
}

QString number(double value, int decimals = 0)
{
    return QLocale().toString(value, 'f', decimals);
}

QString dateOf(qint64 asOf)
{
    return QDateTime::fromSecsSinceEpoch(asOf, Qt::UTC).date().toString(Qt::ISODate);
}

/** "2026-03" → "Mar 2026" */
QString monthName(const QString &month)
{
    const QDate date = QDate::fromString(month + QStringLiteral("-01"), Qt::ISODate);
    return date.isValid() ? QLocale().toString(date, QStringLiteral("MMM yyyy")) : month;
}

QList<qreal> percents(const std::vector<double> &shares)
{
    QList<qreal> list;
    for (double share : shares)
        list.append(share * 100.0);
    return list;
}

} // namespace

SegmentInsightsView::SegmentInsightsView(CatalogSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("insightsSummary"));
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_status = new QLabel;
    header->addWidget(m_summary, 1);
    header->addWidget(m_status);
    layout->addLayout(header);

    m_pages = new QStackedWidget;
    layout->addWidget(m_pages, 1);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget;
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(4, 4, 4, 4);
    scroll->setWidget(content);
    m_pages->addWidget(scroll);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("insightsMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_pages->addWidget(m_message);

    const auto chartView = [this](Chart chart, int height) {
        auto *view = new QChartView;
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(height);
        m_charts[int(chart)] = view;
        return view;
    };
    grid->addWidget(card(tr("Gender"), chartView(Chart::Gender, 230)), 0, 0);
    grid->addWidget(card(tr("Age"), chartView(Chart::AgeBand, 230)), 0, 1);
    // Twelve countries need about 28 pixels each, or Qt Charts elides their names.
    grid->addWidget(card(tr("Country"), chartView(Chart::Country, 380)), 1, 0);
    m_valueFigures = new QLabel;
    m_valueFigures->setObjectName(QStringLiteral("insightsValue"));
    m_valueFigures->setTextFormat(Qt::RichText);
    m_valueFigures->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    // The figures are short: the size over time shares their column.
    auto *valueColumn = new QVBoxLayout;
    valueColumn->setContentsMargins(0, 0, 0, 0);
    valueColumn->addWidget(card(tr("Spend and orders per member"), m_valueFigures));
    QLabel *monthsNote = nullptr;
    valueColumn->addWidget(
        card(tr("Size at the last %1 month ends").arg(Months), chartView(Chart::Months, 220), &monthsNote),
        1);
    m_monthsNote = monthsNote;
    grid->addLayout(valueColumn, 1, 1);
    grid->addWidget(card(tr("Top categories"), chartView(Chart::Categories, 360)), 2, 0);
    grid->addWidget(card(tr("Top brands"), chartView(Chart::Brands, 360)), 2, 1);

    auto *rfm = new QWidget;
    auto *rfmLayout = new QVBoxLayout(rfm);
    rfmLayout->setContentsMargins(0, 0, 0, 0);
    m_rfmMap = new InsightsHeatMap;
    m_rfmMap->setObjectName(QStringLiteral("insightsRfm"));
    m_rfmMap->setAxisTitles(tr("Recency score"), tr("Frequency score"));
    m_rfmMap->setMinimumHeight(220);
    m_neverBought = new QPushButton;
    m_neverBought->setFlat(true);
    m_neverBought->setCursor(Qt::PointingHandCursor);
    m_rfmNote = new QLabel;
    m_rfmNote->setWordWrap(true);
    rfmLayout->addWidget(m_rfmMap, 1);
    auto *rfmFooter = new QHBoxLayout;
    rfmFooter->addWidget(m_neverBought);
    rfmFooter->addWidget(m_rfmNote, 1);
    rfmLayout->addLayout(rfmFooter);
    grid->addWidget(card(tr("Recency × frequency (members; colour: against everyone)"), rfm), 3, 0);

    m_overlapMap = new InsightsHeatMap;
    m_overlapMap->setObjectName(QStringLiteral("insightsOverlap"));
    m_overlapMap->setMinimumHeight(240);
    QLabel *overlapNote = nullptr;
    grid->addWidget(card(tr("Overlap: people in both (colour: Jaccard)"), m_overlapMap, &overlapNote), 3, 1);
    m_overlapNote = overlapNote;
    m_upSet = new InsightsUpSet;
    m_upSet->setObjectName(QStringLiteral("insightsUpSet"));
    m_upSet->setMinimumHeight(240);
    grid->addWidget(card(tr("How the members split over the other segments"), m_upSet), 4, 0, 1, 2);

    auto *shown = new QWidget;
    auto *shownLayout = new QVBoxLayout(shown);
    shownLayout->setContentsMargins(0, 0, 0, 0);
    auto *slotRow = new QHBoxLayout;
    slotRow->addWidget(new QLabel(tr("Slot:")));
    m_slotCombo = new QComboBox;
    m_slotCombo->setObjectName(QStringLiteral("insightsSlot"));
    m_slotCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    slotRow->addWidget(m_slotCombo);
    m_shownNote = new QLabel;
    m_shownNote->setWordWrap(true);
    slotRow->addWidget(m_shownNote, 1);
    shownLayout->addLayout(slotRow);
    m_shownModel = new QStandardItemModel(0, 5, this);
    m_shownModel->setHorizontalHeaderLabels(
        {tr("Rank"), tr("SKU"), tr("Title"), tr("Share of members"), tr("Average position")});
    m_shownTable = new QTableView;
    m_shownTable->setObjectName(QStringLiteral("insightsShown"));
    m_shownTable->setModel(m_shownModel);
    m_shownTable->verticalHeader()->hide();
    m_shownTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_shownTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_shownTable->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_shownTable->setMinimumHeight(260);
    shownLayout->addWidget(m_shownTable, 1);
    grid->addWidget(card(tr("What a slot shows the members"), shown), 5, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    connect(m_rfmMap, &InsightsHeatMap::cellClicked, this, [this](int row, int column) {
        const int recency = SegmentRfmGrid::Scores - row;
        const int frequency = column + 1;
        narrow(tr("Recency %1, frequency %2").arg(recency).arg(frequency),
            {SegmentFacet::Rfm, SegmentRfmGrid::cellKey(recency, frequency), {}, false});
    });
    connect(m_neverBought, &QPushButton::clicked, this, [this] {
        narrow(tr("Never bought"), {SegmentFacet::Rfm, SegmentRfmGrid::neverKey(), {}, false});
    });
    connect(m_overlapMap, &InsightsHeatMap::cellClicked, this, [this](int row, int column) {
        if (!m_data || !m_data->overlap)
            return;
        const int other = row == m_data->selfIndex ? column : row;
        InsightsNarrowing narrowing {SegmentFacet::Gender, {}, {m_data->selfIndex, other}, true, true};
        narrow(tr("Also in: %1").arg(m_data->overlap->names().at(other)), narrowing);
    });
    connect(m_upSet, &InsightsUpSet::barClicked, this, [this](int index) {
        const InsightsUpSet::Bar &bar = m_upSet->bar(index);
        if (!m_data || !m_data->overlap)
            return;
        QStringList others;
        std::vector<int> sets;
        for (int row : bar.sets) {
            const int set = m_upSet->property("setIndexes").toList().value(row).toInt();
            sets.push_back(set);
            if (set != m_data->selfIndex)
                others.append(m_data->overlap->names().at(set));
        }
        narrow(others.isEmpty() ? tr("In no other segment")
                                : tr("Also in: %1").arg(others.join(QStringLiteral(" + "))),
            {SegmentFacet::Gender, {}, sets, true});
    });
    connect(m_slotCombo, &QComboBox::currentIndexChanged, this, &SegmentInsightsView::loadShown);
    connect(m_session, &CatalogSession::engineChanged, this, &SegmentInsightsView::recompute);
    showMessage(tr("Choose or define a segment to see what it is made of."));
}

SegmentInsightsView::~SegmentInsightsView() = default;

QWidget *SegmentInsightsView::card(const QString &title, QWidget *content, QLabel **note)
{
    auto *box = new QGroupBox(title);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(content, 1);
    if (note) {
        *note = new QLabel;
        (*note)->setWordWrap(true);
        (*note)->hide();
        layout->addWidget(*note);
    }
    return box;
}

void SegmentInsightsView::setSegment(const QString &name, const SegmentRule &rule)
{
    m_name = name;
    m_rule = rule;
    recompute();
}

const SegmentStats *SegmentInsightsView::stats() const
{
    return m_data && m_data->error.isEmpty() ? &m_data->stats : nullptr;
}

const std::vector<SegmentMonthSize> &SegmentInsightsView::monthSizes() const
{
    static const std::vector<SegmentMonthSize> none;
    return m_data ? m_data->months : none;
}

const SegmentOverlap *SegmentInsightsView::overlap() const
{
    return m_data && m_data->overlap ? &*m_data->overlap : nullptr;
}

int SegmentInsightsView::overlapSelfIndex() const
{
    return m_data ? m_data->selfIndex : -1;
}

QChartView *SegmentInsightsView::chartView(Chart chart) const
{
    return m_charts[int(chart)];
}

QString SegmentInsightsView::emptyMessage() const
{
    return m_pages->currentWidget() == m_message ? m_message->text() : QString();
}

QString SegmentInsightsView::currentSlot() const
{
    return m_slotCombo->currentData().toString();
}

bool SegmentInsightsView::setCurrentSlot(const QString &key)
{
    const int index = m_slotCombo->findData(key);
    if (index >= 0)
        m_slotCombo->setCurrentIndex(index);
    return index >= 0;
}

const SegmentShown *SegmentInsightsView::shown() const
{
    return m_shown ? &m_shown->shown : nullptr;
}

void SegmentInsightsView::recompute()
{
    const int generation = ++m_generation;
    ++m_shownGeneration;
    for (Job *job : {m_job.data(), m_shownJob.data()}) {
        if (job)
            job->cancel();
    }
    m_shownBusy = false;
    if (!m_rule) {
        m_busy = false;
        return;
    }
    const EngineSessionPtr engine = m_session->engine();
    if (!engine) {
        m_busy = false;
        showMessage(m_session->engineError().isEmpty()
                ? tr("The engine is still reading the catalog; the figures follow when it is ready.")
                : tr("The engine could not read the catalog: %1").arg(m_session->engineError()));
        Q_EMIT statsShown();
        return;
    }
    m_busy = true;
    m_status->setText(tr("Computing…"));
    m_job = m_session->jobs()->run(
        tr("Segment insights"), this,
        [engine, name = m_name, rule = *m_rule](const Progress &progress) {
            return InsightsData::compute(engine, name, rule, true, Months, progress);
        },
        [this, generation](InsightsData data) {
            if (generation != m_generation)
                return;
            m_busy = false;
            showData(std::move(data));
        });
    // A job cancelled from outside (the window closing) delivers nothing: the view is not busy then.
    connect(m_job, &Job::finished, this, [this, generation] {
        if (generation == m_generation && m_busy) {
            m_busy = false;
            m_status->setText(tr("Stopped."));
        }
    });
}

void SegmentInsightsView::showMessage(const QString &message)
{
    m_message->setText(message);
    m_pages->setCurrentWidget(m_message);
}

void SegmentInsightsView::showData(InsightsData data)
{
    m_data = std::move(data);
    m_status->clear();
    const EngineSessionPtr engine = m_session->engine();
    if (!m_data->error.isEmpty()) {
        m_summary->clear();
        showMessage(tr("The figures cannot be computed: %1").arg(m_data->error));
        Q_EMIT statsShown();
        return;
    }
    const SegmentStats &stats = m_data->stats;
    const QString title = m_name.isEmpty() ? tr("This segment") : m_name;
    m_summary->setText(tr("%1: %2 of %3 people (%4) at %5")
                           .arg(title, number(stats.size), number(stats.population), percent(stats.share),
                               dateOf(stats.asOf)));
    if (!m_data->warnings.isEmpty())
        m_status->setText(tr("Warning: %1").arg(m_data->warnings.join(QStringLiteral("; "))));
    if (stats.size == 0) {
        showMessage(m_data->warnings.isEmpty()
                ? tr("No one in this segment at %1.").arg(dateOf(stats.asOf))
                : tr("No one in this segment at %1. The rule names something the catalog does not know "
                     "(see the warning above), which matches nobody.")
                      .arg(dateOf(stats.asOf)));
        Q_EMIT statsShown();
        return;
    }
    m_pages->setCurrentIndex(0);
    showComposition();
    showFavourites();
    showValue();
    showRfm();
    if (m_data->months.empty()) {
        m_charts[int(Chart::Months)]->hide();
        m_monthsNote->setText(m_data->monthsError.isEmpty()
                ? tr("No month end before %1.").arg(dateOf(stats.asOf))
                : m_data->monthsError);
        m_monthsNote->show();
    } else {
        InsightsCharts::show(m_charts[int(Chart::Months)],
            InsightsCharts::monthSizes(
                tr("Members, %1 to %2")
                    .arg(monthName(m_data->months.front().month), monthName(m_data->months.back().month)),
                m_data->months),
            palette());
        m_charts[int(Chart::Months)]->show();
        m_monthsNote->hide();
    }
    showOverlap();

    const QString previous = m_slotCombo->currentData().toString();
    {
        const QSignalBlocker blocker(m_slotCombo);
        m_slotCombo->clear();
        for (int i = 0; i < m_data->slotKeys.size(); ++i) {
            const QString &key = m_data->slotKeys.at(i);
            const QString &slotTitle = m_data->slotTitles.at(i);
            m_slotCombo->addItem(slotTitle == key ? key : QStringLiteral("%1 (%2)").arg(slotTitle, key), key);
        }
        const int index = m_slotCombo->findData(previous);
        m_slotCombo->setCurrentIndex(index >= 0 ? index : InsightsData::preferredSlot(m_data->slotKeys));
        m_slotCombo->setEnabled(!m_data->slotKeys.isEmpty());
    }
    Q_EMIT statsShown();
    loadShown();
}

void SegmentInsightsView::connectBars(
    Chart chart, SegmentFacet facet, const QString &dimension, const QStringList &keys)
{
    QChartView *view = m_charts[int(chart)];
    const QStringList labels = InsightsCharts::labels(view);
    const QList<QAbstractSeries *> series = view->chart()->series();
    auto *bars = series.isEmpty() ? nullptr : qobject_cast<QAbstractBarSeries *>(series.first());
    if (!bars)
        return;
    const bool horizontal = bars->type() == QAbstractSeries::SeriesTypeHorizontalBar;
    for (QBarSet *set : bars->barSets()) {
        connect(set, &QBarSet::clicked, this, [this, facet, dimension, keys, labels, horizontal](int index) {
            const int i = horizontal ? int(keys.size()) - 1 - index : index;
            if (i >= 0 && i < keys.size())
                narrow(
                    QStringLiteral("%1: %2").arg(dimension, labels.value(i)), {facet, keys.at(i), {}, false});
        });
    }
}

void SegmentInsightsView::showComposition()
{
    const SegmentStats &stats = m_data->stats;
    const auto show = [this](Chart chart, SegmentFacet facet, const QString &dimension,
                          const std::vector<SegmentBucket> &buckets, const std::vector<double> &everybody,
                          bool horizontal) {
        QStringList labels, keys;
        std::vector<double> mine;
        for (const SegmentBucket &bucket : buckets) {
            keys.append(bucket.name);
            mine.push_back(bucket.share);
            const QString &n = bucket.name;
            labels.append(n == QLatin1String("unknown") ? tr("Unknown")
                    : n == QLatin1String("other")       ? tr("Other")
                    : facet != SegmentFacet::Gender     ? n
                    : n == QLatin1String("f")           ? tr("Female")
                    : n == QLatin1String("m")           ? tr("Male")
                                                        : tr("Diverse"));
        }
        QChart *built = InsightsCharts::grouped(QString(), labels,
            {{tr("This segment"), percents(mine), InsightsCharts::segmentColour()},
                {tr("Everyone"), percents(everybody), InsightsCharts::everybodyColour()}},
            horizontal);
        InsightsCharts::show(m_charts[int(chart)], built, palette());
        connectBars(chart, facet, dimension, keys);
    };
    show(Chart::Gender, SegmentFacet::Gender, tr("Gender"), stats.genders, m_data->everybodyGenders, false);
    show(Chart::AgeBand, SegmentFacet::AgeBand, tr("Age"), stats.ageBands, m_data->everybodyAges, false);
    show(Chart::Country, SegmentFacet::Country, tr("Country"), stats.countries, m_data->everybodyCountries,
        true);
}

void SegmentInsightsView::showFavourites()
{
    const SegmentStats &stats = m_data->stats;
    const auto show = [this](Chart chart, SegmentFacet facet, const QString &dimension, const QString &title,
                          const auto &entries, auto nameOf) {
        QStringList labels, keys;
        std::vector<double> mine, everybody;
        for (const auto &entry : entries) {
            keys.append(nameOf(entry));
            labels.append(tr("%1 (×%2)").arg(nameOf(entry), number(entry.lift, 2)));
            mine.push_back(entry.share);
            everybody.push_back(entry.lift > 0 ? entry.share / entry.lift : 0.0);
        }
        QChartView *view = m_charts[int(chart)];
        if (keys.isEmpty()) {
            InsightsCharts::show(view,
                InsightsCharts::grouped(
                    tr("None: the members have no %1 events here").arg(m_data->stats.categoryEvent), {}, {},
                    true),
                palette());
            return;
        }
        QChart *built = InsightsCharts::grouped(title, labels,
            {{tr("This segment"), percents(mine), InsightsCharts::segmentColour()},
                {tr("Everyone"), percents(everybody), InsightsCharts::everybodyColour()}},
            true);
        InsightsCharts::show(view, built, palette());
        connectBars(chart, facet, dimension, keys);
    };
    const QString by
        = tr("Share of the members' %1 events (×: lift against everyone)").arg(stats.categoryEvent);
    show(Chart::Categories, SegmentFacet::Category, tr("Category"), by, stats.topCategories,
        [](const SegmentCategory &c) { return c.path; });
    show(Chart::Brands, SegmentFacet::Brand, tr("Brand"), by, stats.topBrands,
        [](const SegmentBrand &b) { return b.name; });
}

void SegmentInsightsView::showValue()
{
    const SegmentStats &s = m_data->stats;
    const auto row = [](const QString &label, const QString &mine, const QString &everybody) {
        return QStringLiteral("<tr><td>%1</td><td align=right><b>%2</b></td><td align=right>%3</td></tr>")
            .arg(label.toHtmlEscaped(), mine.toHtmlEscaped(), everybody.toHtmlEscaped());
    };
    const auto ratio = [](double mine, double everybody) {
        return everybody > 0 ? QStringLiteral(" (×%1)").arg(number(mine / everybody, 2)) : QString();
    };
    QString html = QStringLiteral("<table cellspacing=0 cellpadding=5>");
    html += row(QString(), tr("This segment"), tr("Everyone"));
    html += row(tr("Buyers"),
        tr("%1 (%2)").arg(number(s.buyers), percent(s.size ? double(s.buyers) / s.size : 0)), QString());
    html += row(tr("Spend per member"),
        number(s.averageSpend, 2) + ratio(s.averageSpend, s.populationAverageSpend),
        number(s.populationAverageSpend, 2));
    html += row(tr("Orders per member"),
        number(s.averageOrders, 2) + ratio(s.averageOrders, s.populationAverageOrders),
        number(s.populationAverageOrders, 2));
    html += row(tr("Average order value"), number(s.averageOrderValue, 2), QString());
    html += QStringLiteral("</table><p>%1</p>")
                .arg(tr("Members without a purchase count as 0 spend and 0 orders.").toHtmlEscaped());
    m_valueFigures->setText(html);
}

void SegmentInsightsView::showRfm()
{
    const SegmentStats &s = m_data->stats;
    QStringList rows, columns;
    std::vector<std::vector<InsightsHeatMap::Cell>> cells;
    for (int f = 1; f <= SegmentRfmGrid::Scores; ++f)
        columns.append(QStringLiteral("F%1").arg(f));
    for (int r = SegmentRfmGrid::Scores; r >= 1; --r) {
        rows.append(QStringLiteral("R%1").arg(r));
        std::vector<InsightsHeatMap::Cell> line;
        for (int f = 1; f <= SegmentRfmGrid::Scores; ++f) {
            const int count = s.rfm.cell(r, f);
            const double share = s.size ? double(count) / s.size : 0.0;
            const double everybody = s.population ? double(s.populationRfm.cell(r, f)) / s.population : 0.0;
            const double lift = everybody > 0 ? share / everybody : std::nan("");
            InsightsHeatMap::Cell cell;
            cell.text = number(count);
            cell.value = count;
            cell.colour = lift;
            cell.clickable = count > 0;
            cell.toolTip = tr("Recency score %1, frequency score %2: %3 members (%4), everyone %5, lift %6")
                               .arg(r)
                               .arg(f)
                               .arg(number(count), percent(share), percent(everybody),
                                   std::isnan(lift) ? tr("none") : number(lift, 2));
            line.push_back(cell);
        }
        cells.push_back(std::move(line));
    }
    m_rfmMap->setGrid(rows, columns, std::move(cells), InsightsHeatMap::Scale::Lift);
    m_neverBought->setText(
        tr("Never bought: %1 (%2)")
            .arg(number(s.rfm.neverBought), percent(s.size ? double(s.rfm.neverBought) / s.size : 0)));
    m_neverBought->setEnabled(s.rfm.neverBought > 0);
    m_rfmNote->setText(
        tr("R5: bought most lately, F5: most orders (quintiles of the buyers). Blue: more than everyone's "
           "share, orange: less. Click a cell to list its members."));
}

void SegmentInsightsView::showOverlap()
{
    const SegmentOverlap *o = overlap();
    if (!o) {
        m_overlapMap->clear();
        m_upSet->setData({}, {});
        m_overlapNote->setText(tr("No overlap: %1").arg(m_data->overlapError));
        m_overlapNote->show();
        return;
    }
    m_overlapNote->hide();
    const int self = m_data->selfIndex;
    QStringList names = o->names();
    if (self >= 0)
        names[self] = m_name.isEmpty() ? tr("this segment") : tr("%1 (this)").arg(m_name);
    std::vector<std::vector<InsightsHeatMap::Cell>> cells;
    for (int a = 0; a < int(names.size()); ++a) {
        std::vector<InsightsHeatMap::Cell> line;
        for (int b = 0; b < int(names.size()); ++b) {
            InsightsHeatMap::Cell cell;
            cell.value = o->pair(a, b);
            cell.text = number(cell.value);
            cell.colour = o->jaccard(a, b);
            // This segment's row and column list its members who are also in the other one.
            cell.clickable = a != b && (a == self || b == self) && cell.value > 0;
            cell.toolTip = a == b
                ? tr("%1: %2 people").arg(names.at(a), number(cell.value))
                : tr("In %1 and %2: %3 people; Jaccard %4")
                      .arg(names.at(a), names.at(b), number(cell.value), number(cell.colour, 3));
            if (cell.clickable)
                cell.toolTip += QLatin1Char('\n') + tr("Click to list them.");
            line.push_back(cell);
        }
        cells.push_back(std::move(line));
    }
    m_overlapMap->setGrid(names, names, std::move(cells), InsightsHeatMap::Scale::Share);

    // The combinations this segment is in: they split its members, so the bars add up to its size.
    std::vector<const SegmentOverlap::Intersection *> mine;
    for (const SegmentOverlap::Intersection &intersection : o->intersections()) {
        if (std::find(intersection.segments.begin(), intersection.segments.end(), self)
            != intersection.segments.end())
            mine.push_back(&intersection);
    }
    std::stable_sort(mine.begin(), mine.end(), [](auto *a, auto *b) { return a->exclusive > b->exclusive; });
    if (int(mine.size()) > MaxUpSetBars)
        mine.resize(MaxUpSetBars);
    // Rows: this segment first, then the others that appear in a bar.
    QList<QVariant> setIndexes {self};
    for (const auto *intersection : mine) {
        for (int set : intersection->segments) {
            if (!setIndexes.contains(set))
                setIndexes.append(set);
        }
    }
    QStringList labels;
    for (const QVariant &set : std::as_const(setIndexes))
        labels.append(names.at(set.toInt()));
    std::vector<InsightsUpSet::Bar> bars;
    for (const auto *intersection : mine) {
        InsightsUpSet::Bar bar;
        QStringList in;
        for (int set : intersection->segments) {
            bar.sets.push_back(int(setIndexes.indexOf(set)));
            in.append(names.at(set));
        }
        bar.size = intersection->exclusive;
        bar.toolTip = tr("In %1 and no other segment: %2 members. Click to list them.")
                          .arg(in.join(QStringLiteral(", ")), number(bar.size));
        bars.push_back(std::move(bar));
    }
    m_upSet->setProperty("setIndexes", setIndexes);
    m_upSet->setData(labels, std::move(bars));
}

void SegmentInsightsView::loadShown()
{
    const int generation = ++m_shownGeneration;
    if (m_shownJob)
        m_shownJob->cancel();
    m_shownModel->removeRows(0, m_shownModel->rowCount());
    m_shown.reset();
    const EngineSessionPtr engine = m_session->engine();
    const QString slot = currentSlot();
    if (!m_data || !m_data->members || !engine) {
        m_shownBusy = false;
        return;
    }
    if (slot.isEmpty()) {
        m_shownBusy = false;
        m_shownNote->setText(tr("The catalog has no slots yet."));
        Q_EMIT shownChanged();
        return;
    }
    m_shownBusy = true;
    m_shownNote->setText(tr("Running the slot for the members…"));
    m_shownJob = m_session->jobs()->run(
        tr("What a slot shows a segment"), this,
        [engine, features = m_data->features, members = m_data->members, slot](const Progress &progress) {
            return InsightsShown::compute(engine, features, *members, slot, progress);
        },
        [this, generation](InsightsShown result) {
            if (generation != m_shownGeneration)
                return;
            m_shownBusy = false;
            const SegmentShown &s = result.shown;
            if (!s.ok) {
                m_shownNote->setText(tr("The slot cannot run: %1").arg(s.error));
            } else {
                m_shownNote->setText(s.isSample() ? tr("From a sample of %1 of %2 members, evenly spread.")
                                                        .arg(number(s.sampled), number(s.members))
                                                  : tr("For all %1 members.").arg(number(s.members)));
            }
            int rank = 0;
            for (const InsightsShown::Row &row : result.rows) {
                QList<QStandardItem *> items {new QStandardItem(QString::number(++rank)),
                    new QStandardItem(row.sku), new QStandardItem(row.title),
                    new QStandardItem(percent(row.share)), new QStandardItem(number(row.averagePosition, 1))};
                items[0]->setData(rank, Qt::UserRole + 1);
                items[3]->setData(row.share, Qt::UserRole + 1);
                for (int column : {0, 3, 4})
                    items[column]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_shownModel->appendRow(items);
            }
            m_shownTable->resizeColumnsToContents();
            m_shown = std::move(result);
            Q_EMIT shownChanged();
        });
}

void SegmentInsightsView::narrow(const QString &label, const InsightsNarrowing &narrowing)
{
    if (!m_data || !m_data->members)
        return;
    m_session->jobs()->run(
        tr("Finding the people behind a bar"), this,
        [narrowing, features = m_data->features, members = m_data->members, sets = m_data->overlapSets](
            const Progress &) { return narrowing.people(features, members, sets); },
        [this, label, generation = m_generation](std::shared_ptr<const PersonSet> people) {
            if (generation == m_generation)
                Q_EMIT membersNarrowed(label, std::move(people));
        });
}

} // namespace Vitrine
