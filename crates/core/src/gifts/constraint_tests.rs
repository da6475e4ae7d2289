//! The constraints on a gift: stock, the monthly budget in the shop's zone, no
//! repeat within the policy's months; and what the plan holds when they skip a gift.

use super::test_fixtures::*;
use super::*;

#[test]
fn out_of_stock_gift_is_skipped_for_the_next_alternative() {
    let mut gifts = shelf();
    gifts[0].stock = 3;
    gifts[0].planned = 3;
    let ledger = GiftLedger::new(&gifts, &[], &[]);
    let p = policy(vec![rule(1, GiftRuleKind::FirstOrder, &[TEA, HONEY], None)]);
    let plan = plan_gifts(&p, ZONE, &ledger, &order(1), &customer());
    assert_eq!(gift_ids(&plan), vec![HONEY]);
    assert_eq!(
        plan.trace[1],
        TraceStep::GiftSkipped {
            rule_id: 1,
            gift_id: TEA,
            why: GiftSkip::OutOfStock {
                stock: 3,
                planned: 3
            }
        }
    );
}

#[test]
fn a_gift_the_shop_no_longer_has_is_skipped_as_unknown() {
    let p = policy(vec![rule(1, GiftRuleKind::FirstOrder, &[99, TEA], None)]);
    let plan = plan_with(&p, &order(1), &customer());
    assert_eq!(gift_ids(&plan), vec![TEA]);
    assert!(plan.trace.contains(&TraceStep::GiftSkipped {
        rule_id: 1,
        gift_id: 99,
        why: GiftSkip::UnknownGift
    }));
}

#[test]
fn same_gift_is_not_given_twice_within_six_months() {
    let past = [PastGift {
        customer_id: 7,
        gift_id: HONEY,
        given_on: day("2026-05-02"),
    }];
    let ledger = GiftLedger::new(&shelf(), &past, &[]);
    let p = policy(vec![rule(1, GiftRuleKind::Manual, &[HONEY, PIN], None)]);
    for (placed_at, want) in [
        ("2026-11-01T10:00:00Z", PIN),
        ("2026-11-02T10:00:00Z", HONEY),
        ("2027-03-01T10:00:00Z", HONEY),
    ] {
        let o = GiftOrderFacts {
            placed_at: utc(placed_at),
            manual: true,
            ..order(4)
        };
        let plan = plan_gifts(&p, ZONE, &ledger, &o, &customer());
        assert_eq!(gift_ids(&plan), vec![want], "order on {placed_at}");
    }
    // Another customer may have it.
    let o = GiftOrderFacts {
        customer_id: 8,
        manual: true,
        placed_at: utc("2026-11-01T10:00:00Z"),
        ..order(4)
    };
    assert_eq!(
        gift_ids(&plan_gifts(&p, ZONE, &ledger, &o, &customer())),
        vec![HONEY]
    );
}

#[test]
fn no_repeat_months_of_zero_allows_the_same_gift_again() {
    let past = [PastGift {
        customer_id: 7,
        gift_id: HONEY,
        given_on: day("2026-11-20"),
    }];
    let ledger = GiftLedger::new(&shelf(), &past, &[]);
    let p = GiftPolicy {
        no_repeat_months: 0,
        ..policy(vec![rule(1, GiftRuleKind::Manual, &[HONEY], None)])
    };
    let o = GiftOrderFacts {
        manual: true,
        ..order(4)
    };
    assert_eq!(
        gift_ids(&plan_gifts(&p, ZONE, &ledger, &o, &customer())),
        vec![HONEY]
    );
}

#[test]
fn a_gift_that_would_exceed_the_monthly_budget_is_skipped_for_a_cheaper_one() {
    let p = GiftPolicy {
        monthly_budget_minor: budget(10_000),
        ..policy(vec![rule(1, GiftRuleKind::FirstOrder, &[TEA, PIN], None)])
    };
    for (already, want) in [(8_500, TEA), (8_501, PIN)] {
        let ledger = GiftLedger::new(&shelf(), &[], &[spent(2026, 11, already)]);
        let plan = plan_gifts(&p, ZONE, &ledger, &order(1), &customer());
        assert_eq!(gift_ids(&plan), vec![want], "spent {already} of 10000");
        if want == PIN {
            assert_eq!(
                plan.trace[1],
                TraceStep::GiftSkipped {
                    rule_id: 1,
                    gift_id: TEA,
                    why: GiftSkip::OverBudget {
                        currency: "PLN".into(),
                        budget_minor: 10_000,
                        spent_minor: 8_501,
                        cost_minor: 1_500
                    }
                }
            );
        }
    }
}

