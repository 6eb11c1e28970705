// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "eventtype.h"

#include <QJsonObject>

#include <array>
#include <optional>

namespace Vitrine {

class Database;

/** What a catalog holds: the figures `vitrine-cli stats` prints and the studio's overview shows. */
struct CatalogStats
{
    qint64 items = 0;
    qint64 products = 0;
    qint64 contentItems = 0;
    qint64 onSale = 0;
    qint64 outOfStock = 0;
    qint64 categories = 0;
    qint64 brands = 0;
    qint64 users = 0;
    qint64 usersWithConsent = 0;
    qint64 events = 0;
    std::array<qint64, EventTypeCount> eventsByType{};
    std::optional<qint64> firstEvent; ///< Unix seconds
    std::optional<qint64> lastEvent;  ///< Unix seconds
    int schemaVersion = 0;
    QJsonObject configCounts; ///< objects per configuration table

    /** Reads the figures in one read transaction, so they are consistent with each other. */
    static std::optional<CatalogStats> compute(Database &db, QString *error = nullptr);

    QJsonObject toJson() const;
};

} // namespace Vitrine
