// SPDX-License-Identifier: GPL-3.0-or-later
#include "persontablemodel.h"

#include "session/catalogsession.h"
#include "session/jobrunner.h"
#include "storage/database.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace Vitrine {

namespace {

/** Blocks waiting to be read at most; older requests are dropped (the view asks again if needed). */
constexpr int MaxQueued = 12;

struct CountResult
{
    std::optional<qint64> count;
    std::optional<QList<PersonRow>> firstBlock;
    QString error;
};

struct BlockResult
{
    std::optional<QList<PersonRow>> rows;
    QString error;
};

struct PositionResult
{
    std::optional<qint64> row;
    QString error;
};

} // namespace

PersonTableModel::PersonTableModel(CatalogSession *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{ }

PersonTableModel::~PersonTableModel() = default;

void PersonTableModel::setFilter(const PersonFilter &filter)
{
    m_filter = filter;
    refresh();
}

void PersonTableModel::sort(int column, Qt::SortOrder order)
{
    static constexpr PersonOrder::Key Keys[ColumnCount] = {PersonOrder::Key::ExternalId,
        PersonOrder::Key::Name, PersonOrder::Key::Email, PersonOrder::Key::Gender, PersonOrder::Key::Age,
        PersonOrder::Key::Country, PersonOrder::Key::City, PersonOrder::Key::EmailConsent};
    PersonOrder wanted;
    if (column >= 0 && column < ColumnCount) {
        wanted.key = Keys[column];
        wanted.descending = order == Qt::DescendingOrder;
    }
    if (wanted == m_filter.order)
        return;
    m_filter.order = wanted;
    refresh();
}

void PersonTableModel::refresh()
{
    const int token = ++m_token;
    beginResetModel();
    m_blocks.clear();
    m_queue.clear();
    m_running.clear();
    m_counted = false;
    m_count = 0;
    m_error.clear();
    endResetModel();

    // The count and the first block in one job: a short list shows at once.
    m_session->jobs()->run(
        tr("Counting people"), this,
        [session = m_session, filter = m_filter](const Progress &) {
            CountResult result;
            std::unique_ptr<Database> reader = session->openReader(&result.error);
            if (!reader)
                return result;
            PersonQuery query(*reader);
            result.count = query.count(filter, &result.error);
            if (result.count && *result.count > 0)
                result.firstBlock = query.rows(filter, 0, BlockSize, std::nullopt, &result.error);
            return result;
        },
        [this, token](CountResult result) {
            if (token != m_token)
                return; // a newer filter is being counted
            if (!result.count) {
                m_counted = true;
                m_error = result.error;
                Q_EMIT errorOccurred(m_error);
                Q_EMIT matchingCountChanged(0);
                return;
            }
            beginResetModel();
            m_counted = true;
            m_count = *result.count;
            if (result.firstBlock)
                m_blocks.insert(0, *result.firstBlock);
            endResetModel();
            Q_EMIT matchingCountChanged(m_count);
            if (result.firstBlock && !result.firstBlock->isEmpty())
                Q_EMIT rowsLoaded(0, int(result.firstBlock->size()) - 1);
        });
}

bool PersonTableModel::isLoaded(int row) const
{
    const auto it = m_blocks.constFind(row / BlockSize);
    return it != m_blocks.constEnd() && row % BlockSize < it->size();
}

int PersonTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(std::min<qint64>(m_count, std::numeric_limits<int>::max()));
}

int PersonTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PersonTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int block = index.row() / BlockSize;
    const auto it = m_blocks.constFind(block);
    const int offset = index.row() % BlockSize;
    if (it == m_blocks.constEnd() || offset >= it->size()) {
        if (it == m_blocks.constEnd() && (role == Qt::DisplayRole || role == LoadedRole))
            requestBlock(block);
        switch (role) {
        case Qt::DisplayRole:
            return index.column() == ExternalIdColumn ? tr("Loading…") : QVariant();
        case Qt::ForegroundRole:
            return QBrush(QPalette().color(QPalette::PlaceholderText));
        case LoadedRole:
            return false;
        default:
            return {};
        }
    }

    const PersonRow &row = it->at(offset);
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ConsentColumn)
            return row.emailConsent ? tr("Agreed to receive e-mail") : tr("No consent to e-mail");
        if (index.column() == NameColumn || index.column() == EmailColumn)
            return displayValue(row, index.column());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == AgeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case PersonIdRole:
        return row.id;
    case ExternalIdRole:
        return row.externalId;
    case LoadedRole:
        return true;
    default:
        return {};
    }
}