#[test]
fn budget_month_is_the_calendar_month_in_the_shops_zone() {
    let p = GiftPolicy {
        monthly_budget_minor: budget(10_000),
        ..policy(vec![rule(1, GiftRuleKind::FirstOrder, &[TEA], None)])
    };
    // November's budget is spent; December's is not.
    let ledger = GiftLedger::new(&shelf(), &[], &[spent(2026, 11, 10_000)]);
    for (placed_at, gets) in [
        ("2026-11-30T22:59:00Z", false), // 23:59 on 30 November in Warsaw
        ("2026-11-30T23:00:00Z", true),  // 00:00 on 1 December in Warsaw
    ] {
        let o = GiftOrderFacts {
            placed_at: utc(placed_at),
            ..order(1)
        };
        let plan = plan_gifts(&p, ZONE, &ledger, &o, &customer());
        assert_eq!(!plan.gifts.is_empty(), gets, "order at {placed_at}");
    }
}

#[test]
fn a_gift_in_a_currency_without_a_budget_is_not_limited() {
    let mut gifts = shelf();
    gifts[0].currency = "EUR".into();
    let p = GiftPolicy {
        monthly_budget_minor: budget(0),
        ..policy(vec![rule(1, GiftRuleKind::FirstOrder, &[TEA], None)])
    };
    let ledger = GiftLedger::new(&gifts, &[], &[]);
    assert_eq!(
        gift_ids(&plan_gifts(&p, ZONE, &ledger, &order(1), &customer())),
        vec![TEA]
    );
}

#[test]
fn when_every_gift_is_skipped_the_card_alone_is_planned_and_the_trace_says_why() {
    let mut gifts = shelf();
    gifts[0].stock = 0;
    let past = [PastGift {
        customer_id: 7,
        gift_id: HONEY,
        given_on: day("2026-05-02"),
    }];
    let ledger = GiftLedger::new(&gifts, &past, &[]);
    let p = policy(vec![rule(
        1,
        GiftRuleKind::Manual,
        &[TEA, HONEY],
        Some(CardOccasion::ThankYou),
    )]);
    let o = GiftOrderFacts {
        manual: true,
        placed_at: utc("2026-11-01T10:00:00Z"),
        ..order(3)
    };
    let plan = plan_gifts(&p, ZONE, &ledger, &o, &customer());
    assert!(plan.gifts.is_empty());
    assert_eq!(plan.card, Some(CardOccasion::ThankYou));
    assert_eq!(
        plan.trace,
        vec![
            TraceStep::RuleMatched {
                rule_id: 1,
                occasion_on: None,
                calendar: None
            },
            TraceStep::GiftSkipped {
                rule_id: 1,
                gift_id: TEA,
                why: GiftSkip::OutOfStock {
                    stock: 0,
                    planned: 0
                }
            },
            TraceStep::GiftSkipped {
                rule_id: 1,
                gift_id: HONEY,
                why: GiftSkip::GivenRecently {
                    given_on: day("2026-05-02"),
                    months: 6
                }
            },
            TraceStep::CardOnly {
                rule_id: 1,
                card: CardOccasion::ThankYou
            },
        ]
    );
}

#[test]
fn a_matching_rule_with_nothing_left_to_give_lets_the_next_rule_try() {
    let mut gifts = shelf();
    gifts[0].stock = 0;
    let ledger = GiftLedger::new(&gifts, &[], &[]);
    let p = policy(vec![
        rule(1, GiftRuleKind::FirstOrder, &[TEA], None),
        rule(2, GiftRuleKind::Manual, &[PIN], None),
    ]);
    let o = GiftOrderFacts {
        manual: true,
        ..order(1)
    };
    let plan = plan_gifts(&p, ZONE, &ledger, &o, &customer());
    assert_eq!(gift_ids(&plan), vec![PIN]);
    assert!(plan
        .trace
        .contains(&TraceStep::RuleGaveNothing { rule_id: 1 }));
}
