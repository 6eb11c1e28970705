// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagehtmlwriter.h"

#include "htmlescape.h"
#include "resolvedpage.h"
#include "storage/timestamp.h"

#include <QCoreApplication>

#include <cmath>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::PageHtmlWriter)
};

QString esc(const QString &text)
{
    return HtmlEscape::escape(text);
}

QString money(double value)
{
    return std::isnan(value) ? QString() : QString::number(value, 'f', 2);
}

const char *kStyle = R"(
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d232b;background:#f4f5f7}
header.preview{background:#1d232b;color:#eef1f5;padding:14px 24px}header.preview h1{margin:0 0 4px;font-size:18px}
header.preview p{margin:2px 0;font-size:13px;color:#b8c0cc}header.preview ul{margin:4px 0 0 18px;padding:0;font-size:12px;color:#b8c0cc}
main{max-width:1120px;margin:0 auto;padding:16px 24px 48px}
section.block{background:#fff;border-radius:10px;margin:16px 0;padding:16px 18px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
section.block>h2{margin:0 0 10px;font-size:17px}.tag{font-size:11px;color:#6b7480;font-weight:normal;margin-left:6px}
.why{font-size:12px;color:#5a6470}.error{color:#b3261e}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:12px}
.card{border:1px solid #e3e6ea;border-radius:8px;padding:8px;display:flex;flex-direction:column}
.img{height:110px;border-radius:6px;background:linear-gradient(135deg,#dfe6ee,#c9d3de);display:flex;align-items:center;justify-content:center;color:#66717e;font-size:11px;text-align:center;padding:6px;overflow:hidden}
.card h3{font-size:14px;margin:8px 0 2px}.card .meta{font-size:11px;color:#6b7480}
.price{font-weight:600;margin:4px 0}.price s{color:#8a939e;font-weight:normal;margin-right:6px}.price .sale{color:#b3261e}
details{font-size:12px;color:#4a5360;margin-top:auto}details ul{margin:4px 0 0 16px;padding:0}
.hero{background:linear-gradient(120deg,#24415f,#3f6f8f);color:#fff;border-radius:10px;padding:26px 24px}
.hero h2{margin:0 0 6px;font-size:24px}.hero a{color:#ffe7a8}
nav.cats ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:8px}
nav.cats li{background:#eef1f5;border-radius:16px;padding:5px 12px;font-size:13px}
nav.cats li.pinned_first,nav.cats li.pinned_last{background:#fff3d6}nav.cats li.affinity{background:#dff0e4}
table.cand{border-collapse:collapse;font-size:12px;margin-top:8px}table.cand td{padding:2px 8px;border-top:1px solid #eee}
)";

QString imageBox(const QString &image, const QString &label)
{
    // Self-contained: the image is not fetched; its address is shown instead.
    const QString url = HtmlEscape::safeUrl(image);
    return QStringLiteral("<div class=\"img\" title=\"%1\">%2</div>").arg(url, esc(label));
}

QString link(const QString &url, const QString &text)
{
    const QString safe = HtmlEscape::safeUrl(url);
    if (safe.isEmpty())
        return esc(text);
    return QStringLiteral("<a href=\"%1\" rel=\"noopener noreferrer\">%2</a>").arg(safe, esc(text));
}

QString slotHtml(const ResolvedBlock &block)
{
    QString html
        = QStringLiteral("<p class=\"why\">%1</p>")
              .arg(esc(Tr::tr("slot %1, %2 items%3")
                           .arg(block.slot)
                           .arg(block.items.size())
                           .arg(block.usedFallback ? Tr::tr(", topped up by a fallback") : QString())));
    if (block.items.empty())
        return html + QStringLiteral("<p class=\"why\">%1</p>").arg(esc(Tr::tr("Nothing to show.")));
    html += QStringLiteral("<div class=\"grid\">");
    int position = 0;
    for (const ResolvedItem &item : block.items) {
        QString price = item.onSale ? QStringLiteral("<s>%1</s><span class=\"sale\">%2</span>")
                                          .arg(money(item.price), money(item.salePrice))
                                    : money(item.price);
        QString reasons;
        for (const QString &reason : item.reasons)
            reasons += QStringLiteral("<li>%1</li>").arg(esc(reason));
        html += QStringLiteral("<div class=\"card\">%1<h3>%2</h3><div class=\"meta\">%3 · %4%5</div><div "
                               "class=\"price\">%6</div>"
                               "<details><summary>%7</summary><ul>%8</ul></details></div>")
                    .arg(imageBox(item.image, item.title),
                        link(item.link, QStringLiteral("%1. %2").arg(++position).arg(item.title)),
                        esc(item.sku), esc(item.category),
                        item.brand.isEmpty() ? QString() : QStringLiteral(" · ") + esc(item.brand), price,
                        esc(Tr::tr("Why?")), reasons);
    }
    return html + QStringLiteral("</div>");
}

QString bannerHtml(const ResolvedBlock &block)
{
    QString html;
    if (block.banner) {
        const ResolvedBanner &b = *block.banner;
        html += QStringLiteral("<div class=\"hero\"><h2>%1</h2><p>%2</p>%3<p>%4</p></div>")
                    .arg(esc(b.title), esc(b.text), imageBox(b.image, b.alt.isEmpty() ? b.title : b.alt),
                        link(b.link, b.link));
    }
    html += QStringLiteral("<p class=\"why\">%1</p>").arg(esc(block.bannerReason));
    if (!block.candidates.empty()) {
        html += QStringLiteral("<table class=\"cand\">");
        for (const BannerCandidate &c : block.candidates) {
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                        .arg(esc(c.key), esc(c.status), QString::number(c.priority), esc(c.detail));
        }
        html += QStringLiteral("</table>");
    }
    return html;
}

QString categoriesHtml(const ResolvedBlock &block)
{
    QString html = QStringLiteral("<nav class=\"cats\"><ol>");
    for (const ResolvedCategory &c : block.categories) {
        html += QStringLiteral("<li class=\"%1\" title=\"%2\">%3</li>")
                    .arg(esc(c.placement), esc(c.reason), esc(c.name));
    }
    html
        += QStringLiteral("</ol></nav><p class=\"why\">%1</p><ul class=\"why\">").arg(esc(block.orderReason));
    for (const ResolvedCategory &c : block.categories)
        html += QStringLiteral("<li>%1: %2</li>").arg(esc(c.name), esc(c.reason));
    return html + QStringLiteral("</ul>");
}

QString textHtml(const ResolvedBlock &block)
{
    QString body = esc(block.text).replace(QLatin1Char('\n'), QLatin1String("<br>"));
    QString html = QStringLiteral("<p>%1</p>").arg(body);
    if (!block.image.isEmpty())
        html += imageBox(block.image, block.title);
    if (!block.link.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(link(block.link, block.link));
    if (block.style == QLatin1String("hero"))
        return QStringLiteral("<div class=\"hero\">%1</div>").arg(html);
    return html;
}

} // namespace

QString PageHtmlWriter::write(const ResolvedPage &page) const
{
    QString html;
    html.reserve(32 * 1024);
    const QString who = page.externalId.isEmpty() ? Tr::tr("an anonymous visitor") : page.externalId;
    const QString title
        = Tr::tr("%1 — as %2 sees it").arg(page.title.isEmpty() ? page.layout : page.title, who);
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                           "style-src 'unsafe-inline'\">"
                           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                           "<title>%1</title><style>%2</style></head><body>\n")
                .arg(esc(title), QString::fromUtf8(kStyle));
    html += QStringLiteral("<header class=\"preview\"><h1>%1</h1>").arg(esc(title));
    html += QStringLiteral("<p>%1</p>")
                .arg(esc(Tr::tr("Layout %1 (%2), as of %3")
                             .arg(page.layout, page.kind, Timestamp::toIso(page.asOf))));
    html += QStringLiteral("<p>%1</p>")
                .arg(esc(page.variant.isEmpty()
                        ? Tr::tr("Variant: default — %1").arg(page.variantReason)
                        : Tr::tr("Variant: %1 — %2").arg(page.variant, page.variantReason)));
    if (!page.variantExplanation.isEmpty()) {
        html += QStringLiteral("<ul>");
        for (const QString &line : page.variantExplanation)
            html += QStringLiteral("<li>%1</li>").arg(esc(line));
        html += QStringLiteral("</ul>");
    }
    if (!page.error.isEmpty())
        html += QStringLiteral("<p class=\"error\">%1</p>").arg(esc(page.error));
    html += QStringLiteral("</header>\n<main>\n");
    for (const ResolvedBlock &block : page.blocks) {
        html += QStringLiteral(
            "<section class=\"block %1\" id=\"block-%2\"><h2>%3<span class=\"tag\">%4</span></h2>")
                    .arg(LayoutBlock::typeName(block.type), esc(block.id), esc(block.title),
                        esc(QStringLiteral("%1 · %2").arg(block.id, LayoutBlock::typeName(block.type))));
        if (!block.error.isEmpty())
            html += QStringLiteral("<p class=\"error\">%1</p>").arg(esc(block.error));
        switch (block.type) {
        case LayoutBlock::Type::Slot:
            html += slotHtml(block);
            break;
        case LayoutBlock::Type::Banners:
            html += bannerHtml(block);
            break;
        case LayoutBlock::Type::Categories:
            html += categoriesHtml(block);
            break;
        case LayoutBlock::Type::Text:
            html += textHtml(block);
            break;
        }
        html += QStringLiteral("</section>\n");
    }
    html += QStringLiteral("</main></body></html>\n");
    return html;
}

} // namespace Vitrine
