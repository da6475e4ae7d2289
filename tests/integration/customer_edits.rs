//! Staff edits on a profile: saved, audit-logged, and still there after a restart.

use courtesy_store::{ConsentEdit, CustomerEdit, Store, StoreError};
use courtesy_tests::{small_shop_db, tester};

fn id_of(store: &Store, query: &str) -> i64 {
    store
        .search_customers(query, 5)
        .unwrap()
        .first()
        .unwrap_or_else(|| panic!("{query} not found"))
        .id
}

#[test]
fn the_list_is_sorted_by_family_name_ignoring_diacritics() {
    let (_dir, store) = small_shop_db();
    let page = store.list_customers(0, 10).unwrap();
    assert_eq!(page.total, 4);
    let names: Vec<_> = page.items.iter().map(|c| c.display_name.as_str()).collect();
    // Äijälä (a), Grzegorzewska (g), Смирнова (smirnova), Wójcik (w)
    assert_eq!(
        names,
        [
            "Väinö Äijälä",
            "Żaneta Grzegorzewska",
            "Смирнова Ольга Петровна",
            "Łukasz Wójcik"
        ]
    );
    let window = store.list_customers(2, 1).unwrap();
    assert_eq!(window.items.len(), 1);
    assert_eq!(window.items[0].display_name, "Смирнова Ольга Петровна");
}

#[test]
fn a_profile_shows_contacts_consents_and_orders_with_lines_and_totals() {
    let (_dir, store) = small_shop_db();
    let p = store.customer_profile(id_of(&store, "Wójcik")).unwrap();
    assert_eq!(p.display_name, "Łukasz Wójcik");
    assert_eq!(p.phones[0].e164.as_deref(), Some("+48601234567"));
    assert_eq!(p.phones[0].raw, "601 234 567");
    let email = p.consents.iter().find(|c| c.channel == "email").unwrap();
    assert_eq!(email.granted, Some(true));
    assert_eq!(
        p.consents
            .iter()
            .find(|c| c.channel == "phone")
            .unwrap()
            .granted,
        None
    );
    assert_eq!(p.orders.len(), 2);
    assert_eq!(p.orders[0].number, "#1002", "newest first");
    let first = &p.orders[1];
    assert_eq!(first.lines.len(), 2);
    assert_eq!(first.lines[0].line_total.minor, 4900);
    assert_eq!(first.lines[0].bin_location.as_deref(), Some("A-01-2"));
    assert_eq!(first.total.minor, 4900 + 5900 + 1500);
    assert_eq!(p.order_count, 2);
    assert_eq!(p.spent.len(), 1);
    assert_eq!(p.spent[0].minor, (4900 + 5900 + 1500) + (8900 + 1500));
    assert_eq!(
        p.addresses[0].lines,
        ["Łukasz Wójcik", "ul. Długa 5/3", "00-950 Warszawa"]
    );
}

#[test]
fn cancelled_orders_do_not_count_as_purchases() {
    let (_dir, store) = small_shop_db();
    let p = store.customer_profile(id_of(&store, "Смирнова")).unwrap();
    assert_eq!(p.orders.len(), 1);
    assert_eq!(p.order_count, 0);
    assert!(p.spent.is_empty());
    assert_eq!(
        p.address_form, "Ольга Петровна",
        "Russian customers are addressed by name and patronymic"
    );
}

