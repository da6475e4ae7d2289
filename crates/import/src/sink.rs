//! The one sink every importer feeds: records are converted, gathered into
//! batches and merged by the store, one transaction per batch, with the run's
//! counts and row problems committed alongside. Progress is reported after each
//! batch, and the caller may cancel between batches.

use crate::convert;
use crate::record::Importer;
use chrono::{DateTime, Utc};
use courtesy_core::Region;
use courtesy_store::{Actor, ImportCounts, ImportItem, ImportRun, RowProblem, Store, StoreError};

/// How many records go into one transaction.
pub const BATCH: usize = 2_000;

/// Where an import stands, after each batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Data rows read so far.
    pub rows: u64,
    /// Bytes of the file read so far.
    pub bytes: u64,
    /// New / updated / unchanged so far.
    pub counts: ImportCounts,
    /// Rows with problems so far.
    pub problems: u64,
}

/// Whether to go on after a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Read the next batch.
    Continue,
    /// Stop; what was committed stays.
    Cancel,
}

/// Feeds everything `importer` yields into the run `run_id`, then marks the run
/// finished (or cancelled). A store error stops the run, marks it failed and is
/// returned; batches committed before it stay.
pub fn feed(
    store: &Store,
    run_id: i64,
    importer: &mut dyn Importer,
    shop_region: Region,
    now: DateTime<Utc>,
    actor: &Actor,
    mut on_progress: impl FnMut(&Progress) -> Flow,
) -> Result<ImportRun, StoreError> {
    let mut progress = Progress::default();
    let mut items: Vec<ImportItem> = Vec::with_capacity(BATCH);
    let mut problems: Vec<RowProblem> = Vec::new();
    // Rows before the first data row (the header) are not counted as read.
    let before_data = importer.first_data_row().saturating_sub(1);
    let mut last_row: u64 = before_data;
    let mut committed_row: u64 = before_data;
    let mut status = "finished";
    loop {
        let next = importer.next_record();
        let end = next.is_none();
        match next {
            Some(Ok(rec)) => {
                last_row = last_row.max(rec.row);
                items.push(convert::item(&rec, shop_region, now, &mut problems));
            }
            Some(Err(e)) => {
                last_row = last_row.max(e.row);
                problems.push(RowProblem {
                    row: e.row as i64,
                    column: e.column,
                    reason: e.reason,
                });
            }
            None => {}
        }
        if items.len() >= BATCH
            || problems.len() >= BATCH
            || (end && (!items.is_empty() || !problems.is_empty() || last_row > committed_row))
        {
            let rows = last_row.saturating_sub(committed_row) as i64;
            let counts = store
                .import_batch(run_id, &items, &problems, rows, actor)
                .inspect_err(|_| {
                    let _ = store.finish_import(run_id, "failed");
                })?;
            progress.counts.add(&counts);
            progress.problems += problems.len() as u64;
            progress.rows = last_row.saturating_sub(before_data);
            progress.bytes = importer.bytes_read();
            committed_row = last_row;
            items.clear();
            problems.clear();
            if on_progress(&progress) == Flow::Cancel && !end {
                status = "cancelled";
                break;
            }
        }
        if end {
            break;
        }
    }
    store.finish_import(run_id, status)
}
