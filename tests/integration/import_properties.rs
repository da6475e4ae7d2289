//! Whatever a Shopify orders file looks like — ids a spreadsheet rounded or
//! that several orders share, rows repeated by pasting exports together, whole
//! orders repeated, repeated headers, rows with a field too many or too few, a
//! download cut off mid-row — importing it into an empty database gives one
//! order per order number among the orders whose rows can all be read, and no
//! order ever gets a line of another order.

use crate::import_fixtures::importer;
use chrono::{TimeZone, Utc};
use courtesy_core::FixedClock;
use courtesy_import::{import_file, Flow};
use courtesy_store::Store;
use courtesy_tests::temp_db;
use proptest::prelude::*;
use std::collections::BTreeSet;

const HEADER: [&str; 18] = [
    "Name",
    "Email",
    "Financial Status",
    "Paid at",
    "Fulfillment Status",
    "Currency",
    "Subtotal",
    "Total",
    "Created at",
    "Lineitem quantity",
    "Lineitem name",
    "Lineitem price",
    "Lineitem sku",
    "Billing Name",
    "Shipping Name",
    "Shipping City",
    "Shipping Country",
    "Id",
];

/// How the file's `Id` column came to be.
#[derive(Debug, Clone, Copy)]
enum Ids {
    /// Each order its own.
    Own,
    /// Rounded by a spreadsheet: one value for all.
    Rounded,
    /// A few values shared across orders.
    Shared,
    /// Empty.
    None,
}

/// What happens to one written order on its way into the file.
#[derive(Debug, Clone, Copy)]
enum Damage {
    None,
    /// One of its rows is written twice in a row (two exports pasted).
    RowTwice(usize),
    /// One of its rows has an unquoted comma in the product name.
    FieldTooMany(usize),
    /// One of its rows lost its last fields.
    FieldsTooFew(usize, usize),
    /// The header comes again before it (a second export pasted on).
    HeaderBefore,
}

/// One order as a file writes it: its number and how many lines it has (a
/// number written twice is the same order, exported again, maybe with more lines).
#[derive(Debug, Clone)]
struct Written {
    number: u32,
    lines: usize,
    damage: Damage,
}

fn written() -> impl Strategy<Value = Written> {
    let damage = prop_oneof![
        4 => Just(Damage::None),
        1 => (0usize..4).prop_map(Damage::RowTwice),
        1 => (0usize..4).prop_map(Damage::FieldTooMany),
        1 => (0usize..4, 1usize..17).prop_map(|(row, lost)| Damage::FieldsTooFew(row, lost)),
        1 => Just(Damage::HeaderBefore),
    ];
    (1u32..16, 1usize..5, damage).prop_map(|(number, lines, damage)| Written {
        number,
        lines,
        damage,
    })
}

fn ids() -> impl Strategy<Value = Ids> {
    prop_oneof![
        Just(Ids::Own),
        Just(Ids::Rounded),
        Just(Ids::Shared),
        Just(Ids::None)
    ]
}

/// The rows (cells) of an order; every line names its order.
fn order_rows(o: &Written, ids: Ids) -> Vec<Vec<String>> {
    let id = match ids {
        Ids::Own => format!("50125345{:05}", o.number),
        Ids::Rounded => "5,01253E+12".to_string(),
        Ids::Shared => format!("77000000000{}", o.number % 3),
        Ids::None => String::new(),
    };
    let number = format!("#{}", 1000 + o.number);
    let total = format!("{}.00", 10 * o.lines);
    (0..o.lines)
        .map(|i| {
            let first = i == 0;
            let cell = |text: &str| {
                if first {
                    text.to_string()
                } else {
                    String::new()
                }
            };
            vec![
                number.clone(),
                format!("buyer{}@example.com", o.number % 6),
                cell("paid"),
                cell("2024-03-01 10:00:00 +0100"),
                cell("fulfilled"),
                cell("PLN"),
                cell(&total),
                cell(&total),
                cell("2024-03-01 09:00:00 +0100"),
                "1".to_string(),
                format!("Item {i} of {number}"),
                "10.00".to_string(),
                format!("SKU-{i}"),
                cell("Anna Nowak"),
                cell("Anna Nowak"),
                cell("Kraków"),
                cell("PL"),
                cell(&id),
            ]
        })
        .collect()
}

