-- Schema v5: the call queue refreshes only what changed.
-- Triggers note every customer whose orders, call facts (do-not-call, phones,
-- consents, tags) or calls changed; a refresh looks at those customers only and
-- forgets them. The last refresh's policy and time are kept: a refresh under
-- another policy, or at an earlier time, looks at every customer again.

CREATE TABLE call_queue_stale (
    customer_id  INTEGER PRIMARY KEY
) STRICT;

-- At most one row: the last refresh.
CREATE TABLE call_queue_refreshed (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    -- The call policy it ran under (JSON).
    policy  TEXT NOT NULL,
    at      TEXT NOT NULL
) STRICT;

-- Orders: a new paid or shipped order, any change the rules read (also noting
-- the customers of open calls about the order), a removal.
CREATE TRIGGER call_queue_order_added AFTER INSERT ON orders
    WHEN NEW.customer_id IS NOT NULL AND NEW.status IN ('paid','fulfilled','delivered')
BEGIN
    INSERT OR IGNORE INTO call_queue_stale (customer_id) VALUES (NEW.customer_id);
END;
CREATE TRIGGER call_queue_order_changed
    AFTER UPDATE OF customer_id, status, placed_at, fulfilled_at, delivered_at, total_minor, currency ON orders
BEGIN
    INSERT OR IGNORE INTO call_queue_stale (customer_id)
        SELECT NEW.customer_id WHERE NEW.customer_id IS NOT NULL
        UNION SELECT OLD.customer_id WHERE OLD.customer_id IS NOT NULL
        UNION SELECT customer_id FROM calls WHERE order_id = NEW.id AND status = 'open';
END;
CREATE TRIGGER call_queue_order_removed AFTER DELETE ON orders
    WHEN OLD.customer_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO call_queue_stale (customer_id) VALUES (OLD.customer_id);
END;

-- The customer facts the rules read.
CREATE TRIGGER call_queue_do_not_call AFTER UPDATE OF do_not_call ON customers
    WHEN OLD.do_not_call IS NOT NEW.do_not_call
BEGIN
    INSERT OR IGNORE INTO call_queue_stale (customer_id) VALUES (NEW.id);
END;
CREATE TRIGGER call_queue_phone_added AFTER INSERT ON customer_phones
BEGIN
    INSERT OR IGNORE INTO call_queue_stale (customer_id) VALUES (NEW.customer_id);
END;
CREATE TRIGGER call_queue_phone_changed AFTER UPDATE ON customer_phones
BEGIN
    INSERT OR IGNORE INTO call_queue_stale (customer_id)
        VALUES (NEW.customer_id), (OLD.customer_id);
END;
CREATE TRIGGER call_queue_phone_removed AFTER DELETE ON customer_phones
BEGIN
    INSERT OR IGNORE INTO call_queue_stale (customer_id) VALUES (OLD.customer_id);
END;
CREATE TRIGGER call_queue_consent_added AFTER INSERT ON customer_consents
BEGIN
    INSERT OR IGNORE INTO call_queue_stale (customer_id) VALUES (NEW.customer_id);
END;
CREATE TRIGGER call_queue_consent_changed AFTER UPDATE ON customer_consents
BEGIN
    INSERT OR IGNORE INTO call_queue_stale (customer_id)
        VALUES (NEW.customer_id), (OLD.customer_id);
END;
CREATE TRIGGER call_queue_consent_removed AFTER DELETE ON customer_consents
BEGIN
    INSERT OR IGNORE INTO call_queue_stale (customer_id) VALUES (OLD.customer_id);
END;
CREATE TRIGGER call_queue_tag_added AFTER INSERT ON customer_tags
BEGIN
    INSERT OR IGNORE INTO call_queue_stale (customer_id) VALUES (NEW.customer_id);
END;
CREATE TRIGGER call_queue_tag_changed AFTER UPDATE ON customer_tags
BEGIN
    INSERT OR IGNORE INTO call_queue_stale (customer_id)
        VALUES (NEW.customer_id), (OLD.customer_id);
END;
CREATE TRIGGER call_queue_tag_removed AFTER DELETE ON customer_tags
BEGIN
    INSERT OR IGNORE INTO call_queue_stale (customer_id) VALUES (OLD.customer_id);
END;

-- Calls: a new call, one closed or moved (a closed thank-you call lets another
-- order of the customer earn one), a removal.
CREATE TRIGGER call_queue_call_added AFTER INSERT ON calls
BEGIN
    INSERT OR IGNORE INTO call_queue_stale (customer_id) VALUES (NEW.customer_id);
END;
CREATE TRIGGER call_queue_call_changed AFTER UPDATE OF customer_id, order_id, reason, status ON calls
BEGIN
    INSERT OR IGNORE INTO call_queue_stale (customer_id)
        VALUES (NEW.customer_id), (OLD.customer_id);
END;
CREATE TRIGGER call_queue_call_removed AFTER DELETE ON calls
BEGIN
    INSERT OR IGNORE INTO call_queue_stale (customer_id) VALUES (OLD.customer_id);
END;
