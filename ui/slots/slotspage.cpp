// SPDX-License-Identifier: GPL-3.0-or-later
#include "slotspage.h"

#include "config/confighistory.h"
#include "engine/slotdefinition.h"
#include "engine/slotlint.h"
#include "engine/snapshot.h"
#include "session/jobrunner.h"
#include "session/catalogsession.h"
#include "session/undocommands.h"
#include "storage/configstore.h"
#include "audience/rulechoices.h"
#include "slotevaluationview.h"
#include "slotfilterseditor.h"
#include "slotmodelsview.h"
#include "slotpreviewview.h"
#include "slotwhatifview.h"
#include "strategylisteditor.h"
#include "studiologging.h"
#include "widgets/messagebar.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Vitrine {

namespace {

const QString Slots = QStringLiteral("slots");
constexpr int JsonDelayMs = 400;
/** The lint runs the slot for a sample of people: after a pause in the edits. */
constexpr int LintDelayMs = 300;

enum Column
{
    KeyColumn,
    TitleColumn,
    StrategiesColumn,
    UsedByColumn,
};

DraftId slotId(const QString &key)
{
    return {Slots, key};
}

QString strategySummary(const QJsonObject &definition)
{
    QStringList names;
    for (const QJsonValue &strategy : definition.value(QLatin1String("strategies")).toArray())
        names.append(strategy.toObject().value(QLatin1String("name")).toString());
    return names.join(QStringLiteral(" + "));
}

QSpinBox *spin(int minimum, int maximum, const QString &special = {})
{
    auto *box = new QSpinBox;
    box->setRange(minimum, maximum);
    box->setSpecialValueText(special);
    box->setAccelerated(true);
    return box;
}

} // namespace

