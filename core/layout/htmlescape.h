// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Vitrine {

/**
 * Escaping for everything Vitrine writes into HTML: item titles, names, attributes, reasons.
 * Nothing from the catalog reaches a page or an e-mail without passing through here (or through
 * the Mustache library's own escaping, which does the same).
 */
namespace HtmlEscape {

/** Text content and attribute values: & < > " ' become entities. */
QString escape(const QString &text);

/**
 * A URL fit for href/src: http(s), mailto and relative links are kept (escaped); anything
 * else — javascript:, data:, vbscript: — becomes empty, so a hostile catalog cannot inject script.
 */
QString safeUrl(const QString &url);

/** Whether safeUrl() keeps the URL: for data handed to templates that escape it themselves. */
bool isSafeUrl(const QString &url);

} // namespace HtmlEscape

} // namespace Vitrine
