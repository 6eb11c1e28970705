// SPDX-License-Identifier: GPL-3.0-or-later
#include "startersegments.h"

#include "segmentlibrary.h"
#include "segmentpriority.h"
#include "storage/database.h"

#include <QJsonDocument>

namespace Vitrine::StarterSegments {

namespace {

// Written as JSON, exactly as an analyst would in the studio or with `segment save`.
constexpr const char *kSegments[][2] = {
    {"vip", R"({
        "title": "VIP",
        "description": "The top fifth of buyers by total spend.",
        "rule": {"value": {"measure": "monetary_score", "equals": 5}}})"},
    {"new-customers", R"({
        "title": "New customers",
        "description": "First purchase in the last 30 days.",
        "rule": {"value": {"measure": "first_purchase_days", "max": 30}}})"},
    {"lapsed", R"({
        "title": "Lapsed customers",
        "description": "Bought before, but nothing in the last 90 days.",
        "rule": {"all": [{"behaviour": {"event": "purchase"}},
                         {"not": {"behaviour": {"event": "purchase", "within_days": 90}}}]}})"},
    {"women-in-denmark", R"({
        "title": "Women in Denmark",
        "rule": {"all": [{"profile": {"field": "gender", "equals": "f"}},
                         {"profile": {"field": "country", "equals": "Denmark"}}]}})"},
    {"outdoor-readers", R"({
        "title": "Outdoor readers",
        "description": "Read at least two outdoor articles of the journal.",
        "rule": {"behaviour": {"event": "read", "category": "Journal > Outdoor", "at_least": 2}}})"},
    {"bargain-hunters", R"({
        "title": "Bargain hunters",
        "description": "At least two purchases, and at least half of them below the list price.",
        "rule": {"all": [{"value": {"measure": "purchases", "min": 2}},
                         {"value": {"measure": "sale_share", "min": 0.5}}]}})"},
    {"under-30s-in-sweden", R"({
        "title": "Under-30s in Sweden",
        "rule": {"all": [{"profile": {"field": "age", "max": 29}},
                         {"profile": {"field": "country", "equals": "Sweden"}}]}})"},
};

} // namespace

QList<SegmentDefinition> definitions()
{
    QList<SegmentDefinition> list;
    for (const auto &segment : kSegments) {
        QString error;
        auto definition = SegmentDefinition::fromJson(QString::fromLatin1(segment[0]),
            QJsonDocument::fromJson(QByteArray(segment[1])).object(), &error);
        if (definition) // always: tst_segments parses each of them
            list.append(std::move(*definition));
    }
    return list;
}

QStringList priority()
{
    return {QStringLiteral("vip"), QStringLiteral("new-customers"), QStringLiteral("lapsed"),
        QStringLiteral("outdoor-readers"), QStringLiteral("bargain-hunters")};
}

bool install(Database &db, QString *error)
{
    SegmentLibrary library = SegmentLibrary::load(db, error);
    for (const SegmentDefinition &definition : definitions()) {
        if (library.contains(definition.name))
            continue;
        if (!SegmentLibrary::save(db, definition, error))
            return false;
        library.insert(definition);
    }
    const auto current = SegmentPriority::load(db, error);
    if (!current)
        return false;
    if (current->order().isEmpty())
        return SegmentPriority::save(db, priority(), library, error);
    return true;
}

} // namespace Vitrine::StarterSegments
