// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentevaluator.h"

#include "catalog/eventtype.h"
#include "parallelranges.h"
#include "segmentlibrary.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <climits>
#include <cmath>
#include <string>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SegmentEvaluator)
};

constexpr qint32 NoWindow = std::numeric_limits<qint32>::min();

/** JSON scalars compare by value: 1 equals 1.0, "1" does not equal 1. */
bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.type() != b.type())
        return false;
    return a.isString() ? a.toString() == b.toString() : a.isBool() && a.toBool() == b.toBool();
}

QString scalarText(const QJsonValue &v)
{
    if (v.isUndefined() || v.isNull())
        return Tr::tr("missing");
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QLocale(QLocale::English).toString(v.toDouble(), 'g', 12);
    if (v.isString())
        return v.toString();
    return Tr::tr("(not a plain value)");
}

/** "Outdoor>Hiking" and "Outdoor  >  Hiking" name "Outdoor > Hiking". */
QString normalisedPath(const QString &path)
{
    QStringList parts = path.split(QLatin1Char('>'));
    for (QString &part : parts)
        part = part.trimmed();
    return parts.join(QStringLiteral(" > "));
}

} // namespace

int SegmentEvaluator::cost(const SegmentRule::Node &node, bool overTime)
{
    using Kind = SegmentCondition::Kind;
    if (node.kind != SegmentRule::Node::Kind::Condition) {
        int most = 0;
        for (const auto &child : node.children)
            most = std::max(most, cost(child, overTime));
        return most;
    }
    switch (node.condition.kind) {
    case Kind::Segment:
        return 0;
    case Kind::Value:
        return overTime && ValueMeasures::isScore(node.condition.measure) ? 2 : 1;
    case Kind::Profile:
        return node.condition.field == SegmentCondition::Field::Attribute ? 3 : 1;
    case Kind::Affinity:
        return 4;
    case Kind::Behaviour:
        return 5;
    }
    return 5;
}

struct SegmentEvaluator::Prepared
{
    const SegmentCondition *condition = nullptr;
    std::string genders;
    std::vector<double> numbers;
    std::vector<int> indices;
    std::vector<quint8> itemMask; ///< empty: every item counts
    qint32 windowStart = NoWindow;
    std::shared_ptr<const std::vector<float>> column;
    float threshold = 0;
    int ageYear = 0; ///< the calendar year ages are taken in
};

struct SegmentEvaluator::Context
{
    const Progress *progress = nullptr;
    QStringList warnings;
    QStringList stack; ///< the stored segments being evaluated, outermost first
    QString error;
    bool cancelled = false;
    int done = 0;
    int total = 0;

    bool failed() const { return cancelled || !error.isEmpty(); }
    void warn(const QString &warning)
    {
        const QString text
            = stack.isEmpty() ? warning : Tr::tr("segment '%1': %2").arg(stack.last(), warning);
        if (!warnings.contains(text))
            warnings.append(text);
    }
    void fail(const QString &message)
    {
        if (error.isEmpty())
            error = stack.isEmpty() ? message : Tr::tr("segment '%1': %2").arg(stack.last(), message);
    }
};

SegmentEvaluator::SegmentEvaluator(PersonFeaturesPtr features, const SegmentLibrary *library)
    : m_features(std::move(features))
    , m_library(library)
{ }

SegmentEvaluator::~SegmentEvaluator() = default;

template<typename Test> PersonSet SegmentEvaluator::pass(const PersonSet *within, const Test &test) const
{
    const int n = m_features->userCount();
    PersonSet result(n);
    parallelRanges(n, [&](int begin, int end) {
        for (size_t w = size_t(begin) / 64; w < (size_t(end) + 63) / 64; ++w) {
            quint64 candidates = within ? within->word(w) : ~quint64(0);
            if (size_t(end) < (w + 1) * 64)
                candidates &= (quint64(1) << (size_t(end) - w * 64)) - 1;
            quint64 bits = 0;
            for (; candidates; candidates &= candidates - 1) {
                const int bit = std::countr_zero(candidates);
                if (test(int(w * 64) + bit))
                    bits |= quint64(1) << bit;
            }
            result.setWord(w, bits);
        }
    });
    return result;
}