SlotsPage::SlotsPage(CatalogSession *session, QWidget *parent)
    : WorkspacePage(Workspace::Slots, session, parent)
    , m_list(new QStandardItemModel(0, 4, this))
    , m_listView(new QTableView)
    , m_new(new QPushButton(tr("New")))
    , m_duplicate(new QPushButton(tr("Duplicate")))
    , m_remove(new QPushButton(tr("Remove")))
    , m_message(new MessageBar)
    , m_key(new QLabel)
    , m_title(new QLineEdit)
    , m_problemLabel(new QLabel)
    , m_tabs(new QTabWidget)
    , m_strategies(new StrategyListEditor(true))
    , m_fallback(new StrategyListEditor(false))
    , m_minItems(spin(0, 200))
    , m_maxItems(spin(1, 200))
    , m_candidates(spin(1, 100000))
    , m_normalisation(new QComboBox)
    , m_maxPerCategory(spin(0, 200, tr("no cap")))
    , m_maxPerBrand(spin(0, 200, tr("no cap")))
    , m_categoryLevel(spin(0, 20, tr("the item's own category")))
    , m_json(new QPlainTextEdit)
    , m_filters(new SlotFiltersEditor)
    , m_jsonStatus(new QLabel)
    , m_editorSplit(new QSplitter(Qt::Horizontal))
    , m_jsonDelay(new QTimer(this))
    , m_lint(new QTreeWidget)
    , m_lintDelay(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    auto *split = new QSplitter(Qt::Horizontal);
    layout->addWidget(split, 1);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 6);
    m_list->setHorizontalHeaderLabels({tr("Slot"), tr("Title"), tr("Strategies"), tr("Used by")});
    m_listView->setModel(m_list);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listView->verticalHeader()->hide();
    m_listView->setShowGrid(false);
    m_listView->setWordWrap(false);
    m_listView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_listView->horizontalHeader()->setStretchLastSection(true);
    leftLayout->addWidget(m_listView, 1);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_new, m_duplicate, m_remove})
        buttons->addWidget(button);
    leftLayout->addLayout(buttons);
    left->setMinimumWidth(240);
    split->addWidget(left);

    auto *editor = new QWidget;
    auto *editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 6, 6, 6);
    auto *form = new QFormLayout;
    m_title->setPlaceholderText(tr("A title for people (optional)"));
    form->addRow(tr("Slot:"), m_key);
    form->addRow(tr("Title:"), m_title);
    editorLayout->addLayout(form);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problemLabel->hide();
    editorLayout->addWidget(m_problemLabel);

    auto *sizePage = new QWidget;
    auto *sizeForm = new QFormLayout(sizePage);
    for (const auto normalisation : {SlotDefinition::Normalisation::Rank, SlotDefinition::Normalisation::Max,
             SlotDefinition::Normalisation::MinMax, SlotDefinition::Normalisation::ZScore, SlotDefinition::Normalisation::None})
        m_normalisation->addItem(SlotDefinition::normalisationName(normalisation), SlotDefinition::normalisationName(normalisation));
    sizeForm->addRow(tr("Show at most:"), m_maxItems);
    sizeForm->addRow(tr("Show at least (else the fallback):"), m_minItems);
    sizeForm->addRow(tr("Candidates per strategy:"), m_candidates);
    sizeForm->addRow(tr("Blend scores by:"), m_normalisation);
    sizeForm->addRow(tr("At most per category:"), m_maxPerCategory);
    sizeForm->addRow(tr("Category depth for that cap:"), m_categoryLevel);
    sizeForm->addRow(tr("At most per brand:"), m_maxPerBrand);

    auto *jsonPage = new QWidget;
    auto *jsonLayout = new QVBoxLayout(jsonPage);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    jsonLayout->addWidget(m_json, 1);
    m_jsonStatus->setWordWrap(true);
    jsonLayout->addWidget(m_jsonStatus);

    const auto addEditingTab = [this](QWidget *page, const QString &title) {
        m_tabs->addTab(page, title);
        m_tabTitles.insert(page, title);
    };
    addEditingTab(m_strategies, tr("Strategies"));
    addEditingTab(m_filters, tr("Filters"));
    addEditingTab(m_fallback, tr("Fallback"));
    addEditingTab(sizePage, tr("Size"));
    addEditingTab(jsonPage, tr("JSON"));
    m_tabs->setTabToolTip(m_tabs->indexOf(sizePage), tr("How many items, how strategies blend, diversity caps"));
    m_tabs->setTabToolTip(m_tabs->indexOf(jsonPage), tr("The whole definition as JSON: edits here appear in the other tabs"));
    m_whatIf = new SlotWhatIfView(session);
    m_tabs->addTab(m_whatIf, tr("What if"));
    m_evaluation = new SlotEvaluationView(session);
    m_tabs->addTab(m_evaluation, tr("Evaluation"));
    m_models = new SlotModelsView(session);
    m_tabs->addTab(m_models, tr("Models"));
    editorLayout->addWidget(m_tabs, 3);
    m_lint->setColumnCount(2);
    m_lint->setHeaderLabels({tr("Lint: what this slot probably gets wrong"), tr("Where")});
    m_lint->setRootIsDecorated(false);
    m_lint->setWordWrap(true);
    m_lint->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_lint->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_lint->header()->setStretchLastSection(false);
    editorLayout->addWidget(m_lint, 1);
    m_editorSplit->addWidget(editor);
    // The live preview beside the editor: what one person gets from the draft, and what changed.
    m_preview = new SlotPreviewView(session);
    m_editorSplit->addWidget(m_preview);
    m_editorSplit->setStretchFactor(0, 3);
    m_editorSplit->setStretchFactor(1, 2);
    connect(m_whatIf, &SlotWhatIfView::personRequested, m_preview, &SlotPreviewView::setPerson);
    // Start with a person rather than an anonymous visitor: personal strategies show something.
    connect(session, &CatalogSession::engineChanged, m_preview, [this] {
        const EngineSessionPtr engine = this->session()->engine();
        if (m_preview->person().isEmpty() && engine && engine->snapshot()->userCount() > 0)
            m_preview->setPerson(engine->snapshot()->externalId(0));
    });
    split->addWidget(m_editorSplit);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);

    m_lintDelay->setSingleShot(true);
    m_lintDelay->setInterval(LintDelayMs);
    connect(m_lintDelay, &QTimer::timeout, this, &SlotsPage::runLint);
    connect(session, &CatalogSession::engineChanged, m_lintDelay, qOverload<>(&QTimer::start));
    m_jsonDelay->setSingleShot(true);
    m_jsonDelay->setInterval(JsonDelayMs);
    connect(m_jsonDelay, &QTimer::timeout, this, &SlotsPage::applyJsonText);
    connect(m_json, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_showing)
            m_jsonDelay->start();
    });
    connect(m_listView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) {
        if (const QStandardItem *item = m_list->item(index.row(), KeyColumn))
            select(item->data(Qt::UserRole).toString());
    });
    connect(m_new, &QPushButton::clicked, this, [this] { newSlot(); });
    connect(m_duplicate, &QPushButton::clicked, this, [this] { duplicateSlot(); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        QString error;
        if (!removeSlot(&error))
            m_message->showMessage(MessageBar::Kind::Error, error);
    });
    connect(m_title, &QLineEdit::textEdited, this, [this](const QString &text) {
        setField(QStringLiteral("title"), text.isEmpty() ? QJsonValue() : QJsonValue(text), MergeDraftText, tr("Title"));
    });
    connect(m_strategies, &StrategyListEditor::edited, this, [this](const QJsonArray &list, int mergeId, const QString &what) {
        setField(QStringLiteral("strategies"), list, mergeId, what);
    });
    connect(m_filters, &SlotFiltersEditor::edited, this, [this](const QJsonObject &filters, int mergeId, const QString &what) {
        setField(QStringLiteral("filters"), filters.isEmpty() ? QJsonValue() : QJsonValue(filters), mergeId, what);
    });
    const auto readChoices = [this] {
        if (const EngineSessionPtr engine = this->session()->engine())
            m_filters->setChoices(RuleChoices::fromSnapshot(engine->snapshot().get()));
    };
    connect(session, &CatalogSession::engineChanged, this, readChoices);
    readChoices();
    connect(m_fallback, &StrategyListEditor::edited, this, [this](const QJsonArray &list, int mergeId, const QString &what) {
        setField(QStringLiteral("fallback"), list.isEmpty() ? QJsonValue() : QJsonValue(list), mergeId, what);
    });
    const auto number = [this](QSpinBox *box, const QString &key, const QString &what, bool inDiversity) {
        connect(box, &QSpinBox::valueChanged, this, [this, box, key, what, inDiversity](int value) {
            if (m_showing)
                return;
            if (!inDiversity) {
                setField(key, value, MergeDraftNumber, what);
                return;
            }
            QJsonObject diversity = definition(m_current).value(QLatin1String("diversity")).toObject();
            if (value == box->minimum())
                diversity.remove(key);
            else
                diversity.insert(key, value);
            setField(QStringLiteral("diversity"), diversity.isEmpty() ? QJsonValue() : QJsonValue(diversity), MergeDraftNumber, what);
        });
    };
    number(m_maxItems, QStringLiteral("max_items"), tr("Size"), false);
    number(m_minItems, QStringLiteral("min_items"), tr("Minimum"), false);
    number(m_candidates, QStringLiteral("candidates"), tr("Candidates"), false);
    number(m_maxPerCategory, QStringLiteral("max_per_category"), tr("Diversity"), true);
    number(m_maxPerBrand, QStringLiteral("max_per_brand"), tr("Diversity"), true);
    number(m_categoryLevel, QStringLiteral("category_level"), tr("Diversity"), true);
    connect(m_normalisation, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_showing)
            setField(QStringLiteral("normalisation"), m_normalisation->currentData().toString(), NoMerge, tr("Blending"));
    });

    connect(session->drafts(), &DraftStore::draftChanged, this, &SlotsPage::onDraftChanged);
    connect(session, &CatalogSession::catalogChanged, this, [this] {
        loadStored();
        refreshList();
    });
    loadStored();
    refreshList();
    select(m_list->rowCount() > 0 ? m_list->item(0, KeyColumn)->data(Qt::UserRole).toString() : QString());
}

