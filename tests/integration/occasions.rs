//! Birthdays and name days coming up, on the demo shop: a customer appears on the
//! day they celebrate, in the calendar of their language, and not outside the window.

use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use courtesy_demo::{load, Scale, DEFAULT_SEED};
use courtesy_store::db::Connection;
use courtesy_store::Store;
use courtesy_tests::{temp_db, tester};

fn demo() -> (tempfile::TempDir, Store, Connection) {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap();
    load(&store, at, DEFAULT_SEED, Scale::DEMO, &tester()).unwrap();
    let raw = courtesy_store::testing::raw_connection(&path).unwrap();
    (dir, store, raw)
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn a_birthday_in_the_window_is_listed_with_the_age_turned() {
    let (_dir, store, raw) = demo();
    let (id, birthday): (i64, String) = raw
        .query_row(
            "SELECT id, birthday FROM customers WHERE birthday IS NOT NULL
               AND substr(birthday, 6, 5) NOT IN ('02-29', '12-31', '01-01')
               AND EXISTS (SELECT 1 FROM orders WHERE customer_id = customers.id)
             ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let born = day(&birthday);
    let party = NaiveDate::from_ymd_opt(2027, born.month(), born.day()).unwrap();
    let week_before = party - chrono::Duration::days(5);
    let found = store.coming_occasions(week_before, 7, 10_000).unwrap();
    let hit = found
        .iter()
        .find(|o| o.customer_id == id && o.kind == "birthday")
        .unwrap_or_else(|| panic!("customer {id} born {birthday} is listed"));
    assert_eq!(hit.date, party.to_string());
    assert_eq!(hit.turns, Some((2027 - born.year()) as u32));

    let after = party + chrono::Duration::days(1);
    let later = store.coming_occasions(after, 7, 10_000).unwrap();
    assert!(
        !later
            .iter()
            .any(|o| o.customer_id == id && o.kind == "birthday"),
        "not listed once the day has passed"
    );
    let dates: Vec<&str> = found.iter().map(|o| o.date.as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "soonest first");
}

#[test]
fn name_days_follow_the_customer_calendar() {
    let (_dir, store, raw) = demo();
    let pick = |lang: &str| -> i64 {
        raw.query_row(
            "SELECT c.id FROM customers c WHERE c.language = ?1
               AND EXISTS (SELECT 1 FROM orders WHERE customer_id = c.id) ORDER BY c.id LIMIT 1",
            [lang],
            |r| r.get(0),
        )
        .unwrap()
    };
    let (pl, ru) = (pick("pl"), pick("ru"));
    raw.execute(
        "UPDATE customers SET first_name = 'Katarzyna' WHERE id = ?1",
        [pl],
    )
    .unwrap();
    raw.execute(
        "UPDATE customers SET first_name = 'Татьяна' WHERE id = ?1",
        [ru],
    )
    .unwrap();

    // Katarzyna: 25 November in Poland.
    let nov = store
        .coming_occasions(day("2026-11-23"), 7, 10_000)
        .unwrap();
    let kasia = nov
        .iter()
        .find(|o| o.customer_id == pl && o.kind == "nameDay")
        .expect("Katarzyna's name day is listed");
    assert_eq!(
        (kasia.date.as_str(), kasia.calendar.as_deref()),
        ("2026-11-25", Some("pl"))
    );

    // Татьяна: 25 January (Tatiana Day), across the turn of the year.
    let jan = store
        .coming_occasions(day("2026-12-28"), 30, 10_000)
        .unwrap();
    let tanya = jan
        .iter()
        .find(|o| o.customer_id == ru && o.kind == "nameDay")
        .expect("Tatiana's name day is listed");
    assert_eq!(
        (tanya.date.as_str(), tanya.calendar.as_deref()),
        ("2027-01-25", Some("ru"))
    );
    assert!(
        !nov.iter()
            .any(|o| o.customer_id == ru && o.kind == "nameDay"),
        "not listed outside its window"
    );
}
