// SPDX-License-Identifier: GPL-3.0-or-later
#include "slotresult.h"

#include "snapshot.h"

#include <QJsonArray>

#include <cmath>

namespace Vitrine {

QString WhyNot::stepName(Step step)
{
    switch (step) {
    case Step::Shown:
        return QStringLiteral("shown");
    case Step::NotInCatalog:
        return QStringLiteral("not_in_catalog");
    case Step::NotCandidate:
        return QStringLiteral("not_a_candidate");
    case Step::Filtered:
        return QStringLiteral("filtered");
    case Step::Deduped:
        return QStringLiteral("deduped");
    case Step::Diversity:
        return QStringLiteral("diversity");
    case Step::BelowCut:
        break;
    }
    return QStringLiteral("below_cut");
}

QJsonObject SlotResult::toJson(const Snapshot &snapshot, const RecommendRequest &request) const
{
    QJsonArray itemList;
    for (const RecommendedItem &entry : items) {
        QJsonArray contributions;
        for (const Contribution &c : entry.contributions) {
            contributions.append(QJsonObject{
                {QStringLiteral("strategy"), c.strategy},
                {QStringLiteral("score"), double(c.score)},
                {QStringLiteral("normalised"), double(c.normalised)},
                {QStringLiteral("weight"), c.weight},
                {QStringLiteral("reason"), c.reason},
            });
        }
        QJsonObject json{
            {QStringLiteral("item"), snapshot.sku(entry.item)},
            {QStringLiteral("title"), snapshot.title(entry.item)},
            {QStringLiteral("score"), double(entry.score)},
            {QStringLiteral("reasons"), QJsonArray::fromStringList(entry.reasons)},
            {QStringLiteral("contributions"), contributions},
            {QStringLiteral("boosts"), QJsonArray::fromStringList(entry.boosts)},
            {QStringLiteral("pinned"), entry.pinned},
            {QStringLiteral("fallback"), entry.fallback.isEmpty() ? QJsonValue() : QJsonValue(entry.fallback)},
            {QStringLiteral("category"), snapshot.category(entry.item) >= 0
                                             ? QJsonValue(snapshot.categoryInfo(snapshot.category(entry.item)).path)
                                             : QJsonValue()},
        };
        const float price = snapshot.price(entry.item);
        json.insert(QStringLiteral("price"), std::isnan(price) ? QJsonValue() : QJsonValue(double(price)));
        json.insert(QStringLiteral("sale_price"),
                    snapshot.onSale(entry.item) ? QJsonValue(double(snapshot.salePrice(entry.item))) : QJsonValue());
        itemList.append(json);
    }
    QJsonObject json{
        {QStringLiteral("user"), request.user >= 0 ? QJsonValue(snapshot.externalId(request.user)) : QJsonValue()},
        {QStringLiteral("slot"), slot},
        {QStringLiteral("title"), title},
        {QStringLiteral("items"), itemList},
        {QStringLiteral("used_fallback"), usedFallback},
    };
    if (request.contextItem >= 0)
        json.insert(QStringLiteral("context_item"), snapshot.sku(request.contextItem));
    if (!request.cart.empty()) {
        QJsonArray cart;
        for (int item : request.cart)
            cart.append(snapshot.sku(item));
        json.insert(QStringLiteral("cart"), cart);
    }
    json.insert(QStringLiteral("as_of"), snapshot.asOf());
    if (!warnings.isEmpty())
        json.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
    if (whyNot) {
        QJsonObject why{
            {QStringLiteral("item"), whyNot->item >= 0 ? QJsonValue(snapshot.sku(whyNot->item)) : QJsonValue()},
            {QStringLiteral("step"), WhyNot::stepName(whyNot->step)},
            {QStringLiteral("message"), whyNot->message},
        };
        if (whyNot->position >= 0)
            why.insert(QStringLiteral("position"), whyNot->position);
        if (!whyNot->rule.isEmpty())
            why.insert(QStringLiteral("rule"), whyNot->rule);
        json.insert(QStringLiteral("why_not"), why);
    }
    return json;
}

} // namespace Vitrine
