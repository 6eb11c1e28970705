// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmltotext.h"

#include <QRegularExpression>

namespace Vitrine {

namespace {

QString decodeEntities(const QString &text)
{
    if (!text.contains(QLatin1Char('&')))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != QLatin1Char('&')) {
            out += text[i];
            continue;
        }
        const qsizetype semi = text.indexOf(QLatin1Char(';'), i);
        if (semi < 0 || semi - i > 10) {
            out += text[i];
            continue;
        }
        const QStringView name = QStringView(text).mid(i + 1, semi - i - 1);
        char32_t code = 0;
        if (name == u"amp")
            code = '&';
        else if (name == u"lt")
            code = '<';
        else if (name == u"gt")
            code = '>';
        else if (name == u"quot")
            code = '"';
        else if (name == u"apos")
            code = '\'';
        else if (name == u"nbsp")
            code = ' ';
        else if (name == u"euro")
            code = 0x20AC;
        else if (name == u"mdash")
            code = 0x2014;
        else if (name == u"ndash")
            code = 0x2013;
        else if (name == u"hellip")
            code = 0x2026;
        else if (name.startsWith(u'#')) {
            bool ok = false;
            const uint value = name.startsWith(u"#x") || name.startsWith(u"#X") ? name.mid(2).toUInt(&ok, 16)
                                                                                : name.mid(1).toUInt(&ok, 10);
            if (ok && value > 0 && value <= 0x10FFFF)
                code = value;
        }
        if (code == 0) {
            out += text[i];
            continue;
        }
        out += QString::fromUcs4(&code, 1);
        i = semi;
    }
    return out;
}

} // namespace

QString HtmlToText::convert(const QString &html)
{
    static const QRegularExpression dropped(
        QStringLiteral("<(head|style|script|title)\\b[^>]*>.*?</\\1\\s*>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression comments(
        QStringLiteral("<!--.*?-->"), QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression hidden(
        QStringLiteral("<(\\w+)[^>]*display\\s*:\\s*none[^>]*>.*?</\\1\\s*>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression space(QStringLiteral("[ \\t\\r\\n]+"));
    static const QRegularExpression link(
        QStringLiteral("<a\\b[^>]*href\\s*=\\s*\"([^\"]*)\"[^>]*>(.*?)</a\\s*>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression image(
        QStringLiteral("<img\\b[^>]*>"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression breaks(
        QStringLiteral("<br\\s*/?>"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression blockEnd(
        QStringLiteral("</"
                       "(p|div|h[1-6]|tr|table|ul|ol|section|header|footer|blockquote)\\s*>|<(p|div|h[1-6]|"
                       "tr|table|section|hr)\\b[^>]*>"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression item(
        QStringLiteral("<li\\b[^>]*>"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression cell(
        QStringLiteral("</t[dh]\\s*>"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    static const QRegularExpression blankLines(QStringLiteral("\\n{3,}"));

    QString text = html;
    text.remove(comments);
    text.remove(dropped);
    text.remove(hidden);
    text.replace(space, QStringLiteral(" "));
    // Links: "text <url>", or just the url when the text is the url.
    QString linked;
    qsizetype last = 0;
    for (auto it = link.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        linked += QStringView(text).mid(last, match.capturedStart() - last);
        const QString url = match.captured(1);
        const QString label = match.captured(2);
        const QString plainLabel = decodeEntities(QString(label).remove(tag)).trimmed();
        const QString plainUrl = decodeEntities(url);
        linked += plainLabel.isEmpty() || plainLabel == plainUrl
            ? plainUrl.toHtmlEscaped()
            : label + QStringLiteral(" &lt;") + url + QStringLiteral("&gt;");
        last = match.capturedEnd();
    }
    linked += QStringView(text).mid(last);
    text = linked;
    text.remove(image); // the alt text repeats the title next to it in Vitrine's blocks
    text.replace(breaks, QStringLiteral("\n"));
    text.replace(item, QStringLiteral("\n- "));
    text.replace(cell, QStringLiteral(" "));
    text.replace(blockEnd, QStringLiteral("\n\n"));
    text.remove(tag);
    text = decodeEntities(text);
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = line.trimmed();
    text = lines.join(QLatin1Char('\n'));
    text.replace(blankLines, QStringLiteral("\n\n"));
    return text.trimmed() + QLatin1Char('\n');
}

} // namespace Vitrine
