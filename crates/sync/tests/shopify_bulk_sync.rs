//! A Shopify shop's first sync from a fake Admin API on 127.0.0.1 that
//! answers as Shopify's GraphQL does: the shop, a bulk export of customers
//! and one of orders (created, running, completed), their JSONL with line
//! items as rows of their own under `__parentId`, costs and a `THROTTLED`
//! answer on the way.

use chrono::{TimeZone, Utc};
use courtesy_core::{shop_address, FixedClock, Region, ShopAuth, ShopKind};
use courtesy_import::Flow;
use courtesy_store::testing::{database_holds, raw_connection, scratch_database};
use courtesy_store::{Actor, AuditSource, NewConnection, RunStatus, Store, SyncRecords};
use courtesy_sync::{sync_shop, Keychain, Policy, SyncSetting};
use serde_json::{json, Value};
use std::time::Duration;
use wiremock::matchers::{body_string_contains, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const GRAPHQL: &str = "/admin/api/2026-10/graphql.json";
const TOKEN: &str = "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";

fn cost(available: f64) -> Value {
    json!({"cost": {"requestedQueryCost": 10, "actualQueryCost": 10,
        "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": available, "restoreRate": 100.0}}})
}

fn answer(data: Value, available: f64) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"data": data, "extensions": cost(available)}))
}

fn money(amount: &str) -> Value {
    json!({"shopMoney": {"amount": amount, "currencyCode": "EUR"}})
}

fn customer(i: u32) -> Value {
    json!({"id": format!("gid://shopify/Customer/{}", 700 + i), "firstName": format!("Aino{i}"),
        "lastName": "Virtanen", "locale": "fi", "tags": [], "note": null,
        "createdAt": "2026-10-01T08:00:00Z", "updatedAt": "2026-10-01T08:00:00Z",
        "defaultEmailAddress": {"emailAddress": format!("aino{i}@example.fi"), "marketingState": "SUBSCRIBED"},
        "defaultPhoneNumber": null, "defaultAddress": null})
}

fn order(i: u32) -> Value {
    let c = customer(i % 3);
    json!({"id": format!("gid://shopify/Order/{}", 9000 + i), "name": format!("#{}", 1000 + i),
        "createdAt": "2026-11-20T10:00:00Z", "updatedAt": "2026-11-21T10:00:00Z",
        "processedAt": "2026-11-20T10:00:00Z", "cancelledAt": null,
        "displayFinancialStatus": "PAID", "displayFulfillmentStatus": "UNFULFILLED",
        "currencyCode": "EUR", "email": c["defaultEmailAddress"]["emailAddress"], "phone": null,
        "note": null, "tags": [], "customerLocale": "fi", "discountCodes": [],
        "customAttributes": [{"key": "Gift message", "value": "Hyvää joulua"}],
        "subtotalPriceSet": money("40.00"), "totalShippingPriceSet": money("5.00"),
        "totalDiscountsSet": money("0.00"), "totalTaxSet": money("0.00"),
        "totalPriceSet": money("45.00"), "totalRefundedSet": money("0.00"),
        "shippingLine": {"title": "Posti"}, "shippingAddress": null, "billingAddress": null,
        "customer": c, "fulfillments": []})
}

fn line(order: u32, n: u32) -> Value {
    json!({"id": format!("gid://shopify/LineItem/{}", order * 10 + n), "sku": format!("SKU-{n}"),
        "name": format!("Candle {n}"), "title": format!("Candle {n}"), "variantTitle": null,
        "quantity": 2, "currentQuantity": 2, "originalUnitPriceSet": money("10.00"),
        "variant": {"sku": format!("SKU-{n}")},
        "__parentId": format!("gid://shopify/Order/{}", 9000 + order)})
}

fn jsonl(rows: &[Value]) -> String {
    rows.iter().map(|r| format!("{r}\n")).collect()
}

fn bulk_node(id: &str, status: &str, url: Option<String>, roots: u32) -> Value {
    json!({"node": {"id": id, "status": status, "errorCode": null, "objectCount": roots.to_string(),
        "rootObjectCount": roots.to_string(), "url": url, "partialDataUrl": null,
        "createdAt": "2026-12-04T10:00:00Z", "completedAt": null}})
}

