//! Backups: taken while an import writes, each is the database at one
//! committed moment (it passes `PRAGMA integrity_check`, and its import run's
//! counts match the orders it holds, between the first and the last batch);
//! restored, the database holds what the backup held and what was there is
//! kept in a `before-restore` backup; and 400 days of daily backups under an
//! injected clock leave exactly the rotation's set.
//!
//! Both runs: on PostgreSQL the backup is the shop copied into a SQLite file.

use chrono::{Datelike, Duration, TimeZone, Utc};
use courtesy_core::backup_rotation::{BackupReason, KEEP_OTHERS};
use courtesy_core::FixedClock;
use courtesy_desk::Desk;
use courtesy_store::testing::raw_connection;
use courtesy_store::{inspect_backup, list_backups, AuditSource, Store};
use courtesy_tests::{temp_db, tester};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// A Shopify orders export of `n` orders of new customers.
fn big_export(dir: &Path, n: usize) -> std::path::PathBuf {
    let header = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Billing City,Billing Country,Billing Phone,Id";
    let mut csv = String::from(header);
    for k in 0..n {
        let day = 1 + k % 28;
        csv.push_str(&format!(
            "\n#B{k},klient.{k}@example.pl,paid,2026-11-{day:02} 10:00:00 +0100,,,PLN,59.00,2026-11-{day:02} 09:00:00 +0100,1,Herbata,59.00,T-1,Anna Nowak {k},Kraków,PL,,{}",
            700_000_000 + k
        ));
    }
    let file = dir.join("orders_export.csv");
    std::fs::write(&file, csv + "\n").unwrap();
    file
}

