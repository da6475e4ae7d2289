-- Schema v4: thank-you calls and their attempts.
-- A call is a task to phone a customer (about an order, or not); each attempt
-- records how it went. All times are UTC ISO 8601 text.

CREATE TABLE calls (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    order_id       INTEGER REFERENCES orders(id) ON DELETE SET NULL,
    reason         TEXT NOT NULL CHECK (reason IN ('first_order','big_order','vip_order',
                       'delivery_problem','manual','call_again','service_recovery')),
    status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','cancelled')),
    -- When the call is next offered (moves forward on each retry).
    due_at         TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    closed_at      TEXT,
    closed_reason  TEXT,
    CHECK ((status = 'open') = (closed_at IS NULL))
) STRICT;
-- The queue: open calls by due time.
CREATE INDEX calls_open_by_due ON calls(due_at, customer_id) WHERE status = 'open';
CREATE INDEX calls_by_customer ON calls(customer_id, created_at);
CREATE INDEX calls_by_order ON calls(order_id) WHERE order_id IS NOT NULL;
-- At most one open thank-you call per customer.
CREATE UNIQUE INDEX calls_one_open_thank_you ON calls(customer_id)
    WHERE status = 'open' AND reason IN ('first_order','big_order','vip_order');

CREATE TABLE call_attempts (
    id                INTEGER PRIMARY KEY,
    call_id           INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    at                TEXT NOT NULL,
    outcome           TEXT NOT NULL CHECK (outcome IN ('reached','voicemail','no_answer','busy',
                          'wrong_number','refused','do_not_call')),
    duration_seconds  INTEGER NOT NULL DEFAULT 0 CHECK (duration_seconds >= 0),
    satisfaction      INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
    notes             TEXT NOT NULL DEFAULT '',
    staff             TEXT NOT NULL DEFAULT '',
    follow_up_at      TEXT,
    delivery_problem  INTEGER NOT NULL DEFAULT 0 CHECK (delivery_problem IN (0,1))
) STRICT;
CREATE INDEX call_attempts_by_call ON call_attempts(call_id, at);
