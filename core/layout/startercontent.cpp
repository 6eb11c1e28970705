// SPDX-License-Identifier: GPL-3.0-or-later
#include "startercontent.h"

#include "audience/startersegments.h"
#include "engine/starterslots.h"
#include "storage/catalogreader.h"
#include "storage/configstore.h"
#include "storage/database.h"
#include "storage/timestamp.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace Vitrine {

namespace StarterContent {

namespace {

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// Written as JSON, exactly as a marketer would in the studio or with `layout save`.
constexpr const char *kHome = R"({
    "title": "Home",
    "kind": "page",
    "blocks": [
        {"id": "hero", "type": "banners", "group": "home-hero"},
        {"id": "categories", "type": "categories", "title": "Shop by category", "kind": "",
         "order": ["Fashion", "Home", "Outdoor", "Beauty", "Electronics", "Kids"], "pinned_last": ["Journal"]},
        {"id": "for-you", "type": "slot", "slot": "home-for-you", "k": 8},
        {"id": "bestsellers", "type": "slot", "slot": "home-bestsellers", "k": 8},
        {"id": "new", "type": "slot", "slot": "home-new-arrivals", "k": 8},
        {"id": "on-sale", "type": "slot", "slot": "home-on-sale", "k": 8}
    ],
    "variants": [
        {"segment": "vip", "title": "Home — VIP",
         "hide": ["on-sale"],
         "add": [{"after": "hero", "block": {"id": "vip-note", "type": "text", "style": "hero",
                  "title": "Thank you for being one of our best customers",
                  "text": "Free express delivery and early access to the new collection, all year."}}],
         "order": ["hero", "vip-note", "new", "for-you"]},
        {"segment": "new-customers", "title": "Home — welcome",
         "swap": [{"id": "for-you", "block": {"id": "people-like-you", "type": "slot", "slot": "home-people-like-you", "k": 8}}],
         "add": [{"after": "hero", "block": {"id": "welcome", "type": "text",
                  "title": "Welcome to Vitrine Shop", "text": "Thank you for your first order. Here is what people like you love."}}]}
    ]
})";

constexpr const char *kProduct = R"({
    "title": "Product page",
    "kind": "page",
    "blocks": [
        {"id": "similar", "type": "slot", "slot": "product-similar", "k": 6},
        {"id": "bought-together", "type": "slot", "slot": "cart-bought-together", "k": 4}
    ]
})";

constexpr const char *kNewsletter = R"({
    "title": "Weekly newsletter",
    "kind": "email",
    "blocks": [
        {"id": "hero", "type": "banners", "group": "newsletter-hero"},
        {"id": "picks", "type": "slot", "slot": "email-picks", "k": 4}
    ],
    "variants": [
        {"segment": "vip", "add": [{"after": "picks", "block": {"id": "new", "type": "slot", "slot": "home-new-arrivals",
                                    "k": 3, "title": "First look: the new collection"}}]},
        {"segment": "outdoor-readers", "add": [{"after": "picks", "block": {"id": "stories", "type": "slot",
                                                "slot": "content-for-you", "k": 2, "title": "Stories for you"}}]}
    ]
})";

