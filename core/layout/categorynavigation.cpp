// SPDX-License-Identifier: GPL-3.0-or-later
#include "categorynavigation.h"

#include "catalog/eventtype.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::CategoryNavigation)
};

} // namespace

CategoryNavigation::CategoryNavigation(SnapshotPtr snapshot, const LayoutBlock &block)
    : m_snapshot(std::move(snapshot))
    , m_block(block)
{
    const Snapshot &s = *m_snapshot;
    int parent = -1;
    if (!block.parent.isEmpty()) {
        parent = s.categoryByPath(block.parent);
        if (parent < 0) {
            m_error = Tr::tr("parent: no category '%1' in the catalog").arg(block.parent);
            return;
        }
    }
    // Which categories hold items of the block's kind (themselves or below).
    std::vector<char> holds(size_t(s.categoryCount()), 0);
    for (int item = 0; item < s.itemCount(); ++item) {
        if (!block.kind.isEmpty() && s.isContent(item) != (block.kind == QLatin1String("content")))
            continue;
        for (int c : s.categoryChain(item))
            holds[size_t(c)] = 1;
    }
    std::vector<int> children;
    for (int c = 0; c < s.categoryCount(); ++c) {
        if (s.categoryInfo(c).parent == parent && holds[size_t(c)])
            children.push_back(c);
    }
    std::sort(children.begin(), children.end(), [&s](int a, int b) {
        return s.categoryInfo(a).name.compare(s.categoryInfo(b).name, Qt::CaseInsensitive) < 0;
    });
    // The merchandiser's order first, then the others by name.
    const auto find = [&](const QString &name) {
        for (int c : children) {
            if (s.categoryInfo(c).name == name || s.categoryInfo(c).path == name)
                return c;
        }
        return -1;
    };
    for (const QString &name : block.order) {
        const int c = find(name);
        if (c >= 0 && std::find(m_default.begin(), m_default.end(), c) == m_default.end())
            m_default.push_back(c);
    }
    for (int c : children) {
        if (std::find(m_default.begin(), m_default.end(), c) == m_default.end())
            m_default.push_back(c);
    }
    m_slotOfCategory.assign(size_t(s.categoryCount()), -1);
    for (size_t i = 0; i < m_default.size(); ++i)
        m_slotOfCategory[size_t(m_default[i])] = int(i);
    for (int c = 0; c < s.categoryCount(); ++c) {
        for (int a = c; a >= 0; a = s.categoryInfo(a).parent) {
            if (m_slotOfCategory[size_t(a)] >= 0 && a != c) {
                m_slotOfCategory[size_t(c)] = m_slotOfCategory[size_t(a)];
                break;
            }
        }
    }
    for (const auto &[names, out, key] : {std::tuple {&block.pinnedFirst, &m_pinnedFirst, "pinned_first"},
             std::tuple {&block.pinnedLast, &m_pinnedLast, "pinned_last"}}) {
        for (const QString &name : *names) {
            const int index = listedIndex(name);
            if (index < 0) {
                m_warning += (m_warning.isEmpty() ? QString() : QStringLiteral("; "))
                    + Tr::tr("%1: no category '%2' in this navigation").arg(QLatin1String(key), name);
                continue;
            }
            out->push_back(index);
        }
    }
}

int CategoryNavigation::listedIndex(const QString &nameOrPath) const
{
    for (size_t i = 0; i < m_default.size(); ++i) {
        const Snapshot::Category &info = m_snapshot->categoryInfo(m_default[i]);
        if (info.name == nameOrPath || info.path == nameOrPath)
            return int(i);
    }
    return -1;
}

