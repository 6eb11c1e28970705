// SPDX-License-Identifier: GPL-3.0-or-later
#include "mimemessage.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QTimeZone>

namespace Vitrine {

namespace {

bool isPlainAscii(const QByteArray &bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x7f || (u < 0x20 && c != '\t'))
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

} // namespace

QByteArray MimeMessage::encodeHeaderText(const QString &text, int firstLineUsed)
{
    const QString single = QString(text)
                               .replace(QLatin1Char('\r'), QLatin1Char(' '))
                               .replace(QLatin1Char('\n'), QLatin1Char(' '));
    const QByteArray utf8 = single.toUtf8();
    if (isPlainAscii(utf8) && !utf8.contains("=?") && utf8.size() + firstLineUsed <= 76)
        return utf8;
    // Encoded words of at most 75 characters: "=?UTF-8?B?" + base64 + "?=" leaves 63 for base64,
    // i.e. 45 bytes of UTF-8; cut only between characters.
    QByteArray out;
    QByteArray chunk;
    const auto flush = [&]() {
        if (chunk.isEmpty())
            return;
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + chunk.toBase64() + "?=";
        chunk.clear();
    };
    for (qsizetype i = 0; i < utf8.size();) {
        qsizetype length = 1;
        const auto lead = static_cast<unsigned char>(utf8[i]);
        if (lead >= 0xF0)
            length = 4;
        else if (lead >= 0xE0)
            length = 3;
        else if (lead >= 0xC0)
            length = 2;
        const int budget = out.isEmpty() ? qMax(15, 45 - firstLineUsed * 3 / 4) : 45;
        if (chunk.size() + length > budget)
            flush();
        chunk += utf8.mid(i, length);
        i += length;
    }
    flush();
    return out;
}

QByteArray MimeMessage::formatAddress(const QString &name, const QString &address)
{
    const QByteArray addr = address.toUtf8();
    if (name.trimmed().isEmpty())
        return "<" + addr + ">";
    const QByteArray utf8 = name.toUtf8();
    QByteArray display;
    if (isPlainAscii(utf8) && !utf8.contains("=?")) {
        QByteArray quoted = utf8;
        quoted.replace('\\', "\\\\").replace('"', "\\\"");
        display = '"' + quoted + '"';
    } else {
        display = encodeHeaderText(name, 10);
    }
    return display + " <" + addr + ">";
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
    m += "From: " + formatAddress(fromName, fromAddress) + "\r\n";
    m += "To: " + formatAddress(toName, toAddress) + "\r\n";
    if (!replyTo.isEmpty())
        m += "Reply-To: <" + replyTo.toUtf8() + ">\r\n";
    m += "Subject: " + encodeHeaderText(subject, 9) + "\r\n";
    m += "Date: " + formatDate(date) + "\r\n";
    m += "Message-ID: <" + messageId.toUtf8() + ">\r\n";
    if (!listUnsubscribe.isEmpty()) {
        m += "List-Unsubscribe: <" + listUnsubscribe.toUtf8() + ">\r\n";
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
