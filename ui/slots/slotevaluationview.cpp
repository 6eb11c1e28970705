// SPDX-License-Identifier: GPL-3.0-or-later
#include "slotevaluationview.h"

#include "layout/audiencecache.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

namespace Vitrine {

namespace {

QTableWidget *table(const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

QTableWidgetItem *number(double value, bool signedChange = false)
{
    auto *item = new QTableWidgetItem(
        signedChange ? (value >= 0 ? QStringLiteral("+") : QString()) + QLocale().toString(value, 'f', 4) : QLocale().toString(value, 'f', 4));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (signedChange && value != 0)
        item->setForeground(value > 0 ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb3, 0x26, 0x1e));
    return item;
}

} // namespace

SlotEvaluationView::SlotEvaluationView(CatalogSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_k(new QSpinBox)
    , m_run(new QPushButton(tr("Evaluate saved and edited")))
    , m_summary(new QLabel)
    , m_metrics(table({tr("Metric"), tr("Saved"), tr("Edited"), tr("Change")}))
    , m_segments(table({tr("Segment"), tr("People"), tr("NDCG saved"), tr("NDCG edited"), tr("Change")}))
    , m_chart(new QChartView)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Top")));
    m_k->setRange(1, 200);
    m_k->setValue(10);
    bar->addWidget(m_k);
    bar->addWidget(m_run);
    bar->addStretch(1);
    layout->addLayout(bar);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Hides each person's latest events, asks both versions of the slot for them and scores "
                          "how many of the hidden items they find (as vitrine-cli evaluate --slot)."));
    layout->addWidget(m_summary);
    auto *split = new QSplitter(Qt::Horizontal);
    auto *tables = new QSplitter(Qt::Vertical);
    tables->addWidget(m_metrics);
    tables->addWidget(m_segments);
    split->addWidget(tables);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumWidth(300);
    split->addWidget(m_chart);
    layout->addWidget(split, 1);
    connect(m_run, &QPushButton::clicked, this, &SlotEvaluationView::run);
}

void SlotEvaluationView::setDraft(
    const QString &savedKey, const QJsonObject &savedDefinition, const QString &key, const QJsonObject &definition)
{
    m_savedKey = savedKey;
    m_savedDefinition = savedDefinition;
    m_key = key;
    m_definition = definition;
}

void SlotEvaluationView::setK(int k)
{
    m_k->setValue(k);
}

void SlotEvaluationView::run()
{
    const int token = ++m_token;
    if (m_job)
        m_job->cancel();
    const EngineSessionPtr engine = m_session->engine();
    QString error;
    const auto draft = SlotDefinition::fromJson(m_key, m_definition, &error);
    std::optional<SlotDefinition> saved;
    if (draft && !m_savedKey.isEmpty())
        saved = SlotDefinition::fromJson(m_savedKey, m_savedDefinition, &error);
    if (!engine || !draft || (!m_savedKey.isEmpty() && !saved)) {
        m_summary->setText(engine ? tr("Fix the definition first: %1").arg(error) : tr("The catalog is still being read."));
        Q_EMIT finished();
        return;
    }
    EvaluationOptions options;
    options.ks = {m_k->value()};
    m_summary->setText(tr("Evaluating…"));
    m_run->setEnabled(false);
    m_job = m_session->jobs()->run(
        tr("Evaluating slot %1").arg(m_key), this,
        [engine, saved, draft = *draft, options](const Progress &progress) {
            // Segments as the audience has them (features at the session's time).
            QString ignored;
            std::vector<std::pair<QString, const PersonSet *>> segments;
            std::vector<std::shared_ptr<const PersonSet>> keep;
            if (const auto audience = engine->audience(&ignored, progress)) {
                for (const QString &name : audience->library().names()) {
                    if (auto members = audience->members(name, &ignored)) {
                        keep.push_back(members);
                        segments.emplace_back(name, members.get());
                    }
                }
            }
            return evaluateSlotDraft(engine->snapshot(), saved, draft, options, segments, progress);
        },
        [this, token](SlotDraftEvaluation result) {
            if (token != m_token)
                return;
            m_run->setEnabled(true);
            m_result = result;
            show(result);
            Q_EMIT finished();
        });
    connect(m_job, &Job::finished, this, [this] { m_run->setEnabled(true); });
}

void SlotEvaluationView::show(const SlotDraftEvaluation &r)
{
    m_metrics->setRowCount(0);
    m_segments->setRowCount(0);
    if (!r.ok) {
        m_summary->setText(r.cancelled ? tr("Evaluation cancelled.") : tr("Evaluation failed: %1").arg(r.error));
        return;
    }
    const QLocale locale;
    m_summary->setText(tr("%1 people, %2 hidden items, holdout %3.")
                           .arg(locale.toString(r.draft.users), locale.toString(r.draft.testItems))
                           .arg(r.draft.holdout));
    const QJsonObject draft = r.draft.toJson(QStringLiteral("slot")).value(QLatin1String("metrics")).toObject();
    const QJsonObject saved = r.saved ? r.saved->toJson(QStringLiteral("slot")).value(QLatin1String("metrics")).toObject() : QJsonObject();
    auto *savedSet = new QBarSet(tr("Saved"));
    auto *draftSet = new QBarSet(tr("Edited"));
    savedSet->setColor(QColor(0x9a, 0xa5, 0xb1));
    draftSet->setColor(QColor(0x3d, 0x7e, 0xd6));
    QStringList categories;
    for (auto it = draft.begin(); it != draft.end(); ++it) {
        const int row = m_metrics->rowCount();
        m_metrics->insertRow(row);
        m_metrics->setItem(row, 0, new QTableWidgetItem(it.key()));
        const double now = saved.value(it.key()).toDouble();
        m_metrics->setItem(row, 1, saved.isEmpty() ? new QTableWidgetItem(tr("new slot")) : number(now));
        m_metrics->setItem(row, 2, number(it.value().toDouble()));
        m_metrics->setItem(row, 3, saved.isEmpty() ? new QTableWidgetItem() : number(it.value().toDouble() - now, true));
        categories.append(it.key());
        savedSet->append(now);
        draftSet->append(it.value().toDouble());
    }
    // Per segment: NDCG at K of each version.
    const QString ndcg = QStringLiteral("ndcg@%1").arg(r.draft.ks.empty() ? 10 : r.draft.ks.front());
    for (qsizetype g = 0; g < r.draft.groups.size(); ++g) {
        const GroupMetrics &group = r.draft.groups.at(g);
        const double after = EvaluationResult::metricsToJson(group.byK).value(ndcg).toDouble();
        const double before = r.saved && g < r.saved->groups.size()
            ? EvaluationResult::metricsToJson(r.saved->groups.at(g).byK).value(ndcg).toDouble()
            : 0;
        const int row = m_segments->rowCount();
        m_segments->insertRow(row);
        m_segments->setItem(row, 0, new QTableWidgetItem(group.name));
        m_segments->setItem(row, 1, new QTableWidgetItem(locale.toString(group.users)));
        m_segments->setItem(row, 2, r.saved ? number(before) : new QTableWidgetItem());
        m_segments->setItem(row, 3, number(after));
        m_segments->setItem(row, 4, r.saved ? number(after - before, true) : new QTableWidgetItem());
    }

    auto *series = new QBarSeries;
    if (r.saved)
        series->append(savedSet);
    else
        delete savedSet;
    series->append(draftSet);
    auto *chart = new QChart;
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(categories);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setLabelFormat(QStringLiteral("%.2f"));
    axisY->setMin(0);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setMargins(QMargins(4, 4, 4, 4));
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

} // namespace Vitrine
