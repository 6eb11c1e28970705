// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

namespace Vitrine::Schema {

const QStringList &migrations()
{
    static const QStringList steps = {
        // 0 -> 1: the catalog, its events and the studio's configuration.
        QStringLiteral(R"(
CREATE TABLE items (
    id          INTEGER PRIMARY KEY,
    sku         TEXT    NOT NULL UNIQUE,
    title       TEXT    NOT NULL,
    kind        TEXT    NOT NULL DEFAULT 'product' CHECK (kind IN ('product', 'content')),
    category    TEXT    NOT NULL DEFAULT '',
    brand       TEXT    NOT NULL DEFAULT '',
    price       REAL    CHECK (price IS NULL OR price >= 0),
    sale_price  REAL    CHECK (sale_price IS NULL OR sale_price >= 0),
    stock       INTEGER,
    created_at  INTEGER,
    image       TEXT    NOT NULL DEFAULT '',
    url         TEXT    NOT NULL DEFAULT '',
    attributes  TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(attributes))
);
CREATE INDEX items_category ON items (category);

CREATE TABLE users (
    id             INTEGER PRIMARY KEY,
    external_id    TEXT    NOT NULL UNIQUE,
    name           TEXT    NOT NULL DEFAULT '',
    email          TEXT    NOT NULL DEFAULT '',
    gender         TEXT    NOT NULL DEFAULT '' CHECK (gender IN ('', 'f', 'm', 'x')),
    birth_year     INTEGER,
    country        TEXT    NOT NULL DEFAULT '',
    city           TEXT    NOT NULL DEFAULT '',
    email_consent  INTEGER NOT NULL DEFAULT 0 CHECK (email_consent IN (0, 1)),
    created_at     INTEGER,
    attributes     TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(attributes))
);

-- One row per (person, time, item, type): re-importing the same events updates them instead
-- of counting them twice. Clustered by person and time, which is how the engine reads them
-- (a snapshot in one pass); no second index, so a million-row load stays fast.
CREATE TABLE events (
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ts        INTEGER NOT NULL,
    item_id   INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    type      INTEGER NOT NULL CHECK (type BETWEEN 0 AND 5),
    quantity  INTEGER NOT NULL DEFAULT 1,
    value     REAL,
    PRIMARY KEY (user_id, ts, item_id, type)
) WITHOUT ROWID;

CREATE TABLE event_types (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE
);
INSERT INTO event_types (id, name) VALUES
    (0, 'view'), (1, 'click'), (2, 'cart'), (3, 'purchase'), (4, 'read'), (5, 'rating');

CREATE TABLE segments (
    key         TEXT    PRIMARY KEY,
    definition  TEXT    NOT NULL CHECK (json_valid(definition)),
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  INTEGER NOT NULL
);
CREATE TABLE slots     (key TEXT PRIMARY KEY, definition TEXT NOT NULL CHECK (json_valid(definition)),
                        version INTEGER NOT NULL DEFAULT 1, updated_at INTEGER NOT NULL);
CREATE TABLE layouts   (key TEXT PRIMARY KEY, definition TEXT NOT NULL CHECK (json_valid(definition)),
                        version INTEGER NOT NULL DEFAULT 1, updated_at INTEGER NOT NULL);
CREATE TABLE banners   (key TEXT PRIMARY KEY, definition TEXT NOT NULL CHECK (json_valid(definition)),
                        version INTEGER NOT NULL DEFAULT 1, updated_at INTEGER NOT NULL);
CREATE TABLE campaigns (key TEXT PRIMARY KEY, definition TEXT NOT NULL CHECK (json_valid(definition)),
                        version INTEGER NOT NULL DEFAULT 1, updated_at INTEGER NOT NULL);

-- Every earlier version of a configuration object, so a save can be undone later.
CREATE TABLE config_history (
    kind        TEXT    NOT NULL,
    key         TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    definition  TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (kind, key, version)
);

-- Trained models with the events they saw, so a stale cache is noticed.
CREATE TABLE models (
    name              TEXT    PRIMARY KEY,
    params            TEXT    NOT NULL DEFAULT '{}',
    events_watermark  TEXT    NOT NULL,
    trained_at        INTEGER NOT NULL,
    data              BLOB
);

CREATE TABLE meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
)"),
    };
    return steps;
}

const QStringList &configTables()
{
    static const QStringList tables = {
        QStringLiteral("segments"), QStringLiteral("slots"), QStringLiteral("layouts"),
        QStringLiteral("banners"), QStringLiteral("campaigns"),
    };
    return tables;
}

} // namespace Vitrine::Schema
