// SPDX-License-Identifier: GPL-3.0-or-later
#include "layoutdefinition.h"

#include "confignames.h"
#include "configreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::LayoutDefinition)
};

bool readVariant(const QJsonValue &json, const QString &path, const QStringList &baseIds,
    LayoutVariant &variant, QString *error)
{
    if (!json.isObject()) {
        *error = Tr::tr("%1: must be an object such as {\"segment\": \"vip\", \"hide\": [\"on-sale\"]}")
                     .arg(path);
        return false;
    }
    ConfigReader reader(json.toObject(), path);
    reader.allowOnly({"segment", "title", "swap", "hide", "add", "order"});
    variant.segment = reader.text("segment", true);
    variant.title = reader.text("title");
    if (!reader.ok()) {
        *error = reader.error();
        return false;
    }
    QStringList ids = baseIds;
    const auto readBlock = [&](const QJsonObject &object, const QString &where, LayoutBlock &block) {
        QString message;
        const auto parsed = LayoutBlock::fromJson(
            object.value(QStringLiteral("block")), where + QStringLiteral(".block"), &message);
        if (!parsed)
            return reader.failAt(QString(), message);
        block = *parsed;
        return true;
    };

    const QJsonArray swaps = reader.value("swap").toArray();
    if (reader.has("swap") && !reader.value("swap").isArray())
        reader.fail(QStringLiteral("swap"), Tr::tr("must be a list of {\"id\": …, \"block\": {…}}"));
    for (qsizetype i = 0; i < swaps.size() && reader.ok(); ++i) {
        const QString where = QStringLiteral("%1[%2]").arg(reader.place(QStringLiteral("swap"))).arg(i);
        const QJsonObject object = swaps.at(i).toObject();
        LayoutVariant::Swap swap;
        swap.id = object.value(QStringLiteral("id")).toString();
        if (!ids.contains(swap.id)) {
            reader.failAt(where + QStringLiteral(".id"),
                Tr::tr("no block '%1' in the layout (blocks: %2)")
                    .arg(swap.id, ids.join(QStringLiteral(", "))));
            break;
        }
        if (!readBlock(object, where, swap.block))
            break;
        if (swap.block.id != swap.id && ids.contains(swap.block.id)) {
            reader.failAt(where + QStringLiteral(".block.id"),
                Tr::tr("'%1' is already a block of the layout").arg(swap.block.id));
            break;
        }
        ids[ids.indexOf(swap.id)] = swap.block.id;
        variant.swaps.push_back(std::move(swap));
    }

    variant.hide = reader.strings("hide");
    for (qsizetype i = 0; i < variant.hide.size() && reader.ok(); ++i) {
        if (!ids.contains(variant.hide.at(i)))
            reader.failAt(QStringLiteral("%1[%2]").arg(reader.place(QStringLiteral("hide"))).arg(i),
                Tr::tr("no block '%1' in the layout (blocks: %2)")
                    .arg(variant.hide.at(i), ids.join(QStringLiteral(", "))));
    }
    for (const QString &hidden : std::as_const(variant.hide))
        ids.removeAll(hidden);

    if (reader.has("add") && !reader.value("add").isArray())
        reader.fail(QStringLiteral("add"), Tr::tr("must be a list of {\"block\": {…}, \"after\": ID}"));
    const QJsonArray additions = reader.value("add").toArray();
    for (qsizetype i = 0; i < additions.size() && reader.ok(); ++i) {
        const QString where = QStringLiteral("%1[%2]").arg(reader.place(QStringLiteral("add"))).arg(i);
        if (!additions.at(i).isObject()) {
            reader.failAt(where, Tr::tr("must be an object {\"block\": {…}, \"after\": ID}"));
            break;
        }
        const QJsonObject object = additions.at(i).toObject();
        LayoutVariant::Addition addition;
        if (!readBlock(object, where, addition.block))
            break;
        addition.after = object.value(QStringLiteral("after")).toString();
        addition.before = object.value(QStringLiteral("before")).toString();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() != QLatin1String("block") && it.key() != QLatin1String("after")
                && it.key() != QLatin1String("before"))
                reader.failAt(where + QLatin1Char('.') + it.key(),
                    Tr::tr("unknown key (expected block, after, before)"));
        }
        for (const QString &anchor : {addition.after, addition.before}) {
            if (!anchor.isEmpty() && !ids.contains(anchor))
                reader.failAt(where,
                    Tr::tr("no block '%1' to place it next to (blocks: %2)")
                        .arg(anchor, ids.join(QStringLiteral(", "))));
        }
        if (ids.contains(addition.block.id))
            reader.failAt(where + QStringLiteral(".block.id"),
                Tr::tr("'%1' is already a block of the layout; give the new block another id")
                    .arg(addition.block.id));
        ids.append(addition.block.id);
        variant.additions.push_back(std::move(addition));
    }

    variant.order = reader.strings("order");
    for (qsizetype i = 0; i < variant.order.size() && reader.ok(); ++i) {
        if (!ids.contains(variant.order.at(i)))
            reader.failAt(QStringLiteral("%1[%2]").arg(reader.place(QStringLiteral("order"))).arg(i),
                Tr::tr("no block '%1' in this variant (blocks: %2)")
                    .arg(variant.order.at(i), ids.join(QStringLiteral(", "))));
    }
    if (!reader.ok()) {
        *error = reader.error();
        return false;
    }
    return true;
}

} // namespace

