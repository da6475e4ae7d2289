//! Shared fixtures of the integration tests: a small hand-made shop whose every
//! value is known, and helpers to make temporary database files.

use chrono::{DateTime, TimeZone, Utc};
use courtesy_core::gifts::{CardOccasion, GiftPolicy, GiftRule, GiftRuleKind};
use courtesy_core::{Currency, Language, Money, OrderStatus, PostalAddress, Region};
use courtesy_store::{
    Actor, AuditSource, GiftInput, NewAddress, NewConsent, NewCustomer, NewOrder, NewOrderLine,
    NewPhone, NewProduct, Store,
};
use std::path::PathBuf;

/// A file of `tests/fixtures/import`.
pub fn import_fixture(name: &str) -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/import")
        .join(name)
}

/// A fixed point in time for fixtures.
pub fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 10, 0, 0)
        .single()
        .expect("valid fixture date")
}

/// The actor the tests write as, writing now.
pub fn tester() -> Actor {
    Actor::new("tester", AuditSource::Cli, Utc::now())
}

/// The text of a PDF laid out as on the page, read back with poppler's
/// `pdftotext -layout`.
pub fn pdf_layout_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("read-back.pdf");
    std::fs::write(&path, pdf).expect("PDF written");
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", path.to_str().expect("UTF-8 path"), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("pdftotext writes UTF-8")
}

/// A gift (ten tea samplers) for every first order, with a welcome card.
pub fn first_orders_get_a_gift(store: &Store, currency: &str) {
    let gift = store
        .add_gift(
            &GiftInput {
                name: "Tea sampler".into(),
                sku: Some("GIFT-TEA".into()),
                unit_cost_minor: 500,
                currency: currency.into(),
                stock: 10,
                low_stock_at: 1,
                active: true,
            },
            &tester(),
        )
        .unwrap();
    let policy = GiftPolicy {
        rules: vec![GiftRule {
            id: 1,
            name: "welcome".into(),
            enabled: true,
            kind: GiftRuleKind::FirstOrder,
            gifts: vec![gift.id],
            card: Some(CardOccasion::Welcome),
            also_later_rules: false,
        }],
        ..GiftPolicy::default()
    };
    store.save_gift_policy(&policy, &tester()).unwrap();
}

/// A temporary folder and a database in it (kept alive by the folder), or on
/// the test server when the run uses PostgreSQL.
pub fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = courtesy_store::testing::scratch_database(dir.path(), "courtesy.sqlite");
    (dir, path)
}

fn customer(
    ext: &str,
    first: &str,
    middle: &str,
    last: &str,
    email: Option<&str>,
    phone: Option<(&str, &str)>,
    country: &str,
) -> NewCustomer {
    NewCustomer {
        source: "demo".into(),
        external_id: Some(ext.into()),
        first_name: first.into(),
        middle_name: middle.into(),
        last_name: last.into(),
        company: String::new(),
        email: email.map(str::to_string),
        phones: phone
            .map(|(raw, region)| {
                vec![NewPhone::from_raw(
                    raw,
                    Region::parse(region).expect("region"),
                    "mobile",
                )]
            })
            .unwrap_or_default(),
        language: Some(Language::for_country(country)),
        country: Some(country.into()),
        birthday: None,
        notes: String::new(),
        tags: vec![],
        consents: vec![NewConsent {
            channel: "email".into(),
            granted: true,
            at: at(2025, 1, 5),
            source: "checkout".into(),
        }],
        do_not_call: false,
        addresses: vec![NewAddress::new(
            "shipping",
            PostalAddress {
                name: format!("{first} {last}"),
                line1: "ul. Długa 5/3".into(),
                postal_code: "00-950".into(),
                city: "Warszawa".into(),
                country: country.into(),
                ..Default::default()
            },
        )],
        created_at: at(2025, 1, 5),
    }
}

