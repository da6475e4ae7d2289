-- Schema v10: a call opened at one desk is claimed by it, so other desks show it
-- as being called by that person and do not offer it, until the attempt is
-- saved, the call released, or the claim lapses (its desk went away).

CREATE TABLE call_claims (
    call_id     INTEGER PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
    -- The desk (one open database of one program) holding it.
    desk        TEXT NOT NULL,
    -- Who is calling, as other desks show it.
    staff       TEXT NOT NULL,
    claimed_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
) STRICT;