#[test]
fn a_first_sync_runs_two_bulk_exports_and_streams_their_lines_into_orders() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(MockServer::start());
    let customers: Vec<Value> = (0..3).map(customer).collect();
    let mut order_rows = Vec::new();
    for i in 0..5 {
        order_rows.push(order(i));
        order_rows.push(line(i, 1));
        order_rows.push(line(i, 2));
    }
    let uri = server.uri();
    rt.block_on(async {
        Mock::given(method("POST"))
            .and(path(GRAPHQL))
            .and(body_string_contains("query Shop"))
            .respond_with(answer(
                json!({"shop": {"name": "Kynttilä Oy", "currencyCode": "EUR", "myshopifyDomain": "kynttila.myshopify.com"},
                       "currentAppInstallation": {"accessScopes": [{"handle": "read_orders"}, {"handle": "read_all_orders"}, {"handle": "read_customers"}]}}),
                1990.0,
            ))
            .mount(&server)
            .await;
        // The orders' export is first refused as throttled, with the bucket empty.
        Mock::given(method("POST"))
            .and(path(GRAPHQL))
            .and(body_string_contains("bulkOperationRunQuery"))
            .and(body_string_contains("orders(sortKey"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED"}}],
                "extensions": cost(0.0)})))
            .up_to_n_times(1)
            .with_priority(1)
            .mount(&server)
            .await;
        for (what, id) in [("customers(sortKey", "1"), ("orders(sortKey", "2")] {
            Mock::given(method("POST"))
                .and(path(GRAPHQL))
                .and(body_string_contains("bulkOperationRunQuery"))
                .and(body_string_contains(what))
                .respond_with(answer(
                    json!({"bulkOperationRunQuery": {"bulkOperation": {"id": format!("gid://shopify/BulkOperation/{id}"),
                        "status": "CREATED", "createdAt": "2026-12-04T10:00:00Z"}, "userErrors": []}}),
                    1980.0,
                ))
                .with_priority(2)
                .mount(&server)
                .await;
            let gid = format!("gid://shopify/BulkOperation/{id}");
            Mock::given(method("POST"))
                .and(path(GRAPHQL))
                .and(body_string_contains("node(id"))
                .and(body_string_contains(gid.as_str()))
                .respond_with(answer(bulk_node(&gid, "RUNNING", None, 0), 1990.0))
                .up_to_n_times(1)
                .with_priority(1)
                .mount(&server)
                .await;
            let roots = if id == "1" { 3 } else { 5 };
            Mock::given(method("POST"))
                .and(path(GRAPHQL))
                .and(body_string_contains("node(id"))
                .and(body_string_contains(gid.as_str()))
                .respond_with(answer(
                    bulk_node(&gid, "COMPLETED", Some(format!("{uri}/bulk/{id}.jsonl")), roots),
                    1990.0,
                ))
                .with_priority(2)
                .mount(&server)
                .await;
        }
        Mock::given(method("GET"))
            .and(path("/bulk/1.jsonl"))
            .respond_with(ResponseTemplate::new(200).set_body_string(jsonl(&customers)))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/bulk/2.jsonl"))
            .respond_with(ResponseTemplate::new(200).set_body_string(jsonl(&order_rows)))
            .mount(&server)
            .await;
    });

    let dir = tempfile::tempdir().unwrap();
    let db = scratch_database(dir.path(), "courtesy.sqlite");
    let store = Store::open(&db).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 4, 10, 0, 0).unwrap();
    let clock = FixedClock(now);
    let actor = Actor::new("tester".to_string(), AuditSource::Cli, now);
    let shop = store
        .add_shop_connection(
            &NewConnection {
                name: "Kynttilä".into(),
                kind: ShopKind::Shopify,
                base_url: shop_address(ShopKind::Shopify, &uri).unwrap(),
                auth: ShopAuth::Token,
            },
            &actor,
        )
        .unwrap();
    // No keychain: the token comes from the environment for this run.
    let keychain = Keychain::none("none in tests");
    let env = |name: &str| (name == "COURTESY_SHOPIFY_TOKEN").then(|| TOKEN.to_string());
    let setting = SyncSetting {
        store: &store,
        clock: &clock,
        keychain: &keychain,
        env: &env,
        policy: Policy {
            connect_timeout: Duration::from_secs(2),
            read_timeout: Duration::from_secs(2),
            attempts: 3,
            backoff_base: Duration::from_millis(10),
            backoff_cap: Duration::from_millis(50),
            throttled_attempts: 3,
            longest_wait: Duration::from_secs(5),
            poll_every: Duration::from_millis(20),
            bulk_deadline: Duration::from_secs(10),
        },
        operator: "tester".into(),
        region: Region::parse("FI").unwrap(),
    };
    let run = sync_shop(&setting, "Kynttilä", false, &mut |_| Flow::Continue).unwrap();
    assert_eq!(run.status, RunStatus::Finished, "{run:?}");
    assert_eq!(run.counts.orders_new, 5, "{run:?}");
    assert_eq!(run.counts.customers_new, 3, "{run:?}");

    let requests = rt.block_on(server.received_requests()).unwrap();
    // Shop, export 1 (start, running, completed, file), export 2 (throttled,
    // start, running, completed, file).
    assert_eq!(
        requests.len(),
        10,
        "{:?}",
        requests
            .iter()
            .map(|r| r.url.path().to_string())
            .collect::<Vec<_>>()
    );
    assert_eq!(run.requests, requests.len() as i64);
    for r in requests.iter().filter(|r| r.url.path() == GRAPHQL) {
        assert_eq!(
            r.headers
                .get("x-shopify-access-token")
                .map(|v| v.to_str().unwrap()),
            Some(TOKEN)
        );
    }
    // After the THROTTLED answer with an empty bucket, the next request waited
    // until the restore rate had refilled what the export costs.
    assert!(run.waited_ms >= 50, "waited {} ms", run.waited_ms);

    let conn = raw_connection(&db).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM orders"), 5);
    assert_eq!(count("SELECT count(*) FROM order_lines"), 10);
    assert_eq!(
        count("SELECT count(*) FROM order_lines WHERE sku = 'SKU-2' AND quantity = 2"),
        5
    );
    assert_eq!(count("SELECT count(*) FROM customers"), 3);
    assert_eq!(
        count("SELECT count(*) FROM orders WHERE total_minor = 4500 AND currency = 'EUR'"),
        5
    );
    for records in [SyncRecords::Customers, SyncRecords::Orders] {
        let mark = store.sync_mark(shop.id, records).unwrap();
        assert_eq!(mark.watermark, Some(now));
        assert_eq!(mark.resume, "");
    }
    // The token is in neither the database nor its WAL.
    assert!(!database_holds(&db, TOKEN).unwrap());
}

