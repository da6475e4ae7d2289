//! The one sink every importer feeds: records are converted, gathered into
//! batches and merged by the store, one transaction per batch, with the run's
//! counts and row problems committed alongside. Progress is reported after each
//! batch, and the caller may cancel between batches. When the run stops, the
//! search rows and figures of the customers it touched are settled in one go.

use crate::record::Importer;
use crate::run::convert;
use chrono::{DateTime, Utc};
use courtesy_core::{Clock, Region};
use courtesy_store::{
    Actor, BatchReport, ImportCounts, ImportItem, ImportRun, RowProblem, RunState, RunStatus,
    Store, StoreError,
};

/// How many records go into one batch.
pub const BATCH: usize = 2_000;

/// How long the batches of one transaction gather before it commits: the
/// longest another writer (a person at the desk) waits for an import.
const COMMIT_AFTER: std::time::Duration = std::time::Duration::from_secs(2);

/// Where an import stands, after each batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Data rows read so far.
    pub rows: u64,
    /// Bytes of the file read so far.
    pub bytes: u64,
    /// New / updated / unchanged so far.
    pub counts: ImportCounts,
    /// Rows reported so far.
    pub problems: u64,
    /// Records identical to earlier ones so far.
    pub duplicates: u64,
}

/// Whether to go on after a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Read the next batch.
    Continue,
    /// Stop; what was committed stays.
    Cancel,
}

/// A batch read and converted, on its way to the writer.
struct Batch {
    items: Vec<ImportItem>,
    /// Its rows reported, duplicates and rounded ids (`rows_read` is set by
    /// the writer, which knows where the previous batch ended).
    report: BatchReport,
    /// The last row the batch covers.
    last_row: u64,
    /// Bytes of the file read by then.
    bytes: u64,
}

impl Batch {
    fn starting_after(last_row: u64) -> Batch {
        Batch {
            items: Vec::with_capacity(BATCH),
            report: BatchReport::default(),
            last_row,
            bytes: 0,
        }
    }
}

/// Reads and converts records into batches and hands them to `send` until the
/// file ends or the receiver hangs up (the writer stopped). The batches the
/// writer is done with come back on `written` and are emptied here, so the
/// writer does not spend its time freeing them.
fn read_batches(
    importer: &mut (dyn Importer + Send),
    shop_region: Region,
    now: DateTime<Utc>,
    send: std::sync::mpsc::SyncSender<Batch>,
    written: std::sync::mpsc::Receiver<Batch>,
) {
    let mut batch = Batch::starting_after(0);
    let mut duplicates = 0;
    loop {
        let next = importer.next_record();
        let end = next.is_none();
        match next {
            Some(Ok(rec)) => {
                batch.last_row = batch.last_row.max(rec.row);
                batch
                    .items
                    .push(convert::item(rec, shop_region, now, &mut batch.report));
            }
            Some(Err(e)) => {
                batch.last_row = batch.last_row.max(e.row);
                batch
                    .report
                    .problems
                    .push(RowProblem::skipped(e.row as i64, e.column, e.reason));
            }
            None => {}
        }
        if end || batch.items.len() >= BATCH || batch.report.problems.len() >= BATCH {
            batch.bytes = importer.bytes_read();
            let seen = importer.duplicates();
            batch.report.duplicates = seen.saturating_sub(duplicates) as i64;
            duplicates = seen;
            let last_row = batch.last_row;
            let full = std::mem::replace(&mut batch, Batch::starting_after(last_row));
            if send.send(full).is_err() || end {
                return;
            }
            written.try_iter().for_each(drop);
        }
    }
}

/// Feeds everything `importer` yields into the run `run_id`, then marks the run
/// finished (or cancelled) at the clock's time. Records are written as by
/// `actor` (at the run's start). Reading and converting run on one thread while
/// the store writes the previous batch on another. A store error stops the run,
/// marks it failed and is returned; batches committed before it stay.
pub fn feed(
    store: &Store,
    run_id: i64,
    importer: &mut (dyn Importer + Send),
    shop_region: Region,
    actor: &Actor,
    clock: &dyn Clock,
    mut on_progress: impl FnMut(&Progress) -> Flow,
) -> Result<ImportRun, StoreError> {
    let now = actor.at;
    // Rows before the first data row (the header) are not counted as read.
    let before_data = importer.first_data_row().saturating_sub(1);
    let (send, receive) = std::sync::mpsc::sync_channel::<Batch>(2);
    let (give_back, written) = std::sync::mpsc::channel::<Batch>();
    let mut run = RunState::new(store);
    let outcome = std::thread::scope(|scope| {
        scope.spawn(move || read_batches(importer, shop_region, now, send, written));
        // Owned here, so returning early hangs up on the reader before the scope joins it.
        let receive = receive;
        let mut progress = Progress::default();
        let mut committed_row = before_data;
        let mut transaction_since = std::time::Instant::now();
        for mut batch in receive.iter() {
            let last_row = batch.last_row.max(committed_row);
            batch.report.rows_read = last_row.saturating_sub(committed_row) as i64;
            let counts = run.import_batch(run_id, &batch.items, &batch.report, actor)?;
            if transaction_since.elapsed() >= COMMIT_AFTER {
                run.commit()?;
                transaction_since = std::time::Instant::now();
            }
            progress.counts.add(&counts);
            progress.problems += batch.report.problems.len() as u64;
            progress.duplicates += batch.report.duplicates as u64;
            progress.rows = last_row.saturating_sub(before_data);
            progress.bytes = batch.bytes;
            // Freed on the reading thread; if that has finished, here.
            let _ = give_back.send(batch);
            committed_row = last_row;
            if on_progress(&progress) == Flow::Cancel {
                // Dropping the receiver stops the reader at its next batch.
                return Ok(RunStatus::Cancelled);
            }
        }
        Ok(RunStatus::Finished)
    });
    // The customers the committed batches touched get their search rows and
    // figures, whatever stopped the run.
    let settled = run.settle();
    match outcome.and_then(|status| settled.map(|()| status)) {
        Ok(status) => store.finish_import(run_id, status, clock.now()),
        Err(e) => {
            let _ = store.finish_import(run_id, RunStatus::Failed, clock.now());
            Err(e)
        }
    }
}

#[cfg(test)]
#[path = "../tests/interrupted_runs.rs"]
mod interrupted_runs;
