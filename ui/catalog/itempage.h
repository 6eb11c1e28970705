// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/itemquery.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QFormLayout;
class QLabel;
class QStackedWidget;
class QToolButton;
class QTreeWidget;

namespace Vitrine {

class CatalogSession;
class ItemActivityChart;
class Job;

/**
 * One item, beside the Items table: its stored fields and attributes; its views, carts and
 * purchases per week; the items bought with it and the items like it, as the engine ranks them
 * (with their scores); and the segments whose members interacted with it more than everyone
 * did (lift).
 *
 * The fields come from the page's reader (setDetails()); everything else is computed from the
 * session's engine off the UI thread, and again when the engine changes. Answers for an item
 * that is no longer shown are dropped.
 */
class ItemPage : public QWidget
{
    Q_OBJECT

public:
    explicit ItemPage(CatalogSession *session, QWidget *parent = nullptr);
    ~ItemPage() override;

    /** The item shown; empty when none. */
    QString sku() const { return m_sku; }
    /** Shows the item with @p sku: asks the engine about it; its fields come with setDetails(). */
    void showItem(const QString &sku);
    /** The item's stored fields; none and an empty error: the catalog has no such item. */
    void setDetails(const QString &sku, const std::optional<ItemDetails> &details, const QString &error);
    /** Shows nothing but how to pick an item. */
    void clear();

    /** Whether the engine's answers about the item are still being computed. */
    bool isComputing() const;

Q_SIGNALS:
    /** The user opened another item from "bought with it" or "similar items". */
    void itemRequested(const QString &sku);
    /** The user opened a segment from the over-indexing list. */
    void segmentRequested(const QString &key);
    void closeRequested();

private:
    void startInsights();
    void showEngineState();
    void setSectionMessage(QWidget *body, QLabel *message, const QString &text);
    void showFields(const ItemDetails &details);

    CatalogSession *m_session;
    QString m_sku;
    int m_generation = 0;
    QPointer<Job> m_insightsJob;
    QPointer<Job> m_liftJob;

    QStackedWidget *m_stack;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_price;
    QToolButton *m_close;
    QFormLayout *m_fields;
    QFormLayout *m_attributes;
    QLabel *m_attributesEmpty;
    QLabel *m_activitySummary;
    ItemActivityChart *m_chart;
    QTreeWidget *m_boughtWith;
    QLabel *m_boughtWithMessage;
    QTreeWidget *m_similar;
    QLabel *m_similarMessage;
    QTreeWidget *m_segments;
    QLabel *m_segmentsMessage;
};

} // namespace Vitrine
