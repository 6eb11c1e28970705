// SPDX-License-Identifier: GPL-3.0-or-later
#include "configsave.h"

#include "confighistory.h"
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
    // Checked with every change in place, so changes may name each other.
    for (int i = 0; i < changes.size(); ++i) {
        const ConfigChange &change = changes.at(i);
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
