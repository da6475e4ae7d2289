//! One customer's data: the export holds every row about them and validates
//! against the schema in `docs/schemas`; erasing them leaves no e-mail, phone
//! digits or surname anywhere in the database (the bytes of the SQLite file and
//! its WAL; every row on a server), keeps their orders for the books, and an
//! import of the old export does not bring them back while a new order of
//! theirs starts a new customer.

use chrono::{DateTime, TimeZone, Utc};
use courtesy_core::calls::CallOutcome;
use courtesy_core::FixedClock;
use courtesy_desk::Desk;
use courtesy_import::Flow;
use courtesy_store::db::Connection;
use courtesy_store::testing::{database_holds, raw_connection};
use courtesy_store::{AttemptInput, AuditSource, ConsentEdit, CustomerEdit, Store};
use courtesy_tests::{first_orders_get_a_gift, import_fixture, temp_db, tester};
use serde_json::Value;
use std::path::Path;

/// The person the tests export and erase, as the fixture has her.
const EMAIL: &str = "l.wrobel@example.pl";
const PHONE_DIGITS: &str = "512345678";
const SURNAME: &str = "Wróbel";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 2, 20, 9, 0, 0).unwrap()
}

fn count(raw: &Connection, sql: &str, id: i64) -> i64 {
    raw.query_row(sql, [id], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// A shop made from the 2024 Shopify export, with a gift policy, the calls the
/// import queued, one call made, her card written, her notes and a consent
/// edited: every kind of row about her exists. Returns her id.
fn worked_shop(store: &Store) -> i64 {
    first_orders_get_a_gift(store, "PLN");
    let clock = FixedClock(now());
    let desk = Desk::new(store, &clock, AuditSource::Ui);
    desk.import(
        &import_fixture("shopify-orders-2024.csv"),
        None,
        None,
        |_| Flow::Continue,
    )
    .unwrap();
    let id = store
        .customer_by_email(EMAIL)
        .unwrap()
        .expect("she was imported");
    let call = match store.customer_profile(id).unwrap().calls.first() {
        Some(c) => c.id,
        None => store
            .plan_manual_call(id, now(), now(), &tester().at(now()))
            .unwrap(),
    };
    let attempt = AttemptInput {
        at: now(),
        outcome: CallOutcome::Reached,
        duration_seconds: 120,
        satisfaction: Some(4),
        notes: "Pan Wróbel prosi o fakturę mailem.".into(),
        delivery_problem: false,
        follow_up_at: None,
    };
    store
        .record_attempt(call, &attempt, &tester().at(now()))
        .unwrap();
    let edit = CustomerEdit {
        notes: Some("Stały klient, zawsze płaci przelewem.".into()),
        tags: Some(vec!["vip".into()]),
        consents: Some(vec![ConsentEdit {
            channel: "sms".into(),
            granted: true,
        }]),
        ..CustomerEdit::default()
    };
    store.edit_customer(id, &edit, &tester().at(now())).unwrap();
    let raw = raw_connection(store.path()).unwrap();
    let card = raw
        .query_row(
            "SELECT min(id) FROM cards WHERE customer_id = ?1",
            [id],
            |r| r.get::<_, Option<i64>>(0),
        )
        .unwrap()
        .expect("her first order got a welcome card");
    store.mark_card_written(card, &tester().at(now())).unwrap();
    id
}

fn validate(doc: &Value) {
    let schema: Value = serde_json::from_str(include_str!(
        "../../docs/schemas/customer-export.schema.json"
    ))
    .unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("customer-export.schema.json", schema)
        .unwrap();
    let index = compiler
        .compile("customer-export.schema.json", &mut schemas)
        .unwrap();
    if let Err(e) = schemas.validate(doc, index) {
        panic!("the export does not match its schema: {e:#}");
    }
}

fn len(doc: &Value, pointer: &str) -> i64 {
    doc.pointer(pointer)
        .and_then(Value::as_array)
        .map_or_else(|| panic!("{pointer} is a list"), |a| a.len() as i64)
}

/// The entries of every nested list `key` of the records at `pointer`.
fn nested(doc: &Value, pointer: &str, key: &str) -> i64 {
    doc.pointer(pointer)
        .and_then(Value::as_array)
        .unwrap()
        .iter()
        .map(|r| r[key].as_array().map_or(0, |a| a.len() as i64))
        .sum()
}

#[test]
fn the_export_holds_every_row_about_the_customer_and_matches_its_schema() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let id = worked_shop(&store);
    let clock = FixedClock(now());
    let desk = Desk::new(&store, &clock, AuditSource::Cli);
    let file = dir.path().join("export.json");
    desk.export_customer_to(id, &file).unwrap();
    let doc: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    validate(&doc);
    assert_eq!(doc["customer"]["email"], EMAIL);
    assert_eq!(doc["customer"]["last_name"], SURNAME);

    let raw = raw_connection(&path).unwrap();
    let q = |sql: &str| count(&raw, sql, id);
    let expected = [
        (
            "/phones",
            q("SELECT count(*) FROM customer_phones WHERE customer_id = ?1"),
        ),
        (
            "/addresses",
            q("SELECT count(*) FROM customer_addresses WHERE customer_id = ?1"),
        ),
        (
            "/consents",
            q("SELECT count(*) FROM customer_consents WHERE customer_id = ?1"),
        ),
        (
            "/tags",
            q("SELECT count(*) FROM customer_tags WHERE customer_id = ?1"),
        ),
        (
            "/external_ids",
            q("SELECT count(*) FROM customer_external_ids WHERE customer_id = ?1"),
        ),
        (
            "/orders",
            q("SELECT count(*) FROM orders WHERE customer_id = ?1"),
        ),
        (
            "/calls",
            q("SELECT count(*) FROM calls WHERE customer_id = ?1"),
        ),
        (
            "/gift_plans",
            q("SELECT count(*) FROM gift_plans WHERE customer_id = ?1"),
        ),
        (
            "/cards",
            q("SELECT count(*) FROM cards WHERE customer_id = ?1"),
        ),
    ];
    for (pointer, want) in expected {
        // An orders export names no customer ids.
        assert!(
            want > 0 || pointer == "/external_ids",
            "the fixture has {pointer} for her"
        );
        assert_eq!(len(&doc, pointer), want, "{pointer}");
    }
    let lines = q("SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.customer_id = ?1");
    assert_eq!(nested(&doc, "/orders", "lines"), lines);
    let attempts = q("SELECT count(*) FROM call_attempts a JOIN calls c ON c.id = a.call_id WHERE c.customer_id = ?1");
    assert!(attempts > 0);
    assert_eq!(nested(&doc, "/calls", "attempts"), attempts);
    let gifts = q("SELECT count(*) FROM gift_plan_items i JOIN gift_plans p ON p.id = i.plan_id WHERE p.customer_id = ?1");
    assert!(gifts > 0);
    assert_eq!(nested(&doc, "/gift_plans", "gifts"), gifts);
    let audit = q("SELECT count(*) FROM audit_log a WHERE (a.entity = 'customer' AND a.entity_id = ?1)
        OR (a.entity = 'order' AND a.entity_id IN (SELECT id FROM orders WHERE customer_id = ?1))
        OR (a.entity = 'call' AND a.entity_id IN (SELECT id FROM calls WHERE customer_id = ?1))
        OR (a.entity = 'card' AND a.entity_id IN (SELECT id FROM cards WHERE customer_id = ?1))
        OR (a.entity = 'gift_plan' AND a.entity_id IN (SELECT id FROM gift_plans WHERE customer_id = ?1))");
    assert!(audit >= 4, "the edits, the call and the card are logged");
    assert_eq!(len(&doc, "/audit"), audit);
    assert_eq!(
        len(&doc, "/consent_history"),
        1,
        "the SMS consent given by staff"
    );
    // Another customer's orders are not hers.
    let all_orders = raw
        .query_row("SELECT count(*) FROM orders", [], |r| r.get::<_, i64>(0))
        .unwrap();
    assert!(all_orders > len(&doc, "/orders"));
}

/// Where `needle` is in an SQLite file's rows (`table: row`), to say what an
/// erasure missed.
fn rows_holding(path: &Path, needle: &str) -> Vec<String> {
    let Ok(c) = rusqlite::Connection::open(path) else {
        return Vec::new();
    };
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut found = Vec::new();
    for t in tables {
        let mut stmt = c.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            let cells: Vec<String> = (0..n)
                .map(|i| match r.get_ref(i).unwrap() {
                    rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => {
                        String::from_utf8_lossy(t).into_owned()
                    }
                    v => format!("{v:?}"),
                })
                .collect();
            if cells.iter().any(|c| c.contains(needle)) {
                found.push(format!("{t}: {}", cells.join(" | ")));
            }
        }
    }
    found
}

/// The orders' revenue as the books count it: every order but cancelled ones.
fn revenue(raw: &Connection) -> (i64, i64) {
    raw.query_row(
        "SELECT count(*), sum(total_minor - refunded_minor) FROM orders WHERE status <> 'cancelled'",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

#[test]
fn an_erased_customer_is_gone_from_the_file_and_stays_gone_but_her_orders_stay() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let id = worked_shop(&store);
    let raw = raw_connection(&path).unwrap();
    let her_orders = count(
        &raw,
        "SELECT count(*) FROM orders WHERE customer_id = ?1",
        id,
    );
    assert_eq!(her_orders, 4);
    let books = revenue(&raw);
    let customers = store.customer_count().unwrap();
    for needle in [EMAIL, PHONE_DIGITS, SURNAME] {
        assert!(
            database_holds(&path, needle).unwrap(),
            "{needle} is there before"
        );
    }

    let clock = FixedClock(now());
    let desk = Desk::new(&store, &clock, AuditSource::Ui);
    let gone = desk.erase_customer(id).unwrap();
    assert_eq!((gone.orders, gone.emails), (4, 1));
    assert!(gone.calls >= 1 && gone.cards >= 1, "{gone:?}");
    drop(raw);
    for needle in [
        EMAIL,
        PHONE_DIGITS,
        SURNAME,
        "wrobel",
        "Stały klient",
        "prosi o fakturę",
    ] {
        assert!(
            !database_holds(&path, needle).unwrap(),
            "'{needle}' is still in the database after the erasure: {:?}",
            rows_holding(&path, needle)
        );
    }
    let raw = raw_connection(&path).unwrap();
    assert_eq!(
        revenue(&raw),
        books,
        "her orders still count in the revenue"
    );
    assert_eq!(store.customer_count().unwrap(), customers - 1);
    let anonymised: i64 = raw
        .query_row(
            "SELECT count(*) FROM orders WHERE anonymised_at IS NOT NULL AND customer_id IS NULL
               AND ship_name = '' AND ship_line1 = '' AND customer_note = ''",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(anonymised, 4);
    assert!(store.search_customers("Wróbel", 10).unwrap().is_empty());
    let history = store
        .history(
            &courtesy_store::HistoryFilter {
                customer: Some(id),
                ..Default::default()
            },
            50,
        )
        .unwrap();
    assert_eq!(history.entries[0].action, "erase", "the erasure is logged");
    assert!(
        history.entries.iter().all(|e| !e.detail.contains("Stały")),
        "the log keeps no erased data"
    );

    // The old export again: nothing of her comes back.
    let later = now() + chrono::Duration::days(1);
    let clock = FixedClock(later);
    let desk = Desk::new(&store, &clock, AuditSource::Import);
    desk.import(
        &import_fixture("shopify-orders-2024.csv"),
        None,
        None,
        |_| Flow::Continue,
    )
    .unwrap();
    assert_eq!(store.customer_count().unwrap(), customers - 1);
    assert_eq!(store.customer_by_email(EMAIL).unwrap(), None);
    drop(raw);
    for needle in [EMAIL, SURNAME] {
        assert!(
            !database_holds(&path, needle).unwrap(),
            "'{needle}' came back with the old export"
        );
    }

    // A new order of hers starts a new customer.
    let export = std::fs::read_to_string(import_fixture("shopify-orders-2024.csv")).unwrap();
    let mut lines = export.lines();
    let header = lines.next().unwrap();
    let row = lines
        .find(|l| l.starts_with("#3002,"))
        .unwrap()
        .replace("#3002,", "#3100,")
        .replace("2024-02-06", "2024-04-02")
        .replace("5012534571107", "5012534999999");
    let new_file = dir.path().join("orders_export_april.csv");
    std::fs::write(&new_file, format!("{header}\n{row}\n")).unwrap();
    let april = Utc.with_ymd_and_hms(2024, 4, 3, 9, 0, 0).unwrap();
    let clock = FixedClock(april);
    let desk = Desk::new(&store, &clock, AuditSource::Import);
    desk.import(&new_file, None, None, |_| Flow::Continue)
        .unwrap();
    let again = store
        .customer_by_email(EMAIL)
        .unwrap()
        .expect("a new order of hers makes a new customer");
    assert_ne!(again, id);
    let profile = store.customer_profile(again).unwrap();
    assert_eq!(profile.orders.len(), 1);
    assert_eq!(profile.orders[0].number, "#3100");
}
