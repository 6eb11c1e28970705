// SPDX-License-Identifier: GPL-3.0-or-later
#include "pageresolver.h"

#include "audiencecache.h"
#include "categorynavigation.h"
#include "engine/recommender.h"
#include "storage/configstore.h"
#include "storage/database.h"
#include "storage/timestamp.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::PageResolver)
};

/** The conditions of an explanation that held, as short lines ("country is Norway — Norway"). */
QStringList heldConditions(const SegmentExplanation::Node &node)
{
    QStringList lines;
    if (node.children.empty()) {
        if (node.held)
            lines.append(node.actual.isEmpty() ? node.condition
                                               : QStringLiteral("%1 — %2").arg(node.condition, node.actual));
        return lines;
    }
    if (node.kind == QLatin1String("not"))
        return node.held ? QStringList {Tr::tr("not: %1").arg(node.children.front().condition)}
                         : QStringList();
    for (const auto &child : node.children)
        lines += heldConditions(child);
    return lines;
}

bool bannerBefore(const BannerDefinition &a, const BannerDefinition &b)
{
    if (a.priority != b.priority)
        return a.priority > b.priority;
    if (a.targeting.has_value() != b.targeting.has_value())
        return a.targeting.has_value();
    return a.key < b.key;
}

} // namespace

PageResolver::PageResolver(std::shared_ptr<Recommender> recommender, std::shared_ptr<AudienceCache> audience)
    : m_recommender(std::move(recommender))
    , m_audience(std::move(audience))
{ }

PageResolver::~PageResolver() = default;

bool PageResolver::loadConfig(Database &db, QString *error)
{
    ConfigStore store(db);
    QString message;
    const QList<ConfigObject> layouts = store.list(QStringLiteral("layouts"), error);
    for (const ConfigObject &object : layouts) {
        auto layout = LayoutDefinition::fromJson(object.key, object.definition, &message);
        if (layout)
            setLayout(*layout);
        else
            m_problems.append(Tr::tr("layout '%1': %2").arg(object.key, message));
    }
    const QList<ConfigObject> banners = store.list(QStringLiteral("banners"), error);
    for (const ConfigObject &object : banners) {
        auto banner = BannerDefinition::fromJson(object.key, object.definition, &message);
        if (banner)
            setBanner(*banner);
        else
            m_problems.append(Tr::tr("banner '%1': %2").arg(object.key, message));
    }
    return true;
}

void PageResolver::setLayout(const LayoutDefinition &layout)
{
    std::lock_guard lock(m_mutex);
    m_layouts.insert(layout.key, layout);
}

void PageResolver::setBanner(const BannerDefinition &banner)
{
    std::lock_guard lock(m_mutex);
    for (auto &group : m_banners) {
        group.erase(std::remove_if(group.begin(), group.end(),
                        [&banner](const BannerDefinition &b) { return b.key == banner.key; }),
            group.end());
    }
    std::vector<BannerDefinition> &group = m_banners[banner.group];
    group.push_back(banner);
    std::sort(group.begin(), group.end(), bannerBefore);
}

const SnapshotPtr &PageResolver::snapshot() const
{
    return m_recommender->snapshot();
}

QStringList PageResolver::layoutKeys() const
{
    std::lock_guard lock(m_mutex);
    QStringList keys = m_layouts.keys();
    keys.sort();
    return keys;
}

std::optional<LayoutDefinition> PageResolver::layout(const QString &key) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_layouts.constFind(key);
    if (it == m_layouts.constEnd())
        return std::nullopt;
    return it.value();
}

std::vector<BannerDefinition> PageResolver::banners(const QString &group) const
{
    std::lock_guard lock(m_mutex);
    return m_banners.value(group);
}

qint64 PageResolver::timeOf(const PageRequest &request) const
{
    if (request.asOf)
        return *request.asOf;
    // One clock: the time the snapshot stands at, never the wall clock.
    return snapshot()->asOf();
}

ResolvedPage PageResolver::resolve(const QString &layoutKey, const PageRequest &request) const
{
    const std::optional<LayoutDefinition> definition = layout(layoutKey);
    if (!definition) {
        ResolvedPage page;
        page.layout = layoutKey;
        page.error = Tr::tr("no layout named '%1' (layouts: %2)")
                         .arg(layoutKey, layoutKeys().join(QStringLiteral(", ")));
        return page;
    }
    return resolve(*definition, request);
}

