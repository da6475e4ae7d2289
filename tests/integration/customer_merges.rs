//! The same person entered twice: found, merged, and the merge undone.
//!
//! The merge test has Łukasz Wróbel twice, once from the shop's 2024 Shopify
//! export and once from an old export with another e-mail and no phone, each
//! with orders, a call, a gift and a card. Merged, everything is the kept
//! customer's, search finds him by either e-mail, and importing both exports
//! again (as a sync brings the same records) does not split him; undone, both
//! profiles are exactly what they were.
//!
//! The finder runs on the demo shop with 50 duplicates planted the ways shops
//! make them (a Gmail address with dots and a `+tag`, the same name at the same
//! postcode, an initial, family and given name swapped, a Russian name in Latin
//! letters) through a customers export, and 20 namesakes who are other people.

use chrono::{DateTime, TimeZone, Utc};
use courtesy_core::duplicates::LIKELY;
use courtesy_core::FixedClock;
use courtesy_demo::{load, Scale, DEFAULT_SEED};
use courtesy_desk::Desk;
use courtesy_import::Flow;
use courtesy_store::testing::raw_connection;
use courtesy_store::{AuditSource, MergeRequest, Store};
use courtesy_tests::{first_orders_get_a_gift, import_fixture, temp_db, tester};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 2, 20, 9, 0, 0).unwrap()
}

const OLD_EMAIL: &str = "lukasz.wrobel+sklep@gmail.com";

/// The old shop's export: two paid orders of Łukasz Wróbel under another
/// e-mail, without a phone, in the Shopify layout.
fn old_export(dir: &Path) -> PathBuf {
    let fixture = std::fs::read_to_string(import_fixture("shopify-orders-2024.csv")).unwrap();
    let header = fixture.lines().next().unwrap();
    let row = |number: &str, day: u32, id: &str| {
        fixture
            .lines()
            .find(|l| l.starts_with("#3002,"))
            .unwrap()
            .replace("#3002,", &format!("{number},"))
            .replace("l.wrobel@example.pl", OLD_EMAIL)
            .replace("'+48512345678", "")
            .replace("2024-02-06", &format!("2024-02-{day:02}"))
            .replace("5012534571107", id)
    };
    let file = dir.join("old_shop_orders.csv");
    std::fs::write(
        &file,
        format!(
            "{header}\n{}\n{}\n",
            row("#1501", 12, "4400001"),
            row("#1502", 15, "4400002")
        ),
    )
    .unwrap();
    file
}

fn import(store: &Store, file: &Path, at: DateTime<Utc>) {
    let clock = FixedClock(at);
    Desk::new(store, &clock, AuditSource::Import)
        .import(file, None, None, |_| Flow::Continue)
        .unwrap();
}

/// How many rows of each kind customer `id` has.
fn holdings(store: &Store, id: i64) -> [i64; 4] {
    let raw = raw_connection(store.path()).unwrap();
    ["orders", "calls", "gift_plans", "cards"].map(|t| {
        raw.query_row(
            &format!("SELECT count(*) FROM {t} WHERE customer_id = ?1"),
            [id],
            |r| r.get(0),
        )
        .unwrap()
    })
}

/// Makes sure customer `id` has a call (the policy may have queued one).
fn with_a_call(store: &Store, id: i64) {
    if holdings(store, id)[1] == 0 {
        store
            .plan_manual_call(id, now(), now(), &tester().at(now()))
            .unwrap();
    }
}

fn found_by(store: &Store, query: &str) -> Vec<i64> {
    store
        .search_customers(query, 10)
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect()
}

