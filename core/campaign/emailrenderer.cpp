// SPDX-License-Identifier: GPL-3.0-or-later
#include "emailrenderer.h"

#include "emailaddress.h"
#include "htmltotext.h"
#include "layout/audiencecache.h"
#include "layout/categorynavigation.h"
#include "layout/htmlescape.h"
#include "layout/pageresolver.h"
#include "mustacheinclude.h"
#include "storage/timestamp.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QUrl>

#include <cmath>

namespace Vitrine {

namespace {

using Data = kainjow::mustache::data;
using Template = kainjow::mustache::mustache;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::EmailRenderer)
};

/** Text for the templates; empty text is false, so {{#field}}…{{/field}} and {{^field}} test for it. */
Data str(const QString &text)
{
    return text.isEmpty() ? Data(Data::type::bool_false) : Data(text.toStdString());
}

Data flag(bool value)
{
    return Data(value ? Data::type::bool_true : Data::type::bool_false);
}

std::string htmlEscape(const std::string &s)
{
    std::string out;
    out.reserve(s.size() + 16);
    for (const char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

Data jsonData(const QJsonValue &value)
{
    if (value.isBool())
        return flag(value.toBool());
    if (value.isDouble())
        return str(QString::number(value.toDouble(), 'g', 12));
    if (value.isString())
        return str(value.toString());
    if (value.isArray()) {
        Data list(Data::type::list);
        const QJsonArray array = value.toArray();
        for (const QJsonValue &element : array)
            list.push_back(jsonData(element));
        return list;
    }
    if (value.isObject()) {
        Data object(Data::type::object);
        const QJsonObject json = value.toObject();
        for (auto it = json.begin(); it != json.end(); ++it)
            object.set(it.key().toStdString(), jsonData(it.value()));
        return object;
    }
    return flag(false);
}

/** The default HTML of a block for {{> ID}}: a template over the block's own data, so it is escaped too. */
std::string blockPartial(const LayoutBlock &block)
{
    const std::string id = block.id.toStdString();
    const std::string open = "{{#blocks." + id + "}}";
    const std::string close = "{{/blocks." + id + "}}";
    switch (block.type) {
    case LayoutBlock::Type::Slot:
        return open
            + "{{#has_items}}<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" "
              "style=\"margin:16px 0\"><tr><td style=\"font:bold 18px sans-serif;padding:8px "
              "0\">{{title}}</td></tr>"
              "{{#items}}<tr><td style=\"padding:6px 0;border-top:1px solid #eee;font:14px sans-serif\">"
              "{{#image}}<img src=\"{{image}}\" alt=\"{{title}}\" width=\"80\" "
              "style=\"float:left;margin-right:12px\">{{/image}}"
              "<a href=\"{{link}}\" style=\"color:#1d4f7a\">{{title}}</a><br>"
              "{{#on_sale}}<s>{{price}}</s> <b style=\"color:#b3261e\">{{sale_price}}</b>{{/on_sale}}"
              "{{^on_sale}}<b>{{price}}</b>{{/on_sale}}</td></tr>{{/items}}</table>{{/has_items}}"
            + close;
    case LayoutBlock::Type::Banners:
        return open
            + "{{#banner}}<table role=\"presentation\" width=\"100%\" style=\"margin:16px "
              "0;background:#24415f\"><tr>"
              "<td style=\"padding:20px;color:#fff;font:16px sans-serif\"><b "
              "style=\"font-size:20px\">{{title}}</b><br>{{text}}"
              "{{#link}}<br><a href=\"{{link}}\" style=\"color:#ffe7a8\">Read "
              "more</a>{{/link}}</td></tr></table>{{/banner}}"
            + close;
    case LayoutBlock::Type::Categories:
        return open
            + "<p style=\"font:14px sans-serif\">{{#categories}}<a href=\"{{link}}\" "
              "style=\"margin-right:12px\">{{name}}</a>"
              "{{/categories}}</p>"
            + close;
    case LayoutBlock::Type::Text:
        return open
            + "{{#title}}<h2 style=\"font:bold 18px sans-serif\">{{title}}</h2>{{/title}}<p "
              "style=\"font:14px sans-serif\">{{text}}</p>"
            + close;
    }
    return {};
}

QString moneyText(double value, const QString &currency)
{
    if (std::isnan(value))
        return {};
    const QString amount = QString::number(value, 'f', 2);
    if (currency.isEmpty())
        return amount;
    bool letters = currency.size() > 1;
    for (const QChar c : currency)
        letters = letters && c.isLetter();
    return letters ? amount + QLatin1Char(' ') + currency : currency + amount;
}

} // namespace

struct EmailRenderer::Impl
{
    const PageResolver &resolver;
    CampaignDefinition campaign;
    LayoutDefinition layout;
    QString error;
    std::unique_ptr<Template> subject;
    std::unique_ptr<Template> html;
    std::unique_ptr<Template> text;
    std::unique_ptr<Template> unsubscribe;
    QStringList segments;
    std::unique_ptr<CategoryNavigation> favourites;
    QString currency;

    Impl(const PageResolver &r, const CampaignDefinition &c)
        : resolver(r)
        , campaign(c)
    { }

    Data personData(const PersonContact &contact, int user) const;
    Data behaviourData(int user) const;
    Data blockData(const ResolvedBlock &block) const;
    QString renderTemplate(Template &t, const Data &data, QString *problem) const;
};

EmailRenderer::EmailRenderer(const PageResolver &resolver, const CampaignDefinition &campaign)
    : d(std::make_unique<Impl>(resolver, campaign))
{
    if (!campaign.layout.isEmpty()) {
        const std::optional<LayoutDefinition> layout = resolver.layout(campaign.layout);
        if (!layout)
            d->error = Tr::tr("campaign '%1': no layout named '%2'").arg(campaign.key, campaign.layout);
        else
            d->layout = *layout;
    } else {
        d->layout.key = campaign.key;
        d->layout.title = campaign.title;
        d->layout.kind = QStringLiteral("email");
        d->layout.blocks = campaign.blocks;
    }
    const auto compile = [](const std::optional<EmailTemplate> &source,
                             const kainjow::mustache::mustache::escape_handler &escape) {
        if (!source)
            return std::unique_ptr<Template>();
        auto t = std::make_unique<Template>(source->source().toStdString());
        t->set_custom_escape(escape);
        return t;
    };
    const auto verbatim = [](const std::string &s) {
        return s;
    };
    d->subject = compile(campaign.subject, verbatim);
    d->html = compile(campaign.html, htmlEscape);
    d->text = compile(campaign.text, verbatim);
    d->unsubscribe = compile(campaign.unsubscribe, [](const std::string &s) {
        return QUrl::toPercentEncoding(QString::fromStdString(s)).toStdString();
    });
    d->segments = campaign.templateSegments();
    LayoutBlock top;
    top.type = LayoutBlock::Type::Categories;
    top.eventMask = LayoutBlock::defaultEventMask();
    d->favourites = std::make_unique<CategoryNavigation>(resolver.snapshot(), top);
    d->currency = campaign.currency.isEmpty() ? QStringLiteral("€") : campaign.currency;
}

EmailRenderer::~EmailRenderer() = default;

bool EmailRenderer::isValid(QString *error) const
{
    if (error)
        *error = d->error;
    return d->error.isEmpty() && d->subject && d->html;
}

const CampaignDefinition &EmailRenderer::campaign() const
{
    return d->campaign;
}

const LayoutDefinition &EmailRenderer::layout() const
{
    return d->layout;
}

Data EmailRenderer::Impl::personData(const PersonContact &contact, int user) const
{
    const Snapshot &s = *resolver.snapshot();
    const auto withFallback = [this](const char *field, const QString &value) {
        const QString trimmed = value.trimmed();
        return trimmed.isEmpty() ? campaign.fallbacks.value(QLatin1String(field)) : trimmed;
    };
    const QString name = contact.name.simplified();
    const qsizetype space = name.indexOf(QLatin1Char(' '));
    const QString first = space < 0 ? name : name.left(space);
    const QString last = space < 0 ? QString() : name.mid(space + 1);
    Data person(Data::type::object);
    person.set("id", str(contact.externalId));
    person.set("name", str(withFallback("name", name)));
    person.set("first_name", str(withFallback("first_name", first)));
    person.set("last_name", str(withFallback("last_name", last)));
    person.set("has_name", flag(!name.isEmpty()));
    person.set("email", str(contact.email));
    if (user >= 0) {
        const char gender = s.gender(user);
        person.set("gender", str(gender ? QString(QLatin1Char(gender)) : QString()));
        person.set("is_female", flag(gender == 'f'));
        person.set("is_male", flag(gender == 'm'));
        const int age = s.age(user);
        person.set("age", str(age >= 0 ? QString::number(age) : QString()));
        person.set("country",
            str(withFallback("country", s.country(user) >= 0 ? s.countryName(s.country(user)) : QString())));
        person.set(
            "city", str(withFallback("city", s.city(user) >= 0 ? s.cityName(s.city(user)) : QString())));
        person.set("attributes", jsonData(s.userAttributes(user)));
    }
    return person;
}

Data EmailRenderer::Impl::behaviourData(int user) const
{
    Data behaviour(Data::type::object);
    if (user < 0)
        return behaviour;
    const PersonFeatures &f = *resolver.audience()->features();
    const bool buyer = f.isBuyer(user);
    behaviour.set("purchases", str(QString::number(f.purchases(user))));
    behaviour.set("orders", str(QString::number(f.orders(user))));
    behaviour.set("spend", str(moneyText(f.monetary(user), currency)));
    behaviour.set("has_purchased", flag(buyer));
    behaviour.set("never_purchased", flag(!buyer));
    behaviour.set("days_since_purchase",
        str(buyer ? QString::number(qFloor(f.measure(ValueMeasure::RecencyDays, user))) : QString()));
    int reads = 0;
    for (const Snapshot::Event &event : f.events(user))
        reads += event.type == quint8(EventType::Read) ? 1 : 0;
    behaviour.set("articles_read", str(QString::number(reads)));
    behaviour.set("is_reader", flag(reads > 0));
    behaviour.set("has_history", flag(!f.events(user).empty()));
    const CategoryNavigation::Result order = favourites->order(user);
    const bool personal = order.personal && !order.categories.empty();
    behaviour.set("favourite_category", str(personal ? order.categories.front().name : QString()));
    return behaviour;
}

Data EmailRenderer::Impl::blockData(const ResolvedBlock &block) const
{
    Data data(Data::type::object);
    data.set("id", str(block.id));
    data.set("title", str(block.title));
    data.set("type", str(LayoutBlock::typeName(block.type)));
    Data items(Data::type::list);
    int position = 0;
    for (const ResolvedItem &item : block.items) {
        Data entry(Data::type::object);
        entry.set("position", str(QString::number(++position)));
        entry.set("sku", str(item.sku));
        entry.set("title", str(item.title));
        entry.set("price", str(moneyText(item.price, currency)));
        entry.set("sale_price", str(item.onSale ? moneyText(item.salePrice, currency) : QString()));
        entry.set("current_price", str(moneyText(item.onSale ? item.salePrice : item.price, currency)));
        entry.set("on_sale", flag(item.onSale));
        entry.set("image", str(HtmlEscape::isSafeUrl(item.image) ? item.image.trimmed() : QString()));
        entry.set("link", str(HtmlEscape::isSafeUrl(item.link) ? item.link.trimmed() : QString()));
        entry.set("category", str(item.category));
        entry.set("brand", str(item.brand));
        entry.set("reason", str(item.reasons.value(0)));
        entry.set("first", flag(position == 1));
        items.push_back(entry);
    }
    data.set("items", items);
    data.set("has_items", flag(!block.items.empty()));
    data.set("empty", flag(block.type == LayoutBlock::Type::Slot && block.items.empty()));
    data.set("fallback", flag(block.usedFallback));
    data.set("count", str(QString::number(block.items.size())));
    if (block.banner) {
        Data banner(Data::type::object);
        banner.set("key", str(block.banner->key));
        banner.set("title", str(block.banner->title));
        banner.set("text", str(block.banner->text));
        banner.set("image",
            str(HtmlEscape::isSafeUrl(block.banner->image) ? block.banner->image.trimmed() : QString()));
        banner.set("link",
            str(HtmlEscape::isSafeUrl(block.banner->link) ? block.banner->link.trimmed() : QString()));
        banner.set("alt", str(block.banner->alt));
        data.set("banner", banner);
    } else {
        data.set("banner", flag(false));
    }
    Data categories(Data::type::list);
    for (const ResolvedCategory &category : block.categories) {
        Data entry(Data::type::object);
        entry.set("name", str(category.name));
        entry.set("path", str(category.path));
        const QString base
            = campaign.shopUrl.isEmpty() ? QString() : campaign.shopUrl + QStringLiteral("/c/");
        entry.set("link",
            str(base.isEmpty() ? QString()
                               : base + QString::fromLatin1(QUrl::toPercentEncoding(category.path))));
        categories.push_back(entry);
    }
    data.set("categories", categories);
    data.set("text", str(block.text));
    return data;
}

QString EmailRenderer::Impl::renderTemplate(Template &t, const Data &data, QString *problem) const
{
    const std::string out = t.render(data);
    if (!t.is_valid() && problem)
        *problem = QString::fromStdString(t.error_message());
    return QString::fromStdString(out);
}

RenderedEmail EmailRenderer::render(const PersonContact &contact, int user, qint64 sendTime, bool explain)
{
    RenderedEmail email;
    email.externalId = contact.externalId;
    email.toAddress = contact.email.trimmed();
    email.toName = contact.name.simplified();
    email.date = sendTime;
    if (!isValid(&email.error))
        return email;
    // An address that would not parse never reaches a header (older catalogs were imported
    // unchecked); no address at all still renders, for a preview.
    QString why;
    if (!email.toAddress.isEmpty() && !EmailAddress::isValid(email.toAddress, &why)) {
        email.error = Tr::tr("person '%1': the stored e-mail address %2 is not an e-mail address (%3); "
                             "import the person again with a valid one")
                          .arg(contact.externalId, EmailAddress::quoted(email.toAddress), why);
        return email;
    }

    PageRequest request;
    request.user = user;
    request.asOf = sendTime;
    request.explain = explain;
    email.page = d->resolver.resolve(d->layout, request);
    if (!email.page.ok) {
        email.error = email.page.error;
        return email;
    }
    const auto &audience = d->resolver.audience();
    QString problem;
    email.segment = audience->firstMatch(user, {}, &problem);

    Data root(Data::type::object);
    root.set("person", d->personData(contact, user));
    if (!email.segment.isEmpty()) {
        Data segment(Data::type::object);
        const SegmentDefinition *definition = audience->library().find(email.segment);
        segment.set("name", str(email.segment));
        segment.set("title", str(definition ? definition->displayTitle() : email.segment));
        root.set("segment", segment);
    } else {
        root.set("segment", flag(false));
    }
    Data segments(Data::type::object);
    for (const QString &name : std::as_const(d->segments))
        segments.set(name.toStdString(), flag(user >= 0 && audience->isMember(name, user)));
    root.set("segments", segments);
    root.set("behaviour", d->behaviourData(user));
    Data blocks(Data::type::object);
    for (const ResolvedBlock &block : email.page.blocks) {
        blocks.set(block.id.toStdString(), d->blockData(block));
        if (block.type == LayoutBlock::Type::Slot && block.items.empty())
            email.emptyBlocks.append(block.id);
        if (block.type == LayoutBlock::Type::Slot && block.usedFallback)
            email.fallbackBlocks.append(block.id);
    }
    // A block the person's variant hides still answers to its name, empty.
    for (const LayoutBlock *block : d->layout.allBlocks()) {
        if (!email.page.block(block->id)) {
            ResolvedBlock hidden;
            hidden.id = block->id;
            hidden.type = block->type;
            blocks.set(block->id.toStdString(), d->blockData(hidden));
        }
    }
    root.set("blocks", blocks);
    root.set("campaign", [&] {
        Data campaign(Data::type::object);
        campaign.set("key", str(d->campaign.key));
        campaign.set("title", str(d->campaign.title));
        return campaign;
    }());
    Data shop(Data::type::object);
    shop.set("name", str(d->campaign.shopName));
    shop.set("url", str(HtmlEscape::isSafeUrl(d->campaign.shopUrl) ? d->campaign.shopUrl : QString()));
    shop.set("currency", str(d->currency));
    root.set("shop", shop);
    root.set("date", str(Timestamp::toIso(sendTime).left(10)));

    if (d->unsubscribe) {
        const QString url = d->renderTemplate(*d->unsubscribe, root, &problem).trimmed();
        email.unsubscribeUrl = HtmlEscape::isSafeUrl(url) ? url : QString();
    }
    root.set("unsubscribe_url", str(email.unsubscribeUrl));
    // Partials ({{> picks}}) are looked up in the data: the blocks' default HTML.
    for (const LayoutBlock *block : d->layout.allBlocks()) {
        if (!EmailTemplate::roots().contains(block->id))
            root.set(block->id.toStdString(), Data(blockPartial(*block)));
    }

    problem.clear();
    email.subject = d->renderTemplate(*d->subject, root, &problem).simplified();
    if (problem.isEmpty())
        email.html = d->renderTemplate(*d->html, root, &problem);
    if (problem.isEmpty())
        email.text = d->text ? d->renderTemplate(*d->text, root, &problem) : HtmlToText::convert(email.html);
    if (!problem.isEmpty()) {
        email.error = Tr::tr("campaign '%1': %2").arg(d->campaign.key, problem);
        return email;
    }
    // The campaign's sender was checked when it was saved; its domain in ASCII (IDNA) form.
    const std::optional<EmailAddress> sender = EmailAddress::parse(d->campaign.fromEmail);
    const QString domain
        = sender ? QString::fromLatin1(sender->domain()) : d->campaign.fromEmail.section(QLatin1Char('@'), 1);
    email.messageId = QString::fromLatin1(
                          QCryptographicHash::hash((d->campaign.key + QLatin1Char('\n') + contact.externalId
                                                       + QLatin1Char('\n') + QString::number(sendTime))
                                                       .toUtf8(),
                              QCryptographicHash::Sha1)
                              .toHex()
                              .left(32))
        + QLatin1Char('@') + domain;
    email.ok = true;
    return email;
}

MimeMessage EmailRenderer::message(const RenderedEmail &email) const
{
    MimeMessage message;
    message.fromName = d->campaign.fromName;
    message.fromAddress = d->campaign.fromEmail;
    message.replyTo = d->campaign.replyTo;
    message.toName = email.toName;
    message.toAddress = email.toAddress;
    message.subject = email.subject;
    message.date = email.date;
    message.messageId = email.messageId;
    message.listUnsubscribe = email.unsubscribeUrl;
    message.text = email.text;
    message.html = email.html;
    return message;
}

} // namespace Vitrine
