// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace Vitrine::FieldParser {

/** A decimal number with a dot ("19.99", "-3", "1e3"); no thousands separators, no NaN or infinity. */
std::optional<double> number(QByteArrayView text);
/** A whole number ("42", "-7"); "3.0" is not accepted. */
std::optional<qint64> integer(QByteArrayView text);
/** 1/0, true/false, yes/no, y/n (any case). */
std::optional<bool> boolean(QByteArrayView text);
/** f/m/x or female/male/woman/man/other/non-binary (any case), empty for unknown; stored as "f", "m", "x" or "". */
std::optional<QString> gender(QByteArrayView text);
/** product/content (also "article"), stored as "product" or "content". */
std::optional<QString> itemKind(QByteArrayView text);

/** The text as it should appear in a message: quoted, shortened to a readable length. */
QString quoted(QByteArrayView text);

/** A CSV field as RFC 4180 wants it: quoted when it holds a comma, quote, line break or edge space. */
QByteArray csvField(QByteArrayView field);

/**
 * Writes a number the shortest way that reads back to the same double; a whole number (up to
 * 2^53) without an exponent, "100000" rather than "1e+05", so it also reads back as a whole number.
 */
QByteArray formatNumber(double value);
/** The number as JSON: a whole number (up to 2^53) as a JSON integer, 100000 rather than 1e+05. */
QJsonValue jsonNumber(double value);
/** A JSON number as import text: an integer stays an integer ("100000"), see formatNumber(). */
QByteArray jsonNumberText(const QJsonValue &value);

} // namespace Vitrine::FieldParser
