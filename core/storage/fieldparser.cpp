// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldparser.h"

#include <QLocale>
#include <QVariant>

#include <charconv>
#include <cmath>

namespace Vitrine::FieldParser {

namespace {

QByteArrayView trimmed(QByteArrayView text)
{
    return text.trimmed();
}

bool equalsIgnoringCase(QByteArrayView text, const char *word)
{
    return text.compare(QByteArrayView(word), Qt::CaseInsensitive) == 0;
}

} // namespace

std::optional<double> number(QByteArrayView text)
{
    text = trimmed(text);
    if (text.isEmpty())
        return std::nullopt;
    const char *begin = text.data();
    const char *end = begin + text.size();
    if (*begin == '+')
        ++begin;
    double value = 0;
    const auto [ptr, ec] = std::from_chars(begin, end, value, std::chars_format::general);
    if (ec != std::errc() || ptr != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<qint64> integer(QByteArrayView text)
{
    text = trimmed(text);
    if (text.isEmpty())
        return std::nullopt;
    const char *begin = text.data();
    const char *end = begin + text.size();
    if (*begin == '+')
        ++begin;
    qint64 value = 0;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

std::optional<bool> boolean(QByteArrayView text)
{
    text = trimmed(text);
    for (const char *word : {"1", "true", "yes", "y"}) {
        if (equalsIgnoringCase(text, word))
            return true;
    }
    for (const char *word : {"0", "false", "no", "n"}) {
        if (equalsIgnoringCase(text, word))
            return false;
    }
    return std::nullopt;
}

std::optional<QString> gender(QByteArrayView text)
{
    text = trimmed(text);
    if (text.isEmpty())
        return QString();
    for (const char *word : {"f", "female", "woman", "w"}) {
        if (equalsIgnoringCase(text, word))
            return QStringLiteral("f");
    }
    for (const char *word : {"m", "male", "man"}) {
        if (equalsIgnoringCase(text, word))
            return QStringLiteral("m");
    }
    for (const char *word : {"x", "other", "non-binary", "nonbinary", "diverse"}) {
        if (equalsIgnoringCase(text, word))
            return QStringLiteral("x");
    }
    return std::nullopt;
}

std::optional<QString> itemKind(QByteArrayView text)
{
    text = trimmed(text);
    if (text.isEmpty() || equalsIgnoringCase(text, "product"))
        return QStringLiteral("product");
    if (equalsIgnoringCase(text, "content") || equalsIgnoringCase(text, "article"))
        return QStringLiteral("content");
    return std::nullopt;
}

QString quoted(QByteArrayView text)
{
    constexpr qsizetype limit = 40;
    QString value = QString::fromUtf8(text.first(qMin(text.size(), limit * 4)));
    if (value.size() > limit)
        value = value.left(limit) + QStringLiteral("…");
    value.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    value.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    value.replace(QChar(u'\0'), QStringLiteral("\\0"));
    return QLatin1Char('"') + value + QLatin1Char('"');
}

QByteArray csvField(QByteArrayView field)
{
    bool quote = field.startsWith(' ') || field.endsWith(' ');
    for (const char c : field) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (!quote)
        return field.toByteArray();
    QByteArray escaped = field.toByteArray();
    escaped.replace("\"", "\"\"");
    return '"' + escaped + '"';
}

namespace {

/** Whole numbers a double holds exactly, so they can be written and read as integers. */
std::optional<qint64> wholeNumber(double value)
{
    constexpr double limit = 9007199254740992.0; // 2^53
    if (!std::isfinite(value) || std::fabs(value) > limit || std::trunc(value) != value)
        return std::nullopt;
    return qint64(value);
}

} // namespace

QByteArray formatNumber(double value)
{
    if (const std::optional<qint64> whole = wholeNumber(value))
        return QByteArray::number(*whole);
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

QJsonValue jsonNumber(double value)
{
    if (const std::optional<qint64> whole = wholeNumber(value))
        return QJsonValue(*whole);
    return QJsonValue(value);
}

QByteArray jsonNumberText(const QJsonValue &value)
{
    // The parser keeps a JSON integer as a 64-bit integer; toDouble() would round above 2^53.
    const QVariant exact = value.toVariant();
    if (exact.typeId() == QMetaType::LongLong)
        return QByteArray::number(exact.toLongLong());
    return formatNumber(value.toDouble());
}

} // namespace Vitrine::FieldParser