/// The orders the import brought, and the run's own count of them, in a backup.
fn import_state(backup: &Path) -> (i64, i64) {
    let c = rusqlite::Connection::open(backup).unwrap();
    let orders: i64 = c
        .query_row(
            "SELECT count(*) FROM orders WHERE number LIKE '#B%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let counted: i64 = c
        .query_row(
            "SELECT coalesce(max(orders_new), 0) FROM import_runs",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (orders, counted)
}

#[test]
fn a_backup_taken_while_an_import_writes_is_one_committed_moment_and_restores() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    // A shop with customers already: the import goes batch by batch (an
    // empty database is loaded in one transaction).
    let (p, c, o) = courtesy_tests::small_shop();
    store.load_shop(&p, &c, &o, &tester()).unwrap();
    const ORDERS: usize = 3 * courtesy_import::BATCH;
    let export = big_export(dir.path(), ORDERS);
    let folder = dir.path().join("backups");
    let done = AtomicBool::new(false);
    let backups = std::thread::scope(|s| {
        let importer = s.spawn(|| {
            let clock = FixedClock(Utc::now());
            let run = courtesy_import::import_file(
                &store,
                &export,
                None,
                None,
                &tester(),
                &clock,
                // A slower import (as a big one on a busy computer): each
                // batch after the first commits with the one before it, so
                // the database passes through a state between batches.
                |_| {
                    std::thread::sleep(std::time::Duration::from_millis(2_100));
                    courtesy_import::Flow::Continue
                },
            );
            done.store(true, Ordering::SeqCst);
            run.unwrap()
        });
        // Backups while the import runs: from its first committed batch on.
        let mut taken = Vec::new();
        let started = std::time::Instant::now();
        while !done.load(Ordering::SeqCst)
            && started.elapsed() < std::time::Duration::from_secs(300)
        {
            let imported = store.customer_count().unwrap() > 4;
            if imported && taken.len() < 3 {
                let at = Utc::now() + Duration::seconds(taken.len() as i64);
                taken.push(store.back_up(&folder, BackupReason::Manual, at).unwrap());
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let run = importer.join().unwrap();
        assert_eq!(run.counts.orders_new as usize, ORDERS);
        taken
    });
    assert!(
        !backups.is_empty(),
        "a backup was taken while the import ran"
    );
    let mut mid_import = None;
    for b in &backups {
        let file = Path::new(&b.file);
        let (version, counts) = inspect_backup(file).expect("the backup is sound");
        assert_eq!(version, courtesy_store::LATEST_VERSION);
        assert_eq!(counts, b.counts, "the description matches the file");
        let (orders, counted) = import_state(file);
        assert_eq!(
            orders, counted,
            "orders and the run's count are of one moment"
        );
        assert_eq!(
            orders % courtesy_import::BATCH as i64,
            0,
            "whole batches only: {orders}"
        );
        if orders > 0 && (orders as usize) < ORDERS {
            mid_import = Some((file.to_path_buf(), orders));
        }
    }
    let seen: Vec<(i64, i64)> = backups
        .iter()
        .map(|b| import_state(Path::new(&b.file)))
        .collect();
    let (mid, orders) = mid_import
        .unwrap_or_else(|| panic!("no backup caught the import between batches: {seen:?}"));

    // Restored: the database is that moment again; what was there is kept.
    let desk_clock = FixedClock(Utc::now() + Duration::minutes(5));
    let desk = Desk::new(&store, &desk_clock, AuditSource::Cli);
    let restored = desk.restore(&mid, &folder).unwrap();
    let raw = raw_connection(&path).unwrap();
    let now_orders: i64 = raw
        .query_row(
            "SELECT count(*) FROM orders WHERE number LIKE '#B%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(now_orders, orders);
    assert_eq!(
        store
            .search_customers("klient.0@example.pl", 5)
            .unwrap()
            .len(),
        1,
        "search follows the restore"
    );
    assert_eq!(restored.before.reason, BackupReason::BeforeRestore);
    assert_eq!(
        import_state(Path::new(&restored.before.file)).0,
        ORDERS as i64,
        "the state before is kept"
    );
    let logged: i64 = raw
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'database' AND action = 'restore'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(logged, 1, "the restore is in the audit log");
}

#[test]
fn a_damaged_or_foreign_file_is_refused_before_anything_is_changed() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let (p, c, o) = courtesy_tests::small_shop();
    store.load_shop(&p, &c, &o, &tester()).unwrap();
    let folder = dir.path().join("backups");
    let good = store
        .back_up(&folder, BackupReason::Manual, Utc::now())
        .unwrap();
    let mut bytes = std::fs::read(&good.file).unwrap();
    let cut = dir.path().join("cut-off.sqlite");
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&cut, &bytes).unwrap();
    let text = dir.path().join("notes.sqlite");
    std::fs::write(&text, "not a database").unwrap();
    let clock = FixedClock(Utc::now());
    let desk = Desk::new(&store, &clock, AuditSource::Cli);
    for bad in [&cut, &text, &dir.path().join("missing.sqlite")] {
        let err = desk.restore(bad, &folder).unwrap_err();
        assert_eq!(err.code().as_str(), "invalid", "{}: {err}", bad.display());
    }
    assert_eq!(store.customer_count().unwrap(), 4, "nothing changed");
    assert_eq!(
        list_backups(&folder).unwrap().len(),
        1,
        "no backup taken for a refused restore"
    );
}

#[test]
fn four_hundred_days_of_daily_backups_leave_the_rotations_set() {
    // Files, on both runs: the rotation is about the backups folder.
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("shop.sqlite")).unwrap();
    let folder = dir.path().join("backups");
    let start = Utc.with_ymd_and_hms(2025, 11, 1, 9, 0, 0).unwrap();
    let mut taken = 0;
    for day in 0..400 {
        let clock = FixedClock(start + Duration::days(day));
        let desk = Desk::new(&store, &clock, AuditSource::Ui);
        if desk.daily_backup(&folder).unwrap().is_some() {
            taken += 1;
        }
        // Started again the same day: no second daily backup.
        assert!(desk.daily_backup(&folder).unwrap().is_none());
        if day % 25 == 0 {
            desk.back_up(&folder, BackupReason::Manual).unwrap();
        }
    }
    assert_eq!(taken, 400);
    let now = start + Duration::days(399);
    let kept = list_backups(&folder).unwrap();
    let daily: Vec<_> = kept
        .iter()
        .filter(|b| b.reason == BackupReason::Daily)
        .collect();
    let days: Vec<String> = daily.iter().map(|b| b.taken_at[..10].to_string()).collect();
    // The last 7 days, the last 4 weeks' newest, the last 12 months' newest.
    for d in 0..7 {
        let day = (now - Duration::days(d)).format("%Y-%m-%d").to_string();
        assert!(days.contains(&day), "{day} kept: {days:?}");
    }
    // Worked out here from the calendar: one backup a day at 09:00, so the
    // newest of a week or a month is its last day so far.
    let today = now.date_naive();
    let mut expected = std::collections::BTreeSet::new();
    for d in 0..7 {
        expected.insert(today - Duration::days(d));
    }
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    for w in 0..4 {
        expected.insert((monday - Duration::weeks(w) + Duration::days(6)).min(today));
    }
    let mut month_start = today.with_day(1).unwrap();
    for _ in 0..12 {
        let next = month_start
            .checked_add_months(chrono::Months::new(1))
            .unwrap();
        expected.insert((next - Duration::days(1)).min(today));
        month_start = month_start
            .checked_sub_months(chrono::Months::new(1))
            .unwrap();
    }
    let expected: Vec<String> = expected
        .iter()
        .rev()
        .map(|d| d.format("%Y-%m-%d").to_string())
        .collect();
    assert_eq!(days, expected, "exactly the rotation's set");
    let manual = kept
        .iter()
        .filter(|b| b.reason == BackupReason::Manual)
        .count();
    assert_eq!(manual, KEEP_OTHERS);
    let files = std::fs::read_dir(&folder).unwrap().count();
    assert_eq!(
        files,
        kept.len() * 2,
        "each kept backup and its description, nothing else"
    );
}

#[test]
fn a_desk_pointed_at_another_folder_backs_up_there_until_pointed_back() {
    let (dir, path) = temp_db();
    let own_file = dir.path().join("courtesy.sqlite");
    let store = Store::open(&path).unwrap();
    let clock = FixedClock(Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0).unwrap());
    let desk = Desk::new(&store, &clock, AuditSource::Ui);
    let default = desk.backup_folder(&own_file);
    let synced = dir.path().join("Dropbox").join("Courtesy backups");
    assert_eq!(
        desk.choose_backup_folder(&own_file, Some(&synced)).unwrap(),
        synced
    );
    assert_eq!(
        desk.backup_folder(&own_file),
        synced,
        "the choice is kept beside the desk's file"
    );
    let taken = desk
        .back_up(&desk.backup_folder(&own_file), BackupReason::Manual)
        .unwrap();
    assert!(
        Path::new(&taken.file).starts_with(&synced),
        "{}",
        taken.file
    );
    assert_eq!(list_backups(&synced).unwrap().len(), 1);
    assert_eq!(desk.choose_backup_folder(&own_file, None).unwrap(), default);
    assert_eq!(desk.backup_folder(&own_file), default);
    let unwritable = Path::new("/proc/courtesy-backups");
    assert!(desk
        .choose_backup_folder(&own_file, Some(unwritable))
        .is_err());
    assert_eq!(
        desk.backup_folder(&own_file),
        default,
        "a refused folder is not kept"
    );
}
