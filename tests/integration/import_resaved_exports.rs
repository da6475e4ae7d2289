//! Exports as shops hand them over: re-saved by Excel on Polish and Russian
//! Windows, two exports pasted into one file, rows broken by hand or by a
//! download cut off. What a spreadsheet can be undone is; nothing is imported
//! with guessed columns, nothing twice, and every row left out is reported on
//! its line.

use crate::import_fixtures::{import, rows};
use courtesy_store::{ImportRun, Store};
use courtesy_tests::temp_db;
use encoding_rs::{Encoding, WINDOWS_1250, WINDOWS_1251};
use std::path::PathBuf;

/// A fixture imported into a database of its own.
struct Imported {
    _dir: tempfile::TempDir,
    path: PathBuf,
    run: ImportRun,
}

fn imported(name: &str) -> Imported {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let run = import(&store, name).unwrap_or_else(|e| panic!("{name}: {e}"));
    Imported {
        _dir: dir,
        path,
        run,
    }
}

impl Imported {
    fn query(&self, sql: &str) -> Vec<Vec<String>> {
        rows(
            &courtesy_store::testing::raw_connection(&self.path).unwrap(),
            sql,
        )
    }
}

/// Text as a code page holds it: what it cannot hold becomes `?`, as Excel
/// writes it.
fn as_code_page_holds_it(text: &str, encoding: &'static Encoding) -> String {
    text.chars()
        .map(|c| {
            let mut buf = [0u8; 4];
            let (_, _, unmappable) = encoding.encode(c.encode_utf8(&mut buf));
            if unmappable {
                '?'
            } else {
                c
            }
        })
        .collect()
}

/// Everything the shop's staff see of orders, lines and customers (not the
/// ids the database gives them, nor the key an order is stored under).
const CONTENT: [&str; 7] = [
    "SELECT number, status, placed_at, paid_at, fulfilled_at, delivered_at, currency,
            subtotal_minor, shipping_minor, discount_minor, tax_minor, total_minor, refunded_minor,
            shipping_method, ship_name, ship_company, ship_line1, ship_line2, ship_postal_code,
            ship_city, ship_region, ship_country, customer_note, gift_message, discount_codes,
            (SELECT email FROM customers c WHERE c.id = o.customer_id)
     FROM orders o ORDER BY number",
    "SELECT o.number, l.position, l.sku, l.name, l.variant, l.quantity, l.unit_price_minor
     FROM order_lines l JOIN orders o ON o.id = l.order_id ORDER BY o.number, l.position",
    "SELECT id, first_name, middle_name, last_name, company, email, language, country, notes,
            order_count, last_order_at
     FROM customers ORDER BY id",
    "SELECT customer_id, position, kind, raw, e164, national_digits FROM customer_phones
     ORDER BY customer_id, position",
    "SELECT customer_id, kind, name, company, line1, line2, postal_code, city, region, country
     FROM customer_addresses ORDER BY customer_id, id",
    "SELECT customer_id, channel, granted, at, source FROM customer_consents
     ORDER BY customer_id, channel",
    "SELECT currency, count(*), sum(total_minor), sum(refunded_minor), sum(subtotal_minor),
            sum(tax_minor), (SELECT sum(quantity) FROM order_lines l JOIN orders i ON i.id = l.order_id
                             WHERE i.currency = o.currency)
     FROM orders o GROUP BY currency ORDER BY currency",
];

fn resaved_imports_as_the_original(name: &str, encoding: &'static Encoding) {
    let original = imported("shopify-orders-2024.csv");
    let resaved = imported(name);
    assert_eq!(
        (original.run.counts.orders_new, original.run.errors),
        (48, 0),
        "{:?}",
        original.run
    );
    assert_eq!(original.run.orders_by_number, 0);
    assert_eq!(
        (
            resaved.run.counts.orders_new,
            resaved.run.counts.orders_updated
        ),
        (48, 0),
        "48 orders, though Excel gave all of them one id: {:?}",
        resaved.run
    );
    assert_eq!(
        resaved.run.orders_by_number, 48,
        "each order whose id Excel rounded is counted as known by its number"
    );
    assert_eq!(
        resaved.run.errors, 0,
        "nothing to report: every change Excel made is undone"
    );
    assert_eq!(resaved.run.encoding, encoding.name());
    for sql in CONTENT {
        let want: Vec<Vec<String>> = original
            .query(sql)
            .iter()
            .map(|row| {
                row.iter()
                    .map(|v| as_code_page_holds_it(v, encoding))
                    .collect()
            })
            .collect();
        let got = resaved.query(sql);
        assert_eq!(got.len(), want.len(), "row count of {sql}");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w, "in {sql}");
        }
    }
    let keys = resaved.query("SELECT count(*) FROM orders WHERE external_id = 'number:' || number");
    assert_eq!(keys, vec![vec!["Integer(48)".to_string()]]);
}

