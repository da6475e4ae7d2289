//! Importing shop exports into a real database file: exact results, nothing
//! duplicated on re-import, foreign files refused with nothing written.

use crate::import_fixtures::{fixture, import, importer, rows};
use chrono::{TimeZone, Utc};
use courtesy_core::FixedClock;
use courtesy_import::{import_file, Flow};
use courtesy_store::db::Connection;
use courtesy_store::Store;
use courtesy_tests::temp_db;
use std::path::{Path, PathBuf};

/// Everything a person sees, without the bookkeeping of runs.
fn content(conn: &Connection) -> Vec<Vec<String>> {
    let mut all = Vec::new();
    for table in [
        "customers",
        "customer_phones",
        "customer_addresses",
        "customer_consents",
        "customer_tags",
        "customer_external_ids",
        "orders",
        "order_lines",
    ] {
        all.extend(rows(
            conn,
            &format!("SELECT '{table}', * FROM {table} ORDER BY 2, 3"),
        ));
    }
    all
}

#[test]
fn shopify_orders_become_exact_customers_orders_lines_and_totals() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let run = import(&store, "shopify-orders.csv").unwrap();
    assert_eq!((run.counts.orders_new, run.errors), (5, 0));
    assert_eq!(
        run.counts.customers_new, 4,
        "Anna (two orders, e-mail in two casings, phone in two formats), the guest, Matti, John"
    );
    assert_eq!(run.format, "shopify-orders");
    assert_eq!(run.encoding, "UTF-8");
    let c = courtesy_store::testing::raw_connection(&path).unwrap();
    let orders = rows(&c, "SELECT number, status, currency, total_minor, (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id), (SELECT sum(quantity) FROM order_lines l WHERE l.order_id = o.id) FROM orders o ORDER BY number");
    let want = [
        ["#1001", "fulfilled", "PLN", "19311", "3", "4"],
        ["#1002", "open", "PLN", "7199", "1", "1"],
        ["#1003", "paid", "PLN", "12000", "1", "3"],
        ["#1004", "cancelled", "EUR", "3440", "1", "1"],
        ["#1005", "refunded", "GBP", "4999", "2", "2"],
    ];
    let got: Vec<Vec<String>> = orders
        .iter()
        .map(|r| {
            r.iter()
                .map(|v| {
                    v.replace("Text(\"", "")
                        .replace("Integer(", "")
                        .replace(['"', ')'], "")
                })
                .collect()
        })
        .collect();
    assert_eq!(got, want.map(|r| r.map(str::to_string).to_vec()).to_vec());
    let anna = store.search_customers("anna.nowak@example.com", 5).unwrap();
    assert_eq!(anna.len(), 1, "one Anna, whatever the e-mail's case");
    let profile = store.customer_profile(anna[0].id).unwrap();
    assert_eq!(
        profile
            .orders
            .iter()
            .map(|o| o.number.as_str())
            .collect::<Vec<_>>(),
        ["#1003", "#1001"]
    );
    assert_eq!(
        profile
            .phones
            .iter()
            .filter_map(|p| p.e164.as_deref())
            .collect::<Vec<_>>(),
        ["+48601234567"],
        "one phone, two spellings"
    );
    assert!(
        profile.orders[0].customer_note.contains('\n'),
        "the quoted multi-line note keeps its line break"
    );
    let guest = store.search_customers("+48 512 000 111", 5).unwrap();
    assert_eq!(
        guest.len(),
        1,
        "the guest order's buyer is a customer found by phone"
    );
    assert_eq!(guest[0].email, None);
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    import(&store, "shopify-orders.csv").unwrap();
    let c = courtesy_store::testing::raw_connection(&path).unwrap();
    let before = content(&c);
    let audit_before: i64 = c
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    let second = import(&store, "shopify-orders.csv").unwrap();
    let counts = second.counts;
    assert_eq!(
        (
            counts.customers_new,
            counts.customers_updated,
            counts.orders_new,
            counts.orders_updated
        ),
        (0, 0, 0, 0)
    );
    assert_eq!(counts.orders_unchanged, 5);
    assert_eq!(
        content(&c),
        before,
        "the database content is identical after the second run"
    );
    let audit_after: i64 = c
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        audit_after, audit_before,
        "nothing changed, so nothing is logged"
    );
    let runs: i64 = c
        .query_row(
            "SELECT count(*) FROM import_runs WHERE status = 'finished'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(runs, 2, "each import is a recorded run");
}