SegmentMembers SegmentEvaluator::evaluate(const SegmentRule &rule, const Progress &progress)
{
    Context context;
    context.progress = &progress;
    context.total = int(rule.conditions().size());
    SegmentMembers result;
    PersonSet members = evalNode(rule.root(), nullptr, context);
    result.warnings = context.warnings;
    if (context.cancelled || progress.isCancelled()) {
        result.cancelled = true;
        result.error = Tr::tr("cancelled");
    } else if (!context.error.isEmpty()) {
        result.error = context.error;
    } else {
        result.ok = true;
        result.members = std::move(members);
    }
    return result;
}

SegmentMembers SegmentEvaluator::evaluate(const QString &segmentName, const Progress &progress)
{
    SegmentMembers result;
    const SegmentDefinition *definition = m_library ? m_library->find(segmentName) : nullptr;
    if (!definition) {
        result.error = Tr::tr("no segment named '%1'").arg(segmentName);
        return result;
    }
    if (const auto it = m_memo.constFind(segmentName); it != m_memo.constEnd()) {
        result.ok = true;
        result.members = it.value();
        result.warnings = m_memoWarnings.value(segmentName);
        return result;
    }
    Context context;
    context.progress = &progress;
    context.total = int(definition->rule.conditions().size());
    context.stack.append(segmentName);
    PersonSet members = evalNode(definition->rule.root(), nullptr, context);
    result.warnings = context.warnings;
    if (context.failed()) {
        result.cancelled = context.cancelled;
        result.error = context.cancelled ? Tr::tr("cancelled") : context.error;
        return result;
    }
    m_memo.insert(segmentName, members);
    m_memoWarnings.insert(segmentName, context.warnings);
    result.ok = true;
    result.members = std::move(members);
    return result;
}

const SegmentFunnel::Step *SegmentFunnel::step(const QString &path) const
{
    for (const Step &s : steps) {
        if (s.path == path)
            return &s;
    }
    return nullptr;
}

SegmentFunnel SegmentEvaluator::funnel(const SegmentRule &rule, const Progress &progress)
{
    Context context;
    context.progress = &progress;
    context.total = int(rule.conditions().size());
    SegmentFunnel result;
    result.steps.push_back({rule.root().path, 0, 0});
    PersonSet members = funnelNode(rule.root(), context, result.steps);
    result.warnings = context.warnings;
    if (context.cancelled || progress.isCancelled()) {
        result.cancelled = true;
        result.error = Tr::tr("cancelled");
        result.steps.clear();
        return result;
    }
    if (!context.error.isEmpty()) {
        result.error = context.error;
        result.steps.clear();
        return result;
    }
    result.steps.front().alone = result.steps.front().reached = members.count();
    result.ok = true;
    result.members = std::move(members);
    return result;
}

PersonSet SegmentEvaluator::funnelNode(
    const SegmentRule::Node &node, Context &context, std::vector<SegmentFunnel::Step> &steps)
{
    using Kind = SegmentRule::Node::Kind;
    const int n = m_features->userCount();
    if (context.failed())
        return PersonSet(n);
    if (node.kind == Kind::Condition)
        return evalCondition(node.condition, nullptr, context);
    PersonSet running = node.kind == Kind::All ? PersonSet(n, true) : PersonSet(n);
    for (const auto &child : node.children) {
        const size_t at = steps.size();
        steps.push_back({child.path, 0, 0});
        const PersonSet got = funnelNode(child, context, steps);
        if (node.kind == Kind::All)
            running &= got;
        else if (node.kind == Kind::Any)
            running |= got;
        else
            running = got.complement();
        steps[at].alone = got.count();
        steps[at].reached = running.count();
    }
    return running;
}

