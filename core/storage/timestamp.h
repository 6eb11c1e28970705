// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Vitrine::Timestamp {

/**
 * Parses a point in time as found in shop exports, to Unix seconds (UTC):
 * - ISO 8601 date "2026-03-01" (midnight UTC),
 * - date-time with 'T' or a space, optional seconds and fraction: "2026-03-01T10:20", "2026-03-01 10:20:30.5",
 * - with a zone "Z", "+01:00", "+0100" or none (then UTC),
 * - Unix seconds: an integer such as "1772360400" (negative allowed).
 * Returns nullopt for anything else, including impossible dates such as "2026-02-30".
 */
std::optional<qint64> parse(QStringView text);
/** The same for UTF-8 bytes, without building a QString (the importer's hot path). */
std::optional<qint64> parse(const char *data, qsizetype size);

/** "2026-03-01T10:20:30Z": the form Vitrine writes, which parse() reads back exactly. */
QString toIso(qint64 unixSeconds);

} // namespace Vitrine::Timestamp