bool LayoutDefinition::isValidKey(const QString &key, QString *error)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,63}$"));
    if (valid.match(key).hasMatch())
        return true;
    if (error)
        *error = Tr::tr("'%1' is not a valid key (1–64 lower-case letters, digits, '-' or '_')").arg(key);
    return false;
}

std::optional<LayoutDefinition> LayoutDefinition::fromJson(
    const QString &key, const QJsonObject &json, QString *error)
{
    QString message;
    const auto fail = [&](const QString &text) {
        if (error)
            *error = text;
        return std::nullopt;
    };
    if (!isValidKey(key, &message))
        return fail(message);
    ConfigReader reader(json, QString());
    reader.allowOnly({"title", "kind", "blocks", "variants", "description"});
    LayoutDefinition layout;
    layout.key = key;
    layout.title = reader.text("title");
    layout.kind = reader.text("kind", false, QStringLiteral("page"));
    if (reader.ok() && layout.kind != QLatin1String("page") && layout.kind != QLatin1String("email"))
        reader.fail(QStringLiteral("kind"), Tr::tr("must be page or email"));
    if (reader.ok() && !reader.value("blocks").isArray())
        reader.fail(QStringLiteral("blocks"),
            reader.has("blocks") ? Tr::tr("must be a list of blocks") : Tr::tr("missing (a list of blocks)"));
    if (!reader.ok())
        return fail(reader.error());

    const QJsonArray blocks = reader.value("blocks").toArray();
    QStringList ids;
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        const QString path = QStringLiteral("blocks[%1]").arg(i);
        auto block = LayoutBlock::fromJson(blocks.at(i), path, &message);
        if (!block)
            return fail(message);
        if (ids.contains(block->id))
            return fail(Tr::tr("%1.id: '%2' is used by blocks[%3] too; give each block its own id")
                            .arg(path, block->id)
                            .arg(ids.indexOf(block->id)));
        ids.append(block->id);
        layout.blocks.push_back(std::move(*block));
    }

    if (reader.has("variants") && !reader.value("variants").isArray())
        return fail(Tr::tr("variants: must be a list of variants"));
    const QJsonArray variants = reader.value("variants").toArray();
    for (qsizetype i = 0; i < variants.size(); ++i) {
        const QString path = QStringLiteral("variants[%1]").arg(i);
        LayoutVariant variant;
        if (!readVariant(variants.at(i), path, ids, variant, &message))
            return fail(message);
        if (layout.variant(variant.segment))
            return fail(Tr::tr("%1.segment: segment '%2' has a variant already").arg(path, variant.segment));
        layout.variants.push_back(std::move(variant));
    }
    return layout;
}

QJsonObject LayoutDefinition::toJson() const
{
    QJsonObject json;
    if (!title.isEmpty())
        json.insert(QStringLiteral("title"), title);
    json.insert(QStringLiteral("kind"), kind);
    QJsonArray blockArray;
    for (const LayoutBlock &block : blocks)
        blockArray.append(block.toJson());
    json.insert(QStringLiteral("blocks"), blockArray);
    if (variants.empty())
        return json;
    QJsonArray variantArray;
    for (const LayoutVariant &variant : variants) {
        QJsonObject v {{QStringLiteral("segment"), variant.segment}};
        if (!variant.title.isEmpty())
            v.insert(QStringLiteral("title"), variant.title);
        if (!variant.swaps.empty()) {
            QJsonArray swaps;
            for (const auto &swap : variant.swaps)
                swaps.append(QJsonObject {
                    {QStringLiteral("id"), swap.id}, {QStringLiteral("block"), swap.block.toJson()}});
            v.insert(QStringLiteral("swap"), swaps);
        }
        if (!variant.hide.isEmpty())
            v.insert(QStringLiteral("hide"), QJsonArray::fromStringList(variant.hide));
        if (!variant.additions.empty()) {
            QJsonArray additions;
            for (const auto &addition : variant.additions) {
                QJsonObject a {{QStringLiteral("block"), addition.block.toJson()}};
                if (!addition.after.isEmpty())
                    a.insert(QStringLiteral("after"), addition.after);
                if (!addition.before.isEmpty())
                    a.insert(QStringLiteral("before"), addition.before);
                additions.append(a);
            }
            v.insert(QStringLiteral("add"), additions);
        }
        if (!variant.order.isEmpty())
            v.insert(QStringLiteral("order"), QJsonArray::fromStringList(variant.order));
        variantArray.append(v);
    }
    json.insert(QStringLiteral("variants"), variantArray);
    return json;
}

