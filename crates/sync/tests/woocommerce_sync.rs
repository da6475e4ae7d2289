//! A WooCommerce shop synced from a fake server on 127.0.0.1 that answers as
//! WooCommerce REST v3 does: two pages of orders, one registered customer
//! page, a 429 with `Retry-After` and a 500 on the way; then a sync of what
//! changed since the watermark.

use chrono::{TimeZone, Utc};
use courtesy_core::{shop_address, FixedClock, Region, ShopAuth, ShopKind};
use courtesy_import::Flow;
use courtesy_store::testing::{database_holds, raw_connection, scratch_database};
use courtesy_store::{Actor, AuditSource, NewConnection, RunStatus, Store, SyncRecords};
use courtesy_sync::{sync_shop, Credentials, Keychain, Policy, SyncSetting};
use serde_json::Value;
use std::time::Duration;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/import");

fn fixture(name: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(format!("{FIXTURES}/{name}")).expect("fixture");
    serde_json::from_str(&text).expect("fixture json")
}

/// `n` orders shaped like the fixture's first, ids from 5001, one buyer each.
fn orders(n: usize) -> Vec<Value> {
    let template = fixture("woocommerce-orders.json").remove(0);
    (0..n)
        .map(|i| {
            let mut o = template.clone();
            let id = 5001 + i as i64;
            o["id"] = id.into();
            o["number"] = id.to_string().into();
            o["customer_id"] = 0.into();
            o["status"] = "processing".into();
            o["billing"]["email"] = format!("buyer{i}@example.com").into();
            o["billing"]["first_name"] = format!("Buyer{i}").into();
            o
        })
        .collect()
}

fn page(list: &[Value], total: usize, pages: usize) -> ResponseTemplate {
    ResponseTemplate::new(200)
        .insert_header("X-WP-Total", total.to_string().as_str())
        .insert_header("X-WP-TotalPages", pages.to_string().as_str())
        .set_body_json(list)
}

fn policy() -> Policy {
    Policy {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_secs(2),
        attempts: 3,
        backoff_base: Duration::from_millis(10),
        backoff_cap: Duration::from_millis(50),
        throttled_attempts: 3,
        longest_wait: Duration::from_secs(5),
        poll_every: Duration::from_millis(10),
        bulk_deadline: Duration::from_secs(10),
    }
}

/// A database in `dir` with a WooCommerce connection `name` to `server`.
fn connect(
    dir: &std::path::Path,
    server: &MockServer,
    name: &str,
    now: chrono::DateTime<Utc>,
) -> (Store, courtesy_store::ShopConnection) {
    let store = Store::open(&scratch_database(dir, "courtesy.sqlite")).unwrap();
    let actor = Actor::new("tester".to_string(), AuditSource::Cli, now);
    let new = NewConnection {
        name: name.into(),
        kind: ShopKind::Woocommerce,
        base_url: shop_address(ShopKind::Woocommerce, &server.uri()).unwrap(),
        auth: ShopAuth::KeySecret,
    };
    let shop = store.add_shop_connection(&new, &actor).unwrap();
    (store, shop)
}

fn setting<'a>(
    store: &'a Store,
    clock: &'a FixedClock,
    keychain: &'a Keychain,
    env: &'a dyn Fn(&str) -> Option<String>,
    policy: Policy,
) -> SyncSetting<'a> {
    SyncSetting {
        store,
        clock,
        keychain,
        env,
        policy,
        operator: "tester".into(),
        region: Region::parse("PL").unwrap(),
    }
}

fn sent(requests: &[Request], p: &str) -> Vec<Request> {
    requests
        .iter()
        .filter(|r| r.url.path() == p)
        .cloned()
        .collect()
}