void PageResolver::chooseVariant(const LayoutDefinition &layout, const PageRequest &request,
    ResolvedPage &page, const LayoutVariant *&variant) const
{
    variant = nullptr;
    QStringList among;
    for (const LayoutVariant &v : layout.variants)
        among.append(v.segment);
    if (among.isEmpty()) {
        page.variantReason = Tr::tr("the layout has no variants");
        return;
    }
    if (request.user < 0) {
        page.variantReason = Tr::tr("an anonymous visitor gets the default");
        return;
    }
    QString error;
    const QString segment = m_audience->firstMatch(request.user, among, &error);
    if (!error.isEmpty()) {
        page.variantReason = Tr::tr("the default, because a segment could not be evaluated: %1").arg(error);
        return;
    }
    if (segment.isEmpty()) {
        page.variantReason = Tr::tr("the default: not in any segment with a variant (%1)")
                                 .arg(among.join(QStringLiteral(", ")));
        return;
    }
    variant = layout.variant(segment);
    page.variant = segment;
    page.variantTitle = variant->title;
    const SegmentDefinition *definition = m_audience->library().find(segment);
    const QString title = definition ? definition->displayTitle() : segment;
    const qsizetype rank = m_audience->priority().indexOf(segment);
    QStringList skipped;
    for (const QString &name : m_audience->priority()) {
        if (name == segment)
            break;
        if (among.contains(name))
            skipped.append(name);
    }
    page.variantReason = rank >= 0
        ? Tr::tr("member of '%1' (%2), priority %3 of %4%5")
              .arg(segment, title)
              .arg(rank + 1)
              .arg(m_audience->priority().size())
              .arg(skipped.isEmpty()
                      ? Tr::tr("; no segment before it has a variant here")
                      : Tr::tr("; not in %1, which come first").arg(skipped.join(QStringLiteral(", "))))
        : Tr::tr("member of '%1' (%2), which the priority list does not name").arg(segment, title);
    if (definition && !definition->description.isEmpty())
        page.variantReason += QStringLiteral(" — ") + definition->description;
    if (request.explain)
        page.variantExplanation = m_audience->explain(segment, request.user).toLines();
}

ResolvedPage PageResolver::resolve(const LayoutDefinition &layout, const PageRequest &request) const
{
    QElapsedTimer timer;
    timer.start();
    const Snapshot &s = *snapshot();
    ResolvedPage page;
    page.layout = layout.key;
    page.title = layout.title;
    page.kind = layout.kind;
    page.user = request.user;
    page.asOf = timeOf(request);
    if (request.user >= s.userCount()) {
        page.error = Tr::tr("no such person");
        return page;
    }
    if (request.user >= 0)
        page.externalId = s.externalId(request.user);
    if (request.contextItem >= 0)
        page.contextItem = s.sku(request.contextItem);
    for (int item : request.cart)
        page.cart.append(s.sku(item));

    const LayoutVariant *variant = nullptr;
    chooseVariant(layout, request, page, variant);
    if (variant && !variant->title.isEmpty())
        page.title = variant->title;

    std::vector<int> onPage;
    for (const LayoutBlock &block : layout.blocksFor(variant)) {
        ResolvedBlock out;
        out.id = block.id;
        out.type = block.type;
        out.title = block.title;
        switch (block.type) {
        case LayoutBlock::Type::Slot:
            resolveSlot(block, request, onPage, out);
            break;
        case LayoutBlock::Type::Banners:
            resolveBanners(block, request, page.asOf, out);
            break;
        case LayoutBlock::Type::Categories:
            resolveCategories(block, request, out);
            break;
        case LayoutBlock::Type::Text:
            out.style = block.style;
            out.text = block.text;
            out.image = block.image;
            out.link = block.link;
            break;
        }
        page.blocks.push_back(std::move(out));
    }
    page.ok = true;
    page.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return page;
}

void PageResolver::resolveSlot(
    const LayoutBlock &block, const PageRequest &request, std::vector<int> &onPage, ResolvedBlock &out) const
{
    const Snapshot &s = *snapshot();
    out.slot = block.slot;
    RecommendRequest slotRequest;
    slotRequest.user = request.user;
    slotRequest.contextItem = request.contextItem;
    slotRequest.cart = request.cart;
    slotRequest.onPage = onPage;
    slotRequest.k = block.k;
    const SlotResult result = m_recommender->recommend(block.slot, slotRequest);
    if (!result.ok) {
        out.error = result.error;
        return;
    }
    if (out.title.isEmpty())
        out.title = result.title;
    out.usedFallback = result.usedFallback;
    for (const RecommendedItem &entry : result.items) {
        ResolvedItem item;
        item.item = entry.item;
        item.sku = s.sku(entry.item);
        item.title = s.title(entry.item);
        item.price = double(s.price(entry.item));
        item.onSale = s.onSale(entry.item);
        item.salePrice = item.onSale ? double(s.salePrice(entry.item)) : Snapshot::NoPrice;
        item.image = s.image(entry.item);
        item.link = s.url(entry.item);
        item.category = s.category(entry.item) >= 0 ? s.categoryInfo(s.category(entry.item)).path : QString();
        item.brand = s.brand(entry.item) >= 0 ? s.brandName(s.brand(entry.item)) : QString();
        item.score = double(entry.score);
        item.reasons = entry.reasons;
        item.fallback = entry.fallback;
        item.pinned = entry.pinned;
        out.items.push_back(std::move(item));
        onPage.push_back(entry.item);
    }
}

