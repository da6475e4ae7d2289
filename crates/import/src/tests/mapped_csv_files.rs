//! CSVs of other shop systems in `tests/fixtures/import/`, read through
//! `open_mapped()` with a column mapping: what is sniffed, every record as it
//! comes out, and mappings that do not fit.

use crate::formats::open::fixture;
use crate::formats::open::fixture::{bytes, drain, orders, path, utc, Drained};
use crate::{
    open, open_mapped, ColumnMapping, CustomerRecord, FileError, Format, LineRecord, MappedKind,
    OrderRecord, Record, RowError, SourceDescription, SourceId,
};
use courtesy_core::{Currency, OrderStatus, PostalAddress};
use std::io::Cursor;

fn mapping(kind: MappedKind, pairs: &[(&str, &str)], currency: Option<&str>) -> ColumnMapping {
    ColumnMapping {
        kind,
        fields: pairs
            .iter()
            .map(|(field, header)| (field.to_string(), header.to_string()))
            .collect(),
        currency: currency.map(Into::into),
    }
}

const GERMAN_ORDERS: [(&str, &str); 17] = [
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

fn read_mapped(name: &str, mapping: &ColumnMapping) -> (SourceDescription, Drained) {
    let file = std::fs::File::open(path(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    match open_mapped(file, mapping) {
        Ok((importer, description)) => (description, drain(importer)),
        Err(e) => panic!("{name} should open: {e}"),
    }
}

fn line(sku: &str, name: &str, quantity: i64, unit_price_minor: i64) -> LineRecord {
    fixture::line(sku, name, "", quantity, unit_price_minor)
}

fn eur() -> Currency {
    Currency::parse("EUR").unwrap_or_else(|e| panic!("{e}"))
}

fn order(number: &str, status: OrderStatus, placed_at: &str) -> OrderRecord {
    OrderRecord {
        source: "csv".into(),
        external_id: SourceId::Missing,
        number: number.into(),
        buyer: CustomerRecord::default(),
        status,
        placed_at: utc(placed_at),
        paid_at: None,
        fulfilled_at: None,
        delivered_at: None,
        currency: eur(),
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

fn person(first: &str, last: &str, email: Option<&str>, phones: &[&str]) -> CustomerRecord {
    CustomerRecord {
        source: "csv".into(),
        first_name: first.into(),
        last_name: last.into(),
        email: email.map(Into::into),
        phones: phones.iter().map(|p| p.to_string()).collect(),
        ..Default::default()
    }
}

#[test]
fn a_german_order_export_reads_through_its_mapping() {
    let m = mapping(MappedKind::Orders, &GERMAN_ORDERS, Some("eur"));
    let (description, drained) = read_mapped("mapped-orders.csv", &m);
    assert_eq!(description.format, Format::MappedCsv);
    assert_eq!(
        (
            description.encoding,
            description.delimiter,
            description.decimal
        ),
        ("UTF-8", ';', ',')
    );
    let munich = PostalAddress {
        name: "Jürgen Weiß".into(),
        line1: "Große Straße 3".into(),
        postal_code: "80331".into(),
        city: "München".into(),
        country: "DE".into(),
        ..Default::default()
    };
    let dusseldorf = PostalAddress {
        name: "Anna Müller-Lüdenscheidt".into(),
        line1: "Königsallee 12".into(),
        postal_code: "40212".into(),
        city: "Düsseldorf".into(),
        country: "DE".into(),
        ..Default::default()
    };
    let want = vec![
        (
            2,
            OrderRecord {
                buyer: CustomerRecord {
                    country: Some("DE".into()),
                    addresses: vec![("shipping".into(), munich.clone())],
                    ..person(
                        "Jürgen",
                        "Weiß",
                        Some("j.weiss@example.de"),
                        &["+49 89 123456"],
                    )
                },
                subtotal_minor: 2930,
                shipping_minor: 490,
                total_minor: 3420,
                ship_to: munich,
                lines: vec![
                    line("K-LAV", "Kerze Lavendel", 2, 1290),
                    line("STR-1", "Streichhölzer", 1, 350),
                ],
                ..order("10023", OrderStatus::Paid, "2024-03-05T14:30:00Z")
            },
        ),
        (
            4,
            OrderRecord {
                buyer: CustomerRecord {
                    country: Some("DE".into()),
                    addresses: vec![("shipping".into(), dusseldorf.clone())],
                    ..person(
                        "Anna",
                        "Müller-Lüdenscheidt",
                        Some("anna.mueller@example.de"),
                        &[],
                    )
                },
                subtotal_minor: 124900,
                total_minor: 124900,
                ship_to: dusseldorf,
                lines: vec![line("LAMPE", "Messinglampe, handgemacht", 1, 124900)],
                ..order("10024", OrderStatus::Fulfilled, "2024-03-06T09:05:00Z")
            },
        ),
        (
            5,
            OrderRecord {
                buyer: person("Zoë", "Faßbender", None, &["0171 2345678"]),
                subtotal_minor: 2997,
                shipping_minor: 490,
                total_minor: 3487,
                lines: vec![line("K-ZED", "Kerze Zeder", 3, 999)],
                ..order("10025", OrderStatus::Cancelled, "2024-03-07T00:00:00Z")
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
    assert_eq!(
        drained.errors,
        vec![RowError {
            row: 6,
            column: Some("Datum".into()),
            reason: "'32.13.2024' is not a date".into(),
        }],
        "the error names the file's column, not the field"
    );
}

#[test]
fn without_the_mappings_currency_an_order_without_one_is_an_error() {
    let m = mapping(MappedKind::Orders, &GERMAN_ORDERS, None);
    let (_, drained) = read_mapped("mapped-orders.csv", &m);
    let numbers: Vec<_> = orders(&drained.records)
        .into_iter()
        .map(|(_, o)| o.number)
        .collect();
    assert_eq!(numbers, vec!["10023", "10024"]);
    assert_eq!(
        drained.errors.first(),
        Some(&RowError {
            row: 5,
            column: Some("Währung".into()),
            reason: "the order has no currency; map a currency column or give the mapping one"
                .into(),
        })
    );
}

#[test]
fn without_line_fields_orders_have_no_lines_and_rows_still_group() {
    let fields: Vec<_> = GERMAN_ORDERS
        .iter()
        .copied()
        .filter(|(field, _)| !field.starts_with("line_"))
        .collect();
    let m = mapping(MappedKind::Orders, &fields, Some("EUR"));
    let (_, drained) = read_mapped("mapped-orders.csv", &m);
    let got: Vec<_> = orders(&drained.records)
        .into_iter()
        .map(|(row, o)| {
            (
                row,
                o.number,
                o.lines.len(),
                o.subtotal_minor,
                o.total_minor,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (2, "10023".to_string(), 0, 0, 3420),
            (4, "10024".to_string(), 0, 0, 124900),
            (5, "10025".to_string(), 0, 0, 3487),
        ]
    );
}

#[test]
fn a_newsletter_contact_list_reads_as_customers() {
    let m = mapping(
        MappedKind::Customers,
        &[
            ("full_name", "Imię i nazwisko"),
            ("email", "E-mail"),
            ("phone", "Telefon"),
            ("address1", "Ulica"),
            ("postal_code", "Kod pocztowy"),
            ("city", "Miasto"),
            ("country", "Kraj"),
            ("email_consent", "Zgoda marketingowa"),
            ("tags", "Tagi"),
            ("created_at", "Data rejestracji"),
            ("note", "Uwagi"),
        ],
        None,
    );
    let (description, drained) = read_mapped("mapped-customers.csv", &m);
    assert_eq!(
        (description.delimiter, description.format),
        (',', Format::MappedCsv)
    );
    let got: Vec<(u64, CustomerRecord)> = drained
        .records
        .iter()
        .filter_map(|r| match &r.value {
            Record::Customer(c) => Some((r.row, c.clone())),
            Record::Order(_) => None,
        })
        .collect();
    let place = |name: &str, city: &str, country: &str| PostalAddress {
        name: name.into(),
        city: city.into(),
        country: country.into(),
        ..Default::default()
    };
    let want = vec![
        (
            2,
            CustomerRecord {
                country: Some("PL".into()),
                addresses: vec![(
                    "shipping".into(),
                    PostalAddress {
                        line1: "ul. Marszałkowska 84/92".into(),
                        postal_code: "00-514".into(),
                        ..place("Zofia Kowalska", "Warszawa", "PL")
                    },
                )],
                tags: vec!["vip".into(), "newsletter".into()],
                email_consent: Some(true),
                created_at: Some(utc("2023-11-02T00:00:00Z")),
                ..person(
                    "Zofia",
                    "Kowalska",
                    Some("zofia.kowalska@example.pl"),
                    &["+48 600 700 800"],
                )
            },
        ),
        (
            3,
            CustomerRecord {
                note: "Woli kontakt mailowy".into(),
                email_consent: Some(false),
                created_at: Some(utc("2024-01-15T18:20:00Z")),
                ..person(
                    "Anna Maria",
                    "Nowak-Jeziorańska",
                    Some("anna.mj@example.pl"),
                    &[],
                )
            },
        ),
        (
            4,
            CustomerRecord {
                country: Some("RU".into()),
                addresses: vec![("shipping".into(), place("Олег Смирнов", "Москва", "RU"))],
                email_consent: Some(true),
                created_at: Some(utc("2024-02-03T10:20:00Z")),
                ..person("Олег", "Смирнов", None, &["+7 912 345-67-89"])
            },
        ),
        (
            6,
            CustomerRecord {
                country: Some("FI".into()),
                addresses: vec![(
                    "shipping".into(),
                    place("Päivi Järvinen", "Jyväskylä", "FI"),
                )],
                tags: vec!["hurt".into()],
                email_consent: Some(true),
                created_at: Some(utc("2024-02-29T00:00:00Z")),
                ..person("Päivi", "Järvinen", Some("paivi.jarvinen@example.fi"), &[])
            },
        ),
    ];
    assert_eq!(got, want);
    assert_eq!(
        drained.errors,
        vec![RowError {
            row: 5,
            column: None,
            reason: "the row has no name, e-mail or phone".into(),
        }]
    );
}

fn mapped_refusal(data: Vec<u8>, mapping: &ColumnMapping) -> FileError {
    match open_mapped(Cursor::new(data), mapping) {
        Ok((_, d)) => panic!("should be refused, but opened as {d:?}"),
        Err(e) => e,
    }
}

#[test]
fn a_mapping_that_does_not_fit_the_file_is_refused_whole() {
    let m = mapping(MappedKind::Orders, &GERMAN_ORDERS, None);
    let err = mapped_refusal(bytes("shopify-orders.csv"), &m);
    assert_eq!(err.code(), "import.missing_columns");
    assert!(
        err.to_string()
            .starts_with("the file has no Bestellnummer, Datum, Status,"),
        "{err}"
    );
    let incomplete = mapping(
        MappedKind::Orders,
        &[("order_number", "Bestellnummer")],
        None,
    );
    assert_eq!(
        mapped_refusal(bytes("mapped-orders.csv"), &incomplete).to_string(),
        "the column mapping does not say which column holds: placed_at, total"
    );
    let bad_currency = mapping(MappedKind::Orders, &GERMAN_ORDERS, Some("€"));
    assert_eq!(
        mapped_refusal(bytes("mapped-orders.csv"), &bad_currency).code(),
        "import.mapping_incomplete"
    );
    assert_eq!(
        mapped_refusal(
            bytes("header-only.csv"),
            &mapping(MappedKind::Customers, &[("email", "Email")], None)
        )
        .code(),
        "import.no_rows"
    );
    assert_eq!(
        mapped_refusal(Vec::new(), &m).code(),
        "import.empty",
        "sniffing refuses what it refuses for known exports"
    );
}

#[test]
fn a_mapped_csv_picked_without_a_mapping_asks_for_one() {
    let err = open(
        Cursor::new(bytes("mapped-orders.csv")),
        Some(Format::MappedCsv),
    )
    .err();
    assert_eq!(err.map(|e| e.code().as_str()), Some("import.needs_mapping"));
}
