// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the segment rule parser (SegmentRule::fromText: JSON syntax, all/any/not groups, profile,
// behaviour, value, affinity and segment conditions) with rule text as people type it.
//
// Besides the sanitizers' findings it checks that a refused rule always says why, that deep
// nesting is refused rather than exhausting the stack, and that an accepted rule is written back
// in a form the parser reads again unchanged.
#include "audience/segmentrule.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Vitrine;

namespace {

[[noreturn]] void broken(const char *what, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz_segmentrule: %s: %s\n", what, detail.constData());
    std::abort();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<SegmentRule> rule = SegmentRule::fromText(text, &error);
    if (!rule) {
        if (error.isEmpty())
            broken("a refused rule gave no reason", text);
        return 0;
    }
    // Everything a caller does with an accepted rule.
    (void)rule->referencedSegments();
    for (const SegmentCondition *condition : rule->conditions())
        (void)condition->describe();

    const QJsonObject written = rule->toJson();
    const std::optional<SegmentRule> again = SegmentRule::fromJson(written, &error);
    if (!again)
        broken("a rule written by toJson() is refused", error.toUtf8() + " in " + compact(written));
    if (compact(again->toJson()) != compact(written))
        broken("a rule changes when read back", compact(written) + " became " + compact(again->toJson()));
    return 0;
}