/// Four customers (PL, PL, RU, FI), three products and three orders.
pub fn small_shop() -> (Vec<NewProduct>, Vec<NewCustomer>, Vec<NewOrder>) {
    let products = vec![
        NewProduct {
            sku: "TEA-EARL-100".into(),
            name: "Earl Grey 100 g".into(),
            bin_location: "A-01-2".into(),
            weight_grams: Some(120),
        },
        NewProduct {
            sku: "CANDLE-FIG".into(),
            name: "Fig candle".into(),
            bin_location: "B-04-1".into(),
            weight_grams: Some(300),
        },
        NewProduct {
            sku: "MUG-STONE".into(),
            name: "Stoneware mug".into(),
            bin_location: "C-02-3".into(),
            weight_grams: Some(450),
        },
    ];
    let customers = vec![
        customer(
            "C1",
            "Łukasz",
            "",
            "Wójcik",
            Some("lukasz.wojcik@wp.pl"),
            Some(("601 234 567", "PL")),
            "PL",
        ),
        customer(
            "C2",
            "Żaneta",
            "",
            "Grzegorzewska",
            Some("zaneta.g@onet.pl"),
            Some(("+48 512-345-678", "PL")),
            "PL",
        ),
        customer(
            "C3",
            "Ольга",
            "Петровна",
            "Смирнова",
            Some("olga.smirnova@yandex.ru"),
            Some(("8 (912) 345-67-89", "RU")),
            "RU",
        ),
        customer(
            "C4",
            "Väinö",
            "",
            "Äijälä",
            None,
            Some(("040 123 4567", "FI")),
            "FI",
        ),
    ];
    let pln = Currency::parse("PLN").expect("PLN");
    let eur = Currency::parse("EUR").expect("EUR");
    let order = |ext: &str,
                 number: &str,
                 cust: &str,
                 cur: Currency,
                 status: OrderStatus,
                 placed: DateTime<Utc>,
                 lines: Vec<NewOrderLine>| {
        let subtotal: i64 = lines.iter().map(|l| l.unit_price_minor * l.quantity).sum();
        NewOrder {
            source: "demo".into(),
            external_id: Some(ext.into()),
            customer_external_id: Some(cust.into()),
            number: number.into(),
            status,
            placed_at: placed,
            paid_at: Some(placed),
            fulfilled_at: None,
            delivered_at: None,
            subtotal: Money::new(subtotal, cur),
            shipping: Money::new(1500, cur),
            discount: Money::new(0, cur),
            tax: Money::new(0, cur),
            total: Money::new(subtotal + 1500, cur),
            refunded: Money::new(0, cur),
            shipping_method: "InPost Paczkomat".into(),
            ship_to: PostalAddress {
                city: "Kraków".into(),
                country: "PL".into(),
                ..Default::default()
            },
            customer_note: String::new(),
            gift_message: String::new(),
            discount_codes: String::new(),
            shipment: Default::default(),
            lines,
        }
    };
    let line = |sku: &str, name: &str, q: i64, p: i64| NewOrderLine {
        sku: sku.into(),
        name: name.into(),
        variant: String::new(),
        quantity: q,
        unit_price_minor: p,
    };
    let orders = vec![
        order(
            "O1",
            "#1001",
            "C1",
            pln,
            OrderStatus::Delivered,
            at(2025, 3, 1),
            vec![
                line("TEA-EARL-100", "Earl Grey 100 g", 2, 2450),
                line("MUG-STONE", "Stoneware mug", 1, 5900),
            ],
        ),
        order(
            "O2",
            "#1002",
            "C1",
            pln,
            OrderStatus::Paid,
            at(2025, 6, 1),
            vec![line("CANDLE-FIG", "Fig candle", 1, 8900)],
        ),
        order(
            "O3",
            "#1003",
            "C3",
            eur,
            OrderStatus::Cancelled,
            at(2025, 6, 2),
            vec![line("CANDLE-FIG", "Fig candle", 3, 2100)],
        ),
    ];
    (products, customers, orders)
}

/// A fresh database file holding [`small_shop`].
pub fn small_shop_db() -> (tempfile::TempDir, Store) {
    let (dir, path) = temp_db();
    let store = Store::open(&path).expect("open new database");
    let (p, c, o) = small_shop();
    store
        .load_shop(&p, &c, &o, &tester())
        .expect("load the small shop");
    (dir, store)
}

/// A shop's database on the test server set up as the README's "Several
/// desks" says: a database owned by an owner role that creates the schema, and
/// a desk role with data rights only (URLs with their passwords).
pub struct ReadmeRoles {
    /// The owner's URL.
    pub owner: PathBuf,
    /// The desk role's URL.
    pub desk: PathBuf,
}

/// `server` with another user, password and database.
pub fn server_as(server: &str, user: &str, password: &str, database: &str) -> PathBuf {
    let mut url = url::Url::parse(server).expect("a server URL");
    url.set_username(user).expect("a user");
    url.set_password(Some(password)).expect("a password");
    url.set_path(&format!("/{database}"));
    PathBuf::from(url.to_string())
}

/// Creates the two roles and the database on the test server at `server`
/// (as its superuser), with the README's grants; the schema is not made yet.
pub fn readme_roles(server: &str) -> ReadmeRoles {
    use courtesy_store::testing::raw_connection;
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = format!(
        "{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let (owner, desk, db) = (
        format!("owner_{n}"),
        format!("desk_{n}"),
        format!("shop_{n}"),
    );
    let admin = raw_connection(&PathBuf::from(server)).expect("the test server");
    for sql in [
        format!("CREATE ROLE {owner} LOGIN PASSWORD 'owner-pw'"),
        format!("CREATE ROLE {desk} LOGIN PASSWORD 'desk-pw'"),
        format!("CREATE DATABASE {db} OWNER {owner}"),
    ] {
        admin.execute_batch(&sql).expect("roles and database made");
    }
    let superuser = url::Url::parse(server).expect("a server URL");
    let in_shop = raw_connection(&server_as(
        server,
        superuser.username(),
        superuser.password().unwrap_or_default(),
        &db,
    ))
    .expect("the shop's database");
    in_shop
        .execute_batch(&format!(
            "GRANT USAGE ON SCHEMA public TO {desk};
             ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public
               GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {desk};
             ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public
               GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {desk};"
        ))
        .expect("the README's grants");
    ReadmeRoles {
        owner: server_as(server, &owner, "owner-pw", &db),
        desk: server_as(server, &desk, "desk-pw", &db),
    }
}