#[test]
fn pages_throttling_and_errors_end_in_every_order_once_and_a_watermark() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(MockServer::start());
    let all = orders(150);
    let customers = fixture("woocommerce-customers.json");
    rt.block_on(async {
        Mock::given(method("GET"))
            .and(path("/wp-json/wc/v3/customers"))
            .respond_with(page(&customers, customers.len(), 1))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/wp-json/wc/v3/orders"))
            .and(query_param("page", "1"))
            .respond_with(page(&all[..100], 150, 2))
            .mount(&server)
            .await;
        // Page two: first "slow down", then a server error, then the page.
        Mock::given(method("GET"))
            .and(path("/wp-json/wc/v3/orders"))
            .and(query_param("page", "2"))
            .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "1"))
            .up_to_n_times(1)
            .with_priority(1)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/wp-json/wc/v3/orders"))
            .and(query_param("page", "2"))
            .respond_with(ResponseTemplate::new(500).set_body_string("<h1>Error</h1>"))
            .up_to_n_times(1)
            .with_priority(2)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/wp-json/wc/v3/orders"))
            .and(query_param("page", "2"))
            .respond_with(page(&all[100..], 150, 2))
            .with_priority(3)
            .mount(&server)
            .await;
    });

    let dir = tempfile::tempdir().unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 4, 10, 0, 0).unwrap();
    let clock = FixedClock(now);
    let (store, shop) = connect(dir.path(), &server, "Candles", now);
    let keychain = Keychain::with_store(keyring_core::mock::Store::new().unwrap());
    let secret = "cs_0123456789abcdef0123456789abcdef01234567";
    keychain
        .save(
            &shop,
            &Credentials::KeySecret {
                key: "ck_fedcba9876543210fedcba9876543210fedcba98".into(),
                secret: secret.into(),
            },
        )
        .unwrap();
    let env = |_: &str| None;
    let setting = setting(&store, &clock, &keychain, &env, policy());
    let mut seen = Vec::new();
    let run = sync_shop(&setting, "Candles", false, &mut |p| {
        seen.push(p.clone());
        Flow::Continue
    })
    .unwrap();

    assert_eq!(run.status, RunStatus::Finished);
    assert_eq!(run.counts.orders_new, 150, "{run:?}");
    assert!(run.counts.customers_new as usize >= customers.len());
    let requests = rt.block_on(server.received_requests()).unwrap();
    let order_requests = sent(&requests, "/wp-json/wc/v3/orders");
    // Page 1, then page 2 three times (429, 500, the page).
    assert_eq!(order_requests.len(), 4);
    assert_eq!(run.requests, requests.len() as i64);
    assert!(run.waited_ms >= 1000, "waited {} ms", run.waited_ms);
    // Every request signed in with Basic auth; no key in any address.
    for r in &requests {
        assert!(r.headers.get("authorization").is_some());
        assert!(!r.url.as_str().contains("cs_"));
    }
    // Each order once, with its lines.
    let conn = raw_connection(store.path()).unwrap();
    let (orders_in, distinct): (i64, i64) = conn
        .query_row(
            "SELECT count(*), count(DISTINCT external_id) FROM orders",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((orders_in, distinct), (150, 150));
    let lines: i64 = conn
        .query_row("SELECT count(*) FROM order_lines", [], |r| r.get(0))
        .unwrap();
    let per_order = all[0]["line_items"].as_array().unwrap().len() as i64;
    assert_eq!(lines, 150 * per_order);
    let mark = store.sync_mark(shop.id, SyncRecords::Orders).unwrap();
    assert_eq!(mark.watermark, Some(now));
    assert!(seen.iter().any(|p| p.total == Some(150)));
    // The secret is nowhere in the database.
    assert!(!database_holds(store.path(), secret).unwrap());

    // The next sync asks only for what changed since the watermark, less the overlap.
    rt.block_on(server.reset());
    let changed = {
        let mut o = all[7].clone();
        o["status"] = "cancelled".into();
        vec![o]
    };
    rt.block_on(async {
        Mock::given(method("GET"))
            .and(path("/wp-json/wc/v3/customers"))
            .respond_with(page(&[], 0, 0))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/wp-json/wc/v3/orders"))
            .and(query_param("modified_after", "2026-12-04T09:55:00"))
            .and(query_param("dates_are_gmt", "true"))
            .respond_with(page(&changed, 1, 1))
            .mount(&server)
            .await;
    });
    let later = FixedClock(now + chrono::Duration::minutes(30));
    let setting = SyncSetting {
        clock: &later,
        ..setting
    };
    let run = sync_shop(&setting, "Candles", false, &mut |_| Flow::Continue).unwrap();
    assert_eq!(run.status, RunStatus::Finished, "{run:?}");
    assert_eq!(run.counts.orders_updated, 1, "{run:?}");
    assert_eq!(run.counts.orders_new, 0);
    let cancelled: i64 = conn
        .query_row(
            "SELECT count(*) FROM orders WHERE status = 'cancelled'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(cancelled, 1);
    let mark = store.sync_mark(shop.id, SyncRecords::Orders).unwrap();
    assert_eq!(mark.watermark, Some(now + chrono::Duration::minutes(30)));
}

#[test]
fn a_stripped_authorization_header_moves_the_keys_into_the_query_and_a_revoked_key_stops_at_once() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(MockServer::start());
    let two = orders(2);
    let cannot_view = ResponseTemplate::new(401).set_body_json(serde_json::json!({
        "code": "woocommerce_rest_cannot_view",
        "message": "Sorry, you cannot list resources.", "data": {"status": 401}}));
    rt.block_on(async {
        for (p, list) in [
            ("/wp-json/wc/v3/customers", vec![]),
            ("/wp-json/wc/v3/orders", two.clone()),
        ] {
            Mock::given(method("GET"))
                .and(path(p))
                .and(query_param("consumer_key", "ck_query"))
                .respond_with(page(&list, list.len(), 1))
                .with_priority(1)
                .mount(&server)
                .await;
            Mock::given(method("GET"))
                .and(path(p))
                .respond_with(cannot_view.clone())
                .with_priority(2)
                .mount(&server)
                .await;
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 4, 10, 0, 0).unwrap();
    let clock = FixedClock(now);
    let (store, shop) = connect(dir.path(), &server, "Stripped", now);
    let keychain = Keychain::none("none in tests");
    let env = |name: &str| match name {
        "COURTESY_WC_KEY" => Some("ck_query".to_string()),
        "COURTESY_WC_SECRET" => Some("cs_query".to_string()),
        _ => None,
    };
    let setting = setting(&store, &clock, &keychain, &env, policy());
    let run = sync_shop(&setting, "Stripped", false, &mut |_| Flow::Continue).unwrap();
    assert_eq!(run.status, RunStatus::Finished, "{run:?}");
    assert_eq!(run.counts.orders_new, 2);
    assert!(store.shop_connection(shop.id).unwrap().keys_in_query);
    let requests = rt.block_on(server.received_requests()).unwrap();
    // Customers: refused with the header, then read with the keys in the
    // query; orders straight away with the keys in the query.
    assert_eq!(requests.len(), 3);
    assert!(requests[2].headers.get("authorization").is_none());

    // The key is revoked: the next sync stops at its first request, says
    // why, and the watermark stays.
    rt.block_on(server.reset());
    rt.block_on(
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(401).set_body_json(serde_json::json!({
                "code": "woocommerce_rest_authentication_error",
                "message": "Consumer key is invalid.", "data": {"status": 401}})))
            .mount(&server),
    );
    let later = FixedClock(now + chrono::Duration::minutes(10));
    let setting = SyncSetting {
        clock: &later,
        ..setting
    };
    let err = sync_shop(&setting, "Stripped", false, &mut |_| Flow::Continue).unwrap_err();
    assert_eq!(err.code().as_str(), "shop.unauthorized");
    assert!(
        err.to_string().contains("Consumer key is invalid."),
        "{err}"
    );
    assert!(!err.to_string().contains("cs_query"));
    assert_eq!(rt.block_on(server.received_requests()).unwrap().len(), 1);
    let last = store.shop_connection(shop.id).unwrap().last_sync.unwrap();
    assert_eq!(last.status, RunStatus::Failed);
    assert_eq!(
        last.failure.map(|f| f.code.as_str().to_string()),
        Some("shop.unauthorized".to_string())
    );
    let mark = store.sync_mark(shop.id, SyncRecords::Orders).unwrap();
    assert_eq!(mark.watermark, Some(now));
}

#[test]
fn a_page_that_does_not_come_in_time_is_asked_again_and_one_that_never_does_stops_the_run() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(MockServer::start());
    let three = orders(3);
    rt.block_on(async {
        Mock::given(method("GET"))
            .and(path("/wp-json/wc/v3/customers"))
            .respond_with(page(&[], 0, 0))
            .mount(&server)
            .await;
        // The first answer comes after the read timeout; the second in time.
        Mock::given(method("GET"))
            .and(path("/wp-json/wc/v3/orders"))
            .respond_with(page(&three, 3, 1).set_delay(Duration::from_millis(1500)))
            .up_to_n_times(1)
            .with_priority(1)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/wp-json/wc/v3/orders"))
            .respond_with(page(&three, 3, 1))
            .with_priority(2)
            .mount(&server)
            .await;
    });
    let dir = tempfile::tempdir().unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 4, 10, 0, 0).unwrap();
    let clock = FixedClock(now);
    let (store, shop) = connect(dir.path(), &server, "Slow", now);
    let keychain = Keychain::none("none in tests");
    let env = |name: &str| name.starts_with("COURTESY_WC_").then(|| "x".to_string());
    let setting = setting(
        &store,
        &clock,
        &keychain,
        &env,
        Policy {
            read_timeout: Duration::from_millis(400),
            ..policy()
        },
    );
    let run = sync_shop(&setting, "Slow", false, &mut |_| Flow::Continue).unwrap();
    assert_eq!(run.status, RunStatus::Finished, "{run:?}");
    assert_eq!(run.counts.orders_new, 3);
    let requests = rt.block_on(server.received_requests()).unwrap();
    assert_eq!(sent(&requests, "/wp-json/wc/v3/orders").len(), 2);

    // Now every answer is late: the run gives up after its attempts, says
    // the shop did not answer, and the watermark stays where it was.
    rt.block_on(server.reset());
    rt.block_on(
        Mock::given(method("GET"))
            .respond_with(page(&[], 0, 0).set_delay(Duration::from_millis(1500)))
            .mount(&server),
    );
    let later = FixedClock(now + chrono::Duration::minutes(10));
    let setting = SyncSetting {
        clock: &later,
        ..setting
    };
    let err = sync_shop(&setting, "Slow", false, &mut |_| Flow::Continue).unwrap_err();
    assert_eq!(err.code().as_str(), "shop.unreachable", "{err}");
    let attempts = rt.block_on(server.received_requests()).unwrap().len();
    assert_eq!(attempts as u32, policy().attempts);
    let mark = store.sync_mark(shop.id, SyncRecords::Orders).unwrap();
    assert_eq!(mark.watermark, Some(now));
}

