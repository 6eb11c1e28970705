// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentcompareview.h"

#include "insightscharts.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"

#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace Vitrine {

namespace {

/** Countries beyond this many (by the two sides' shares together) are summed as "Other". */
constexpr int TopCountries = 10;

QString percent(double share)
{
    return QLocale().toString(share * 100.0, 'f', 1) + QLatin1Char('%');
}

QString number(double value, int decimals = 0)
{
    return QLocale().toString(value, 'f', decimals);
}

QGroupBox *card(const QString &title, QWidget *content)
{
    auto *box = new QGroupBox(title);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(content);
    return box;
}

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SegmentCompareView)
};

QString bucketLabel(const QString &name)
{
    if (name == QLatin1String("unknown"))
        return Tr::tr("Unknown");
    if (name == QLatin1String("f"))
        return Tr::tr("Female");
    if (name == QLatin1String("m"))
        return Tr::tr("Male");
    if (name == QLatin1String("x"))
        return Tr::tr("Diverse");
    return name;
}

} // namespace

SegmentCompareView::SegmentCompareView(CatalogSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *choose = new QHBoxLayout;
    m_comboA = new QComboBox;
    m_comboA->setObjectName(QStringLiteral("compareA"));
    m_comboB = new QComboBox;
    m_comboB->setObjectName(QStringLiteral("compareB"));
    for (QComboBox *combo : {m_comboA, m_comboB})
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    choose->addWidget(new QLabel(tr("Compare")));
    choose->addWidget(m_comboA);
    choose->addWidget(new QLabel(tr("with")));
    choose->addWidget(m_comboB);
    choose->addStretch(1);
    layout->addLayout(choose);

    m_pages = new QStackedWidget;
    layout->addWidget(m_pages, 1);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget;
    auto *grid = new QGridLayout(content);
    scroll->setWidget(content);
    m_pages->addWidget(scroll);
    m_message = new QLabel;
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_pages->addWidget(m_message);

    m_sizes = new QLabel;
    m_sizes->setObjectName(QStringLiteral("compareSizes"));
    m_sizes->setTextFormat(Qt::RichText);
    m_sizes->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    grid->addWidget(card(tr("Sizes and overlap"), m_sizes), 0, 0);
    const QStringList titles {tr("Gender"), tr("Age"), tr("Country")};
    for (int i = 0; i < 3; ++i) {
        m_charts[i] = new QChartView;
        m_charts[i]->setRenderHint(QPainter::Antialiasing);
        m_charts[i]->setMinimumHeight(i == 2 ? 330 : 240);
    }
    grid->addWidget(card(titles[0], m_charts[0]), 0, 1);
    grid->addWidget(card(titles[1], m_charts[1]), 1, 0);
    grid->addWidget(card(titles[2], m_charts[2]), 1, 1);

    auto *shown = new QWidget;
    auto *shownLayout = new QVBoxLayout(shown);
    shownLayout->setContentsMargins(0, 0, 0, 0);
    auto *slotRow = new QHBoxLayout;
    slotRow->addWidget(new QLabel(tr("Slot:")));
    m_slotCombo = new QComboBox;
    m_slotCombo->setObjectName(QStringLiteral("compareSlot"));
    m_slotCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    slotRow->addWidget(m_slotCombo);
    m_shownNote = new QLabel;
    m_shownNote->setWordWrap(true);
    slotRow->addWidget(m_shownNote, 1);
    shownLayout->addLayout(slotRow);
    m_shownModel = new QStandardItemModel(0, 4, this);
    m_shownTable = new QTableView;
    m_shownTable->setModel(m_shownModel);
    m_shownTable->verticalHeader()->hide();
    m_shownTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_shownTable->setSortingEnabled(true);
    m_shownTable->setMinimumHeight(260);
    shownLayout->addWidget(m_shownTable);
    grid->addWidget(card(tr("What a slot shows each"), shown), 2, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    for (QComboBox *combo : {m_comboA, m_comboB}) {
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            m_a = m_comboA->currentData().toString();
            m_b = m_comboB->currentData().toString();
            recompute();
        });
    }
    connect(m_slotCombo, &QComboBox::currentIndexChanged, this, &SegmentCompareView::loadShown);
    connect(m_session, &CatalogSession::engineChanged, this, &SegmentCompareView::recompute);
    recompute();
}