#[test]
fn a_polish_excel_file_in_cp1250_with_semicolons_and_decimal_commas_imports_intact() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let run = import(&store, "shopify-orders-cp1250-semicolon.csv").unwrap();
    assert_eq!(run.encoding, "windows-1250");
    assert_eq!(
        (run.counts.orders_new, run.counts.customers_new, run.errors),
        (3, 3, 0)
    );
    let c = courtesy_store::testing::raw_connection(&path).unwrap();
    let names: Vec<String> = c
        .prepare("SELECT first_name || ' ' || last_name FROM customers ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        names,
        [
            "Małgorzata Żółkiewska",
            "Grzegorz Brzęczyszczykiewicz",
            "Jędrzej Śliwiński"
        ]
    );
    let totals: Vec<(String, i64, i64)> = c
        .prepare("SELECT number, subtotal_minor, total_minor FROM orders ORDER BY number")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        totals,
        [
            ("#2001".into(), 10530, 11829),
            ("#2002".into(), 12900, 12900),
            ("#2003".into(), 124900, 124900)
        ]
    );
    let line: (String, String) = c
        .query_row(
            "SELECT name, variant FROM order_lines WHERE unit_price_minor = 3990",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (line.0.as_str(), line.1.as_str()),
        ("Świeca sojowa", "Różana"),
        "name and variant split at ' - '"
    );
}

#[test]
fn a_russian_file_in_cp1251_keeps_its_cyrillic() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let run = import(&store, "shopify-customers-cp1251.csv").unwrap();
    assert_eq!(run.encoding, "windows-1251");
    assert_eq!(run.counts.customers_new, 3);
    let found = store.search_customers("Петров", 5).unwrap();
    assert_eq!(found.len(), 1);
    let p = store.customer_profile(found[0].id).unwrap();
    assert_eq!(
        (
            p.first_name.as_str(),
            p.last_name.as_str(),
            p.company.as_str()
        ),
        ("Иван", "Петров", "ООО «Ромашка»")
    );
    assert_eq!(p.phones[0].e164.as_deref(), Some("+79123456789"));
    assert!(
        p.addresses[0].lines.iter().any(|l| l == "Москва"),
        "{:?}",
        p.addresses
    );
}

#[test]
fn a_bom_and_crlf_file_reads_ids_phones_tags_and_consents() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let run = import(&store, "shopify-customers-bom-crlf.csv").unwrap();
    assert_eq!((run.counts.customers_new, run.errors), (4, 0));
    let zofia = store.search_customers("Kowalska", 5).unwrap();
    let p = store.customer_profile(zofia[0].id).unwrap();
    assert_eq!(
        p.first_name, "Zofia",
        "no byte-order mark left in the first column"
    );
    assert_eq!(
        p.external_ids,
        ["shopify:7001234567890"],
        "Shopify's apostrophe prefix is removed"
    );
    assert_eq!(p.phones[0].e164.as_deref(), Some("+48600700800"));
    assert_eq!(p.tags, ["newsletter", "vip"]);
    assert_eq!(
        p.consents
            .iter()
            .find(|c| c.channel == "email")
            .and_then(|c| c.granted),
        Some(true)
    );
}

#[test]
fn bad_rows_are_reported_with_row_and_column_and_the_rest_imports() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let run = import(&store, "shopify-orders-bad-rows.csv").unwrap();
    assert_eq!(run.counts.orders_new, 3);
    let problems = store.import_problems(run.id).unwrap();
    let got: Vec<(i64, Option<&str>)> = problems
        .iter()
        .map(|p| (p.row, p.column.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (3, Some("Created at")),
            (6, Some("Total")),
            (8, Some("Lineitem quantity"))
        ]
    );
    assert!(
        problems[1].reason.contains("ten zloty"),
        "{}",
        problems[1].reason
    );
}

