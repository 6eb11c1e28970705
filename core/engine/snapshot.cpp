// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot.h"

#include "common/logging.h"
#include "storage/catalogreader.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::Snapshot)
};

QJsonObject parseObject(const QByteArray &text)
{
    if (text.isEmpty() || text == "{}")
        return {};
    return QJsonDocument::fromJson(text).object();
}

/** Interns a string in a table, giving its index. */
int intern(const QString &value, std::vector<QString> &table, QHash<QString, int> &index)
{
    if (value.isEmpty())
        return -1;
    const auto it = index.constFind(value);
    if (it != index.constEnd())
        return it.value();
    const int id = int(table.size());
    table.push_back(value);
    index.insert(value, id);
    return id;
}

template<typename T>
size_t bytesOf(const std::vector<T> &v)
{
    return v.capacity() * sizeof(T);
}

} // namespace

std::shared_ptr<const Snapshot> Snapshot::load(
    Database &db, const SnapshotOptions &options, QString *error, const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    std::shared_ptr<Snapshot> snapshot(new Snapshot);
    snapshot->m_options = options;
    if (options.weights) {
        snapshot->m_weights = *options.weights;
    } else if (const std::optional<EventWeights> stored = EventWeights::load(db, error)) {
        snapshot->m_weights = *stored;
    } else {
        return nullptr;
    }
    // One read transaction: items, people and events from the same moment.
    ReadTransaction transaction(db, error);
    if (!transaction.isActive())
        return nullptr;
    const CatalogReader reader(db);
    progress.report(Tr::tr("Loading items"), 0, 3);
    bool ok = snapshot->loadItems(reader, error);
    progress.report(Tr::tr("Loading people"), 1, 3);
    ok = ok && !progress.isCancelled() && snapshot->loadUsers(reader, error);
    progress.report(Tr::tr("Loading events"), 2, 3);
    ok = ok && !progress.isCancelled() && snapshot->loadEvents(reader, error, progress);
    transaction.end();
    if (ok && progress.isCancelled()) {
        if (error)
            *error = Tr::tr("cancelled");
        ok = false;
    }
    if (!ok)
        return nullptr;
    snapshot->buildInteractions();
    progress.report(Tr::tr("Loading events"), 3, 3);
    qCInfo(lcEngine, "snapshot of %s: %d items, %d people, %lld events in %lld ms", qUtf8Printable(db.path()),
        snapshot->itemCount(), snapshot->userCount(), snapshot->eventCount(), timer.elapsed());
    return snapshot;
}

bool Snapshot::loadItems(const CatalogReader &reader, QString *error)
{
    const auto add = [this](const CatalogReader::Item &row) {
        const int index = int(m_itemIds.size());
        m_itemIds.push_back(row.id());
        m_skus.push_back(row.sku());
        m_itemBySku.insert(m_skus.back(), index);
        m_titles.push_back(row.title());
        m_isContent.push_back(row.kind() == QLatin1String("content"));

        // Every prefix of the path is a category of its own, so filters can name any level.
        const QString path = row.category();
        int parent = -1;
        if (!path.isEmpty()) {
            const QStringList parts = path.split(QStringLiteral(" > "));
            QString prefix;
            for (qsizetype level = 0; level < parts.size(); ++level) {
                prefix = level ? prefix + QStringLiteral(" > ") + parts.at(level).trimmed() : parts.at(level).trimmed();
                auto it = m_categoryByPath.constFind(prefix);
                if (it == m_categoryByPath.constEnd()) {
                    const int id = int(m_categories.size());
                    m_categories.push_back({prefix, parts.at(level).trimmed(), parent, int(level) + 1});
                    it = m_categoryByPath.insert(prefix, id);
                }
                parent = it.value();
            }
        }
        m_itemCategory.push_back(parent);
        m_itemBrand.push_back(intern(row.brand(), m_brands, m_brandByName));
        const std::optional<double> price = row.price();
        const std::optional<double> salePrice = row.salePrice();
        const std::optional<qint64> stock = row.stock();
        m_price.push_back(price ? float(*price) : NoPrice);
        m_salePrice.push_back(salePrice ? float(*salePrice) : NoPrice);
        m_stock.push_back(stock ? qint32(std::clamp<qint64>(*stock, 0, INT32_MAX)) : UnknownStock);
        m_createdAt.push_back(row.createdAt());
        m_images.push_back(row.image());
        m_urls.push_back(row.url());
        m_itemAttributes.push_back(parseObject(row.attributes()));
    };
    if (!reader.forEachItem(add, error))
        return false;
    // Catalog ids are usually compact; then a plain array is the fastest lookup.
    const qint64 maxId = m_itemIds.empty() ? 0 : m_itemIds.back();
    if (maxId < qint64(m_itemIds.size()) * 4 + 1024) {
        m_itemIndexById.assign(size_t(maxId) + 1, -1);
        for (size_t i = 0; i < m_itemIds.size(); ++i)
            m_itemIndexById[size_t(m_itemIds[i])] = int(i);
    } else {
        for (size_t i = 0; i < m_itemIds.size(); ++i)
            m_itemIndexMap.insert(m_itemIds[i], int(i));
    }
    return true;
}

