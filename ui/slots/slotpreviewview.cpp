// SPDX-License-Identifier: GPL-3.0-or-later
#include "slotpreviewview.h"

#include "audience/personset.h"
#include "engine/recommender.h"
#include "engine/recommendrequest.h"
#include "engine/slotdefinition.h"
#include "engine/snapshot.h"
#include "layout/audiencecache.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"
#include "slotpreviewdelegate.h"
#include "slotpreviewmodel.h"
#include "storage/configstore.h"

#include <QCompleter>
#include <QDateTime>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QRandomGenerator>
#include <QStackedWidget>
#include <QStringListModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace Vitrine {

/** What one preview run hands back to the UI thread. */
struct SlotPreviewView::Outcome
{
    EngineSessionPtr engine;
    QStringList strategies; ///< the draft's strategies then fallbacks: the legend's order
    SlotResult draft;
    std::optional<SlotResult> saved;
};

namespace {

QLabel *noteLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QToolButton *toolButton(const QString &text, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}

/** A line edit completing from a list the view fills as the user types. */
QLineEdit *searchField(const QString &placeholder, QStringListModel *model, QWidget *parent)
{
    auto *field = new QLineEdit(parent);
    field->setPlaceholderText(placeholder);
    field->setClearButtonEnabled(true);
    auto *completer = new QCompleter(model, field);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    completer->setMaxVisibleItems(12);
    field->setCompleter(completer);
    return field;
}

} // namespace