#[test]
fn files_that_are_not_exports_are_refused_whole_and_nothing_is_written() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    for (name, code) in [
        ("not-a-csv.png", "import.not_text"),
        ("empty.csv", "import.empty"),
        ("header-only.csv", "import.no_rows"),
        ("unknown-header.csv", "import.unknown_format"),
    ] {
        let err = import(&store, name).expect_err(name);
        assert_eq!(err.code(), code, "{name}: {err}");
    }
    let c = courtesy_store::testing::raw_connection(&path).unwrap();
    let written: i64 = c
        .query_row("SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM orders) + (SELECT count(*) FROM import_runs)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(written, 0);
}

#[test]
fn a_newer_export_updates_status_and_dates_and_logs_the_change() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    import(&store, "shopify-orders.csv").unwrap();
    // The same export a week later: #1003 has been shipped.
    let text = std::fs::read_to_string(fixture("shopify-orders.csv")).unwrap();
    let newer = text.replacen(
        ",paid,2024-04-10T08:15:00+02:00,unfulfilled,,",
        ",paid,2024-04-10T08:15:00+02:00,fulfilled,2024-04-12 09:00:00 +0200,",
        1,
    );
    assert_ne!(newer, text, "the fixture has #1003 paid and unfulfilled");
    let file = dir.path().join("orders-later.csv");
    std::fs::write(&file, newer).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap();
    let run = import_file(
        &store,
        &file,
        None,
        None,
        &importer().at(now),
        &FixedClock(now),
        |_| Flow::Continue,
    )
    .unwrap();
    assert_eq!(
        (
            run.counts.orders_updated,
            run.counts.orders_unchanged,
            run.counts.orders_new
        ),
        (1, 4, 0)
    );
    let c = courtesy_store::testing::raw_connection(&path).unwrap();
    let (status, fulfilled): (String, String) = c
        .query_row(
            "SELECT status, fulfilled_at FROM orders WHERE number = '#1003'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (status.as_str(), fulfilled.as_str()),
        ("fulfilled", "2024-04-12T07:00:00Z")
    );
    let logged: String = c
        .query_row(
            "SELECT detail FROM audit_log WHERE entity = 'order' AND action = 'update'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        logged.contains("\"status\":\"paid\"") && logged.contains("\"status\":\"fulfilled\""),
        "{logged}"
    );
}

#[test]
fn woocommerce_json_orders_import_exactly_and_reimport_changes_nothing() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let run = import(&store, "woocommerce-orders.json").unwrap();
    assert_eq!(run.format, "woocommerce-orders-json");
    assert_eq!(
        (run.counts.orders_new, run.rows_read, run.errors),
        (4, 4, 0)
    );
    let c = courtesy_store::testing::raw_connection(&path).unwrap();
    let orders: Vec<(String, String, i64, String)> = c
        .prepare("SELECT number, status, total_minor, currency FROM orders ORDER BY number")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let want = [
        ("#1201", "fulfilled", 20290, "PLN"),
        ("#1202", "paid", 7199, "PLN"),
        ("#1203", "open", 11829, "PLN"),
        ("#1204", "refunded", 4028, "EUR"),
    ];
    assert_eq!(
        orders,
        want.map(|(n, s, t, c)| (n.to_string(), s.to_string(), t, c.to_string()))
    );
    let gift: String = c
        .query_row(
            "SELECT gift_message FROM orders WHERE number = '#1203'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        !gift.is_empty(),
        "the gift message comes from the order's meta data"
    );
    let again = import(&store, "woocommerce-orders.json").unwrap();
    assert_eq!(
        (
            again.counts.orders_new,
            again.counts.orders_updated,
            again.counts.orders_unchanged
        ),
        (0, 0, 4)
    );
}

