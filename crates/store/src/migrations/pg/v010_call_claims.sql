-- Schema v10: calls claimed by the desk that opened them (see SQLite's step).

CREATE TABLE call_claims (
    call_id     BIGINT PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
    desk        TEXT COLLATE "C" NOT NULL,
    staff       TEXT COLLATE "C" NOT NULL,
    claimed_at  TEXT COLLATE "C" NOT NULL,
    expires_at  TEXT COLLATE "C" NOT NULL
);
