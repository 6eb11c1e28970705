// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/eventtype.h"

#include <QHash>
#include <QWidget>

#include <array>

class QGridLayout;
class QHBoxLayout;
class QGroupBox;
class QLabel;
class QStackedWidget;

namespace Vitrine {

struct CatalogStats;

/**
 * The Overview workspace: what the open catalog holds, as the figures of CatalogStats.
 *
 * Each figure's value is a QLabel named after it ("itemsValue", "purchaseEventsValue", ...),
 * which is how tests and accessibility tools find them. Without a catalog it says how to get one.
 */
class CatalogOverview : public QWidget
{
    Q_OBJECT

public:
    explicit CatalogOverview(QWidget *parent = nullptr);
    ~CatalogOverview() override;

    void showCatalog(const QString &path, const CatalogStats &stats);
    void showNoCatalog();
    /** The catalog is open and its figures are being counted (seconds on a big catalog). */
    void showLoading(const QString &path);

Q_SIGNALS:
    /** The user asked to open a catalog from the empty page. */
    void openCatalogRequested();

private:
    struct Figure
    {
        QLabel *value = nullptr;
        QLabel *note = nullptr;
    };

    QWidget *createEmptyState();
    QWidget *createFigures();
    Figure addFigure(QGridLayout *grid, const QString &label, const QString &objectName);
    Figure addTile(QHBoxLayout *row, const QString &caption, const QString &objectName);

    QStackedWidget *m_stack;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;

    /** The headline figures above the details; value and a one-line summary each. */
    Figure m_itemsTile, m_usersTile, m_eventsTile, m_purchasesTile;

    Figure m_items, m_products, m_contentItems, m_onSale, m_outOfStock, m_categories, m_brands;
    Figure m_users, m_usersWithConsent;
    Figure m_events, m_firstEvent, m_lastEvent;
    std::array<Figure, EventTypeCount> m_eventsByType;
    QHash<QString, Figure> m_configCounts; ///< by configuration table name
    Figure m_schemaVersion;
};

} // namespace Vitrine
