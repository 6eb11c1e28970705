// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>

namespace Vitrine {

class Database;

/**
 * The studio's whole configuration as one JSON document, so a team can keep it in version
 * control and diff it: every segment, slot, layout, banner and campaign by key, the segment
 * priority list and the event weights. Written with sorted keys and no timestamps, so exporting
 * an unchanged catalog twice gives the same bytes.
 *
 *     {"format": "vitrine-config", "version": 1,
 *      "segments": {"vip": {...}}, "slots": {...}, "layouts": {...}, "banners": {...},
 *      "campaigns": {...}, "segment_priority": ["vip", ...], "event_weights": {"view": 1, ...}}
 */
struct ConfigBundle
{
    static constexpr int FormatVersion = 1;

    /** kind ("segments", "slots", ...) → key → definition. A kind absent from a file is not here. */
    std::map<QString, std::map<QString, QJsonObject>> objects;
    std::optional<QStringList> segmentPriority;
    std::optional<QJsonObject> eventWeights;

    /** The catalog's configuration as it is now. */
    static std::optional<ConfigBundle> fromCatalog(Database &db, QString *error);

    QJsonObject toJson() const;
    QByteArray toText() const;
    /**
     * Reads a document's shape: the format marker, known sections only, objects of objects.
     * What each definition means is checked by importConfig, against the catalog. Errors name the
     * place: "slots.home-for-you: must be a JSON object".
     */
    static std::optional<ConfigBundle> fromJson(const QJsonObject &json, QString *error);
    static std::optional<ConfigBundle> fromText(const QByteArray &text, QString *error);

    int objectCount() const;
};

struct ConfigImportOptions
{
    bool dryRun = false; ///< check and report, write nothing
    bool prune = false;  ///< remove objects of the kinds in the file that the file does not have
};

/** What importConfig did (or, in a dry run, would do), as a value for the CLI and the studio. */
struct ConfigImportReport
{
    enum class Change
    {
        Added,
        Changed,
        Unchanged,
        Removed,
    };
    struct Entry
    {
        QString kind;
        QString key;
        Change change = Change::Unchanged;
        int version = 0; ///< the version it has (or would have) afterwards; the last one if removed
    };

    bool ok = false;
    bool dryRun = false;
    QString error; ///< the first problem, naming the place: "layouts.home: blocks[2].slot: no slot named 'x'"
    QList<Entry> entries;
    bool priorityChanged = false;
    bool weightsChanged = false;

    int count(Change change) const;
    QJsonObject toJson() const;
    static QString changeName(Change change);
};

/**
 * Brings a catalog's configuration in line with a bundle, all or nothing: every object of the file
 * is saved (a changed one as a new version, its previous one kept in the history; an identical one
 * is left alone), then every definition is checked against the catalog as it would be (so objects
 * of the file may refer to each other, and no segment cycle or dangling reference slips in). One
 * problem and nothing is written.
 */
ConfigImportReport importConfig(
    Database &db, const ConfigBundle &bundle, const ConfigImportOptions &options = {}, const Progress &progress = {});

} // namespace Vitrine
