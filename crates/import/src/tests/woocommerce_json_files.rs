//! WooCommerce REST API v3 lists saved to files (`tests/fixtures/import/`),
//! read through `open()`: what is detected, every order and customer exactly
//! as it comes out, bad objects, broken and cut-off JSON.

use crate::formats::open::fixture::{
    address, bytes, currency, drain, line, orders, path, read_fixture, utc,
};
use crate::{open, CustomerRecord, FileError, Format, OrderRecord, Record, RowError, SourceId};
use courtesy_core::{OrderStatus, PostalAddress};
use std::io::Cursor;

fn person(
    id: Option<&str>,
    first: &str,
    last: &str,
    email: Option<&str>,
    phones: &[&str],
    country: &str,
    addresses: &[(&str, &PostalAddress)],
) -> CustomerRecord {
    CustomerRecord {
        source: "woocommerce".into(),
        external_id: id.map(Into::into),
        first_name: first.into(),
        last_name: last.into(),
        email: email.map(Into::into),
        phones: phones.iter().map(|p| p.to_string()).collect(),
        country: Some(country.into()),
        addresses: addresses
            .iter()
            .map(|(kind, a)| (kind.to_string(), (*a).clone()))
            .collect(),
        ..Default::default()
    }
}

/// An order with the fields every fixture order sets; the rest default.
fn order(id: &str, status: OrderStatus, placed_at: &str, code: &str) -> OrderRecord {
    OrderRecord {
        source: "woocommerce".into(),
        external_id: SourceId::Given(id.into()),
        number: format!("#{id}"),
        buyer: CustomerRecord::default(),
        status,
        placed_at: utc(placed_at),
        paid_at: None,
        fulfilled_at: None,
        delivered_at: None,
        currency: currency(code),
        subtotal_minor: 0,
        shipping_minor: 0,
        discount_minor: 0,
        tax_minor: 0,
        total_minor: 0,
        refunded_minor: 0,
        shipping_method: String::new(),
        ship_to: PostalAddress::default(),
        customer_note: String::new(),
        gift_message: String::new(),
        discount_codes: String::new(),
        shipment: Default::default(),
        lines: Vec::new(),
    }
}

fn expected_orders() -> Vec<(u64, OrderRecord)> {
    let krakow = address("Anna Nowak", "ul. Długa 5/3", "31-147", "Kraków", "PL");
    let gdynia = address("Piotr Zieliński", "ul. Morska 14", "81-323", "Gdynia", "PL");
    let lodz = address(
        "Małgorzata Żółkiewska",
        "ul. Piękna 12",
        "90-001",
        "Łódź",
        "PL",
    );
    let gdansk = PostalAddress {
        line2: "m. 7".into(),
        ..address(
            "Zofia Żółkiewska",
            "ul. Źródlana 3",
            "80-001",
            "Gdańsk",
            "PL",
        )
    };
    let helsinki = address(
        "Matti Virtanen",
        "Mannerheimintie 10 A 5",
        "00100",
        "Helsinki",
        "FI",
    );
    let o1201 = OrderRecord {
        buyer: person(
            Some("17"),
            "Anna",
            "Nowak",
            Some("anna.nowak@example.com"),
            &["+48 601 234 567"],
            "PL",
            &[("billing", &krakow), ("shipping", &krakow)],
        ),
        paid_at: Some(utc("2024-03-05T14:06:10Z")),
        fulfilled_at: Some(utc("2024-03-06T08:30:00Z")),
        subtotal_minor: 19790,
        shipping_minor: 1500,
        discount_minor: 1000,
        total_minor: 20290,
        shipping_method: "InPost Paczkomat 24/7".into(),
        ship_to: krakow.clone(),
        discount_codes: "wiosna10".into(),
        shipment: Default::default(),
        lines: vec![
            line("CAND-L", "Lavender candle", "Large", 2, 4650),
            line("NAP-G4", "Linen napkin set", "", 1, 8490),
            line("", "Gift wrapping", "", 1, 1000),
        ],
        ..order(
            "1201",
            OrderStatus::Fulfilled,
            "2024-03-05T14:05:09Z",
            "PLN",
        )
    };
    let o1202 = OrderRecord {
        buyer: person(
            None,
            "Piotr",
            "Zieliński",
            None,
            &["+48 512 000 111"],
            "PL",
            &[("billing", &gdynia)],
        ),
        paid_at: Some(utc("2024-03-07T19:41:30Z")),
        subtotal_minor: 5900,
        shipping_minor: 1299,
        total_minor: 7199,
        shipping_method: "Kurier DPD (pobranie)".into(),
        ship_to: gdynia.clone(),
        customer_note: "Proszę dzwonić przed dostawą.".into(),
        lines: vec![line("CAND-V", "Soy candle", "", 1, 5900)],
        ..order("1202", OrderStatus::Paid, "2024-03-07T19:41:00Z", "PLN")
    };
    let o1203 = OrderRecord {
        buyer: person(
            Some("23"),
            "Małgorzata",
            "Żółkiewska",
            Some("m.zolkiewska@example.pl"),
            &["600 100 200", "+48 600 100 300"],
            "PL",
            &[("billing", &lodz), ("shipping", &gdansk)],
        ),
        subtotal_minor: 10530,
        shipping_minor: 1299,
        total_minor: 11829,
        shipping_method: "Poczta Polska".into(),
        ship_to: gdansk.clone(),
        customer_note: "Zapakować na prezent, bez paragonu w środku.".into(),
        gift_message: "Wszystkiego najlepszego, Zosiu! Ściskam — Gośka".into(),
        lines: vec![
            line("SW-ROZ", "Świeca sojowa", "Różana", 2, 3990),
            line("POD-GES", "Podstawka gęś", "", 1, 2550),
        ],
        ..order("1203", OrderStatus::Open, "2024-04-10T06:14:02Z", "PLN")
    };
    let o1204 = OrderRecord {
        buyer: person(
            Some("31"),
            "Matti",
            "Virtanen",
            Some("matti.virtanen@example.fi"),
            &["+358 40 123 4567"],
            "FI",
            &[("billing", &helsinki), ("shipping", &helsinki)],
        ),
        paid_at: Some(utc("2024-04-12T08:01:00Z")),
        fulfilled_at: Some(utc("2024-04-13T09:00:00Z")),
        subtotal_minor: 2450,
        shipping_minor: 990,
        tax_minor: 588,
        total_minor: 4028,
        refunded_minor: 4028,
        shipping_method: "Posti".into(),
        ship_to: helsinki.clone(),
        lines: vec![line("CAND-PS", "Pine candle", "", 1, 2450)],
        ..order("1204", OrderStatus::Refunded, "2024-04-12T08:00:00Z", "EUR")
    };
    vec![(1, o1201), (2, o1202), (3, o1203), (4, o1204)]
}

