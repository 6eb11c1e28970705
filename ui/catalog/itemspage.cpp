// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemspage.h"

#include "itemfilterbar.h"
#include "itempage.h"
#include "itemtablemodel.h"
#include "session/catalogsession.h"
#include "storage/database.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Vitrine {

namespace {

/** Long enough to not query on every key stroke of a word, short enough to feel immediate. */
constexpr int SearchDelayMs = 200;
/** Holding an arrow key or Page Down opens only the item the selection rests on. */
constexpr int OpenDelayMs = 120;

} // namespace

ItemsPage::ItemsPage(CatalogSession *session, QWidget *parent)
    : WorkspacePage(Workspace::Items, session, parent)
    , m_model(new ItemTableModel([session](QString *error) { return session->openReader(error); }, this))
    , m_search(new QLineEdit(this))
    , m_filters(new ItemFilterBar(this))
    , m_summary(new QLabel(this))
    , m_listStack(new QStackedWidget(this))
    , m_table(new QTableView)
    , m_emptyState(new QLabel)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_itemPage(new ItemPage(session))
    , m_searchDelay(new QTimer(this))
    , m_openDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("itemsPage"));

    m_search->setObjectName(QStringLiteral("itemSearch"));
    m_search->setPlaceholderText(tr("Search titles and SKUs…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(420);

    m_summary->setObjectName(QStringLiteral("itemSummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    m_table->setObjectName(QStringLiteral("itemTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);

    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ItemTableModel::TitleColumn, QHeaderView::Stretch);
    const int digitWidth = m_table->fontMetrics().horizontalAdvance(QStringLiteral("0"));
    m_columnWidths = {digitWidth * 11, 0, digitWidth * 9, digitWidth * 22, digitWidth * 12, digitWidth * 9,
        digitWidth * 10, digitWidth * 7};
    for (int column = 0; column < ItemTableModel::ColumnCount; ++column) {
        if (column != ItemTableModel::TitleColumn)
            header->resizeSection(column, m_columnWidths.at(column));
    }
    m_table->installEventFilter(this);
    header->setSortIndicator(ItemTableModel::TitleColumn, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);

    m_emptyState->setObjectName(QStringLiteral("itemEmptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setMargin(24);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    connect(m_emptyState, &QLabel::linkActivated, this, &ItemsPage::clearSearchAndFilters);
    m_listStack->addWidget(m_table);
    m_listStack->addWidget(m_emptyState);

    m_splitter->setObjectName(QStringLiteral("itemSplitter"));
    m_splitter->addWidget(m_listStack);
    m_splitter->addWidget(m_itemPage);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_itemPage->setMinimumWidth(360);
    m_itemPage->hide();

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(SearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &ItemsPage::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    // Enter searches at once, without waiting for the delay.
    connect(m_search, &QLineEdit::returnPressed, this, &ItemsPage::applyFilter);
    connect(m_filters, &ItemFilterBar::filterChanged, this, &ItemsPage::applyFilter);

    connect(m_model, &ItemTableModel::matchingCountChanged, this, &ItemsPage::updateSummary);
    connect(m_model, &ItemTableModel::errorOccurred, this, &ItemsPage::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ItemsPage::updateSummary);
    connect(m_model, &ItemTableModel::rowsLoaded, this, &ItemsPage::onRowsLoaded);
    // A new order starts from the top, like a new search.
    connect(m_model, &QAbstractItemModel::modelReset, m_table, &QTableView::scrollToTop);

    ItemBlockLoader *loader = m_model->loader();
    connect(loader, &ItemBlockLoader::positionReady, this, &ItemsPage::onPositionReady);
    connect(loader, &ItemBlockLoader::detailsReady, this, &ItemsPage::onDetailsReady);
    connect(loader, &ItemBlockLoader::choicesReady, this, [this](const QStringList &categories, const QStringList &brands) {
        m_filters->setChoices(categories, brands);
        m_choicesKnown = true;
        fitColumns();
    });

    m_openDelay->setSingleShot(true);
    m_openDelay->setInterval(OpenDelayMs);
    connect(m_openDelay, &QTimer::timeout, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid())
            openRow(current.row());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, m_openDelay,
        qOverload<>(&QTimer::start));
    connect(m_itemPage, &ItemPage::closeRequested, this, &ItemsPage::closeItem);
    connect(m_itemPage, &ItemPage::itemRequested, this, &ItemsPage::showObject);
    connect(m_itemPage, &ItemPage::segmentRequested, this,
        [this](const QString &key) { Q_EMIT objectRequested(Workspace::Segments, key); });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &ItemsPage::closeItem);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(12);
    bar->addWidget(m_search, 1);
    bar->addStretch(0);
    bar->addWidget(m_summary);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addLayout(bar);
    layout->addWidget(m_filters);
    layout->addWidget(m_splitter, 1);

    connect(session, &CatalogSession::catalogChanged, this, &ItemsPage::refresh);
    loader->requestChoices();
    updateSummary();
}

ItemsPage::~ItemsPage() = default;

bool ItemsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::Resize)
        fitColumns();
    return WorkspacePage::eventFilter(watched, event);
}

