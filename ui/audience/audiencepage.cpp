// SPDX-License-Identifier: GPL-3.0-or-later
#include "audiencepage.h"

#include "audience/segmentdefinition.h"
#include "audience/segmentevaluator.h"
#include "audience/segmentpriority.h"
#include "config/configsave.h"
#include "layout/audiencecache.h"
#include "rulebuilder.h"
#include "segmentcompareview.h"
#include "segmentinsightsview.h"
#include "segmentlistmodel.h"
#include "segmentmembersview.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"
#include "session/undocommands.h"
#include "storage/configstore.h"
#include "storage/database.h"
#include "studiologging.h"
#include "widgets/messagebar.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Vitrine {

namespace {

const QString Segments = QStringLiteral("segments");
const QLatin1String RuleKey("rule");

/** Edits of one event-loop pass (a drop, a macro) coalesce into one count. */
constexpr int CountDelayMs = 0;
constexpr int SizesDelayMs = 400;
constexpr int JsonDelayMs = 400;

DraftId segmentId(const QString &name)
{
    return {Segments, name};
}

DraftId priorityId()
{
    return {QLatin1String(ConfigChange::PriorityKind), QLatin1String(ConfigChange::PriorityKey)};
}

/** The core's message about a stored definition names "rule.all[0]…"; the builder's paths start at the rule. */
QString rulePath(const QString &message)
{
    return message.startsWith(QLatin1String("rule.")) ? message.mid(5)
        : message.startsWith(QLatin1String("rule: ")) ? message.mid(6)
                                                      : message;
}

/** Builds the library the drafts see: the stored segments with every unsaved definition in place. */
std::shared_ptr<SegmentLibrary> libraryWithDrafts(const SegmentLibrary &stored, const QMap<QString, QJsonObject> &drafts)
{
    auto library = std::make_shared<SegmentLibrary>(stored);
    for (auto it = drafts.constBegin(); it != drafts.constEnd(); ++it) {
        QString ignored;
        if (auto definition = SegmentDefinition::fromJson(it.key(), it.value(), &ignored))
            library->insert(std::move(*definition));
    }
    return library;
}

struct CountResult
{
    QString error;
    QStringList warnings;
    SegmentFunnel funnel;
    std::shared_ptr<SegmentEvaluation> evaluation;
    qint64 elapsedMs = 0;
};

struct SizesResult
{
    QHash<QString, int> sizes;
    QHash<QString, QString> errors;
};

} // namespace

