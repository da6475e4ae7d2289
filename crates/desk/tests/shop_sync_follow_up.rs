//! A Shopify shop synced twice through the desk, from a fake Admin API on
//! 127.0.0.1: the first sync (bulk exports) brings two paid orders, which get
//! their gifts planned; then the shop cancels one, fulfils and delivers the
//! other and takes a new one. The second sync asks only for what changed
//! since the watermark, and afterwards the cancelled order's gift plan is
//! released and it has no call, the delivered order has its thank-you call
//! queued, and the new order is in with its gift.
//!
//! And the token the shop was connected with: in the keychain (keyring-core's
//! mock store) and in the header sent to the shop, and nowhere else — not in
//! the database file or its WAL, the audit log, error messages, or anything
//! the UI is sent (settings, connections, runs, progress, test answers).

#![recursion_limit = "256"]

use chrono::{DateTime, Duration, TimeZone, Utc};
use courtesy_core::{FixedClock, ShopAuth, ShopKind};
use courtesy_desk::{Desk, SyncDoor};
use courtesy_import::Flow;
use courtesy_store::testing::{database_holds, on_postgres, raw_connection, scratch_database};
use courtesy_store::{AuditSource, NewConnection, RunStatus, Store};
use courtesy_sync::{Credentials, Keychain, Policy};
use courtesy_tests::{first_orders_get_a_gift, tester};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn money(amount: &str) -> Value {
    json!({"shopMoney": {"amount": amount, "currencyCode": "EUR"}})
}

fn customer(i: u32) -> Value {
    json!({"id": format!("gid://shopify/Customer/{}", 700 + i), "firstName": format!("Aino{i}"),
        "lastName": "Virtanen", "locale": "fi", "tags": [], "note": null,
        "createdAt": "2026-10-01T08:00:00Z", "updatedAt": "2026-10-01T08:00:00Z",
        "defaultEmailAddress": {"emailAddress": format!("aino{i}@example.fi"), "marketingState": "SUBSCRIBED"},
        "defaultPhoneNumber": {"phoneNumber": format!("+35840123456{i}"), "smsMarketingConsent": {"state": "SUBSCRIBED"}},
        "defaultAddress": null})
}

/// Order `i` of customer `i`, placed two days before `now`.
fn order(i: u32, now: DateTime<Utc>) -> Value {
    let placed = (now - Duration::days(2)).to_rfc3339();
    json!({"id": format!("gid://shopify/Order/{}", 9000 + i), "name": format!("#{}", 1000 + i),
        "createdAt": placed, "updatedAt": placed, "processedAt": placed, "cancelledAt": null,
        "displayFinancialStatus": "PAID", "displayFulfillmentStatus": "UNFULFILLED",
        "currencyCode": "EUR", "email": format!("aino{i}@example.fi"), "phone": null,
        "note": null, "tags": [], "customerLocale": "fi", "discountCodes": [], "customAttributes": [],
        "subtotalPriceSet": money("40.00"), "totalShippingPriceSet": money("5.00"),
        "totalDiscountsSet": money("0.00"), "totalTaxSet": money("0.00"),
        "totalPriceSet": money("45.00"), "totalRefundedSet": money("0.00"),
        "shippingLine": {"title": "Posti"}, "shippingAddress": null, "billingAddress": null,
        "customer": customer(i), "fulfillments": [],
        "lineItems": {"pageInfo": {"hasNextPage": false, "endCursor": null},
            "nodes": [{"id": format!("gid://shopify/LineItem/{i}"), "sku": "CANDLE", "name": "Candle",
                "title": "Candle", "variantTitle": null, "quantity": 1, "currentQuantity": 1,
                "originalUnitPriceSet": money("40.00"), "variant": {"sku": "CANDLE"}}]}})
}

/// The shop as the fake serves it: its orders, and the GraphQL bodies received.
#[derive(Default)]
struct Shop {
    orders: Vec<Value>,
    bodies: Vec<String>,
}

