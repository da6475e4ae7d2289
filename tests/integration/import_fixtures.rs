//! What the import tests share: the fixture files, importing one into a real
//! database file, and reading tables back as text.

use chrono::{TimeZone, Utc};
use courtesy_core::FixedClock;
use courtesy_import::{import_file, Flow, ImportError};
use courtesy_store::db::Connection;
use courtesy_store::{Actor, AuditSource, ImportRun, Store};
use std::path::{Path, PathBuf};

/// A file of `fixtures/import`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/import")
        .join(name)
}

/// The person importing.
pub fn importer() -> Actor {
    Actor::new("tester", AuditSource::Import, Utc::now())
}

/// Imports a fixture file at a fixed time.
pub fn import(store: &Store, name: &str) -> Result<ImportRun, ImportError> {
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap();
    import_file(
        store,
        &fixture(name),
        None,
        None,
        &importer().at(now),
        &FixedClock(now),
        |_| Flow::Continue,
    )
}

/// The rows of a query, each value as its debug text (`Text("…")`, `Integer(…)`, `Null`).
pub fn rows(conn: &Connection, sql: &str) -> Vec<Vec<String>> {
    let mut stmt = conn.prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        (0..n)
            .map(|i| {
                r.get::<_, courtesy_store::db::Value>(i)
                    .map(|v| format!("{v:?}"))
            })
            .collect()
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}
