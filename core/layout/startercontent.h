// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace Vitrine {

class Database;

/**
 * The layouts, banners and campaigns a new demo catalog starts with: a home page (hero banners,
 * personal category navigation, for-you, bestsellers, new arrivals, on sale) with variants for
 * VIP and new customers, a product page (similar, bought together), and a weekly newsletter
 * whose subject and opening line follow the person's segment and behaviour.
 */
namespace StarterContent {

using Definitions = QList<std::pair<QString, QJsonObject>>;

Definitions layouts();
/** Banners; schedules are placed around `anchor` (Unix seconds: the catalog's last activity). */
Definitions banners(qint64 anchor);
Definitions campaigns();

} // namespace StarterContent

/**
 * Saves the starter slots, segments (and priority), layouts, banners and campaigns that the
 * catalog does not have yet; existing keys are left as they are.
 */
bool installStarterContent(Database &db, QString *error);

} // namespace Vitrine
