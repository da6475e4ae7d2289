-- Schema v10: calls claimed by the desk that opened them (see SQLite's step),
-- and the notices that tell the other desks what changed.

CREATE TABLE call_claims (
    call_id     BIGINT PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
    desk        TEXT COLLATE "C" NOT NULL,
    staff       TEXT COLLATE "C" NOT NULL,
    claimed_at  TEXT COLLATE "C" NOT NULL,
    expires_at  TEXT COLLATE "C" NOT NULL
);

-- Every desk listens on `courtesy_changes`: a transaction that changed one of
-- these tables tells them which, when it commits (one notice per table).
CREATE FUNCTION courtesy_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('courtesy_changes', TG_TABLE_NAME);
    RETURN NULL;
END $$;
CREATE TRIGGER notify_customers AFTER INSERT OR UPDATE OR DELETE ON customers
    FOR EACH STATEMENT EXECUTE FUNCTION courtesy_notify();
CREATE TRIGGER notify_orders AFTER INSERT OR UPDATE OR DELETE ON orders
    FOR EACH STATEMENT EXECUTE FUNCTION courtesy_notify();
CREATE TRIGGER notify_calls AFTER INSERT OR UPDATE OR DELETE ON calls
    FOR EACH STATEMENT EXECUTE FUNCTION courtesy_notify();
CREATE TRIGGER notify_call_attempts AFTER INSERT OR UPDATE OR DELETE ON call_attempts
    FOR EACH STATEMENT EXECUTE FUNCTION courtesy_notify();
CREATE TRIGGER notify_call_claims AFTER INSERT OR UPDATE OR DELETE ON call_claims
    FOR EACH STATEMENT EXECUTE FUNCTION courtesy_notify();
CREATE TRIGGER notify_gifts AFTER INSERT OR UPDATE OR DELETE ON gifts
    FOR EACH STATEMENT EXECUTE FUNCTION courtesy_notify();
CREATE TRIGGER notify_gift_plans AFTER INSERT OR UPDATE OR DELETE ON gift_plans
    FOR EACH STATEMENT EXECUTE FUNCTION courtesy_notify();
CREATE TRIGGER notify_cards AFTER INSERT OR UPDATE OR DELETE ON cards
    FOR EACH STATEMENT EXECUTE FUNCTION courtesy_notify();
CREATE TRIGGER notify_slip_prints AFTER INSERT OR UPDATE OR DELETE ON slip_prints
    FOR EACH STATEMENT EXECUTE FUNCTION courtesy_notify();
CREATE TRIGGER notify_settings AFTER INSERT OR UPDATE OR DELETE ON settings
    FOR EACH STATEMENT EXECUTE FUNCTION courtesy_notify();
CREATE TRIGGER notify_import_runs AFTER INSERT OR UPDATE OR DELETE ON import_runs
    FOR EACH STATEMENT EXECUTE FUNCTION courtesy_notify();
