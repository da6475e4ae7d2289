-- Schema v8: a partial refund is an amount on the order, not its status; an
-- import run says how many rows it found twice, how many orders it had to know
-- by their number, and which of the rows it reported were not imported.

-- What was paid back, in minor units of the order's currency. Only a full
-- refund makes an order 'refunded'; orders stored as refunded before kept no
-- amount and are taken as refunded in full (a newer export of the shop says
-- which were partial: importing it moves them back to paid or fulfilled).
ALTER TABLE orders ADD COLUMN refunded_minor INTEGER NOT NULL DEFAULT 0;
UPDATE orders SET refunded_minor = total_minor WHERE status = 'refunded';

-- Records identical to an earlier record of the same file (imported once).
ALTER TABLE import_runs ADD COLUMN duplicates INTEGER NOT NULL DEFAULT 0;
-- Orders whose id in the file could not be trusted (rounded by a spreadsheet,
-- or shared with another order) and were matched by shop and number instead.
ALTER TABLE import_runs ADD COLUMN orders_by_number INTEGER NOT NULL DEFAULT 0;
-- Rows reported and not imported (the rest of `errors` imported with a note).
ALTER TABLE import_runs ADD COLUMN rows_skipped INTEGER NOT NULL DEFAULT 0;

-- 1: the row was not imported; 0: it was, and the note says what to check.
ALTER TABLE import_row_errors ADD COLUMN skipped INTEGER NOT NULL DEFAULT 1 CHECK (skipped IN (0, 1));
-- Before v8 a field that did not hold up was dropped with this ending.
UPDATE import_row_errors SET skipped = 0 WHERE reason LIKE '%; imported without it';
UPDATE import_runs SET rows_skipped =
    (SELECT count(*) FROM import_row_errors e WHERE e.run_id = import_runs.id AND e.skipped = 1);
