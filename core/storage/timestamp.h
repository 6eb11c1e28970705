// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace Vitrine::Timestamp {

/** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: what four-digit ISO 8601 years can write. */
inline constexpr qint64 MinSeconds = -62167219200;
inline constexpr qint64 MaxSeconds = 253402300799;

/**
 * Parses a point in time as found in shop exports, to Unix seconds (UTC):
 * - ISO 8601 date "2026-03-01" (midnight UTC),
 * - date-time with 'T' or a space, optional seconds and fraction: "2026-03-01T10:20", "2026-03-01
 * 10:20:30.5",
 * - with a zone "Z", "+01:00", "+0100" or none (then UTC),
 * - Unix seconds: an integer such as "1772360400" (negative allowed).
 * Returns nullopt for anything else, including impossible dates such as "2026-02-30" and times
 * outside the years 0000 to 9999 (MinSeconds to MaxSeconds), which toIso() could not write back.
 */
std::optional<qint64> parse(QStringView text);
/** The same for UTF-8 bytes, without building a QString (the importer's hot path). */
std::optional<qint64> parse(const char *data, qsizetype size);

/**
 * "2026-03-01T10:20:30Z": the form Vitrine writes, which parse() reads back exactly for every
 * time it accepts, year 0000 included (proleptic Gregorian, as ISO 8601). A time outside
 * MinSeconds..MaxSeconds is written with ISO 8601's expanded year ("+10000-…", "-0001-…").
 */
QString toIso(qint64 unixSeconds);

/** Why parse() refuses `text`, for a message: "\"x\" is not a date or time (…)" or "… is outside …". */
QString problem(QByteArrayView text);

} // namespace Vitrine::Timestamp
