// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogoverview.h"

#include "catalog/catalogstats.h"
#include "storage/schema.h"
#include "storage/timestamp.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Vitrine {

namespace {

QString eventTypeLabel(EventType type)
{
    switch (type) {
    case EventType::View:
        return CatalogOverview::tr("Views");
    case EventType::Click:
        return CatalogOverview::tr("Clicks");
    case EventType::Cart:
        return CatalogOverview::tr("Added to cart");
    case EventType::Purchase:
        return CatalogOverview::tr("Purchases");
    case EventType::Read:
        return CatalogOverview::tr("Reads");
    case EventType::Rating:
        return CatalogOverview::tr("Ratings");
    }
    return {};
}

QString configTableLabel(const QString &table)
{
    if (table == QLatin1StringView("segments"))
        return CatalogOverview::tr("Segments");
    if (table == QLatin1StringView("slots"))
        return CatalogOverview::tr("Slots");
    if (table == QLatin1StringView("layouts"))
        return CatalogOverview::tr("Layouts");
    if (table == QLatin1StringView("banners"))
        return CatalogOverview::tr("Banners");
    if (table == QLatin1StringView("campaigns"))
        return CatalogOverview::tr("Campaigns");
    return table;
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

/** "12.5 % of items"; empty when there is nothing to take a share of. */
QString share(qint64 part, qint64 whole, const QString &ofWhat)
{
    if (whole <= 0)
        return {};
    const double percent = 100.0 * double(part) / double(whole);
    return CatalogOverview::tr("%1 % of %2").arg(QLocale().toString(percent, 'f', 1), ofWhat);
}

QString dateTime(qint64 unixSeconds)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(unixSeconds), QLocale::ShortFormat);
}

/** "364 days of history"; empty without events. */
QString eventSpan(const CatalogStats &stats)
{
    if (!stats.firstEvent || !stats.lastEvent)
        return {};
    const qint64 days = (*stats.lastEvent - *stats.firstEvent) / 86400;
    return days == 1 ? CatalogOverview::tr("1 day of history")
                     : CatalogOverview::tr("%1 days of history").arg(QLocale().toString(days));
}

QGroupBox *createGroup(const QString &title, QGridLayout **grid, QWidget *parent)
{
    auto *group = new QGroupBox(title, parent);
    *grid = new QGridLayout(group);
    (*grid)->setHorizontalSpacing(18);
    (*grid)->setVerticalSpacing(6);
    (*grid)->setContentsMargins(14, 12, 14, 12);
    (*grid)->setColumnStretch(0, 1);
    (*grid)->setColumnMinimumWidth(2, 110);
    return group;
}

} // namespace

CatalogOverview::CatalogOverview(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("overviewPage"));
    m_stack->addWidget(createEmptyState());
    m_stack->addWidget(createFigures());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

CatalogOverview::~CatalogOverview() = default;

QWidget *CatalogOverview::createEmptyState()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("overviewEmptyState"));

    auto *title = new QLabel(tr("No catalog open"), page);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    auto *hint = new QLabel(tr("Open a Vitrine catalog (.vitrine) to see what it holds.\n"
                               "To try the studio, create a demo catalog with: vitrine-cli demo"),
        page);
    hint->setAlignment(Qt::AlignCenter);
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *open = new QPushButton(tr("Open Catalog…"), page);
    open->setObjectName(QStringLiteral("openCatalogButton"));
    connect(open, &QPushButton::clicked, this, &CatalogOverview::openCatalogRequested);

    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    layout->addWidget(title);
    layout->addSpacing(6);
    layout->addWidget(hint);
    layout->addSpacing(12);
    layout->addWidget(open, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    return page;
}

