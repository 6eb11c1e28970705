// SPDX-License-Identifier: GPL-3.0-or-later
#include "slotwhatifview.h"

#include "engine/slotdefinition.h"
#include "engine/snapshot.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Vitrine {

namespace {
constexpr int DefaultSample = 2000;
} // namespace

SlotWhatIfView::SlotWhatIfView(CatalogSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_sample(new QSpinBox)
    , m_run(new QPushButton(tr("Run what-if")))
    , m_summary(new QLabel)
    , m_segments(new QTableWidget(0, 4))
    , m_examples(new QTreeWidget)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("People:")));
    m_sample->setRange(0, 100000000);
    m_sample->setSpecialValueText(tr("everybody"));
    m_sample->setValue(DefaultSample);
    m_sample->setSuffix(tr(" (an even sample)"));
    m_sample->setToolTip(tr("How many people to compare, spread evenly over the catalog; 0: everybody"));
    bar->addWidget(m_sample);
    bar->addWidget(m_run);
    bar->addStretch(1);
    layout->addLayout(bar);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Compare the saved slot with your edits for many people at once, before saving."));
    layout->addWidget(m_summary);

    auto *split = new QSplitter(Qt::Horizontal);
    m_segments->setHorizontalHeaderLabels({tr("Segment"), tr("People"), tr("Would change"), tr("Share")});
    m_segments->verticalHeader()->hide();
    m_segments->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_segments->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_segments->horizontalHeader()->setStretchLastSection(true);
    split->addWidget(m_segments);
    m_examples->setColumnCount(3);
    m_examples->setHeaderLabels({tr("Person"), tr("Now"), tr("With your edits")});
    m_examples->setRootIsDecorated(false);
    m_examples->setToolTip(tr("Double-click a person to preview what they get"));
    split->addWidget(m_examples);
    layout->addWidget(split, 1);

    connect(m_run, &QPushButton::clicked, this, &SlotWhatIfView::run);
    connect(m_examples, &QTreeWidget::itemDoubleClicked, this,
        [this](QTreeWidgetItem *item) { Q_EMIT personRequested(item->text(0)); });
}

void SlotWhatIfView::setDraft(const QString &savedKey, const QString &key, const QJsonObject &definition)
{
    m_savedKey = savedKey;
    m_key = key;
    m_definition = definition;
}

void SlotWhatIfView::setSample(int people)
{
    m_sample->setValue(people);
}

void SlotWhatIfView::run()
{
    const int token = ++m_token;
    if (m_job)
        m_job->cancel();
    const EngineSessionPtr engine = m_session->engine();
    QString error;
    const auto draft = SlotDefinition::fromJson(m_key, m_definition, &error);
    if (!engine || !draft) {
        m_summary->setText(engine ? tr("Fix the definition first: %1").arg(error) : tr("The catalog is still being read."));
        Q_EMIT finished();
        return;
    }
    m_summary->setText(tr("Comparing…"));
    m_run->setEnabled(false);
    m_job = m_session->jobs()->run(
        tr("What-if for slot %1").arg(m_key), this,
        [engine, saved = m_savedKey, draft = *draft, sample = m_sample->value()](const Progress &progress) {
            return slotWhatIf(*engine, saved, draft, sample, progress);
        },
        [this, token, engine](SlotWhatIf result) {
            if (token != m_token)
                return;
            m_run->setEnabled(true);
            m_result = result;
            show(result);
            Q_EMIT finished();
        });
    connect(m_job, &Job::finished, this, [this] { m_run->setEnabled(true); });
}

void SlotWhatIfView::show(const SlotWhatIf &r)
{
    const QLocale locale;
    m_segments->setRowCount(0);
    m_examples->clear();
    if (!r.ok) {
        m_summary->setText(tr("What-if failed: %1").arg(r.error));
        return;
    }
    const auto share = [&locale](int part, int whole) {
        return whole ? locale.toString(100.0 * part / whole, 'f', 1) + QStringLiteral(" %") : QStringLiteral("–");
    };
    m_summary->setText(tr("<b>%1 of %2 people</b> (%3) would see a different list. Items both show move %4 places on "
                          "average; %5 items come in and %6 drop out over these people.")
                           .arg(locale.toString(r.changed), locale.toString(r.sampled),
                               r.isSample() ? tr("an even sample of %1").arg(locale.toString(r.population)) : tr("everybody"),
                               locale.toString(r.averageMove, 'f', 2), locale.toString(r.cameIn), locale.toString(r.droppedOut)));
    for (const SlotWhatIf::Segment &s : r.segments) {
        const int row = m_segments->rowCount();
        m_segments->insertRow(row);
        auto *name = new QTableWidgetItem(s.title.isEmpty() ? s.name : s.title);
        name->setToolTip(s.name);
        m_segments->setItem(row, 0, name);
        m_segments->setItem(row, 1, new QTableWidgetItem(locale.toString(s.people)));
        m_segments->setItem(row, 2, new QTableWidgetItem(locale.toString(s.changed)));
        m_segments->setItem(row, 3, new QTableWidgetItem(share(s.changed, s.people)));
    }
    const EngineSessionPtr engine = m_session->engine();
    if (!engine)
        return;
    const Snapshot &snapshot = *engine->snapshot();
    const auto list = [&snapshot](const std::vector<int> &items) {
        QStringList skus;
        for (int item : items)
            skus.append(snapshot.sku(item));
        return skus.join(QStringLiteral(", "));
    };
    for (const SlotWhatIf::Example &e : r.examples) {
        if (e.user >= snapshot.userCount())
            continue;
        auto *item = new QTreeWidgetItem(m_examples, {snapshot.externalId(e.user), list(e.before), list(e.after)});
        item->setToolTip(1, list(e.before));
        item->setToolTip(2, list(e.after));
    }
}

} // namespace Vitrine
