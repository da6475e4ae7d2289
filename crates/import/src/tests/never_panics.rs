//! Whatever bytes a file holds, opening and reading it never panics and
//! always ends: random bytes, random CSV-like text under a Shopify header,
//! random JSON in WooCommerce's shape, random edits of the real fixtures, and
//! any file read through a random column mapping.

use crate::formats::mapping::{CUSTOMER_FIELDS, ORDER_FIELDS};
use crate::formats::open::fixture::bytes;
use crate::{open, open_mapped, ColumnMapping, Importer, MappedKind};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Cursor;

/// Drains an importer; the number of items bounds a runaway one.
fn drain_all(mut importer: Box<dyn Importer + Send>) {
    let mut items = 0usize;
    while importer.next_record().is_some() {
        items += 1;
        assert!(items < 1_000_000, "the importer never ends");
    }
}

/// Opens and drains `data`.
fn open_and_drain(data: Vec<u8>) {
    if let Ok((importer, _)) = open(Cursor::new(data), None) {
        drain_all(importer);
    }
}

/// An edit of a file.
#[derive(Debug, Clone)]
enum Edit {
    Replace(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    Truncate(usize),
}

fn apply(mut data: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for edit in edits {
        if data.is_empty() {
            break;
        }
        match *edit {
            Edit::Replace(at, byte) => {
                let i = at % data.len();
                data[i] = byte;
            }
            Edit::Insert(at, byte) => data.insert(at % (data.len() + 1), byte),
            Edit::Delete(at) => {
                data.remove(at % data.len());
            }
            Edit::Truncate(at) => data.truncate(at % (data.len() + 1)),
        }
    }
    data
}

/// Bytes that matter to CSV, encodings and amounts, plus any byte.
fn interesting_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        3 => prop::sample::select(b",;\t\"\r\n\0'.:- 0123456789#aZ".to_vec()),
        1 => any::<u8>(),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), interesting_byte()).prop_map(|(at, b)| Edit::Replace(at, b)),
        4 => (any::<usize>(), interesting_byte()).prop_map(|(at, b)| Edit::Insert(at, b)),
        2 => any::<usize>().prop_map(Edit::Delete),
        1 => any::<usize>().prop_map(Edit::Truncate),
    ]
}

const FIXTURES: [&str; 11] = [
    "shopify-orders.csv",
    "shopify-orders-cp1250-semicolon.csv",
    "shopify-orders-bad-rows.csv",
    "shopify-customers-cp1251.csv",
    "shopify-customers-bom-crlf.csv",
    "woocommerce-orders.json",
    "woocommerce-customers.json",
    "woocommerce-broken.json",
    "woocommerce-orders-export.csv",
    "mapped-orders.csv",
    "mapped-customers.csv",
];

/// Bytes that matter to JSON, plus any byte.
fn json_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        4 => prop::sample::select(b"{}[]\":,\\ \n0123456789.-+eEtruefalsnu".to_vec()),
        1 => any::<u8>(),
    ]
}

/// Keys WooCommerce objects have, so random objects hit the readers' paths.
const WOO_KEYS: [&str; 30] = [
    "id",
    "number",
    "status",
    "currency",
    "date_created_gmt",
    "date_created",
    "date_paid_gmt",
    "date_completed_gmt",
    "total",
    "total_tax",
    "shipping_total",
    "discount_total",
    "customer_id",
    "customer_note",
    "billing",
    "shipping",
    "line_items",
    "name",
    "parent_name",
    "sku",
    "quantity",
    "price",
    "subtotal",
    "meta_data",
    "key",
    "value",
    "shipping_lines",
    "method_title",
    "coupon_lines",
    "email",
];

/// Any JSON value, its objects keyed like WooCommerce's.
fn woo_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(vec![
            "",
            "0",
            "1",
            "-1",
            "12.50",
            "1e400",
            "completed",
            "refunded",
            "PLN",
            "zł",
            "2024-03-01T10:00:00",
            "2024-13-45",
            "Łódź",
            "a - b",
            "gift",
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(prop::sample::select(WOO_KEYS.to_vec()), inner, 0..8)
                .prop_map(|map| Value::Object(
                    map.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
                )),
        ]
    })
}

/// Any header cell a mapping might name: the fixtures' own, or not in the file.
fn header_name() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Bestellnummer",
        "Datum",
        "Status",
        "Kunde",
        "E-Mail",
        "Telefon",
        "Artikel",
        "Menge",
        "Preis",
        "Summe",
        "Währung",
        "Versand",
        "Imię i nazwisko",
        "E-mail",
        "Tagi",
        "Zgoda marketingowa",
        "Data rejestracji",
        "Kraj",
        "Name",
        "Email",
        "Total",
        "Created at",
        "Lineitem quantity",
        "Lineitem price",
        "Currency",
        "nowhere",
        "",
    ])
    .prop_map(String::from)
}

/// Mappings that fit the mapped fixtures, for random ones to start from.
/// A fixture, whether it holds orders, and a mapping that fits it.
type Fitting = (&'static str, bool, &'static [(&'static str, &'static str)]);