QWidget *CatalogOverview::createFigures()
{
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("overviewFigures"));

    m_title = new QLabel(content);
    m_title->setObjectName(QStringLiteral("catalogName"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_subtitle = new QLabel(content);
    m_subtitle->setObjectName(QStringLiteral("catalogDetails"));
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);

    QGridLayout *grid = nullptr;
    QGroupBox *catalog = createGroup(tr("Catalog"), &grid, content);
    m_items = addFigure(grid, tr("Items"), QStringLiteral("items"));
    m_products = addFigure(grid, tr("Products"), QStringLiteral("products"));
    m_contentItems = addFigure(grid, tr("Content items"), QStringLiteral("contentItems"));
    m_onSale = addFigure(grid, tr("On sale"), QStringLiteral("onSale"));
    m_outOfStock = addFigure(grid, tr("Out of stock"), QStringLiteral("outOfStock"));
    m_categories = addFigure(grid, tr("Categories"), QStringLiteral("categories"));
    m_brands = addFigure(grid, tr("Brands"), QStringLiteral("brands"));

    QGroupBox *people = createGroup(tr("People"), &grid, content);
    m_users = addFigure(grid, tr("People"), QStringLiteral("users"));
    m_usersWithConsent = addFigure(grid, tr("With e-mail consent"), QStringLiteral("usersWithConsent"));

    QGroupBox *events = createGroup(tr("Events"), &grid, content);
    m_events = addFigure(grid, tr("All events"), QStringLiteral("events"));
    for (int i = 0; i < EventTypeCount; ++i) {
        const auto type = EventType(i);
        m_eventsByType[size_t(i)]
            = addFigure(grid, eventTypeLabel(type), eventTypeName(type) + QStringLiteral("Events"));
    }
    m_firstEvent = addFigure(grid, tr("First event"), QStringLiteral("firstEvent"));
    m_lastEvent = addFigure(grid, tr("Last event"), QStringLiteral("lastEvent"));

    QGroupBox *studio = createGroup(tr("Studio configuration"), &grid, content);
    for (const QString &table : Schema::configTables())
        m_configCounts.insert(table, addFigure(grid, configTableLabel(table), table));
    m_schemaVersion = addFigure(grid, tr("Catalog schema version"), QStringLiteral("schemaVersion"));

    auto *left = new QVBoxLayout;
    left->setSpacing(16);
    left->addWidget(catalog);
    left->addWidget(studio);
    left->addStretch(1);

    auto *right = new QVBoxLayout;
    right->setSpacing(16);
    right->addWidget(people);
    right->addWidget(events);
    right->addStretch(1);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(16);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    auto *tiles = new QHBoxLayout;
    tiles->setSpacing(16);
    m_itemsTile = addTile(tiles, tr("Items"), QStringLiteral("itemsTile"));
    m_usersTile = addTile(tiles, tr("People"), QStringLiteral("usersTile"));
    m_eventsTile = addTile(tiles, tr("Events"), QStringLiteral("eventsTile"));
    m_purchasesTile = addTile(tiles, tr("Purchases"), QStringLiteral("purchasesTile"));

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addSpacing(16);
    layout->addLayout(tiles);
    layout->addSpacing(16);
    layout->addLayout(columns, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("overviewScrollArea"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

CatalogOverview::Figure CatalogOverview::addFigure(
    QGridLayout *grid, const QString &label, const QString &objectName)
{
    const int row = grid->rowCount();
    auto *name = new QLabel(label);
    Figure figure;
    figure.value = new QLabel;
    figure.value->setObjectName(objectName + QStringLiteral("Value"));
    figure.value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    figure.value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    name->setBuddy(figure.value);
    figure.note = new QLabel;
    figure.note->setObjectName(objectName + QStringLiteral("Note"));
    figure.note->setForegroundRole(QPalette::PlaceholderText);

    grid->addWidget(name, row, 0);
    grid->addWidget(figure.value, row, 1);
    grid->addWidget(figure.note, row, 2);
    return figure;
}

CatalogOverview::Figure CatalogOverview::addTile(
    QHBoxLayout *row, const QString &caption, const QString &objectName)
{
    auto *tile = new QFrame;
    tile->setObjectName(objectName);
    tile->setFrameShape(QFrame::StyledPanel);
    tile->setBackgroundRole(QPalette::Base);
    tile->setAutoFillBackground(true);

    auto *name = new QLabel(caption, tile);
    Figure figure;
    figure.value = new QLabel(tile);
    figure.value->setObjectName(objectName + QStringLiteral("Value"));
    QFont valueFont = figure.value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.9);
    valueFont.setBold(true);
    figure.value->setFont(valueFont);
    figure.value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    figure.note = new QLabel(tile);
    figure.note->setObjectName(objectName + QStringLiteral("Note"));
    figure.note->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(tile);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(2);
    layout->addWidget(name);
    layout->addWidget(figure.value);
    layout->addWidget(figure.note);
    row->addWidget(tile, 1);
    return figure;
}

void CatalogOverview::showNoCatalog()
{
    m_stack->setCurrentIndex(0);
}

void CatalogOverview::showLoading(const QString &path)
{
    const QFileInfo info(path);
    m_title->setText(info.fileName());
    m_subtitle->setText(tr("%1 · counting the catalog…").arg(QDir::toNativeSeparators(info.absoluteFilePath())));
    m_stack->setCurrentIndex(1);
}

void CatalogOverview::showCatalog(const QString &path, const CatalogStats &stats)
{
    const QFileInfo info(path);
    m_title->setText(info.fileName());
    m_subtitle->setText(tr("%1 · %2").arg(
        QDir::toNativeSeparators(info.absoluteFilePath()), QLocale().formattedDataSize(info.size())));

    const auto set = [](const Figure &figure, const QString &value, const QString &note = QString()) {
        figure.value->setText(value);
        figure.note->setText(note);
    };

    set(m_itemsTile, number(stats.items),
        tr("%1 products · %2 content").arg(number(stats.products), number(stats.contentItems)));
    set(m_usersTile, number(stats.users),
        stats.users > 0 ? tr("%1 with e-mail consent").arg(number(stats.usersWithConsent)) : QString());
    const qint64 purchases = stats.eventsByType[size_t(EventType::Purchase)];
    set(m_eventsTile, number(stats.events), stats.events > 0 ? eventSpan(stats) : tr("No events yet"));
    set(m_purchasesTile, number(purchases),
        stats.users > 0
            ? tr("%1 per person").arg(QLocale().toString(double(purchases) / double(stats.users), 'f', 2))
            : QString());

    set(m_items, number(stats.items));
    set(m_products, number(stats.products));
    set(m_contentItems, number(stats.contentItems));
    set(m_onSale, number(stats.onSale), share(stats.onSale, stats.items, tr("items")));
    set(m_outOfStock, number(stats.outOfStock), share(stats.outOfStock, stats.products, tr("products")));
    set(m_categories, number(stats.categories));
    set(m_brands, number(stats.brands));

    set(m_users, number(stats.users));
    set(m_usersWithConsent, number(stats.usersWithConsent),
        share(stats.usersWithConsent, stats.users, tr("people")));

    set(m_events, number(stats.events));
    for (int i = 0; i < EventTypeCount; ++i) {
        const qint64 count = stats.eventsByType[size_t(i)];
        set(m_eventsByType[size_t(i)], number(count),
            count > 0 ? share(count, stats.events, tr("events")) : QString());
    }
    const QString none = tr("—");
    set(m_firstEvent, stats.firstEvent ? dateTime(*stats.firstEvent) : none);
    set(m_lastEvent, stats.lastEvent ? dateTime(*stats.lastEvent) : none);
    m_firstEvent.value->setToolTip(stats.firstEvent ? Timestamp::toIso(*stats.firstEvent) : QString());
    m_lastEvent.value->setToolTip(stats.lastEvent ? Timestamp::toIso(*stats.lastEvent) : QString());
    m_lastEvent.note->setText(eventSpan(stats));

    for (auto it = m_configCounts.cbegin(); it != m_configCounts.cend(); ++it)
        set(it.value(), number(stats.configCounts.value(it.key()).toInteger()));
    set(m_schemaVersion, QLocale().toString(stats.schemaVersion));

    m_stack->setCurrentIndex(1);
}

} // namespace Vitrine
