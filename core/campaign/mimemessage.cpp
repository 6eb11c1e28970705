// SPDX-License-Identifier: GPL-3.0-or-later
#include "mimemessage.h"

#include "emailaddress.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QTimeZone>
#include <QUrl>

namespace Vitrine {

namespace {

bool isPlainAscii(const QByteArray &bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x7f || u < 0x20)
            return false;
    }
    return true;
}

/** Normalises line ends to CRLF. */
QByteArray crlf(QByteArray text)
{
    text.replace("\r\n", "\n");
    text.replace('\r', '\n');
    text.replace("\n", "\r\n");
    return text;
}

constexpr int kLineLimit = 78;

/** Header text as one line: line breaks, tabs and other control characters become single spaces. */
QString oneLine(const QString &text)
{
    QString line = text;
    for (QChar &c : line) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0) || u == 0x2028 || u == 0x2029)
            c = QLatin1Char(' ');
    }
    return line.simplified();
}

/**
 * Joins words with single spaces, folding (CRLF and the space) before a word that would take the
 * line past 78 characters; `column` is where the first word starts. `lead`: a space (or a fold)
 * goes before the first word too. A word is never split.
 */
QByteArray foldWords(const QList<QByteArray> &words, int column, bool lead)
{
    QByteArray out;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QByteArray &word = words[i];
        if (i > 0 || lead) {
            if (column + 1 + word.size() > kLineLimit && column > 1) {
                out += "\r\n";
                column = 0;
            }
            out += ' ';
            ++column;
        }
        out += word;
        column += int(word.size());
    }
    return out;
}

/**
 * RFC 2047 encoded words of at most 75 characters: "=?UTF-8?B?" + base64 + "?=" leaves 63 for
 * base64, i.e. 45 bytes of UTF-8, cut only between characters. The first word is sized for what
 * is left of a line begun at `column`.
 */
QList<QByteArray> encodedWords(const QByteArray &utf8, int column)
{
    QList<QByteArray> words;
    QByteArray chunk;
    const int firstBudget = (kLineLimit - column - 1 - 12) / 4 * 3;
    int budget = firstBudget >= 6 ? qMin(45, firstBudget) : 45;
    for (qsizetype i = 0; i < utf8.size();) {
        qsizetype length = 1;
        const auto lead = static_cast<unsigned char>(utf8[i]);
        if (lead >= 0xF0)
            length = 4;
        else if (lead >= 0xE0)
            length = 3;
        else if (lead >= 0xC0)
            length = 2;
        if (!chunk.isEmpty() && chunk.size() + length > budget) {
            words.append("=?UTF-8?B?" + chunk.toBase64() + "?=");
            chunk.clear();
            budget = 45;
        }
        chunk += utf8.mid(i, length);
        i += length;
    }
    if (!chunk.isEmpty())
        words.append("=?UTF-8?B?" + chunk.toBase64() + "?=");
    return words;
}

/**
 * The words of one-line header text: its ASCII words as they are (in a quoted string for a
 * display name), else encoded words. Plain words must fit a line and must not look like encoded
 * words, which a reader would decode.
 */
QList<QByteArray> headerWords(const QString &text, int column, bool quote)
{
    const QByteArray utf8 = oneLine(text).toUtf8();
    if (utf8.isEmpty())
        return {};
    bool plain = isPlainAscii(utf8) && !utf8.contains("=?");
    QList<QByteArray> words;
    if (plain) {
        QByteArray escaped = utf8;
        if (quote)
            escaped = '"' + escaped.replace('\\', "\\\\").replace('"', "\\\"") + '"';
        words = escaped.split(' ');
        for (qsizetype i = 0; i < words.size() && plain; ++i)
            plain = words[i].size() + (i == 0 ? column + 1 : 1) <= kLineLimit;
    }
    return plain ? words : encodedWords(utf8, column);
}

} // namespace

QByteArray MimeMessage::encodeHeaderText(const QString &text, int firstLineUsed)
{
    return foldWords(headerWords(text, firstLineUsed - 1, false), firstLineUsed, false);
}

QByteArray MimeMessage::formatAddress(const QString &name, const QString &address, int firstLineUsed)
{
    const std::optional<EmailAddress> parsed = EmailAddress::parse(address.trimmed());
    if (!parsed)
        return foldWords({"undisclosed-recipients:;"}, firstLineUsed, false);
    QList<QByteArray> words = headerWords(name, firstLineUsed - 1, true);
    words.append('<' + parsed->toAscii() + '>');
    return foldWords(words, firstLineUsed, false);
}