#[test]
fn an_export_resaved_by_excel_on_polish_windows_imports_as_the_original() {
    resaved_imports_as_the_original("shopify-orders-2024-excel-pl.csv", WINDOWS_1250);
}

#[test]
fn an_export_resaved_by_excel_on_russian_windows_imports_as_the_original() {
    resaved_imports_as_the_original("shopify-orders-2024-excel-ru.csv", WINDOWS_1251);
}

#[test]
fn the_shops_own_export_after_the_resaved_one_adds_nothing_and_gives_orders_their_ids() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    import(&store, "shopify-orders-2024-excel-pl.csv").unwrap();
    let again = import(&store, "shopify-orders-2024.csv").unwrap();
    assert_eq!(
        (again.counts.orders_new, again.counts.customers_new),
        (0, 0),
        "{again:?}"
    );
    let c = courtesy_store::testing::raw_connection(&path).unwrap();
    let stored = rows(
        &c,
        "SELECT count(*), count(DISTINCT external_id), sum(CASE WHEN external_id LIKE 'number:%' THEN 1 ELSE 0 END) FROM orders",
    );
    assert_eq!(
        stored,
        vec![vec![
            "Integer(48)".to_string(),
            "Integer(48)".to_string(),
            "Integer(0)".to_string()
        ]],
        "every order now has its own id from the shop's export"
    );
    let resaved_again = import(&store, "shopify-orders-2024-excel-ru.csv").unwrap();
    assert_eq!(resaved_again.counts.orders_new, 0, "{resaved_again:?}");
}

/// The orders and lines of `numbers` as the shop's own export has them.
fn lines_of(numbers: &[&str]) -> Vec<Vec<String>> {
    let original = imported("shopify-orders-2024.csv");
    let list = numbers
        .iter()
        .map(|n| format!("'{n}'"))
        .collect::<Vec<_>>()
        .join(", ");
    original.query(&format!(
        "SELECT o.number, l.position, l.sku, l.name, l.variant, l.quantity, l.unit_price_minor
         FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number IN ({list})
         ORDER BY o.number, l.position"
    ))
}

#[test]
fn exports_pasted_into_one_file_import_each_order_and_line_once() {
    let pasted = imported("shopify-orders-pasted.csv");
    let numbers: Vec<String> = (3001..=3016).map(|n| format!("#{n}")).collect();
    let numbers: Vec<&str> = numbers.iter().map(String::as_str).collect();
    assert_eq!(
        pasted.run.counts.orders_new, 16,
        "#3001-#3016, though the second and third exports repeat some: {:?}",
        pasted.run
    );
    assert_eq!(pasted.run.errors, 0, "the pasted headers are no rows");
    let got = pasted.query(
        "SELECT o.number, l.position, l.sku, l.name, l.variant, l.quantity, l.unit_price_minor
         FROM order_lines l JOIN orders o ON o.id = l.order_id ORDER BY o.number, l.position",
    );
    assert_eq!(
        got,
        lines_of(&numbers),
        "#3012's rows, repeated right after themselves, are one order's lines once"
    );
    let rows_of = |n: &str| {
        got.iter()
            .filter(|l| l[0] == format!("Text(\"{n}\")"))
            .count() as i64
    };
    assert_eq!(
        pasted.run.duplicates,
        rows_of("#3012") + rows_of("#3004") + rows_of("#3005"),
        "the repeated rows are counted as duplicates"
    );
}