PersonSet SegmentEvaluator::evalNode(const SegmentRule::Node &node, const PersonSet *within, Context &context)
{
    using Kind = SegmentRule::Node::Kind;
    const int n = m_features->userCount();
    if (context.failed() || (within && within->isEmpty()))
        return PersonSet(n);
    switch (node.kind) {
    case Kind::All: {
        std::vector<const SegmentRule::Node *> order;
        for (const auto &child : node.children)
            order.push_back(&child);
        std::stable_sort(order.begin(), order.end(), [](auto a, auto b) { return cost(*a) < cost(*b); });
        PersonSet current = within ? *within : PersonSet(n, true);
        for (const SegmentRule::Node *child : order)
            current = evalNode(*child, &current, context);
        return current;
    }
    case Kind::Any: {
        PersonSet result(n);
        PersonSet remaining = within ? *within : PersonSet(n, true);
        for (const auto &child : node.children) {
            const PersonSet got = evalNode(child, &remaining, context);
            result |= got;
            remaining -= got;
        }
        return result;
    }
    case Kind::Not: {
        PersonSet base = within ? *within : PersonSet(n, true);
        base -= evalNode(node.children.front(), &base, context);
        return base;
    }
    case Kind::Condition:
        return evalCondition(node.condition, within, context);
    }
    return PersonSet(n);
}

PersonSet SegmentEvaluator::evalCondition(
    const SegmentCondition &condition, const PersonSet *within, Context &context)
{
    const int n = m_features->userCount();
    if (context.progress->isCancelled()) {
        context.cancelled = true;
        return PersonSet(n);
    }
    PersonSet result(n);
    if (condition.kind == SegmentCondition::Kind::Segment) {
        const PersonSet *members = segmentMembers(condition, context);
        if (members) {
            result = *members;
            if (within)
                result &= *within;
        }
    } else {
        const Prepared prepared = prepare(condition, context);
        result = pass(within, [this, &prepared](int user) { return test(prepared, user); });
    }
    ++context.done;
    context.progress->report(
        Tr::tr("Evaluating segment"), context.done, std::max(context.done, context.total));
    return result;
}

const PersonSet *SegmentEvaluator::segmentMembers(const SegmentCondition &condition, Context &context)
{
    const QString &name = condition.segment;
    if (const auto it = m_memo.constFind(name); it != m_memo.constEnd()) {
        for (const QString &warning : m_memoWarnings.value(name)) {
            if (!context.warnings.contains(warning))
                context.warnings.append(warning);
        }
        return &it.value();
    }
    if (context.stack.contains(name)) {
        context.fail(
            Tr::tr("%1: %2 → %3 is a cycle; a segment cannot contain itself")
                .arg(condition.path,
                    context.stack.mid(context.stack.indexOf(name)).join(QStringLiteral(" → ")), name));
        return nullptr;
    }
    const SegmentDefinition *definition = m_library ? m_library->find(name) : nullptr;
    if (!definition) {
        context.fail(Tr::tr("%1: no segment named '%2'").arg(condition.path, name));
        return nullptr;
    }
    const QStringList outer = context.warnings;
    context.stack.append(name);
    PersonSet members = evalNode(definition->rule.root(), nullptr, context);
    context.stack.removeLast();
    if (context.failed())
        return nullptr;
    QStringList own;
    for (const QString &warning : std::as_const(context.warnings)) {
        if (!outer.contains(warning))
            own.append(warning);
    }
    m_memoWarnings.insert(name, own);
    // Returned by pointer into the memo: the caller copies it before the memo changes again.
    return &m_memo.insert(name, std::move(members)).value();
}

SegmentEvaluator::Prepared SegmentEvaluator::prepare(const SegmentCondition &c, Context &context)
{
    using Kind = SegmentCondition::Kind;
    using Field = SegmentCondition::Field;
    const Snapshot &s = snapshot();
    const PersonFeatures &f = *m_features;
    Prepared p;
    p.condition = &c;
    p.ageYear = QDateTime::fromSecsSinceEpoch(f.asOf(), Qt::UTC).date().year();
    switch (c.kind) {
    case Kind::Profile:
        for (const QJsonValue &value : c.values) {
            if (c.field == Field::Gender)
                p.genders.push_back(char(value.toString().at(0).toLatin1()));
            else if (c.field == Field::Age || c.field == Field::BirthYear)
                p.numbers.push_back(value.toDouble());
            else if (c.field == Field::Country || c.field == Field::City) {
                const bool country = c.field == Field::Country;
                const int index
                    = country ? s.countryByName(value.toString()) : s.cityByName(value.toString());
                if (index < 0)
                    context.warn(Tr::tr("%1: nobody has %2 '%3'")
                                     .arg(c.path + QStringLiteral(".field"),
                                         SegmentCondition::fieldName(c.field), value.toString()));
                else
                    p.indices.push_back(index);
            }
        }
        break;
    case Kind::Behaviour:
        if (c.withinDays)
            p.windowStart = s.toRelative(f.asOf() - qint64(*c.withinDays) * 86400);
        p.itemMask = behaviourItems(c, context);
        break;
    case Kind::Affinity:
        p.column = f.affinity(c.dimension, affinityTarget(c, context));
        p.threshold = float(c.threshold);
        break;
    case Kind::Value:
    case Kind::Segment:
        break;
    }
    return p;
}

