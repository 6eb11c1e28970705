// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/itemquery.h"

#include <QObject>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace Vitrine {

class Database;

/**
 * Reads the Items workspace's rows off the UI thread, on one read-only connection of its own
 * that lives on one worker thread (a SQLite connection is not shared between threads).
 *
 * Every listing question carries the token setQuery() handed out: when the filter or the order
 * changes, the questions of the old listing still queued are dropped, and answers that were on
 * their way are recognised as late by their token. Blocks are read newest request first, so
 * dragging the scroll bar to the end reads the end first, and at most MaxQueuedBlocks wait:
 * blocks scrolled past are dropped (blockDropped()) and asked again if the view comes back.
 *
 * Answers arrive as signals on the thread the loader lives in.
 */
class ItemBlockLoader : public QObject
{
    Q_OBJECT

public:
    /** Opens the worker's connection (CatalogSession::openReader()); nullptr and why. */
    using Opener = std::function<std::unique_ptr<Database>(QString *error)>;

    static constexpr int MaxQueuedBlocks = 6;

    explicit ItemBlockLoader(Opener opener, QObject *parent = nullptr);
    ~ItemBlockLoader() override;

    /** Starts a new listing and counts it (countReady()); earlier listings' requests are dropped. */
    quint64 setQuery(const ItemFilter &filter, const ItemSort &sort);
    quint64 token() const;

    /** Reads @p size rows of the current listing from row block × size (blockReady()). */
    void requestBlock(quint64 token, int block, int size);
    /** Finds where the item with @p sku is in the current listing (positionReady(), -1: not in it). */
    void requestPosition(quint64 token, const QString &sku);
    /** Reads one item's fields; @p ticket comes back with them (detailsReady()). */
    void requestDetails(quint64 ticket, const QString &sku);
    /** Reads the category paths and brands the filter bar offers (choicesReady()). */
    void requestChoices();

Q_SIGNALS:
    void countReady(quint64 token, qint64 count);
    void blockReady(quint64 token, int block, const QList<Vitrine::ItemRow> &rows);
    /** The block was not read, because newer requests pushed it out of the queue. */
    void blockDropped(quint64 token, int block);
    void positionReady(quint64 token, const QString &sku, qint64 position);
    /** No details and an empty message: there is no such item. */
    void detailsReady(quint64 ticket, const std::optional<Vitrine::ItemDetails> &details, const QString &error);
    void choicesReady(const QStringList &categoryPaths, const QStringList &brands);
    /** A listing question failed (the token's listing cannot be shown). */
    void failed(quint64 token, const QString &message);

private:
    struct Task
    {
        quint64 token = 0; ///< 0: not tied to a listing (details, choices)
        int block = -1;    ///< a block read, else -1
        std::function<void(const ItemQuery &query)> run;
        /** When the connection cannot be opened; none: failed(token, why). */
        std::function<void(const QString &error)> fail;
    };

    void enqueue(Task task, bool isBlock);
    void work();
    /** Runs @p function on the loader's thread, unless the loader was destroyed by then. */
    void post(std::function<void()> function);

    Opener m_opener;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    quint64 m_token = 0;
    ItemFilter m_filter;
    ItemSort m_sort;
    std::deque<Task> m_tasks;  ///< first in, first out
    std::deque<Task> m_blocks; ///< newest first
};

} // namespace Vitrine