#[test]
fn woocommerce_orders_json_is_detected_by_its_line_items() {
    let (description, drained) = read_fixture("woocommerce-orders.json");
    assert_eq!(description.format, Format::WooCommerceOrdersJson);
    assert_eq!(description.encoding, "UTF-8");
    assert!(
        description.columns.iter().any(|c| c == "line_items"),
        "columns are the first object's keys: {:?}",
        description.columns
    );
    assert!(drained.errors.is_empty(), "no errors: {:?}", drained.errors);
    let size = std::fs::metadata(path("woocommerce-orders.json")).map(|m| m.len());
    assert_eq!(
        Ok(drained.bytes_read),
        size.map_err(|e| e.to_string()),
        "progress ends at the file size"
    );
}

#[test]
fn woocommerce_orders_come_out_with_every_field() {
    let (_, drained) = read_fixture("woocommerce-orders.json");
    let got = orders(&drained.records);
    let want = expected_orders();
    assert_eq!(
        got.iter()
            .map(|(row, o)| (
                *row,
                o.number.as_str(),
                o.status,
                o.total_minor,
                o.lines.len()
            ))
            .collect::<Vec<_>>(),
        want.iter()
            .map(|(row, o)| (
                *row,
                o.number.as_str(),
                o.status,
                o.total_minor,
                o.lines.len()
            ))
            .collect::<Vec<_>>(),
        "orders at their place in the list"
    );
    for ((_, got), (_, want)) in got.iter().zip(&want) {
        assert_eq!(got, want, "order {} differs", want.number);
    }
}

