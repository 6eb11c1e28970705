// SPDX-License-Identifier: GPL-3.0-or-later
#include "rulechoices.h"

#include "catalog/eventtype.h"
#include "engine/snapshot.h"

#include <QCollator>

#include <algorithm>

namespace Vitrine {

namespace {

const QString ItemSeparator = QStringLiteral(" — ");

void sortNames(QStringList &names)
{
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(names.begin(), names.end(), collator);
}

} // namespace

RuleChoices RuleChoices::fromSnapshot(const Snapshot *snapshot)
{
    RuleChoices choices;
    choices.eventTypes = eventTypeNames();
    if (!snapshot)
        return choices;
    if (snapshot->eventCount(int(EventType::Purchase)) == 0) {
        int common = -1;
        for (int type = 0; type < EventTypeCount; ++type) {
            if (snapshot->eventCount(type) > 0 && (common < 0 || snapshot->eventCount(type) > snapshot->eventCount(common)))
                common = type;
        }
        if (common >= 0)
            choices.commonEvent = eventTypeName(EventType(common));
    }
    for (int c = 0; c < snapshot->countryCount(); ++c) {
        if (!snapshot->countryName(c).isEmpty())
            choices.countries.append(snapshot->countryName(c));
    }
    sortNames(choices.countries);
    for (int b = 0; b < snapshot->brandCount(); ++b) {
        if (!snapshot->brandName(b).isEmpty())
            choices.brands.append(snapshot->brandName(b));
    }
    sortNames(choices.brands);

    // Categories as a tree, depth first, siblings by name.
    std::vector<std::vector<int>> children(size_t(snapshot->categoryCount()) + 1);
    for (int c = 0; c < snapshot->categoryCount(); ++c)
        children[size_t(snapshot->categoryInfo(c).parent + 1)].push_back(c);
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    for (auto &list : children) {
        std::sort(list.begin(), list.end(), [&](int a, int b) {
            return collator.compare(snapshot->categoryInfo(a).name, snapshot->categoryInfo(b).name) < 0;
        });
    }
    std::vector<int> stack(children[0].rbegin(), children[0].rend());
    while (!stack.empty()) {
        const int c = stack.back();
        stack.pop_back();
        const Snapshot::Category &info = snapshot->categoryInfo(c);
        choices.categories.append({info.path, info.name, info.depth});
        const auto &below = children[size_t(c) + 1];
        stack.insert(stack.end(), below.rbegin(), below.rend());
    }

    choices.items.reserve(snapshot->itemCount());
    for (int i = 0; i < snapshot->itemCount(); ++i) {
        const QString &sku = snapshot->sku(i);
        const QString &title = snapshot->title(i);
        choices.items.append(title == sku ? sku : sku + ItemSeparator + title);
    }
    return choices;
}

QString RuleChoices::skuOf(const QString &entry)
{
    const qsizetype at = entry.indexOf(ItemSeparator);
    return (at < 0 ? entry : entry.left(at)).trimmed();
}

} // namespace Vitrine
