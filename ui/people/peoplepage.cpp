// SPDX-License-Identifier: GPL-3.0-or-later
#include "peoplepage.h"

#include "audience/segmentlibrary.h"
#include "layout/audiencecache.h"
#include "personpage.h"
#include "persontablemodel.h"
#include "session/catalogsession.h"
#include "session/jobrunner.h"
#include "storage/database.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Vitrine {

namespace {

/** Long enough not to query on every key stroke of a word, short enough to feel immediate. */
constexpr int SearchDelayMs = 250;

constexpr PeoplePage::AgeBand AgeBands[] = {
    {-1, 24},
    {25, 34},
    {35, 44},
    {45, 54},
    {55, 64},
    {65, -1},
};

struct Choices
{
    QStringList countries;
    QStringList segmentNames;
    QStringList segmentTitles;
    QString error;
};

struct Members
{
    std::shared_ptr<std::vector<qint64>> ids;
    QString error;
};

} // namespace

PeoplePage::PeoplePage(CatalogSession *session, QWidget *parent)
    : WorkspacePage(Workspace::People, session, parent)
    , m_model(new PersonTableModel(session, this))
    , m_person(new PersonPage(session, this))
    , m_search(new QLineEdit(this))
    , m_country(new QComboBox(this))
    , m_gender(new QComboBox(this))
    , m_age(new QComboBox(this))
    , m_segment(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_searchDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("peoplePage"));

    m_search->setObjectName(QStringLiteral("peopleSearch"));
    m_search->setPlaceholderText(tr("Search external ids, names and e-mails…"));
    m_search->setClearButtonEnabled(true);

    m_country->setObjectName(QStringLiteral("countryFilter"));
    m_country->addItem(tr("All countries"));
    m_country->setToolTip(tr("Only people who live in this country"));

    m_gender->setObjectName(QStringLiteral("genderFilter"));
    m_gender->addItem(tr("Any gender"));
    m_gender->addItem(tr("Female"), QStringLiteral("f"));
    m_gender->addItem(tr("Male"), QStringLiteral("m"));
    m_gender->addItem(tr("Other"), QStringLiteral("x"));
    m_gender->addItem(tr("Gender unknown"), QString(QLatin1StringView("")));
    m_gender->setToolTip(tr("Only people of this gender"));

    m_age->setObjectName(QStringLiteral("ageFilter"));
    m_age->addItem(tr("Any age"));
    m_age->addItem(tr("Under 25"), 0);
    m_age->addItem(tr("25–34"), 1);
    m_age->addItem(tr("35–44"), 2);
    m_age->addItem(tr("45–54"), 3);
    m_age->addItem(tr("55–64"), 4);
    m_age->addItem(tr("65 and over"), 5);
    m_age->addItem(tr("Age unknown"), -1);
    m_age->setToolTip(tr("Age in the year of the studio's time"));

    m_segment->setObjectName(QStringLiteral("segmentFilter"));
    m_segment->addItem(tr("Everybody"));
    // The filters may shrink (their lists still show whole names), so the person page keeps its room.
    for (QComboBox *combo : {m_country, m_gender, m_age, m_segment}) {
        combo->setMinimumContentsLength(combo == m_country ? 13 : 8);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    }
    m_segment->setToolTip(tr("Only the members of this segment, at the studio's time"));

    m_summary->setObjectName(QStringLiteral("peopleSummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    m_table->setObjectName(QStringLiteral("peopleTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(PersonTableModel::ExternalIdColumn, digit * 12);
    header->resizeSection(PersonTableModel::NameColumn, digit * 18);
    header->resizeSection(PersonTableModel::EmailColumn, digit * 20);
    header->resizeSection(PersonTableModel::GenderColumn, digit * 7);
    header->resizeSection(PersonTableModel::AgeColumn, digit * 5);
    header->resizeSection(PersonTableModel::CountryColumn, digit * 12);
    header->resizeSection(PersonTableModel::CityColumn, digit * 12);
    header->resizeSection(PersonTableModel::ConsentColumn, digit * 12);
    // In the order people came until a header is clicked; the catalog sorts, not a proxy.
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(SearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &PeoplePage::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &PeoplePage::applyFilter);
    for (QComboBox *combo : {m_country, m_gender, m_age})
        connect(combo, &QComboBox::currentIndexChanged, this, &PeoplePage::applyFilter);
    connect(m_segment, &QComboBox::currentIndexChanged, this,
        [this] { loadSegmentMembers(m_segment->currentData().toString()); });
    connect(m_model, &PersonTableModel::matchingCountChanged, this, &PeoplePage::updateSummary);
    connect(m_model, &PersonTableModel::errorOccurred, this, &PeoplePage::updateSummary);
    connect(m_model, &PersonTableModel::located, this, &PeoplePage::selectLocated);
    connect(m_model, &PersonTableModel::matchingCountChanged, this, [this] {
        if (m_pendingRow >= 0)
            selectLocated(m_pendingPerson, std::exchange(m_pendingRow, -1));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &PeoplePage::currentRowChanged);
    // A row chosen before its block arrived opens once it does.
    connect(m_model, &PersonTableModel::rowsLoaded, this, [this](int first, int last) {
        const int row = m_table->currentIndex().row();
        if (row >= first && row <= last)
            currentRowChanged();
    });
    connect(m_person, &PersonPage::objectRequested, this, &WorkspacePage::objectRequested);

    auto *searchRow = new QHBoxLayout;
    searchRow->setSpacing(12);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_summary);
    auto *filters = new QHBoxLayout;
    filters->setSpacing(6);
    filters->addWidget(m_country, 2);
    filters->addWidget(m_gender, 2);
    filters->addWidget(m_age, 2);
    filters->addWidget(m_segment, 3);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 8, 0);
    leftLayout->setSpacing(6);
    leftLayout->addLayout(searchRow);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_table, 1);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("peopleSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_person);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 6);
    // The person page needs the room more than the table, which scrolls sideways.
    splitter->setSizes({400, 600});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(splitter);

    connect(session, &CatalogSession::catalogChanged, this, [this] {
        loadChoices();
        m_model->refresh();
    });
    connect(session, &CatalogSession::engineChanged, this, [this] {
        // Members and ages are judged at the engine's time, which may have moved.
        if (!m_segment->currentData().toString().isEmpty())
            loadSegmentMembers(m_segment->currentData().toString());
        else
            applyFilter();
    });

    loadChoices();
    applyFilter();
    m_person->showPerson(QString());
}

