// SPDX-License-Identifier: GPL-3.0-or-later
#include "emailaddress.h"

#include <QCoreApplication>
#include <QList>
#include <QUrl>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::EmailAddress)
};

bool isLineBreak(char16_t c)
{
    return c == u'\r' || c == u'\n' || c == 0x2028 || c == 0x2029 || c == 0x85;
}

bool isControl(char16_t c)
{
    return c < 0x20 || (c >= 0x7f && c < 0xa0);
}

/** RFC 5322 atext: what a dot-atom is made of, besides the dots. */
bool isAtext(char16_t c)
{
    static const QLatin1StringView specials("!#$%&'*+-/=?^_`{|}~");
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
        || (c < 0x80 && specials.contains(QChar(c)));
}

} // namespace

std::optional<EmailAddress> EmailAddress::parse(const QString &text, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<EmailAddress> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (text.isEmpty())
        return fail(Tr::tr("it is empty"));
    for (const QChar c : text) {
        if (isLineBreak(c.unicode()))
            return fail(Tr::tr("it holds a line break"));
        if (isControl(c.unicode()))
            return fail(Tr::tr("it holds a control character"));
    }

    // The local part: a quoted string, or a dot-atom up to the first '@'.
    EmailAddress address;
    qsizetype at = -1;
    if (text.startsWith(QLatin1Char('"'))) {
        for (qsizetype i = 1; i < text.size() && at < 0; ++i) {
            const char16_t c = text[i].unicode();
            if (c >= 0x7f)
                return fail(
                    Tr::tr("the part before the '@' holds non-ASCII characters (only the domain may)"));
            if (c == u'\\')
                ++i; // a quoted pair: the next character stands for itself
            else if (c == u'"')
                at = i + 1;
        }
        if (at < 0)
            return fail(Tr::tr("the quoted part before the '@' is not closed"));
        if (at >= text.size() || text[at] != QLatin1Char('@'))
            return fail(Tr::tr("an '@' must follow the quoted part"));
        address.m_local = text.left(at).toLatin1();
    } else {
        at = text.indexOf(QLatin1Char('@'));
        if (at < 0)
            return fail(Tr::tr("it has no '@'"));
        if (at == 0)
            return fail(Tr::tr("nothing comes before the '@'"));
        const QStringView local = QStringView(text).left(at);
        for (const QChar c : local) {
            if (c.isSpace())
                return fail(Tr::tr("it holds a space"));
            if (c.unicode() >= 0x7f)
                return fail(
                    Tr::tr("the part before the '@' holds non-ASCII characters (only the domain may)"));
            if (!isAtext(c.unicode()) && c != QLatin1Char('.'))
                return fail(Tr::tr("the part before the '@' holds '%1'").arg(c));
        }
        if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.'))
            || local.contains(QLatin1String("..")))
            return fail(Tr::tr("the part before the '@' starts or ends with a dot, or has two in a row"));
        address.m_local = local.toLatin1();
    }
    if (address.m_local.size() > 64)
        return fail(Tr::tr("the part before the '@' is longer than 64 characters"));

    // The domain: a host name of two labels or more, in ASCII (IDNA).
    const QString domain = text.mid(at + 1);
    if (domain.isEmpty())
        return fail(Tr::tr("nothing comes after the '@'"));
    if (domain.contains(QLatin1Char('@')))
        return fail(Tr::tr("it has more than one '@'"));
    bool ascii = true;
    for (const QChar c : domain) {
        if (c.isSpace())
            return fail(Tr::tr("it holds a space"));
        ascii = ascii && c.unicode() < 0x80;
    }
    if (domain.startsWith(QLatin1Char('[')))
        return fail(Tr::tr("the domain is an address in brackets; name a domain such as example.com"));
    address.m_domain = ascii ? domain.toLatin1() : QUrl::toAce(domain);
    if (address.m_domain.isEmpty())
        return fail(Tr::tr("the domain '%1' is not a valid internationalised domain name").arg(domain));
    if (address.m_domain.size() > 253)
        return fail(Tr::tr("the domain is longer than 253 characters"));
    const QList<QByteArray> labels = address.m_domain.split('.');
    if (labels.size() < 2)
        return fail(Tr::tr("the domain '%1' has no dot; name a full domain such as example.com").arg(domain));
    for (const QByteArray &label : labels) {
        if (label.isEmpty())
            return fail(Tr::tr("the domain '%1' starts or ends with a dot, or has two in a row").arg(domain));
        if (label.size() > 63)
            return fail(Tr::tr("the domain '%1' has a part longer than 63 characters").arg(domain));
        if (label.startsWith('-') || label.endsWith('-'))
            return fail(Tr::tr("a part of the domain '%1' starts or ends with '-'").arg(domain));
        for (const char c : label) {
            const bool ldh
                = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ldh)
                return fail(Tr::tr("the domain '%1' holds '%2'").arg(domain, QChar::fromLatin1(c)));
        }
    }
    bool numeric = true;
    for (const char c : labels.constLast())
        numeric = numeric && c >= '0' && c <= '9';
    if (numeric)
        return fail(
            Tr::tr("the domain '%1' ends in a number; name a domain such as example.com").arg(domain));
    if (address.m_local.size() + 1 + address.m_domain.size() > 254)
        return fail(Tr::tr("it is longer than 254 characters"));
    return address;
}

QString EmailAddress::quoted(const QString &text)
{
    constexpr qsizetype limit = 60;
    QString shown;
    for (const QChar c : QStringView(text).left(limit)) {
        if (c == QLatin1Char('\r'))
            shown += QLatin1String("\\r");
        else if (c == QLatin1Char('\n'))
            shown += QLatin1String("\\n");
        else if (c == QLatin1Char('\t'))
            shown += QLatin1String("\\t");
        else if (isControl(c.unicode()) || isLineBreak(c.unicode()))
            shown += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            shown += c;
    }
    if (text.size() > limit)
        shown += QStringLiteral("…");
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

} // namespace Vitrine
