// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemspage.h"

#include "itemtablemodel.h"
#include "session/catalogsession.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <QVBoxLayout>

namespace Vitrine {

namespace {

/** Long enough to not query on every key stroke of a word, short enough to feel immediate. */
constexpr int SearchDelayMs = 200;

} // namespace

ItemsPage::ItemsPage(CatalogSession *session, QWidget *parent)
    : WorkspacePage(Workspace::Items, session, parent)
    , m_model(new ItemTableModel(this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_searchDelay(new QTimer(this))
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
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);

    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ItemTableModel::TitleColumn, QHeaderView::Stretch);
    const int digitWidth = m_table->fontMetrics().horizontalAdvance(QStringLiteral("0"));
    header->resizeSection(ItemTableModel::SkuColumn, digitWidth * 11);
    header->resizeSection(ItemTableModel::KindColumn, digitWidth * 9);
    header->resizeSection(ItemTableModel::CategoryColumn, digitWidth * 26);
    header->resizeSection(ItemTableModel::BrandColumn, digitWidth * 14);
    header->resizeSection(ItemTableModel::PriceColumn, digitWidth * 10);
    header->resizeSection(ItemTableModel::SalePriceColumn, digitWidth * 10);
    header->resizeSection(ItemTableModel::StockColumn, digitWidth * 8);
    header->setSortIndicator(ItemTableModel::TitleColumn, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(SearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &ItemsPage::applySearch);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    // Enter searches at once, without waiting for the delay.
    connect(m_search, &QLineEdit::returnPressed, this, &ItemsPage::applySearch);
    connect(m_model, &ItemTableModel::matchingCountChanged, this, &ItemsPage::updateSummary);
    connect(m_model, &ItemTableModel::errorOccurred, this, &ItemsPage::updateSummary);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(12);
    bar->addWidget(m_search, 1);
    bar->addStretch(0);
    bar->addWidget(m_summary);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    setDatabase(&session->database());
    connect(session, &CatalogSession::catalogChanged, this, &ItemsPage::refresh);
}

ItemsPage::~ItemsPage()
{
    m_model->setDatabase(nullptr);
}

bool ItemsPage::showObject(const QString &sku)
{
    m_search->setText(sku);
    applySearch();
    if (m_model->rowCount() == 0)
        return false;
    m_table->selectRow(0);
    return true;
}

void ItemsPage::setDatabase(const Database *database)
{
    m_searchDelay->stop();
    {
        // Clearing the box must not schedule a second reload of the new catalog.
        const QSignalBlocker blocker(m_search);
        m_search->clear();
    }
    // Detach first, so dropping the filter does not query the catalog being replaced.
    m_model->setDatabase(nullptr);
    m_model->setFilterText(QString());
    m_model->setDatabase(database);
    m_table->scrollToTop();
}

void ItemsPage::refresh()
{
    const int top = m_table->rowAt(0);
    m_model->refresh();
    if (top <= 0)
        return;
    // Rows come a page at a time; fetch as far as the view was.
    while (m_model->rowCount() <= top && m_model->canFetchMore({}))
        m_model->fetchMore({});
    const int row = std::min(top, m_model->rowCount() - 1);
    if (row > 0)
        m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtTop);
}

void ItemsPage::applySearch()
{
    m_searchDelay->stop();
    m_model->setFilterText(m_search->text());
}

void ItemsPage::updateSummary()
{
    if (!m_model->errorString().isEmpty()) {
        m_summary->setText(tr("Cannot read the items: %1").arg(m_model->errorString()));
        return;
    }
    if (!m_model->database()) {
        m_summary->clear();
        return;
    }
    // Spelled out rather than "%n item(s)": there is no English plural translation to resolve it.
    const qint64 count = m_model->matchingCount();
    const QString number = QLocale().toString(count);
    if (m_model->filterText().isEmpty())
        m_summary->setText(count == 1 ? tr("1 item") : tr("%1 items").arg(number));
    else
        m_summary->setText(count == 1 ? tr("1 item matches") : tr("%1 items match").arg(number));
}

} // namespace Vitrine
