//! `courtesy shop add` and `courtesy sync` against a fake WooCommerce on
//! 127.0.0.1, on a computer without a keychain: the connection is kept
//! without its secrets and says so, a sync takes them from the environment
//! for one run, and they appear in no output and not in the database.

use courtesy_store::testing::{database_holds, raw_connection, scratch_database};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SECRET: &str = "cs_5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e";

fn fixture(name: &str) -> Vec<Value> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/import")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
}

fn courtesy(db: &Path, args: &[&str], secrets: bool) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_courtesy"));
    cmd.arg("--db").arg(db).args(args);
    cmd.env("COURTESY_NO_KEYCHAIN", "1");
    cmd.env_remove("COURTESY_WC_KEY")
        .env_remove("COURTESY_WC_SECRET");
    if secrets {
        cmd.env("COURTESY_WC_KEY", "ck_1234")
            .env("COURTESY_WC_SECRET", SECRET);
    }
    cmd.output().expect("the courtesy binary runs")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn page(list: &[Value]) -> ResponseTemplate {
    ResponseTemplate::new(200)
        .insert_header("X-WP-Total", list.len().to_string().as_str())
        .insert_header("X-WP-TotalPages", "1")
        .set_body_json(list)
}

#[test]
fn a_shop_added_without_a_keychain_syncs_with_secrets_from_the_environment() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(MockServer::start());
    let orders = fixture("woocommerce-orders.json");
    let customers = fixture("woocommerce-customers.json");
    rt.block_on(async {
        Mock::given(method("GET"))
            .and(path("/shop/wp-json/wc/v3/customers"))
            .respond_with(page(&customers))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/shop/wp-json/wc/v3/orders"))
            .respond_with(page(&orders))
            .mount(&server)
            .await;
    });
    let dir = tempfile::tempdir().unwrap();
    let db = scratch_database(dir.path(), "courtesy.sqlite");
    let site = format!("{}/shop/wp-json/", server.uri());

    let added = courtesy(
        &db,
        &["shop", "add", "woocommerce", "Candles", "--url", &site],
        true,
    );
    assert!(added.status.success(), "{}", text(&added));
    assert!(
        text(&added).contains("Its secrets were not kept"),
        "{}",
        text(&added)
    );
    assert!(text(&added).contains("COURTESY_WC_KEY and COURTESY_WC_SECRET"));

    let refused = courtesy(&db, &["sync", "Candles", "--quiet"], false);
    assert!(!refused.status.success());
    assert!(
        text(&refused).contains("[shop.no_secret]"),
        "{}",
        text(&refused)
    );

    let synced = courtesy(&db, &["sync", "--quiet"], true);
    assert!(synced.status.success(), "{}", text(&synced));
    let out = text(&synced);
    assert!(
        out.contains(&format!("orders:    {} new", orders.len())),
        "{out}"
    );
    assert!(out.contains("2 requests"), "{out}");

    let again = courtesy(&db, &["sync", "Candles", "--quiet"], true);
    assert!(
        text(&again).contains(&format!("{} unchanged", orders.len())),
        "{}",
        text(&again)
    );

    let listed = courtesy(&db, &["shop", "list"], false);
    assert!(
        text(&listed).contains("Candles\twoocommerce"),
        "{}",
        text(&listed)
    );

    for out in [&added, &refused, &synced, &again, &listed] {
        assert!(!text(out).contains(SECRET));
    }
    assert!(!database_holds(&db, SECRET).unwrap());
    let removed = courtesy(&db, &["shop", "remove", "Candles"], false);
    assert!(removed.status.success(), "{}", text(&removed));
    let orders_left: i64 = raw_connection(&db)
        .unwrap()
        .query_row("SELECT count(*) FROM orders", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        orders_left,
        orders.len() as i64,
        "a removed shop's orders stay"
    );
}

#[test]
fn a_shopify_shop_is_added_by_its_domain_and_a_bare_store_name_becomes_its_myshopify_address() {
    let dir = tempfile::tempdir().unwrap();
    let db = scratch_database(dir.path(), "courtesy.sqlite");
    let token = "shpat_d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0";
    let add = |name: &str, how: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_courtesy"));
        cmd.arg("--db")
            .arg(&db)
            .args(["shop", "add", "shopify", name]);
        cmd.args(how)
            .env("COURTESY_NO_KEYCHAIN", "1")
            .env("COURTESY_SHOPIFY_TOKEN", token);
        cmd.output().expect("the courtesy binary runs")
    };
    let by_name = add("Candles", &["--domain", "candles"]);
    assert!(by_name.status.success(), "{}", text(&by_name));
    let by_domain = add("Soaps", &["--domain", "soaps.myshopify.com"]);
    assert!(by_domain.status.success(), "{}", text(&by_domain));
    let neither = add("Teas", &[]);
    assert!(!neither.status.success());
    assert!(text(&neither).contains("--domain"), "{}", text(&neither));

    let list = courtesy(&db, &["shop", "list"], false);
    let listed = text(&list);
    assert!(listed.contains("https://candles.myshopify.com"), "{listed}");
    assert!(listed.contains("https://soaps.myshopify.com"), "{listed}");
    assert!(!listed.contains("Teas"), "{listed}");
    for out in [&by_name, &by_domain, &list] {
        assert!(!text(out).contains(token));
    }
}
