// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the e-mail template checker (EmailTemplate::compile over the kainjow Mustache parser)
// with template text as marketers write it. The first byte picks the field and whether the
// campaign's block ids are known; the rest is the template (UTF-8).
//
// Besides the sanitizers' findings it checks that a refusal says where (the field first), and
// that an accepted template's tags all have a place in it.
#include "campaign/emailtemplate.h"

#include <QByteArray>
#include <QStringList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Vitrine;

namespace {

[[noreturn]] void broken(const char *what, const QString &detail)
{
    std::fprintf(stderr, "fuzz_emailtemplate: %s: %s\n", what, qPrintable(detail));
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const QStringList fields {QStringLiteral("subject"), QStringLiteral("html"),
        QStringLiteral("text"), QStringLiteral("unsubscribe_url")};
    static const QStringList blocks {
        QStringLiteral("hero"), QStringLiteral("picks"), QStringLiteral("stories")};
    const QString field = fields.at(data[0] % fields.size());
    const bool knowBlocks = data[0] & 4;
    const QString source = QString::fromUtf8(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));

    QString error;
    const std::optional<EmailTemplate> compiled
        = EmailTemplate::compile(field, source, knowBlocks ? &blocks : nullptr, &error);
    if (!compiled) {
        if (!error.startsWith(field))
            broken("a refusal does not start with the field", error);
        return 0;
    }
    const int lines = int(source.count(QLatin1Char('\n'))) + 1;
    for (const EmailTemplate::Tag &tag : compiled->tags()) {
        if (tag.line < 1 || tag.line > lines || tag.column < 1 || tag.depth < 0)
            broken("a tag has no place in the template", tag.name);
    }
    (void)compiled->segmentTags();
    if (!compiled->checkBlocks(blocks, &error) && error.isEmpty())
        broken("a block check failed without a reason", source);
    return 0;
}