SlotsPage::~SlotsPage() = default;

bool SlotsPage::showObject(const QString &key)
{
    if (!effectiveKeys().contains(key))
        return false;
    select(key);
    return true;
}

void SlotsPage::loadStored()
{
    m_stored.clear();
    QString error;
    m_users.clear();
    for (const ConfigObject &object : ConfigStore(session()->database()).list(Slots, &error)) {
        m_stored.insert(object.key, object.definition);
        // Read with the slots, not on each edit: what uses a slot changes only with the catalog.
        m_users.insert(object.key, configUsers(session()->database(), Slots, object.key));
    }
    if (!error.isEmpty())
        qCWarning(lcStudio) << "cannot read the slots:" << error;
}

QStringList SlotsPage::effectiveKeys() const
{
    return session()->drafts()->keys(Slots, m_stored.keys());
}

QStringList SlotsPage::slotKeys() const
{
    return effectiveKeys();
}

QJsonObject SlotsPage::definition(const QString &key) const
{
    return session()->drafts()->definitionOr(slotId(key), m_stored.value(key));
}

void SlotsPage::refreshList()
{
    const QSignalBlocker blocker(m_listView->selectionModel());
    m_list->setRowCount(0);
    for (const QString &key : effectiveKeys()) {
        const QJsonObject d = definition(key);
        const DraftStore::Draft *draft = session()->drafts()->draft(slotId(key));
        const bool modified = draft && draft->isModified();
        const QStringList users = m_users.value(key);
        QList<QStandardItem *> row {new QStandardItem(modified ? key + QStringLiteral(" •") : key),
            new QStandardItem(d.value(QLatin1String("title")).toString()),
            new QStandardItem(strategySummary(d)), new QStandardItem(users.isEmpty() ? tr("—") : users.join(QStringLiteral("; ")))};
        row[KeyColumn]->setData(key, Qt::UserRole);
        row[KeyColumn]->setToolTip(modified ? tr("%1: changed, not saved yet").arg(key) : key);
        if (modified) {
            QFont italic = row[KeyColumn]->font();
            italic.setItalic(true);
            row[KeyColumn]->setFont(italic);
        }
        row[UsedByColumn]->setToolTip(users.join(QLatin1Char('\n')));
        m_list->appendRow(row);
    }
    for (int r = 0; r < m_list->rowCount(); ++r) {
        if (m_list->item(r, KeyColumn)->data(Qt::UserRole).toString() == m_current) {
            m_listView->setCurrentIndex(m_list->index(r, KeyColumn));
            m_listView->selectRow(r);
        }
    }
}