std::vector<quint8> SegmentEvaluator::behaviourItems(const SegmentCondition &c, Context &context)
{
    const Snapshot &s = snapshot();
    std::vector<quint8> mask;
    if (c.item.isEmpty() && c.category.isEmpty() && c.brand.isEmpty() && c.topic.isEmpty())
        return mask;
    const auto resolve = [&](const QString &name, const char *what, int index) {
        if (!name.isEmpty() && index < 0)
            context.warn(
                Tr::tr("%1: no %2 '%3' in the catalog")
                    .arg(c.path + QLatin1Char('.') + QLatin1String(what), QLatin1String(what), name));
        return index;
    };
    const int item = resolve(c.item, "item", s.itemIndexBySku(c.item));
    const int category = resolve(c.category, "category", s.categoryByPath(normalisedPath(c.category)));
    const int brand = resolve(c.brand, "brand", s.brandByName(c.brand));
    const int topic = resolve(c.topic, "topic", m_features->topicByName(c.topic));
    mask.assign(size_t(s.itemCount()), 0);
    for (int i = 0; i < s.itemCount(); ++i) {
        mask[size_t(i)] = (c.item.isEmpty() || i == item)
            && (c.category.isEmpty() || (category >= 0 && s.inCategory(i, category)))
            && (c.brand.isEmpty() || (brand >= 0 && s.brand(i) == brand))
            && (c.topic.isEmpty() || (topic >= 0 && m_features->topic(i) == topic));
    }
    return mask;
}

int SegmentEvaluator::affinityTarget(const SegmentCondition &c, Context &context)
{
    const Snapshot &s = snapshot();
    int target = -1;
    switch (c.dimension) {
    case PersonFeatures::Dimension::Category:
        target = s.categoryByPath(normalisedPath(c.target));
        break;
    case PersonFeatures::Dimension::Brand:
        target = s.brandByName(c.target);
        break;
    case PersonFeatures::Dimension::Topic:
        target = m_features->topicByName(c.target);
        break;
    }
    if (target < 0)
        context.warn(Tr::tr("%1: no %2 '%3' in the catalog")
                         .arg(c.path + QLatin1Char('.') + SegmentCondition::dimensionName(c.dimension),
                             SegmentCondition::dimensionName(c.dimension), c.target));
    return target;
}

std::vector<quint8> SegmentEvaluator::behaviourItems(const SegmentCondition &condition)
{
    Context context;
    return behaviourItems(condition, context);
}

int SegmentEvaluator::affinityTarget(const SegmentCondition &condition)
{
    Context context;
    return affinityTarget(condition, context);
}

std::function<bool(int)> SegmentEvaluator::profileTest(const SegmentCondition &condition, int ageYear)
{
    Context context;
    auto prepared = std::make_shared<Prepared>(prepare(condition, context));
    prepared->ageYear = ageYear;
    return [this, prepared](int user) {
        return test(*prepared, user);
    };
}