AudiencePage::AudiencePage(CatalogSession *session, QWidget *parent)
    : WorkspacePage(Workspace::Segments, session, parent)
    , m_list(new SegmentListModel(this))
    , m_listView(new QTableView)
    , m_new(new QPushButton(tr("New")))
    , m_duplicate(new QPushButton(tr("Duplicate")))
    , m_rename(new QPushButton(tr("Rename…")))
    , m_remove(new QPushButton(tr("Remove")))
    , m_message(new MessageBar)
    , m_name(new QLabel)
    , m_title(new QLineEdit)
    , m_description(new QLineEdit)
    , m_count(new QLabel)
    , m_tabs(new QTabWidget)
    , m_builder(new RuleBuilder)
    , m_json(new QPlainTextEdit)
    , m_jsonStatus(new QLabel)
    , m_members(new SegmentMembersView(session))
    , m_insights(new SegmentInsightsView(session))
    , m_compare(new SegmentCompareView(session))
    , m_countDelay(new QTimer(this))
    , m_sizesDelay(new QTimer(this))
    , m_jsonDelay(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    auto *split = new QSplitter(Qt::Horizontal);
    layout->addWidget(split, 1);

    // The list, in priority order.
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 6);
    auto *listTitle = new QLabel(tr("<b>Segments</b> — in priority order: a layout gives a person the variant of "
                                    "the first segment they are in. Drag to reorder."));
    listTitle->setWordWrap(true);
    leftLayout->addWidget(listTitle);
    m_listView->setModel(m_list);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listView->setDragEnabled(true);
    m_listView->setAcceptDrops(true);
    m_listView->setDropIndicatorShown(true);
    m_listView->setDragDropMode(QAbstractItemView::DragDrop);
    m_listView->setDefaultDropAction(Qt::MoveAction);
    m_listView->setDragDropOverwriteMode(false);
    m_listView->verticalHeader()->hide();
    m_listView->setShowGrid(false);
    m_listView->horizontalHeader()->setSectionResizeMode(SegmentListModel::RankColumn, QHeaderView::ResizeToContents);
    m_listView->horizontalHeader()->setSectionResizeMode(SegmentListModel::TitleColumn, QHeaderView::Stretch);
    m_listView->horizontalHeader()->setSectionResizeMode(SegmentListModel::SizeColumn, QHeaderView::ResizeToContents);
    leftLayout->addWidget(m_listView, 1);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_new, m_duplicate, m_rename, m_remove})
        buttons->addWidget(button);
    leftLayout->addLayout(buttons);
    split->addWidget(left);

    // The chosen segment.
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 6, 6, 6);
    auto *form = new QFormLayout;
    QFont big = m_count->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_count->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setPlaceholderText(tr("A title for people (optional)"));
    m_description->setPlaceholderText(tr("What the segment is for (optional)"));
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Title:"), m_title);
    form->addRow(tr("Description:"), m_description);
    rightLayout->addLayout(form);
    rightLayout->addWidget(m_count);

    auto *jsonPage = new QWidget;
    auto *jsonLayout = new QVBoxLayout(jsonPage);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_json->setFont(mono);
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    jsonLayout->addWidget(m_json, 1);
    m_jsonStatus->setWordWrap(true);
    jsonLayout->addWidget(m_jsonStatus);
    m_tabs->addTab(m_builder, tr("Rule"));
    m_tabs->addTab(jsonPage, tr("JSON"));
    m_tabs->addTab(m_members, tr("Members"));
    m_tabs->addTab(m_insights, tr("Insights"));
    m_tabs->addTab(m_compare, tr("Compare"));
    rightLayout->addWidget(m_tabs, 1);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setCollapsible(1, false);
    left->setMinimumWidth(270);
    split->setSizes({270, 930});

    for (QTimer *timer : {m_countDelay, m_sizesDelay, m_jsonDelay})
        timer->setSingleShot(true);
    m_countDelay->setInterval(CountDelayMs);
    m_sizesDelay->setInterval(SizesDelayMs);
    m_jsonDelay->setInterval(JsonDelayMs);
    connect(m_countDelay, &QTimer::timeout, this, &AudiencePage::runCount);
    connect(m_sizesDelay, &QTimer::timeout, this, &AudiencePage::runSizes);
    connect(m_jsonDelay, &QTimer::timeout, this, &AudiencePage::applyJsonText);

    connect(m_listView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { select(m_list->nameAt(current.row())); });
    connect(m_list, &SegmentListModel::moveRequested, this, &AudiencePage::moveSegment);
    connect(m_new, &QPushButton::clicked, this, [this] { newSegment(); });
    connect(m_duplicate, &QPushButton::clicked, this, [this] { duplicateSegment(); });
    connect(m_rename, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename Segment"),
            tr("New name (lower-case letters, digits, '-' and '_'):"), QLineEdit::Normal, m_current, &ok);
        QString error;
        if (ok && name != m_current && !renameSegment(name.trimmed(), &error))
            m_message->showMessage(MessageBar::Kind::Error, error);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        QString error;
        if (!removeSegment(&error))
            m_message->showMessage(MessageBar::Kind::Error, error);
    });
    connect(m_builder, &RuleBuilder::ruleEdited, this, [this](const QJsonObject &rule, int mergeId, const QString &what) {
        QJsonObject next = definition(m_current);
        next.insert(RuleKey, rule);
        editDefinition(next, mergeId, what);
    });
    connect(m_title, &QLineEdit::textEdited, this, [this](const QString &text) {
        QJsonObject next = definition(m_current);
        if (text.isEmpty())
            next.remove(QLatin1String("title"));
        else
            next.insert(QLatin1String("title"), text);
        editDefinition(next, MergeDraftText, tr("Title"));
    });
    connect(m_description, &QLineEdit::textEdited, this, [this](const QString &text) {
        QJsonObject next = definition(m_current);
        if (text.isEmpty())
            next.remove(QLatin1String("description"));
        else
            next.insert(QLatin1String("description"), text);
        editDefinition(next, MergeDraftText, tr("Description"));
    });
    connect(m_json, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_applyingJson)
            m_jsonDelay->start();
    });
    connect(m_members, &SegmentMembersView::exported, this, [this](bool ok, const QString &message) {
        m_message->showMessage(ok ? MessageBar::Kind::Positive : MessageBar::Kind::Error, message);
    });
    // A bar of the insights lists the people behind it.
    connect(m_insights, &SegmentInsightsView::membersNarrowed, this,
        [this](const QString &label, std::shared_ptr<const PersonSet> people) {
            m_members->narrowTo(label, std::move(people));
            m_tabs->setCurrentWidget(m_members);
        });
    // Insights and the comparison follow the rule while they are in view, and catch up when shown.
    connect(m_tabs, &QTabWidget::currentChanged, this, &AudiencePage::updateAnalysis);
    connect(m_members, &SegmentMembersView::personRequested, this,
        [this](const QString &id) { Q_EMIT objectRequested(Workspace::People, id); });

    connect(session->drafts(), &DraftStore::draftChanged, this, &AudiencePage::onDraftChanged);
    connect(session, &CatalogSession::engineChanged, this, [this] {
        refreshChoices();
        scheduleCount();
        scheduleSizes();
    });
    connect(session, &CatalogSession::catalogChanged, this, [this] {
        loadStored();
        refreshList();
    });

    loadStored();
    refreshList();
    refreshChoices();
    if (m_list->rowCount() > 0)
        select(m_list->nameAt(0));
    else
        select({});
    scheduleSizes();
}