const LayoutVariant *LayoutDefinition::variant(const QString &segment) const
{
    for (const LayoutVariant &v : variants) {
        if (v.segment == segment)
            return &v;
    }
    return nullptr;
}

std::vector<LayoutBlock> LayoutDefinition::blocksFor(const LayoutVariant *variant) const
{
    std::vector<LayoutBlock> result = blocks;
    if (!variant)
        return result;
    const auto find = [&result](const QString &id) {
        return std::find_if(result.begin(), result.end(), [&id](const LayoutBlock &b) { return b.id == id; });
    };
    for (const auto &swap : variant->swaps) {
        if (auto it = find(swap.id); it != result.end())
            *it = swap.block;
    }
    for (const QString &id : variant->hide) {
        if (auto it = find(id); it != result.end())
            result.erase(it);
    }
    for (const auto &addition : variant->additions) {
        auto at = result.end();
        if (!addition.after.isEmpty()) {
            at = find(addition.after);
            if (at != result.end())
                ++at;
        } else if (!addition.before.isEmpty()) {
            at = find(addition.before);
        }
        result.insert(at, addition.block);
    }
    std::vector<LayoutBlock> ordered;
    for (const QString &id : variant->order) {
        if (auto it = find(id); it != result.end()) {
            ordered.push_back(std::move(*it));
            result.erase(it);
        }
    }
    for (LayoutBlock &block : result)
        ordered.push_back(std::move(block));
    return ordered;
}

std::vector<const LayoutBlock *> LayoutDefinition::allBlocks() const
{
    std::vector<const LayoutBlock *> all;
    for (const PlacedBlock &placed : placedBlocks())
        all.push_back(placed.block);
    return all;
}

std::vector<LayoutDefinition::PlacedBlock> LayoutDefinition::placedBlocks() const
{
    std::vector<PlacedBlock> all;
    for (size_t i = 0; i < blocks.size(); ++i)
        all.push_back({QStringLiteral("blocks[%1]").arg(i), &blocks[i]});
    for (size_t v = 0; v < variants.size(); ++v) {
        const LayoutVariant &variant = variants[v];
        for (size_t i = 0; i < variant.swaps.size(); ++i)
            all.push_back({QStringLiteral("variants[%1].swap[%2].block").arg(v).arg(i), &variant.swaps[i].block});
        for (size_t i = 0; i < variant.additions.size(); ++i)
            all.push_back({QStringLiteral("variants[%1].add[%2].block").arg(v).arg(i), &variant.additions[i].block});
    }
    return all;
}

QStringList LayoutDefinition::allBlockIds() const
{
    QStringList ids;
    for (const LayoutBlock *block : allBlocks()) {
        if (!ids.contains(block->id))
            ids.append(block->id);
    }
    return ids;
}

bool LayoutDefinition::check(const ConfigNames &names, QString *error, QStringList *warnings) const
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const auto checkBlock = [&](const LayoutBlock &block, const QString &path) {
        if (block.type == LayoutBlock::Type::Slot && !names.slotKeys.contains(block.slot))
            return fail(Tr::tr("%1.slot: unknown slot '%2' (slots: %3)")
                            .arg(path, block.slot, ConfigNames::list(names.slotKeys)));
        if (block.type == LayoutBlock::Type::Banners && !names.bannerGroups.contains(block.group) && warnings)
            warnings->append(Tr::tr("%1.group: no banner is in group '%2' yet, so the block stays empty")
                                 .arg(path, block.group));
        return true;
    };
    for (size_t i = 0; i < blocks.size(); ++i) {
        if (!checkBlock(blocks[i], QStringLiteral("blocks[%1]").arg(i)))
            return false;
    }
    for (size_t v = 0; v < variants.size(); ++v) {
        const LayoutVariant &variant = variants[v];
        const QString path = QStringLiteral("variants[%1]").arg(v);
        if (!names.segments.contains(variant.segment))
            return fail(Tr::tr("%1.segment: unknown segment '%2' (segments: %3)")
                            .arg(path, variant.segment, ConfigNames::list(names.segments)));
        for (size_t i = 0; i < variant.swaps.size(); ++i) {
            if (!checkBlock(variant.swaps[i].block, QStringLiteral("%1.swap[%2].block").arg(path).arg(i)))
                return false;
        }
        for (size_t i = 0; i < variant.additions.size(); ++i) {
            if (!checkBlock(variant.additions[i].block, QStringLiteral("%1.add[%2].block").arg(path).arg(i)))
                return false;
        }
    }
    return true;
}

} // namespace Vitrine
