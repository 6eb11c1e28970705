// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlescape.h"

namespace Vitrine::HtmlEscape {

QString escape(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '"':
            out += QLatin1String("&quot;");
            break;
        case '\'':
            out += QLatin1String("&#39;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString safeUrl(const QString &url)
{
    return isSafeUrl(url) ? escape(url.trimmed()) : QString();
}

bool isSafeUrl(const QString &url)
{
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty())
        return false;
    // A scheme is letters before the first ':' that comes before any '/', '?' or '#'.
    const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
    qsizetype end = trimmed.size();
    for (const char stop : {'/', '?', '#'}) {
        const qsizetype at = trimmed.indexOf(QLatin1Char(stop));
        if (at >= 0 && at < end)
            end = at;
    }
    if (colon >= 0 && colon < end) {
        const QString scheme = trimmed.left(colon).toLower();
        if (scheme != QLatin1String("http") && scheme != QLatin1String("https")
            && scheme != QLatin1String("mailto"))
            return false;
    }
    for (const QChar c : trimmed) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    }
    return true;
}

} // namespace Vitrine::HtmlEscape