void PageResolver::resolveBanners(
    const LayoutBlock &block, const PageRequest &request, qint64 time, ResolvedBlock &out) const
{
    out.group = block.group;
    const std::vector<BannerDefinition> group = banners(block.group);
    if (group.empty()) {
        out.bannerReason = Tr::tr("no banner in group '%1'").arg(block.group);
        return;
    }
    const BannerDefinition *winner = nullptr;
    int eligible = 0;
    for (const BannerDefinition &banner : group) {
        BannerCandidate candidate {banner.key, QString(), banner.priority, QString()};
        if (!banner.isScheduledAt(time)) {
            candidate.status = QStringLiteral("not_scheduled");
            candidate.detail
                = Tr::tr("scheduled %1, not at %2").arg(banner.scheduleText(), Timestamp::toIso(time));
        } else if (banner.targeting) {
            QString error;
            const auto members
                = m_audience->members(QStringLiteral("banner:") + banner.key, *banner.targeting, &error);
            if (!members) {
                candidate.status = QStringLiteral("error");
                candidate.detail = error;
            } else if (request.user < 0 || !members->contains(request.user)) {
                candidate.status = QStringLiteral("not_targeted");
                candidate.detail = request.user < 0
                    ? Tr::tr("targeted, and the visitor is anonymous")
                    : Tr::tr("the targeting rule does not hold for this person");
            }
        }
        if (candidate.status.isEmpty()) {
            ++eligible;
            if (!winner) {
                winner = &banner;
                candidate.status = QStringLiteral("shown");
            } else {
                candidate.status = QStringLiteral("outranked");
                candidate.detail
                    = Tr::tr("'%1' comes first (priority %2)").arg(winner->key).arg(winner->priority);
            }
        }
        out.candidates.push_back(std::move(candidate));
    }
    if (!winner) {
        out.bannerReason = Tr::tr("none of the %1 banners of group '%2' is eligible for this person now")
                               .arg(group.size())
                               .arg(block.group);
        return;
    }
    out.banner = ResolvedBanner {
        winner->key, winner->title, winner->text, winner->image, winner->link, winner->alt, winner->priority};
    QStringList parts;
    parts.append(eligible == 1
            ? Tr::tr("the only eligible banner of %1").arg(group.size())
            : Tr::tr("priority %1, the highest of %2 eligible").arg(winner->priority).arg(eligible));
    if (winner->targeting) {
        QStringList held;
        if (request.explain)
            held = heldConditions(m_audience->explain(*winner->targeting, request.user).root);
        parts.append(held.isEmpty() ? Tr::tr("targeted: its rule holds for this person")
                                    : Tr::tr("targeted: %1").arg(held.join(QStringLiteral("; "))));
    } else {
        parts.append(Tr::tr("for everybody"));
    }
    parts.append(Tr::tr("scheduled %1").arg(winner->scheduleText()));
    out.bannerReason = parts.join(QStringLiteral(", "));
    if (out.title.isEmpty())
        out.title = winner->title;
}

std::shared_ptr<const CategoryNavigation> PageResolver::navigation(const LayoutBlock &block) const
{
    const QString key = QString::fromUtf8(QJsonDocument(block.toJson()).toJson(QJsonDocument::Compact));
    std::lock_guard lock(m_mutex);
    auto &entry = m_navigations[key];
    if (!entry)
        entry = std::make_shared<const CategoryNavigation>(snapshot(), block);
    return entry;
}

void PageResolver::resolveCategories(
    const LayoutBlock &block, const PageRequest &request, ResolvedBlock &out) const
{
    const auto nav = navigation(block);
    if (!nav->error().isEmpty()) {
        out.error = nav->error();
        return;
    }
    CategoryNavigation::Result result = nav->order(request.user);
    out.categories = std::move(result.categories);
    out.personalOrder = result.personal;
    out.orderReason = result.reason;
    if (!nav->warning().isEmpty())
        out.orderReason += Tr::tr(" (ignored: %1)").arg(nav->warning());
}

bool PageResolver::prepare(const LayoutDefinition &layout, QString *error, const Progress &progress) const
{
    for (const LayoutVariant &variant : layout.variants) {
        if (!m_audience->members(variant.segment, error))
            return false;
    }
    for (const QString &segment : m_audience->priority()) {
        if (!m_audience->members(segment, error))
            return false;
    }
    for (const LayoutBlock *block : layout.allBlocks()) {
        if (block->type == LayoutBlock::Type::Slot) {
            if (!m_recommender->pipeline(block->slot, error, progress))
                return false;
        } else if (block->type == LayoutBlock::Type::Banners) {
            for (const BannerDefinition &banner : banners(block->group)) {
                if (banner.targeting
                    && !m_audience->members(QStringLiteral("banner:") + banner.key, *banner.targeting, error))
                    return false;
            }
        } else if (block->type == LayoutBlock::Type::Categories) {
            navigation(*block);
        }
    }
    return true;
}

} // namespace Vitrine