/// Answers `connections` requests on a raw socket: the first orders page is
/// cut off part way through its body (the length promised, half sent, the
/// connection closed); every later request gets its whole answer.
fn cutting_server(orders: Vec<Value>, connections: usize) -> (String, std::thread::JoinHandle<()>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        let mut cut = false;
        for stream in listener.incoming().take(connections) {
            let mut stream = stream.unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            reader.read_line(&mut request_line).unwrap();
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap() == 0 || header == "\r\n" {
                    break;
                }
            }
            let list: &[Value] = if request_line.contains("/orders") {
                &orders
            } else {
                &[]
            };
            let body = serde_json::to_vec(list).unwrap();
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nX-WP-Total: {}\r\nX-WP-TotalPages: 1\r\nConnection: close\r\n\r\n",
                body.len(),
                list.len()
            );
            stream.write_all(head.as_bytes()).unwrap();
            if request_line.contains("/orders") && !cut {
                cut = true;
                stream.write_all(&body[..body.len() / 2]).unwrap();
            } else {
                stream.write_all(&body).unwrap();
            }
            let _ = stream.flush();
        }
    });
    (address, handle)
}

#[test]
fn a_page_cut_off_in_the_middle_of_its_body_is_asked_again_and_merged_once() {
    let five = orders(5);
    // Customers, the cut orders page, the orders page again.
    let (address, server) = cutting_server(five.clone(), 3);
    let dir = tempfile::tempdir().unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 4, 10, 0, 0).unwrap();
    let clock = FixedClock(now);
    let store = Store::open(&scratch_database(dir.path(), "courtesy.sqlite")).unwrap();
    let actor = Actor::new("tester".to_string(), AuditSource::Cli, now);
    let new = NewConnection {
        name: "Cut".into(),
        kind: ShopKind::Woocommerce,
        base_url: shop_address(ShopKind::Woocommerce, &address).unwrap(),
        auth: ShopAuth::KeySecret,
    };
    store.add_shop_connection(&new, &actor).unwrap();
    let keychain = Keychain::none("none in tests");
    let env = |name: &str| name.starts_with("COURTESY_WC_").then(|| "x".to_string());
    let setting = setting(&store, &clock, &keychain, &env, policy());
    let run = sync_shop(&setting, "Cut", false, &mut |_| Flow::Continue).unwrap();
    server.join().unwrap();
    assert_eq!(run.status, RunStatus::Finished, "{run:?}");
    assert_eq!(run.counts.orders_new, 5);
    assert_eq!(run.requests, 3);
    let conn = raw_connection(store.path()).unwrap();
    let orders_in: i64 = conn
        .query_row("SELECT count(*) FROM orders", [], |r| r.get(0))
        .unwrap();
    assert_eq!(orders_in, 5);
}
