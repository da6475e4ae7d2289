-- Schema v9: live sync with the shop. A connection names a Shopify or
-- WooCommerce shop (never its secrets: those live in the OS keychain); each
-- connection keeps, per kind of record, how far its changes are in (the
-- watermark) and where an unfinished first sync stopped; a lease says which
-- desk is syncing it now. A sync is recorded as an import run of its own.

CREATE TABLE shop_connections (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind         TEXT NOT NULL CHECK (kind IN ('shopify', 'woocommerce')),
    -- https://example.myshopify.com, https://example.com (http only on loopback).
    base_url     TEXT NOT NULL,
    -- Shopify: an Admin API token, or a client id and secret (client credentials);
    -- WooCommerce: a consumer key and secret.
    auth         TEXT NOT NULL CHECK (auth IN ('token', 'client_credentials', 'key_secret')),
    -- Put before the shop's ids: empty for the first connection of a kind (its
    -- ids are those of the shop's exports), 'c<id>:' for a second WooCommerce
    -- shop, whose ids would otherwise meet the first one's.
    id_prefix    TEXT NOT NULL DEFAULT '',
    -- What the shop said of itself at the last test or sync.
    shop_name    TEXT NOT NULL DEFAULT '',
    currency     TEXT NOT NULL DEFAULT '',
    -- The server strips the Authorization header: WooCommerce keys go in the query.
    keys_in_query INTEGER NOT NULL DEFAULT 0 CHECK (keys_in_query IN (0, 1)),
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL
) STRICT;

CREATE TABLE sync_state (
    connection_id INTEGER NOT NULL REFERENCES shop_connections(id) ON DELETE CASCADE,
    records       TEXT NOT NULL CHECK (records IN ('orders', 'customers')),
    -- Every change up to this moment (UTC) is in; NULL until a first sync ends.
    watermark     TEXT,
    -- Where an unfinished pass stopped (a page, a cursor, a bulk operation and
    -- the lines of its result written); empty when none is under way.
    resume        TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (connection_id, records)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_leases (
    connection_id INTEGER PRIMARY KEY REFERENCES shop_connections(id) ON DELETE CASCADE,
    -- host, process id and a random word of the desk syncing.
    holder        TEXT NOT NULL,
    expires_at    TEXT NOT NULL
) STRICT;

ALTER TABLE import_runs ADD COLUMN connection_id INTEGER REFERENCES shop_connections(id) ON DELETE SET NULL;
-- Requests sent to the shop, and milliseconds spent waiting for its rate limit.
ALTER TABLE import_runs ADD COLUMN requests INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_runs ADD COLUMN waited_ms INTEGER NOT NULL DEFAULT 0;
-- Why a run failed: {code, message, params} of the error, as JSON.
ALTER TABLE import_runs ADD COLUMN failure TEXT;
CREATE INDEX import_runs_by_connection ON import_runs(connection_id, started_at) WHERE connection_id IS NOT NULL;

-- The shipment, as the shop's fulfilment says: the carrier and tracking
-- number, when the parcel went in transit and when it is expected.
ALTER TABLE orders ADD COLUMN carrier TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN tracking_number TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN in_transit_at TEXT;
ALTER TABLE orders ADD COLUMN expected_at TEXT;
