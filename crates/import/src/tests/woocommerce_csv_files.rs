//! The "Advanced Order Export For WooCommerce" plugin's CSV in
//! `tests/fixtures/import/`, read through `open()`: what is sniffed, every
//! order exactly as it comes out, and files without a currency.

use crate::formats::open::fixture;
use crate::formats::open::fixture::{address, currency, drain, orders, read_fixture, utc};
use crate::{open, CustomerRecord, Format, LineRecord, OrderRecord, RowError, SourceId};
use courtesy_core::{OrderStatus, PostalAddress};
use std::io::Cursor;

fn line(sku: &str, name: &str, quantity: i64, unit_price_minor: i64) -> LineRecord {
    fixture::line(sku, name, "", quantity, unit_price_minor)
}

fn buyer(
    first: &str,
    last: &str,
    email: &str,
    phone: &str,
    country: &str,
    addresses: &[(&str, &PostalAddress)],
) -> CustomerRecord {
    CustomerRecord {
        source: "woocommerce".into(),
        first_name: first.into(),
        last_name: last.into(),
        email: Some(email.into()),
        phones: vec![phone.into()],
        country: Some(country.into()),
        addresses: addresses
            .iter()
            .map(|(kind, a)| (kind.to_string(), (*a).clone()))
            .collect(),
        ..Default::default()
    }
}

fn order(number: &str, status: OrderStatus, placed_at: &str, code: &str) -> OrderRecord {
    OrderRecord {
        source: "woocommerce".into(),
        external_id: SourceId::Missing,
        number: format!("#{number}"),
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

#[test]
fn the_plugins_export_is_sniffed_as_utf8_with_bom_comma_dot() {
    let (description, drained) = read_fixture("woocommerce-orders-export.csv");
    assert_eq!(description.format, Format::WooCommerceOrdersCsv);
    assert_eq!(
        (
            description.encoding,
            description.delimiter,
            description.decimal
        ),
        ("UTF-8", ',', '.')
    );
    assert_eq!(description.columns.len(), 38);
    assert_eq!(
        description.columns[0], "Order Number",
        "the BOM is not in the name"
    );
    assert!(drained.errors.is_empty(), "no errors: {:?}", drained.errors);
}

#[test]
fn product_rows_group_into_orders_with_every_field() {
    let (_, drained) = read_fixture("woocommerce-orders-export.csv");
    let poznan = address(
        "Jędrzej Śliwiński",
        "os. Stare Żegrze 7, m. 12",
        "61-249",
        "Poznań",
        "PL",
    );
    let jyvaskyla_billing = PostalAddress {
        company: "Järvisen Kynttilä Oy".into(),
        ..address(
            "Päivi Järvinen",
            "Väinönkatu 26 A 4",
            "40100",
            "Jyväskylä",
            "FI",
        )
    };
    let jyvaskyla = address("Päivi Järvinen", "Kauppakatu 3", "40100", "Jyväskylä", "FI");
    let london = address(
        "Oliver Brown",
        "221B Baker Street",
        "NW1 6XE",
        "London",
        "GB",
    );
    let want = vec![
        (
            2,
            OrderRecord {
                buyer: buyer(
                    "Jędrzej",
                    "Śliwiński",
                    "jedrzej@example.pl",
                    "+48 501 501 501",
                    "PL",
                    &[("billing", &poznan), ("shipping", &poznan)],
                ),
                subtotal_minor: 13980,
                shipping_minor: 1499,
                discount_minor: 1398,
                total_minor: 14081,
                shipping_method: "InPost Paczkomat 24/7".into(),
                ship_to: poznan.clone(),
                discount_codes: "maj10".into(),
                shipment: Default::default(),
                lines: vec![
                    line("SW-ROZ", "Świeca sojowa - Różana", 2, 3990),
                    line("LAMP-M", "Lampion mosiężny", 1, 6000),
                ],
                ..order(
                    "1301",
                    OrderStatus::Fulfilled,
                    "2024-04-02T10:15:00Z",
                    "PLN",
                )
            },
        ),
        (
            4,
            OrderRecord {
                buyer: CustomerRecord {
                    company: "Järvisen Kynttilä Oy".into(),
                    ..buyer(
                        "Päivi",
                        "Järvinen",
                        "paivi.jarvinen@example.fi",
                        "+358 40 765 4321",
                        "FI",
                        &[("billing", &jyvaskyla_billing), ("shipping", &jyvaskyla)],
                    )
                },
                subtotal_minor: 2450,
                shipping_minor: 790,
                total_minor: 3240,
                shipping_method: "Posti SmartPOST".into(),
                ship_to: jyvaskyla.clone(),
                lines: vec![line("CAND-PS", "Pine candle", 1, 2450)],
                ..order("1302", OrderStatus::Paid, "2024-04-03T21:40:00Z", "EUR")
            },
        ),
        (
            5,
            OrderRecord {
                buyer: buyer(
                    "Oliver",
                    "Brown",
                    "oliver.brown@example.co.uk",
                    "+44 20 7946 0958",
                    "GB",
                    &[("billing", &london)],
                ),
                subtotal_minor: 4500,
                shipping_minor: 499,
                total_minor: 4999,
                shipping_method: "Royal Mail".into(),
                ship_to: london.clone(),
                customer_note: "Please ring twice.\nThe bell is broken, knock!".into(),
                lines: vec![line("CAND-CL", "Cedar candle", 3, 1500)],
                ..order("1303", OrderStatus::Open, "2024-04-05T08:02:00Z", "GBP")
            },
        ),
    ];
    let got = orders(&drained.records);
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
        "orders and the rows they start on"
    );
    for ((_, got), (_, want)) in got.iter().zip(&want) {
        assert_eq!(got, want, "order {} differs", want.number);
    }
}

#[test]
fn without_a_currency_column_a_sign_in_the_total_names_it_else_the_order_is_an_error() {
    let csv = "Order Number,Order Status,Order Date,Email (Billing),Order Total Amount,Item Name,Quantity,Item Cost\n\
               1,Completed,2024-01-01 10:00,a@example.pl,12.50,Wick,1,12.50\n\
               2,Refunded,2024-01-02 10:00,b@example.pl,€12.50,Wick,2,6.25\n";
    let drained = match open(Cursor::new(csv.as_bytes().to_vec()), None) {
        Ok((importer, d)) => {
            assert_eq!(d.format, Format::WooCommerceOrdersCsv);
            drain(importer)
        }
        Err(e) => panic!("should open: {e}"),
    };
    assert_eq!(
        drained.errors,
        vec![RowError {
            row: 2,
            column: Some("Currency".into()),
            reason: "the export has no Currency column and the total no currency sign; add the Currency field to the export, or import it with a column mapping".into(),
        }]
    );
    let got: Vec<_> = orders(&drained.records)
        .into_iter()
        .map(|(row, o)| (row, o.number, o.currency, o.status, o.total_minor, o.lines))
        .collect();
    assert_eq!(
        got,
        vec![(
            3,
            "#2".to_string(),
            currency("EUR"),
            OrderStatus::Refunded,
            1250,
            vec![line("", "Wick", 2, 625)],
        )],
        "the older `Quantity` header is read too"
    );
}