constexpr const char *kBanners[][2] = {
    {"welcome", R"({"group": "home-hero", "title": "New season, new favourites",
        "text": "Discover the collection, picked for the Nordic light.", "image": "https://img.example.com/banners/welcome.jpg",
        "link": "https://shop.example.com/new", "alt": "Autumn collection", "priority": 0})"},
    {"trails-north", R"({"group": "home-hero", "title": "Trail season in the north",
        "text": "Trails, tracks and the gear to reach them — for readers of our outdoor stories.",
        "image": "https://img.example.com/banners/trails.jpg", "link": "https://shop.example.com/c/Outdoor", "priority": 30,
        "targeting": {"all": [{"profile": {"field": "country", "in": ["Norway", "Sweden", "Finland"]}},
                              {"any": [{"affinity": {"topic": "Hiking", "at_least": 0.1}},
                                       {"affinity": {"topic": "Running", "at_least": 0.1}},
                                       {"affinity": {"topic": "Camping", "at_least": 0.1}},
                                       {"affinity": {"topic": "Winter Sports", "at_least": 0.1}}]}]}})"},
    {"outdoor-stories", R"({"group": "home-hero", "title": "New outdoor stories every week",
        "text": "From the journal: camping, cycling and winter sports.", "image": "https://img.example.com/banners/journal.jpg",
        "link": "https://shop.example.com/journal/outdoor", "priority": 20,
        "targeting": {"segment": "outdoor-readers"}})"},
    {"vip-preview", R"({"group": "home-hero", "title": "VIP preview: the new collection",
        "text": "Shop it a week before everybody else.", "image": "https://img.example.com/banners/vip.jpg",
        "link": "https://shop.example.com/vip", "priority": 40, "targeting": {"segment": "vip"}, "schedule": {}})"},
    {"summer-sale", R"({"group": "home-hero", "title": "Summer sale: up to 50% off",
        "link": "https://shop.example.com/sale", "priority": 50, "schedule": {}})"},
    {"newsletter-outdoor", R"({"group": "newsletter-hero", "title": "Out there this weekend?",
        "text": "Our guide to the best day hikes, and what to pack.", "link": "https://shop.example.com/journal/outdoor",
        "priority": 10, "targeting": {"segment": "outdoor-readers"}})"},
    {"newsletter-default", R"({"group": "newsletter-hero", "title": "This week at Vitrine Shop",
        "text": "New arrivals, stories and picks for you.", "link": "https://shop.example.com", "priority": 0})"},
};

