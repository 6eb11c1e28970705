// SPDX-License-Identifier: GPL-3.0-or-later
#include "resolvedpage.h"

#include "storage/timestamp.h"

#include <QJsonArray>

#include <cmath>

namespace Vitrine {

namespace {

QJsonValue money(double value)
{
    return std::isnan(value) ? QJsonValue() : QJsonValue(std::round(value * 100.0) / 100.0);
}

QJsonObject itemJson(const ResolvedItem &item, int position)
{
    return {
        {QStringLiteral("position"), position},
        {QStringLiteral("item"), item.sku},
        {QStringLiteral("title"), item.title},
        {QStringLiteral("price"), money(item.price)},
        {QStringLiteral("sale_price"), item.onSale ? money(item.salePrice) : QJsonValue()},
        {QStringLiteral("image"), item.image},
        {QStringLiteral("link"), item.link},
        {QStringLiteral("category"), item.category},
        {QStringLiteral("brand"), item.brand},
        {QStringLiteral("score"), std::round(item.score * 1e4) / 1e4},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(item.reasons)},
        {QStringLiteral("pinned"), item.pinned},
        {QStringLiteral("fallback"), item.fallback.isEmpty() ? QJsonValue() : QJsonValue(item.fallback)},
    };
}

QJsonObject blockJson(const ResolvedBlock &block)
{
    QJsonObject json {{QStringLiteral("id"), block.id},
        {QStringLiteral("type"), LayoutBlock::typeName(block.type)}, {QStringLiteral("title"), block.title}};
    if (!block.error.isEmpty())
        json.insert(QStringLiteral("error"), block.error);
    switch (block.type) {
    case LayoutBlock::Type::Slot: {
        json.insert(QStringLiteral("slot"), block.slot);
        QJsonArray items;
        int position = 0;
        for (const ResolvedItem &item : block.items)
            items.append(itemJson(item, ++position));
        json.insert(QStringLiteral("items"), items);
        json.insert(QStringLiteral("used_fallback"), block.usedFallback);
        break;
    }
    case LayoutBlock::Type::Banners: {
        json.insert(QStringLiteral("group"), block.group);
        if (block.banner) {
            const ResolvedBanner &b = *block.banner;
            json.insert(QStringLiteral("banner"),
                QJsonObject {{QStringLiteral("key"), b.key}, {QStringLiteral("title"), b.title},
                    {QStringLiteral("text"), b.text}, {QStringLiteral("image"), b.image},
                    {QStringLiteral("link"), b.link}, {QStringLiteral("alt"), b.alt},
                    {QStringLiteral("priority"), b.priority}});
        } else {
            json.insert(QStringLiteral("banner"), QJsonValue());
        }
        json.insert(QStringLiteral("reason"), block.bannerReason);
        QJsonArray candidates;
        for (const BannerCandidate &c : block.candidates) {
            candidates.append(
                QJsonObject {{QStringLiteral("key"), c.key}, {QStringLiteral("status"), c.status},
                    {QStringLiteral("priority"), c.priority}, {QStringLiteral("detail"), c.detail}});
        }
        json.insert(QStringLiteral("candidates"), candidates);
        break;
    }
    case LayoutBlock::Type::Categories: {
        QJsonArray categories;
        for (const ResolvedCategory &c : block.categories) {
            categories.append(QJsonObject {{QStringLiteral("name"), c.name}, {QStringLiteral("path"), c.path},
                {QStringLiteral("affinity"), std::round(c.affinity * 1e4) / 1e4},
                {QStringLiteral("placement"), c.placement}, {QStringLiteral("reason"), c.reason}});
        }
        json.insert(QStringLiteral("categories"), categories);
        json.insert(QStringLiteral("personal_order"), block.personalOrder);
        json.insert(QStringLiteral("reason"), block.orderReason);
        break;
    }
    case LayoutBlock::Type::Text:
        json.insert(QStringLiteral("style"), block.style);
        json.insert(QStringLiteral("text"), block.text);
        json.insert(QStringLiteral("image"), block.image);
        json.insert(QStringLiteral("link"), block.link);
        break;
    }
    return json;
}

} // namespace

const ResolvedBlock *ResolvedPage::block(const QString &id) const
{
    for (const ResolvedBlock &b : blocks) {
        if (b.id == id)
            return &b;
    }
    return nullptr;
}

QJsonObject ResolvedPage::toJson() const
{
    QJsonObject json {
        {QStringLiteral("ok"), ok},
        {QStringLiteral("layout"), layout},
        {QStringLiteral("title"), title},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("user"), externalId.isEmpty() ? QJsonValue() : QJsonValue(externalId)},
        {QStringLiteral("as_of"), asOf},
        {QStringLiteral("as_of_iso"), Timestamp::toIso(asOf)},
        {QStringLiteral("milliseconds"), std::round(milliseconds * 1000.0) / 1000.0},
    };
    if (!error.isEmpty())
        json.insert(QStringLiteral("error"), error);
    if (!contextItem.isEmpty())
        json.insert(QStringLiteral("item"), contextItem);
    if (!cart.isEmpty())
        json.insert(QStringLiteral("cart"), QJsonArray::fromStringList(cart));
    json.insert(QStringLiteral("variant"),
        QJsonObject {
            {QStringLiteral("segment"), variant.isEmpty() ? QJsonValue() : QJsonValue(variant)},
            {QStringLiteral("title"), variantTitle},
            {QStringLiteral("reason"), variantReason},
            {QStringLiteral("explanation"), QJsonArray::fromStringList(variantExplanation)},
        });
    QJsonArray blockArray;
    for (const ResolvedBlock &b : blocks)
        blockArray.append(blockJson(b));
    json.insert(QStringLiteral("blocks"), blockArray);
    return json;
}

} // namespace Vitrine
