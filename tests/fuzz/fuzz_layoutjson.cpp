// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the parsers of the page and e-mail configuration: layouts (blocks and per-segment
// variants), banners (targeting rules and schedules) and campaigns (with their templates), with
// JSON text as it arrives from `config import`, the editors or a hand-edited catalog. Each input
// is offered to all three.
//
// Besides the sanitizers' findings it checks that a refusal always says why, and that what a
// parser accepts it writes back in a form it reads again unchanged.
#include "campaign/campaigndefinition.h"
#include "layout/bannerdefinition.h"
#include "layout/layoutdefinition.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Vitrine;

namespace {

[[noreturn]] void broken(const char *kind, const char *what, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz_layoutjson: %s: %s: %s\n", kind, what, detail.constData());
    std::abort();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

template<typename Definition> void check(const char *kind, const QJsonObject &json)
{
    QString error;
    const std::optional<Definition> definition = Definition::fromJson(QStringLiteral("fuzz"), json, &error);
    if (!definition) {
        if (error.isEmpty())
            broken(kind, "refused without a reason", compact(json));
        return;
    }
    const QJsonObject written = definition->toJson();
    const std::optional<Definition> again = Definition::fromJson(QStringLiteral("fuzz"), written, &error);
    if (!again)
        broken(kind, "what toJson() wrote is refused", error.toUtf8() + " in " + compact(written));
    if (compact(again->toJson()) != compact(written))
        broken(kind, "changes when read back", compact(written) + " became " + compact(again->toJson()));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!document.isObject())
        return 0;
    const QJsonObject json = document.object();
    check<LayoutDefinition>("layout", json);
    check<BannerDefinition>("banner", json);
    check<CampaignDefinition>("campaign", json);
    return 0;
}