void ItemsPage::fitColumns()
{
    QHeaderView *header = m_table->horizontalHeader();
    // A column the catalog has nothing for (no categories, no brands: a plain CSV import) is left out.
    QList<bool> hidden(ItemTableModel::ColumnCount, false);
    hidden[ItemTableModel::CategoryColumn] = m_choicesKnown && m_filters->categoryPaths().isEmpty();
    hidden[ItemTableModel::BrandColumn] = m_choicesKnown && !m_filters->hasBrands();

    // Then the title keeps room to be read: the least telling columns give way first.
    const int titleRoom = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 28;
    const auto others = [this, &hidden] {
        int width = 0;
        for (int column = 0; column < ItemTableModel::ColumnCount; ++column) {
            if (column != ItemTableModel::TitleColumn && !hidden.at(column))
                width += m_columnWidths.at(column);
        }
        return width;
    };
    const int available = m_table->viewport()->width();
    for (const int column : {ItemTableModel::KindColumn, ItemTableModel::SalePriceColumn, ItemTableModel::BrandColumn,
             ItemTableModel::StockColumn, ItemTableModel::CategoryColumn}) {
        if (available - others() >= titleRoom)
            break;
        hidden[column] = true;
    }
    for (int column = 0; column < ItemTableModel::ColumnCount; ++column)
        header->setSectionHidden(column, hidden.at(column));
}

ItemFilter ItemsPage::currentFilter() const
{
    ItemFilter filter = m_filters->filter();
    filter.text = m_search->text().trimmed();
    return filter;
}

bool ItemsPage::showObject(const QString &sku)
{
    if (const EngineSessionPtr engine = session()->engine(); engine && engine->snapshot()->itemIndexBySku(sku) < 0)
        return false;
    m_pendingSku = sku;
    m_pendingCleared = false;
    openItem(sku);
    m_model->loader()->requestPosition(m_model->token(), sku);
    return true;
}

void ItemsPage::refresh()
{
    m_model->refresh();
    m_model->loader()->requestChoices();
    if (!m_detailsSku.isEmpty())
        m_model->loader()->requestDetails(++m_detailsTicket, m_detailsSku);
}

void ItemsPage::applyFilter()
{
    m_searchDelay->stop();
    const ItemFilter filter = currentFilter();
    if (filter == m_model->filter())
        return;
    m_pendingRow = -1;
    m_model->setFilter(filter);
    m_table->scrollToTop();
}

void ItemsPage::clearSearchAndFilters()
{
    {
        const QSignalBlocker blocker(m_search);
        m_search->clear();
    }
    m_filters->setFilter(ItemFilter());
    applyFilter();
}

void ItemsPage::updateSummary()
{
    const bool filtered = !m_model->filter().isEmpty();
    if (!m_model->errorString().isEmpty()) {
        m_summary->setText(tr("Cannot read the items: %1").arg(m_model->errorString()));
    } else if (m_model->isCounting()) {
        m_summary->setText(tr("Counting…"));
    } else {
        // Spelled out rather than "%n item(s)": there is no English plural translation to resolve it.
        const qint64 count = m_model->matchingCount();
        const QString number = QLocale().toString(count);
        if (!filtered)
            m_summary->setText(count == 1 ? tr("1 item") : tr("%1 items").arg(number));
        else if (count == 0)
            m_summary->setText(tr("No items match"));
        else
            m_summary->setText(count == 1 ? tr("1 item matches") : tr("%1 items match").arg(number));
    }

    const bool empty = !m_model->isCounting() && m_model->errorString().isEmpty() && m_model->matchingCount() == 0;
    if (empty) {
        m_emptyState->setText(filtered
                ? tr("No items match the search and filters.<br><a href=\"clear\">Clear the search and filters</a>")
                : tr("This catalog has no items yet.<br>Import items from a CSV or JSON file (File ▸ Import), "
                     "or create a demo catalog to explore the studio."));
    }
    m_listStack->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyState) : m_table);
}

void ItemsPage::openRow(int row)
{
    if (const ItemRow *item = m_model->rowAt(row)) {
        m_pendingRow = -1;
        openItem(item->sku);
    } else {
        m_pendingRow = row; // opened when its block arrives
    }
}

void ItemsPage::onRowsLoaded(int first, int last)
{
    if (m_pendingRow >= first && m_pendingRow <= last)
        openRow(m_pendingRow);
}

void ItemsPage::openItem(const QString &sku)
{
    if (m_itemPage->isHidden()) {
        m_itemPage->show();
        const int width = m_splitter->width();
        m_splitter->setSizes({width * 3 / 5, width - width * 3 / 5});
    }
    if (sku == m_detailsSku && m_itemPage->sku() == sku)
        return;
    m_itemPage->showItem(sku);
    m_detailsSku = sku;
    m_model->loader()->requestDetails(++m_detailsTicket, sku);
}

void ItemsPage::closeItem()
{
    m_openDelay->stop();
    m_itemPage->clear();
    m_itemPage->hide();
    m_detailsSku.clear();
    m_pendingRow = -1;
    m_table->selectionModel()->clear();
}

void ItemsPage::onDetailsReady(quint64 ticket, const std::optional<ItemDetails> &details, const QString &error)
{
    if (ticket == m_detailsTicket)
        m_itemPage->setDetails(m_detailsSku, details, error);
}

void ItemsPage::onPositionReady(quint64 token, const QString &sku, qint64 position)
{
    if (sku != m_pendingSku || token != m_model->token())
        return;
    if (position < 0) {
        if (!m_pendingCleared && !m_model->filter().isEmpty()) {
            // The search or a filter hides the item: show everything, then look again.
            m_pendingCleared = true;
            clearSearchAndFilters();
            m_model->loader()->requestPosition(m_model->token(), sku);
            return;
        }
        m_pendingSku.clear();
        Q_EMIT statusMessage(tr("No item with the SKU %1").arg(sku));
        return;
    }
    m_pendingSku.clear();
    if (position >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(int(position), ItemTableModel::TitleColumn);
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

} // namespace Vitrine