bool Snapshot::loadUsers(const CatalogReader &reader, QString *error)
{
    const auto add = [this](const CatalogReader::Person &row) {
        const int index = int(m_userIds.size());
        m_userIds.push_back(row.id());
        m_externalIds.push_back(row.externalId());
        m_userByExternalId.insert(m_externalIds.back(), index);
        const QString gender = row.gender();
        m_gender.push_back(gender.isEmpty() ? char(0) : char(gender.at(0).toLatin1()));
        m_birthYear.push_back(row.birthYear());
        m_userCountry.push_back(intern(row.country(), m_countries, m_countryByName));
        m_userCity.push_back(intern(row.city(), m_cities, m_cityByName));
        m_consent.push_back(row.emailConsent());
        m_userAttributes.push_back(parseObject(row.attributes()));
    };
    if (!reader.forEachPerson(add, error))
        return false;
    const qint64 maxId = m_userIds.empty() ? 0 : m_userIds.back();
    if (maxId < qint64(m_userIds.size()) * 4 + 1024) {
        m_userIndexById.assign(size_t(maxId) + 1, -1);
        for (size_t i = 0; i < m_userIds.size(); ++i)
            m_userIndexById[size_t(m_userIds[i])] = int(i);
    } else {
        for (size_t i = 0; i < m_userIds.size(); ++i)
            m_userIndexMap.insert(m_userIds[i], int(i));
    }
    return true;
}

bool Snapshot::loadEvents(const CatalogReader &reader, QString *error, const Progress &progress)
{
    const qint64 total = reader.eventCount();
    m_epoch = reader.firstEventTime();

    m_events.reserve(size_t(total));
    m_userOffsets.assign(m_userIds.size() + 1, 0);
    qint64 lastTime = std::numeric_limits<qint64>::min();
    qint64 lastPast = std::numeric_limits<qint64>::min(); // the latest event not after now
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    quint64 checksum = 0;
    int currentUser = -1;
    qint64 read = 0;
    const auto add = [&](const CatalogReader::Event &row) {
        const qint64 userId = row.userId();
        const qint64 ts = row.time();
        const qint64 itemId = row.itemId();
        const int user = userIndex(userId);
        const int item = itemIndex(itemId);
        if (user < 0 || item < 0)
            return true; // cannot happen with foreign keys on; skipping keeps a hand-edited file readable
        if (user != currentUser) {
            for (int u = currentUser + 1; u <= user; ++u)
                m_userOffsets[size_t(u)] = qint64(m_events.size());
            currentUser = user;
        }
        Event event;
        event.time = toRelative(ts);
        event.item = item;
        event.type = quint8(row.type());
        event.reserved = 0;
        event.quantity = quint16(std::clamp<qint64>(row.quantity(), 1, 65535));
        event.value = row.hasValue() ? float(row.value()) : std::numeric_limits<float>::quiet_NaN();
        m_events.push_back(event);
        lastTime = std::max(lastTime, ts);
        if (ts <= now)
            lastPast = std::max(lastPast, ts);
        checksum = checksum * 1099511628211ULL + quint64(userId) * 2654435761ULL + quint64(itemId) * 40503ULL
                 + quint64(ts) + event.type;
        if ((++read & 0x3FFFF) == 0) {
            progress.report(Tr::tr("Loading events"), read, total);
            if (progress.isCancelled())
                return false;
        }
        return true;
    };
    if (!reader.forEachEvent(m_options.asOf.value_or(std::numeric_limits<qint64>::max()), add, error))
        return false;
    for (size_t u = size_t(currentUser + 1); u <= m_userIds.size(); ++u)
        m_userOffsets[u] = qint64(m_events.size());

    // The latest event that is not in the future, else now: never later than the present, so one
    // event dated 9999-12-31 does not make every other one old.
    m_asOf = m_options.asOf ? *m_options.asOf : (lastPast == std::numeric_limits<qint64>::min() ? now : lastPast);
    // Weights change what models learn, so they are part of what a trained model saw.
    const QByteArray weights = QJsonDocument(m_weights.toJson()).toJson(QJsonDocument::Compact);
    m_watermark = QStringLiteral("%1:%2:%3:%4")
                      .arg(m_events.size())
                      .arg(m_events.empty() ? 0 : lastTime)
                      .arg(checksum, 16, 16, QLatin1Char('0'))
                      .arg(qHash(weights), 8, 16, QLatin1Char('0'));

    buildItemEvents();
    return true;
}