CategoryNavigation::Result CategoryNavigation::order(int user) const
{
    Result result;
    const Snapshot &s = *m_snapshot;
    const size_t n = m_default.size();
    std::vector<double> weight(n, 0.0);
    std::vector<std::array<int, EventTypeCount>> counts(n, std::array<int, EventTypeCount> {});
    double total = 0;
    if (user >= 0 && user < s.userCount()) {
        const double halfLifeSeconds = m_block.halfLifeDays * 86400.0;
        const qint32 now = s.toRelative(s.asOf());
        for (const Snapshot::Event &event : s.userEvents(user)) {
            if (!(m_block.eventMask & (1u << event.type)) || event.time > now)
                continue;
            const int category = s.category(event.item);
            if (category < 0)
                continue;
            const int slot = m_slotOfCategory[size_t(category)];
            if (slot < 0)
                continue;
            double w = s.weights().weights[event.type];
            if (halfLifeSeconds > 0)
                w *= std::exp2(-double(now - event.time) / halfLifeSeconds);
            weight[size_t(slot)] += w;
            counts[size_t(slot)][event.type] += 1;
            total += w;
        }
    }
    result.personal = total > 0;

    std::vector<int> order;
    std::vector<char> placed(n, 0);
    const auto place = [&](int index, const QString &placement, const QString &reason) {
        placed[size_t(index)] = 1;
        order.push_back(index);
        ResolvedCategory entry;
        entry.category = m_default[size_t(index)];
        entry.name = s.categoryInfo(entry.category).name;
        entry.path = s.categoryInfo(entry.category).path;
        entry.affinity = total > 0 ? weight[size_t(index)] / total : 0.0;
        entry.placement = placement;
        entry.reason = reason;
        result.categories.push_back(std::move(entry));
    };
    const auto interest = [&](int index) {
        const auto &c = counts[size_t(index)];
        QStringList parts;
        const auto add = [&parts](int count, const char *one, const char *many) {
            if (count > 0)
                parts.append(count == 1 ? Tr::tr(one) : Tr::tr(many).arg(count));
        };
        add(c[int(EventType::Purchase)], "1 purchase", "%1 purchases");
        add(c[int(EventType::Cart)], "1 cart addition", "%1 cart additions");
        add(c[int(EventType::View)] + c[int(EventType::Click)], "1 view", "%1 views");
        add(c[int(EventType::Read)], "1 article read", "%1 articles read");
        add(c[int(EventType::Rating)], "1 rating", "%1 ratings");
        return Tr::tr("%1% of your recent interest (%2)")
            .arg(qRound(weight[size_t(index)] / total * 100.0))
            .arg(parts.join(QStringLiteral(", ")));
    };

    for (int index : m_pinnedFirst)
        place(index, QStringLiteral("pinned_first"), Tr::tr("pinned first by the merchandiser"));
    std::vector<char> last(n, 0);
    for (int index : m_pinnedLast)
        last[size_t(index)] = 1;
    if (result.personal) {
        std::vector<int> liked;
        for (size_t i = 0; i < n; ++i) {
            if (!placed[i] && !last[i] && weight[i] > 0)
                liked.push_back(int(i));
        }
        std::stable_sort(liked.begin(), liked.end(),
            [&weight](int a, int b) { return weight[size_t(a)] > weight[size_t(b)]; });
        for (int index : liked)
            place(index, QStringLiteral("affinity"), interest(index));
    }
    for (size_t i = 0; i < n; ++i) {
        if (!placed[i] && !last[i])
            place(int(i), QStringLiteral("default"),
                result.personal ? Tr::tr("no recent interest: the merchandiser's order")
                                : Tr::tr("the merchandiser's order"));
    }
    for (int index : m_pinnedLast)
        place(index, QStringLiteral("pinned_last"), Tr::tr("pinned last by the merchandiser"));
    // Over the maximum, the least wanted unpinned categories give way; pinned ones always show.
    const size_t keepLast = m_pinnedLast.size();
    while (m_block.max > 0 && result.categories.size() > size_t(m_block.max)
        && result.categories.size() > keepLast + m_pinnedFirst.size())
        result.categories.erase(result.categories.end() - qsizetype(keepLast) - 1);
    result.reason = result.personal ? Tr::tr("ordered by this person's interest (views, carts and purchases, "
                                             "halved every %1 days), after the pinned categories")
                                          .arg(m_block.halfLifeDays)
                                    : Tr::tr("no recent history: the merchandiser's default order");
    return result;
}

} // namespace Vitrine