AudiencePage::~AudiencePage() = default;

bool AudiencePage::showObject(const QString &name)
{
    if (m_list->rowOf(name) < 0)
        return false;
    select(name);
    return true;
}

void AudiencePage::loadStored()
{
    m_stored.clear();
    QString error;
    ConfigStore store(session()->database());
    for (const ConfigObject &object : store.list(Segments, &error))
        m_stored.insert(object.key, object.definition);
    const auto priority = SegmentPriority::load(session()->database(), &error);
    m_storedPriority = priority ? priority->order() : QStringList();
    if (!error.isEmpty())
        qCWarning(lcStudio) << "cannot read the segments:" << error;
}

QStringList AudiencePage::effectiveNames() const
{
    return session()->drafts()->keys(Segments, m_stored.keys());
}

QStringList AudiencePage::priority() const
{
    const DraftStore *drafts = session()->drafts();
    if (!drafts->contains(priorityId()))
        return m_storedPriority;
    QStringList order;
    for (const QJsonValue &name : drafts->definition(priorityId()).value(QLatin1String("order")).toArray())
        order.append(name.toString());
    return order;
}

QJsonObject AudiencePage::definition(const QString &name) const
{
    return session()->drafts()->definitionOr(segmentId(name), m_stored.value(name));
}

QMap<QString, QJsonObject> AudiencePage::draftDefinitions() const
{
    QMap<QString, QJsonObject> definitions;
    for (const DraftStore::Draft &draft : session()->drafts()->all()) {
        if (draft.id.kind == Segments && !draft.isRemoved && draft.isModified())
            definitions.insert(draft.id.key, draft.definition);
    }
    return definitions;
}

void AudiencePage::refreshList()
{
    const QStringList names = effectiveNames();
    const QStringList order = priority();
    QStringList sorted;
    for (const QString &name : order) {
        if (names.contains(name))
            sorted.append(name);
    }
    for (const QString &name : names) {
        if (!sorted.contains(name))
            sorted.append(name);
    }
    QList<SegmentListModel::Entry> entries;
    for (const QString &name : std::as_const(sorted)) {
        const QJsonObject d = definition(name);
        const DraftStore::Draft *draft = session()->drafts()->draft(segmentId(name));
        entries.append({name, d.value(QLatin1String("title")).toString(), d.value(QLatin1String("description")).toString(),
            int(order.indexOf(name)), draft && draft->isNew, draft && draft->isModified()});
    }
    const QString keep = m_current;
    m_list->setEntries(entries);
    const int row = m_list->rowOf(keep);
    if (row >= 0) {
        const QSignalBlocker blocker(m_listView->selectionModel());
        m_listView->selectRow(row);
    } else if (!keep.isEmpty()) {
        select(m_list->nameAt(0));
    }
}

void AudiencePage::refreshChoices()
{
    const EngineSessionPtr engine = session()->engine();
    RuleChoices choices = RuleChoices::fromSnapshot(engine ? engine->snapshot().get() : nullptr);
    choices.segments = effectiveNames();
    choices.segments.removeAll(m_current);
    m_builder->setChoices(choices);
}

void AudiencePage::select(const QString &name)
{
    const bool changed = name != m_current;
    m_current = name;
    const int row = m_list->rowOf(name);
    if (row >= 0 && m_listView->currentIndex().row() != row) {
        const QSignalBlocker blocker(m_listView->selectionModel());
        m_listView->setCurrentIndex(m_list->index(row, SegmentListModel::TitleColumn));
        m_listView->selectRow(row);
    }
    for (QWidget *w : std::initializer_list<QWidget *> {m_title, m_description, m_tabs, m_duplicate, m_rename, m_remove})
        w->setEnabled(!name.isEmpty());
    if (changed) {
        m_shownCount = -1;
        refreshChoices();
        m_message->clearMessage();
    }
    showDefinition();
    scheduleCount();
}

