//! Gifts in the parcel and handwritten cards on a real database file: plans made
//! for imported orders with the reasons, stock that moves once when an order is
//! packed, a cancelled order giving its gifts back, the card queue, and previews
//! that change nothing.

use chrono::{DateTime, TimeZone, Utc};
use courtesy_core::gifts::{CardOccasion, GiftPolicy, GiftRule, GiftRuleKind, RuleMiss, TraceStep};
use courtesy_core::{FixedClock, Language};
use courtesy_import::{import_file, Flow};
use courtesy_store::db::Connection;
use courtesy_store::{Actor, AuditSource, GiftInput, OrderGiftPlan, Store, StoreError};
use courtesy_tests::{temp_db, tester};
use std::path::Path;

const HEADER: &str = "Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Shipping Name,Shipping City,Shipping Country,Cancelled at";

/// Thursday 26 November 2026, 12:00 UTC.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

/// Anna's first and second orders, Ольга's first, and an unpaid one; `#2003`
/// with the financial status given.
fn orders_csv(status_2003: &str) -> String {
    [
        HEADER.to_string(),
        "#2001,anna.nowak@example.com,paid,2026-11-20 10:00:00 +0100,unfulfilled,PLN,120.00,2026-11-20 10:00:00 +0100,1,Fig candle,120.00,CANDLE-FIG,Anna Nowak,Anna Nowak,Kraków,PL,".into(),
        "#2002,anna.nowak@example.com,paid,2026-11-24 10:00:00 +0100,unfulfilled,PLN,80.00,2026-11-24 10:00:00 +0100,1,Earl Grey,80.00,TEA-EARL,Anna Nowak,Anna Nowak,Kraków,PL,".into(),
        format!("#2003,olga@example.ru,{status_2003},2026-11-25 10:00:00 +0300,unfulfilled,EUR,60.00,2026-11-25 10:00:00 +0300,1,Mug,60.00,MUG,Ольга Смирнова,Ольга Смирнова,Москва,RU,"),
        "#2004,jan@example.pl,pending,,unfulfilled,PLN,50.00,2026-11-25 12:00:00 +0100,1,Mug,50.00,MUG,Jan Kowalski,Jan Kowalski,Gdańsk,PL,".into(),
    ]
    .join("\n")
        + "\n"
}

fn import(store: &Store, dir: &Path, name: &str, csv: &str) {
    let path = dir.join(name);
    std::fs::write(&path, csv).unwrap();
    let actor = Actor::new("tester", AuditSource::Import, now());
    import_file(store, &path, None, None, &actor, &FixedClock(now()), |_| {
        Flow::Continue
    })
    .unwrap_or_else(|e| panic!("importing {name}: {e}"));
}

fn rule(id: i64, kind: GiftRuleKind, gifts: &[i64], card: CardOccasion) -> GiftRule {
    GiftRule {
        id,
        name: format!("rule {id}"),
        enabled: true,
        kind,
        gifts: gifts.to_vec(),
        card: Some(card),
        also_later_rules: false,
    }
}

struct Shop {
    dir: tempfile::TempDir,
    store: Store,
    raw: Connection,
    tea: i64,
    honey: i64,
}

/// Two gifts (tea: 5 on the shelf, honey: 1), first orders get tea and a welcome
/// card, second orders honey and a milestone card; the orders imported.
fn shop() -> Shop {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let gift = |name: &str, sku: &str, cost: i64, stock: u32| GiftInput {
        name: name.into(),
        sku: Some(sku.into()),
        unit_cost_minor: cost,
        currency: "PLN".into(),
        stock,
        low_stock_at: 1,
        active: true,
    };
    let tea = store
        .add_gift(&gift("Tea sampler", "GIFT-TEA", 1_500, 5), &tester())
        .unwrap()
        .id;
    let honey = store
        .add_gift(&gift("Honey jar", "GIFT-HONEY", 2_500, 1), &tester())
        .unwrap()
        .id;
    let policy = GiftPolicy {
        rules: vec![
            rule(1, GiftRuleKind::FirstOrder, &[tea], CardOccasion::Welcome),
            rule(
                2,
                GiftRuleKind::NthOrder {
                    n: 2,
                    repeat: false,
                },
                &[honey],
                CardOccasion::Milestone,
            ),
        ],
        ..GiftPolicy::default()
    };
    store.save_gift_policy(&policy, &tester()).unwrap();
    import(&store, dir.path(), "orders.csv", &orders_csv("paid"));
    let raw = courtesy_store::testing::raw_connection(&path).unwrap();
    Shop {
        dir,
        store,
        raw,
        tea,
        honey,
    }
}