std::shared_ptr<const Snapshot> Snapshot::empty()
{
    std::shared_ptr<Snapshot> snapshot(new Snapshot);
    snapshot->m_userOffsets = {0};
    snapshot->m_watermark = QStringLiteral("empty");
    snapshot->buildItemEvents();
    snapshot->buildInteractions();
    return snapshot;
}

void Snapshot::buildItemEvents()
{
    // Per item, by time: a counting sort of the same events.
    std::vector<qint64> itemCounts(m_itemIds.size() + 1, 0);
    for (const Event &event : m_events)
        ++itemCounts[size_t(event.item) + 1];
    for (size_t i = 1; i < itemCounts.size(); ++i)
        itemCounts[i] += itemCounts[i - 1];
    m_itemOffsets = itemCounts;
    m_itemEvents.resize(m_events.size());
    std::vector<qint64> cursor(itemCounts.begin(), itemCounts.end() - 1);
    for (int u = 0; u < userCount(); ++u) {
        for (const Event &event : userEvents(u))
            m_itemEvents[size_t(cursor[size_t(event.item)]++)] = {event.time, u, event.type};
    }
    for (int item = 0; item < itemCount(); ++item) {
        auto begin = m_itemEvents.begin() + m_itemOffsets[size_t(item)];
        auto end = m_itemEvents.begin() + m_itemOffsets[size_t(item) + 1];
        std::stable_sort(begin, end, [](const ItemEvent &a, const ItemEvent &b) { return a.time < b.time; });
    }
}

std::shared_ptr<const Snapshot> Snapshot::withoutPairs(const std::vector<std::vector<int>> &removedItemsPerUser) const
{
    std::shared_ptr<Snapshot> copy(new Snapshot(*this));
    copy->m_events.clear();
    copy->m_events.reserve(m_events.size());
    std::vector<int> removed;
    for (int u = 0; u < userCount(); ++u) {
        copy->m_userOffsets[size_t(u)] = qint64(copy->m_events.size());
        removed.clear();
        if (size_t(u) < removedItemsPerUser.size())
            removed = removedItemsPerUser[size_t(u)];
        std::sort(removed.begin(), removed.end());
        for (const Event &event : userEvents(u)) {
            if (!std::binary_search(removed.begin(), removed.end(), event.item))
                copy->m_events.push_back(event);
        }
    }
    copy->m_userOffsets[m_userIds.size()] = qint64(copy->m_events.size());
    copy->m_watermark = m_watermark + QStringLiteral(":without:%1").arg(m_events.size() - copy->m_events.size());
    copy->m_itemEvents.clear();
    copy->m_userItems.clear();
    copy->m_itemUsers.clear();
    copy->buildItemEvents();
    copy->buildInteractions();
    return copy;
}