#[test]
fn a_merge_moves_everything_survives_a_new_import_and_undoes_exactly() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    first_orders_get_a_gift(&store, "PLN");
    let shop_export = import_fixture("shopify-orders-2024.csv");
    import(&store, &shop_export, now());
    let old = old_export(dir.path());
    import(&store, &old, now());
    let kept = store
        .customer_by_email("l.wrobel@example.pl")
        .unwrap()
        .unwrap();
    let removed = store.customer_by_email(OLD_EMAIL).unwrap().unwrap();
    assert_ne!(kept, removed, "the old e-mail made a second customer");
    with_a_call(&store, kept);
    with_a_call(&store, removed);
    let (k, r) = (holdings(&store, kept), holdings(&store, removed));
    for (who, h) in [("kept", k), ("removed", r)] {
        assert!(
            h.iter().all(|n| *n > 0),
            "{who} has orders, calls, gifts, cards: {h:?}"
        );
    }
    let before = (
        store.customer_profile(kept).unwrap(),
        store.customer_profile(removed).unwrap(),
    );
    let customers = store.customer_count().unwrap();

    let clock = FixedClock(now());
    let desk = Desk::new(&store, &clock, AuditSource::Ui);
    let backups = dir.path().join("backups");
    let merge = desk
        .merge_customers(
            &MergeRequest {
                kept,
                removed,
                take_from_removed: vec![],
            },
            &backups,
        )
        .unwrap();
    assert_eq!((merge.kept_id, merge.removed_id), (kept, removed));
    assert!(
        courtesy_store::list_backups(&backups)
            .unwrap()
            .iter()
            .any(|b| b.reason.as_str() == "before-merge"),
        "a backup was taken first"
    );
    let sum: Vec<i64> = k.iter().zip(r).map(|(a, b)| a + b).collect();
    assert_eq!(holdings(&store, kept).to_vec(), sum, "everything moved");
    assert_eq!(holdings(&store, removed), [0; 4]);
    assert_eq!(store.customer_count().unwrap(), customers - 1);
    let merged = store.customer_profile(kept).unwrap();
    assert_eq!(merged.email.as_deref(), Some("l.wrobel@example.pl"));
    assert_eq!(merged.orders.len() as i64, sum[0]);
    for email in ["l.wrobel@example.pl", OLD_EMAIL] {
        assert_eq!(found_by(&store, email), vec![kept], "search by {email}");
        assert_eq!(store.customer_by_email(email).unwrap(), Some(kept));
    }

    // Both exports again, as a sync brings the same records: still one customer.
    import(&store, &shop_export, now());
    import(&store, &old, now());
    assert_eq!(store.customer_count().unwrap(), customers - 1);
    assert_eq!(holdings(&store, kept).to_vec(), sum);
    assert_eq!(store.customer_by_email(OLD_EMAIL).unwrap(), Some(kept));

    let undone = desk.undo_last_merge().unwrap();
    assert_eq!(undone.id, merge.id);
    assert!(undone.undone_at.is_some());
    assert_eq!(
        store.customer_profile(kept).unwrap(),
        before.0,
        "kept as he was"
    );
    assert_eq!(
        store.customer_profile(removed).unwrap(),
        before.1,
        "removed as he was"
    );
    assert_eq!((holdings(&store, kept), holdings(&store, removed)), (k, r));
    assert_eq!(found_by(&store, OLD_EMAIL), vec![removed]);
    assert_eq!(store.last_merge().unwrap(), None, "nothing more to undo");
    assert!(desk.undo_last_merge().is_err());
}

#[test]
fn an_edit_after_a_merge_keeps_it_from_being_undone_half() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    import(&store, &import_fixture("shopify-orders-2024.csv"), now());
    import(&store, &old_export(dir.path()), now());
    let kept = store
        .customer_by_email("l.wrobel@example.pl")
        .unwrap()
        .unwrap();
    let removed = store.customer_by_email(OLD_EMAIL).unwrap().unwrap();
    let req = MergeRequest {
        kept,
        removed,
        take_from_removed: vec!["email".into()],
    };
    store.merge_customers(&req, &tester().at(now())).unwrap();
    assert_eq!(
        store.customer_profile(kept).unwrap().email.as_deref(),
        Some(OLD_EMAIL),
        "the e-mail chosen from the removed customer"
    );
    assert_eq!(
        store.customer_by_email("l.wrobel@example.pl").unwrap(),
        Some(kept)
    );
    let later = now() + chrono::Duration::hours(1);
    let edit = courtesy_store::CustomerEdit {
        notes: Some("Merged by hand".into()),
        ..Default::default()
    };
    store
        .edit_customer(kept, &edit, &tester().at(later))
        .unwrap();
    let refused = store.undo_last_merge(&tester().at(later)).unwrap_err();
    assert!(
        refused.to_string().contains("changed since the merge"),
        "{refused}"
    );
    assert!(
        store.customer_profile(removed).is_err(),
        "nothing was half undone"
    );
}

/// A demo customer as the planting reads them.
#[derive(Clone)]
struct Demo {
    id: i64,
    first: String,
    last: String,
    email: String,
    country: String,
    line1: String,
    postcode: String,
    city: String,
}