SegmentCompareView::~SegmentCompareView() = default;

void SegmentCompareView::setSegments(const QString &a, const QString &b)
{
    m_a = a;
    m_b = b;
    fillChoices();
    recompute();
}

void SegmentCompareView::setDraft(const QString &name, const SegmentRule &rule)
{
    const QString previous = m_draftRule ? m_draftName : QString();
    m_draftName = name.isEmpty() ? tr("new segment") : name;
    m_draftRule = rule;
    if (m_draftName != previous) { // another segment is being edited: it is the first side
        if (m_b == m_draftName)
            m_b = m_a;
        m_a = m_draftName;
    }
    fillChoices();
    recompute();
}

QStringList SegmentCompareView::choices() const
{
    QStringList list;
    for (int i = 0; i < m_comboA->count(); ++i)
        list.append(m_comboA->itemData(i).toString());
    return list;
}

void SegmentCompareView::fillChoices()
{
    // Nothing chosen yet (or a choice that is gone): the segment being edited against the next one.
    QStringList names;
    if (m_draftRule)
        names.append(m_draftName);
    for (const QString &name : std::as_const(m_stored)) {
        if (!names.contains(name))
            names.append(name);
    }
    if (names.isEmpty())
        return fillCombos(); // not known yet: keep what was asked for
    if (!names.contains(m_a))
        m_a = names.value(0);
    if (!names.contains(m_b)) {
        m_b.clear();
        for (const QString &name : std::as_const(names)) {
            if (name != m_a) {
                m_b = name;
                break;
            }
        }
    }
    fillCombos();
}

void SegmentCompareView::fillCombos()
{
    for (QComboBox *combo : {m_comboA, m_comboB}) {
        const QSignalBlocker blocker(combo);
        combo->clear();
        if (m_draftRule)
            combo->addItem(tr("%1 (editing)").arg(m_draftName), m_draftName);
        for (const QString &name : std::as_const(m_stored)) {
            if (!m_draftRule || name != m_draftName)
                combo->addItem(name, name);
        }
        combo->setCurrentIndex(combo->findData(combo == m_comboA ? m_a : m_b));
    }
}

const SegmentOverlap *SegmentCompareView::overlap() const
{
    return m_data && m_data->overlap ? &*m_data->overlap : nullptr;
}

const SegmentStats *SegmentCompareView::stats(int side) const
{
    return m_data && m_data->error.isEmpty() && m_data->members[size_t(side)] ? &m_data->stats[size_t(side)]
                                                                              : nullptr;
}

QString SegmentCompareView::emptyMessage() const
{
    return m_pages->currentWidget() == m_message ? m_message->text() : QString();
}

QString SegmentCompareView::currentSlot() const
{
    return m_slotCombo->currentData().toString();
}

bool SegmentCompareView::setCurrentSlot(const QString &key)
{
    const int index = m_slotCombo->findData(key);
    if (index >= 0)
        m_slotCombo->setCurrentIndex(index);
    return index >= 0;
}

CompareData::Side SegmentCompareView::side(const QString &name) const
{
    if (m_draftRule && name == m_draftName)
        return {name, m_draftRule};
    return {name, std::nullopt};
}

void SegmentCompareView::recompute()
{
    const int generation = ++m_generation;
    ++m_shownGeneration;
    if (m_job)
        m_job->cancel();
    const EngineSessionPtr engine = m_session->engine();
    if (!engine) {
        m_busy = false;
        showMessage(tr("The engine is still reading the catalog; the comparison follows when it is ready."));
        return;
    }
    if (!m_a.isEmpty() && m_a == m_b) {
        m_busy = false;
        m_data.reset();
        showMessage(tr("Choose two different segments."));
        Q_EMIT compared();
        return;
    }
    m_busy = true;
    m_job = m_session->jobs()->run(
        tr("Comparing segments"), this,
        [engine, a = side(m_a), b = side(m_b)](
            const Progress &progress) { return CompareData::compute(engine, a, b, progress); },
        [this, generation](CompareData data) {
            if (generation != m_generation)
                return;
            m_busy = false;
            showData(std::move(data));
        });
    connect(m_job, &Job::finished, this, [this, generation] {
        if (generation == m_generation)
            m_busy = false;
    });
}

