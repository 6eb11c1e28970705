// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Vitrine {

struct ResolvedPage;

/**
 * Writes a resolved page as one static, self-contained HTML document (inline CSS, no script, no
 * external resource: images are shown as labelled placeholders), with the variant, every item's
 * reasons, the banner decision and the category order explained. Every text from the catalog
 * is escaped and every URL checked (HtmlEscape), so hostile titles or attributes stay text.
 */
class PageHtmlWriter
{
public:
    QString write(const ResolvedPage &page) const;
};

} // namespace Vitrine
