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
 * words; CRLF line ends, no line over 78 characters. The boundary is derived from the content,
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

    /** RFC 2047: ASCII text as is, else encoded words of at most 75 characters, split on character
     * boundaries. */
    static QByteArray encodeHeaderText(const QString &text, int firstLineUsed = 0);
    /** "Name <address>", the name quoted or encoded as needed. */
    static QByteArray formatAddress(const QString &name, const QString &address);
    /** RFC 5322 date: "Mon, 01 Jun 2026 06:00:00 +0000". */
    static QByteArray formatDate(qint64 unixSeconds);
    /** Quoted-printable (RFC 2045) with CRLF line ends and soft breaks before 76 characters. */
    static QByteArray quotedPrintable(const QByteArray &utf8);
};

} // namespace Vitrine
