// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"
#include "eventweights.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace Vitrine {

class CatalogReader;
class Database;

struct SnapshotOptions
{
    /** Only events up to this time (Unix seconds, inclusive) count; none means all of them. */
    std::optional<qint64> asOf;
    /** How events count; none means the catalog's own (meta key "event_weights"), else the defaults. */
    std::optional<EventWeights> weights;
};

/**
 * An immutable, columnar, in-memory picture of one catalog at one time, which every strategy,
 * segment and evaluation reads. Built from SQLite in one pass over each table.
 *
 * Items and people are addressed by dense indexes (0..count-1, in id order); itemId() and
 * userId() give back the catalog ids. Events are kept twice as compressed sparse rows: per
 * person in time order and per item in time order. From them, per person the weighted (and,
 * with a half-life, decayed) interaction strength with each item, and its transpose per item.
 *
 * Shared as std::shared_ptr<const Snapshot>: safe to read from any number of threads.
 */
class Snapshot
{
public:
    /** One event of a person (16 bytes). Times are seconds relative to epoch(). */
    struct Event
    {
        qint32 time;
        qint32 item;
        quint8 type;
        quint8 reserved;
        quint16 quantity;
        float value; ///< NaN when the event has none
    };

    /** One event on an item (12 bytes). */
    struct ItemEvent
    {
        qint32 time;
        qint32 user;
        quint8 type;
    };

    /** A person-item strength: item index in userItems(), person index in itemUsers(). */
    struct Interaction
    {
        qint32 index;
        float weight;
    };

    struct Category
    {
        QString path;   ///< "Fashion > Women > Knitwear"
        QString name;   ///< "Knitwear"
        int parent;     ///< -1 for a top-level category
        int depth;      ///< 1 for a top-level category
    };

    static constexpr float NoPrice = std::numeric_limits<float>::quiet_NaN();
    static constexpr qint32 UnknownStock = std::numeric_limits<qint32>::min();

    /** Reads the catalog; nullptr and a message on failure. Honours progress cancellation. */
    static std::shared_ptr<const Snapshot> load(
        Database &db, const SnapshotOptions &options, QString *error, const Progress &progress = {});
    /** A snapshot without items, people or events (to check a strategy's parameters, say). */
    static std::shared_ptr<const Snapshot> empty();

    /**
     * A copy without any event of the given (person, item) pairs: removedItemsPerUser[u] lists
     * the items whose events of person u are left out. Evaluation trains on such a copy.
     */
    std::shared_ptr<const Snapshot> withoutPairs(const std::vector<std::vector<int>> &removedItemsPerUser) const;

    const SnapshotOptions &options() const { return m_options; }
    /** The weights in force: the ones asked for, else the catalog's, else the defaults. */
    const EventWeights &weights() const { return m_weights; }
    /** The time the snapshot stands at: the asOf asked for, else the latest event not after now (else now). */
    qint64 asOf() const { return m_asOf; }
    /** Identifies the events seen ("count:last:checksum"), to tell a stale trained model. */
    QString watermark() const { return m_watermark; }
    size_t memoryBytes() const;