void SegmentCompareView::showMessage(const QString &message)
{
    m_message->setText(message);
    m_pages->setCurrentWidget(m_message);
}

void SegmentCompareView::showData(CompareData data)
{
    m_data = std::move(data);
    if (m_stored != m_data->storedNames) {
        m_stored = m_data->storedNames;
        const QString a = m_a;
        const QString b = m_b;
        fillChoices();
        if (a != m_a || b != m_b) { // the first names known: compare those
            recompute();
            return;
        }
    }
    {
        const QSignalBlocker blocker(m_slotCombo);
        const QString previous = currentSlot();
        m_slotCombo->clear();
        for (int i = 0; i < m_data->slotKeys.size(); ++i)
            m_slotCombo->addItem(m_data->slotTitles.at(i), m_data->slotKeys.at(i));
        const int index = m_slotCombo->findData(previous);
        m_slotCombo->setCurrentIndex(index >= 0 ? index : InsightsData::preferredSlot(m_data->slotKeys));
    }
    if (!m_data->error.isEmpty()) {
        showMessage(tr("The segments cannot be compared: %1").arg(m_data->error));
    } else if (!m_data->overlap) {
        showMessage(tr("Choose two segments to compare."));
    } else {
        const SegmentOverlap &o = *m_data->overlap;
        const int both = o.pair(0, 1);
        const int population = std::max(1, o.population());
        const auto row = [](const QString &label, int count, int total) {
            return QStringLiteral("<tr><td>%1</td><td align=right><b>%2</b></td><td align=right>%3</td></tr>")
                .arg(label.toHtmlEscaped(), number(count), percent(double(count) / total));
        };
        QString html = QStringLiteral("<table cellspacing=0 cellpadding=5>");
        html += row(m_a, o.sizes()[0], population);
        html += row(m_b, o.sizes()[1], population);
        html += QStringLiteral("<tr><td colspan=3><hr></td></tr>");
        html += row(tr("Only %1").arg(m_a), o.sizes()[0] - both, std::max(1, o.unionSize()));
        html += row(tr("Both"), both, std::max(1, o.unionSize()));
        html += row(tr("Only %1").arg(m_b), o.sizes()[1] - both, std::max(1, o.unionSize()));
        html += QStringLiteral("</table><p>%1</p>")
                    .arg(tr("Jaccard %1 (both / either). Shares of everyone above, of either below.")
                             .arg(number(o.jaccard(0, 1), 3))
                             .toHtmlEscaped());
        m_sizes->setText(html);
        showComposition();
        m_pages->setCurrentIndex(0);
    }
    Q_EMIT compared();
    loadShown();
}