#[test]
fn notes_are_saved_audit_logged_and_kept_after_reopening() {
    let (dir, store) = small_shop_db();
    let id = id_of(&store, "Grzegorzewska");
    let edit = CustomerEdit {
        notes: Some("Prefers calls after 17:00. Alergia na lawendę.".into()),
        ..Default::default()
    };
    let p = store.edit_customer(id, &edit, &tester()).unwrap();
    assert_eq!(p.notes, "Prefers calls after 17:00. Alergia na lawendę.");
    // Saving the same text again changes nothing and logs nothing.
    store.edit_customer(id, &edit, &tester()).unwrap();
    let path = store.path().to_path_buf();
    drop(store);
    let reopened = Store::open(&path).unwrap();
    assert_eq!(
        reopened.customer_profile(id).unwrap().notes,
        "Prefers calls after 17:00. Alergia na lawendę."
    );
    let c = courtesy_store::testing::raw_connection(&path).unwrap();
    let (n, detail, actor, source): (i64, String, String, String) = c
        .query_row(
            "SELECT count(*), max(detail), max(actor), max(source) FROM audit_log WHERE entity = 'customer' AND entity_id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(n, 1, "one audit entry for one real change");
    assert!(
        detail.contains("\"field\":\"notes\"") && detail.contains("lawendę"),
        "audit detail: {detail}"
    );
    assert_eq!((actor.as_str(), source.as_str()), ("tester", "cli"));
    drop(dir);
}

#[test]
fn tags_are_trimmed_deduplicated_and_sorted() {
    let (_dir, store) = small_shop_db();
    let id = id_of(&store, "Äijälä");
    let edit = CustomerEdit {
        tags: Some(vec![
            " VIP ".into(),
            "vip".into(),
            "".into(),
            "florist".into(),
        ]),
        ..Default::default()
    };
    let p = store.edit_customer(id, &edit, &tester()).unwrap();
    assert_eq!(p.tags, ["VIP", "florist"]);
    let too_long = CustomerEdit {
        tags: Some(vec!["x".repeat(65)]),
        ..Default::default()
    };
    let err = store.edit_customer(id, &too_long, &tester()).unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
    assert_eq!(
        store.customer_profile(id).unwrap().tags,
        ["VIP", "florist"],
        "a refused edit changes nothing"
    );
}

#[test]
fn consents_and_do_not_call_are_recorded_with_time_and_source() {
    let (_dir, store) = small_shop_db();
    let id = id_of(&store, "Wójcik");
    let edit = CustomerEdit {
        consents: Some(vec![ConsentEdit {
            channel: "phone".into(),
            granted: true,
        }]),
        do_not_call: Some(true),
        ..Default::default()
    };
    let p = store.edit_customer(id, &edit, &tester()).unwrap();
    let phone = p.consents.iter().find(|c| c.channel == "phone").unwrap();
    assert_eq!(phone.granted, Some(true));
    assert_eq!(phone.source.as_deref(), Some("staff: tester"));
    assert!(phone.at.is_some());
    assert!(p.do_not_call);
    let bad = CustomerEdit {
        consents: Some(vec![ConsentEdit {
            channel: "fax".into(),
            granted: true,
        }]),
        ..Default::default()
    };
    assert!(matches!(
        store.edit_customer(id, &bad, &tester()),
        Err(StoreError::Invalid(_))
    ));
}

#[test]
fn editing_a_missing_customer_is_not_found() {
    let (_dir, store) = small_shop_db();
    let err = store
        .edit_customer(9999, &CustomerEdit::default(), &tester())
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
}

/// The profile's fields as a desk's screen shows them (what an edit is checked against).
fn as_seen(p: &courtesy_store::CustomerProfile) -> Box<CustomerEdit> {
    Box::new(CustomerEdit {
        notes: Some(p.notes.clone()),
        tags: Some(p.tags.clone()),
        do_not_call: Some(p.do_not_call),
        consents: Some(
            p.consents
                .iter()
                .filter_map(|c| {
                    c.granted.map(|granted| ConsentEdit {
                        channel: c.channel.clone(),
                        granted,
                    })
                })
                .collect(),
        ),
        seen: None,
    })
}

#[test]
fn an_edit_over_another_desks_change_is_refused_with_who_and_then_saved_on_purpose() {
    let (_dir, office) = small_shop_db();
    // The owner's desk, on the same database.
    let home = Store::open(office.path()).unwrap();
    let owner =
        courtesy_store::Actor::new("Owner", courtesy_store::AuditSource::Ui, chrono::Utc::now());
    let id = id_of(&office, "Grzegorzewska");
    let on_office_screen = office.customer_profile(id).unwrap();
    let on_home_screen = home.customer_profile(id).unwrap();

    home.edit_customer(
        id,
        &CustomerEdit {
            notes: Some("Wants the parcel at the neighbour's.".into()),
            seen: Some(as_seen(&on_home_screen)),
            ..Default::default()
        },
        &owner,
    )
    .unwrap();

    // The office saves notes typed over the old text: refused, nothing written.
    let mine = CustomerEdit {
        notes: Some("Allergic to lavender.".into()),
        seen: Some(as_seen(&on_office_screen)),
        ..Default::default()
    };
    let err = office.edit_customer(id, &mine, &tester()).unwrap_err();
    match &err {
        StoreError::CustomerChanged { fields, by, at } => {
            assert_eq!(fields, "notes");
            assert_eq!(by, "Owner");
            assert!(!at.is_empty());
        }
        other => panic!("expected customer.changed, got {other:?}"),
    }
    assert_eq!(err.code().as_str(), "customer.changed");
    assert_eq!(
        office.customer_profile(id).unwrap().notes,
        "Wants the parcel at the neighbour's."
    );

    // A change to another field than the one changed meanwhile goes through.
    let tagged = office
        .edit_customer(
            id,
            &CustomerEdit {
                tags: Some(vec!["VIP".into()]),
                seen: Some(as_seen(&on_office_screen)),
                ..Default::default()
            },
            &tester(),
        )
        .unwrap();
    assert_eq!(tagged.tags, ["VIP"]);
    assert_eq!(tagged.notes, "Wants the parcel at the neighbour's.");

    // Having seen their notes, the office saves its own on purpose.
    let now_seen = office.customer_profile(id).unwrap();
    let saved = office
        .edit_customer(
            id,
            &CustomerEdit {
                seen: Some(as_seen(&now_seen)),
                ..mine.clone()
            },
            &tester(),
        )
        .unwrap();
    assert_eq!(saved.notes, "Allergic to lavender.");

    // The same value typed on both desks is no conflict.
    home.edit_customer(
        id,
        &CustomerEdit {
            notes: Some("Allergic to lavender.".into()),
            seen: Some(as_seen(&on_home_screen)),
            ..Default::default()
        },
        &owner,
    )
    .unwrap();

    // A consent never asked on the home screen, granted at the office
    // meanwhile: withdrawing it from the stale screen is refused.
    let never_asked = on_home_screen
        .consents
        .iter()
        .find(|c| c.granted.is_none())
        .map(|c| c.channel.clone())
        .expect("a channel never asked");
    let consent = |granted| CustomerEdit {
        consents: Some(vec![ConsentEdit {
            channel: never_asked.clone(),
            granted,
        }]),
        ..Default::default()
    };
    office.edit_customer(id, &consent(true), &tester()).unwrap();
    let err = home
        .edit_customer(
            id,
            &CustomerEdit {
                seen: Some(as_seen(&on_home_screen)),
                ..consent(false)
            },
            &owner,
        )
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::CustomerChanged { fields, by, .. }
            if *fields == format!("consent.{never_asked}") && by == "tester"),
        "{err:?}"
    );
}