void AudiencePage::showDefinition()
{
    const QJsonObject d = definition(m_current);
    m_name->setText(m_current.isEmpty() ? tr("No segment yet: press New to start one.") : m_current);
    if (m_title->text() != d.value(QLatin1String("title")).toString())
        m_title->setText(d.value(QLatin1String("title")).toString());
    if (m_description->text() != d.value(QLatin1String("description")).toString())
        m_description->setText(d.value(QLatin1String("description")).toString());
    const QJsonObject rule = d.value(RuleKey).toObject();
    m_builder->setRule(rule);

    // The JSON tab follows unless it holds the very same rule (typing there keeps its cursor).
    const QJsonDocument shown = QJsonDocument::fromJson(m_json->toPlainText().toUtf8());
    if (!shown.isObject() || shown.object() != rule || m_json->toPlainText().isEmpty()) {
        if (!m_json->hasFocus() || !shown.isObject() || shown.object() != rule) {
            m_applyingJson = true;
            m_json->setPlainText(QString::fromUtf8(QJsonDocument(rule).toJson(QJsonDocument::Indented)));
            m_applyingJson = false;
        }
    }

    // Checked as the core checks it before saving; the problem is shown at its row.
    QString error;
    if (!m_current.isEmpty() && !SegmentDefinition::fromJson(m_current, d, &error)) {
        m_builder->setProblem(rulePath(error));
        m_jsonStatus->setText(rulePath(error));
        m_jsonStatus->setStyleSheet(QStringLiteral("color: #b3261e;"));
    } else {
        m_builder->setProblem({});
        m_jsonStatus->setText(tr("The same rule as the builder shows; edits here appear there."));
        m_jsonStatus->setStyleSheet(QString());
    }
}

void AudiencePage::editDefinition(const QJsonObject &next, int mergeId, const QString &what)
{
    if (m_current.isEmpty() || next == definition(m_current))
        return;
    DraftStore *drafts = session()->drafts();
    const DraftId id = segmentId(m_current);
    drafts->begin(id, m_stored.value(m_current));
    session()->undoStack()->push(new SetDraftCommand(drafts, id, next, tr("%1 (segment %2)").arg(what, m_current), mergeId));
}

void AudiencePage::applyJsonText()
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(m_json->toPlainText().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        m_jsonStatus->setText(parseError.error != QJsonParseError::NoError
                ? tr("Not JSON at character %1: %2 (the builder keeps the last valid rule)")
                      .arg(parseError.offset)
                      .arg(parseError.errorString())
                : tr("A rule is a JSON object, such as {\"all\": […]}"));
        m_jsonStatus->setStyleSheet(QStringLiteral("color: #b3261e;"));
        return;
    }
    QJsonObject next = definition(m_current);
    next.insert(RuleKey, document.object());
    editDefinition(next, MergeDraftText, tr("Edit the JSON"));
}

void AudiencePage::onDraftChanged(const DraftId &id)
{
    if (id.kind == Segments || id == priorityId())
        refreshList();
    if (id.kind != Segments)
        return;
    if (id.key == m_current) {
        if (m_list->rowOf(m_current) < 0) { // removed (or a new one undone)
            select(m_list->nameAt(0));
            return;
        }
        showDefinition();
    }
    // Other segments may name this one: count again either way.
    m_builder->markCountsStale();
    scheduleCount();
    scheduleSizes();
}

bool AudiencePage::isCounting() const
{
    return m_countDelay->isActive() || m_countedToken != m_countToken;
}

bool AudiencePage::isSizing() const
{
    return m_sizesDelay->isActive() || m_sizedToken != m_sizesToken;
}

void AudiencePage::scheduleCount()
{
    m_countDelay->start();
}

