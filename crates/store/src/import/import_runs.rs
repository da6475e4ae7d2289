//! Import runs: one row per file imported, with what came of it, and the rows
//! that could not be imported, so a person can fix them and import again.

use crate::audit::Actor;
use crate::db::{params, Connection, OptionalExtension, Row};
use crate::error::{Result, StoreError};
use crate::time::to_db;
use crate::Store;
use chrono::{DateTime, Utc};
use courtesy_core::ErrorCode;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// Where an import run stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    /// Being imported.
    #[default]
    Running,
    /// Read to the end.
    Finished,
    /// Stopped by the person; what was committed stays.
    Cancelled,
    /// Stopped by an error; what was committed stays.
    Failed,
}

impl RunStatus {
    /// The stored name.
    pub fn as_str(&self) -> &'static str {
        match self {
            RunStatus::Running => "running",
            RunStatus::Finished => "finished",
            RunStatus::Cancelled => "cancelled",
            RunStatus::Failed => "failed",
        }
    }

    /// Reads a stored name.
    pub fn parse(s: &str) -> Option<RunStatus> {
        [
            RunStatus::Running,
            RunStatus::Finished,
            RunStatus::Cancelled,
            RunStatus::Failed,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

impl PartialEq<&str> for RunStatus {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// What an import run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportRun {
    /// Run id.
    #[ts(type = "number")]
    pub id: i64,
    /// The file's name.
    pub file_name: String,
    /// SHA-256 of the file's bytes.
    pub file_sha256: String,
    /// Detected format, e.g. `shopify-orders`.
    pub format: String,
    /// Detected encoding.
    pub encoding: String,
    /// UTC.
    pub started_at: String,
    /// UTC, when done.
    pub finished_at: Option<String>,
    /// Where the run stands.
    pub status: RunStatus,
    /// Data rows read.
    #[ts(type = "number")]
    pub rows_read: i64,
    /// Counts.
    pub counts: ImportCounts,
    /// Rows reported: not imported, or imported with a note.
    #[ts(type = "number")]
    pub errors: i64,
    /// The reported rows that were not imported.
    #[ts(type = "number")]
    pub rows_skipped: i64,
    /// Records identical to an earlier record of the file, imported once.
    #[ts(type = "number")]
    pub duplicates: i64,
    /// Orders whose id could not be trusted (a spreadsheet rounded it, or
    /// another order has it too), matched by shop and number instead.
    #[ts(type = "number")]
    pub orders_by_number: i64,
    /// The shop connection a sync run read from; `None` for a file.
    #[ts(type = "number | null")]
    pub connection_id: Option<i64>,
    /// Requests a sync run sent to the shop.
    #[ts(type = "number")]
    pub requests: i64,
    /// Milliseconds a sync run waited for the shop's rate limit.
    #[ts(type = "number")]
    pub waited_ms: i64,
    /// Why a run failed, when it did.
    pub failure: Option<RunFailure>,
}

/// Why a run stopped: the error's code and parameters (the UI says it in its
/// language) and its English message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RunFailure {
    /// The error's code.
    pub code: ErrorCode,
    /// Its message in English.
    pub message: String,
    /// Its parameters by name.
    pub params: BTreeMap<String, String>,
}

/// New, updated and unchanged customers and orders.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportCounts {
    /// Customers created.
    #[ts(type = "number")]
    pub customers_new: i64,
    /// Customers that gained data.
    #[ts(type = "number")]
    pub customers_updated: i64,
    /// Customers already up to date.
    #[ts(type = "number")]
    pub customers_unchanged: i64,
    /// Orders created.
    #[ts(type = "number")]
    pub orders_new: i64,
    /// Orders whose status, dates or note changed.
    #[ts(type = "number")]
    pub orders_updated: i64,
    /// Orders already up to date.
    #[ts(type = "number")]
    pub orders_unchanged: i64,
}

impl ImportCounts {
    /// Adds another batch's counts.
    pub fn add(&mut self, o: &ImportCounts) {
        self.customers_new += o.customers_new;
        self.customers_updated += o.customers_updated;
        self.customers_unchanged += o.customers_unchanged;
        self.orders_new += o.orders_new;
        self.orders_updated += o.orders_updated;
        self.orders_unchanged += o.orders_unchanged;
    }
}

/// A row the import reports: one it did not import, or one it imported with
/// something for a person to check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    /// The line of the file the row starts on (the header is line 1), or the
    /// item's place in a JSON list.
    #[ts(type = "number")]
    pub row: i64,
    /// The column at fault.
    pub column: Option<String>,
    /// Why.
    pub reason: String,
    /// Whether the row was left out (else it imported, and `reason` says what
    /// was dropped or changed).
    pub skipped: bool,
}

impl RowProblem {
    /// A row that was not imported.
    pub fn skipped(row: i64, column: Option<String>, reason: String) -> Self {
        RowProblem {
            row,
            column,
            reason,
            skipped: true,
        }
    }

