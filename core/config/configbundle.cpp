// SPDX-License-Identifier: GPL-3.0-or-later
#include "configbundle.h"

#include "audience/segmentlibrary.h"
#include "audience/segmentpriority.h"
#include "config/confighistory.h"
#include "engine/eventweights.h"
#include "layout/layoutdefinition.h"
#include "storage/configstore.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <algorithm>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::ConfigBundle)
};

const QString FormatKey = QStringLiteral("format");
const QString FormatName = QStringLiteral("vitrine-config");
const QString VersionKey = QStringLiteral("version");
const QString PriorityKey = QStringLiteral("segment_priority");
const QString WeightsKey = QStringLiteral("event_weights");

/** The configuration tables, in the order they are saved: what others name comes first. */
const QStringList &kinds()
{
    static const QStringList order = {QStringLiteral("segments"), QStringLiteral("slots"),
        QStringLiteral("banners"), QStringLiteral("layouts"), QStringLiteral("campaigns")};
    return order;
}

std::nullopt_t fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

} // namespace

std::optional<ConfigBundle> ConfigBundle::fromCatalog(Database &db, QString *error)
{
    ConfigBundle bundle;
    ConfigStore store(db);
    for (const QString &kind : kinds()) {
        QString message;
        std::map<QString, QJsonObject> &objects = bundle.objects[kind];
        for (const ConfigObject &object : store.list(kind, &message))
            objects[object.key] = object.definition;
        if (!message.isEmpty())
            return fail(error, Tr::tr("%1: %2").arg(kind, message));
    }
    const std::optional<SegmentPriority> priority = SegmentPriority::load(db, error);
    if (!priority)
        return std::nullopt;
    bundle.segmentPriority = priority->order();
    const std::optional<EventWeights> weights = EventWeights::load(db, error);
    if (!weights)
        return std::nullopt;
    bundle.eventWeights = weights->toJson();
    return bundle;
}

QJsonObject ConfigBundle::toJson() const
{
    QJsonObject json {{FormatKey, FormatName}, {VersionKey, FormatVersion}};
    for (const auto &[kind, objects] : this->objects) {
        QJsonObject section;
        for (const auto &[key, definition] : objects)
            section.insert(key, definition);
        json.insert(kind, section);
    }
    if (segmentPriority)
        json.insert(PriorityKey, QJsonArray::fromStringList(*segmentPriority));
    if (eventWeights)
        json.insert(WeightsKey, *eventWeights);
    return json;
}

QByteArray ConfigBundle::toText() const
{
    // QJsonObject keeps its keys sorted, so the same configuration always gives the same text.
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

std::optional<ConfigBundle> ConfigBundle::fromJson(const QJsonObject &json, QString *error)
{
    if (json.value(FormatKey) != FormatName)
        return fail(error,
            Tr::tr("format: expected \"%1\"; this is not a Vitrine configuration file").arg(FormatName));
    const QJsonValue version = json.value(VersionKey);
    if (!version.isDouble() || version.toDouble() != double(version.toInt()) || version.toInt() < 1)
        return fail(error, Tr::tr("version: must be a whole number from 1"));
    if (version.toInt() > FormatVersion)
        return fail(error,
            Tr::tr("version: %1 is newer than this Vitrine reads (%2); update Vitrine")
                .arg(version.toInt())
                .arg(FormatVersion));

    ConfigBundle bundle;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString &name = it.key();
        if (name == FormatKey || name == VersionKey)
            continue;
        if (name == PriorityKey) {
            if (!it.value().isArray())
                return fail(error, Tr::tr("%1: must be a list of segment names").arg(name));
            QStringList order;
            const QJsonArray list = it.value().toArray();
            for (qsizetype i = 0; i < list.size(); ++i) {
                if (!list.at(i).isString())
                    return fail(error, Tr::tr("%1[%2]: must be a segment name").arg(name).arg(i));
                order.append(list.at(i).toString());
            }
            bundle.segmentPriority = order;
            continue;
        }
        if (name == WeightsKey) {
            if (!it.value().isObject())
                return fail(error, Tr::tr("%1: must be a JSON object").arg(name));
            QString message;
            if (!EventWeights::fromJson(it.value().toObject(), &message))
                return fail(error, Tr::tr("%1: %2").arg(name, message));
            bundle.eventWeights = it.value().toObject();
            continue;
        }
        if (!kinds().contains(name))
            return fail(error,
                Tr::tr("%1: unknown section (expected %2, %3 or %4)")
                    .arg(name, kinds().join(QStringLiteral(", ")), PriorityKey, WeightsKey));
        if (!it.value().isObject())
            return fail(error, Tr::tr("%1: must be a JSON object of definitions by key").arg(name));
        std::map<QString, QJsonObject> &objects = bundle.objects[name];
        const QJsonObject section = it.value().toObject();
        for (auto object = section.begin(); object != section.end(); ++object) {
            QString message;
            if (!LayoutDefinition::isValidKey(object.key(), &message))
                return fail(error, Tr::tr("%1.%2: %3").arg(name, object.key(), message));
            if (!object.value().isObject())
                return fail(error, Tr::tr("%1.%2: must be a JSON object").arg(name, object.key()));
            objects[object.key()] = object.value().toObject();
        }
    }
    return bundle;
}