QByteArray MimeMessage::formatListUnsubscribe(const QString &url)
{
    const QString trimmed = url.trimmed();
    for (const QChar c : trimmed) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.isSpace())
            return {};
    }
    const QUrl parsed(trimmed);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || parsed.isRelative()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http")
            && scheme != QLatin1String("mailto")))
        return {};
    const QByteArray encoded = '<' + parsed.toEncoded() + '>';
    for (const char c : encoded.mid(1, encoded.size() - 2)) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == '<' || c == '>')
            return {};
    }
    // Whitespace inside the brackets is ignored (RFC 2369, 2), so a long URL folds anywhere.
    constexpr int width = kLineLimit - 1;
    QByteArray out;
    for (qsizetype at = 0; at < encoded.size(); at += width)
        out += (out.isEmpty() ? "" : "\r\n ") + encoded.mid(at, width);
    return out;
}

QByteArray MimeMessage::formatDate(qint64 unixSeconds)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime time = QDateTime::fromSecsSinceEpoch(unixSeconds, QTimeZone::utc());
    const QDate d = time.date();
    return QByteArray(days[d.dayOfWeek() - 1]) + ", " + QByteArray::number(d.day()).rightJustified(2, '0')
        + ' ' + months[d.month() - 1] + ' ' + QByteArray::number(d.year()) + ' '
        + time.time().toString(QStringLiteral("HH:mm:ss")).toLatin1() + " +0000";
}

QByteArray MimeMessage::quotedPrintable(const QByteArray &input)
{
    static const char hex[] = "0123456789ABCDEF";
    const QByteArray text = crlf(input);
    QByteArray out;
    out.reserve(text.size() + text.size() / 8);
    int column = 0;
    const auto put = [&](const QByteArray &piece) {
        if (column + piece.size() > 75) { // leave room for the soft break's '='
            out += "=\r\n";
            column = 0;
        }
        out += piece;
        column += int(piece.size());
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            out += "\r\n";
            column = 0;
            ++i;
            continue;
        }
        const bool lineEndFollows = i + 1 == text.size() || (text[i + 1] == '\r');
        const bool literal
            = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !lineEndFollows);
        // A line starting with "." or "From " survives every transport when its first character is encoded.
        const bool risky = column == 0 && (c == '.' || (c == 'F' && text.mid(i, 5) == "From "));
        if (literal && !risky)
            put(QByteArray(1, char(c)));
        else {
            const char escaped[3] = {'=', hex[c >> 4], hex[c & 15]};
            put(QByteArray(escaped, 3));
        }
    }
    return out;
}

QByteArray MimeMessage::toBytes() const
{
    const QByteArray textPart = quotedPrintable(text.toUtf8());
    const QByteArray htmlPart = quotedPrintable(html.toUtf8());
    // "=_" never occurs in quoted-printable output, so this boundary cannot collide with the body.
    const QByteArray boundary = "=_vitrine_"
        + QCryptographicHash::hash(
            textPart + htmlPart + subject.toUtf8() + toAddress.toUtf8(), QCryptographicHash::Sha1)
              .toHex()
              .left(24);

    QByteArray m;
    m.reserve(textPart.size() + htmlPart.size() + 1024);
    m += "From: " + formatAddress(fromName, fromAddress, 6) + "\r\n";
    m += "To: " + formatAddress(toName, toAddress, 4) + "\r\n";
    if (EmailAddress::isValid(replyTo.trimmed()))
        m += "Reply-To: " + formatAddress(QString(), replyTo, 10) + "\r\n";
    m += "Subject: " + encodeHeaderText(subject, 9) + "\r\n";
    m += "Date: " + formatDate(date) + "\r\n";
    const QByteArray id = messageId.toLatin1();
    if (!id.isEmpty() && QString::fromLatin1(id) == messageId && isPlainAscii(id) && !id.contains(' ')
        && !id.contains('<') && !id.contains('>'))
        m += "Message-ID:" + foldWords({'<' + id + '>'}, 11, true) + "\r\n";
    const QByteArray unsubscribe = formatListUnsubscribe(listUnsubscribe);
    if (!unsubscribe.isEmpty()) {
        const bool oneLine = 18 + unsubscribe.size() <= kLineLimit && !unsubscribe.contains('\n');
        m += "List-Unsubscribe:" + QByteArray(oneLine ? " " : "\r\n ") + unsubscribe + "\r\n";
        m += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
    }
    m += "MIME-Version: 1.0\r\n";
    m += "Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"\r\n";
    m += "\r\n";
    m += "This is a multi-part message in MIME format.\r\n";
    m += "\r\n--" + boundary + "\r\n";
    m += "Content-Type: text/plain; charset=UTF-8\r\n";
    m += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    m += textPart;
    m += "\r\n--" + boundary + "\r\n";
    m += "Content-Type: text/html; charset=UTF-8\r\n";
    m += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    m += htmlPart;
    m += "\r\n--" + boundary + "--\r\n";
    return m;
}

} // namespace Vitrine