#[test]
fn woocommerce_customers_json_reads_names_with_diacritics_and_billing_fallbacks() {
    let (description, drained) = read_fixture("woocommerce-customers.json");
    assert_eq!(description.format, Format::WooCommerceCustomersJson);
    assert!(drained.errors.is_empty(), "no errors: {:?}", drained.errors);
    let got: Vec<(u64, CustomerRecord)> = drained
        .records
        .iter()
        .filter_map(|r| match &r.value {
            Record::Customer(c) => Some((r.row, c.clone())),
            Record::Order(_) => None,
        })
        .collect();
    let krakow = address("Anna Nowak", "ul. Długa 5/3", "31-147", "Kraków", "PL");
    let paivi = |line1: &str| PostalAddress {
        company: "Järvisen Kynttilä Oy".into(),
        ..address("Päivi Järvinen", line1, "40100", "Jyväskylä", "FI")
    };
    let london = address(
        "Oliver Brown",
        "221B Baker Street",
        "NW1 6XE",
        "London",
        "GB",
    );
    let want = vec![
        (
            1,
            CustomerRecord {
                created_at: Some(utc("2023-11-02T09:12:44Z")),
                ..person(
                    Some("17"),
                    "Anna",
                    "Nowak",
                    Some("anna.nowak@example.com"),
                    &["+48 601 234 567"],
                    "PL",
                    &[("billing", &krakow), ("shipping", &krakow)],
                )
            },
        ),
        (
            2,
            CustomerRecord {
                company: "Järvisen Kynttilä Oy".into(),
                created_at: Some(utc("2024-01-15T17:03:00Z")),
                ..person(
                    Some("31"),
                    "Päivi",
                    "Järvinen",
                    Some("paivi.jarvinen@example.fi"),
                    &["+358 40 765 4321"],
                    "FI",
                    &[
                        ("billing", &paivi("Väinönkatu 26 A 4")),
                        ("shipping", &paivi("Kauppakatu 3")),
                    ],
                )
            },
        ),
        (
            3,
            CustomerRecord {
                created_at: Some(utc("2024-02-20T12:00:00Z")),
                ..person(
                    Some("42"),
                    "Oliver",
                    "Brown",
                    Some("oliver.brown@example.co.uk"),
                    &["+44 20 7946 0958"],
                    "GB",
                    &[("billing", &london)],
                )
            },
        ),
    ];
    assert_eq!(got, want);
}

#[test]
fn json_cut_off_inside_its_first_object_is_refused_as_malformed() {
    let err = match crate::formats::open::fixture::open_fixture("woocommerce-broken.json") {
        Ok((_, d)) => panic!("a cut-off file should be refused, but opened as {d:?}"),
        Err(e) => e,
    };
    assert_eq!(err.code(), "import.malformed");
    assert_eq!(
        err.to_string(),
        "the file is not valid JSON: the file ends inside item 1 (is it cut off?)"
    );
}

#[test]
fn json_cut_off_later_keeps_the_orders_before_and_reports_the_cut_once() {
    let mut data = bytes("woocommerce-orders.json");
    let third = data
        .windows(10)
        .position(|w| w == b"{\"id\":1203")
        .unwrap_or_else(|| panic!("the fixture has order 1203"));
    data.truncate(third + 300);
    let drained = match open(Cursor::new(data), None) {
        Ok((importer, _)) => drain(importer),
        Err(e) => panic!("the start of the list should open: {e}"),
    };
    let numbers: Vec<_> = orders(&drained.records)
        .into_iter()
        .map(|(row, o)| (row, o.number))
        .collect();
    assert_eq!(
        numbers,
        vec![(1, "#1201".to_string()), (2, "#1202".to_string())]
    );
    assert_eq!(
        drained.errors,
        vec![RowError {
            row: 3,
            column: None,
            reason: "the file ends inside item 3 (is it cut off?); nothing after it was read"
                .into(),
        }]
    );
}

#[test]
fn a_bad_object_is_reported_with_its_place_and_field_and_the_rest_imports() {
    let json = r#"[
        {"id": 1, "number": "A1", "status": "completed", "currency": "PLN",
         "date_created_gmt": "2024-05-01T10:00:00", "total": "10.00",
         "line_items": [{"name": "Wick", "quantity": 1, "subtotal": "10.00", "price": 10}]},
        {"id": 2, "status": "completed", "currency": "PLN",
         "date_created_gmt": "2024-05-01T10:00:00", "total": "ten", "line_items": []},
        7,
        {"id": 4, "status": "processing", "currency": "PLN",
         "date_created_gmt": "yesterday", "line_items": []},
        {"id": 5, "status": "cancelled", "currency": "zł",
         "date_created_gmt": "2024-05-01T10:00:00", "line_items": []},
        {"id": 6, "status": "trash", "currency": "EUR",
         "date_created_gmt": "2024-05-02T10:00:00", "total": "1.5", "line_items": []}
    ]"#;
    let drained = match open(Cursor::new(json.as_bytes().to_vec()), None) {
        Ok((importer, d)) => {
            assert_eq!(d.format, Format::WooCommerceOrdersJson);
            drain(importer)
        }
        Err(e) => panic!("should open: {e}"),
    };
    let got: Vec<_> = orders(&drained.records)
        .into_iter()
        .map(|(row, o)| (row, o.number, o.status, o.total_minor))
        .collect();
    assert_eq!(
        got,
        vec![
            (1, "#A1".to_string(), OrderStatus::Fulfilled, 1000),
            (6, "#6".to_string(), OrderStatus::Cancelled, 150),
        ]
    );
    let error = |row: u64, column: Option<&str>, reason: &str| RowError {
        row,
        column: column.map(Into::into),
        reason: reason.into(),
    };
    assert_eq!(
        drained.errors,
        vec![
            error(2, Some("total"), "'ten' is not an amount"),
            error(3, None, "item 3 is not an object but 7"),
            error(4, Some("date_created_gmt"), "'yesterday' is not a date"),
            error(
                5,
                Some("currency"),
                "'zł' is not an ISO 4217 currency code (three letters, e.g. PLN)",
            ),
        ]
    );
}