void SlotsPage::select(const QString &key)
{
    m_current = key;
    // The view's current row follows (a view sets one of its own on first focus otherwise).
    for (int r = 0; r < m_list->rowCount(); ++r) {
        if (m_list->item(r, KeyColumn)->data(Qt::UserRole).toString() == key && m_listView->currentIndex().row() != r) {
            const QSignalBlocker blocker(m_listView->selectionModel());
            m_listView->setCurrentIndex(m_list->index(r, KeyColumn));
            m_listView->selectRow(r);
        }
    }
    for (QWidget *w : std::initializer_list<QWidget *> {m_title, m_tabs, m_duplicate, m_remove})
        w->setEnabled(!key.isEmpty());
    m_message->clearMessage();
    showDefinition();
}

void SlotsPage::showDefinition()
{
    m_showing = true;
    const QJsonObject d = definition(m_current);
    m_key->setText(m_current.isEmpty() ? tr("No slot yet: press New to start one.") : m_current);
    if (m_title->text() != d.value(QLatin1String("title")).toString())
        m_title->setText(d.value(QLatin1String("title")).toString());
    m_strategies->setStrategies(d.value(QLatin1String("strategies")).toArray());
    m_fallback->setStrategies(d.value(QLatin1String("fallback")).toArray());
    m_filters->setFilters(d.value(QLatin1String("filters")).toObject());
    const QJsonObject diversity = d.value(QLatin1String("diversity")).toObject();
    m_maxItems->setValue(d.value(QLatin1String("max_items")).toInt(10));
    m_minItems->setValue(d.value(QLatin1String("min_items")).toInt(1));
    m_candidates->setValue(d.value(QLatin1String("candidates")).toInt(200));
    m_normalisation->setCurrentIndex(std::max(0, m_normalisation->findData(d.value(QLatin1String("normalisation")).toString(QStringLiteral("rank")))));
    m_maxPerCategory->setValue(diversity.value(QLatin1String("max_per_category")).toInt(0));
    m_maxPerBrand->setValue(diversity.value(QLatin1String("max_per_brand")).toInt(0));
    m_categoryLevel->setValue(diversity.value(QLatin1String("category_level")).toInt(0));
    const QJsonDocument shown = QJsonDocument::fromJson(m_json->toPlainText().toUtf8());
    if (!shown.isObject() || shown.object() != d)
        m_json->setPlainText(QString::fromUtf8(QJsonDocument(d).toJson(QJsonDocument::Indented)));
    m_showing = false;

    QString error;
    m_problem.clear();
    if (!m_current.isEmpty() && !SlotDefinition::fromJson(m_current, d, &error))
        m_problem = error;
    showProblem();
    m_jsonStatus->setText(m_problem.isEmpty() ? tr("The whole definition; edits here appear in the other tabs.") : m_problem);
    m_lintDelay->start();
    m_whatIf->setDraft(m_stored.contains(m_current) ? m_current : QString(), m_current, d);
    m_models->setDraft(m_current, d);
    if (!m_current.isEmpty())
        m_preview->setDraft(m_stored.contains(m_current) ? m_current : QString(), d);
    m_evaluation->setDraft(m_stored.contains(m_current) ? m_current : QString(), m_stored.value(m_current), m_current, d);
    Q_EMIT draftChanged(m_current, d);
}