bool SegmentEvaluator::test(const Prepared &p, int user) const
{
    using Kind = SegmentCondition::Kind;
    using Field = SegmentCondition::Field;
    using Op = SegmentCondition::Operator;
    const SegmentCondition &c = *p.condition;
    const Snapshot &s = snapshot();
    const PersonFeatures &f = *m_features;
    const auto inRange = [&c](double v) {
        return (!c.min || v >= *c.min) && (!c.max || v <= *c.max);
    };
    switch (c.kind) {
    case Kind::Profile:
        switch (c.field) {
        case Field::Gender: {
            const char g = s.gender(user);
            if (c.op == Op::Exists)
                return (g != 0) == c.exists;
            return g != 0 && p.genders.find(g) != std::string::npos;
        }
        case Field::Age:
        case Field::BirthYear: {
            const bool age = c.field == Field::Age;
            const int year = s.birthYear(user);
            const int v = age ? (year > 0 ? p.ageYear - year : -1) : year;
            const bool known = age ? v >= 0 : v > 0;
            if (c.op == Op::Exists)
                return known == c.exists;
            if (!known)
                return false;
            if (c.op == Op::Range)
                return inRange(v);
            return std::find(p.numbers.begin(), p.numbers.end(), double(v)) != p.numbers.end();
        }
        case Field::Country:
        case Field::City: {
            const int v = c.field == Field::Country ? s.country(user) : s.city(user);
            if (c.op == Op::Exists)
                return (v >= 0) == c.exists;
            return v >= 0 && std::find(p.indices.begin(), p.indices.end(), v) != p.indices.end();
        }
        case Field::EmailConsent:
            return s.emailConsent(user) == c.values.first().toBool();
        case Field::Attribute: {
            const QJsonValue v = s.userAttributes(user).value(c.attribute);
            if (c.op == Op::Exists)
                return (!v.isUndefined() && !v.isNull()) == c.exists;
            if (c.op == Op::Range)
                return v.isDouble() && inRange(v.toDouble());
            return std::any_of(
                c.values.begin(), c.values.end(), [&v](const QJsonValue &x) { return sameValue(v, x); });
        }
        }
        return false;
    case Kind::Behaviour: {
        const auto events = f.events(user);
        auto it = events.begin();
        if (p.windowStart != NoWindow)
            it = std::lower_bound(events.begin(), events.end(), p.windowStart,
                [](const Snapshot::Event &e, qint32 time) { return e.time < time; });
        const int atMost = c.atMost.value_or(INT_MAX);
        int count = 0;
        for (; it != events.end(); ++it) {
            if (!((c.eventMask >> it->type) & 1u) || (!p.itemMask.empty() && !p.itemMask[size_t(it->item)]))
                continue;
            if (++count > atMost)
                return false;
            if (atMost == INT_MAX && count >= c.atLeast)
                return true;
        }
        return count >= c.atLeast;
    }
    case Kind::Value: {
        const double v = f.measure(c.measure, user);
        return !std::isnan(v) && inRange(v);
    }
    case Kind::Affinity:
        return (*p.column)[size_t(user)] >= p.threshold;
    case Kind::Segment:
        return false; // evaluated through the memo
    }
    return false;
}

QString SegmentEvaluator::actual(const Prepared &p, int user) const
{
    using Kind = SegmentCondition::Kind;
    using Field = SegmentCondition::Field;
    const SegmentCondition &c = *p.condition;
    const Snapshot &s = snapshot();
    const PersonFeatures &f = *m_features;
    const QLocale locale(QLocale::English);
    switch (c.kind) {
    case Kind::Profile:
        switch (c.field) {
        case Field::Gender:
            return s.gender(user) ? QString(QLatin1Char(s.gender(user))) : Tr::tr("unknown");
        case Field::Age:
            return f.age(user) >= 0 ? QString::number(f.age(user)) : Tr::tr("unknown");
        case Field::BirthYear:
            return s.birthYear(user) > 0 ? QString::number(s.birthYear(user)) : Tr::tr("unknown");
        case Field::Country:
            return s.country(user) >= 0 ? s.countryName(s.country(user)) : Tr::tr("unknown");
        case Field::City:
            return s.city(user) >= 0 ? s.cityName(s.city(user)) : Tr::tr("unknown");
        case Field::EmailConsent:
            return s.emailConsent(user) ? Tr::tr("consented") : Tr::tr("no consent");
        case Field::Attribute:
            return scalarText(s.userAttributes(user).value(c.attribute));
        }
        return {};
    case Kind::Behaviour: {
        int count = 0;
        for (const Snapshot::Event &e : f.events(user)) {
            if ((p.windowStart == NoWindow || e.time >= p.windowStart) && ((c.eventMask >> e.type) & 1u)
                && (p.itemMask.empty() || p.itemMask[size_t(e.item)]))
                ++count;
        }
        return count == 1 ? Tr::tr("1 matching event")
                          : Tr::tr("%1 matching events").arg(locale.toString(count));
    }
    case Kind::Value: {
        const double v = f.measure(c.measure, user);
        return std::isnan(v) ? Tr::tr("no purchases") : ValueMeasures::format(c.measure, v);
    }
    case Kind::Affinity:
        return locale.toString(double((*p.column)[size_t(user)]), 'f', 2);
    case Kind::Segment:
        return {};
    }
    return {};
}

