//! The two roles of a shared database, as the README sets them up: an owner
//! who creates and upgrades the schema, and the desks' everyday role with data
//! rights only, which does a day's work and cannot change the schema.
//!
//! Only on a run with a test server (roles are the server's).

use courtesy_store::testing::{raw_connection, test_server};
use courtesy_store::{AttemptInput, Store};
use courtesy_tests::{readme_roles, small_shop, tester};

#[test]
fn the_desks_role_works_the_day_and_only_the_owner_changes_the_schema() {
    let Some(server) = test_server() else { return };
    let roles = readme_roles(&server);

    // `courtesy db init` as the owner.
    drop(Store::open(&roles.owner).unwrap());

    let store = Store::open(&roles.desk).expect("the desk opens it");
    let (p, c, o) = small_shop();
    store.load_shop(&p, &c, &o, &tester()).unwrap();
    let customer = store.search_customers("Grzegorzewska", 5).unwrap()[0].id;
    let call = store
        .plan_manual_call(customer, tester().at, tester().at, &tester())
        .unwrap();
    store.claim_call(call, "Ola", tester().at).unwrap();
    let attempt = AttemptInput {
        at: tester().at,
        outcome: courtesy_core::calls::CallOutcome::Reached,
        duration_seconds: 30,
        satisfaction: Some(4),
        notes: "Dziękuje".into(),
        delivery_problem: false,
        follow_up_at: None,
    };
    store.record_attempt(call, &attempt, &tester()).unwrap();
    let mut feed = store.change_feed().expect("the desk listens");
    drop(feed.wait(std::time::Duration::from_millis(10)));

    let raw = raw_connection(&roles.desk).unwrap();
    let refused = raw.execute_batch("DROP TABLE call_attempts");
    assert!(refused.is_err(), "the desk cannot change the schema");
    let refused = raw.execute_batch("CREATE TABLE notes_of_my_own (id BIGINT)");
    assert!(refused.is_err(), "nor add to it");
    let version: i64 = raw
        .query_row("SELECT version FROM schema_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, courtesy_store::LATEST_VERSION);
}