#[test]
fn ragged_rows_and_a_cut_off_download_leave_their_orders_out_and_are_reported_by_line() {
    let ragged = imported("shopify-orders-ragged.csv");
    let orders = ragged.query("SELECT number FROM orders ORDER BY number");
    assert_eq!(
        orders,
        vec![
            vec!["Text(\"#3001\")".to_string()],
            vec!["Text(\"#3004\")".to_string()]
        ],
        "only the orders whose rows are all whole"
    );
    let got = ragged.query(
        "SELECT o.number, l.position, l.sku, l.name, l.variant, l.quantity, l.unit_price_minor
         FROM order_lines l JOIN orders o ON o.id = l.order_id ORDER BY o.number, l.position",
    );
    assert_eq!(got, lines_of(&["#3001", "#3004"]), "nothing of the others");
    let problems = ragged.query("SELECT row, reason, skipped FROM import_row_errors ORDER BY row");
    let lines: Vec<&str> = problems.iter().map(|p| p[0].as_str()).collect();
    assert_eq!(
        lines,
        [
            "Integer(3)",
            "Integer(4)",
            "Integer(5)",
            "Integer(6)",
            "Integer(7)",
            "Integer(10)",
            "Integer(11)"
        ],
        "each row of the three orders, on its line (#3004's note spans lines 8-9)"
    );
    let reason = |line: usize| problems[line].get(1).cloned().unwrap_or_default();
    assert!(
        reason(1).contains("80 fields, the header has 79"),
        "{}",
        reason(1)
    );
    assert!(
        reason(0).contains("order #3002 was not imported: its line 4"),
        "{}",
        reason(0)
    );
    assert!(
        reason(2).contains("59 fields, the header has 79"),
        "{}",
        reason(2)
    );
    assert!(
        reason(3).contains("its line 5 could not be read"),
        "{}",
        reason(3)
    );
    assert!(
        reason(6).contains("18 fields, the header has 79"),
        "{}",
        reason(6)
    );
    assert!(
        problems.iter().all(|p| p[2] == "Integer(1)"),
        "all were left out"
    );
    assert_eq!(
        (ragged.run.errors, ragged.run.rows_skipped),
        (7, 7),
        "{:?}",
        ragged.run
    );
}

#[test]
fn what_excel_lost_is_noted_on_its_row_and_two_orders_with_one_id_stay_two() {
    let lost = imported("shopify-orders-excel-lost-digits.csv");
    assert_eq!(
        (lost.run.counts.orders_new, lost.run.orders_by_number),
        (2, 1),
        "#3011's id (rounded to #3004's) is not trusted: {:?}",
        lost.run
    );
    assert_eq!(lost.run.rows_skipped, 0, "everything imported");
    let notes =
        lost.query("SELECT row, \"column\", reason FROM import_row_errors ORDER BY row, rowid");
    let text = |i: usize| notes[i].join(" ");
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(
        text(0).starts_with("Integer(2) Text(\"Phone\")")
            && text(0).contains("the phone 3,58401E+11 was rounded by a spreadsheet"),
        "{}",
        text(0)
    );
    assert!(
        text(1).starts_with("Integer(4)") && text(1).contains("the phone 3,58451E+11 was rounded"),
        "{}",
        text(1)
    );
    assert!(
        text(2).starts_with("Integer(4)")
            && text(2).contains(
                "order #3011 has the id 5012534567890120, which order #3004 has too; it was imported as an order of its own"
            ),
        "{}",
        text(2)
    );
    assert_eq!(
        lost.query("SELECT count(*) FROM customer_phones"),
        vec![vec!["Integer(0)".to_string()]],
        "no phone made of the rounded digits"
    );
    assert_eq!(
        lost.query("SELECT DISTINCT postal_code FROM customer_addresses ORDER BY 1"),
        vec![
            vec!["Text(\"00100\")".to_string()],
            vec!["Text(\"00530\")".to_string()]
        ],
        "Helsinki's postal codes have their zeros back"
    );
    let store = Store::open(&lost.path).unwrap();
    let again = import(&store, "shopify-orders-excel-lost-digits.csv").unwrap();
    assert_eq!(
        (
            again.counts.orders_new,
            again.counts.orders_unchanged,
            again.orders_by_number
        ),
        (0, 2, 1),
        "{again:?}"
    );
}

#[test]
fn an_api_list_saved_in_pages_and_joined_imports_a_repeated_order_once() {
    // Two pages of `GET /orders` whose windows overlapped, joined into one list.
    let text = std::fs::read_to_string(crate::import_fixtures::fixture("woocommerce-orders.json"))
        .unwrap();
    let orders: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let joined: Vec<&serde_json::Value> = orders.iter().chain(&orders[2..]).collect();
    let (dir, path) = temp_db();
    let file = dir.path().join("orders-pages-1-2.json");
    std::fs::write(&file, serde_json::to_string(&joined).unwrap()).unwrap();
    let store = Store::open(&path).unwrap();
    let run = courtesy_import::import_file(
        &store,
        &file,
        None,
        None,
        &crate::import_fixtures::importer(),
        &courtesy_core::FixedClock(chrono::Utc::now()),
        |_| courtesy_import::Flow::Continue,
    )
    .unwrap();
    assert_eq!(
        (
            run.counts.orders_new,
            run.counts.orders_unchanged,
            run.duplicates
        ),
        (4, 0, 2),
        "the last two orders came twice: {run:?}"
    );
}