void Snapshot::buildInteractions()
{
    m_userItemOffsets.assign(m_userIds.size() + 1, 0);
    std::vector<std::pair<qint32, float>> scratch;
    std::vector<qint64> itemCounts(m_itemIds.size() + 1, 0);
    m_typeCounts.fill(0);
    m_typeLast.fill(std::numeric_limits<qint32>::min());
    for (int u = 0; u < userCount(); ++u) {
        m_userItemOffsets[size_t(u)] = qint64(m_userItems.size());
        scratch.clear();
        for (const Event &event : userEvents(u)) {
            if (event.type < EventTypeCount) {
                ++m_typeCounts[event.type];
                m_typeLast[event.type] = std::max(m_typeLast[event.type], event.time);
            }
            const float weight = m_weights.weights[event.type] * decay(event.time);
            if (weight > 0)
                scratch.emplace_back(event.item, weight);
        }
        std::sort(scratch.begin(), scratch.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        for (size_t i = 0; i < scratch.size();) {
            float sum = 0;
            const qint32 item = scratch[i].first;
            for (; i < scratch.size() && scratch[i].first == item; ++i)
                sum += scratch[i].second;
            m_userItems.push_back({item, sum});
            ++itemCounts[size_t(item) + 1];
        }
    }
    m_userItemOffsets[m_userIds.size()] = qint64(m_userItems.size());

    for (size_t i = 1; i < itemCounts.size(); ++i)
        itemCounts[i] += itemCounts[i - 1];
    m_itemUserOffsets = itemCounts;
    m_itemUsers.resize(m_userItems.size());
    std::vector<qint64> cursor(itemCounts.begin(), itemCounts.end() - 1);
    for (int u = 0; u < userCount(); ++u) {
        for (const Interaction &interaction : userItems(u))
            m_itemUsers[size_t(cursor[size_t(interaction.index)]++)] = {u, interaction.weight};
    }
}

int Snapshot::itemIndex(qint64 id) const
{
    if (!m_itemIndexById.empty() || m_itemIndexMap.isEmpty())
        return id >= 0 && id < qint64(m_itemIndexById.size()) ? m_itemIndexById[size_t(id)] : -1;
    return m_itemIndexMap.value(id, -1);
}

int Snapshot::userIndex(qint64 id) const
{
    if (!m_userIndexById.empty() || m_userIndexMap.isEmpty())
        return id >= 0 && id < qint64(m_userIndexById.size()) ? m_userIndexById[size_t(id)] : -1;
    return m_userIndexMap.value(id, -1);
}

std::vector<int> Snapshot::categoryChain(int item) const
{
    std::vector<int> chain;
    for (int c = m_itemCategory[size_t(item)]; c >= 0; c = m_categories[size_t(c)].parent)
        chain.push_back(c);
    return chain;
}

bool Snapshot::inCategory(int item, int category) const
{
    for (int c = m_itemCategory[size_t(item)]; c >= 0; c = m_categories[size_t(c)].parent) {
        if (c == category)
            return true;
    }
    return false;
}

int Snapshot::age(int user) const
{
    const int year = m_birthYear[size_t(user)];
    if (year <= 0)
        return -1;
    return QDateTime::fromSecsSinceEpoch(m_asOf, Qt::UTC).date().year() - year;
}

qint32 Snapshot::toRelative(qint64 unixSeconds) const
{
    return qint32(std::clamp<qint64>(unixSeconds - m_epoch, INT32_MIN, INT32_MAX));
}

float Snapshot::decay(qint32 time) const
{
    const double halfLife = m_weights.halfLifeDays;
    if (halfLife <= 0)
        return 1.0f;
    const double ageDays = double(m_asOf - toUnix(time)) / 86400.0;
    return float(std::exp2(-std::max(0.0, ageDays) / halfLife));
}

size_t Snapshot::memoryBytes() const
{
    size_t bytes = sizeof(*this);
    bytes += bytesOf(m_events) + bytesOf(m_userOffsets) + bytesOf(m_itemEvents) + bytesOf(m_itemOffsets);
    bytes += bytesOf(m_userItems) + bytesOf(m_userItemOffsets) + bytesOf(m_itemUsers) + bytesOf(m_itemUserOffsets);
    bytes += bytesOf(m_itemIds) + bytesOf(m_itemIndexById) + bytesOf(m_itemCategory) + bytesOf(m_itemBrand);
    bytes += bytesOf(m_price) + bytesOf(m_salePrice) + bytesOf(m_stock) + bytesOf(m_createdAt);
    bytes += bytesOf(m_userIds) + bytesOf(m_userIndexById) + bytesOf(m_gender) + bytesOf(m_birthYear);
    bytes += bytesOf(m_userCountry) + bytesOf(m_userCity);
    // Strings: their characters plus Qt's header, roughly.
    for (const auto *strings : {&m_skus, &m_titles, &m_images, &m_urls, &m_externalIds}) {
        for (const QString &s : *strings)
            bytes += sizeof(QString) + size_t(s.capacity()) * 2 + 16;
    }
    return bytes;
}

} // namespace Vitrine