    /// A row that imported with something to check.
    pub fn note(row: i64, column: Option<String>, reason: String) -> Self {
        RowProblem {
            row,
            column,
            reason,
            skipped: false,
        }
    }
}

/// What reading one batch found besides its records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchReport {
    /// Data rows the batch covers.
    pub rows_read: i64,
    /// Rows reported.
    pub problems: Vec<RowProblem>,
    /// Records identical to an earlier record of the file.
    pub duplicates: i64,
    /// Orders whose id a spreadsheet rounded.
    pub rounded_ids: i64,
}

fn run_from_row(r: &Row<'_>) -> crate::db::Result<ImportRun> {
    Ok(ImportRun {
        id: r.get("id")?,
        file_name: r.get("file_name")?,
        file_sha256: r.get("file_sha256")?,
        format: r.get("format")?,
        encoding: r.get("encoding")?,
        started_at: r.get("started_at")?,
        finished_at: r.get("finished_at")?,
        status: {
            let text: String = r.get("status")?;
            RunStatus::parse(&text).unwrap_or(RunStatus::Failed)
        },
        rows_read: r.get("rows_read")?,
        counts: ImportCounts {
            customers_new: r.get("customers_new")?,
            customers_updated: r.get("customers_updated")?,
            customers_unchanged: r.get("customers_unchanged")?,
            orders_new: r.get("orders_new")?,
            orders_updated: r.get("orders_updated")?,
            orders_unchanged: r.get("orders_unchanged")?,
        },
        errors: r.get("errors")?,
        rows_skipped: r.get("rows_skipped")?,
        duplicates: r.get("duplicates")?,
        orders_by_number: r.get("orders_by_number")?,
        connection_id: r.get("connection_id")?,
        requests: r.get("requests")?,
        waited_ms: r.get("waited_ms")?,
        failure: r
            .get::<_, Option<String>>("failure")?
            .and_then(|text| serde_json::from_str(&text).ok()),
    })
}

/// The latest run of the shop connection `connection_id`.
pub(crate) fn last_run_of(conn: &Connection, connection_id: i64) -> Result<Option<ImportRun>> {
    Ok(conn
        .prepare_cached(
            "SELECT * FROM import_runs WHERE connection_id = ?1 ORDER BY started_at DESC, id DESC LIMIT 1",
        )?
        .query_row([connection_id], run_from_row)
        .optional()?)
}

/// Adds to a sync run's requests and time waited, in the caller's transaction.
pub(crate) fn add_requests(
    conn: &Connection,
    run_id: i64,
    requests: i64,
    waited_ms: i64,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE import_runs SET requests = requests + ?2, waited_ms = waited_ms + ?3 WHERE id = ?1",
    )?
    .execute(params![run_id, requests, waited_ms])?;
    Ok(())
}

pub(crate) fn run(conn: &Connection, id: i64) -> Result<ImportRun> {
    conn.prepare_cached("SELECT * FROM import_runs WHERE id = ?1")?
        .query_row([id], run_from_row)
        .optional()?
        .ok_or(StoreError::NotFound {
            entity: "import run",
            id,
        })
}