QVariant PersonTableModel::displayValue(const PersonRow &row, int column) const
{
    switch (column) {
    case ExternalIdColumn:
        return row.externalId;
    case NameColumn:
        return row.name;
    case EmailColumn:
        return row.email;
    case GenderColumn:
        if (row.gender == QLatin1StringView("f"))
            return tr("Female");
        if (row.gender == QLatin1StringView("m"))
            return tr("Male");
        if (row.gender == QLatin1StringView("x"))
            return tr("Other");
        return QString();
    case AgeColumn:
        if (row.birthYear <= 0 || m_filter.referenceYear <= 0)
            return QString();
        return QLocale().toString(m_filter.referenceYear - row.birthYear);
    case CountryColumn:
        return row.country;
    case CityColumn:
        return row.city;
    case ConsentColumn:
        return row.emailConsent ? tr("Yes") : tr("No");
    default:
        return {};
    }
}

QVariant PersonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return int((section == AgeColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && section == AgeColumn)
        return tr("Age in the year of the studio's time");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ExternalIdColumn:
        return tr("External id");
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("E-mail");
    case GenderColumn:
        return tr("Gender");
    case AgeColumn:
        return tr("Age");
    case CountryColumn:
        return tr("Country");
    case CityColumn:
        return tr("City");
    case ConsentColumn:
        return tr("E-mail consent");
    default:
        return {};
    }
}

void PersonTableModel::locate(const QString &externalId)
{
    const int token = m_token;
    m_session->jobs()->run(
        tr("Finding a person in the list"), this,
        [session = m_session, filter = m_filter, externalId](const Progress &) {
            PositionResult result;
            if (std::unique_ptr<Database> reader = session->openReader(&result.error))
                result.row = PersonQuery(*reader).position(filter, externalId, &result.error);
            return result;
        },
        [this, token, externalId](PositionResult result) {
            if (token != m_token)
                return; // the list changed since: the row would be wrong
            Q_EMIT located(externalId, result.row.value_or(-1));
        });
}

void PersonTableModel::requestBlock(int block) const
{
    // After a failed read, asking again at every paint would fail again: refresh() retries.
    if (m_running.contains(block) || !m_error.isEmpty())
        return;
    // The newest request goes last, so it is read first: what the view shows now.
    m_queue.removeAll(block);
    m_queue.append(block);
    while (m_queue.size() > MaxQueued)
        m_queue.removeFirst();
    if (!m_startScheduled) {
        m_startScheduled = true;
        // Not from inside data(): the view is painting.
        QMetaObject::invokeMethod(
            const_cast<PersonTableModel *>(this), &PersonTableModel::startQueued, Qt::QueuedConnection);
    }
}

void PersonTableModel::startQueued()
{
    m_startScheduled = false;
    while (m_running.size() < MaxRunning && !m_queue.isEmpty()) {
        const int block = m_queue.takeLast();
        if (m_blocks.contains(block) || qint64(block) * BlockSize >= m_count)
            continue;
        // A block right after one already read starts from its last row: no offset to skip.
        std::optional<PersonRow> after;
        const auto previous = m_blocks.constFind(block - 1);
        if (previous != m_blocks.constEnd() && previous->size() == BlockSize)
            after = previous->last();
        m_running.insert(block);
        const int token = m_token;
        m_session->jobs()->run(
            tr("Reading people"), this,
            [session = m_session, filter = m_filter, block, after](const Progress &) {
                BlockResult result;
                std::unique_ptr<Database> reader = session->openReader(&result.error);
                if (reader) {
                    result.rows = PersonQuery(*reader).rows(
                        filter, qint64(block) * BlockSize, BlockSize, after, &result.error);
                }
                return result;
            },
            [this, token, block](
                BlockResult result) { blockArrived(token, block, result.rows, result.error); });
    }
}

void PersonTableModel::blockArrived(
    int token, int block, const std::optional<QList<PersonRow>> &rows, const QString &error)
{
    if (token != m_token)
        return; // a block of an older filter
    m_running.remove(block);
    if (!rows) {
        m_error = error;
        Q_EMIT errorOccurred(error);
    } else {
        evictFarBlocks(block);
        m_blocks.insert(block, *rows);
        const int first = block * BlockSize;
        const int last = std::min(first + BlockSize, rowCount()) - 1;
        if (last >= first) {
            Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
            if (!rows->isEmpty())
                Q_EMIT rowsLoaded(first, first + int(rows->size()) - 1);
        }
    }
    startQueued();
}

void PersonTableModel::evictFarBlocks(int around)
{
    while (m_blocks.size() >= MaxBlocks) {
        int farthest = -1;
        for (auto it = m_blocks.constBegin(); it != m_blocks.constEnd(); ++it) {
            if (farthest < 0 || std::abs(it.key() - around) > std::abs(farthest - around))
                farthest = it.key();
        }
        m_blocks.remove(farthest);
    }
}

} // namespace Vitrine
