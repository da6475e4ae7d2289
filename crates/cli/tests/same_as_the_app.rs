//! The command line and the app run the same workflows: importing one file
//! with `courtesy import` and through the app's import (the desk's import for a
//! person at the app) leaves the same customers, orders, calls queued, gift
//! plans and cards.

use chrono::{Duration, Utc};
use courtesy_desk::{Desk, SystemClock};
use courtesy_import::Flow;
use courtesy_store::testing::{raw_connection, scratch_database};
use courtesy_store::{AuditSource, Store};
use courtesy_tests::first_orders_get_a_gift;
use std::path::Path;
use std::process::Command;

/// A Shopify export of this week: two orders shipped a few days ago (thank-you
/// calls), two paid today (gifts and cards), one cancelled.
fn this_weeks_export() -> String {
    let at = |days: i64| {
        (Utc::now() - Duration::days(days))
            .format("%Y-%m-%d %H:%M:%S +0000")
            .to_string()
    };
    let header = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Billing City,Billing Country,Billing Phone,Id";
    let rows = [
        format!("#7001,anna@example.pl,paid,{},fulfilled,{},PLN,120.00,{},2,Candle,60.00,C-1,Anna Nowak,Kraków,PL,+48 601 234 567,9001", at(6), at(5), at(6)),
        format!("#7002,olga@example.ru,paid,{},fulfilled,{},RUB,4500.00,{},1,Lamp,4500.00,L-1,Ольга Петрова,Москва,RU,+7 912 345 67 89,9002", at(7), at(4), at(7)),
        format!("#7003,matti@example.fi,paid,{},,,EUR,35.00,{},1,Tea,35.00,T-1,Matti Virtanen,Helsinki,FI,+358 40 123 4567,9003", at(0), at(0)),
        format!("#7004,jan@example.pl,paid,{},,,PLN,89.90,{},1,Mug,89.90,M-1,Jan Kowalski,Gdańsk,PL,+48 512 000 111,9004", at(0), at(0)),
        format!("#7005,ewa@example.pl,voided,,,,PLN,10.00,{},1,Card,10.00,K-1,Ewa Lis,Lublin,PL,,9005", at(1)),
    ];
    format!("{header}\n{}\n", rows.join("\n"))
}

/// What the desk shows of a database: not ids or the moments rows were written.
fn what_the_desk_shows(db: &Path) -> Vec<String> {
    let c = raw_connection(db).unwrap();
    let mut out = Vec::new();
    for sql in [
        "SELECT email, first_name, last_name, order_count FROM customers ORDER BY email",
        "SELECT number, status, total_minor, refunded_minor FROM orders ORDER BY number",
        "SELECT c.email, o.number, k.reason, k.status, k.due_at FROM calls k
         JOIN customers c ON c.id = k.customer_id LEFT JOIN orders o ON o.id = k.order_id
         ORDER BY c.email, k.reason",
        "SELECT o.number, p.status, (SELECT string_agg(CAST(i.gift_id AS TEXT), ',') FROM gift_plan_items i WHERE i.plan_id = p.id)
         FROM gift_plans p JOIN orders o ON o.id = p.order_id ORDER BY o.number",
        "SELECT o.number, d.occasion, d.language, d.status, d.text FROM cards d
         JOIN orders o ON o.id = d.order_id ORDER BY o.number",
    ] {
        let mut stmt = c.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                (0..n)
                    .map(|i| r.get::<_, courtesy_store::db::Value>(i).map(|v| format!("{v:?}")))
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        out.extend(rows.into_iter().map(|r| r.join(" | ")));
    }
    out
}

#[test]
fn the_cli_import_and_the_app_import_leave_the_same_desk() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("orders_export.csv");
    std::fs::write(&file, this_weeks_export()).unwrap();
    let (app_db, cli_db) = (
        scratch_database(dir.path(), "app.sqlite"),
        scratch_database(dir.path(), "cli.sqlite"),
    );

    let app = Store::open(&app_db).unwrap();
    first_orders_get_a_gift(&app, "PLN");
    // What the app's import command runs.
    let desk = Desk::new(&app, &SystemClock, AuditSource::Ui);
    let done = desk.import(&file, None, None, |_| Flow::Continue).unwrap();
    assert_eq!(done.run.counts.orders_new, 5);

    first_orders_get_a_gift(&Store::open(&cli_db).unwrap(), "PLN");
    let out = Command::new(env!("CARGO_BIN_EXE_courtesy"))
        .arg("--db")
        .arg(&cli_db)
        .args(["import", "--quiet"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let (by_app, by_cli) = (what_the_desk_shows(&app_db), what_the_desk_shows(&cli_db));
    assert_eq!(
        by_app, by_cli,
        "the same desk, whichever door the file came through"
    );
    let calls = by_app
        .iter()
        .filter(|r| r.contains("thank") || r.contains("first_order") || r.contains("big_order"))
        .count();
    assert!(calls >= 2, "the shipped orders earned calls: {by_app:#?}");
    assert!(
        by_app.iter().filter(|r| r.contains("planned")).count() >= 2,
        "the paid orders got gifts: {by_app:#?}"
    );
    assert!(
        by_app.iter().any(|r| r.contains("Text(\"welcome\")")),
        "and welcome cards: {by_app:#?}"
    );
}
