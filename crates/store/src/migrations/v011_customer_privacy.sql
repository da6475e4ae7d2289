-- Schema v11: what erasing and merging customers leave behind, and the audit
-- log read by time.

-- What stays of an erased customer: salted SHA-256 hashes of their e-mails,
-- phones (E.164) and shop ids, so an old export or a sync of old orders does
-- not bring them back (see customers/erasure.rs).
CREATE TABLE erased_identities (
    hash       TEXT PRIMARY KEY,
    erased_at  TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- An order kept for the books after its customer was erased: no ship-to, no
-- note, no customer; an import or sync does not give them back.
ALTER TABLE orders ADD COLUMN anonymised_at TEXT;

-- E-mails a customer is also known by (the other customer's, after a merge):
-- searched, and matched by imports and syncs.
CREATE TABLE customer_other_emails (
    email        TEXT PRIMARY KEY CHECK (email = lower(trim(email)) AND email LIKE '%_@_%'),
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_other_emails_by_customer ON customer_other_emails(customer_id);

-- Pairs staff said are not the same person (low id first): not proposed again.
CREATE TABLE duplicate_dismissals (
    low_id   INTEGER NOT NULL,
    high_id  INTEGER NOT NULL,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    PRIMARY KEY (low_id, high_id),
    CHECK (low_id < high_id)
) STRICT, WITHOUT ROWID;

-- One merge of two customers: the removed one whole, the kept one as it was,
-- and the rows that moved, as JSON (customers/merging.rs), so it can be undone.
CREATE TABLE customer_merges (
    id           INTEGER PRIMARY KEY,
    kept_id      INTEGER NOT NULL,
    removed_id   INTEGER NOT NULL,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    removed      TEXT NOT NULL,
    kept_before  TEXT NOT NULL,
    moved        TEXT NOT NULL,
    undone_at    TEXT
) STRICT;
CREATE INDEX customer_merges_by_kept ON customer_merges(kept_id);

CREATE INDEX audit_log_by_time ON audit_log(at, id);
