-- The dispatch desk: when an order was packed and by whom, the slip print log
-- (every slip printed or saved, with its copy number), and the shop's logo.

ALTER TABLE orders ADD COLUMN packed_at TEXT;
ALTER TABLE orders ADD COLUMN packed_by TEXT NOT NULL DEFAULT '';

CREATE TABLE slip_prints (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    printed_at   TEXT NOT NULL,
    -- 'printer': sent to `printer` (a system queue); 'file': saved as a PDF.
    destination  TEXT NOT NULL CHECK (destination IN ('printer','file')),
    printer      TEXT NOT NULL DEFAULT '',
    job          TEXT NOT NULL DEFAULT '',
    page_size    TEXT NOT NULL CHECK (page_size IN ('a4','letter','a6','label4x6')),
    -- 0 for the first slip of an order, then 1, 2, ... for the copies.
    copy_number  INTEGER NOT NULL CHECK (copy_number >= 0),
    actor        TEXT NOT NULL,
    source       TEXT NOT NULL CHECK (source IN ('ui','import','sync','cli')),
    UNIQUE (order_id, copy_number)
) STRICT;

CREATE TABLE shop_logo (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    mime        TEXT NOT NULL CHECK (mime IN ('image/png','image/jpeg')),
    bytes       BLOB NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