#[test]
fn a_csv_of_another_shop_system_imports_through_a_mapping_that_is_remembered() {
    use courtesy_import::{ColumnMapping, MappedKind};
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let err = import(&store, "mapped-orders.csv").expect_err("no mapping yet");
    assert_eq!(err.code(), "import.unknown_format");
    let fields = [
        ("order_number", "Bestellnummer"),
        ("placed_at", "Datum"),
        ("status", "Status"),
        ("full_name", "Kunde"),
        ("email", "E-Mail"),
        ("phone", "Telefon"),
        ("ship_address1", "Straße"),
        ("ship_postal_code", "PLZ"),
        ("ship_city", "Ort"),
        ("ship_country", "Land"),
        ("line_sku", "Artikelnummer"),
        ("line_name", "Artikel"),
        ("line_quantity", "Menge"),
        ("line_price", "Preis"),
        ("shipping", "Versand"),
        ("total", "Summe"),
        ("currency", "Währung"),
    ];
    let mapping = ColumnMapping {
        kind: MappedKind::Orders,
        fields: fields
            .iter()
            .map(|(f, c)| (f.to_string(), c.to_string()))
            .collect(),
        currency: None,
    };
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap();
    let run = import_file(
        &store,
        &fixture("mapped-orders.csv"),
        None,
        Some(&mapping),
        &importer().at(now),
        &FixedClock(now),
        |_| Flow::Continue,
    )
    .unwrap();
    assert_eq!(run.format, "mapped-csv");
    assert!(run.counts.orders_new >= 2, "{:?}", run.counts);
    let c = courtesy_store::testing::raw_connection(&path).unwrap();
    let (total, lines): (i64, i64) = c
        .query_row("SELECT total_minor, (SELECT count(*) FROM order_lines WHERE order_id = o.id) FROM orders o WHERE number = '10023'", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!(
        (total, lines),
        (3420, 2),
        "decimal commas and the repeated order rows"
    );
    let juergen = store.search_customers("Jürgen Weiß", 5).unwrap();
    assert_eq!(juergen.len(), 1);
    // The next file of this shape needs no mapping.
    let again = import(&store, "mapped-orders.csv").expect("the remembered mapping applies");
    assert_eq!(
        (again.counts.orders_new, again.counts.orders_updated),
        (0, 0)
    );
    assert_eq!(again.counts.orders_unchanged, run.counts.orders_new);
}

/// The fixture's five orders repeated `copies` times under new numbers and ids.
fn many_orders(dir: &Path, copies: usize) -> PathBuf {
    let text = std::fs::read_to_string(fixture("shopify-orders.csv")).unwrap();
    let (header, body) = text.split_once('\n').unwrap();
    let mut out = format!("{header}\n");
    for copy in 0..copies {
        let renumbered = body
            .replace("#100", &format!("#{copy}-100"))
            .replace(",50123456789", &format!(",{copy}50123456789"));
        out.push_str(&renumbered);
    }
    let file = dir.join("many-orders.csv");
    std::fs::write(&file, out).unwrap();
    file
}

#[test]
fn a_cancelled_import_keeps_its_committed_batches_and_a_rerun_completes_without_duplicates() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let file = many_orders(dir.path(), 1_000);
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap();
    let cancelled = import_file(
        &store,
        &file,
        None,
        None,
        &importer().at(now),
        &FixedClock(now),
        |_| Flow::Cancel,
    )
    .unwrap();
    assert_eq!(cancelled.status, "cancelled");
    let c = courtesy_store::testing::raw_connection(&path).unwrap();
    let count = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    let kept = count("SELECT count(*) FROM orders");
    assert!(
        kept > 0 && kept < 5_000,
        "the first batch stays, the rest was not imported: {kept}"
    );
    assert_eq!(
        kept, cancelled.counts.orders_new,
        "the run's counts match what was committed"
    );
    let rerun = import_file(
        &store,
        &file,
        None,
        None,
        &importer().at(now),
        &FixedClock(now),
        |_| Flow::Continue,
    )
    .unwrap();
    assert_eq!(rerun.status, "finished");
    assert_eq!(count("SELECT count(*) FROM orders"), 5_000);
    assert_eq!(
        rerun.counts.orders_unchanged, kept,
        "what the cancelled run wrote is recognised"
    );
    assert_eq!(count("SELECT count(*) FROM (SELECT 1 FROM orders GROUP BY source, external_id HAVING count(*) > 1) AS twice"), 0);
    assert_eq!(count("SELECT count(*) FROM (SELECT 1 FROM order_lines GROUP BY order_id, position HAVING count(*) > 1) AS twice"), 0);
}