void SegmentCompareView::showComposition()
{
    const auto &[a, b] = m_data->stats;
    const auto show = [this](Chart chart, const std::vector<SegmentBucket> &first,
                          const std::vector<SegmentBucket> &second, bool horizontal) {
        // The two sides' buckets merged, the largest (together) first for countries.
        QStringList names;
        QHash<QString, std::pair<double, double>> shares;
        for (const SegmentBucket &bucket : first) {
            names.append(bucket.name);
            shares[bucket.name].first = bucket.share;
        }
        for (const SegmentBucket &bucket : second) {
            if (!names.contains(bucket.name))
                names.append(bucket.name);
            shares[bucket.name].second = bucket.share;
        }
        if (chart == Chart::Country) {
            names.removeAll(QStringLiteral("unknown"));
            std::stable_sort(names.begin(), names.end(), [&shares](const QString &x, const QString &y) {
                return shares[x].first + shares[x].second > shares[y].first + shares[y].second;
            });
            if (names.size() > TopCountries) {
                std::pair<double, double> other;
                for (qsizetype i = TopCountries; i < names.size(); ++i) {
                    other.first += shares[names.at(i)].first;
                    other.second += shares[names.at(i)].second;
                }
                names.resize(TopCountries);
                names.append(tr("Other"));
                shares[tr("Other")] = other;
            }
            if (shares.contains(QStringLiteral("unknown")))
                names.append(QStringLiteral("unknown"));
        }
        QStringList labels;
        QList<qreal> mine, theirs;
        for (const QString &name : std::as_const(names)) {
            labels.append(bucketLabel(name));
            mine.append(shares[name].first * 100.0);
            theirs.append(shares[name].second * 100.0);
        }
        InsightsCharts::show(m_charts[int(chart)],
            InsightsCharts::grouped(QString(), labels,
                {{m_a, mine, InsightsCharts::segmentColour()}, {m_b, theirs, InsightsCharts::otherColour()}},
                horizontal),
            palette());
    };
    show(Chart::Gender, a.genders, b.genders, false);
    show(Chart::AgeBand, a.ageBands, b.ageBands, false);
    show(Chart::Country, a.countries, b.countries, true);
}

void SegmentCompareView::loadShown()
{
    const int generation = ++m_shownGeneration;
    m_shownModel->clear();
    m_shownModel->setHorizontalHeaderLabels(
        {tr("SKU"), tr("Title"), tr("Share of %1").arg(m_a), tr("Share of %1").arg(m_b)});
    const EngineSessionPtr engine = m_session->engine();
    const QString slot = currentSlot();
    if (!m_data || !m_data->overlap || !engine || slot.isEmpty()) {
        m_shownBusy = false;
        m_shownNote->setText(
            m_data && m_data->slotKeys.isEmpty() ? tr("The catalog has no slots yet.") : QString());
        return;
    }
    m_shownBusy = true;
    m_shownNote->setText(tr("Running the slot for both…"));
    m_session->jobs()->run(
        tr("What a slot shows two segments"), this,
        [engine, features = m_data->features, members = m_data->members, slot](const Progress &progress) {
            return std::array {InsightsShown::compute(engine, features, *members[0], slot, progress),
                InsightsShown::compute(engine, features, *members[1], slot, progress)};
        },
        [this, generation](std::array<InsightsShown, 2> results) {
            if (generation != m_shownGeneration)
                return;
            m_shownBusy = false;
            QStringList errors;
            // One row per item either side is shown, with both shares (0 where a side is not shown it).
            QHash<QString, int> rowOf;
            for (int s = 0; s < 2; ++s) {
                if (!results[size_t(s)].shown.ok)
                    errors.append(results[size_t(s)].shown.error);
                for (const InsightsShown::Row &item : results[size_t(s)].rows) {
                    if (!rowOf.contains(item.sku)) {
                        rowOf.insert(item.sku, m_shownModel->rowCount());
                        QList<QStandardItem *> items {
                            new QStandardItem(item.sku), new QStandardItem(item.title)};
                        items[0]->setData(item.sku, Qt::UserRole + 1);
                        items[1]->setData(item.title, Qt::UserRole + 1);
                        for (int side = 0; side < 2; ++side) {
                            auto *share = new QStandardItem(percent(0));
                            share->setData(0.0, Qt::UserRole + 1);
                            share->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                            items.append(share);
                        }
                        m_shownModel->appendRow(items);
                    }
                    QStandardItem *share = m_shownModel->item(rowOf.value(item.sku), 2 + s);
                    share->setText(percent(item.share));
                    share->setData(item.share, Qt::UserRole + 1);
                }
            }
            m_shownModel->setSortRole(Qt::UserRole + 1);
            m_shownNote->setText(errors.isEmpty()
                    ? tr("Items shown to either segment, from up to 200 members of each.")
                    : tr("The slot cannot run: %1").arg(errors.join(QStringLiteral("; "))));
            m_shownTable->resizeColumnsToContents();
            m_shownTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
            Q_EMIT shownChanged();
        });
}

} // namespace Vitrine
