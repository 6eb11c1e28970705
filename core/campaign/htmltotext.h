// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Vitrine {

/**
 * The plain-text alternative of an HTML e-mail: block elements become line breaks, list items
 * "- ", links "text <url>", images their alt text; <head>, <style> and <script> are dropped and
 * entities decoded. Not a browser: enough for the e-mail bodies Vitrine's templates produce.
 */
class HtmlToText
{
public:
    static QString convert(const QString &html);
};

} // namespace Vitrine
