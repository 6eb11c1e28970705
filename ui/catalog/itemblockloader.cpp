// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemblockloader.h"

#include "storage/database.h"

#include <QMetaObject>

namespace Vitrine {

ItemBlockLoader::ItemBlockLoader(Opener opener, QObject *parent)
    : QObject(parent)
    , m_opener(std::move(opener))
{
    m_thread = std::thread([this] { work(); });
}

ItemBlockLoader::~ItemBlockLoader()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_tasks.clear();
        m_blocks.clear();
    }
    m_wake.notify_all();
    // A block being read finishes first (milliseconds); answers it posts die with this object.
    m_thread.join();
}

quint64 ItemBlockLoader::setQuery(const ItemFilter &filter, const ItemSort &sort)
{
    quint64 token = 0;
    {
        const std::lock_guard lock(m_mutex);
        token = ++m_token;
        m_filter = filter;
        m_sort = sort;
        // What the old listing still wanted is of no use now.
        std::erase_if(m_tasks, [](const Task &task) { return task.token != 0; });
        m_blocks.clear();
    }
    Task task;
    task.token = token;
    task.run = [this, token, filter](const ItemQuery &query) {
        QString error;
        const std::optional<qint64> count = query.count(filter, &error);
        post([this, token, count, error] {
            if (count)
                Q_EMIT countReady(token, *count);
            else
                Q_EMIT failed(token, error);
        });
    };
    enqueue(std::move(task), false);
    return token;
}

quint64 ItemBlockLoader::token() const
{
    const std::lock_guard lock(m_mutex);
    return m_token;
}

void ItemBlockLoader::requestBlock(quint64 token, int block, int size)
{
    ItemFilter filter;
    ItemSort sort;
    {
        const std::lock_guard lock(m_mutex);
        if (token != m_token)
            return;
        filter = m_filter;
        sort = m_sort;
    }
    Task task;
    task.token = token;
    task.block = block;
    task.run = [this, token, block, size, filter, sort](const ItemQuery &query) {
        QString error;
        std::optional<QList<ItemRow>> rows = query.rows(filter, sort, qint64(block) * size, size, &error);
        post([this, token, block, rows = std::move(rows), error] {
            if (rows)
                Q_EMIT blockReady(token, block, *rows);
            else
                Q_EMIT failed(token, error);
        });
    };
    enqueue(std::move(task), true);
}

void ItemBlockLoader::requestPosition(quint64 token, const QString &sku)
{
    ItemFilter filter;
    ItemSort sort;
    {
        const std::lock_guard lock(m_mutex);
        if (token != m_token)
            return;
        filter = m_filter;
        sort = m_sort;
    }
    Task task;
    task.token = token;
    task.run = [this, token, sku, filter, sort](const ItemQuery &query) {
        QString error;
        const std::optional<qint64> position = query.position(filter, sort, sku, &error);
        post([this, token, sku, position, error] {
            if (position)
                Q_EMIT positionReady(token, sku, *position);
            else
                Q_EMIT failed(token, error);
        });
    };
    enqueue(std::move(task), false);
}

void ItemBlockLoader::requestDetails(quint64 ticket, const QString &sku)
{
    Task task;
    task.run = [this, ticket, sku](const ItemQuery &query) {
        QString error;
        std::optional<ItemDetails> details = query.details(sku, &error);
        post([this, ticket, details = std::move(details), error] { Q_EMIT detailsReady(ticket, details, error); });
    };
    task.fail = [this, ticket](const QString &error) {
        post([this, ticket, error] { Q_EMIT detailsReady(ticket, std::nullopt, error); });
    };
    enqueue(std::move(task), false);
}

void ItemBlockLoader::requestChoices()
{
    Task task;
    task.run = [this](const ItemQuery &query) {
        // A failure leaves the pickers with "All" only; the listing reports the catalog's errors.
        QStringList categories = query.categoryPaths().value_or(QStringList());
        QStringList brands = query.brands().value_or(QStringList());
        post([this, categories = std::move(categories), brands = std::move(brands)] {
            Q_EMIT choicesReady(categories, brands);
        });
    };
    enqueue(std::move(task), false);
}

void ItemBlockLoader::enqueue(Task task, bool isBlock)
{
    std::optional<Task> dropped;
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        if (isBlock) {
            m_blocks.push_front(std::move(task));
            if (m_blocks.size() > size_t(MaxQueuedBlocks)) {
                dropped = std::move(m_blocks.back());
                m_blocks.pop_back();
            }
        } else {
            m_tasks.push_back(std::move(task));
        }
    }
    m_wake.notify_one();
    if (dropped)
        Q_EMIT blockDropped(dropped->token, dropped->block);
}

void ItemBlockLoader::post(std::function<void()> function)
{
    QMetaObject::invokeMethod(this, std::move(function), Qt::QueuedConnection);
}

void ItemBlockLoader::work()
{
    std::unique_ptr<Database> db;
    QString openError;
    for (;;) {
        Task task;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_tasks.empty() || !m_blocks.empty(); });
            if (m_stopping)
                return;
            std::deque<Task> &queue = m_tasks.empty() ? m_blocks : m_tasks;
            task = std::move(queue.front());
            queue.pop_front();
            if (task.token != 0 && task.token != m_token)
                continue; // a late question of a listing that was replaced
        }
        if (!db && openError.isEmpty()) {
            db = m_opener(&openError);
            if (!db && openError.isEmpty())
                openError = tr("the catalog cannot be opened for reading");
        }
        if (!db) {
            if (task.fail) {
                task.fail(openError);
            } else if (task.token != 0) {
                const quint64 token = task.token;
                post([this, token, openError] { Q_EMIT failed(token, openError); });
            }
            continue;
        }
        task.run(ItemQuery(*db));
    }
}

} // namespace Vitrine
