// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace Vitrine {

/**
 * One e-mail as a standards-compliant message (RFC 5322 with MIME, RFC 2045–2047):
 * multipart/alternative with a text/plain and a text/html part, both UTF-8 and
 * quoted-printable; non-ASCII header text (subject, display names) as =?UTF-8?B?…?= encoded
 * words, every header folded; CRLF line ends, no line over 78 characters (save an address too
 * long for a line, which gets one of its own: RFC 5322 allows 998). Header values never carry a
 * line break, so no field can add a header. The boundary is derived from the content,
 * so the same e-mail always gives the same bytes.
 */
class MimeMessage
{
public:
    QString fromName;
    QString fromAddress;
    QString toName;
    QString toAddress;
    QString replyTo;
    QString subject;
    qint64 date = 0; ///< Unix seconds
    QString messageId; ///< without the angle brackets
    QString listUnsubscribe; ///< a URL, or empty
    QString text;
    QString html;

    QByteArray toBytes() const;

    /**
     * RFC 2047 header text starting at column `firstLineUsed`, folded so no line passes 78
     * characters: ASCII text as words folded at its spaces, else (or when a word would not fit,
     * or looks like an encoded word) encoded words of at most 75 characters, split on character
     * boundaries. Line breaks and control characters become spaces: header text is one line.
     */
    static QByteArray encodeHeaderText(const QString &text, int firstLineUsed = 0);
    /**
     * A mailbox starting at column `firstLineUsed`: "Name" <address>, the name quoted (or encoded
     * when it is not plain ASCII), the domain in IDNA form, folded before 78 characters. An
     * address EmailAddress refuses is never written: the result is the empty group
     * "undisclosed-recipients:;".
     */
    static QByteArray formatAddress(const QString &name, const QString &address, int firstLineUsed = 0);
    /** RFC 5322 date: "Mon, 01 Jun 2026 06:00:00 +0000". */
    static QByteArray formatDate(qint64 unixSeconds);
    /** Quoted-printable (RFC 2045) with CRLF line ends and soft breaks before 76 characters. */
    static QByteArray quotedPrintable(const QByteArray &utf8);
    /**
     * The List-Unsubscribe value of an absolute http:, https: or mailto: URL, ASCII (percent-
     * and IDNA-encoded) and folded as RFC 2369 allows (whitespace inside its angle brackets is
     * ignored); empty for any other URL.
     */
    static QByteArray formatListUnsubscribe(const QString &url);
};

} // namespace Vitrine