SegmentExplanation SegmentEvaluator::explain(const SegmentRule &rule, int user)
{
    SegmentExplanation explanation;
    explanation.user = user;
    explanation.asOf = m_features->asOf();
    if (user < 0 || user >= m_features->userCount()) {
        explanation.error = Tr::tr("no such person");
        return explanation;
    }
    explanation.externalId = snapshot().externalId(user);
    Context context;
    const Progress none;
    context.progress = &none;
    explanation.root = explainNode(rule.root(), user, context);
    explanation.error = context.error;
    explanation.ok = context.error.isEmpty();
    explanation.member = explanation.ok && explanation.root.held;
    return explanation;
}

SegmentExplanation SegmentEvaluator::explain(const QString &segmentName, int user)
{
    const SegmentDefinition *definition = m_library ? m_library->find(segmentName) : nullptr;
    if (!definition) {
        SegmentExplanation explanation;
        explanation.error = Tr::tr("no segment named '%1'").arg(segmentName);
        return explanation;
    }
    SegmentExplanation explanation = explain(definition->rule, user);
    explanation.segment = segmentName;
    return explanation;
}

SegmentExplanation::Node SegmentEvaluator::explainNode(
    const SegmentRule::Node &node, int user, Context &context)
{
    using Kind = SegmentRule::Node::Kind;
    SegmentExplanation::Node out;
    out.path = node.path;
    if (node.kind != Kind::Condition) {
        int held = 0;
        for (const auto &child : node.children) {
            out.children.push_back(explainNode(child, user, context));
            held += out.children.back().held ? 1 : 0;
        }
        const int total = int(node.children.size());
        switch (node.kind) {
        case Kind::All:
            out.kind = QStringLiteral("all");
            out.held = held == total;
            out.condition = Tr::tr("all of these (%1 of %2 hold)").arg(held).arg(total);
            break;
        case Kind::Any:
            out.kind = QStringLiteral("any");
            out.held = held > 0;
            out.condition = Tr::tr("any of these (%1 of %2 hold)").arg(held).arg(total);
            break;
        case Kind::Not:
            out.kind = QStringLiteral("not");
            out.held = held == 0;
            out.condition = Tr::tr("not this");
            break;
        case Kind::Condition:
            break;
        }
        return out;
    }
    const SegmentCondition &c = node.condition;
    out.kind = c.key();
    out.path = c.path;
    out.condition = c.describe();
    if (c.kind != SegmentCondition::Kind::Segment) {
        const Prepared prepared = prepare(c, context);
        out.held = test(prepared, user);
        out.actual = actual(prepared, user);
        return out;
    }
    const SegmentDefinition *definition = m_library ? m_library->find(c.segment) : nullptr;
    if (context.stack.contains(c.segment)) {
        context.fail(
            Tr::tr("%1: %2 → %3 is a cycle; a segment cannot contain itself")
                .arg(c.path, context.stack.mid(context.stack.indexOf(c.segment)).join(QStringLiteral(" → ")),
                    c.segment));
        return out;
    }
    if (!definition) {
        context.fail(Tr::tr("%1: no segment named '%2'").arg(c.path, c.segment));
        return out;
    }
    context.stack.append(c.segment);
    out.children.push_back(explainNode(definition->rule.root(), user, context));
    context.stack.removeLast();
    out.held = out.children.back().held;
    out.actual = out.held ? Tr::tr("member") : Tr::tr("not a member");
    return out;
}

} // namespace Vitrine