fn refusal(data: &[u8], hint: Option<Format>) -> FileError {
    match open(Cursor::new(data.to_vec()), hint) {
        Ok((_, d)) => panic!("should be refused, but opened as {d:?}"),
        Err(e) => e,
    }
}

#[test]
fn json_that_is_not_a_list_of_shop_objects_is_refused_whole() {
    let one = refusal(br#"{"code":"rest_no_route","message":"No route"}"#, None);
    assert_eq!(one.code(), "import.unknown_json");
    let products = refusal(br#"[{"id": 1, "name": "Candle", "slug": "candle"}]"#, None);
    assert_eq!(
        products.to_string(),
        "the JSON is not a list of WooCommerce orders or customers: its first object has id, name, slug but no line_items, and no email with billing"
    );
    assert_eq!(refusal(b"[1, 2]", None).code(), "import.unknown_json");
    assert_eq!(refusal(b" [ ] ", None).code(), "import.empty");
    assert_eq!(refusal(b"[{\"id\": 1,}]", None).code(), "import.malformed");
}

#[test]
fn a_json_format_picked_by_hand_must_fit_the_file() {
    let customers = bytes("woocommerce-customers.json");
    let err = refusal(&customers, Some(Format::WooCommerceOrdersJson));
    assert_eq!(
        err.to_string(),
        "the file is not a WooCommerce orders (JSON) export: it has no line_items column"
    );
    let csv = bytes("shopify-orders.csv");
    assert_eq!(
        refusal(&csv, Some(Format::WooCommerceCustomersJson)).code(),
        "import.malformed"
    );
    let json_as_csv = refusal(&customers, Some(Format::ShopifyCustomers));
    assert_eq!(json_as_csv.code(), "import.missing_columns");
}

#[test]
fn a_json_list_larger_than_the_sniffed_block_streams_to_its_end() {
    let count = 5_000u64;
    let items: Vec<String> = (1..=count)
        .map(|n| {
            format!(
                r#"{{"id":{n},"status":"completed","currency":"EUR","date_created_gmt":"2024-01-01T00:00:00","total":"2.50","customer_id":{n},"billing":{{"email":"b{n}@example.com"}},"line_items":[{{"name":"Wick","quantity":1,"subtotal":"2.50","price":2.5}}]}}"#
            )
        })
        .collect();
    let data = format!("[\n{}\n]\n", items.join(",\n")).into_bytes();
    let size = data.len() as u64;
    assert!(size > crate::SNIFF_BYTES as u64 * 5);
    let drained = match open(Cursor::new(data), None) {
        Ok((importer, _)) => drain(importer),
        Err(e) => panic!("should open: {e}"),
    };
    assert!(drained.errors.is_empty(), "{:?}", drained.errors.first());
    let got = orders(&drained.records);
    assert_eq!(got.len() as u64, count);
    let (row, last) = &got[got.len() - 1];
    assert_eq!(
        (*row, last.number.as_str(), last.total_minor),
        (count, "#5000", 250)
    );
    assert_eq!(drained.bytes_read, size);
}

#[test]
fn json_with_a_byte_order_mark_or_in_utf16_reads_the_same() {
    let json = "[{\"id\": 7, \"email\": \"päivi@example.fi\", \"first_name\": \"Päivi\", \"billing\": {}}]";
    let mut utf8 = b"\xEF\xBB\xBF\r\n".to_vec();
    utf8.extend(json.as_bytes());
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(json.encode_utf16().flat_map(u16::to_le_bytes));
    for (data, encoding) in [(utf8, "UTF-8"), (utf16, "UTF-16LE")] {
        let (importer, description) = match open(Cursor::new(data), None) {
            Ok(opened) => opened,
            Err(e) => panic!("{encoding} should open: {e}"),
        };
        assert_eq!(
            (description.format, description.encoding),
            (Format::WooCommerceCustomersJson, encoding)
        );
        let names: Vec<_> = drain(importer)
            .records
            .into_iter()
            .filter_map(|r| match r.value {
                Record::Customer(c) => Some((r.row, c.first_name, c.email)),
                Record::Order(_) => None,
            })
            .collect();
        assert_eq!(
            names,
            vec![(1, "Päivi".to_string(), Some("päivi@example.fi".to_string()))],
            "{encoding}"
        );
    }
}
