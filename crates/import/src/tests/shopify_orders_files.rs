//! Shopify orders exports in `tests/fixtures/import/`, read through `open()`:
//! what is sniffed, and every order exactly as it comes out.

use crate::formats::open::fixture::{address, currency, line, orders, read_fixture, utc};
use crate::{CustomerRecord, Format, OrderRecord, RowError, SourceId};
use courtesy_core::{OrderStatus, PostalAddress};

fn buyer(
    first: &str,
    last: &str,
    email: Option<&str>,
    phones: &[&str],
    country: &str,
) -> CustomerRecord {
    CustomerRecord {
        source: "shopify".into(),
        first_name: first.into(),
        last_name: last.into(),
        email: email.map(Into::into),
        phones: phones.iter().map(|p| p.to_string()).collect(),
        country: Some(country.into()),
        ..Default::default()
    }
}

/// An order with the fields every fixture order sets; the rest default.
fn order(
    number: &str,
    id: &str,
    status: OrderStatus,
    placed_at: &str,
    currency_code: &str,
) -> OrderRecord {
    OrderRecord {
        source: "shopify".into(),
        external_id: SourceId::Given(id.into()),
        number: number.into(),
        buyer: CustomerRecord::default(),
        status,
        placed_at: utc(placed_at),
        paid_at: None,
        fulfilled_at: None,
        delivered_at: None,
        currency: currency(currency_code),
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

fn expected_utf8_orders() -> Vec<(u64, OrderRecord)> {
    let krakow = PostalAddress {
        region: "Małopolskie".into(),
        ..address("Anna Nowak", "ul. Długa 5/3", "31-147", "Kraków", "PL")
    };
    let gdynia = address("Piotr Zieliński", "ul. Morska 14", "81-323", "Gdynia", "PL");
    let wroclaw = PostalAddress {
        company: "Nowak Studio".into(),
        line2: "piętro 2".into(),
        ..address("Anna Nowak", "Rynek 1", "50-101", "Wrocław", "PL")
    };
    let krakow_no_region = address("Anna Nowak", "ul. Długa 5/3", "31-147", "Kraków", "PL");
    let helsinki = address(
        "Matti Virtanen",
        "Mannerheimintie 10 A 5",
        "00100",
        "Helsinki",
        "FI",
    );
    let london = address("John Smith", "221B Baker Street", "NW1 6XE", "London", "GB");
    let both = |a: &PostalAddress, b: &PostalAddress| {
        vec![
            ("billing".to_string(), a.clone()),
            ("shipping".to_string(), b.clone()),
        ]
    };

    let o1001 = OrderRecord {
        buyer: CustomerRecord {
            addresses: both(&krakow, &krakow),
            email_consent: Some(true),
            ..buyer(
                "Anna",
                "Nowak",
                Some("anna.nowak@example.com"),
                &["+48 601 234 567"],
                "PL",
            )
        },
        paid_at: Some(utc("2024-03-01T13:06:10Z")),
        fulfilled_at: Some(utc("2024-03-02T08:30:00Z")),
        subtotal_minor: 19790,
        shipping_minor: 1500,
        discount_minor: 1979,
        tax_minor: 3611,
        total_minor: 19311,
        shipping_method: "InPost Paczkomat".into(),
        ship_to: krakow.clone(),
        gift_message: "Wszystkiego najlepszego, Mamo!".into(),
        discount_codes: "WELCOME10".into(),
        shipment: Default::default(),
        lines: vec![
            line("CAND-L", "Lavender candle", "Large", 2, 4900),
            line("NAP-G4", "Linen napkin set", "Grey / 4 pcs", 1, 8990),
            line("", "Gift wrapping", "", 1, 1000),
        ],
        ..order(
            "#1001",
            "5012345678901",
            OrderStatus::Fulfilled,
            "2024-03-01T13:05:09Z",
            "PLN",
        )
    };
    let o1002 = OrderRecord {
        buyer: CustomerRecord {
            addresses: both(&gdynia, &gdynia),
            email_consent: Some(false),
            ..buyer("Piotr", "Zieliński", None, &["+48 512 000 111"], "PL")
        },
        subtotal_minor: 5900,
        shipping_minor: 1299,
        tax_minor: 1346,
        total_minor: 7199,
        shipping_method: "Kurier DPD (pobranie)".into(),
        ship_to: gdynia.clone(),
        lines: vec![line("CAND-V", "Soy candle", "Vanilla", 1, 5900)],
        ..order(
            "#1002",
            "5012345678902",
            OrderStatus::Open,
            "2024-03-03T19:41:00Z",
            "PLN",
        )
    };
    let o1003 = OrderRecord {
        buyer: CustomerRecord {
            company: "Nowak Studio".into(),
            addresses: both(&krakow_no_region, &wroclaw),
            email_consent: Some(true),
            ..buyer(
                "Anna",
                "Nowak",
                Some("Anna.Nowak@Example.COM"),
                &["601-234-567"],
                "PL",
            )
        },
        paid_at: Some(utc("2024-04-10T06:15:00Z")),
        subtotal_minor: 12000,
        tax_minor: 2244,
        total_minor: 12000,
        shipping_method: "Free shipping".into(),
        ship_to: wroclaw.clone(),
        customer_note:
            "Please leave it at the reception.\nRing twice, \"Nowak Studio\" on the door.".into(),
        lines: vec![line("CAND-B", "Beeswax candle", "", 3, 4000)],
        ..order(
            "#1003",
            "5012345678903",
            OrderStatus::Paid,
            "2024-04-10T06:14:02Z",
            "PLN",
        )
    };
    let o1004 = OrderRecord {
        buyer: CustomerRecord {
            addresses: both(&helsinki, &helsinki),
            email_consent: Some(false),
            ..buyer(
                "Matti",
                "Virtanen",
                Some("matti.virtanen@example.fi"),
                &["+358 40 123 4567"],
                "FI",
            )
        },
        subtotal_minor: 2450,
        shipping_minor: 990,
        tax_minor: 666,
        total_minor: 3440,
        shipping_method: "Posti".into(),
        ship_to: helsinki.clone(),
        lines: vec![line("CAND-PS", "Pine candle", "Small", 1, 2450)],
        ..order(
            "#1004",
            "5012345678904",
            OrderStatus::Cancelled,
            "2024-04-12T08:00:00Z",
            "EUR",
        )
    };
    let o1005 = OrderRecord {
        buyer: CustomerRecord {
            addresses: both(&london, &london),
            ..buyer(
                "John",
                "Smith",
                Some("john.smith@example.co.uk"),
                &["+44 20 7946 0958"],
                "GB",
            )
        },
        paid_at: Some(utc("2024-05-02T09:00:30Z")),
        fulfilled_at: Some(utc("2024-05-03T15:20:00Z")),
        subtotal_minor: 4500,
        shipping_minor: 499,
        tax_minor: 833,
        total_minor: 4999,
        refunded_minor: 4999,
        shipping_method: "Royal Mail".into(),
        ship_to: london.clone(),
        lines: vec![
            line("CAND-CL", "Cedar candle", "Large", 1, 3000),
            line("MATCH", "Match box", "", 1, 1500),
        ],
        ..order(
            "#1005",
            "5012345678905",
            OrderStatus::Refunded,
            "2024-05-02T09:00:00Z",
            "GBP",
        )
    };
    // Physical lines: #1001's note attributes and #1003's note span two lines.
    vec![(2, o1001), (6, o1002), (7, o1003), (9, o1004), (10, o1005)]
}

#[test]
fn shopify_orders_export_is_sniffed_as_utf8_comma_dot() {
    let (description, drained) = read_fixture("shopify-orders.csv");
    assert_eq!(description.format, Format::ShopifyOrders);
    assert_eq!(
        (
            description.encoding,
            description.delimiter,
            description.decimal
        ),
        ("UTF-8", ',', '.')
    );
    assert_eq!(description.columns.len(), 79, "the full Shopify header");
    assert_eq!(description.columns[0], "Name");
    assert!(
        drained.errors.is_empty(),
        "no row errors: {:?}",
        drained.errors
    );
    let size = std::fs::metadata(crate::formats::open::fixture::path("shopify-orders.csv"))
        .map(|m| m.len());
    assert_eq!(
        Ok(drained.bytes_read),
        size.map_err(|e| e.to_string()),
        "progress ends at the file size"
    );
}

#[test]
fn shopify_order_rows_group_into_orders_with_every_field() {
    let (_, drained) = read_fixture("shopify-orders.csv");
    let got = orders(&drained.records);
    let want = expected_utf8_orders();
    assert_eq!(
        got.iter()
            .map(|(row, o)| (*row, o.number.as_str()))
            .collect::<Vec<_>>(),
        want.iter()
            .map(|(row, o)| (*row, o.number.as_str()))
            .collect::<Vec<_>>(),
        "orders and the rows they start on"
    );
    for ((_, got), (_, want)) in got.iter().zip(&want) {
        assert_eq!(got, want, "order {} differs", want.number);
    }
}

#[test]
fn excel_on_polish_windows_cp1250_semicolon_decimal_comma_keeps_diacritics() {
    let (description, drained) = read_fixture("shopify-orders-cp1250-semicolon.csv");
    assert_eq!(description.format, Format::ShopifyOrders);
    assert_eq!(
        (
            description.encoding,
            description.delimiter,
            description.decimal
        ),
        ("windows-1250", ';', ',')
    );
    assert!(
        drained.errors.is_empty(),
        "no row errors: {:?}",
        drained.errors
    );
    let got = orders(&drained.records);
    let summary: Vec<_> = got
        .iter()
        .map(|(row, o)| {
            (
                *row,
                o.number.as_str(),
                o.buyer.first_name.as_str(),
                o.buyer.last_name.as_str(),
                o.ship_to.city.as_str(),
                o.status,
                o.total_minor,
                o.lines.len(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                2,
                "#2001",
                "Małgorzata",
                "Żółkiewska",
                "Łódź",
                OrderStatus::Fulfilled,
                11829,
                2
            ),
            (
                4,
                "#2002",
                "Grzegorz",
                "Brzęczyszczykiewicz",
                "Gdańsk",
                OrderStatus::Open,
                12900,
                1
            ),
            (
                5,
                "#2003",
                "Jędrzej",
                "Śliwiński",
                "Poznań",
                OrderStatus::Paid,
                124900,
                1
            ),
        ]
    );
    let first = &got[0].1;
    assert_eq!(
        (first.subtotal_minor, first.shipping_minor, first.tax_minor),
        (10530, 1299, 2212)
    );
    assert_eq!(
        first.lines,
        vec![
            line("SW-ROZ", "Świeca sojowa", "Różana", 2, 3990),
            line("POD-GES", "Podstawka gęś", "", 1, 2550),
        ]
    );
    assert_eq!(first.gift_message, "Zażółć gęślą jaźń");
    assert_eq!(first.ship_to.line1, "ul. Piękna 12");
    let second = &got[1].1;
    assert_eq!(
        second.placed_at,
        utc("2024-03-07T18:02:00Z"),
        "Excel's date without offset reads as UTC"
    );
    assert_eq!(second.customer_note, "Proszę o fakturę, NIP 123-456-78-90");
    assert_eq!(
        second.lines,
        vec![line("KOS-M", "Koszulka lniana", "M / Źródlana", 1, 12900)]
    );
    assert_eq!(
        second.ship_to.city, "Gdańsk",
        "no shipping address: ship to the billing one"
    );
    assert_eq!(
        got[2].1.lines[0].unit_price_minor, 124900,
        "'1 249,00' with a thousands space"
    );
}

#[test]
fn bad_rows_are_reported_with_row_and_column_and_their_orders_skipped() {
    let (_, drained) = read_fixture("shopify-orders-bad-rows.csv");
    let got: Vec<_> = orders(&drained.records)
        .into_iter()
        .map(|(row, o)| (row, o.number, o.lines.len(), o.total_minor))
        .collect();
    assert_eq!(
        got,
        vec![
            (2, "#3001".to_string(), 1, 1000),
            (4, "#3003".to_string(), 2, 3000),
            (9, "#3006".to_string(), 1, 500),
        ]
    );
    let error = |row: u64, column: &str, reason: &str| RowError {
        row,
        column: Some(column.into()),
        reason: reason.into(),
    };
    assert_eq!(
        drained.errors,
        vec![
            error(3, "Created at", "'2024-13-45 10:00:00 +0200' is not a date"),
            error(6, "Total", "'ten zloty' is not an amount"),
            error(
                8,
                "Lineitem quantity",
                "the quantity is 0; it must be at least 1"
            ),
        ]
    );
}
