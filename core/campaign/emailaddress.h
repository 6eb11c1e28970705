// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Vitrine {

/**
 * An e-mail address checked before it may go into a header (RFC 5322 addr-spec, as RFC 5321
 * limits it): a local part that is a dot-atom ("first.last+tag") or a quoted string of printable
 * ASCII, an "@", and a domain name of at least two labels, written in Unicode or ASCII and kept
 * in its ASCII form ("bücher.example" becomes "xn--bcher-kva.example", IDNA through
 * QUrl::toAce()).
 *
 * Nothing else passes: no line break or control character, no space outside quotes, no display
 * name, comment, group, second address or domain literal. So an address that parses can never
 * become another header or another recipient. A local part outside ASCII (RFC 6531) is refused
 * too: it cannot be written in a 7-bit message.
 */
class EmailAddress
{
public:
    /** The address `text` names (not trimmed); else nullopt, and why in *error ("it holds a line break"). */
    static std::optional<EmailAddress> parse(const QString &text, QString *error = nullptr);
    static bool isValid(const QString &text, QString *error = nullptr)
    {
        return parse(text, error).has_value();
    }

    const QByteArray &localPart() const { return m_local; }
    /** The domain in ASCII (IDNA): "xn--bcher-kva.example". */
    const QByteArray &domain() const { return m_domain; }
    /** local@domain, ASCII only: what a header carries. */
    QByteArray toAscii() const { return m_local + '@' + m_domain; }

    /** The text as a message should show it: quoted, line breaks and control characters spelled out. */
    static QString quoted(const QString &text);

private:
    QByteArray m_local;
    QByteArray m_domain;
};

} // namespace Vitrine
