// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the slot definition parser (SlotDefinition::fromJson with its item conditions) with JSON
// text, as it arrives from `config import`, the slot editor or a hand-edited catalog.
//
// Besides the sanitizers' findings it checks two promises: a refused definition always says where
// the problem is, and what the parser accepts it writes back in a form it reads again unchanged.
#include "engine/slotdefinition.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Vitrine;

namespace {

[[noreturn]] void broken(const char *what, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz_slotjson: %s: %s\n", what, detail.constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!document.isObject())
        return 0;
    QString error;
    const std::optional<SlotDefinition> slot
        = SlotDefinition::fromJson(QStringLiteral("fuzz"), document.object(), &error);
    if (!slot) {
        if (error.isEmpty())
            broken("a refused slot gave no reason", document.toJson(QJsonDocument::Compact));
        return 0;
    }
    const QJsonObject written = slot->toJson();
    const std::optional<SlotDefinition> again
        = SlotDefinition::fromJson(QStringLiteral("fuzz"), written, &error);
    if (!again)
        broken("a slot written by toJson() is refused",
            error.toUtf8() + " in " + QJsonDocument(written).toJson(QJsonDocument::Compact));
    if (again->toJson() != written)
        broken("a slot changes when read back",
            QJsonDocument(written).toJson(QJsonDocument::Compact) + " became "
                + QJsonDocument(again->toJson()).toJson(QJsonDocument::Compact));
    return 0;
}
