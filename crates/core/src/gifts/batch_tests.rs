//! Planning orders in sequence: stock, budget and past gifts carried from one order
//! to the next, previews that change nothing, and the speed of a big batch.

use super::test_fixtures::*;
use super::*;
use std::time::Instant;

#[test]
fn stock_is_carried_across_a_batch() {
    let mut gifts = shelf();
    gifts[0].stock = 3;
    gifts[0].planned = 1;
    let mut ledger = GiftLedger::new(&gifts, &[], &[]);
    let p = policy(vec![rule(1, GiftRuleKind::FirstOrder, &[TEA, PIN], None)]);
    let batch: Vec<_> = (1..=3)
        .map(|i| first_order_of(i, 100 + i, "2026-11-26T09:00:00Z"))
        .collect();
    let plans = plan_gift_batch(&p, ZONE, &mut ledger, &batch);
    let got: Vec<Vec<i64>> = plans.iter().map(gift_ids).collect();
    assert_eq!(
        got,
        vec![vec![TEA], vec![TEA], vec![PIN]],
        "two free of three, one planned"
    );
    assert_eq!(ledger.gift(TEA).map(|g| g.planned), Some(3));
    assert_eq!(ledger.gift(PIN).map(|g| g.planned), Some(1));
}

#[test]
fn budget_is_carried_across_a_batch_and_starts_afresh_in_a_new_month() {
    let p = GiftPolicy {
        monthly_budget_minor: budget(3_000),
        ..policy(vec![rule(1, GiftRuleKind::FirstOrder, &[TEA], None)])
    };
    let mut ledger = GiftLedger::new(&shelf(), &[], &[]);
    let batch = [
        first_order_of(1, 101, "2026-11-10T09:00:00Z"),
        first_order_of(2, 102, "2026-11-20T09:00:00Z"),
        first_order_of(3, 103, "2026-11-29T09:00:00Z"),
        first_order_of(4, 104, "2026-12-01T09:00:00Z"),
    ];
    let plans = plan_gift_batch(&p, ZONE, &mut ledger, &batch);
    let got: Vec<usize> = plans.iter().map(|pl| pl.gifts.len()).collect();
    assert_eq!(got, vec![1, 1, 0, 1]);
    assert_eq!(ledger.spent(2026, 11, "PLN"), 3_000);
    assert_eq!(ledger.spent(2026, 12, "pln"), 1_500);
}

#[test]
fn a_batch_remembers_gifts_it_planned_for_the_same_customer() {
    let p = policy(vec![rule(1, GiftRuleKind::Manual, &[HONEY, PIN], None)]);
    let mut ledger = GiftLedger::new(&shelf(), &[], &[]);
    let mut second = first_order_of(7, 102, "2026-12-20T09:00:00Z");
    second.order.manual = true;
    let mut first = first_order_of(7, 101, "2026-11-26T09:00:00Z");
    first.order.manual = true;
    let plans = plan_gift_batch(&p, ZONE, &mut ledger, &[first, second]);
    assert_eq!(gift_ids(&plans[0]), vec![HONEY]);
    assert_eq!(gift_ids(&plans[1]), vec![PIN]);
    assert_eq!(ledger.last_given(7, HONEY), Some(day("2026-11-26")));
}

#[test]
fn a_preview_changes_nothing_in_the_ledger() {
    let p = policy(vec![rule(1, GiftRuleKind::FirstOrder, &[TEA], None)]);
    let ledger = GiftLedger::new(&shelf(), &[], &[]);
    let a = plan_gifts(&p, ZONE, &ledger, &order(1), &customer());
    let b = plan_gifts(&p, ZONE, &ledger, &order(1), &customer());
    assert_eq!(a, b);
    assert_eq!(ledger.gift(TEA).map(|g| g.planned), Some(0));
    assert_eq!(ledger.spent(2026, 11, "PLN"), 0);
}

#[test]
fn ten_thousand_orders_plan_in_well_under_a_second() {
    let p = GiftPolicy {
        monthly_budget_minor: budget(5_000_000),
        ..policy(vec![
            rule(
                1,
                GiftRuleKind::FirstOrder,
                &[TEA, HONEY],
                Some(CardOccasion::Welcome),
            ),
            rule(
                2,
                GiftRuleKind::NthOrder { n: 5, repeat: true },
                &[SOCKS, PIN],
                None,
            ),
            rule(3, GiftRuleKind::Birthday { within_days: 7 }, &[HONEY], None),
            rule(
                4,
                GiftRuleKind::NameDay {
                    within_days: 3,
                    calendars: vec![],
                },
                &[TEA, PIN],
                Some(CardOccasion::NameDay),
            ),
            rule(
                5,
                GiftRuleKind::WinBack { min_gap_days: 180 },
                &[HONEY],
                None,
            ),
            rule(6, GiftRuleKind::Manual, &[PIN], None),
        ])
    };
    let names = ["Anna", "Jan", "Matti", "Татьяна", "Piotr", "Brooklyn"];
    let countries = ["PL", "PL", "FI", "RU", "PL", "GB"];
    let mut gifts = shelf();
    for g in &mut gifts {
        g.stock = 4_000;
    }
    let start = utc("2026-01-01T09:00:00Z");
    let batch: Vec<GiftCandidate> = (0..10_000i64)
        .map(|i| {
            let c = i % 3_000;
            let index = (i / 3_000) as u32 + 1;
            GiftCandidate {
                order: GiftOrderFacts {
                    order_id: i,
                    customer_id: c,
                    placed_at: start + chrono::Duration::minutes(i * 50),
                    total_minor: 5_000 + i % 40_000,
                    currency: "PLN".into(),
                    order_index: index,
                    days_since_previous: (index > 1).then_some((i % 400) as u32),
                    referred: false,
                    manual: i % 97 == 0,
                },
                customer: GiftCustomerFacts {
                    customer_id: c,
                    first_name: Some(names[(c % 6) as usize].into()),
                    country: Some(countries[(c % 6) as usize].into()),
                    birthday: Some(Birthday::day_of_year(
                        (c % 12 + 1) as u32,
                        (c % 28 + 1) as u32,
                    )),
                    ..GiftCustomerFacts::default()
                },
            }
        })
        .collect();
    let mut ledger = GiftLedger::new(&gifts, &[], &[]);
    let t = Instant::now();
    let plans = plan_gift_batch(&p, ZONE, &mut ledger, &batch);
    let took = t.elapsed();
    assert_eq!(plans.len(), 10_000);
    assert!(plans.iter().filter(|pl| !pl.gifts.is_empty()).count() > 3_000);
    // Generous for an unoptimised test build on a busy machine; a release build
    // takes a few milliseconds.
    assert!(took.as_millis() < 1_000, "10,000 orders took {took:?}");
}
