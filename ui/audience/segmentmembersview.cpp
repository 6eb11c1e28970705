// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentmembersview.h"

#include "audience/segmentevaluator.h"
#include "audience/segmentexporter.h"
#include "layout/audiencecache.h"
#include "membertablemodel.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Vitrine {

namespace {

constexpr int SearchDelayMs = 250;

void addExplanationNode(QTreeWidgetItem *parent, QTreeWidget *tree, const SegmentExplanation::Node &node)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
    item->setText(0, (node.held ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + node.condition);
    item->setText(1, node.actual);
    item->setForeground(0, node.held ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb3, 0x26, 0x1e));
    item->setToolTip(0, node.condition + QStringLiteral("\n") + node.path);
    item->setToolTip(1, node.actual);
    for (const SegmentExplanation::Node &child : node.children)
        addExplanationNode(item, tree, child);
}

} // namespace

SegmentMembersView::SegmentMembersView(CatalogSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new MemberTableModel(this))
    , m_search(new QLineEdit)
    , m_summary(new QLabel)
    , m_narrowChip(new QToolButton)
    , m_export(new QPushButton(tr("Export CSV…")))
    , m_table(new QTableView)
    , m_whyNot(new QLineEdit)
    , m_verdict(new QLabel)
    , m_explanationTree(new QTreeWidget)
    , m_searchDelay(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_search->setPlaceholderText(tr("Search members by id…"));
    m_search->setClearButtonEnabled(true);
    bar->addWidget(m_search, 1);
    m_narrowChip->setToolTip(tr("Show every member again"));
    m_narrowChip->hide();
    bar->addWidget(m_narrowChip);
    bar->addWidget(m_summary);
    bar->addWidget(m_export);
    layout->addLayout(bar);

    auto *split = new QSplitter(Qt::Horizontal);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    split->addWidget(m_table);

    auto *side = new QWidget;
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    m_whyNot->setPlaceholderText(tr("Why is this person (not) a member? Type an id, press Enter"));
    m_whyNot->setClearButtonEnabled(true);
    sideLayout->addWidget(m_whyNot);
    m_verdict->setWordWrap(true);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    sideLayout->addWidget(m_verdict);
    m_explanationTree->setColumnCount(2);
    m_explanationTree->setHeaderLabels({tr("Condition"), tr("This person")});
    m_explanationTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_explanationTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_explanationTree->header()->setStretchLastSection(false);
    sideLayout->addWidget(m_explanationTree, 1);
    split->addWidget(side);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({540, 440});
    layout->addWidget(split, 1);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(SearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &SegmentMembersView::refill);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_narrowChip, &QToolButton::clicked, this, [this] { narrowTo({}, nullptr); });
    connect(m_export, &QPushButton::clicked, this, &SegmentMembersView::chooseExportFile);
    connect(m_whyNot, &QLineEdit::returnPressed, this, [this] { explainPerson(m_whyNot->text().trimmed()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        const int user = m_model->personAt(current.row());
        if (user >= 0 && m_evaluation)
            explainPerson(m_evaluation->engine->snapshot()->externalId(user));
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const int user = m_model->personAt(index.row());
        if (user >= 0 && m_evaluation)
            Q_EMIT personRequested(m_evaluation->engine->snapshot()->externalId(user));
    });
    m_summary->setText(tr("Members appear once the segment is counted."));
}

SegmentMembersView::~SegmentMembersView() = default;

void SegmentMembersView::setEvaluation(SegmentEvaluationPtr evaluation)
{
    m_evaluation = std::move(evaluation);
    m_narrow.reset();
    m_narrowLabel.clear();
    m_narrowChip->hide();
    refill();
    if (!m_explaining.isEmpty() && m_evaluation)
        explainPerson(m_explaining); // the person asked about last, against the new members
}

void SegmentMembersView::narrowTo(const QString &label, std::shared_ptr<const PersonSet> people)
{
    m_narrow = std::move(people);
    m_narrowLabel = m_narrow ? label : QString();
    m_narrowChip->setText(tr("%1 ✕").arg(m_narrowLabel));
    m_narrowChip->setVisible(bool(m_narrow));
    refill();
}

void SegmentMembersView::setSearch(const QString &text)
{
    m_search->setText(text);
    m_searchDelay->stop();
    refill();
}

int SegmentMembersView::shownCount() const
{
    return m_model->totalCount();
}

