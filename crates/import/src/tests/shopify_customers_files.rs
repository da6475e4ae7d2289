//! Shopify customers exports in `tests/fixtures/import/`, both header
//! generations, read through `open()`.

use crate::formats::open::fixture::read_fixture;
use crate::{CustomerRecord, Format, Located, Record};
use courtesy_core::PostalAddress;

fn customers(records: &[Located<Record>]) -> Vec<(u64, CustomerRecord)> {
    records
        .iter()
        .filter_map(|r| match &r.value {
            Record::Customer(c) => Some((r.row, c.clone())),
            Record::Order(_) => None,
        })
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn shipping(address: PostalAddress) -> Vec<(String, PostalAddress)> {
    vec![("shipping".to_string(), address)]
}

#[test]
fn russian_excel_tab_text_in_cp1251_with_the_old_header() {
    let (description, drained) = read_fixture("shopify-customers-cp1251.csv");
    assert_eq!(description.format, Format::ShopifyCustomers);
    assert_eq!(
        (
            description.encoding,
            description.delimiter,
            description.decimal
        ),
        ("windows-1251", '\t', ',')
    );
    assert!(
        drained.errors.is_empty(),
        "no row errors: {:?}",
        drained.errors
    );
    let want = vec![
        (
            2,
            CustomerRecord {
                source: "shopify".into(),
                first_name: "Иван".into(),
                last_name: "Петров".into(),
                company: "ООО «Ромашка»".into(),
                email: Some("ivan.petrov@example.ru".into()),
                phones: strings(&["+7 912 345-67-89"]),
                country: Some("RU".into()),
                addresses: shipping(PostalAddress {
                    name: "Иван Петров".into(),
                    company: "ООО «Ромашка»".into(),
                    line1: "ул. Тверская, д. 7".into(),
                    line2: "кв. 12".into(),
                    postal_code: "125009".into(),
                    city: "Москва".into(),
                    region: "MOW".into(),
                    country: "RU".into(),
                }),
                tags: strings(&["VIP", "оптовик"]),
                note: "Звонить после 18:00".into(),
                email_consent: Some(true),
                ..Default::default()
            },
        ),
        (
            3,
            CustomerRecord {
                source: "shopify".into(),
                first_name: "Анна".into(),
                last_name: "Смирнова".into(),
                email: Some("anna.smirnova@example.ru".into()),
                country: Some("RU".into()),
                addresses: shipping(PostalAddress {
                    name: "Анна Смирнова".into(),
                    line1: "Невский пр., 28".into(),
                    postal_code: "190000".into(),
                    city: "Санкт-Петербург".into(),
                    country: "RU".into(),
                    ..Default::default()
                }),
                email_consent: Some(false),
                ..Default::default()
            },
        ),
        (
            4,
            CustomerRecord {
                source: "shopify".into(),
                first_name: "Ольга".into(),
                last_name: "Кузнецова-Щербакова".into(),
                phones: strings(&["+7 (495) 123-45-67"]),
                ..Default::default()
            },
        ),
    ];
    assert_eq!(customers(&drained.records), want);
}

#[test]
fn utf8_bom_and_crlf_with_the_new_header() {
    let (description, drained) = read_fixture("shopify-customers-bom-crlf.csv");
    assert_eq!(description.format, Format::ShopifyCustomers);
    assert_eq!(
        (
            description.encoding,
            description.delimiter,
            description.decimal
        ),
        ("UTF-8", ',', '.')
    );
    assert_eq!(
        description.columns[0], "Customer ID",
        "the BOM is not part of the first column"
    );
    assert!(
        drained.errors.is_empty(),
        "no row errors: {:?}",
        drained.errors
    );
    let want = vec![
        (
            2,
            CustomerRecord {
                source: "shopify".into(),
                external_id: Some("7001234567890".into()),
                first_name: "Zofia".into(),
                last_name: "Kowalska".into(),
                email: Some("zofia.kowalska@example.pl".into()),
                phones: strings(&["+48 600 700 800"]),
                country: Some("PL".into()),
                addresses: shipping(PostalAddress {
                    name: "Zofia Kowalska".into(),
                    line1: "ul. Marszałkowska 84/92".into(),
                    postal_code: "00-514".into(),
                    city: "Warszawa".into(),
                    country: "PL".into(),
                    ..Default::default()
                }),
                tags: strings(&["vip", "newsletter"]),
                note: "Prefers, of course, lavender".into(),
                email_consent: Some(true),
                sms_consent: Some(false),
                ..Default::default()
            },
        ),
        (
            3,
            CustomerRecord {
                source: "shopify".into(),
                external_id: Some("7001234567891".into()),
                first_name: "Matti".into(),
                last_name: "Virtanen".into(),
                company: "Järvenpään Kynttilä Oy".into(),
                email: Some("matti.virtanen@example.fi".into()),
                phones: strings(&["+358 40 123 4567"]),
                country: Some("FI".into()),
                addresses: shipping(PostalAddress {
                    name: "Matti Virtanen".into(),
                    company: "Järvenpään Kynttilä Oy".into(),
                    line1: "Sibeliuksenkatu 11".into(),
                    postal_code: "04400".into(),
                    city: "Järvenpää".into(),
                    country: "FI".into(),
                    ..Default::default()
                }),
                email_consent: Some(false),
                sms_consent: Some(true),
                ..Default::default()
            },
        ),
        (
            4,
            CustomerRecord {
                source: "shopify".into(),
                external_id: Some("7001234567892".into()),
                first_name: "Jürgen".into(),
                last_name: "Weiß".into(),
                email: Some("j.weiss@example.de".into()),
                country: Some("DE".into()),
                addresses: shipping(PostalAddress {
                    name: "Jürgen Weiß".into(),
                    line1: "Große Straße 3".into(),
                    postal_code: "80331".into(),
                    city: "München".into(),
                    region: "BY".into(),
                    country: "DE".into(),
                    ..Default::default()
                }),
                tags: strings(&["wholesale"]),
                note: "Line one\r\nline two".into(),
                email_consent: Some(false),
                sms_consent: Some(false),
                ..Default::default()
            },
        ),
        (
            // Jürgen's note spans lines 4 and 5.
            6,
            CustomerRecord {
                source: "shopify".into(),
                external_id: Some("7001234567893".into()),
                email: Some("newsletter-only@example.com".into()),
                email_consent: Some(true),
                sms_consent: Some(false),
                ..Default::default()
            },
        ),
    ];
    assert_eq!(customers(&drained.records), want);
}
