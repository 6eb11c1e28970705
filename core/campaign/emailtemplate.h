// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Vitrine {

/**
 * A Mustache template of a campaign (subject, HTML body or text), checked when it is saved:
 * it must parse with the kainjow Mustache library, and what it names must exist. A problem is
 * reported with its line and column ("html: line 12, column 5: unclosed section \"picks\"").
 *
 * Refused: syntax errors (unclosed or unopened sections, unclosed tags), changed delimiters,
 * unescaped tags ({{{…}}} and {{&…}}, so catalog text is always escaped), partials other than
 * the campaign's blocks ({{> picks}}), blocks.NAME for an unknown block, and at the top level a
 * field outside the documented roots (person, segment, segments, behaviour, blocks, campaign,
 * shop, unsubscribe_url, date). The data and its fields are documented in docs/layouts.md.
 */
class EmailTemplate
{
public:
    struct Tag
    {
        enum class Kind
        {
            Variable,
            Unescaped,
            Section,
            Inverted,
            End,
            Partial,
            Comment,
            Delimiter
        };
        Kind kind = Kind::Variable;
        QString name;
        int line = 1;
        int column = 1;
        int depth = 0; ///< sections open around it
    };

    /**
     * Checks `source`. `blockIds`: the campaign's block ids, or nullptr when not known yet
     * (then block names are checked later with checkBlocks()).
     */
    static std::optional<EmailTemplate> compile(
        const QString &field, const QString &source, const QStringList *blockIds, QString *error);

    const QString &field() const { return m_field; }
    const QString &source() const { return m_source; }
    const std::vector<Tag> &tags() const { return m_tags; }

    bool checkBlocks(const QStringList &blockIds, QString *error) const;
    /** The segments named as segments.NAME, with the first tag naming each. */
    std::vector<Tag> segmentTags() const;

    /** The root names of the data. */
    static const QStringList &roots();

private:
    QString m_field;
    QString m_source;
    std::vector<Tag> m_tags;
};

} // namespace Vitrine
