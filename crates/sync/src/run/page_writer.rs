//! Writing what a sync reads, a page at a time: the page's records are
//! converted and merged exactly as an imported file's are, in one
//! transaction with the connection's new place, the requests the page took
//! and the renewed lease. Pages share a transaction for up to a second (a
//! pass's last page, a cancel and the end of the run commit at once), so a
//! kill loses at most that second, which the next sync reads again. After
//! each page the caller may cancel.

use crate::http::Transport;
use crate::run::lease_holder::LEASE_TTL;
use crate::run::progress::{SyncPhase, SyncProgress};
use crate::sync_error::SyncError;
use courtesy_core::{Clock, Region};
use courtesy_import::{import_item, Flow, Located, Record, RowError, SourceId};
use courtesy_store::{
    Actor, AuditSource, BatchReport, PageMark, RowProblem, RunState, ShopConnection, Store,
    SyncMark, SyncRecords,
};
use std::time::{Duration, Instant};

/// How long pages gather in one transaction before it commits.
const COMMIT_EVERY: Duration = Duration::from_secs(1);

/// One thing a page held: a record, or why an object could not be read.
pub type Read = Result<Record, RowError>;

/// A sync run writing into the store.
pub struct PageWriter<'s> {
    store: &'s Store,
    shop: &'s ShopConnection,
    run_id: i64,
    run: RunState<'s>,
    clock: &'s dyn Clock,
    operator: String,
    region: Region,
    holder: String,
    /// Records read in the whole run (their place, for problems).
    row: u64,
    requests_reported: u64,
    waited_reported: u128,
    /// When the pages written last committed.
    committed: Instant,
    /// What the progress says.
    pub progress: SyncProgress,
    on_progress: &'s mut dyn FnMut(&SyncProgress) -> Flow,
}

impl<'s> PageWriter<'s> {
    /// Writes into run `run_id` of `shop`, as `operator`, under the lease `holder`.
    #[allow(clippy::too_many_arguments, reason = "the run's parts, gathered once")]
    pub fn new(
        store: &'s Store,
        shop: &'s ShopConnection,
        run_id: i64,
        clock: &'s dyn Clock,
        operator: String,
        region: Region,
        holder: String,
        on_progress: &'s mut dyn FnMut(&SyncProgress) -> Flow,
    ) -> Self {
        PageWriter {
            store,
            shop,
            run_id,
            run: RunState::new(store),
            clock,
            operator,
            region,
            holder,
            row: 0,
            requests_reported: 0,
            waited_reported: 0,
            committed: Instant::now(),
            progress: SyncProgress::starting(&shop.name),
            on_progress,
        }
    }

    /// The store written to.
    pub fn store(&self) -> &'s Store {
        self.store
    }

    /// The connection synced.
    pub fn shop(&self) -> &'s ShopConnection {
        self.shop
    }

    /// Now, on the run's clock.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// Enters a phase (its counts of records start over).
    pub fn phase(&mut self, phase: SyncPhase, whole_shop: bool, total: Option<u64>) {
        self.progress.phase = phase;
        self.progress.whole_shop = whole_shop;
        self.progress.read = 0;
        self.progress.total = total;
    }

    /// Tells the caller where the sync stands, between requests (a bulk
    /// export being prepared); whether to go on.
    pub fn tell(&mut self, transport: &Transport) -> Flow {
        self.note_requests(transport);
        (self.on_progress)(&self.progress)
    }

    fn note_requests(&mut self, transport: &Transport) {
        self.progress.requests = transport.requests;
        self.progress.waited_ms = transport.waited.as_millis() as u64;
    }

    /// Writes one page of `records` with the connection's new place `mark`
    /// and the renewed lease, all in one transaction; then tells the caller,
    /// who may cancel (what was committed stays, and the next sync goes on
    /// from `mark`).
    pub fn write_page(
        &mut self,
        records: SyncRecords,
        page: Vec<Read>,
        mark: &SyncMark,
        what: &str,
        transport: &Transport,
    ) -> Result<Flow, SyncError> {
        let now = self.clock.now();
        let actor = Actor::new(self.operator.clone(), AuditSource::Sync, now);
        let mut report = BatchReport {
            rows_read: page.len() as i64,
            ..BatchReport::default()
        };
        let mut items = Vec::with_capacity(page.len());
        for read in page {
            self.row += 1;
            match read {
                Ok(record) => {
                    let record = with_prefix(record, &self.shop.id_prefix);
                    items.push(import_item(
                        Located {
                            row: self.row,
                            value: record,
                        },
                        self.region,
                        now,
                        &mut report,
                    ));
                }
                Err(e) => report.problems.push(RowProblem::skipped(
                    self.row as i64,
                    e.column,
                    format!("{what}, item {}: {}", e.row, e.reason),
                )),
            }
        }
        let problems = report.problems.len() as u64;
        let read = report.rows_read as u64;
        if !items.is_empty() || !report.problems.is_empty() {
            let counts = self
                .run
                .import_batch(self.run_id, &items, &report, &actor)?;
            self.progress.counts.add(&counts);
        }
        let requests = transport.requests - self.requests_reported;
        let waited = transport.waited.as_millis() - self.waited_reported;
        let held = self.run.commit_page(
            &PageMark {
                run_id: self.run_id,
                connection_id: self.shop.id,
                records,
                mark,
                requests: requests as i64,
                waited_ms: waited as i64,
                holder: &self.holder,
                lease_until: now + LEASE_TTL,
                // A pass's last page commits it whole; before that, pages
                // share a transaction for up to a second, as an import's
                // batches do (thousands of small commits cost more than the
                // writing itself).
                commit: mark.resume.is_empty() || self.committed.elapsed() >= COMMIT_EVERY,
            },
            now,
        )?;
        if self.run.is_committed() {
            self.committed = Instant::now();
        }
        self.requests_reported = transport.requests;
        self.waited_reported = transport.waited.as_millis();
        if !held {
            return Err(SyncError::Busy {
                shop: self.shop.name.clone(),
                holder: "another desk".to_string(),
                until: String::new(),
            });
        }
        self.progress.read += read;
        self.progress.problems += problems;
        self.note_requests(transport);
        let flow = (self.on_progress)(&self.progress);
        if flow == Flow::Cancel {
            self.commit()?;
        }
        Ok(flow)
    }

    /// Commits the pages written so far (before anything else writes to the
    /// store on this thread).
    pub fn commit(&mut self) -> Result<(), SyncError> {
        self.run.commit()?;
        self.committed = Instant::now();
        Ok(())
    }

    /// Brings search rows and figures of the customers the run touched up to
    /// date.
    pub fn settle(&mut self) -> Result<(), SyncError> {
        self.progress.phase = SyncPhase::Settling;
        (self.on_progress)(&self.progress);
        Ok(self.run.settle()?)
    }
}

/// A record with the connection's prefix before its ids (and its buyer's).
fn with_prefix(record: Record, prefix: &str) -> Record {
    if prefix.is_empty() {
        return record;
    }
    let prefixed = |id: Option<String>| id.map(|id| format!("{prefix}{id}"));
    match record {
        Record::Customer(mut c) => {
            c.external_id = prefixed(c.external_id);
            Record::Customer(c)
        }
        Record::Order(mut o) => {
            o.external_id = match o.external_id {
                SourceId::Given(id) => SourceId::Given(format!("{prefix}{id}")),
                other => other,
            };
            o.buyer.external_id = prefixed(o.buyer.external_id);
            Record::Order(o)
        }
    }
}
