// SPDX-License-Identifier: GPL-3.0-or-later
#include "emailtemplate.h"

#include "mustacheinclude.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::EmailTemplate)
};

/** Line and column (1-based) of a byte offset into UTF-8 text. */
std::pair<int, int> position(const QByteArray &utf8, qsizetype offset)
{
    offset = qBound<qsizetype>(0, offset, utf8.size());
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (utf8[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return {line, int(QString::fromUtf8(utf8.mid(lineStart, offset - lineStart)).size()) + 1};
}

QString where(const QString &field, int line, int column)
{
    return Tr::tr("%1: line %2, column %3").arg(field).arg(line).arg(column);
}

} // namespace

const QStringList &EmailTemplate::roots()
{
    static const QStringList names = {
        QStringLiteral("person"),
        QStringLiteral("segment"),
        QStringLiteral("segments"),
        QStringLiteral("behaviour"),
        QStringLiteral("blocks"),
        QStringLiteral("campaign"),
        QStringLiteral("shop"),
        QStringLiteral("unsubscribe_url"),
        QStringLiteral("date"),
    };
    return names;
}

std::optional<EmailTemplate> EmailTemplate::compile(
    const QString &field, const QString &source, const QStringList *blockIds, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QByteArray utf8 = source.toUtf8();
    {
        kainjow::mustache::mustache parsed(utf8.toStdString());
        if (!parsed.is_valid()) {
            // kainjow says "Unclosed section \"x\" at 123" (a byte offset): name the line instead.
            const QString message = QString::fromStdString(parsed.error_message());
            static const QRegularExpression at(QStringLiteral("^(.*) at (\\d+)$"));
            const auto match = at.match(message);
            if (!match.hasMatch())
                return fail(Tr::tr("%1: %2").arg(field, message));
            const auto [line, column] = position(utf8, match.captured(2).toLongLong());
            QString what = match.captured(1);
            what[0] = what[0].toLower();
            return fail(Tr::tr("%1: %2").arg(where(field, line, column), what));
        }
    }

    EmailTemplate result;
    result.m_field = field;
    result.m_source = source;
    int depth = 0;
    for (qsizetype at = utf8.indexOf("{{"); at >= 0; at = utf8.indexOf("{{", at)) {
        const auto [line, column] = position(utf8, at);
        Tag tag;
        tag.line = line;
        tag.column = column;
        qsizetype end;
        QByteArray inner;
        if (utf8.mid(at, 3) == "{{{") {
            end = utf8.indexOf("}}}", at + 3);
            inner = utf8.mid(at + 3, end - at - 3);
            tag.kind = Tag::Kind::Unescaped;
            at = end + 3;
        } else {
            end = utf8.indexOf("}}", at + 2);
            inner = utf8.mid(at + 2, end - at - 2).trimmed();
            at = end + 2;
            const char first = inner.isEmpty() ? ' ' : inner.at(0);
            switch (first) {
            case '#':
                tag.kind = Tag::Kind::Section;
                break;
            case '^':
                tag.kind = Tag::Kind::Inverted;
                break;
            case '/':
                tag.kind = Tag::Kind::End;
                break;
            case '>':
                tag.kind = Tag::Kind::Partial;
                break;
            case '!':
                tag.kind = Tag::Kind::Comment;
                break;
            case '&':
                tag.kind = Tag::Kind::Unescaped;
                break;
            case '=':
                tag.kind = Tag::Kind::Delimiter;
                break;
            default:
                tag.kind = Tag::Kind::Variable;
            }
            if (tag.kind != Tag::Kind::Variable)
                inner = inner.mid(1);
        }
        if (end < 0)
            break; // kainjow accepted it, so this cannot happen; stop rather than loop
        tag.name = QString::fromUtf8(inner.trimmed());
        if (tag.kind == Tag::Kind::End)
            --depth;
        tag.depth = depth;
        if (tag.kind == Tag::Kind::Section || tag.kind == Tag::Kind::Inverted)
            ++depth;

        switch (tag.kind) {
        case Tag::Kind::Delimiter:
            return fail(
                Tr::tr("%1: changing the delimiters is not supported").arg(where(field, line, column)));
        case Tag::Kind::Unescaped:
            return fail(
                Tr::tr("%1: {{{%2}}} would insert text unescaped; write {{%2}} (text is escaped for HTML)")
                    .arg(where(field, line, column), tag.name));
        case Tag::Kind::Variable:
        case Tag::Kind::Section:
        case Tag::Kind::Inverted:
            if (tag.depth == 0 && tag.name != QLatin1String(".")
                && !roots().contains(tag.name.section(QLatin1Char('.'), 0, 0)))
                return fail(
                    Tr::tr("%1: unknown field '%2' (fields start with %3)")
                        .arg(where(field, line, column), tag.name, roots().join(QStringLiteral(", "))));
            break;
        default:
            break;
        }
        result.m_tags.push_back(tag);
    }
    if (blockIds && !result.checkBlocks(*blockIds, error))
        return std::nullopt;
    return result;
}

bool EmailTemplate::checkBlocks(const QStringList &blockIds, QString *error) const
{
    for (const Tag &tag : m_tags) {
        QString block;
        if (tag.kind == Tag::Kind::Partial)
            block = tag.name;
        else if (tag.name.startsWith(QLatin1String("blocks.")))
            block = tag.name.section(QLatin1Char('.'), 1, 1);
        else if (tag.name == QLatin1String("blocks") && tag.kind != Tag::Kind::End)
            continue;
        if (block.isEmpty() || blockIds.contains(block))
            continue;
        if (error) {
            *error = Tr::tr("%1: unknown block '%2' (blocks: %3)")
                         .arg(where(m_field, tag.line, tag.column), block,
                             blockIds.isEmpty() ? Tr::tr("none") : blockIds.join(QStringLiteral(", ")));
        }
        return false;
    }
    return true;
}

std::vector<EmailTemplate::Tag> EmailTemplate::segmentTags() const
{
    std::vector<Tag> result;
    QStringList seen;
    for (const Tag &tag : m_tags) {
        if (!tag.name.startsWith(QLatin1String("segments.")))
            continue;
        Tag named = tag;
        named.name = tag.name.section(QLatin1Char('.'), 1, 1);
        if (!seen.contains(named.name)) {
            seen.append(named.name);
            result.push_back(named);
        }
    }
    return result;
}

} // namespace Vitrine
