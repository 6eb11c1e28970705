// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer.h"

#include <QByteArrayView>
#include <QString>
#include <QVariant>

#include <vector>

/** The fields the importer knows for items, people and events, and how their text is read. */
namespace Vitrine::ImportFields {

enum class FieldType {
    Key,       ///< sku or external id: required, unique in the file
    Text,
    Email,     ///< an e-mail address (EmailAddress), or empty
    Number,    ///< non-negative decimal
    SignedNumber,
    Integer,
    BirthYear,
    Quantity,  ///< whole number >= 1
    Timestamp,
    Boolean,
    Gender,
    Kind,
    Json,      ///< a JSON object
    UserRef,
    ItemRef,
    EventKind,
};

struct FieldSpec
{
    const char *name;
    FieldType type;
    std::vector<const char *> aliases;
};

const std::vector<FieldSpec> &fieldSpecs(ImportKind kind);
QStringList fieldNames(ImportKind kind);

/**
 * Reads one field of a simple type (text, numbers, times, yes/no, gender, kind) into *value, or
 * says what is wrong with it in *problem. An empty field gives NULL for optional values.
 */
bool convert(FieldType type, QByteArrayView text, QVariant *value, QString *problem);

} // namespace Vitrine::ImportFields