void SegmentMembersView::refill()
{
    m_searchDelay->stop();
    const int token = ++m_fillToken;
    if (!m_evaluation || !m_evaluation->members || !m_evaluation->audience) {
        m_model->setPeople(nullptr, nullptr);
        return;
    }
    ++m_busy;
    const QString search = m_search->text().trimmed();
    m_session->jobs()->run(
        tr("Listing members"), this,
        [evaluation = m_evaluation, narrow = m_narrow, search](const Progress &progress) {
            auto list = std::make_shared<std::vector<int>>();
            const Snapshot &snapshot = *evaluation->engine->snapshot();
            const PersonSet *members = evaluation->members.get();
            PersonSet narrowed;
            if (narrow && narrow->size() == members->size()) {
                narrowed = *members;
                narrowed &= *narrow;
                members = &narrowed;
            }
            list->reserve(size_t(members->count()));
            int seen = 0;
            members->forEach([&](int user) {
                if ((++seen & 0xffff) == 0 && progress.isCancelled())
                    return;
                if (search.isEmpty() || snapshot.externalId(user).contains(search, Qt::CaseInsensitive))
                    list->push_back(user);
            });
            return list;
        },
        [this, token](std::shared_ptr<std::vector<int>> list) {
            --m_busy;
            if (token != m_fillToken)
                return;
            const QLocale locale;
            m_model->setPeople(m_evaluation->audience->features(), list);
            const int total = m_evaluation->members->count();
            const int shown = int(list->size());
            m_summary->setText(shown == total ? (total == 1 ? tr("1 member") : tr("%1 members").arg(locale.toString(total)))
                                              : tr("%1 of %2 members").arg(locale.toString(shown), locale.toString(total)));
            m_export->setEnabled(shown > 0);
        });
}

void SegmentMembersView::explainPerson(const QString &externalId)
{
    if (externalId.isEmpty())
        return;
    m_explaining = externalId;
    if (!m_evaluation)
        return;
    const int user = m_evaluation->engine->snapshot()->userIndexByExternalId(externalId);
    if (user < 0) {
        m_explanation.reset();
        m_explanationTree->clear();
        m_verdict->setText(tr("No person with the id '%1' in this catalog.").arg(externalId));
        return;
    }
    const int token = ++m_explainToken;
    ++m_busy;
    m_session->jobs()->run(
        tr("Explaining a person"), this,
        [evaluation = m_evaluation, user](const Progress &) {
            SegmentEvaluator evaluator(evaluation->audience->features(), evaluation->library.get());
            SegmentExplanation explanation = evaluator.explain(evaluation->rule, user);
            explanation.segment = evaluation->name;
            return explanation;
        },
        [this, token](SegmentExplanation explanation) {
            --m_busy;
            if (token == m_explainToken)
                showExplanation(explanation);
        });
}

void SegmentMembersView::showExplanation(const SegmentExplanation &explanation)
{
    m_explanation = explanation;
    m_explanationTree->clear();
    if (!explanation.ok) {
        m_verdict->setText(explanation.error);
        return;
    }
    m_verdict->setText(explanation.member ? tr("✓ %1 is a member").arg(explanation.externalId)
                                          : tr("✗ %1 is not a member").arg(explanation.externalId));
    m_verdict->setStyleSheet(explanation.member ? QStringLiteral("color: #1b7f3b;") : QStringLiteral("color: #b3261e;"));
    addExplanationNode(nullptr, m_explanationTree, explanation.root);
    m_explanationTree->expandAll();
}

void SegmentMembersView::chooseExportFile()
{
    const QString name = m_evaluation && !m_evaluation->name.isEmpty() ? m_evaluation->name : QStringLiteral("segment");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the members"), name + QStringLiteral(".csv"),
        tr("CSV files (*.csv);;JSON files (*.json)"));
    if (!path.isEmpty())
        exportTo(path);
}

void SegmentMembersView::exportTo(const QString &path)
{
    if (!m_evaluation || !m_evaluation->members) {
        Q_EMIT exported(false, tr("Nothing to export yet: the segment is still being counted"));
        return;
    }
    auto members = std::make_shared<PersonSet>(*m_evaluation->members);
    if (m_narrow && m_narrow->size() == members->size())
        *members &= *m_narrow;
    ++m_busy;
    m_session->jobs()->run(
        tr("Exporting members"), this,
        [features = m_evaluation->audience->features(), members, path, catalog = m_session->path()](const Progress &progress) {
            return SegmentExporter::write(*features, *members, path, progress, catalog);
        },
        [this](SegmentExporter::Report report) {
            --m_busy;
            Q_EMIT exported(report.ok,
                report.ok ? tr("Exported %n member(s) to %1", nullptr, int(report.rows)).arg(report.path) : report.error);
        });
}

} // namespace Vitrine
