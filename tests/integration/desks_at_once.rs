//! Four desks on one shop at once, each a process of its own, for a minute
//! (`COURTESY_DESKS_SECONDS` shortens it): two make thank-you calls, one packs
//! orders, one imports new exports. Afterwards every attempt is in once, no
//! call was made by two desks, no order was packed twice, gift stock went
//! down by exactly the packed gifts, and no desk met a database error.

use chrono::{Duration, TimeZone, Utc};
use courtesy_demo::{load, Scale, DEFAULT_SEED};
use courtesy_store::testing::{raw_connection, scratch_database};
use courtesy_store::Store;
use courtesy_tests::{first_orders_get_a_gift, tester};
use std::collections::{BTreeMap, BTreeSet};
use std::process::{Child, Command};

fn seconds() -> u64 {
    std::env::var("COURTESY_DESKS_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60)
}

/// The demo shop with 500 paid orders to pack (their gifts planned) and open
/// calls due before the business clock starts.
fn shop(store: &Store) -> (i64, usize) {
    let base = Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap();
    let scale = Scale {
        customers: 1_500,
        orders: 3_000,
    };
    load(
        store,
        base - Duration::hours(2),
        DEFAULT_SEED,
        scale,
        &tester(),
    )
    .unwrap();
    first_orders_get_a_gift(store, "PLN");
    let gift = store.gifts().unwrap()[0].id;
    store.set_gift_stock(gift, 5_000, &tester()).unwrap();
    let raw = raw_connection(store.path()).unwrap();
    raw.execute(
        "UPDATE orders SET status = 'paid', packed_at = NULL, packed_by = ''
         WHERE id IN (SELECT id FROM orders WHERE status IN ('paid', 'fulfilled') ORDER BY id DESC LIMIT 500)",
        [],
    )
    .unwrap();
    let paid: Vec<i64> = raw
        .prepare("SELECT id FROM orders WHERE status = 'paid' AND packed_at IS NULL ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    store
        .plan_gifts_for_orders(Some(&paid), base - Duration::hours(1), &tester())
        .unwrap();
    let callable: Vec<i64> = raw
        .prepare(
            "SELECT c.id FROM customers c WHERE c.do_not_call = 0
               AND EXISTS (SELECT 1 FROM customer_phones p WHERE p.customer_id = c.id AND p.e164 IS NOT NULL)
               AND NOT EXISTS (SELECT 1 FROM calls k WHERE k.customer_id = c.id AND k.status = 'open')
             ORDER BY c.id LIMIT 600",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for customer in &callable {
        let due = base - Duration::minutes(30);
        store
            .plan_manual_call(*customer, due, due, &tester())
            .unwrap();
    }
    let stock: i64 = raw
        .query_row("SELECT sum(stock) FROM gifts", [], |r| r.get(0))
        .unwrap();
    (stock, paid.len())
}

fn worker(role: &str, name: &str, db: &std::path::Path, log: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_courtesy-desk-worker"))
        .args([role, name])
        .arg(db)
        .arg(seconds().to_string())
        .arg(log)
        .spawn()
        .expect("the worker starts")
}

fn lines(log: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn two_callers_a_packer_and_an_import_at_once_lose_nothing_and_do_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let db = scratch_database(dir.path(), "shop.sqlite");
    let store = Store::open(&db).unwrap();
    let (stock_before, to_pack) = shop(&store);
    drop(store);

    let logs: Vec<_> = ["anna", "olek", "packer", "importer"]
        .iter()
        .map(|n| dir.path().join(format!("{n}.log")))
        .collect();
    let mut children = vec![
        worker("caller", "Anna (desk A)", &db, &logs[0]),
        worker("caller", "Olek (desk B)", &db, &logs[1]),
        worker("packer", "Packer", &db, &logs[2]),
        worker("importer", "Import", &db, &logs[3]),
    ];
    // Each worker stops by itself; one that hangs is killed after a minute more.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds() + 60);
    for child in &mut children {
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                panic!("a desk did not finish in time");
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        assert!(child.wait().unwrap().success(), "a desk failed");
    }

    let all: Vec<(usize, String)> = logs
        .iter()
        .enumerate()
        .flat_map(|(i, l)| lines(l).into_iter().map(move |line| (i, line)))
        .collect();
    let errors: Vec<&String> = all
        .iter()
        .filter(|(_, l)| l.starts_with("error"))
        .map(|(_, l)| l)
        .collect();
    assert!(errors.is_empty(), "errors reached a desk: {errors:#?}");
    for log in &logs {
        assert_eq!(
            lines(log).last().map(String::as_str),
            Some("done"),
            "{log:?}"
        );
    }

    let raw = raw_connection(&db).unwrap();
    let count = |sql: &str| -> i64 { raw.query_row(sql, [], |r| r.get(0)).unwrap() };

    // Calls: each attempt the desks saved is in the database once, on a call
    // no other desk made.
    let mut saved: BTreeMap<i64, (usize, i64)> = BTreeMap::new();
    for (desk, line) in &all {
        if let Some(rest) = line.strip_prefix("attempt ") {
            let mut parts = rest.split(' ').map(|p| p.parse::<i64>().unwrap());
            let (call, attempt) = (parts.next().unwrap(), parts.next().unwrap());
            assert!(
                saved.insert(call, (*desk, attempt)).is_none(),
                "call {call} was made twice"
            );
        }
    }
    assert!(saved.len() > 20, "the callers made calls: {}", saved.len());
    let by_both = count(
        "SELECT count(*) FROM (SELECT call_id FROM call_attempts WHERE staff LIKE '%(desk %'
            GROUP BY call_id HAVING count(DISTINCT staff) > 1 OR count(*) > 1) AS twice",
    );
    assert_eq!(
        by_both, 0,
        "no call has attempts from two desks or two attempts"
    );
    let in_db = count("SELECT count(*) FROM call_attempts WHERE staff LIKE '%(desk %'");
    assert_eq!(in_db, saved.len() as i64, "every saved attempt is in, once");
    for (call, (_, attempt)) in &saved {
        let found: i64 = raw
            .query_row(
                "SELECT count(*) FROM call_attempts WHERE id = ?1 AND call_id = ?2",
                [attempt, call],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(found, 1, "attempt {attempt} of call {call}");
    }
    let both_called = |d: usize| saved.values().filter(|(desk, _)| *desk == d).count();
    assert!(
        both_called(0) > 0 && both_called(1) > 0,
        "both desks called"
    );

    // Packing: each order packed once; the second scan was told.
    let packed: BTreeSet<i64> = all
        .iter()
        .filter_map(|(_, l)| l.strip_prefix("packed ").and_then(|p| p.parse().ok()))
        .collect();
    let packed_lines = all.iter().filter(|(_, l)| l.starts_with("packed ")).count();
    assert_eq!(packed_lines, packed.len(), "no order was packed twice");
    assert!(!all.iter().any(|(_, l)| l.starts_with("packed twice")));
    assert!(
        packed.len() > 20 && packed.len() <= to_pack + 60 * 60,
        "{}",
        packed.len()
    );
    assert_eq!(
        count("SELECT count(*) FROM orders WHERE packed_by = 'Packer'"),
        packed.len() as i64
    );
    // Gift stock moved once per packed gift.
    let given = count(
        "SELECT count(*) FROM gift_plan_items i JOIN gift_plans p ON p.id = i.plan_id
         WHERE p.status = 'packed'",
    );
    assert!(given > 0, "some packed orders had gifts");
    assert_eq!(count("SELECT sum(stock) FROM gifts"), stock_before - given);

    // The import went on beside them, and its orders are in once each.
    let imported: i64 = all
        .iter()
        .filter_map(|(_, l)| l.strip_prefix("import "))
        .map(|rest| rest.split(' ').nth(1).unwrap().parse::<i64>().unwrap())
        .sum();
    assert!(imported > 0, "the import brought orders in");
    assert_eq!(
        count("SELECT count(*) FROM orders WHERE number LIKE '#W%'"),
        imported
    );
    let taken = all.iter().filter(|(_, l)| l.starts_with("taken ")).count();
    let runs = all.iter().filter(|(_, l)| l.starts_with("import ")).count();
    println!(
        "{} s: {} calls made ({} + {}), {taken} taken by the other desk first; {} orders packed, \
         {given} gifts off the shelf; {runs} imports, {imported} orders",
        seconds(),
        saved.len(),
        both_called(0),
        both_called(1),
        packed.len()
    );
}
