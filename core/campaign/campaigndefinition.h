// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emailtemplate.h"
#include "layout/layoutblock.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>
#include <vector>

namespace Vitrine {

struct ConfigNames;

/**
 * A personal e-mail campaign, stored as JSON in the catalog's campaigns table:
 *
 *     {"title": "Weekly newsletter", "segment": "newsletter-audience",
 *      "send_window": {"start": "2026-06-01T06:00Z", "end": "2026-06-08"},
 *      "from": {"name": "Vitrine Shop", "email": "news@shop.example"}, "reply_to": "…",
 *      "subject": "{{#segments.vip}}Your VIP picks{{/segments.vip}}{{^segments.vip}}Picks for
 * you{{/segments.vip}}", "html": "<html>… {{person.first_name}} … {{> picks}} …</html>", "text": "optional
 * plain-text template; generated from the HTML when absent", "layout": "newsletter" (an e-mail layout whose
 * blocks the templates use), or "blocks": [{"id": "picks", "type": "slot", "slot": "email-picks", "k": 4}],
 *      "fallbacks": {"first_name": "there"},
 *      "shop": {"name": "Vitrine Shop", "url": "https://shop.example", "currency": "€"},
 *      "unsubscribe_url": "https://shop.example/unsubscribe?u={{person.id}}"}
 *
 * Templates are checked when the campaign is read (EmailTemplate): an error is refused with its
 * line. So is what could not go into a header as it is: a sender or reply-to address that is
 * not one address (EmailAddress), a sender name of more than one line, and an unsubscribe_url
 * the renderer would drop from every e-mail (javascript:, a relative link, a line break).
 * The audience is the segment's members (everybody without one) who gave e-mail consent.
 */
struct CampaignDefinition
{
    QString key;
    QString title;
    QString segment;
    std::optional<qint64> windowStart;
    std::optional<qint64> windowEnd;
    QString fromName;
    QString fromEmail;
    QString replyTo;
    QString layout;
    std::vector<LayoutBlock> blocks;
    QMap<QString, QString> fallbacks;
    QString shopName;
    QString shopUrl;
    QString currency;
    QString unsubscribeUrl;
    std::optional<EmailTemplate> subject;
    std::optional<EmailTemplate> html;
    std::optional<EmailTemplate> text;
    std::optional<EmailTemplate> unsubscribe;

    static std::optional<CampaignDefinition> fromJson(
        const QString &key, const QJsonObject &json, QString *error);
    QJsonObject toJson() const;
    /** Refuses an unknown segment, layout or slot, and templates naming unknown blocks or segments. */
    bool check(const ConfigNames &names, QString *error) const;

    /** The segments the templates name (segments.NAME). */
    QStringList templateSegments() const;
    bool isInWindow(qint64 time) const
    {
        return (!windowStart || time >= *windowStart) && (!windowEnd || time <= *windowEnd);
    }
};

} // namespace Vitrine
