-- Schema v1: customers with their contacts and consents, orders with lines,
-- the product catalogue, settings, the audit log and the customer search index.
-- All times are UTC, ISO 8601 text ('2026-11-26T08:00:00Z'); all money integer minor units.

CREATE TABLE customers (
    id            INTEGER PRIMARY KEY,
    first_name    TEXT NOT NULL DEFAULT '',
    middle_name   TEXT NOT NULL DEFAULT '',
    last_name     TEXT NOT NULL DEFAULT '',
    company       TEXT NOT NULL DEFAULT '',
    email         TEXT UNIQUE CHECK (email IS NULL OR (email = lower(trim(email)) AND email LIKE '%_@_%')),
    language      TEXT CHECK (language IS NULL OR language IN ('en','pl','ru','fi')),
    country       TEXT CHECK (country IS NULL OR length(country) = 2),
    birthday      TEXT CHECK (birthday IS NULL OR birthday GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    notes         TEXT NOT NULL DEFAULT '',
    do_not_call   INTEGER NOT NULL DEFAULT 0 CHECK (do_not_call IN (0,1)),
    sort_key      TEXT NOT NULL DEFAULT '',
    -- Kept by the store whenever orders are written (customer_stats.rs):
    -- purchases (paid, fulfilled, delivered) and the newest order's time.
    order_count   INTEGER NOT NULL DEFAULT 0,
    last_order_at TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX customers_by_sort_key ON customers(sort_key, id);

CREATE TABLE customer_phones (
    id               INTEGER PRIMARY KEY,
    customer_id      INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL DEFAULT 0,
    kind             TEXT NOT NULL DEFAULT 'mobile' CHECK (kind IN ('mobile','home','work','other')),
    raw              TEXT NOT NULL,
    e164             TEXT,
    national_digits  TEXT
) STRICT;
CREATE INDEX customer_phones_by_customer ON customer_phones(customer_id, position);
CREATE INDEX customer_phones_by_e164 ON customer_phones(e164) WHERE e164 IS NOT NULL;

CREATE TABLE customer_addresses (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL DEFAULT 'shipping' CHECK (kind IN ('shipping','billing')),
    name         TEXT NOT NULL DEFAULT '',
    company      TEXT NOT NULL DEFAULT '',
    line1        TEXT NOT NULL DEFAULT '',
    line2        TEXT NOT NULL DEFAULT '',
    postal_code  TEXT NOT NULL DEFAULT '',
    city         TEXT NOT NULL DEFAULT '',
    region       TEXT NOT NULL DEFAULT '',
    country      TEXT NOT NULL CHECK (length(country) = 2)
) STRICT;
CREATE INDEX customer_addresses_by_customer ON customer_addresses(customer_id);

CREATE TABLE customer_consents (
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    channel      TEXT NOT NULL CHECK (channel IN ('email','sms','phone','post')),
    granted      INTEGER NOT NULL CHECK (granted IN (0,1)),
    at           TEXT NOT NULL,
    source       TEXT NOT NULL,
    PRIMARY KEY (customer_id, channel)
) STRICT, WITHOUT ROWID;

CREATE TABLE customer_tags (
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    tag          TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 64),
    PRIMARY KEY (customer_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_tags_by_tag ON customer_tags(tag);

CREATE TABLE customer_external_ids (
    source       TEXT NOT NULL CHECK (source IN ('shopify','woocommerce','csv','demo')),
    external_id  TEXT NOT NULL,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    PRIMARY KEY (source, external_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_external_ids_by_customer ON customer_external_ids(customer_id);

CREATE TABLE products (
    id            INTEGER PRIMARY KEY,
    sku           TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    bin_location  TEXT NOT NULL DEFAULT '',
    weight_grams  INTEGER
) STRICT;

CREATE TABLE orders (
    id               INTEGER PRIMARY KEY,
    customer_id      INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    source           TEXT NOT NULL CHECK (source IN ('shopify','woocommerce','csv','demo')),
    external_id      TEXT NOT NULL,
    number           TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('open','paid','fulfilled','delivered','cancelled','refunded')),
    placed_at        TEXT NOT NULL,
    paid_at          TEXT,
    fulfilled_at     TEXT,
    delivered_at     TEXT,
    currency         TEXT NOT NULL CHECK (length(currency) = 3),
    subtotal_minor   INTEGER NOT NULL DEFAULT 0,
    shipping_minor   INTEGER NOT NULL DEFAULT 0,
    discount_minor   INTEGER NOT NULL DEFAULT 0,
    tax_minor        INTEGER NOT NULL DEFAULT 0,
    total_minor      INTEGER NOT NULL,
    shipping_method  TEXT NOT NULL DEFAULT '',
    ship_name        TEXT NOT NULL DEFAULT '',
    ship_company     TEXT NOT NULL DEFAULT '',
    ship_line1       TEXT NOT NULL DEFAULT '',
    ship_line2       TEXT NOT NULL DEFAULT '',
    ship_postal_code TEXT NOT NULL DEFAULT '',
    ship_city        TEXT NOT NULL DEFAULT '',
    ship_region      TEXT NOT NULL DEFAULT '',
    ship_country     TEXT NOT NULL DEFAULT '',
    customer_note    TEXT NOT NULL DEFAULT '',
    gift_message     TEXT NOT NULL DEFAULT '',
    discount_codes   TEXT NOT NULL DEFAULT '',
    UNIQUE (source, external_id)
) STRICT;
CREATE INDEX orders_by_customer ON orders(customer_id, placed_at);
CREATE INDEX orders_by_number ON orders(number);
CREATE INDEX orders_by_status ON orders(status, placed_at);

CREATE TABLE order_lines (
    id                INTEGER PRIMARY KEY,
    order_id          INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    sku               TEXT NOT NULL DEFAULT '',
    name              TEXT NOT NULL,
    variant           TEXT NOT NULL DEFAULT '',
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_minor  INTEGER NOT NULL,
    UNIQUE (order_id, position)
) STRICT;
CREATE INDEX order_lines_by_sku ON order_lines(sku);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    source     TEXT NOT NULL CHECK (source IN ('ui','import','sync','cli')),
    entity     TEXT NOT NULL,
    entity_id  INTEGER,
    action     TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX audit_log_by_entity ON audit_log(entity, entity_id, at);

-- One row per customer, rowid = customers.id. Columns hold folded text (see
-- courtesy_core::fold_for_search) and phone digits, kept in step by the store.
CREATE VIRTUAL TABLE customer_search USING fts5(
    name, contact, orders,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