#[test]
fn a_revoked_token_stops_at_the_first_request_with_what_shopify_said_and_no_token() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(method("POST"))
            .and(path(GRAPHQL))
            .respond_with(ResponseTemplate::new(401).set_body_json(json!({
                "errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"})))
            .mount(&server),
    );
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&scratch_database(dir.path(), "courtesy.sqlite")).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 4, 10, 0, 0).unwrap();
    let actor = Actor::new("tester".to_string(), AuditSource::Cli, now);
    let new = NewConnection {
        name: "Revoked".into(),
        kind: ShopKind::Shopify,
        base_url: shop_address(ShopKind::Shopify, &server.uri()).unwrap(),
        auth: ShopAuth::Token,
    };
    store.add_shop_connection(&new, &actor).unwrap();
    let keychain = Keychain::none("none in tests");
    let env = |name: &str| (name == "COURTESY_SHOPIFY_TOKEN").then(|| TOKEN.to_string());
    let setting = SyncSetting {
        store: &store,
        clock: &FixedClock(now),
        keychain: &keychain,
        env: &env,
        policy: Policy::default(),
        operator: "tester".into(),
        region: Region::parse("FI").unwrap(),
    };
    let err = sync_shop(&setting, "Revoked", false, &mut |_| Flow::Continue).unwrap_err();
    assert_eq!(err.code().as_str(), "shop.unauthorized", "{err}");
    assert!(
        err.to_string().contains("Invalid API key or access token"),
        "{err}"
    );
    assert!(!err.to_string().contains(TOKEN));
    assert_eq!(rt.block_on(server.received_requests()).unwrap().len(), 1);
    let run = store
        .shop_connection_named("Revoked")
        .unwrap()
        .last_sync
        .unwrap();
    assert_eq!(run.status, RunStatus::Failed);
    let failure = run.failure.unwrap();
    assert!(!failure.message.contains(TOKEN));
    assert!(failure.params.values().all(|v| !v.contains(TOKEN)));
}