fn order_id(raw: &Connection, number: &str) -> i64 {
    raw.query_row("SELECT id FROM orders WHERE number = ?1", [number], |r| {
        r.get(0)
    })
    .unwrap_or_else(|e| panic!("order {number}: {e}"))
}

/// The gift plan of the order with `number`, if it has one.
fn plan_of(store: &Store, raw: &Connection, number: &str) -> Option<OrderGiftPlan> {
    store.order_gift_plan(order_id(raw, number)).unwrap()
}

fn count(raw: &Connection, sql: &str) -> i64 {
    raw.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn stock(store: &Store, gift_id: i64) -> (u32, u32) {
    let g = store
        .gifts()
        .unwrap()
        .into_iter()
        .find(|g| g.id == gift_id)
        .expect("the gift is in the catalogue");
    (g.stock, g.planned)
}

#[test]
fn new_paid_orders_get_gifts_and_cards_with_the_reasons() {
    let s = shop();
    let counts = s.store.plan_gifts(now(), &tester()).unwrap();
    assert_eq!(
        (counts.orders, counts.gifts, counts.cards),
        (3, 3, 3),
        "three paid orders planned, the unpaid one not"
    );

    let first = plan_of(&s.store, &s.raw, "#2001").expect("#2001 has a plan");
    assert_eq!(first.status, "planned");
    assert_eq!(first.gifts.len(), 1);
    assert_eq!(first.gifts[0].name, "Tea sampler");
    assert_eq!(first.rule_id, Some(1));
    assert!(
        first
            .trace
            .iter()
            .any(|t| matches!(t, TraceStep::RuleMatched { rule_id: 1, .. })),
        "the trace says the first-order rule matched: {:?}",
        first.trace
    );
    let card = first.card.expect("a welcome card");
    assert_eq!(card.occasion, CardOccasion::Welcome);
    assert_eq!(
        card.language,
        Language::Pl,
        "a customer in Poland gets Polish"
    );
    assert!(
        card.text.contains("Anna") && card.text.contains("Tea sampler"),
        "the card greets Anna and names the gift: {}",
        card.text
    );

    let second = plan_of(&s.store, &s.raw, "#2002").expect("#2002 has a plan");
    assert_eq!(
        second.gifts[0].gift_id, s.honey,
        "a second order gets honey"
    );
    assert!(
        second.trace.iter().any(|t| matches!(
            t,
            TraceStep::RuleNotMatched {
                rule_id: 1,
                why: RuleMiss::NotFirstOrder { order_index: 2 }
            }
        )),
        "the trace says why the first-order rule did not apply: {:?}",
        second.trace
    );

    let russian = plan_of(&s.store, &s.raw, "#2003")
        .and_then(|p| p.card)
        .expect("#2003 has a card");
    assert_eq!(russian.language, Language::Ru);
    assert!(
        russian.text.contains("Ольга"),
        "the Russian card keeps the Cyrillic name: {}",
        russian.text
    );
    assert!(
        plan_of(&s.store, &s.raw, "#2004").is_none(),
        "an unpaid order is not planned"
    );
    assert_eq!(stock(&s.store, s.tea), (5, 2), "planned, not yet moved");

    let again = s.store.plan_gifts(now(), &tester()).unwrap();
    assert_eq!(again.orders, 0, "planned orders are not planned twice");
}

#[test]
fn packing_moves_gift_stock_once_even_when_packed_twice() {
    let s = shop();
    s.store.plan_gifts(now(), &tester()).unwrap();
    let id = order_id(&s.raw, "#2001");
    s.store.mark_packed(id, &tester()).unwrap();
    assert_eq!(stock(&s.store, s.tea), (4, 1), "one tea left the shelf");
    let twice = s.store.mark_packed(id, &tester());
    assert!(
        matches!(twice, Err(StoreError::AlreadyPacked { .. })),
        "a second pack is refused: {twice:?}"
    );
    assert_eq!(stock(&s.store, s.tea), (4, 1), "and moves no stock");
    let plan = s.store.order_gift_plan(id).unwrap().expect("a plan");
    assert_eq!(plan.status, "packed");
    assert!(plan.packed_at.is_some());
}

#[test]
fn a_cancelled_order_releases_its_plan_and_drops_its_card() {
    let s = shop();
    s.store.plan_gifts(now(), &tester()).unwrap();
    assert_eq!(stock(&s.store, s.tea), (5, 2));
    import(
        &s.store,
        s.dir.path(),
        "orders-again.csv",
        &orders_csv("voided"),
    );

    let id = order_id(&s.raw, "#2003");
    let status: String = s
        .raw
        .query_row("SELECT status FROM orders WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(status, "cancelled", "the re-import cancelled the order");
    let plan = s.store.order_gift_plan(id).unwrap().expect("a plan");
    assert_eq!(plan.status, "released");
    assert_eq!(
        plan.card.map(|c| c.status.as_str()),
        Some("dropped"),
        "its unwritten card is dropped"
    );
    assert_eq!(stock(&s.store, s.tea), (5, 1), "its tea is free again");
    let queue: Vec<String> = s
        .store
        .cards_to_write()
        .unwrap()
        .into_iter()
        .map(|c| c.order_number)
        .collect();
    assert_eq!(queue, ["#2001", "#2002"], "the dropped card left the queue");
    assert_eq!(
        s.store.plan_gifts(now(), &tester()).unwrap().orders,
        0,
        "a cancelled order is not planned again"
    );
}

#[test]
fn the_card_queue_shows_texts_to_write_and_forgets_written_ones() {
    let s = shop();
    s.store.plan_gifts(now(), &tester()).unwrap();
    let queue = s.store.cards_to_write().unwrap();
    assert_eq!(queue.len(), 3);
    assert_eq!(queue[0].order_number, "#2001", "oldest order first");
    assert_eq!(queue[0].customer_name, "Anna Nowak");

    let edited = s
        .store
        .edit_card_text(queue[0].id, "Droga Anno, dziękujemy!", &tester())
        .unwrap();
    assert_eq!(edited.text, "Droga Anno, dziękujemy!");
    let written = s.store.mark_card_written(queue[0].id, &tester()).unwrap();
    assert_eq!(written.status, "written");
    assert_eq!(written.written_by, "tester");
    assert!(written.written_at.is_some());
    let printed = s
        .store
        .set_card_printed(queue[1].id, true, &tester())
        .unwrap();
    assert!(printed.printed);
    let left: Vec<String> = s
        .store
        .cards_to_write()
        .unwrap()
        .into_iter()
        .map(|c| c.order_number)
        .collect();
    assert_eq!(left, ["#2003"], "written and printed cards leave the queue");

    let anna = s
        .raw
        .query_row(
            "SELECT customer_id FROM orders WHERE number = '#2001'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap();
    let gifts = s.store.customer_gifts(anna).unwrap();
    let numbers: Vec<&str> = gifts.iter().map(|p| p.order_number.as_str()).collect();
    assert_eq!(numbers, ["#2002", "#2001"], "Anna's gifts, newest first");
    assert_eq!(
        gifts[1].card.as_ref().map(|c| c.text.as_str()),
        Some("Droga Anno, dziękujemy!")
    );
}

#[test]
fn a_preview_shows_the_plan_and_changes_nothing() {
    let s = shop();
    let tables = |raw: &Connection| {
        [
            "gift_plans",
            "gift_plan_items",
            "cards",
            "audit_log",
            "settings",
        ]
        .map(|t| count(raw, &format!("SELECT count(*) FROM {t}")))
    };
    let before = tables(&s.raw);
    let id = order_id(&s.raw, "#2002");
    let preview = s.store.preview_gifts(id, None).unwrap();
    assert_eq!(preview.gifts.len(), 1);
    assert_eq!(preview.gifts[0].gift_id, s.honey);
    assert_eq!(preview.card, Some(CardOccasion::Milestone));

    let mut draft = s.store.gift_policy().unwrap();
    draft.rules.reverse();
    draft.rules[0].kind = GiftRuleKind::OrderTotalAtLeast {
        thresholds_minor: [("PLN".to_string(), 5_000)].into(),
    };
    let with_draft = s.store.preview_gifts(id, Some(&draft)).unwrap();
    assert_eq!(
        with_draft.trace.first(),
        Some(&TraceStep::RuleMatched {
            rule_id: 2,
            occasion_on: None,
            calendar: None
        }),
        "the draft's first rule is tried first"
    );
    assert_eq!(tables(&s.raw), before, "previews wrote nothing");
    assert_eq!(stock(&s.store, s.honey), (1, 0));

    s.store.plan_gifts(now(), &tester()).unwrap();
    let planned = s.store.preview_gifts(id, None).unwrap();
    assert_eq!(
        planned.gifts, preview.gifts,
        "an order's own plan does not use up the stock its preview sees"
    );
}

#[test]
fn the_last_gift_on_the_shelf_goes_to_one_order_only() {
    let s = shop();
    // Ольга's order is a first order; make the second-order rule everyone's.
    let mut policy = s.store.gift_policy().unwrap();
    policy.rules = vec![rule(
        3,
        GiftRuleKind::OrderTotalAtLeast {
            thresholds_minor: [("PLN".to_string(), 1), ("EUR".to_string(), 1)].into(),
        },
        &[s.honey],
        CardOccasion::ThankYou,
    )];
    s.store.save_gift_policy(&policy, &tester()).unwrap();
    s.store.plan_gifts(now(), &tester()).unwrap();
    let honey_plans = count(
        &s.raw,
        &format!(
            "SELECT count(*) FROM gift_plan_items WHERE gift_id = {}",
            s.honey
        ),
    );
    assert_eq!(honey_plans, 1, "one honey jar, one order");
    let last = plan_of(&s.store, &s.raw, "#2003").expect("a plan");
    assert!(
        last.trace.iter().any(|t| matches!(
            t,
            TraceStep::GiftSkipped {
                why: courtesy_core::gifts::GiftSkip::OutOfStock { .. },
                ..
            }
        )),
        "the trace says the honey ran out: {:?}",
        last.trace
    );
    assert_eq!(
        last.card.map(|c| c.occasion),
        Some(CardOccasion::ThankYou),
        "the card comes all the same"
    );
    let low: Vec<bool> = s
        .store
        .gifts()
        .unwrap()
        .iter()
        .map(|g| g.low_stock)
        .collect();
    assert_eq!(low, [true, false], "honey (all planned) is low, tea is not");
}

#[test]
fn a_policy_naming_a_missing_gift_is_refused() {
    let s = shop();
    let mut policy = s.store.gift_policy().unwrap();
    policy.rules[0].gifts = vec![999];
    let refused = s.store.save_gift_policy(&policy, &tester());
    assert!(
        matches!(&refused, Err(StoreError::Invalid(m)) if m.contains("999")),
        "{refused:?}"
    );
    assert_eq!(s.store.gift_policy().unwrap().rules[0].gifts, vec![s.tea]);
}

#[test]
fn the_month_spending_counts_planned_gifts_but_not_released_ones() {
    let s = shop();
    s.store.plan_gifts(now(), &tester()).unwrap();
    let live = |raw: &Connection| -> i64 {
        raw.query_row(
            "SELECT sum(i.unit_cost_minor) FROM gift_plans p JOIN gift_plan_items i ON i.plan_id = p.id
             WHERE p.status <> 'released'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let planned = live(&s.raw);
    assert!(planned > 0, "gifts were planned");
    let november = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let pln = courtesy_core::Currency::parse("PLN").unwrap();
    assert_eq!(
        s.store.gift_spending(november).unwrap(),
        vec![courtesy_core::Money::new(planned, pln)]
    );

    let first = order_id(&s.raw, "#2001");
    s.store.release_gift_plan(first, &tester()).unwrap();
    let after = live(&s.raw);
    assert!(after < planned, "releasing gives the cost back");
    assert_eq!(
        s.store.gift_spending(november).unwrap(),
        vec![courtesy_core::Money::new(after, pln)]
    );
    let december = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert!(
        s.store.gift_spending(december).unwrap().is_empty(),
        "another month spent nothing"
    );
}

/// The order's trace steps that skipped a gift, with why.
fn skips(store: &Store, raw: &Connection, number: &str) -> Vec<courtesy_core::gifts::GiftSkip> {
    plan_of(store, raw, number)
        .unwrap_or_else(|| panic!("{number} has a plan"))
        .trace
        .into_iter()
        .filter_map(|t| match t {
            TraceStep::GiftSkipped { why, .. } => Some(why),
            _ => None,
        })
        .collect()
}

#[test]
fn gifts_planned_in_an_earlier_run_count_against_the_months_budget() {
    let s = shop();
    let mut policy = s.store.gift_policy().unwrap();
    policy.monthly_budget_minor = [("PLN".to_string(), 3_000)].into();
    s.store.save_gift_policy(&policy, &tester()).unwrap();
    let first = order_id(&s.raw, "#2001");
    let one = s
        .store
        .plan_gifts_for_orders(Some(&[first]), now(), &tester())
        .unwrap();
    assert_eq!(one.gifts, 1, "tea (15.00 of 30.00) for #2001");
    s.store.plan_gifts(now(), &tester()).unwrap();
    let why = skips(&s.store, &s.raw, "#2002");
    assert!(
        matches!(
            why.as_slice(),
            [courtesy_core::gifts::GiftSkip::OverBudget {
                spent_minor: 1_500,
                budget_minor: 3_000,
                ..
            }]
        ),
        "honey (25.00) would pass the month's 30.00 after the earlier run's tea: {why:?}"
    );
}

#[test]
fn a_customer_does_not_get_the_same_gift_again_within_the_policys_months() {
    let s = shop();
    let first = order_id(&s.raw, "#2001");
    s.store
        .plan_gifts_for_orders(Some(&[first]), now(), &tester())
        .unwrap();
    s.store.mark_packed(first, &tester()).unwrap();
    let mut policy = s.store.gift_policy().unwrap();
    policy.rules = vec![rule(
        9,
        GiftRuleKind::OrderTotalAtLeast {
            thresholds_minor: [("PLN".to_string(), 1)].into(),
        },
        &[s.tea],
        CardOccasion::ThankYou,
    )];
    s.store.save_gift_policy(&policy, &tester()).unwrap();
    s.store.plan_gifts(now(), &tester()).unwrap();
    let why = skips(&s.store, &s.raw, "#2002");
    assert!(
        matches!(
            why.as_slice(),
            [courtesy_core::gifts::GiftSkip::GivenRecently { months: 6, .. }]
        ),
        "Anna had tea with #2001 (packed): {why:?}"
    );
}

#[test]
fn a_released_plan_gives_its_gift_back_and_the_order_can_be_planned_again() {
    let s = shop();
    s.store.plan_gifts(now(), &tester()).unwrap();
    let id = order_id(&s.raw, "#2001");
    let released = s
        .store
        .release_gift_plan(id, &tester())
        .unwrap()
        .expect("a planned order is released");
    assert_eq!(released.status, "released");
    assert_eq!(stock(&s.store, s.tea), (5, 1), "its tea is free again");
    assert_eq!(
        s.store.plan_gifts(now(), &tester()).unwrap().orders,
        0,
        "a released order is not planned again by itself"
    );
    let again = s
        .store
        .plan_gifts_for_orders(Some(&[id]), now(), &tester())
        .unwrap();
    assert_eq!(again.orders, 1, "but may be planned again by hand");
    let plan = s.store.order_gift_plan(id).unwrap().expect("a plan");
    assert_eq!(plan.status, "planned");
    assert_eq!(stock(&s.store, s.tea), (5, 2));
}

#[test]
fn the_owners_card_text_replaces_the_shipped_one_for_new_cards() {
    let s = shop();
    let own = courtesy_store::CardTemplate {
        language: Language::Pl,
        occasion: CardOccasion::Welcome,
        text: "Witaj {first_name}! {gift_name} od {shop_name} do zamówienia {order_number}.".into(),
        shipped: false,
    };
    let saved = s.store.save_card_template(&own, &tester()).unwrap();
    assert!(!saved.shipped);
    s.store.plan_gifts(now(), &tester()).unwrap();
    let card = plan_of(&s.store, &s.raw, "#2001")
        .and_then(|p| p.card)
        .expect("a welcome card");
    assert_eq!(
        card.text,
        "Witaj Anna! Tea sampler od My shop do zamówienia #2001."
    );
    let templates = s.store.card_templates().unwrap();
    assert_eq!(templates.len(), 36, "nine occasions in four languages");
    let russian = templates
        .iter()
        .find(|t| t.language == Language::Ru && t.occasion == CardOccasion::Welcome)
        .expect("a Russian welcome");
    assert!(russian.shipped && russian.text.contains("{first_name}"));
}

#[test]
fn referral_rule_follows_the_referred_tag_and_manual_rule_only_orders_chosen_by_hand() {
    let s = shop();
    let policy = GiftPolicy {
        rules: vec![
            rule(1, GiftRuleKind::Manual, &[s.honey], CardOccasion::ThankYou),
            rule(2, GiftRuleKind::Referral, &[s.tea], CardOccasion::Referral),
        ],
        ..GiftPolicy::default()
    };
    s.store.save_gift_policy(&policy, &tester()).unwrap();
    let anna: i64 = s
        .raw
        .query_row(
            "SELECT customer_id FROM orders WHERE number = '#2001'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    s.raw
        .execute(
            "INSERT INTO customer_tags (customer_id, tag) VALUES (?1, 'Referred')",
            [anna],
        )
        .unwrap();
    s.store.plan_gifts(now(), &tester()).unwrap();
    let gifts_of = |number: &str| -> Vec<String> {
        plan_of(&s.store, &s.raw, number)
            .map(|p| p.gifts.into_iter().map(|g| g.name).collect())
            .unwrap_or_default()
    };
    assert_eq!(
        gifts_of("#2001"),
        ["Tea sampler"],
        "a referred customer's order"
    );
    assert!(
        gifts_of("#2003").is_empty(),
        "not referred, not chosen by hand"
    );
    assert!(
        gifts_of("#2004").is_empty(),
        "an unpaid order is not planned by itself"
    );

    let pending = order_id(&s.raw, "#2004");
    s.store
        .plan_gifts_for_orders(Some(&[pending]), now(), &tester())
        .unwrap();
    assert_eq!(
        gifts_of("#2004"),
        ["Honey jar"],
        "chosen by hand, the manual rule applies"
    );
}