fn graphql(shop: &Arc<Mutex<Shop>>, uri: &str, req: &Request) -> ResponseTemplate {
    let body = String::from_utf8_lossy(&req.body).to_string();
    let mut shop = shop.lock().unwrap();
    shop.bodies.push(body.clone());
    let data = if body.contains("query Shop") {
        json!({"shop": {"name": "Kynttilä", "currencyCode": "EUR", "myshopifyDomain": "k.myshopify.com"},
            "currentAppInstallation": {"accessScopes": [{"handle": "read_orders"}, {"handle": "read_all_orders"}, {"handle": "read_customers"}]}})
    } else if body.contains("bulkOperationRunQuery") {
        let id = if body.contains("orders(sortKey") {
            2
        } else {
            1
        };
        json!({"bulkOperationRunQuery": {"bulkOperation": {"id": format!("gid://shopify/BulkOperation/{id}"),
            "status": "CREATED", "createdAt": "2026-12-04T10:00:00Z"}, "userErrors": []}})
    } else if body.contains("node(id") {
        let orders = body.contains("BulkOperation/2");
        let roots = if orders { shop.orders.len() } else { 0 };
        json!({"node": {"id": "x", "status": "COMPLETED", "errorCode": null,
            "objectCount": roots.to_string(), "rootObjectCount": roots.to_string(),
            "url": orders.then(|| format!("{uri}/bulk/orders.jsonl")), "partialDataUrl": null,
            "createdAt": "2026-12-04T10:00:00Z", "completedAt": "2026-12-04T10:00:01Z"}})
    } else if body.contains("query Orders") {
        json!({"orders": {"pageInfo": {"hasNextPage": false, "endCursor": null}, "nodes": shop.orders}})
    } else if body.contains("query Customers") {
        json!({"customers": {"pageInfo": {"hasNextPage": false, "endCursor": null}, "nodes": []}})
    } else {
        return ResponseTemplate::new(400);
    };
    ResponseTemplate::new(200).set_body_json(json!({"data": data, "extensions": {"cost": {
        "requestedQueryCost": 10, "actualQueryCost": 5,
        "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 1990.0, "restoreRate": 100.0}}}}))
}

/// The bulk file: each order, then its line items as rows under `__parentId`.
fn bulk_file(shop: &Arc<Mutex<Shop>>) -> ResponseTemplate {
    let mut text = String::new();
    for o in &shop.lock().unwrap().orders {
        let mut root = o.clone();
        let lines = root.as_object_mut().unwrap().remove("lineItems").unwrap();
        text += &format!("{root}\n");
        for mut l in lines["nodes"].as_array().unwrap().clone() {
            l["__parentId"] = o["id"].clone();
            text += &format!("{l}\n");
        }
    }
    ResponseTemplate::new(200).set_body_string(text)
}

/// A fake Admin API on 127.0.0.1 holding `orders`.
fn serve(rt: &tokio::runtime::Runtime, orders: Vec<Value>) -> (MockServer, Arc<Mutex<Shop>>) {
    let server = rt.block_on(MockServer::start());
    let shop = Arc::new(Mutex::new(Shop {
        orders,
        bodies: Vec::new(),
    }));
    let (s1, s2, uri) = (shop.clone(), shop.clone(), server.uri());
    rt.block_on(async {
        Mock::given(wiremock::matchers::path("/admin/api/2026-10/graphql.json"))
            .respond_with(move |r: &Request| graphql(&s1, &uri, r))
            .mount(&server)
            .await;
        Mock::given(wiremock::matchers::path("/bulk/orders.jsonl"))
            .respond_with(move |_: &Request| bulk_file(&s2))
            .mount(&server)
            .await;
    });
    (server, shop)
}

fn count(store_path: &std::path::Path, sql: &str) -> i64 {
    raw_connection(store_path)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn the_next_sync_reads_only_changes_and_the_calls_and_gifts_follow_them() {
    let now = Utc.with_ymd_and_hms(2026, 12, 4, 10, 0, 0).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (server, shop) = serve(&rt, vec![order(1, now), order(2, now)]);
    let uri = server.uri();

    let dir = tempfile::tempdir().unwrap();
    let db = scratch_database(dir.path(), "courtesy.sqlite");
    let store = Store::open(&db).unwrap();
    first_orders_get_a_gift(&store, "EUR");
    store
        .add_shop_connection(
            &NewConnection {
                name: "Kynttilä".into(),
                kind: ShopKind::Shopify,
                base_url: uri.clone(),
                auth: ShopAuth::Token,
            },
            &tester(),
        )
        .unwrap();
    let keychain = Keychain::none("none in tests");
    let env = |n: &str| (n == "COURTESY_SHOPIFY_TOKEN").then(|| "shpat_test".to_string());
    let door = SyncDoor {
        keychain: &keychain,
        env: &env,
        policy: Policy {
            poll_every: std::time::Duration::from_millis(10),
            ..Policy::default()
        },
    };
    let clock = FixedClock(now);
    let desk = Desk::new(&store, &clock, AuditSource::Cli);
    let first = desk
        .sync("Kynttilä", false, &door, &mut |_| Flow::Continue)
        .unwrap();
    assert_eq!(first.run.status, RunStatus::Finished, "{:?}", first.run);
    assert_eq!(first.run.counts.orders_new, 2);
    assert_eq!(first.gifts.orders, 2, "both first orders get their gift");
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM gift_plans WHERE status = 'planned'"
        ),
        2
    );

    // Meanwhile at the shop: #1001 cancelled, #1002 fulfilled and delivered
    // yesterday (after the call policy's two days it is due), #1003 new.
    let later = now + Duration::days(3);
    {
        let mut s = shop.lock().unwrap();
        let changed = (later - Duration::hours(1)).to_rfc3339();
        let mut cancelled = order(1, now);
        cancelled["cancelledAt"] = changed.clone().into();
        cancelled["displayFinancialStatus"] = "REFUNDED".into();
        cancelled["totalRefundedSet"] = money("45.00");
        cancelled["updatedAt"] = changed.clone().into();
        let mut delivered = order(2, now);
        let sent = (now - Duration::days(1)).to_rfc3339();
        let arrived = (later - Duration::days(2)).to_rfc3339();
        delivered["displayFulfillmentStatus"] = "FULFILLED".into();
        delivered["updatedAt"] = changed.clone().into();
        delivered["fulfillments"] = json!([{"status": "SUCCESS", "displayStatus": "DELIVERED",
            "createdAt": sent, "updatedAt": arrived, "inTransitAt": sent, "deliveredAt": arrived,
            "estimatedDeliveryAt": null, "trackingInfo": [{"company": "Posti", "number": "JJFI6400"}]}]);
        let fresh = order(3, later - Duration::days(1));
        s.orders = vec![cancelled, delivered, fresh];
        s.bodies.clear();
    }
    let clock = FixedClock(later);
    let desk = Desk::new(&store, &clock, AuditSource::Cli);
    let second = desk
        .sync("Kynttilä", false, &door, &mut |_| Flow::Continue)
        .unwrap();
    assert_eq!(second.run.status, RunStatus::Finished, "{:?}", second.run);
    assert_eq!(
        (
            second.run.counts.orders_new,
            second.run.counts.orders_updated
        ),
        (1, 2),
        "{:?}",
        second.run.counts
    );
    let bodies = shop.lock().unwrap().bodies.clone();
    assert!(
        !bodies.iter().any(|b| b.contains("bulkOperationRunQuery")),
        "no export of the whole shop the second time"
    );
    let since = "updated_at:>='2026-12-04T09:55:00Z'";
    assert!(
        bodies
            .iter()
            .any(|b| b.contains("query Orders") && b.contains(since)),
        "changes since the watermark less five minutes: {bodies:?}"
    );

    let of = |number: &str, sql: &str| {
        count(
            &db,
            &sql.replace(
                "{o}",
                &format!("(SELECT id FROM orders WHERE number = '{number}')"),
            ),
        )
    };
    assert_eq!(
        of(
            "#1001",
            "SELECT count(*) FROM gift_plans WHERE order_id = {o} AND status = 'released'"
        ),
        1
    );
    assert_eq!(
        of(
            "#1001",
            "SELECT count(*) FROM calls WHERE order_id = {o} AND status = 'open'"
        ),
        0
    );
    assert_eq!(
        of("#1002", "SELECT count(*) FROM orders WHERE id = {o} AND delivered_at IS NOT NULL AND tracking_number = 'JJFI6400'"),
        1
    );
    assert_eq!(
        of(
            "#1002",
            "SELECT count(*) FROM calls WHERE order_id = {o} AND status = 'open'"
        ),
        1,
        "the delivered order's thank-you call is queued"
    );
    assert_eq!(
        of(
            "#1003",
            "SELECT count(*) FROM gift_plans WHERE order_id = {o} AND status = 'planned'"
        ),
        1
    );
    assert!(second.calls.created >= 1);
}

/// Everything a test may look for a secret in: each text, with what it is.
struct Exposure(Vec<(String, String)>);

impl Exposure {
    fn add(&mut self, what: &str, text: impl Into<String>) {
        self.0.push((what.to_string(), text.into()));
    }

    fn json(&mut self, what: &str, value: &impl serde::Serialize) {
        self.add(what, serde_json::to_string(value).unwrap());
    }

    fn assert_nowhere(&self, secret: &str) {
        for (what, text) in &self.0 {
            assert!(!text.contains(secret), "the token is in {what}: {text}");
        }
    }
}

#[test]
fn a_token_lives_in_the_keychain_only_never_in_the_database_logs_or_what_the_ui_is_sent() {
    const TOKEN: &str = "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";
    let now = Utc.with_ymd_and_hms(2026, 12, 4, 10, 0, 0).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (server, shop) = serve(&rt, vec![order(1, now), order(2, now)]);
    let uri = server.uri();
    let dir = tempfile::tempdir().unwrap();
    let db = scratch_database(dir.path(), "courtesy.sqlite");
    let store = Store::open(&db).unwrap();
    let clock = FixedClock(now);
    let desk = Desk::new(&store, &clock, AuditSource::Ui);
    let keychain = Keychain::with_store(keyring_core::mock::Store::new().unwrap());
    let env = |_: &str| None;
    let door = SyncDoor {
        keychain: &keychain,
        env: &env,
        policy: Policy {
            poll_every: std::time::Duration::from_millis(10),
            attempts: 1,
            ..Policy::default()
        },
    };
    let mut seen = Exposure(Vec::new());

    // Added, tested and synced with the token from the keychain.
    let added = desk
        .add_shop(
            "Kynttilä",
            ShopKind::Shopify,
            &uri,
            &Credentials::Token {
                token: TOKEN.into(),
            },
            &keychain,
        )
        .unwrap();
    assert_eq!(
        keychain.load(&added.shop).unwrap(),
        Some(Credentials::Token {
            token: TOKEN.into()
        }),
        "the keychain holds it"
    );
    seen.add("the added connection", format!("{:?}", added.shop));
    seen.json(
        "the test's answer",
        &desk.test_shop("Kynttilä", &door).unwrap(),
    );
    let mut progress = Vec::new();
    let done = desk
        .sync("Kynttilä", false, &door, &mut |p| {
            progress.push(serde_json::to_string(p).unwrap());
            Flow::Continue
        })
        .unwrap();
    assert_eq!(done.run.counts.orders_new, 2, "{:?}", done.run);
    seen.json("the sync's outcome", &done);
    seen.add("the sync's progress", progress.join("\n"));

    // Then the shop revokes the token: the refusals, as the UI and the log get them.
    rt.block_on(async {
        Mock::given(wiremock::matchers::any())
            .respond_with(ResponseTemplate::new(401).set_body_json(json!({
                "errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"})))
            .with_priority(1)
            .mount(&server)
            .await;
    });
    let refused = desk.test_shop("Kynttilä", &door).unwrap_err();
    let failed = desk
        .sync("Kynttilä", false, &door, &mut |_| Flow::Continue)
        .unwrap_err();
    for (what, e) in [("the refused test", &refused), ("the failed sync", &failed)] {
        assert_eq!(e.code(), courtesy_core::ErrorCode::ShopUnauthorized, "{e}");
        seen.add(what, format!("{e} {e:?} {:?}", e.params()));
    }

    // What the UI is sent besides: settings, connections, runs; and the audit log.
    seen.json("the settings", &store.settings().unwrap());
    let shops = store.shop_connections().unwrap();
    seen.json("the connections", &shops);
    seen.json("the runs", &store.sync_runs(shops[0].id, 10).unwrap());
    let audit: Vec<String> = raw_connection(&db)
        .unwrap()
        .prepare("SELECT entity || ' ' || action || ' ' || detail FROM audit_log")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!audit.is_empty());
    seen.add("the audit log", audit.join("\n"));
    seen.add(
        "the requests' bodies",
        shop.lock().unwrap().bodies.join("\n"),
    );
    if on_postgres() {
        // A server's files are not ours to read: every row of every table.
        assert!(
            !database_holds(&db, TOKEN).unwrap(),
            "the token is in the database"
        );
    } else {
        for file in ["courtesy.sqlite", "courtesy.sqlite-wal"] {
            let path = dir.path().join(file);
            if let Ok(bytes) = std::fs::read(&path) {
                seen.add(file, String::from_utf8_lossy(&bytes));
            }
        }
        assert!(
            seen.0.iter().any(|(what, _)| what == "courtesy.sqlite-wal"),
            "the WAL is read while the store is open"
        );
    }
    seen.assert_nowhere(TOKEN);

    // It did travel to the shop, in the header Shopify reads it from.
    let sent = rt.block_on(server.received_requests()).unwrap();
    assert!(sent.iter().all(|r| r
        .headers
        .get("x-shopify-access-token")
        .is_none_or(|h| h == TOKEN)));
    assert!(sent
        .iter()
        .any(|r| r.headers.get("x-shopify-access-token").is_some()));
    drop(store);
}