    // Items
    int itemCount() const { return int(m_itemIds.size()); }
    qint64 itemId(int item) const { return m_itemIds[size_t(item)]; }
    int itemIndex(qint64 id) const;
    int itemIndexBySku(const QString &sku) const { return m_itemBySku.value(sku, -1); }
    const QString &sku(int item) const { return m_skus[size_t(item)]; }
    /** The item's title; its sku for an item without one (a shop's export has such items). */
    const QString &title(int item) const
    {
        const QString &title = m_titles[size_t(item)];
        return title.isEmpty() ? m_skus[size_t(item)] : title;
    }
    bool isContent(int item) const { return m_isContent[size_t(item)]; }
    int category(int item) const { return m_itemCategory[size_t(item)]; }
    /** The item's category and its ancestors, leaf first; empty for an item without a category. */
    std::vector<int> categoryChain(int item) const;
    /** True when the item's category is `category` or below it. */
    bool inCategory(int item, int category) const;
    int brand(int item) const { return m_itemBrand[size_t(item)]; }
    float price(int item) const { return m_price[size_t(item)]; }
    float salePrice(int item) const { return m_salePrice[size_t(item)]; }
    /** What the item costs now: the sale price when it has one below the price. */
    float currentPrice(int item) const { return onSale(item) ? m_salePrice[size_t(item)] : m_price[size_t(item)]; }
    bool onSale(int item) const
    {
        return !std::isnan(m_salePrice[size_t(item)]) && !std::isnan(m_price[size_t(item)])
            && m_salePrice[size_t(item)] < m_price[size_t(item)];
    }
    /** 0 to 1: how much cheaper the sale price is. */
    float discount(int item) const
    {
        return onSale(item) ? 1.0f - m_salePrice[size_t(item)] / m_price[size_t(item)] : 0.0f;
    }
    qint32 stock(int item) const { return m_stock[size_t(item)]; }
    bool inStock(int item) const { return m_stock[size_t(item)] == UnknownStock || m_stock[size_t(item)] > 0; }
    /** Unix seconds; 0 when unknown. */
    qint64 createdAt(int item) const { return m_createdAt[size_t(item)]; }
    const QString &image(int item) const { return m_images[size_t(item)]; }
    const QString &url(int item) const { return m_urls[size_t(item)]; }
    const QJsonObject &attributes(int item) const { return m_itemAttributes[size_t(item)]; }

    int categoryCount() const { return int(m_categories.size()); }
    const Category &categoryInfo(int category) const { return m_categories[size_t(category)]; }
    /** The category with this path ("Outdoor" or "Outdoor > Jackets"), or -1. */
    int categoryByPath(const QString &path) const { return m_categoryByPath.value(path, -1); }
    int brandCount() const { return int(m_brands.size()); }
    const QString &brandName(int brand) const { return m_brands[size_t(brand)]; }
    int brandByName(const QString &name) const { return m_brandByName.value(name, -1); }

    // People
    int userCount() const { return int(m_userIds.size()); }
    qint64 userId(int user) const { return m_userIds[size_t(user)]; }
    int userIndex(qint64 id) const;
    int userIndexByExternalId(const QString &externalId) const { return m_userByExternalId.value(externalId, -1); }
    const QString &externalId(int user) const { return m_externalIds[size_t(user)]; }
    /** 'f', 'm', 'x' or 0 when unknown. */
    char gender(int user) const { return m_gender[size_t(user)]; }
    /** 0 when unknown. */
    int birthYear(int user) const { return m_birthYear[size_t(user)]; }
    /** Age at asOf(), or -1 when unknown. */
    int age(int user) const;
    int country(int user) const { return m_userCountry[size_t(user)]; }
    int city(int user) const { return m_userCity[size_t(user)]; }
    bool emailConsent(int user) const { return m_consent[size_t(user)]; }
    const QJsonObject &userAttributes(int user) const { return m_userAttributes[size_t(user)]; }
    int countryCount() const { return int(m_countries.size()); }
    const QString &countryName(int country) const { return m_countries[size_t(country)]; }
    int countryByName(const QString &name) const { return m_countryByName.value(name, -1); }
    const QString &cityName(int city) const { return m_cities[size_t(city)]; }
    int cityByName(const QString &name) const { return m_cityByName.value(name, -1); }