std::optional<ConfigBundle> ConfigBundle::fromText(const QByteArray &text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const qsizetype offset = std::clamp<qsizetype>(parseError.offset, 0, text.size());
        const int line = int(text.left(offset).count('\n')) + 1;
        return fail(error, Tr::tr("line %1: not valid JSON (%2)").arg(line).arg(parseError.errorString()));
    }
    if (!document.isObject())
        return fail(error, Tr::tr("expected a JSON object"));
    return fromJson(document.object(), error);
}

int ConfigBundle::objectCount() const
{
    int count = 0;
    for (const auto &[kind, section] : objects)
        count += int(section.size());
    return count;
}

int ConfigImportReport::count(Change change) const
{
    return int(std::count_if(
        entries.cbegin(), entries.cend(), [change](const Entry &entry) { return entry.change == change; }));
}

QString ConfigImportReport::changeName(Change change)
{
    switch (change) {
    case Change::Added:
        return QStringLiteral("added");
    case Change::Changed:
        return QStringLiteral("changed");
    case Change::Unchanged:
        return QStringLiteral("unchanged");
    case Change::Removed:
        return QStringLiteral("removed");
    }
    return {};
}

QJsonObject ConfigImportReport::toJson() const
{
    QJsonArray list;
    for (const Entry &entry : entries) {
        list.append(QJsonObject {{QStringLiteral("kind"), entry.kind}, {QStringLiteral("key"), entry.key},
            {QStringLiteral("change"), changeName(entry.change)}, {QStringLiteral("version"), entry.version}});
    }
    QJsonObject json {{QStringLiteral("ok"), ok}, {QStringLiteral("dry_run"), dryRun},
        {QStringLiteral("added"), count(Change::Added)}, {QStringLiteral("changed"), count(Change::Changed)},
        {QStringLiteral("unchanged"), count(Change::Unchanged)}, {QStringLiteral("removed"), count(Change::Removed)},
        {QStringLiteral("segment_priority_changed"), priorityChanged},
        {QStringLiteral("event_weights_changed"), weightsChanged}, {QStringLiteral("objects"), list}};
    if (!ok)
        json.insert(QStringLiteral("error"), error);
    return json;
}