void AudiencePage::runCount()
{
    const int token = ++m_countToken;
    const EngineSessionPtr engine = session()->engine();
    if (m_current.isEmpty() || !engine) {
        m_countedToken = token; // engineChanged() counts again
        m_count->setText(m_current.isEmpty() ? QString() : tr("Counting once the catalog is read…"));
        return;
    }
    // The last count stays, greyed, until the new one arrives: no flicker while typing.
    m_count->setEnabled(false);
    if (m_shownCount < 0)
        m_count->setText(tr("Counting…"));
    if (m_countJob)
        m_countJob->cancel(); // its result would be dropped anyway: free the cores for this one
    m_countJob = session()->jobs()->run(
        tr("Counting segment %1").arg(m_current), this,
        [engine, name = m_current, ruleJson = definition(m_current).value(RuleKey), drafts = draftDefinitions()](
            const Progress &progress) {
            QElapsedTimer timer;
            timer.start();
            CountResult result;
            std::shared_ptr<AudienceCache> audience = engine->audience(&result.error, progress);
            if (!audience)
                return result;
            std::shared_ptr<SegmentLibrary> library = libraryWithDrafts(audience->library(), drafts);
            auto rule = SegmentRule::fromJson(ruleJson, &result.error);
            if (!rule || !library->checkReferences(name, *rule, &result.error))
                return result;
            SegmentEvaluator evaluator(audience->features(), library.get());
            result.funnel = evaluator.funnel(*rule, progress);
            if (!result.funnel.ok) {
                result.error = result.funnel.error;
                return result;
            }
            auto evaluation = std::make_shared<SegmentEvaluation>();
            evaluation->engine = engine;
            evaluation->audience = audience;
            evaluation->library = library;
            evaluation->name = name;
            evaluation->rule = *rule;
            evaluation->members = std::make_shared<const PersonSet>(result.funnel.members);
            result.evaluation = std::move(evaluation);
            result.warnings = result.funnel.warnings;
            result.elapsedMs = timer.elapsed();
            return result;
        },
        [this, token](CountResult result) {
            if (token != m_countToken)
                return; // an edit came since: its count is on the way
            m_countedToken = token;
            m_count->setEnabled(true);
            if (!result.evaluation) {
                m_shownCount = -1;
                m_count->setText(tr("Cannot count: %1").arg(result.error));
                if (!result.error.isEmpty() && m_builder->problemPath().isEmpty())
                    m_builder->setProblem(result.error);
                Q_EMIT counted(-1);
                return;
            }
            const QLocale locale;
            const int size = result.funnel.members.count();
            const int everyone = result.funnel.members.size();
            m_shownCount = size;
            m_lastCountMs = result.elapsedMs;
            QString text = tr("%1 people · %2 % of %3")
                               .arg(locale.toString(size), locale.toString(everyone ? 100.0 * size / everyone : 0.0, 'f', 1),
                                   locale.toString(everyone));
            m_count->setText(text);
            m_count->setToolTip(tr("Counted in %1 ms at %2").arg(result.elapsedMs)
                                    .arg(QDateTime::fromSecsSinceEpoch(result.evaluation->engine->asOf(), Qt::UTC).toString(Qt::ISODate)));
            m_builder->setCounts(result.funnel);
            if (!result.warnings.isEmpty())
                m_message->showMessage(MessageBar::Kind::Information, result.warnings.join(QLatin1Char('\n')));
            m_members->setEvaluation(result.evaluation);
            m_analysed = result.evaluation;
            m_analysisPending = true;
            updateAnalysis();
            Q_EMIT counted(size);
        });
}

void AudiencePage::updateAnalysis()
{
    if (!m_analysisPending || !m_analysed)
        return;
    QWidget *shown = m_tabs->currentWidget();
    if (shown == m_insights) {
        m_insights->setSegment(m_analysed->name, m_analysed->rule);
        m_insightsFor = m_analysed;
    } else if (shown == m_compare) {
        m_compare->setDraft(m_analysed->name, m_analysed->rule);
        m_compareFor = m_analysed;
    }
    m_analysisPending = m_insightsFor != m_analysed || m_compareFor != m_analysed;
}

void AudiencePage::scheduleSizes()
{
    m_sizesDelay->start();
}

void AudiencePage::runSizes()
{
    const int token = ++m_sizesToken;
    const EngineSessionPtr engine = session()->engine();
    if (!engine) {
        m_sizedToken = token; // engineChanged() counts again
        return;
    }
    session()->jobs()->run(
        tr("Counting every segment"), this,
        [engine, names = effectiveNames(), drafts = draftDefinitions()](const Progress &progress) {
            SizesResult result;
            QString error;
            std::shared_ptr<AudienceCache> audience = engine->audience(&error, progress);
            if (!audience) {
                for (const QString &name : names)
                    result.errors.insert(name, error);
                return result;
            }
            std::shared_ptr<SegmentLibrary> library = libraryWithDrafts(audience->library(), drafts);
            SegmentEvaluator evaluator(audience->features(), library.get());
            for (const QString &name : names) {
                if (progress.isCancelled())
                    break;
                const SegmentMembers members = evaluator.evaluate(name, progress);
                if (members.ok)
                    result.sizes.insert(name, members.count());
                else
                    result.errors.insert(name, members.error);
            }
            return result;
        },
        [this, token](SizesResult result) {
            if (token != m_sizesToken)
                return;
            m_sizedToken = token;
            m_list->setSizes(result.sizes, result.errors);
        });
}

} // namespace Vitrine