PeoplePage::~PeoplePage() = default;

bool PeoplePage::showObject(const QString &externalId)
{
    if (externalId.trimmed().isEmpty())
        return false;
    // The row chosen before must not open again when its block arrives late.
    m_table->selectionModel()->clear();
    m_person->showPerson(externalId);
    // The list follows: the person's row is selected (the filters give way if they hide it).
    m_pendingPerson = externalId;
    m_pendingCleared = false;
    m_pendingRow = -1;
    m_model->locate(externalId);
    return true;
}

void PeoplePage::clearSearchAndFilters()
{
    m_searchDelay->stop();
    for (QComboBox *combo : {m_country, m_gender, m_age, m_segment}) {
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(0);
    }
    {
        const QSignalBlocker blocker(m_search);
        m_search->clear();
    }
    ++m_membersToken; // members still being found are not wanted any more
    m_members.reset();
    m_membersOf.clear();
    m_membersError.clear();
    applyFilter();
}

void PeoplePage::selectLocated(const QString &externalId, qint64 row)
{
    if (externalId != m_pendingPerson)
        return;
    if (row < 0) {
        const PersonFilter &filter = m_model->filter();
        const bool filtered = !filter.text.isEmpty() || !filter.country.isEmpty() || filter.gender
            || filter.hasAgeBand() || filter.ids;
        if (!m_pendingCleared && filtered) {
            m_pendingCleared = true;
            clearSearchAndFilters();
            m_model->locate(externalId);
            return;
        }
        m_pendingPerson.clear();
        return; // the person page says there is no such person
    }
    if (!m_model->isCounted()) {
        m_pendingRow = row; // selected when the count arrives
        return;
    }
    m_pendingPerson.clear();
    m_pendingRow = -1;
    if (row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(int(row), PersonTableModel::NameColumn);
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

int PeoplePage::referenceYear() const
{
    if (const EngineSessionPtr engine = session()->engine())
        return QDateTime::fromSecsSinceEpoch(engine->asOf(), Qt::UTC).date().year();
    if (session()->stats() && session()->stats()->lastEvent)
        return QDateTime::fromSecsSinceEpoch(*session()->stats()->lastEvent, Qt::UTC).date().year();
    return QDate::currentDate().year();
}

void PeoplePage::applyFilter()
{
    m_searchDelay->stop();
    m_pendingRow = -1; // a row of the list before
    PersonFilter filter;
    filter.text = m_search->text().trimmed();
    if (m_country->currentIndex() > 0)
        filter.country = m_country->currentText();
    if (m_gender->currentIndex() > 0)
        filter.gender = m_gender->currentData().toString();
    if (m_age->currentIndex() > 0) {
        const int band = m_age->currentData().toInt();
        if (band < 0) {
            filter.unknownAge = true;
        } else {
            filter.minAge = AgeBands[band].min;
            filter.maxAge = AgeBands[band].max;
        }
    }
    filter.referenceYear = referenceYear();
    filter.order = m_model->filter().order; // the header's sort stays
    if (!m_segment->currentData().toString().isEmpty()) {
        // Until the members are known, nobody: never people outside the segment.
        filter.ids = m_members ? m_members : std::make_shared<const std::vector<qint64>>();
    }
    if (filter == m_model->filter() && m_model->isCounted())
        return;
    m_model->setFilter(filter);
    updateSummary();
}

void PeoplePage::updateSummary()
{
    const QString segment = m_segment->currentData().toString();
    if (!m_model->errorString().isEmpty()) {
        m_summary->setText(tr("Cannot read the people: %1").arg(m_model->errorString()));
        return;
    }
    if (!segment.isEmpty() && !m_membersError.isEmpty()) {
        m_summary->setText(tr("Cannot find the members of “%1”: %2").arg(segment, m_membersError));
        return;
    }
    if (!segment.isEmpty() && m_membersOf != segment) {
        m_summary->setText(session()->engine()
                ? tr("Finding the members of “%1”…").arg(segment)
                : tr("Waiting for the engine to find the members of “%1”…").arg(segment));
        return;
    }
    if (!m_model->isCounted()) {
        m_summary->setText(tr("Counting…"));
        return;
    }
    const qint64 count = m_model->matchingCount();
    const bool filtered = !m_model->filter().text.isEmpty() || !m_model->filter().country.isEmpty()
        || m_model->filter().gender || m_model->filter().hasAgeBand() || m_model->filter().ids;
    const QString number = QLocale().toString(count);
    if (count == 0 && filtered)
        m_summary->setText(tr("Nobody matches. Clear the search or a filter to see more people."));
    else if (count == 0)
        m_summary->setText(
            tr("The catalog has no people yet. Import them (vitrine-cli import users FILE.csv) "
               "or create a demo catalog."));
    else if (filtered)
        m_summary->setText(count == 1 ? tr("1 person matches") : tr("%1 people match").arg(number));
    else
        m_summary->setText(count == 1 ? tr("1 person") : tr("%1 people").arg(number));
}

void PeoplePage::loadChoices()
{
    const int token = ++m_choicesToken;
    session()->jobs()->run(
        tr("Reading countries and segments"), this,
        [session = session()](const Progress &) {
            Choices choices;
            std::unique_ptr<Database> reader = session->openReader(&choices.error);
            if (!reader)
                return choices;
            choices.countries = PersonQuery(*reader).countries(&choices.error).value_or(QStringList());
            const SegmentLibrary library = SegmentLibrary::load(*reader, &choices.error);
            for (const QString &name : library.names()) {
                choices.segmentNames.append(name);
                choices.segmentTitles.append(library.find(name)->displayTitle());
            }
            return choices;
        },
        [this, token](Choices choices) {
            if (token != m_choicesToken)
                return;
            // Keep what was chosen when it still exists; signals would re-filter on every insert.
            const QString country = m_country->currentIndex() > 0 ? m_country->currentText() : QString();
            const QString segment = m_segment->currentData().toString();
            {
                const QSignalBlocker countryBlocker(m_country);
                const QSignalBlocker segmentBlocker(m_segment);
                while (m_country->count() > 1)
                    m_country->removeItem(1);
                m_country->addItems(choices.countries);
                m_country->setEnabled(!choices.countries.isEmpty());
                m_country->setCurrentIndex(country.isEmpty() ? 0 : std::max(0, m_country->findText(country)));
                while (m_segment->count() > 1)
                    m_segment->removeItem(1);
                for (int i = 0; i < choices.segmentNames.size(); ++i) {
                    const QString &name = choices.segmentNames.at(i);
                    const QString &title = choices.segmentTitles.at(i);
                    m_segment->addItem(
                        title == name ? name : QStringLiteral("%1 (%2)").arg(title, name), name);
                }
                m_segment->setEnabled(!choices.segmentNames.isEmpty());
                m_segment->setToolTip(choices.segmentNames.isEmpty()
                        ? tr("The catalog has no segments yet: define one in the Segments workspace")
                        : tr("Only the members of this segment, at the studio's time"));
                m_segment->setCurrentIndex(segment.isEmpty() ? 0 : std::max(0, m_segment->findData(segment)));
            }
            if (m_segment->currentData().toString() != segment)
                loadSegmentMembers(m_segment->currentData().toString());
            else
                applyFilter();
        });
}

void PeoplePage::loadSegmentMembers(const QString &segment)
{
    const int token = ++m_membersToken;
    m_members.reset();
    m_membersOf.clear();
    m_membersError.clear();
    applyFilter();
    if (segment.isEmpty())
        return;
    const EngineSessionPtr engine = session()->engine();
    if (!engine) {
        updateSummary(); // engineChanged() asks again
        return;
    }
    session()->jobs()->run(
        tr("Finding a segment's members"), this,
        [engine, segment](const Progress &progress) {
            Members result;
            const std::shared_ptr<AudienceCache> audience = engine->audience(&result.error, progress);
            if (!audience)
                return result;
            const std::shared_ptr<const PersonSet> set = audience->members(segment, &result.error);
            if (!set)
                return result;
            const Snapshot &snapshot = *engine->snapshot();
            auto ids = std::make_shared<std::vector<qint64>>();
            ids->reserve(size_t(set->count()));
            // Dense indexes follow the ids, so the list comes out sorted.
            set->forEach([&](int user) { ids->push_back(snapshot.userId(user)); });
            result.ids = std::move(ids);
            return result;
        },
        [this, token, segment](Members result) {
            if (token != m_membersToken)
                return;
            m_membersOf = segment;
            m_membersError
                = result.ids ? QString() : (result.error.isEmpty() ? tr("cancelled") : result.error);
            m_members = result.ids;
            applyFilter();
            updateSummary();
        });
}

void PeoplePage::currentRowChanged()
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return;
    const QString externalId
        = m_model->index(index.row(), 0).data(PersonTableModel::ExternalIdRole).toString();
    if (!externalId.isEmpty() && externalId != m_person->externalId())
        m_person->showPerson(externalId);
}

} // namespace Vitrine