ConfigImportReport importConfig(
    Database &db, const ConfigBundle &bundle, const ConfigImportOptions &options, const Progress &progress)
{
    using Change = ConfigImportReport::Change;
    ConfigImportReport report;
    report.dryRun = options.dryRun;
    const auto failed = [&](const QString &message) {
        report.error = message;
        report.entries.clear();
        report.priorityChanged = report.weightsChanged = false;
        return report;
    };

    // One write transaction for everything: the checks below see the catalog as it will be.
    Transaction transaction(db, &report.error);
    if (!transaction.isActive())
        return failed(Tr::tr("cannot start writing: %1").arg(report.error));
    ConfigStore store(db);
    // What was already broken before is not the file's fault.
    QSet<QString> brokenBefore;
    QString message;
    for (const QString &kind : kinds()) {
        for (const ConfigObject &object : store.list(kind)) {
            if (!checkConfigDefinition(db, kind, object.key, object.definition, &message))
                brokenBefore.insert(kind + QLatin1Char('.') + object.key);
        }
    }
    const int total = bundle.objectCount();
    int done = 0;
    for (const QString &kind : kinds()) {
        const auto section = bundle.objects.find(kind);
        if (section == bundle.objects.end())
            continue;
        for (const auto &[key, definition] : section->second) {
            progress.report(Tr::tr("Saving the configuration"), done++, total);
            if (progress.isCancelled())
                return failed(Tr::tr("cancelled; nothing was changed"));
            const std::optional<ConfigObject> current = store.get(kind, key);
            if (current && current->definition == definition) {
                report.entries.append({kind, key, Change::Unchanged, current->version});
                continue;
            }
            if (!store.save(kind, key, definition, &message))
                return failed(Tr::tr("%1.%2: %3").arg(kind, key, message));
            const std::optional<ConfigObject> saved = store.get(kind, key);
            report.entries.append({kind, key, current ? Change::Changed : Change::Added, saved ? saved->version : 0});
        }
        if (!options.prune)
            continue;
        for (const ConfigObject &object : store.list(kind)) {
            if (section->second.count(object.key))
                continue;
            if (!store.remove(kind, object.key, &message))
                return failed(Tr::tr("%1.%2: cannot remove: %3").arg(kind, object.key, message));
            report.entries.append({kind, object.key, Change::Removed, object.version});
        }
    }

    // Every definition of the file must make sense in the catalog as it is now, and nothing else
    // may stop making sense because of the file (a pruned slot a layout still shows, say).
    for (const QString &kind : kinds()) {
        const auto section = bundle.objects.find(kind);
        for (const ConfigObject &object : store.list(kind)) {
            const bool fromFile = section != bundle.objects.end() && section->second.count(object.key);
            if (checkConfigDefinition(db, kind, object.key, object.definition, &message))
                continue;
            if (fromFile)
                return failed(Tr::tr("%1.%2: %3").arg(kind, object.key, message));
            if (!brokenBefore.contains(kind + QLatin1Char('.') + object.key))
                return failed(Tr::tr("%1.%2 (in the catalog, not in the file) would break: %3")
                                  .arg(kind, object.key, message));
        }
    }

    const SegmentLibrary library = SegmentLibrary::load(db);
    if (bundle.segmentPriority) {
        const std::optional<SegmentPriority> before = SegmentPriority::load(db, &message);
        if (!before)
            return failed(message);
        if (before->order() != *bundle.segmentPriority) {
            if (!SegmentPriority::save(db, *bundle.segmentPriority, library, &message))
                return failed(Tr::tr("segment_priority: %1").arg(message));
            report.priorityChanged = true;
        }
    } else if (options.prune) {
        // Segments removed above may still be in the stored priority list.
        const std::optional<SegmentPriority> stored = SegmentPriority::load(db, &message);
        if (!stored || !stored->check(library, &message))
            return failed(Tr::tr("segment_priority (in the catalog, not in the file): %1").arg(message));
    }
    if (bundle.eventWeights) {
        const std::optional<EventWeights> weights = EventWeights::fromJson(*bundle.eventWeights, &message);
        if (!weights)
            return failed(Tr::tr("event_weights: %1").arg(message));
        // Weights an older build stored broken are simply replaced: importing good ones repairs them.
        const std::optional<EventWeights> before = EventWeights::load(db, nullptr);
        if (!before || !(*weights == *before)) {
            if (!weights->save(db, &message))
                return failed(Tr::tr("event_weights: %1").arg(message));
            report.weightsChanged = true;
        }
    }
    progress.report(Tr::tr("Saving the configuration"), total, total);

    if (options.dryRun) {
        transaction.rollback();
        report.ok = true;
        return report;
    }
    if (!transaction.commit(&message))
        return failed(Tr::tr("cannot commit: %1").arg(message));
    report.ok = true;
    return report;
}

} // namespace Vitrine