/// The file's text, and the order numbers whose rows can all be read: the
/// rows of consecutive copies of one number make one order, readable when
/// none of them is damaged.
fn file(orders: &[Written], ids: Ids, cut_last: Option<usize>) -> (Vec<u8>, BTreeSet<String>) {
    let mut lines = vec![HEADER.join(",")];
    let mut last_cells: Vec<String> = Vec::new();
    // (number, readable) per run of consecutive rows of one number.
    let mut runs: Vec<(u32, bool)> = Vec::new();
    for o in orders {
        let mut readable = true;
        if let Damage::HeaderBefore = o.damage {
            lines.push(HEADER.join(","));
        }
        for (i, cells) in order_rows(o, ids).iter().enumerate() {
            // Quoted where they hold the delimiter, as any CSV writer does.
            let mut cells: Vec<String> = cells
                .iter()
                .map(|c| {
                    if c.contains(',') {
                        format!("\"{c}\"")
                    } else {
                        c.clone()
                    }
                })
                .collect();
            match o.damage {
                Damage::FieldTooMany(row) if row == i => {
                    cells[10] = format!("{}, red", cells[10]);
                    readable = false;
                }
                Damage::FieldsTooFew(row, lost) if row == i => {
                    cells.truncate(HEADER.len() - lost);
                    readable = false;
                }
                _ => {}
            }
            lines.push(cells.join(","));
            if matches!(o.damage, Damage::RowTwice(row) if row == i) {
                lines.push(cells.join(","));
            }
            last_cells = cells;
        }
        match runs.last_mut() {
            Some((number, ok)) if *number == o.number => *ok &= readable,
            _ => runs.push((o.number, readable)),
        }
    }
    let mut text = (lines.join("\n") + "\n").into_bytes();
    if let Some(at) = cut_last {
        // The download broke off inside the last row, after its order number
        // and before its last field.
        let last = lines.last().cloned().unwrap_or_default();
        // The separator before the last field (a quoted cell may hold commas).
        let last_field = last_cells.last().map_or(0, String::len);
        let first_comma = last.find(',').unwrap_or(0);
        let last_comma = last.len().saturating_sub(last_field + 1);
        if last_comma > first_comma && lines.len() > 1 {
            let cut = first_comma + 1 + at % (last_comma - first_comma);
            // Bytes: a download may break off inside a character.
            text = (lines[..lines.len() - 1].join("\n") + "\n").into_bytes();
            text.extend_from_slice(&last.as_bytes()[..cut]);
            if let Some((_, ok)) = runs.last_mut() {
                *ok = false;
            }
        }
    }
    let readable = runs
        .iter()
        .filter(|(_, ok)| *ok)
        .map(|(number, _)| format!("#{}", 1000 + number))
        .collect();
    (text, readable)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn one_order_per_readable_number_and_no_line_in_another_order(
        orders in prop::collection::vec(written(), 1..18),
        ids in ids(),
        cut_last in prop::option::of(0usize..200),
    ) {
        let (bytes, readable) = file(&orders, ids, cut_last);
        let text = String::from_utf8_lossy(&bytes);
        let (dir, path) = temp_db();
        let csv = dir.path().join("orders_export.csv");
        std::fs::write(&csv, &bytes).unwrap();
        let store = Store::open(&path).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap();
        let run = import_file(&store, &csv, None, None, &importer().at(now), &FixedClock(now), |_| Flow::Continue)
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
        let raw = courtesy_store::testing::raw_connection(&path).unwrap();
        let numbers: BTreeSet<String> = raw
            .prepare("SELECT number FROM orders")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let orders_stored: i64 = raw.query_row("SELECT count(*) FROM orders", [], |r| r.get(0)).unwrap();
        prop_assert_eq!(orders_stored as usize, numbers.len(), "one order per number");
        prop_assert_eq!(&numbers, &readable, "{:?}\n{}", run, text);
        let strays: i64 = raw
            .query_row(
                "SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id
                 WHERE l.name NOT LIKE '% of ' || o.number",
                [],
                |r| r.get(0),
            )
            .unwrap();
        prop_assert_eq!(strays, 0, "a line in another order\n{}", text);
        let doubled: i64 = raw
            .query_row(
                "SELECT count(*) FROM (SELECT order_id, name FROM order_lines
                 GROUP BY order_id, name HAVING count(*) > 1) AS twice",
                [],
                |r| r.get(0),
            )
            .unwrap();
        prop_assert_eq!(doubled, 0, "a line imported twice\n{}", text);
    }
}
