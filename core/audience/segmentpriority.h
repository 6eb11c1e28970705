// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Vitrine {

class Database;
class SegmentEvaluator;
class SegmentLibrary;

/**
 * The order in which layouts try segments: a person gets the variant of the first segment in
 * the list they belong to. Stored in the catalog's `meta` table under "segment_priority" as a
 * JSON array of segment names (absent: an empty list, so nobody matches).
 */
class SegmentPriority
{
public:
    static constexpr const char *MetaKey = "segment_priority";

    SegmentPriority() = default;
    explicit SegmentPriority(QStringList order)
        : m_order(std::move(order))
    { }

    const QStringList &order() const { return m_order; }

    static std::optional<SegmentPriority> load(const Database &db, QString *error);
    /** Refuses unknown or repeated names, naming them; nothing is written then. */
    static bool save(Database &db, const QStringList &order, const SegmentLibrary &library, QString *error);
    bool check(const SegmentLibrary &library, QString *error) const;

    /**
     * For every person, the index in order() of the first segment they belong to, or -1.
     * Empty and a message when a segment cannot be evaluated.
     */
    std::vector<int> assign(SegmentEvaluator &evaluator, QString *error, const Progress &progress = {}) const;
    /** The first segment one person belongs to, or an empty string. */
    QString firstMatch(SegmentEvaluator &evaluator, int user, QString *error) const;

private:
    QStringList m_order;
};

} // namespace Vitrine
