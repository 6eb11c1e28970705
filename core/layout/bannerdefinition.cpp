// SPDX-License-Identifier: GPL-3.0-or-later
#include "bannerdefinition.h"

#include "confignames.h"
#include "configreader.h"
#include "layoutdefinition.h"
#include "storage/timestamp.h"

#include <QCoreApplication>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::BannerDefinition)
};

} // namespace

std::optional<BannerDefinition> BannerDefinition::fromJson(
    const QString &key, const QJsonObject &json, QString *error)
{
    QString message;
    const auto fail = [&](const QString &text) {
        if (error)
            *error = text;
        return std::nullopt;
    };
    if (!LayoutDefinition::isValidKey(key, &message))
        return fail(message);
    ConfigReader reader(json, QString());
    reader.allowOnly({"group", "title", "text", "image", "link", "alt", "priority", "targeting", "schedule",
        "description"});
    BannerDefinition banner;
    banner.key = key;
    banner.group = reader.text("group", true);
    banner.title = reader.text("title", true);
    banner.text = reader.text("text");
    banner.image = reader.text("image");
    banner.link = reader.text("link");
    banner.alt = reader.text("alt");
    banner.priority = reader.integer("priority", 0, -1000000, 1000000);
    if (!reader.ok())
        return fail(reader.error());
    if (reader.has("targeting")) {
        banner.targeting
            = SegmentRule::fromJson(reader.value("targeting"), QStringLiteral("targeting"), &message);
        if (!banner.targeting)
            return fail(message);
    }
    if (reader.has("schedule")) {
        if (!reader.value("schedule").isObject())
            return fail(Tr::tr(
                "schedule: must be an object such as {\"start\": \"2026-06-01\", \"end\": \"2026-08-31\"}"));
        ConfigReader schedule(reader.value("schedule").toObject(), QStringLiteral("schedule"));
        schedule.allowOnly({"start", "end"});
        banner.start = schedule.time("start");
        banner.end = schedule.time("end");
        if (!schedule.ok())
            return fail(schedule.error());
        if (banner.start && banner.end && *banner.end < *banner.start)
            return fail(Tr::tr("schedule.end: %1 is before the start %2")
                            .arg(Timestamp::toIso(*banner.end), Timestamp::toIso(*banner.start)));
    }
    return banner;
}

QJsonObject BannerDefinition::toJson() const
{
    QJsonObject json {{QStringLiteral("group"), group}, {QStringLiteral("title"), title},
        {QStringLiteral("priority"), priority}};
    for (const auto &[name, value] :
        {std::pair {"text", &text}, {"image", &image}, {"link", &link}, {"alt", &alt}}) {
        if (!value->isEmpty())
            json.insert(QLatin1String(name), *value);
    }
    if (targeting)
        json.insert(QStringLiteral("targeting"), targeting->toJson());
    if (start || end) {
        QJsonObject schedule;
        if (start)
            schedule.insert(QStringLiteral("start"), Timestamp::toIso(*start));
        if (end)
            schedule.insert(QStringLiteral("end"), Timestamp::toIso(*end));
        json.insert(QStringLiteral("schedule"), schedule);
    }
    return json;
}

bool BannerDefinition::check(const ConfigNames &names, QString *error) const
{
    if (!targeting)
        return true;
    for (const SegmentCondition *condition : targeting->conditions()) {
        if (condition->kind == SegmentCondition::Kind::Segment
            && !names.segments.contains(condition->segment)) {
            if (error)
                *error = Tr::tr("%1: unknown segment '%2' (segments: %3)")
                             .arg(condition->path, condition->segment, ConfigNames::list(names.segments));
            return false;
        }
    }
    return true;
}

QString BannerDefinition::scheduleText() const
{
    const auto day = [](qint64 t) {
        return Timestamp::toIso(t).left(10);
    };
    if (start && end)
        return QStringLiteral("%1 – %2").arg(day(*start), day(*end));
    if (start)
        return Tr::tr("from %1").arg(day(*start));
    if (end)
        return Tr::tr("until %1").arg(day(*end));
    return Tr::tr("always");
}

} // namespace Vitrine
