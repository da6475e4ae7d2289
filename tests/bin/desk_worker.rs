//! One desk of the concurrency test, as a process of its own: it works on the
//! shop's database for a given time and writes what it did, one line each, to
//! a log the test reads afterwards. Any error a person would have seen is
//! written as `error …` (an expected refusal, such as a call someone else
//! took, is not an error).
//!
//! ```text
//! courtesy-desk-worker caller NAME DB SECONDS LOG    # claims due calls and records attempts
//! courtesy-desk-worker packer NAME DB SECONDS LOG    # packs paid orders (each twice: the second is refused)
//! courtesy-desk-worker importer NAME DB SECONDS LOG  # imports one new Shopify export after another
//! ```
//!
//! The business clock starts at [`BASE`] (a Thursday morning, inside calling
//! hours in Poland, Finland and Russia) and runs with real time.

use chrono::{DateTime, Duration, TimeZone, Utc};
use courtesy_core::calls::CallOutcome;
use courtesy_store::{Actor, AttemptInput, AuditSource, SlipFilter, Store, StoreError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The business clock's start.
pub fn base() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0)
        .single()
        .expect("a valid time")
}

struct Desk {
    store: Store,
    name: String,
    started: Instant,
    until: std::time::Duration,
    log: std::fs::File,
}

impl Desk {
    fn now(&self) -> DateTime<Utc> {
        base() + Duration::from_std(self.started.elapsed()).unwrap_or_default()
    }

    fn running(&self) -> bool {
        self.started.elapsed() < self.until
    }

    fn actor(&self, source: AuditSource) -> Actor {
        Actor::new(self.name.clone(), source, self.now())
    }

    fn note(&mut self, line: &str) {
        let _ = writeln!(self.log, "{line}");
    }

    fn error(&mut self, what: &str, e: &StoreError) {
        let line = format!("error {what}: {} {e}", e.code());
        self.note(&line);
    }
}

fn caller(desk: &mut Desk) {
    while desk.running() {
        let now = desk.now();
        let due = match desk.store.calls_due(now, 30) {
            Ok(d) => d,
            Err(e) => {
                desk.error("listing calls", &e);
                continue;
            }
        };
        let Some(call) = due.iter().find(|c| c.claimed_by.is_none()) else {
            if due.is_empty() {
                desk.note("no calls left");
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
            continue;
        };
        match desk.store.claim_call(call.call_id, &desk.name, now) {
            Ok(()) => {}
            Err(StoreError::CallClaimed { by, .. } | StoreError::CallClosed { by, .. }) => {
                desk.note(&format!("taken {} {by}", call.call_id));
                continue;
            }
            Err(e) => {
                desk.error("claiming a call", &e);
                continue;
            }
        }
        // The call itself.
        std::thread::sleep(std::time::Duration::from_millis(5));
        let attempt = AttemptInput {
            at: desk.now(),
            outcome: CallOutcome::Reached,
            duration_seconds: 60,
            satisfaction: Some(5),
            notes: format!("called from {}", desk.name),
            delivery_problem: false,
            follow_up_at: None,
        };
        match desk
            .store
            .record_attempt(call.call_id, &attempt, &desk.actor(AuditSource::Ui))
        {
            Ok(r) => desk.note(&format!("attempt {} {}", call.call_id, r.attempt_id)),
            Err(e) => desk.error("recording an attempt", &e),
        }
    }
}

fn packer(desk: &mut Desk) {
    let filter = SlipFilter {
        unpacked: true,
        ..SlipFilter::default()
    };
    while desk.running() {
        let orders = match desk.store.slip_orders(&filter) {
            Ok(o) => o,
            Err(e) => {
                desk.error("listing orders", &e);
                continue;
            }
        };
        if orders.is_empty() {
            desk.note("nothing left to pack");
            return;
        }
        for order in orders.iter().take(10) {
            match desk
                .store
                .mark_packed(order.id, &desk.actor(AuditSource::Ui))
            {
                Ok(_) => desk.note(&format!("packed {}", order.id)),
                Err(StoreError::AlreadyPacked { .. }) => {
                    desk.note(&format!("already {}", order.id))
                }
                Err(e) => desk.error("packing", &e),
            }
            // The same slip scanned again: told it was packed, nothing moves.
            match desk
                .store
                .mark_packed(order.id, &desk.actor(AuditSource::Ui))
            {
                Err(StoreError::AlreadyPacked { .. }) => desk.note(&format!("again {}", order.id)),
                Ok(_) => desk.note(&format!("packed twice {}", order.id)),
                Err(e) => desk.error("packing again", &e),
            }
        }
    }
}

fn importer(desk: &mut Desk, dir: &Path) {
    let header = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Billing City,Billing Country,Billing Phone,Id";
    let mut round = 0u32;
    while desk.running() {
        round += 1;
        let emails: Vec<String> = match desk.store.list_customers(i64::from(round) * 40, 40) {
            Ok(page) => page.items.into_iter().filter_map(|c| c.email).collect(),
            Err(e) => {
                desk.error("listing customers", &e);
                continue;
            }
        };
        let at = desk.now().format("%Y-%m-%d %H:%M:%S +0000").to_string();
        let mut csv = String::from(header);
        for k in 0..60u32 {
            let email = emails
                .get(k as usize)
                .cloned()
                .unwrap_or_else(|| format!("new.{round}.{k}@example.pl"));
            csv.push_str(&format!(
                "\n#W{round}-{k},{email},paid,{at},,,PLN,59.00,{at},1,Herbata,59.00,T-{k},Nowa Klientka,Kraków,PL,,{}",
                900_000_000 + round * 1000 + k
            ));
        }
        let file = dir.join(format!("orders-{round}.csv"));
        if std::fs::write(&file, csv + "\n").is_err() {
            desk.note("error writing the export");
            return;
        }
        let actor = desk.actor(AuditSource::Import);
        let clock = courtesy_core::FixedClock(desk.now());
        match courtesy_import::import_file(&desk.store, &file, None, None, &actor, &clock, |_| {
            courtesy_import::Flow::Continue
        }) {
            Ok(run) => desk.note(&format!("import {} {}", run.id, run.counts.orders_new)),
            Err(e) => desk.note(&format!("error importing: {} {e}", e.code())),
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, role, name, db, seconds, log] = args.as_slice() else {
        eprintln!("usage: courtesy-desk-worker caller|packer|importer NAME DB SECONDS LOG");
        std::process::exit(2);
    };
    let store = match Store::open(&PathBuf::from(db)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error opening {db}: {e}");
            std::process::exit(1);
        }
    };
    let log_file = std::fs::File::create(log).expect("the log can be written");
    let mut desk = Desk {
        store,
        name: name.clone(),
        started: Instant::now(),
        until: std::time::Duration::from_secs(seconds.parse().expect("SECONDS is a number")),
        log: log_file,
    };
    match role.as_str() {
        "caller" => caller(&mut desk),
        "packer" => packer(&mut desk),
        "importer" => {
            let dir = PathBuf::from(format!("{log}.files"));
            std::fs::create_dir_all(&dir).expect("a folder for the exports");
            importer(&mut desk, &dir);
        }
        other => {
            eprintln!("unknown role {other}");
            std::process::exit(2);
        }
    }
    desk.note("done");
}