void SlotsPage::edit(const QJsonObject &next, int mergeId, const QString &what)
{
    if (m_current.isEmpty() || next == definition(m_current))
        return;
    DraftStore *drafts = session()->drafts();
    drafts->begin(slotId(m_current), m_stored.value(m_current));
    session()->undoStack()->push(new SetDraftCommand(drafts, slotId(m_current), next, tr("%1 (slot %2)").arg(what, m_current), mergeId));
}

void SlotsPage::setField(const QString &key, const QJsonValue &value, int mergeId, const QString &what)
{
    QJsonObject next = definition(m_current);
    if (value.isNull() || value.isUndefined())
        next.remove(key);
    else
        next.insert(key, value);
    edit(next, mergeId, what);
}

void SlotsPage::applyJsonText()
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(m_json->toPlainText().toUtf8(), &error);
    if (!document.isObject()) {
        m_jsonStatus->setText(tr("Not JSON at character %1: %2 (the slot keeps its last valid definition)")
                                  .arg(error.offset)
                                  .arg(error.errorString()));
        return;
    }
    edit(document.object(), MergeDraftText, tr("Edit the JSON"));
}

void SlotsPage::onDraftChanged(const DraftId &id)
{
    if (id.kind != Slots)
        return;
    refreshList();
    if (id.key == m_current) {
        if (!effectiveKeys().contains(m_current))
            select(m_list->rowCount() > 0 ? m_list->item(0, KeyColumn)->data(Qt::UserRole).toString() : QString());
        else
            showDefinition();
    }
}

void SlotsPage::showProblem()
{
    // "filters.price.min: must be ..." → the place, and the tab and field it belongs to.
    const QString path = m_problem.section(QStringLiteral(": "), 0, 0);
    m_problemLabel->setText(m_problem.isEmpty() ? QString() : tr("⚠ %1").arg(m_problem));
    m_problemLabel->setVisible(!m_problem.isEmpty());
    const QString top = path.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('['), 0, 0);
    QWidget *tab = nullptr;
    if (top == QLatin1String("filters"))
        tab = m_filters;
    else if (top == QLatin1String("strategies"))
        tab = m_strategies;
    else if (top == QLatin1String("fallback"))
        tab = m_fallback;
    else if (!m_problem.isEmpty() && (top == QLatin1String("max_items") || top == QLatin1String("min_items") || top == QLatin1String("candidates")
                 || top == QLatin1String("normalisation") || top == QLatin1String("diversity")))
        tab = m_maxItems->parentWidget();
    else if (!m_problem.isEmpty() && top != QLatin1String("title"))
        tab = m_json->parentWidget();
    m_filters->setProblem(tab == m_filters ? path : QString(), tab == m_filters ? m_problem : QString());
    for (auto it = m_tabTitles.begin(); it != m_tabTitles.end(); ++it) {
        const int index = m_tabs->indexOf(it.key());
        m_tabs->setTabText(index, it.key() == tab ? QStringLiteral("⚠ ") + it.value() : it.value());
    }
    const QMap<QString, QWidget *> sizeFields {{QStringLiteral("max_items"), m_maxItems}, {QStringLiteral("min_items"), m_minItems},
        {QStringLiteral("candidates"), m_candidates}, {QStringLiteral("normalisation"), m_normalisation},
        {QStringLiteral("diversity.max_per_category"), m_maxPerCategory}, {QStringLiteral("diversity.max_per_brand"), m_maxPerBrand},
        {QStringLiteral("diversity.category_level"), m_categoryLevel}, {QStringLiteral("title"), m_title}};
    for (auto it = sizeFields.begin(); it != sizeFields.end(); ++it) {
        const bool here = !m_problem.isEmpty() && (path == it.key() || (path == QLatin1String("diversity") && it.key().startsWith(path)));
        it.value()->setStyleSheet(here ? QStringLiteral("background: #fde2e1;") : QString());
        it.value()->setToolTip(here ? m_problem : QString());
    }
}