/// Adds a batch's counts and report to the run, inside the batch's
/// transaction; `conflicts` are the orders the merge found another order's id
/// on (it matched them by number, and reports each).
pub(crate) fn add_batch(
    conn: &Connection,
    run_id: i64,
    counts: &ImportCounts,
    report: &BatchReport,
    conflicts: &[RowProblem],
) -> Result<()> {
    let problems = || report.problems.iter().chain(conflicts);
    let skipped = problems().filter(|p| p.skipped).count() as i64;
    let changed = conn
        .prepare_cached(
            "UPDATE import_runs SET rows_read = rows_read + ?2,
            customers_new = customers_new + ?3, customers_updated = customers_updated + ?4,
            customers_unchanged = customers_unchanged + ?5, orders_new = orders_new + ?6,
            orders_updated = orders_updated + ?7, orders_unchanged = orders_unchanged + ?8,
            errors = errors + ?9, rows_skipped = rows_skipped + ?10,
            duplicates = duplicates + ?11, orders_by_number = orders_by_number + ?12
         WHERE id = ?1 AND status = 'running'",
        )?
        .execute(params![
            run_id,
            report.rows_read,
            counts.customers_new,
            counts.customers_updated,
            counts.customers_unchanged,
            counts.orders_new,
            counts.orders_updated,
            counts.orders_unchanged,
            problems().count() as i64,
            skipped,
            report.duplicates,
            report.rounded_ids + conflicts.len() as i64,
        ])?;
    if changed == 0 {
        return Err(StoreError::Invalid(format!(
            "import run {run_id} is not running"
        )));
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO import_row_errors (run_id, row, \"column\", reason, skipped) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for p in problems() {
        insert.execute(params![run_id, p.row, p.column, p.reason, p.skipped])?;
    }
    Ok(())
}

impl Store {
    /// Records the start of an import of a file.
    pub fn start_import(
        &self,
        file_name: &str,
        sha256: &str,
        format: &str,
        encoding: &str,
        actor: &Actor,
    ) -> Result<ImportRun> {
        self.write(|tx| {
            let id = tx.insert(
                "INSERT INTO import_runs (file_name, file_sha256, format, encoding, actor, started_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                params![file_name, sha256, format, encoding, actor.name, to_db(actor.at)],
            )?;
            run(tx, id)
        })
    }

    /// Marks a run finished, cancelled or failed at `at`.
    pub fn finish_import(
        &self,
        run_id: i64,
        status: RunStatus,
        at: DateTime<Utc>,
    ) -> Result<ImportRun> {
        if status == RunStatus::Running {
            return Err(StoreError::Invalid(
                "'running' is not a final import status".to_string(),
            ));
        }
        let status = status.as_str();
        self.write(|tx| {
            tx.execute(
                "UPDATE import_runs SET status = ?2, finished_at = ?3 WHERE id = ?1",
                params![run_id, status, to_db(at)],
            )?;
            run(tx, run_id)
        })
    }

    /// Records the start of a sync with the shop connection `connection_id`;
    /// `format` names the API read (e.g. `shopify-api`). Called under the
    /// connection's lease, so an earlier run of it still marked running was
    /// cut off (its program ended): it is marked failed as interrupted.
    pub fn start_sync_run(
        &self,
        connection_id: i64,
        connection_name: &str,
        format: &str,
        actor: &Actor,
    ) -> Result<ImportRun> {
        let interrupted = serde_json::to_string(&RunFailure {
            code: ErrorCode::ShopInterrupted,
            message:
                "The sync stopped before it finished; the next one went on from where it stopped."
                    .to_string(),
            params: BTreeMap::new(),
        })
        .map_err(|e| StoreError::Invalid(format!("the failure does not serialise: {e}")))?;
        self.write(|tx| {
            tx.execute(
                "UPDATE import_runs SET status = 'failed', finished_at = ?2, failure = ?3
                 WHERE connection_id = ?1 AND status = 'running'",
                params![connection_id, to_db(actor.at), interrupted],
            )?;
            let id = tx.insert(
                "INSERT INTO import_runs (file_name, file_sha256, format, encoding, actor, started_at, connection_id)
                 VALUES (?1, '', ?2, '', ?3, ?4, ?5) RETURNING id",
                params![connection_name, format, actor.name, to_db(actor.at), connection_id],
            )?;
            run(tx, id)
        })
    }

    /// Marks a sync run failed at `at`, with why.
    pub fn fail_sync_run(
        &self,
        run_id: i64,
        failure: &RunFailure,
        at: DateTime<Utc>,
    ) -> Result<ImportRun> {
        let text = serde_json::to_string(failure)
            .map_err(|e| StoreError::Invalid(format!("the failure does not serialise: {e}")))?;
        self.write(|tx| {
            tx.execute(
                "UPDATE import_runs SET status = 'failed', finished_at = ?2, failure = ?3 WHERE id = ?1",
                params![run_id, to_db(at), text],
            )?;
            run(tx, run_id)
        })
    }

    /// The sync runs of a connection, newest first.
    pub fn sync_runs(&self, connection_id: i64, limit: u32) -> Result<Vec<ImportRun>> {
        self.read(|c| {
            Ok(c.prepare_cached(
                "SELECT * FROM import_runs WHERE connection_id = ?1 ORDER BY started_at DESC, id DESC LIMIT ?2",
            )?
            .query_map(params![connection_id, limit], run_from_row)?
            .collect::<crate::db::Result<Vec<_>>>()?)
        })
    }

    /// A run as recorded.
    pub fn import_run(&self, run_id: i64) -> Result<ImportRun> {
        self.read(|c| run(c, run_id))
    }

    /// The newest import run, if any.
    pub fn latest_import_run(&self) -> Result<Option<ImportRun>> {
        self.read(|c| {
            Ok(
                c.prepare_cached("SELECT * FROM import_runs ORDER BY id DESC LIMIT 1")?
                    .query_row([], run_from_row)
                    .optional()?,
            )
        })
    }

    /// The rows a run reported (not imported, or imported with a note), in file order.
    pub fn import_problems(&self, run_id: i64) -> Result<Vec<RowProblem>> {
        self.read(|c| {
            Ok(c.prepare_cached("SELECT row, \"column\", reason, skipped FROM import_row_errors WHERE run_id = ?1 ORDER BY row, rowid")?
                .query_map([run_id], |r| Ok(RowProblem { row: r.get(0)?, column: r.get(1)?, reason: r.get(2)?, skipped: r.get(3)? }))?
                .collect::<crate::db::Result<_>>()?)
        })
    }
}