fn demo_customers(store: &Store) -> Vec<Demo> {
    let raw = raw_connection(store.path()).unwrap();
    let found = raw.prepare(
        "SELECT c.id, c.first_name, c.last_name, coalesce(c.email, ''), a.country, a.line1, a.postal_code, a.city
         FROM customers c JOIN customer_addresses a ON a.id =
           (SELECT min(id) FROM customer_addresses WHERE customer_id = c.id)
         WHERE c.first_name <> '' AND c.last_name <> '' AND a.postal_code <> '' ORDER BY c.id",
    )
    .unwrap()
    .query_map([], |r| {
        Ok(Demo {
            id: r.get(0)?,
            first: r.get(1)?,
            last: r.get(2)?,
            email: r.get(3)?,
            country: r.get(4)?,
            line1: r.get(5)?,
            postcode: r.get(6)?,
            city: r.get(7)?,
        })
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap();
    found
}

/// Latin letters for a Cyrillic name, as an old export may have it.
fn latin(name: &str) -> String {
    let folded = courtesy_core::fold_for_search(name);
    let mut c = folded.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn csv_cell(text: &str) -> String {
    if text.contains([',', '"']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[test]
fn the_finder_finds_planted_duplicates_and_leaves_namesakes_below_likely() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap();
    let scale = Scale {
        customers: 2000,
        orders: 4000,
    };
    load(&store, at, DEFAULT_SEED, scale, &tester()).unwrap();
    let demo = demo_customers(&store);
    let gmail: Vec<&Demo> = demo
        .iter()
        .filter(|d| d.email.ends_with("@gmail.com") && d.email.contains('.'))
        .take(10)
        .collect();
    let russian: Vec<&Demo> = demo
        .iter()
        .filter(|d| d.country == "RU" && !d.last.is_ascii())
        .take(10)
        .collect();
    let others: Vec<&Demo> = demo
        .iter()
        .filter(|d| !gmail.iter().any(|g| g.id == d.id) && !russian.iter().any(|r| r.id == d.id))
        .step_by(7)
        .collect();
    assert_eq!(
        (gmail.len(), russian.len()),
        (10, 10),
        "the demo has both kinds"
    );

    // (row of the customers export, the demo customer it duplicates)
    let mut rows: Vec<(String, Option<i64>)> = Vec::new();
    let mut n = 0;
    let mut row = |first: &str, last: &str, email: &str, place: &Demo, phone: &str| {
        n += 1;
        let cells = [
            format!("'91000000{n:05}"),
            first.into(),
            last.into(),
            email.into(),
            "no".into(),
            String::new(),
            place.line1.clone(),
            String::new(),
            place.city.clone(),
            String::new(),
            place.country.clone(),
            format!("'{}", place.postcode),
            String::new(),
            phone.into(),
            "no".into(),
            "0.00".into(),
            "0".into(),
            String::new(),
            "no".into(),
            String::new(),
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        line.join(",")
    };
    for (k, d) in gmail.iter().enumerate() {
        // Dots moved and a +tag: the same Gmail mailbox.
        let (local, _) = d.email.split_once('@').unwrap();
        let undotted = local.replace('.', "");
        let email = format!("{}.{}+old{k}@gmail.com", &undotted[..1], &undotted[1..]);
        rows.push((row(&d.first, &d.last, &email, d, ""), Some(d.id)));
    }
    for (k, d) in russian.iter().enumerate() {
        let email = format!("ru.old.{k}@mail.example");
        rows.push((
            row(&latin(&d.first), &latin(&d.last), &email, d, ""),
            Some(d.id),
        ));
    }
    for (k, d) in others.iter().take(30).enumerate() {
        let email = format!("old.customer.{k}@post.example");
        let (first, last) = match k % 3 {
            0 => (d.first.clone(), d.last.clone()),
            1 => (
                format!("{}.", d.first.chars().next().unwrap()),
                d.last.clone(),
            ),
            _ => (d.last.clone(), d.first.clone()),
        };
        rows.push((row(&first, &last, &email, d, ""), Some(d.id)));
    }
    assert_eq!(rows.len(), 50);
    // Namesakes: the same name, another town, their own e-mail and phone.
    for (k, d) in others.iter().skip(30).take(20).enumerate() {
        let elsewhere = demo
            .iter()
            .find(|o| o.country == d.country && o.city != d.city && o.postcode != d.postcode)
            .unwrap();
        let email = format!("namesake.{k}@other.example");
        let phone = format!("+48 790 000 {k:03}");
        rows.push((row(&d.first, &d.last, &email, elsewhere, &phone), None));
    }
    let header = "Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags";
    let body: Vec<&str> = rows.iter().map(|(r, _)| r.as_str()).collect();
    let file = dir.path().join("customers_export_old_shop.csv");
    std::fs::write(&file, format!("{header}\n{}\n", body.join("\n"))).unwrap();
    let customers = store.customer_count().unwrap();
    import(&store, &file, at);
    assert_eq!(
        store.customer_count().unwrap(),
        customers + 70,
        "every row a new customer"
    );

    let planted_id = |k: usize| -> i64 {
        let raw = raw_connection(store.path()).unwrap();
        raw.query_row(
            "SELECT customer_id FROM customer_external_ids WHERE source = 'shopify' AND external_id = ?1",
            [format!("91000000{:05}", k + 1)],
            |r| r.get(0),
        )
        .unwrap()
    };
    let list = store.duplicate_customers(100_000).unwrap();
    let score: HashMap<(i64, i64), u8> = list
        .pairs
        .iter()
        .map(|p| ((p.a.id.min(p.b.id), p.a.id.max(p.b.id)), p.score))
        .collect();
    let mut found = 0;
    let mut missed = Vec::new();
    for (k, (line, original)) in rows.iter().enumerate() {
        let new = planted_id(k);
        match original {
            Some(orig) => {
                if score.contains_key(&(new.min(*orig), new.max(*orig))) {
                    found += 1;
                } else {
                    missed.push(line.clone());
                }
            }
            None => {
                let above: Vec<u8> = list
                    .pairs
                    .iter()
                    .filter(|p| (p.a.id == new || p.b.id == new) && p.score >= LIKELY)
                    .map(|p| p.score)
                    .collect();
                assert!(
                    above.is_empty(),
                    "the namesake {line} is proposed as likely: {above:?}"
                );
            }
        }
    }
    eprintln!(
        "found {found} of 50; {} pairs, {} likely",
        list.total, list.likely
    );
    assert!(
        found >= 45,
        "found {found} of 50 planted pairs; missed: {missed:#?}"
    );
}
