// SPDX-License-Identifier: GPL-3.0-or-later
#include "configsave.h"

#include "confighistory.h"
#include "audience/segmentlibrary.h"
#include "audience/segmentpriority.h"

#include <QJsonArray>
#include "storage/configstore.h"
#include "storage/database.h"

#include <QCoreApplication>

namespace Vitrine {

ConfigSaveResult saveConfigChanges(Database &db, const QList<ConfigChange> &changes)
{
    ConfigSaveResult result;
    QString error;
    Transaction transaction(db, &error);
    if (!transaction.isActive()) {
        result.error = error;
        return result;
    }
    ConfigStore store(db);
    for (int i = 0; i < changes.size(); ++i) {
        const ConfigChange &change = changes.at(i);
        if (change.remove || change.isPriority())
            continue;
        if (!ConfigStore::isKind(change.kind)) {
            result.error = QCoreApplication::translate("Vitrine::ConfigSave", "'%1' is not a kind of configuration")
                               .arg(change.kind);
            result.failedIndex = i;
            return result;
        }
        if (!store.save(change.kind, change.key, change.definition, &error)) {
            result.error = QStringLiteral("%1.%2: %3").arg(change.kind, change.key, error);
            result.failedIndex = i;
            return result;
        }
    }
    for (int i = 0; i < changes.size(); ++i) {
        const ConfigChange &change = changes.at(i);
        if (!change.isPriority())
            continue;
        QStringList order;
        for (const QJsonValue &name : change.definition.value(QLatin1String("order")).toArray())
            order.append(name.toString());
        const SegmentLibrary library = SegmentLibrary::load(db);
        if (!SegmentPriority::save(db, order, library, &error)) {
            result.error = QCoreApplication::translate("Vitrine::ConfigSave", "segment priority: %1").arg(error);
            result.failedIndex = i;
            return result;
        }
    }
    for (int i = 0; i < changes.size(); ++i) {
        const ConfigChange &change = changes.at(i);
        if (!change.remove)
            continue;
        const ConfigRemoveResult removed = removeConfigObject(db, change.kind, change.key);
        if (!removed.ok()) {
            result.error = QStringLiteral("%1.%2: %3").arg(change.kind, change.key, removed.error);
            result.failedIndex = i;
            return result;
        }
    }
    // Checked with every change in place, so changes may name each other.
    for (int i = 0; i < changes.size(); ++i) {
        const ConfigChange &change = changes.at(i);
        if (change.remove || change.isPriority()) {
            result.versions.append(0);
            continue;
        }
        if (!checkConfigDefinition(db, change.kind, change.key, change.definition, &error)) {
            result.error = QStringLiteral("%1.%2: %3").arg(change.kind, change.key, error);
            result.failedIndex = i;
            return result; // the transaction rolls back
        }
        const auto saved = store.get(change.kind, change.key, &error);
        result.versions.append(saved ? saved->version : 0);
    }
    if (!transaction.commit(&error)) {
        result.error = error;
        result.versions.clear();
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace Vitrine