SlotPreviewView::SlotPreviewView(CatalogSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new SlotPreviewModel(this))
    , m_personSuggestions(new QStringListModel(this))
    , m_itemSuggestions(new QStringListModel(this))
{
    setObjectName(QStringLiteral("slotPreview"));

    m_personField = searchField(tr("Anonymous visitor — type an external id"), m_personSuggestions, this);
    m_personField->setObjectName(QStringLiteral("previewPerson"));
    m_personField->setMinimumWidth(140);
    auto *previous = toolButton(QStringLiteral("◀"), tr("The previous person of the catalog"), this);
    auto *next = toolButton(QStringLiteral("▶"), tr("The next person of the catalog"), this);
    auto *anonymous = toolButton(tr("Anonymous"), tr("Preview for a visitor nobody knows"), this);
    m_segmentButton = toolButton(tr("Random member of…"), tr("A random member of a stored segment"), this);
    m_segmentButton->setPopupMode(QToolButton::InstantPopup);
    auto *segmentMenu = new QMenu(m_segmentButton);
    m_segmentButton->setMenu(segmentMenu);
    m_asOf = new QLabel(this);
    m_asOf->setObjectName(QStringLiteral("previewAsOf"));
    m_asOf->setForegroundRole(QPalette::PlaceholderText);

    m_itemField = searchField(tr("None — type a sku"), m_itemSuggestions, this);
    m_itemField->setObjectName(QStringLiteral("previewContextItem"));
    m_cartField = new QLineEdit(this);
    m_cartField->setObjectName(QStringLiteral("previewCart"));
    m_cartField->setPlaceholderText(tr("Empty — skus, comma-separated"));
    m_cartField->setClearButtonEnabled(true);

    m_summary = noteLabel(this);
    m_summary->setObjectName(QStringLiteral("previewSummary"));
    m_legend = new QLabel(this);
    m_legend->setObjectName(QStringLiteral("previewLegend"));
    m_legend->setWordWrap(true);

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("previewCards"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new SlotPreviewDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setMouseTracking(true);
    m_message = noteLabel(this);
    m_message->setObjectName(QStringLiteral("previewMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setMargin(24);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_list);
    m_pages->addWidget(m_message);

    m_dropped = noteLabel(this);
    m_dropped->setObjectName(QStringLiteral("previewDropped"));
    m_whyNotField = searchField(tr("A sku the slot does not show"), m_itemSuggestions, this);
    m_whyNotField->setObjectName(QStringLiteral("previewWhyNot"));
    auto *ask = new QPushButton(tr("Why not?"), this);
    m_whyNotAnswer = noteLabel(this);
    m_whyNotAnswer->setObjectName(QStringLiteral("previewWhyNotAnswer"));

    auto *personRow = new QHBoxLayout;
    personRow->addWidget(new QLabel(tr("Person:"), this));
    personRow->addWidget(m_personField, 1);
    personRow->addWidget(previous);
    personRow->addWidget(next);
    personRow->addWidget(anonymous);
    personRow->addWidget(m_segmentButton);
    auto *requestRow = new QHBoxLayout;
    requestRow->addWidget(new QLabel(tr("Product page item:"), this));
    requestRow->addWidget(m_itemField, 1);
    requestRow->addSpacing(12);
    requestRow->addWidget(new QLabel(tr("Cart:"), this));
    requestRow->addWidget(m_cartField, 2);
    auto *whyRow = new QHBoxLayout;
    whyRow->addWidget(new QLabel(tr("Why not…"), this));
    whyRow->addWidget(m_whyNotField, 1);
    whyRow->addWidget(ask);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(personRow);
    layout->addLayout(requestRow);
    // The time everything is judged at goes with the summary, where it has room.
    auto *summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summary, 1);
    summaryRow->addWidget(m_asOf);
    layout->addLayout(summaryRow);
    layout->addWidget(m_legend);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_dropped);
    layout->addLayout(whyRow);
    layout->addWidget(m_whyNotAnswer);

    connect(m_personField, &QLineEdit::textEdited, this,
        [this] { updateSuggestions(m_personField, m_personSuggestions, true); });
    connect(m_personField, &QLineEdit::editingFinished, this,
        [this] { setPerson(m_personField->text().trimmed()); });
    connect(m_personField->completer(), qOverload<const QString &>(&QCompleter::activated), this,
        [this](const QString &id) { setPerson(id); });
    connect(previous, &QToolButton::clicked, this, &SlotPreviewView::previousPerson);
    connect(next, &QToolButton::clicked, this, &SlotPreviewView::nextPerson);
    connect(anonymous, &QToolButton::clicked, this, [this] { setPerson(QString()); });
    connect(segmentMenu, &QMenu::aboutToShow, this, &SlotPreviewView::fillSegmentMenu);
    connect(m_itemField, &QLineEdit::textEdited, this,
        [this] { updateSuggestions(m_itemField, m_itemSuggestions, false); });
    connect(m_itemField, &QLineEdit::editingFinished, this,
        [this] { setContextItem(m_itemField->text().trimmed()); });
    connect(m_cartField, &QLineEdit::editingFinished, this, [this] {
        QStringList skus;
        for (const QString &sku : m_cartField->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            skus.append(sku.trimmed());
        setCart(skus);
    });
    connect(m_whyNotField, &QLineEdit::textEdited, this,
        [this] { updateSuggestions(m_whyNotField, m_itemSuggestions, false); });
    connect(
        m_whyNotField, &QLineEdit::returnPressed, this, [this] { whyNot(m_whyNotField->text().trimmed()); });
    connect(ask, &QPushButton::clicked, this, [this] { whyNot(m_whyNotField->text().trimmed()); });
    connect(session, &CatalogSession::engineChanged, this, [this] {
        updateAsOf();
        refresh();
    });
    updateAsOf();
    showError(tr("Edit a slot to preview what it shows."));
}

SlotPreviewView::~SlotPreviewView()
{
    if (m_job)
        m_job->cancel();
    // The fields lose focus while the widgets go: their "editing finished" must not reach a
    // view that is half destroyed (UBSan caught it).
    for (QLineEdit *field : {m_personField, m_itemField, m_cartField, m_whyNotField})
        field->disconnect(this);
}

void SlotPreviewView::setDraft(const QString &savedKey, const QJsonObject &definition)
{
    m_savedKey = savedKey;
    m_definition = definition;
    refresh();
}

void SlotPreviewView::setPerson(const QString &externalId)
{
    if (m_personField->text() != externalId)
        m_personField->setText(externalId);
    if (externalId == m_person)
        return;
    m_person = externalId;
    Q_EMIT personChanged(m_person);
    refresh();
}

void SlotPreviewView::setContextItem(const QString &sku)
{
    if (m_itemField->text() != sku)
        m_itemField->setText(sku);
    if (sku == m_contextItem)
        return;
    m_contextItem = sku;
    refresh();
}

void SlotPreviewView::setCart(const QStringList &skus)
{
    const QString text = skus.join(QStringLiteral(", "));
    if (m_cartField->text() != text)
        m_cartField->setText(text);
    if (skus == m_cart)
        return;
    m_cart = skus;
    refresh();
}

void SlotPreviewView::whyNot(const QString &sku)
{
    if (m_whyNotField->text() != sku)
        m_whyNotField->setText(sku);
    m_whyNotSku = sku;
    refresh();
}

QString SlotPreviewView::whyNotText() const
{
    return m_whyNotAnswer->text();
}

QStringList SlotPreviewView::droppedOut() const
{
    return m_model->droppedOut();
}

void SlotPreviewView::previousPerson()
{
    stepPerson(-1);
}

void SlotPreviewView::nextPerson()
{
    stepPerson(1);
}

void SlotPreviewView::stepPerson(int delta)
{
    const EngineSessionPtr engine = m_session->engine();
    if (!engine || engine->snapshot()->userCount() == 0)
        return;
    const Snapshot &s = *engine->snapshot();
    const int count = s.userCount();
    const int current = m_person.isEmpty() ? -1 : s.userIndexByExternalId(m_person);
    const int at = current < 0 ? (delta > 0 ? 0 : count - 1) : ((current + delta) % count + count) % count;
    setPerson(s.externalId(at));
}

void SlotPreviewView::fillSegmentMenu()
{
    QMenu *menu = m_segmentButton->menu();
    menu->clear();
    QString error;
    // A tiny read of the configuration on the UI thread; the members are computed in a job.
    const QList<ConfigObject> segments
        = ConfigStore(m_session->database()).list(QStringLiteral("segments"), &error);
    if (segments.isEmpty()) {
        QAction *none = menu->addAction(error.isEmpty() ? tr("No segments yet") : error);
        none->setEnabled(false);
        return;
    }
    for (const ConfigObject &segment : segments) {
        const QString name = segment.key;
        menu->addAction(name, this, [this, name] { randomMemberOf(name); });
    }
}

void SlotPreviewView::randomMemberOf(const QString &segment)
{
    const EngineSessionPtr engine = m_session->engine();
    if (!engine)
        return;
    struct Pick
    {
        QString person;
        QString error;
    };
    m_session->jobs()->run(
        tr("Picking a member of %1").arg(segment), this,
        [engine, segment](const Progress &progress) {
            Pick pick;
            const std::shared_ptr<AudienceCache> audience = engine->audience(&pick.error, progress);
            if (!audience)
                return pick;
            const std::shared_ptr<const PersonSet> members = audience->members(segment, &pick.error);
            if (!members)
                return pick;
            const std::vector<int> people = members->toList();
            if (people.empty())
                pick.error = SlotPreviewView::tr("The segment “%1” has no members.").arg(segment);
            else
                pick.person = engine->snapshot()->externalId(
                    people[size_t(QRandomGenerator::global()->bounded(int(people.size())))]);
            return pick;
        },
        [this](Pick pick) {
            if (!pick.error.isEmpty())
                m_summary->setText(pick.error);
            else
                setPerson(pick.person);
        });
}

void SlotPreviewView::updateSuggestions(QLineEdit *field, QStringListModel *model, bool people)
{
    // The catalog may hold a million people: suggest the first matches, never the whole list.
    const EngineSessionPtr engine = m_session->engine();
    if (!engine)
        return;
    const Snapshot &s = *engine->snapshot();
    const QString typed = field->text().trimmed();
    QStringList matches;
    if (!typed.isEmpty()) {
        const int count = people ? s.userCount() : s.itemCount();
        for (int i = 0; i < count && matches.size() < MaxSuggestions; ++i) {
            const QString &key = people ? s.externalId(i) : s.sku(i);
            if (key.startsWith(typed, Qt::CaseInsensitive))
                matches.append(key);
        }
    }
    model->setStringList(matches);
    if (!matches.isEmpty() && field->hasFocus())
        field->completer()->complete();
}

void SlotPreviewView::updateAsOf()
{
    const EngineSessionPtr engine = m_session->engine();
    m_asOf->setText(engine
            ? tr("As of %1")
                  .arg(QLocale().toString(
                      QDateTime::fromSecsSinceEpoch(engine->asOf(), Qt::UTC), QLocale::ShortFormat))
            : tr("Reading the catalog…"));
    m_asOf->setToolTip(tr("The studio's clock: only events up to this time count"));
}

void SlotPreviewView::showError(const QString &message)
{
    m_error = message;
    m_model->clear();
    m_message->setText(message);
    m_pages->setCurrentWidget(m_message);
    m_summary->clear();
    m_legend->clear();
    m_dropped->clear();
    m_whyNotAnswer->clear();
}

void SlotPreviewView::refresh()
{
    const int generation = ++m_generation;
    if (m_job)
        m_job->cancel();
    m_job.clear();

    const EngineSessionPtr engine = m_session->engine();
    if (!engine) {
        m_result.reset();
        m_saved.reset();
        showError(m_session->engineError().isEmpty()
                ? tr("The engine is still reading the catalog; the preview follows when it is ready.")
                : tr("The engine could not read the catalog: %1").arg(m_session->engineError()));
        return;
    }
    const auto fail = [this](const QString &message) {
        m_result.reset();
        m_saved.reset();
        showError(message);
        Q_EMIT previewed();
    };
    if (m_definition.isEmpty())
        return fail(tr("Edit a slot to preview what it shows."));
    QString error;
    std::optional<SlotDefinition> definition = SlotDefinition::fromJson(
        m_savedKey.isEmpty() ? QStringLiteral("draft") : m_savedKey, m_definition, &error);
    if (!definition)
        return fail(tr("The definition is not valid: %1").arg(error));

    const Snapshot &s = *engine->snapshot();
    RecommendRequest request;
    if (!m_person.isEmpty()) {
        request.user = s.userIndexByExternalId(m_person);
        if (request.user < 0)
            return fail(tr("There is no person with the external id “%1” in this catalog.").arg(m_person));
    }
    if (!m_contextItem.isEmpty()) {
        request.contextItem = s.itemIndexBySku(m_contextItem);
        if (request.contextItem < 0)
            return fail(tr("There is no item with the sku “%1” in this catalog.").arg(m_contextItem));
    }
    for (const QString &sku : std::as_const(m_cart)) {
        const int item = s.itemIndexBySku(sku);
        if (item < 0)
            return fail(tr("The cart's “%1” is not an item of this catalog.").arg(sku));
        request.cart.push_back(item);
    }
    int whyNotItem = -1;
    if (!m_whyNotSku.isEmpty()) {
        whyNotItem = s.itemIndexBySku(m_whyNotSku);
        if (whyNotItem < 0)
            return fail(tr("There is no item with the sku “%1” in this catalog.").arg(m_whyNotSku));
    }
    QStringList strategies;
    for (const SlotStrategy &strategy : definition->strategies)
        strategies.append(strategy.name);
    for (const SlotStrategy &strategy : definition->fallbacks)
        strategies.append(strategy.name);
    const QString savedKey = engine->recommender().hasSlot(m_savedKey) ? m_savedKey : QString();

    m_summary->setText(tr("Computing the preview…"));
    Job *job = m_session->jobs()->run(
        tr("Previewing a slot"), this,
        [engine, draft = std::move(*definition), request, whyNotItem, savedKey, strategies](
            const Progress &progress) {
            Outcome outcome;
            outcome.engine = engine;
            outcome.strategies = strategies;
            outcome.draft = engine->recommend(draft, request, whyNotItem, progress);
            if (!savedKey.isEmpty() && !progress.isCancelled())
                outcome.saved = engine->recommend(savedKey, request, -1, progress);
            return outcome;
        },
        [this, generation](Outcome outcome) {
            if (generation != m_generation)
                return; // a newer request was made: this answer is stale
            m_job.clear();
            showOutcome(std::move(outcome));
        });
    m_job = job;
    connect(job, &Job::finished, this, [this, job] {
        // Cancelled elsewhere (the status bar): nothing comes back, the view is not busy any more.
        if (m_job == job)
            m_job.clear();
    });
}

void SlotPreviewView::showOutcome(Outcome outcome)
{
    m_result = std::move(outcome.draft);
    m_saved.reset();
    if (outcome.saved && outcome.saved->ok)
        m_saved = std::move(outcome.saved);
    const SlotResult &result = *m_result;
    if (!result.ok) {
        showError(tr("The slot cannot run: %1").arg(result.error));
        Q_EMIT previewed();
        return;
    }
    m_error.clear();
    const Snapshot &s = *outcome.engine->snapshot();
    m_model->setResult(s, result, savedResult(), outcome.strategies);
    m_pages->setCurrentWidget(result.items.empty() ? static_cast<QWidget *>(m_message) : m_list);
    if (result.items.empty())
        m_message->setText(tr("The slot shows nothing for this request: its filters leave no item."));

    const QString who = m_person.isEmpty() ? tr("an anonymous visitor") : m_person;
    const int count = int(result.items.size());
    QStringList summary {
        count == 1 ? tr("1 item for %1").arg(who) : tr("%1 items for %2").arg(count).arg(who)};
    if (result.usedFallback)
        summary.append(tr("part from the fallback"));
    for (const QString &warning : result.warnings)
        summary.append(warning);
    m_summary->setText(summary.join(QStringLiteral(" · ")));

    QStringList legend;
    for (const SlotPreviewModel::Legend &entry : m_model->legend())
        legend.append(QStringLiteral("<span style=\"color:%1\">■</span>&nbsp;%2")
                          .arg(entry.colour.name(), entry.strategy.toHtmlEscaped()));
    m_legend->setText(legend.isEmpty()
            ? QString()
            : tr("Contribution of each strategy: %1").arg(legend.join(QStringLiteral("&nbsp;&nbsp; "))));

    if (m_saved) {
        int added = 0;
        for (int row = 0; row < m_model->rowCount(); ++row)
            added += m_model->change(row) == SlotPreviewModel::Change::New ? 1 : 0;
        const QStringList dropped = m_model->droppedOut();
        m_dropped->setText(dropped.isEmpty() && added == 0
                ? tr("Against the saved slot: the same items.")
                : tr("Against the saved slot: %1 came in, %2 dropped out%3")
                      .arg(added)
                      .arg(dropped.size())
                      .arg(dropped.isEmpty() ? QString()
                                             : QStringLiteral(": ") + dropped.join(QStringLiteral("; "))));
    } else {
        m_dropped->setText(
            m_savedKey.isEmpty() ? tr("A new slot: nothing saved to compare with.") : QString());
    }

    if (result.whyNot)
        m_whyNotAnswer->setText(tr("Why not %1? %2 (step: %3)")
                                    .arg(s.sku(result.whyNot->item), result.whyNot->message,
                                        WhyNot::stepName(result.whyNot->step)));
    else
        m_whyNotAnswer->clear();
    Q_EMIT previewed();
}

} // namespace Vitrine
