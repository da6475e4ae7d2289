//! History: the audit log read back newest first, by customer (their own
//! entries and their orders', calls' and cards'), by person, by way in and by
//! dates, a page at a time, with an edited field's before and after.

use chrono::{TimeZone, Utc};
use courtesy_store::{Actor, AuditSource, CustomerEdit, HistoryFilter, Store};
use courtesy_tests::{small_shop, temp_db, tester};

fn note(store: &Store, id: i64, text: &str, actor: &Actor) {
    let edit = CustomerEdit {
        notes: Some(text.into()),
        ..CustomerEdit::default()
    };
    store.edit_customer(id, &edit, actor).unwrap();
}

#[test]
fn history_filters_by_customer_person_way_in_and_day_and_pages_back() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let (p, c, o) = small_shop();
    store.load_shop(&p, &c, &o, &tester()).unwrap();
    let ids: Vec<i64> = store
        .list_customers(0, 10)
        .unwrap()
        .items
        .iter()
        .map(|i| i.id)
        .collect();
    let day = |d: u32, h: u32| Utc.with_ymd_and_hms(2026, 12, d, h, 0, 0).unwrap();
    let ola = Actor::new("Ola", AuditSource::Ui, day(1, 9));
    let marek = Actor::new("Marek", AuditSource::Cli, day(2, 9));
    note(&store, ids[0], "Dzwonić po 17.", &ola);
    note(&store, ids[0], "Dzwonić po 18.", &ola.at(day(2, 10)));
    note(&store, ids[1], "Prefers e-mail.", &marek);
    note(&store, ids[1], "Prefers the phone.", &marek.at(day(3, 9)));

    let page = |f: HistoryFilter, limit| store.history(&f, limit).unwrap();
    let first = page(
        HistoryFilter {
            customer: Some(ids[0]),
            ..Default::default()
        },
        10,
    );
    let details: Vec<&str> = first.entries.iter().map(|e| e.detail.as_str()).collect();
    assert_eq!(first.entries.len(), 2, "{details:?}");
    assert!(
        details[0].contains("\"from\":\"Dzwonić po 17.\"")
            && details[0].contains("\"to\":\"Dzwonić po 18.\""),
        "newest first, before and after: {details:?}"
    );
    assert!(first.entries[0].customer_name.is_some());
    assert!(
        first.actors.contains(&"Ola".to_string()) && first.actors.contains(&"Marek".to_string())
    );

    let by_marek = page(
        HistoryFilter {
            actor: Some("Marek".into()),
            ..Default::default()
        },
        10,
    );
    assert_eq!(by_marek.entries.len(), 2);
    assert!(by_marek
        .entries
        .iter()
        .all(|e| e.actor == "Marek" && e.source == "cli"));
    let through_ui = page(
        HistoryFilter {
            source: Some("ui".into()),
            ..Default::default()
        },
        10,
    );
    assert!(through_ui.entries.iter().all(|e| e.actor == "Ola"));
    assert_eq!(through_ui.entries.len(), 2);

    let on_the_2nd = page(
        HistoryFilter {
            from: Some("2026-12-02".into()),
            to: Some("2026-12-02".into()),
            ..Default::default()
        },
        10,
    );
    let who: Vec<(&str, &str)> = on_the_2nd
        .entries
        .iter()
        .map(|e| (e.actor.as_str(), &e.at[..10]))
        .collect();
    assert_eq!(who, vec![("Ola", "2026-12-02"), ("Marek", "2026-12-02")]);

    // A page at a time, newest first, without repeats or gaps.
    let all = page(HistoryFilter::default(), 100);
    let mut seen = Vec::new();
    let mut before = None;
    loop {
        let p = page(
            HistoryFilter {
                before,
                ..Default::default()
            },
            2,
        );
        seen.extend(p.entries.iter().map(|e| e.id));
        before = p.entries.last().map(|e| e.id);
        if !p.more {
            break;
        }
    }
    let ids_all: Vec<i64> = all.entries.iter().map(|e| e.id).collect();
    assert_eq!(seen, ids_all);
    assert!(ids_all.len() >= 5, "the load and the four notes");
}
