//! Runs that stop part-way (a process that dies after committing batches but
//! before settling its customers, a batch the store refuses) or that meet
//! another writer.

use crate::formats::open::fixture::{drain, open_fixture};
use crate::run::convert;
use chrono::{TimeZone, Utc};
use courtesy_core::{Currency, Money, Region};
use courtesy_store::testing::{raw_connection, scratch_database};
use courtesy_store::{Actor, AuditSource, BatchReport, ImportItem, RunState, Store};
use std::path::Path;

fn actor() -> Actor {
    Actor::new("tester", AuditSource::Import, Utc::now())
}

/// The fixture's records, converted as the sink converts them.
fn items(name: &str) -> Vec<ImportItem> {
    let (importer, _) = open_fixture(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap();
    let region = Region::parse("PL").unwrap();
    let mut report = BatchReport::default();
    drain(importer)
        .records
        .into_iter()
        .map(|r| convert::item(r, region, now, &mut report))
        .collect()
}

/// A batch of `rows` data rows with nothing reported.
fn rows_read(rows: i64) -> BatchReport {
    BatchReport {
        rows_read: rows,
        ..BatchReport::default()
    }
}

fn rows(path: &Path, sql: &str) -> Vec<String> {
    let c = raw_connection(path).unwrap();
    let mut stmt = c.prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        (0..n)
            .map(|i| {
                r.get::<_, courtesy_store::db::Value>(i)
                    .map(|v| format!("{v:?}"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|v| v.join("|"))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// Search rows and customer figures, as a person would see them.
fn searchable(path: &Path) -> Vec<String> {
    let key = if path.to_string_lossy().starts_with("postgres") {
        "customer_id"
    } else {
        "rowid"
    };
    let mut all = rows(
        path,
        &format!("SELECT {key}, name, contact, orders FROM customer_search ORDER BY {key}"),
    );
    all.extend(rows(
        path,
        "SELECT id, order_count, last_order_at FROM customers ORDER BY id",
    ));
    all
}

/// Imports `items` one batch per item into the database at `path`; settles at
/// the end unless `die_before_settling`, which commits and then forgets the run
/// as a killed process would.
fn import(path: &Path, items: &[ImportItem], die_before_settling: bool) {
    let store = Store::open(path).unwrap();
    let run_id = store
        .start_import(
            "shopify-orders.csv",
            "sha",
            "shopify-orders",
            "UTF-8",
            &actor(),
        )
        .unwrap()
        .id;
    let mut run = RunState::new(&store);
    for item in items {
        run.import_batch(run_id, std::slice::from_ref(item), &rows_read(1), &actor())
            .unwrap();
    }
    if die_before_settling {
        run.commit().unwrap();
        std::mem::forget(run);
    } else {
        run.settle().unwrap();
        store
            .finish_import(run_id, courtesy_store::RunStatus::Finished, Utc::now())
            .unwrap();
    }
}

#[test]
fn customers_of_a_run_that_died_before_settling_are_searchable_after_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let (clean, died) = (
        scratch_database(dir.path(), "clean.db"),
        scratch_database(dir.path(), "died.db"),
    );
    let items = items("shopify-orders.csv");
    import(&clean, &items, false);
    import(&died, &items, true);
    assert_eq!(
        rows(&died, "SELECT count(*) FROM customer_search"),
        ["Integer(0)"],
        "nothing was settled before the process died"
    );
    assert_eq!(
        rows(
            &died,
            "SELECT count(*) FROM settings WHERE key LIKE 'import.%'"
        ),
        ["Integer(1)"],
        "the committed batches left their mark"
    );
    let store = Store::open(&died).unwrap();
    assert_eq!(
        store
            .search_customers("anna.nowak@example.com", 5)
            .unwrap()
            .len(),
        1,
        "opening the database settles what the dead run left"
    );
    drop(store);
    assert_eq!(searchable(&died), searchable(&clean));
    assert_eq!(
        rows(
            &died,
            "SELECT count(*) FROM settings WHERE key LIKE 'import.%'"
        ),
        ["Integer(0)"],
        "the mark is gone once everyone is settled"
    );
}

#[test]
fn a_batch_the_store_refuses_is_undone_and_the_committed_batches_before_it_stay() {
    let dir = tempfile::tempdir().unwrap();
    let path = scratch_database(dir.path(), "refused.db");
    let mut items = items("shopify-orders.csv");
    let (good, rest) = items.split_at_mut(1);
    let ImportItem::Order { order, .. } = &mut rest[0] else {
        panic!("the fixture holds orders");
    };
    order.shipping = Money::new(100, Currency::parse("EUR").unwrap());
    order.total = Money::new(100, Currency::parse("PLN").unwrap());
    let store = Store::open(&path).unwrap();
    let run_id = store
        .start_import("f.csv", "sha", "shopify-orders", "UTF-8", &actor())
        .unwrap()
        .id;
    let mut run = RunState::new(&store);
    let first = run
        .import_batch(run_id, good, &rows_read(2), &actor())
        .unwrap();
    run.commit().unwrap();
    let refused = run.import_batch(run_id, &rest[..1], &rows_read(1), &actor());
    assert!(
        refused.is_err_and(|e| e.to_string().contains("mixes currencies")),
        "an order mixing currencies is refused"
    );
    run.settle().unwrap();
    drop(run);
    let kept = rows(&path, "SELECT count(*) FROM orders");
    assert_eq!(kept, ["Integer(1)"], "the committed batch stays");
    assert_eq!(
        rows(&path, "SELECT count(*) FROM customers"),
        [format!("Integer({})", first.customers_new)],
        "the refused batch's buyer is undone with it"
    );
    assert_eq!(
        rows(&path, "SELECT orders_new, rows_read FROM import_runs"),
        ["Integer(1)|Integer(2)"],
        "the run counts the first batch only"
    );
    assert_eq!(
        store
            .search_customers("anna.nowak@example.com", 5)
            .unwrap()
            .len(),
        1,
        "the first batch's buyer is settled"
    );
}

#[test]
fn a_customer_someone_else_adds_during_a_run_is_found_by_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = scratch_database(dir.path(), "shared.db");
    let items = items("shopify-orders.csv");
    let ImportItem::Order { buyer, .. } = &items[0] else {
        panic!("the fixture holds orders");
    };
    let email = buyer.email.clone().unwrap();
    let store = Store::open(&path).unwrap();
    let run_id = store
        .start_import("f.csv", "sha", "shopify-orders", "UTF-8", &actor())
        .unwrap()
        .id;
    let mut run = RunState::new(&store);
    let others: Vec<ImportItem> = items[1..]
        .iter()
        .filter(|i| !matches!(i, ImportItem::Order { buyer, .. } if buyer.email.as_ref() == Some(&email)))
        .cloned()
        .collect();
    run.import_batch(run_id, &others, &rows_read(1), &actor())
        .unwrap();
    run.commit().unwrap();
    raw_connection(&path)
        .unwrap()
        .execute(
            "INSERT INTO customers (first_name, email, created_at, updated_at)
             VALUES ('Added meanwhile', ?1, '2026-11-26T08:00:00Z', '2026-11-26T08:00:00Z')",
            [&email],
        )
        .unwrap();
    let counts = run
        .import_batch(run_id, &items[..1], &rows_read(1), &actor())
        .unwrap();
    run.settle().unwrap();
    assert_eq!(
        (counts.customers_new, counts.customers_updated),
        (0, 1),
        "the buyer is the customer added meanwhile, filled in"
    );
    assert_eq!(
        rows(
            &path,
            &format!("SELECT count(*) FROM customers WHERE email = '{email}'")
        ),
        ["Integer(1)"]
    );
}