    // Events
    qint64 eventCount() const { return qint64(m_events.size()); }
    /** Events of one type (EventType as an int). */
    qint64 eventCount(int type) const { return m_typeCounts[size_t(type)]; }
    /** The time of the latest event of one type (Unix seconds), none when there is none. */
    std::optional<qint64> lastEventTime(int type) const
    {
        return m_typeCounts[size_t(type)] ? std::optional<qint64>(toUnix(m_typeLast[size_t(type)])) : std::nullopt;
    }
    std::span<const Event> userEvents(int user) const
    {
        return {m_events.data() + m_userOffsets[size_t(user)], m_events.data() + m_userOffsets[size_t(user) + 1]};
    }
    std::span<const ItemEvent> itemEvents(int item) const
    {
        return {m_itemEvents.data() + m_itemOffsets[size_t(item)],
                m_itemEvents.data() + m_itemOffsets[size_t(item) + 1]};
    }
    /** The person's items with their weighted strength, by item index. */
    std::span<const Interaction> userItems(int user) const
    {
        return {m_userItems.data() + m_userItemOffsets[size_t(user)],
                m_userItems.data() + m_userItemOffsets[size_t(user) + 1]};
    }
    /** The item's people with their weighted strength, by person index. */
    std::span<const Interaction> itemUsers(int item) const
    {
        return {m_itemUsers.data() + m_itemUserOffsets[size_t(item)],
                m_itemUsers.data() + m_itemUserOffsets[size_t(item) + 1]};
    }
    qint64 epoch() const { return m_epoch; }
    qint64 toUnix(qint32 time) const { return m_epoch + time; }
    /** Relative time of a Unix time, clamped to the representable range. */
    qint32 toRelative(qint64 unixSeconds) const;
    /** The decay factor of an event at this relative time, as seen at asOf(). */
    float decay(qint32 time) const;

private:
    Snapshot() = default;
    bool loadItems(const CatalogReader &reader, QString *error);
    bool loadUsers(const CatalogReader &reader, QString *error);
    bool loadEvents(const CatalogReader &reader, QString *error, const Progress &progress);
    void buildItemEvents();
    void buildInteractions();

    SnapshotOptions m_options;
    EventWeights m_weights;
    qint64 m_asOf = 0;
    qint64 m_epoch = 0;
    QString m_watermark;
    std::array<qint64, EventTypeCount> m_typeCounts {};
    std::array<qint32, EventTypeCount> m_typeLast {};

    std::vector<qint64> m_itemIds;
    std::vector<int> m_itemIndexById; ///< dense lookup when ids are compact, else empty
    QHash<qint64, int> m_itemIndexMap;
    QHash<QString, int> m_itemBySku;
    std::vector<QString> m_skus;
    std::vector<QString> m_titles;
    std::vector<bool> m_isContent;
    std::vector<int> m_itemCategory;
    std::vector<int> m_itemBrand;
    std::vector<float> m_price;
    std::vector<float> m_salePrice;
    std::vector<qint32> m_stock;
    std::vector<qint64> m_createdAt;
    std::vector<QString> m_images;
    std::vector<QString> m_urls;
    std::vector<QJsonObject> m_itemAttributes;
    std::vector<Category> m_categories;
    QHash<QString, int> m_categoryByPath;
    std::vector<QString> m_brands;
    QHash<QString, int> m_brandByName;

    std::vector<qint64> m_userIds;
    std::vector<int> m_userIndexById;
    QHash<qint64, int> m_userIndexMap;
    QHash<QString, int> m_userByExternalId;
    std::vector<QString> m_externalIds;
    std::vector<char> m_gender;
    std::vector<int> m_birthYear;
    std::vector<int> m_userCountry;
    std::vector<int> m_userCity;
    std::vector<bool> m_consent;
    std::vector<QJsonObject> m_userAttributes;
    std::vector<QString> m_countries;
    QHash<QString, int> m_countryByName;
    std::vector<QString> m_cities;
    QHash<QString, int> m_cityByName;

    std::vector<Event> m_events;
    std::vector<qint64> m_userOffsets;
    std::vector<ItemEvent> m_itemEvents;
    std::vector<qint64> m_itemOffsets;
    std::vector<Interaction> m_userItems;
    std::vector<qint64> m_userItemOffsets;
    std::vector<Interaction> m_itemUsers;
    std::vector<qint64> m_itemUserOffsets;
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

} // namespace Vitrine