const FITTING: [Fitting; 2] = [
    (
        "mapped-orders.csv",
        true,
        &[
            ("order_number", "Bestellnummer"),
            ("placed_at", "Datum"),
            ("total", "Summe"),
            ("status", "Status"),
            ("full_name", "Kunde"),
            ("line_name", "Artikel"),
            ("line_quantity", "Menge"),
            ("line_price", "Preis"),
            ("currency", "Währung"),
        ],
    ),
    (
        "mapped-customers.csv",
        false,
        &[
            ("full_name", "Imię i nazwisko"),
            ("email", "E-mail"),
            ("email_consent", "Zgoda marketingowa"),
            ("tags", "Tagi"),
            ("created_at", "Data rejestracji"),
        ],
    ),
];

/// A fixture and a random column mapping of either kind for it: one that fits
/// a mapped fixture with random changes, or one from scratch for any fixture.
fn file_and_mapping() -> impl Strategy<Value = (&'static str, ColumnMapping)> {
    (
        0..4usize,
        0..FIXTURES.len(),
        any::<bool>(),
        prop::collection::vec((any::<prop::sample::Index>(), header_name()), 0..16),
        prop_oneof![
            6 => Just(None),
            4 => prop::sample::select(vec!["EUR", "pln", ""]).prop_map(Some),
            1 => prop::sample::select(vec!["€", "XXXX"]).prop_map(Some),
        ],
    )
        .prop_map(|(base, which, random_kind, picks, currency)| {
            let (file, orders, start) =
                FITTING
                    .get(base)
                    .copied()
                    .unwrap_or((FIXTURES[which], random_kind, &[]));
            let fields = if orders {
                ORDER_FIELDS
            } else {
                CUSTOMER_FIELDS
            };
            let mut mapped: BTreeMap<String, String> = start
                .iter()
                .map(|(f, h)| (f.to_string(), h.to_string()))
                .collect();
            // Fewer changes to a fitting mapping, so many of them still open.
            let changes = if start.is_empty() {
                picks.len()
            } else {
                picks.len() / 8
            };
            for (i, header) in picks.into_iter().take(changes) {
                mapped.insert(i.get(fields).to_string(), header);
            }
            let fields = mapped;
            let mapping = ColumnMapping {
                kind: if orders {
                    MappedKind::Orders
                } else {
                    MappedKind::Customers
                },
                fields,
                currency: currency.map(String::from),
            };
            (file, mapping)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(data in prop::collection::vec(any::<u8>(), 0..4096)) {
        open_and_drain(data);
    }

    #[test]
    fn csv_like_noise_under_a_shopify_header_never_panics(
        body in prop::collection::vec(interesting_byte(), 0..4096),
        customers in any::<bool>(),
    ) {
        let header: &[u8] = if customers {
            b"First Name,Last Name,Email,Phone,Tags,Total Spent,Total Orders\n"
        } else {
            b"Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Cancelled at,Paid at\n"
        };
        let mut data = header.to_vec();
        data.extend(body);
        open_and_drain(data);
    }

    #[test]
    fn json_like_noise_under_a_woocommerce_start_never_panics(
        body in prop::collection::vec(json_byte(), 0..4096),
        customers in any::<bool>(),
    ) {
        let start: &[u8] = if customers {
            b"[{\"email\":\"a@b.pl\",\"billing\":"
        } else {
            b"[{\"id\":1,\"currency\":\"PLN\",\"line_items\":"
        };
        let mut data = start.to_vec();
        data.extend(body);
        open_and_drain(data);
    }

    #[test]
    fn random_json_in_woocommerce_shape_never_panics(
        first in woo_value(),
        rest in prop::collection::vec(woo_value(), 0..4),
        shape in 0..3usize,
    ) {
        let mut first = first;
        if let Value::Object(object) = &mut first {
            match shape {
                0 => {
                    object.entry("line_items").or_insert(Value::Array(Vec::new()));
                }
                1 => {
                    object.remove("line_items");
                    object.entry("email").or_insert(Value::from("a@b.pl"));
                    object.entry("billing").or_insert(Value::Null);
                }
                _ => {}
            }
        }
        let mut items = vec![first];
        items.extend(rest);
        open_and_drain(Value::Array(items).to_string().into_bytes());
    }

    #[test]
    fn any_file_through_a_random_mapping_never_panics(
        (file, mapping) in file_and_mapping(),
        edits in prop::collection::vec(edit(), 0..6),
    ) {
        let data = apply(bytes(file), &edits);
        if let Ok((importer, _)) = open_mapped(Cursor::new(data), &mapping) {
            drain_all(importer);
        }
    }

    #[test]
    fn edited_fixtures_never_panic(
        which in 0..FIXTURES.len(),
        edits in prop::collection::vec(edit(), 1..24),
    ) {
        open_and_drain(apply(bytes(FIXTURES[which]), &edits));
    }
}