bool SlotsPage::isLinting() const
{
    return m_lintDelay->isActive() || m_lintToken != m_lintedToken;
}

void SlotsPage::runLint()
{
    const int token = ++m_lintToken;
    const EngineSessionPtr engine = session()->engine();
    QString error;
    const auto slot = m_current.isEmpty() ? std::nullopt : SlotDefinition::fromJson(m_current, definition(m_current), &error);
    if (!engine || !slot) {
        m_lintedToken = token;
        m_lint->clear();
        m_lintShown.clear();
        if (!m_current.isEmpty())
            new QTreeWidgetItem(m_lint, {engine ? tr("Fix the definition first: %1").arg(error) : tr("Checking once the catalog is read…")});
        return;
    }
    session()->jobs()->run(
        tr("Checking slot %1").arg(m_current), this,
        [engine, slot = *slot](const Progress &progress) { return SlotLint::check(*engine, slot, {}, progress); },
        [this, token](std::vector<SlotLintWarning> warnings) {
            if (token != m_lintToken)
                return; // an edit came since
            m_lintedToken = token;
            m_lint->clear();
            m_lintShown.clear();
            for (const SlotLintWarning &warning : warnings) {
                auto *item = new QTreeWidgetItem(m_lint, {QStringLiteral("⚠ %1\n%2").arg(warning.message, warning.advice), warning.where});
                item->setToolTip(0, warning.message + QStringLiteral("\n") + warning.advice);
                m_lintShown.append(QStringLiteral("%1 %2: %3").arg(warning.code, warning.where, warning.message));
            }
            if (warnings.empty())
                new QTreeWidgetItem(m_lint, {tr("✓ Nothing to report: every check passed on a sample of people")});
        });
}

QString SlotsPage::uniqueKey(const QString &base) const
{
    const QStringList keys = effectiveKeys();
    QString key = base;
    for (int n = 2; keys.contains(key) || m_stored.contains(key) || session()->drafts()->contains(slotId(key)); ++n)
        key = QStringLiteral("%1-%2").arg(base).arg(n);
    return key;
}

QString SlotsPage::newSlot()
{
    const QString key = uniqueKey(QStringLiteral("new-slot"));
    const QJsonObject d {{QStringLiteral("title"), tr("New slot")},
        {QStringLiteral("strategies"), QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("bestsellers")}, {QStringLiteral("weight"), 1.0}}}},
        {QStringLiteral("max_items"), 8}};
    session()->undoStack()->push(new CreateDraftCommand(session()->drafts(), slotId(key), d, tr("New slot %1").arg(key)));
    select(key);
    return key;
}

QString SlotsPage::duplicateSlot()
{
    if (m_current.isEmpty())
        return {};
    const QString key = uniqueKey(m_current + QStringLiteral("-copy"));
    QJsonObject d = definition(m_current);
    d.insert(QStringLiteral("title"), tr("%1 (copy)").arg(d.value(QLatin1String("title")).toString(m_current)));
    session()->undoStack()->push(new CreateDraftCommand(session()->drafts(), slotId(key), d, tr("Duplicate slot %1").arg(m_current)));
    select(key);
    return key;
}

bool SlotsPage::removeSlot(QString *error)
{
    if (m_current.isEmpty())
        return false;
    const QStringList users = m_stored.contains(m_current) ? configUsers(session()->database(), Slots, m_current) : QStringList();
    if (!users.isEmpty()) {
        if (error)
            *error = tr("Cannot remove %1: it is used by %2. Change those first.").arg(m_current, users.join(QStringLiteral("; ")));
        return false;
    }
    session()->undoStack()->push(
        new RemoveDraftCommand(session()->drafts(), slotId(m_current), m_stored.value(m_current), tr("Remove slot %1").arg(m_current)));
    return true;
}

} // namespace Vitrine
