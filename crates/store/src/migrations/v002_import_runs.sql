-- Schema v2: import runs (what file, what came of it), their row errors, and
-- remembered column mappings for CSV files of a shape seen before.

CREATE TABLE import_runs (
    id                   INTEGER PRIMARY KEY,
    file_name            TEXT NOT NULL,
    file_sha256          TEXT NOT NULL,
    format               TEXT NOT NULL,
    encoding             TEXT NOT NULL DEFAULT '',
    actor                TEXT NOT NULL,
    started_at           TEXT NOT NULL,
    finished_at          TEXT,
    status               TEXT NOT NULL DEFAULT 'running'
                         CHECK (status IN ('running', 'finished', 'cancelled', 'failed')),
    rows_read            INTEGER NOT NULL DEFAULT 0,
    customers_new        INTEGER NOT NULL DEFAULT 0,
    customers_updated    INTEGER NOT NULL DEFAULT 0,
    customers_unchanged  INTEGER NOT NULL DEFAULT 0,
    orders_new           INTEGER NOT NULL DEFAULT 0,
    orders_updated       INTEGER NOT NULL DEFAULT 0,
    orders_unchanged     INTEGER NOT NULL DEFAULT 0,
    errors               INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX import_runs_by_file ON import_runs(file_sha256, started_at);

CREATE TABLE import_row_errors (
    run_id   INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
    row      INTEGER NOT NULL,
    "column" TEXT,
    reason   TEXT NOT NULL
) STRICT;
CREATE INDEX import_row_errors_by_run ON import_row_errors(run_id, row);

CREATE TABLE csv_mappings (
    signature   TEXT PRIMARY KEY,
    mapping     TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
