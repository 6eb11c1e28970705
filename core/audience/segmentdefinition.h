// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "segmentrule.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Vitrine {

/**
 * A named segment as stored in the catalog's `segments` table:
 * {"title": "VIP", "description": "…", "rule": {…}}. The name is the row's key.
 */
struct SegmentDefinition
{
    QString name;
    QString title;
    QString description;
    SegmentRule rule;

    /** Reads a stored definition; errors name the place ("rule.all[0].value.min: must be a number"). */
    static std::optional<SegmentDefinition> fromJson(
        const QString &name, const QJsonObject &json, QString *error);
    QJsonObject toJson() const;

    /** Names are 1–64 lower-case letters, digits, '-' or '_', starting with a letter or digit. */
    static bool isValidName(const QString &name, QString *error);
    /** The title, or the name when there is none. */
    QString displayTitle() const { return title.isEmpty() ? name : title; }
};

} // namespace Vitrine
