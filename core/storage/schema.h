// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Vitrine::Schema {

/**
 * The schema migrations, in order: step i brings a file from user_version i to i + 1.
 * Never edit a step that has shipped; append a new one and raise Database::SchemaVersion.
 */
const QStringList &migrations();

/** The configuration tables, each a row per object with a JSON definition and a version. */
const QStringList &configTables();

} // namespace Vitrine::Schema
