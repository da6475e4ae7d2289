//! A desk hears what another desk (another program on the same database)
//! changed within two seconds, on either backend, and hears nothing when
//! nothing changed.

use courtesy_store::{Store, ANY_TABLE};
use courtesy_tests::{small_shop_db, tester};
use std::time::{Duration, Instant};

#[test]
fn another_desks_call_is_heard_within_two_seconds() {
    let (_dir, here) = small_shop_db();
    let mut feed = here.change_feed().unwrap();
    assert!(
        feed.wait(Duration::from_millis(300)).unwrap().is_empty(),
        "nothing changed yet"
    );
    let there = Store::open(here.path()).unwrap();
    let customer = there.list_customers(0, 1).unwrap().items[0].id;
    let written = Instant::now();
    there
        .plan_manual_call(customer, tester().at, tester().at, &tester())
        .unwrap();
    let heard = feed.wait(Duration::from_secs(2)).unwrap();
    let after = written.elapsed();
    assert!(!heard.is_empty(), "the new call was heard");
    assert!(after < Duration::from_secs(2), "heard after {after:?}");
    if here.is_server() {
        assert!(heard.contains(&"calls".to_string()), "{heard:?}");
    } else {
        assert_eq!(heard, [ANY_TABLE]);
    }
    assert!(
        feed.wait(Duration::from_millis(300)).unwrap().is_empty(),
        "each change is heard once"
    );
}