constexpr const char *kNewsletterHtml = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{campaign.title}}</title></head>
<body style="margin:0;background:#f4f5f7">
<div style="display:none">{{#blocks.picks.has_items}}{{blocks.picks.count}} picks for you this week{{/blocks.picks.has_items}}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="background:#ffffff;padding:24px;font:15px/1.5 sans-serif;color:#1d232b">
<tr><td>
<p>Hi {{person.first_name}},</p>
<p>{{#segments.vip}}As one of our best customers, you get the first look at what is new — and free express delivery, as always.{{/segments.vip}}
{{^segments.vip}}{{#segments.new-customers}}Thank you for your first order! Here are a few things we think you will like next.{{/segments.new-customers}}
{{^segments.new-customers}}{{#segments.lapsed}}It has been a while — we have saved a few favourites for you.{{/segments.lapsed}}
{{^segments.lapsed}}{{#behaviour.favourite_category}}Fresh picks from {{behaviour.favourite_category}} and beyond, chosen for you.{{/behaviour.favourite_category}}
{{^behaviour.favourite_category}}Here is what is new and popular this week.{{/behaviour.favourite_category}}{{/segments.lapsed}}{{/segments.new-customers}}{{/segments.vip}}</p>
{{> hero}}
{{> picks}}
{{#blocks.picks.empty}}<p>Browse the <a href="{{shop.url}}/new">new collection</a> for this week's arrivals.</p>{{/blocks.picks.empty}}
{{> new}}
{{#blocks.stories.has_items}}<h2 style="font:bold 18px sans-serif">{{blocks.stories.title}}</h2>
<ul>{{#blocks.stories.items}}<li><a href="{{link}}">{{title}}</a></li>{{/blocks.stories.items}}</ul>{{/blocks.stories.has_items}}
<p style="font-size:12px;color:#6b7480">You receive this e-mail from {{shop.name}} because you agreed to hear from us.
<a href="{{unsubscribe_url}}">Unsubscribe</a></p>
</td></tr></table></td></tr></table>
</body></html>
)";

constexpr const char *kNewsletterSubject
    = "{{#segments.vip}}{{person.first_name}}, your VIP first look this week{{/segments.vip}}"
      "{{^segments.vip}}{{#segments.lapsed}}We miss you, {{person.first_name}}: new picks "
      "inside{{/segments.lapsed}}"
      "{{^segments.lapsed}}{{#behaviour.favourite_category}}New in {{behaviour.favourite_category}}, picked "
      "for you, {{person.first_name}}{{/behaviour.favourite_category}}"
      "{{^behaviour.favourite_category}}This week at Vitrine "
      "Shop{{/behaviour.favourite_category}}{{/segments.lapsed}}{{/segments.vip}}";

} // namespace

Definitions layouts()
{
    return {{QStringLiteral("home"), parse(kHome)}, {QStringLiteral("product"), parse(kProduct)},
        {QStringLiteral("newsletter"), parse(kNewsletter)}};
}

Definitions banners(qint64 anchor)
{
    Definitions list;
    for (const auto &banner : kBanners) {
        QJsonObject json = parse(banner[1]);
        const QString key = QString::fromLatin1(banner[0]);
        if (key == QLatin1String("vip-preview")) {
            // Running now: from two weeks before the catalog's last activity to a month after.
            json.insert(QStringLiteral("schedule"),
                QJsonObject {{QStringLiteral("start"), Timestamp::toIso(anchor - 14 * 86400)},
                    {QStringLiteral("end"), Timestamp::toIso(anchor + 30 * 86400)}});
        } else if (key == QLatin1String("summer-sale")) {
            // Over: it shows how a schedule keeps a high-priority banner off the page.
            json.insert(QStringLiteral("schedule"),
                QJsonObject {{QStringLiteral("start"), Timestamp::toIso(anchor - 150 * 86400)},
                    {QStringLiteral("end"), Timestamp::toIso(anchor - 90 * 86400)}});
        }
        list.append({key, json});
    }
    return list;
}

Definitions campaigns()
{
    QJsonObject newsletter {
        {QStringLiteral("title"), QStringLiteral("Weekly newsletter")},
        {QStringLiteral("from"),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("Vitrine Shop")},
                {QStringLiteral("email"), QStringLiteral("news@shop.example.com")}}},
        {QStringLiteral("layout"), QStringLiteral("newsletter")},
        {QStringLiteral("subject"), QString::fromUtf8(kNewsletterSubject)},
        {QStringLiteral("html"), QString::fromUtf8(kNewsletterHtml)},
        {QStringLiteral("fallbacks"), QJsonObject {{QStringLiteral("first_name"), QStringLiteral("there")}}},
        {QStringLiteral("shop"),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("Vitrine Shop")},
                {QStringLiteral("url"), QStringLiteral("https://shop.example.com")},
                {QStringLiteral("currency"), QStringLiteral("€")}}},
        {QStringLiteral("unsubscribe_url"),
            QStringLiteral("https://shop.example.com/unsubscribe?u={{person.id}}")},
    };
    QJsonObject vip = newsletter;
    vip.insert(QStringLiteral("title"), QStringLiteral("VIP early access"));
    vip.insert(QStringLiteral("segment"), QStringLiteral("vip"));
    vip.remove(QStringLiteral("layout"));
    vip.insert(QStringLiteral("blocks"),
        QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("picks")},
            {QStringLiteral("type"), QStringLiteral("slot")},
            {QStringLiteral("slot"), QStringLiteral("email-picks")}, {QStringLiteral("k"), 4}}});
    vip.insert(QStringLiteral("subject"),
        QStringLiteral("{{person.first_name}}, the new collection is yours a week early"));
    vip.insert(QStringLiteral("html"),
        QStringLiteral(
            "<!DOCTYPE html>\n<html><head><meta "
            "charset=\"utf-8\"><title>{{campaign.title}}</title></head><body>\n"
            "<p>Hi {{person.first_name}},</p>\n<p>As a VIP you can shop the new collection before anybody "
            "else.</p>\n"
            "{{> picks}}\n<p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>\n</body></html>\n"));
    return {{QStringLiteral("weekly-newsletter"), newsletter}, {QStringLiteral("vip-early-access"), vip}};
}

} // namespace StarterContent

bool installStarterContent(Database &db, QString *error)
{
    if (!StarterSlots::install(db, error) || !StarterSegments::install(db, error))
        return false;
    bool ok = false;
    // The latest event that is not in the future, as the snapshot's default time: one event dated
    // 9999-12-31 must not move it.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    qint64 anchor = CatalogReader(db).latestEventTime(now, &ok);
    if (!ok || anchor <= 0)
        anchor = now;
    ConfigStore store(db);
    const auto install = [&](const QString &kind, const StarterContent::Definitions &definitions) {
        for (const auto &[key, definition] : definitions) {
            if (store.get(kind, key))
                continue;
            if (!store.save(kind, key, definition, error))
                return false;
        }
        return true;
    };
    return install(QStringLiteral("layouts"), StarterContent::layouts())
        && install(QStringLiteral("banners"), StarterContent::banners(anchor))
        && install(QStringLiteral("campaigns"), StarterContent::campaigns());
}

} // namespace Vitrine
