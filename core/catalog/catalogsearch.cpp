// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogsearch.h"

#include "storage/database.h"
#include "storage/statement.h"

#include <QCoreApplication>

namespace Vitrine {

namespace {

/** What the user typed is text, not a LIKE pattern: "50%" finds "50%", not "500". */
QString escapeLike(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return escaped;
}

bool collect(const Database &db, const QString &sql, const QString &text, int limit, SearchHit::Kind kind,
    QList<SearchHit> &hits, QString *error)
{
    Statement statement = db.prepare(sql, error);
    if (!statement.isValid())
        return false;
    const QString escaped = escapeLike(text);
    statement.bind(1, QStringLiteral("%") + escaped + QStringLiteral("%"));
    statement.bind(2, escaped + QStringLiteral("%"));
    statement.bind(3, text);
    statement.bind(4, qint64(limit));
    Statement::Step step;
    while ((step = statement.step()) == Statement::Step::Row) {
        SearchHit hit;
        hit.kind = kind;
        hit.key = statement.text(0);
        hit.title = statement.text(1);
        hit.detail = statement.text(2);
        if (hit.title.isEmpty())
            hit.title = hit.key;
        hits.append(hit);
    }
    if (step == Statement::Step::Error) {
        if (error)
            *error = statement.errorMessage();
        return false;
    }
    return true;
}

} // namespace

QList<SearchHit> searchCatalog(const Database &db, const QString &rawText, int limitPerKind, QString *error)
{
    QList<SearchHit> hits;
    const QString text = rawText.trimmed();
    if (text.isEmpty() || limitPerKind <= 0)
        return hits;

    // Exact matches first, then prefixes, then the rest: ?1 contains, ?2 prefix, ?3 exact, ?4 limit.
    const QString rank = QStringLiteral(
        " ORDER BY (%1 = ?3 COLLATE NOCASE) DESC, (%1 LIKE ?2 ESCAPE '\\') DESC, (%2 LIKE ?2 ESCAPE '\\') DESC, %1"
        " LIMIT ?4");
    if (!collect(db,
            QStringLiteral("SELECT external_id, name, trim(email || '  ' || city || "
                           "CASE WHEN country <> '' THEN ', ' || country ELSE '' END) FROM users"
                           " WHERE external_id LIKE ?1 ESCAPE '\\' OR name LIKE ?1 ESCAPE '\\'"
                           " OR email LIKE ?1 ESCAPE '\\'")
                + rank.arg(QStringLiteral("external_id"), QStringLiteral("name")),
            text, limitPerKind, SearchHit::Kind::Person, hits, error))
        return {};
    if (!collect(db,
            QStringLiteral("SELECT sku, title, trim(category || CASE WHEN brand <> '' THEN ' · ' || brand ELSE '' END)"
                           " FROM items WHERE sku LIKE ?1 ESCAPE '\\' OR title LIKE ?1 ESCAPE '\\'")
                + rank.arg(QStringLiteral("sku"), QStringLiteral("title")),
            text, limitPerKind, SearchHit::Kind::Item, hits, error))
        return {};

    const struct
    {
        const char *table;
        SearchHit::Kind kind;
        const char *label;
    } configs[] = {
        {"segments", SearchHit::Kind::Segment, QT_TRANSLATE_NOOP("Vitrine::CatalogSearch", "Segment")},
        {"slots", SearchHit::Kind::Slot, QT_TRANSLATE_NOOP("Vitrine::CatalogSearch", "Slot")},
        {"layouts", SearchHit::Kind::Layout, QT_TRANSLATE_NOOP("Vitrine::CatalogSearch", "Layout")},
        {"banners", SearchHit::Kind::Banner, QT_TRANSLATE_NOOP("Vitrine::CatalogSearch", "Banner")},
        {"campaigns", SearchHit::Kind::Campaign, QT_TRANSLATE_NOOP("Vitrine::CatalogSearch", "Campaign")},
    };
    for (const auto &config : configs) {
        const QString label = QCoreApplication::translate("Vitrine::CatalogSearch", config.label);
        const QString sql = QStringLiteral(
            "SELECT key, coalesce(json_extract(definition, '$.title'), ''), ?5 FROM %1"
            " WHERE key LIKE ?1 ESCAPE '\\' OR coalesce(json_extract(definition, '$.title'), '') LIKE ?1 ESCAPE '\\'")
                                .arg(QLatin1String(config.table))
            + rank.arg(QStringLiteral("key"), QStringLiteral("coalesce(json_extract(definition, '$.title'), '')"));
        Statement statement = db.prepare(sql, error);
        if (!statement.isValid())
            return {};
        const QString escaped = escapeLike(text);
        statement.bind(1, QStringLiteral("%") + escaped + QStringLiteral("%"));
        statement.bind(2, escaped + QStringLiteral("%"));
        statement.bind(3, text);
        statement.bind(4, qint64(limitPerKind));
        statement.bind(5, label);
        Statement::Step step;
        while ((step = statement.step()) == Statement::Step::Row) {
            SearchHit hit;
            hit.kind = config.kind;
            hit.key = statement.text(0);
            hit.title = statement.text(1).isEmpty() ? hit.key : statement.text(1);
            hit.detail = statement.text(2) + QStringLiteral(" · ") + hit.key;
            hits.append(hit);
        }
        if (step == Statement::Step::Error) {
            if (error)
                *error = statement.errorMessage();
            return {};
        }
    }
    return hits;
}

} // namespace Vitrine
