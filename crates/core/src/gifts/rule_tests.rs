//! The gift rules and constraints, one rule per test, with explicit dates in the
//! shop's zone (Europe/Warsaw).

use super::*;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use std::collections::BTreeMap;
use std::time::Instant;

const ZONE: Tz = chrono_tz::Europe::Warsaw;

const TEA: i64 = 1;
const HONEY: i64 = 2;
const SOCKS: i64 = 3;
const PIN: i64 = 4;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("{s}: {e}"))
        .with_timezone(&Utc)
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn gift(id: i64, name: &str, cost: i64, stock: u32) -> Gift {
    Gift {
        id,
        name: name.into(),
        sku: Some(format!("GIFT-{id}")),
        unit_cost_minor: cost,
        currency: "PLN".into(),
        stock,
        planned: 0,
    }
}

fn shelf() -> Vec<Gift> {
    vec![
        gift(TEA, "Tea sampler", 1_500, 10),
        gift(HONEY, "Honey", 2_500, 10),
        gift(SOCKS, "Socks", 3_000, 10),
        gift(PIN, "Pin", 300, 10),
    ]
}

fn rule(id: i64, kind: GiftRuleKind, gifts: &[i64], card: Option<CardOccasion>) -> GiftRule {
    GiftRule {
        id,
        name: format!("rule {id}"),
        enabled: true,
        kind,
        gifts: gifts.to_vec(),
        card,
        also_later_rules: false,
    }
}

fn policy(rules: Vec<GiftRule>) -> GiftPolicy {
    GiftPolicy {
        rules,
        ..GiftPolicy::default()
    }
}

/// The customer's first order, 26 November 2026 at 10:00 in Warsaw, 120.00 PLN.
fn order(index: u32) -> GiftOrderFacts {
    GiftOrderFacts {
        order_id: 100,
        customer_id: 7,
        placed_at: utc("2026-11-26T09:00:00Z"),
        total_minor: 12_000,
        currency: "PLN".into(),
        order_index: index,
        days_since_previous: (index > 1).then_some(30),
        referred: false,
        manual: false,
    }
}

fn customer() -> GiftCustomerFacts {
    GiftCustomerFacts {
        customer_id: 7,
        country: Some("PL".into()),
        ..GiftCustomerFacts::default()
    }
}

fn plan_with(p: &GiftPolicy, o: &GiftOrderFacts, c: &GiftCustomerFacts) -> GiftPlan {
    plan_gifts(p, ZONE, &GiftLedger::new(&shelf(), &[], &[]), o, c)
}

fn gift_ids(plan: &GiftPlan) -> Vec<i64> {
    plan.gifts.iter().map(|g| g.gift_id).collect()
}

fn matched(plan: &GiftPlan, rule_id: i64) -> bool {
    plan.trace
        .iter()
        .any(|s| matches!(s, TraceStep::RuleMatched { rule_id: r, .. } if *r == rule_id))
}

fn miss(plan: &GiftPlan, rule_id: i64) -> Option<RuleMiss> {
    plan.trace.iter().find_map(|s| match s {
        TraceStep::RuleNotMatched { rule_id: r, why } if *r == rule_id => Some(why.clone()),
        _ => None,
    })
}

#[test]
fn first_order_rule_gives_its_gift_to_a_first_order() {
    let p = policy(vec![rule(
        1,
        GiftRuleKind::FirstOrder,
        &[TEA],
        Some(CardOccasion::Welcome),
    )]);
    let plan = plan_with(&p, &order(1), &customer());
    assert_eq!(gift_ids(&plan), vec![TEA]);
    assert_eq!(plan.card, Some(CardOccasion::Welcome));
    assert_eq!(plan.gifts[0].name, "Tea sampler");
    assert_eq!(plan.gifts[0].rule_id, 1);
}

#[test]
fn first_order_rule_does_not_match_a_later_order_and_says_which_it_is() {
    let p = policy(vec![rule(1, GiftRuleKind::FirstOrder, &[TEA], None)]);
    let plan = plan_with(&p, &order(2), &customer());
    assert!(plan.gifts.is_empty() && plan.card.is_none());
    assert_eq!(
        miss(&plan, 1),
        Some(RuleMiss::NotFirstOrder { order_index: 2 })
    );
}

#[test]
fn nth_order_rule_matches_the_nth_order_and_with_repeat_every_multiple() {
    for (n, repeat, index, want) in [
        (5, false, 4, false),
        (5, false, 5, true),
        (5, false, 10, false),
        (5, true, 10, true),
        (5, true, 11, false),
        (10, true, 30, true),
        (0, true, 5, false),
    ] {
        let p = policy(vec![rule(
            1,
            GiftRuleKind::NthOrder { n, repeat },
            &[TEA],
            None,
        )]);
        let plan = plan_with(&p, &order(index), &customer());
        assert_eq!(
            matched(&plan, 1),
            want,
            "n={n} repeat={repeat} order #{index}"
        );
        if !want {
            assert_eq!(
                miss(&plan, 1),
                Some(RuleMiss::NotNthOrder {
                    order_index: index,
                    n
                })
            );
        }
    }
}

#[test]
fn order_total_rule_matches_at_or_above_the_threshold_of_the_orders_currency() {
    let thresholds: BTreeMap<String, i64> =
        [("PLN".to_string(), 50_000), ("EUR".to_string(), 15_000)].into();
    let kind = GiftRuleKind::OrderTotalAtLeast {
        thresholds_minor: thresholds,
    };
    let p = policy(vec![rule(1, kind, &[HONEY], Some(CardOccasion::BigOrder))]);
    for (total, currency, want) in [
        (
            49_999,
            "PLN",
            Err(RuleMiss::TotalBelow {
                total_minor: 49_999,
                threshold_minor: 50_000,
                currency: "PLN".into(),
            }),
        ),
        (50_000, "PLN", Ok(())),
        (50_000, "pln", Ok(())),
        (15_000, "EUR", Ok(())),
        (
            900_000,
            "SEK",
            Err(RuleMiss::NoThresholdForCurrency {
                currency: "SEK".into(),
            }),
        ),
    ] {
        let o = GiftOrderFacts {
            total_minor: total,
            currency: currency.into(),
            ..order(3)
        };
        let plan = plan_with(&p, &o, &customer());
        match want {
            Ok(()) => assert_eq!(gift_ids(&plan), vec![HONEY], "{total} {currency}"),
            Err(why) => assert_eq!(miss(&plan, 1), Some(why), "{total} {currency}"),
        }
    }
}

#[test]
fn tier_rule_matches_a_tag_or_the_tier_in_any_case() {
    let kind = GiftRuleKind::Tier {
        tiers: vec!["VIP".into(), "loyal".into()],
    };
    let p = policy(vec![rule(1, kind, &[SOCKS], Some(CardOccasion::Loyalty))]);
    for (tags, tier, want) in [
        (vec!["vip"], None, true),
        (vec!["wholesale", "Loyal"], None, true),
        (vec![], Some("LOYAL"), true),
        (vec!["wholesale"], Some("new"), false),
        (vec![], None, false),
    ] {
        let c = GiftCustomerFacts {
            tags: tags.iter().map(|t| t.to_string()).collect(),
            tier: tier.map(str::to_string),
            ..customer()
        };
        let plan = plan_with(&p, &order(4), &c);
        assert_eq!(matched(&plan, 1), want, "tags {tags:?} tier {tier:?}");
        if !want {
            assert_eq!(miss(&plan, 1), Some(RuleMiss::NotInTier));
        }
    }
}

fn birthday_plan(birthday: Option<Birthday>, placed_at: &str, within_days: u32) -> GiftPlan {
    let p = policy(vec![rule(
        1,
        GiftRuleKind::Birthday { within_days },
        &[HONEY],
        Some(CardOccasion::Birthday),
    )]);
    let o = GiftOrderFacts {
        placed_at: utc(placed_at),
        ..order(2)
    };
    let c = GiftCustomerFacts {
        birthday,
        ..customer()
    };
    plan_with(&p, &o, &c)
}

#[test]
fn birthday_rule_matches_a_birthday_within_n_days_across_the_new_year() {
    let jan3 = Some(Birthday::from_date(day("1990-01-03")));
    // 30 December 2026 in Warsaw; the birthday is 3 January 2027, four days ahead.
    let plan = birthday_plan(jan3, "2026-12-30T10:00:00Z", 4);
    assert_eq!(gift_ids(&plan), vec![HONEY]);
    assert_eq!(
        plan.trace[0],
        TraceStep::RuleMatched {
            rule_id: 1,
            occasion_on: Some(day("2027-01-03")),
            calendar: None
        }
    );
    let plan = birthday_plan(jan3, "2026-12-30T10:00:00Z", 3);
    assert_eq!(
        miss(&plan, 1),
        Some(RuleMiss::BirthdayNotWithin {
            next: day("2027-01-03"),
            within_days: 3
        })
    );
}

#[test]
fn birthday_rule_counts_the_order_day_as_day_zero_and_not_a_past_birthday() {
    let nov26 = Some(Birthday::day_of_year(11, 26));
    assert!(matched(&birthday_plan(nov26, "2026-11-26T09:00:00Z", 0), 1));
    let nov25 = Some(Birthday::day_of_year(11, 25));
    assert_eq!(
        miss(&birthday_plan(nov25, "2026-11-26T09:00:00Z", 7), 1),
        Some(RuleMiss::BirthdayNotWithin {
            next: day("2027-11-25"),
            within_days: 7
        })
    );
}

#[test]
fn birthday_rule_uses_the_shops_date_not_the_utc_date() {
    // 23:30 UTC on 25 November is already 26 November in Warsaw.
    let nov26 = Some(Birthday::day_of_year(11, 26));
    assert!(matched(&birthday_plan(nov26, "2026-11-25T23:30:00Z", 0), 1));
}

#[test]
fn feb_29_birthday_is_kept_on_feb_28_in_a_common_year() {
    let leapling = Some(Birthday::from_date(day("2000-02-29")));
    let plan = birthday_plan(leapling, "2027-02-25T10:00:00Z", 3);
    assert_eq!(
        plan.trace[0],
        TraceStep::RuleMatched {
            rule_id: 1,
            occasion_on: Some(day("2027-02-28")),
            calendar: None
        }
    );
    let plan = birthday_plan(leapling, "2028-02-25T10:00:00Z", 4);
    assert!(matches!(
        plan.trace[0],
        TraceStep::RuleMatched { occasion_on: Some(d), .. } if d == day("2028-02-29")
    ));
    assert_eq!(
        birthday_in_year(&Birthday::day_of_year(2, 29), 2026),
        Some(day("2026-02-28"))
    );
}

#[test]
fn birthday_rule_without_a_birthday_says_so() {
    let plan = birthday_plan(None, "2026-11-26T09:00:00Z", 7);
    assert_eq!(miss(&plan, 1), Some(RuleMiss::NoBirthday));
}

fn name_day_plan(
    c: GiftCustomerFacts,
    placed_at: &str,
    calendars: Vec<NameDayCalendar>,
) -> GiftPlan {
    let kind = GiftRuleKind::NameDay {
        within_days: 7,
        calendars,
    };
    let p = policy(vec![rule(1, kind, &[TEA], Some(CardOccasion::NameDay))]);
    let o = GiftOrderFacts {
        placed_at: utc(placed_at),
        ..order(2)
    };
    plan_with(&p, &o, &c)
}

fn named(
    first: &str,
    country: Option<&str>,
    language: Option<crate::Language>,
) -> GiftCustomerFacts {
    GiftCustomerFacts {
        first_name: Some(first.into()),
        country: country.map(str::to_string),
        language,
        ..customer()
    }
}

#[test]
fn name_day_rule_matches_polish_finnish_and_russian_names_by_the_customers_country() {
    use NameDayCalendar::*;
    for (first, country, placed_at, on, calendar) in [
        ("Anna", "PL", "2026-07-20T10:00:00Z", "2026-07-26", Pl),
        ("Katarzyna", "PL", "2026-11-20T10:00:00Z", "2026-11-25", Pl),
        ("Mikołaj", "PL", "2026-12-01T10:00:00Z", "2026-12-06", Pl),
        ("Matti", "FI", "2026-02-20T10:00:00Z", "2026-02-24", Fi),
        ("Anna", "FI", "2026-12-05T10:00:00Z", "2026-12-09", Fi),
        ("Juhani", "FI", "2026-06-20T10:00:00Z", "2026-06-24", Fi),
        ("Татьяна", "RU", "2027-01-20T10:00:00Z", "2027-01-25", Ru),
        ("Ольга", "RU", "2026-07-20T10:00:00Z", "2026-07-24", Ru),
        ("Nikolay", "RU", "2026-12-15T10:00:00Z", "2026-12-19", Ru),
    ] {
        let plan = name_day_plan(named(first, Some(country), None), placed_at, vec![]);
        assert_eq!(
            plan.trace[0],
            TraceStep::RuleMatched {
                rule_id: 1,
                occasion_on: Some(day(on)),
                calendar: Some(calendar)
            },
            "{first} ({country}) ordering {placed_at}"
        );
        assert_eq!(plan.card, Some(CardOccasion::NameDay));
    }
}

#[test]
fn name_day_rule_falls_back_to_the_language_and_honours_the_rules_calendars() {
    use crate::Language;
    // A Finn living in Germany: the country has no calendar, the language has.
    let plan = name_day_plan(
        named("Anna", Some("DE"), Some(Language::Fi)),
        "2026-12-05T10:00:00Z",
        vec![],
    );
    assert!(matched(&plan, 1));
    // The rule names the Polish calendar only: Anna's Finnish day does not count.
    let plan = name_day_plan(
        named("Anna", Some("FI"), None),
        "2026-12-05T10:00:00Z",
        vec![NameDayCalendar::Pl],
    );
    assert_eq!(
        miss(&plan, 1),
        Some(RuleMiss::NameDayNotWithin {
            next: day("2027-07-26"),
            calendar: NameDayCalendar::Pl,
            within_days: 7
        })
    );
}

#[test]
fn name_day_rule_says_why_it_cannot_tell() {
    let when = "2026-11-26T09:00:00Z";
    let no_name = GiftCustomerFacts {
        first_name: None,
        ..customer()
    };
    assert_eq!(
        miss(&name_day_plan(no_name, when, vec![]), 1),
        Some(RuleMiss::NoFirstName)
    );
    let no_calendar = named("Anna", Some("DE"), Some(crate::Language::En));
    assert_eq!(
        miss(&name_day_plan(no_calendar, when, vec![]), 1),
        Some(RuleMiss::NoNameDayCalendar)
    );
    let unknown = named("Brooklyn", Some("PL"), None);
    assert_eq!(
        miss(&name_day_plan(unknown, when, vec![]), 1),
        Some(RuleMiss::NameNotInCalendar)
    );
}

#[test]
fn referral_rule_matches_only_a_referred_order() {
    let p = policy(vec![rule(
        1,
        GiftRuleKind::Referral,
        &[PIN],
        Some(CardOccasion::Referral),
    )]);
    let referred = GiftOrderFacts {
        referred: true,
        ..order(1)
    };
    assert_eq!(gift_ids(&plan_with(&p, &referred, &customer())), vec![PIN]);
    assert_eq!(
        miss(&plan_with(&p, &order(1), &customer()), 1),
        Some(RuleMiss::NotReferred)
    );
}

#[test]
fn win_back_rule_needs_a_gap_of_at_least_n_days_since_the_previous_order() {
    let p = policy(vec![rule(
        1,
        GiftRuleKind::WinBack { min_gap_days: 180 },
        &[HONEY],
        Some(CardOccasion::WelcomeBack),
    )]);
    for (index, gap, want) in [
        (3, Some(180), None),
        (3, Some(400), None),
        (
            3,
            Some(179),
            Some(RuleMiss::GapTooShort {
                days_since_previous: 179,
                min_gap_days: 180,
            }),
        ),
        (1, None, Some(RuleMiss::NoPreviousOrder)),
        (2, None, Some(RuleMiss::NoPreviousOrder)),
    ] {
        let o = GiftOrderFacts {
            days_since_previous: gap,
            ..order(index)
        };
        let plan = plan_with(&p, &o, &customer());
        assert_eq!(miss(&plan, 1), want, "order #{index} after {gap:?} days");
        assert_eq!(matched(&plan, 1), want.is_none());
    }
}

#[test]
fn manual_rule_matches_an_order_marked_by_hand() {
    let p = policy(vec![rule(1, GiftRuleKind::Manual, &[SOCKS], None)]);
    let marked = GiftOrderFacts {
        manual: true,
        ..order(6)
    };
    assert_eq!(gift_ids(&plan_with(&p, &marked, &customer())), vec![SOCKS]);
    assert_eq!(
        miss(&plan_with(&p, &order(6), &customer()), 1),
        Some(RuleMiss::NotManual)
    );
}

#[test]
fn rules_are_tried_in_priority_order_and_the_first_that_gives_decides() {
    let p = policy(vec![
        rule(1, GiftRuleKind::Referral, &[PIN], None),
        rule(
            2,
            GiftRuleKind::FirstOrder,
            &[TEA],
            Some(CardOccasion::Welcome),
        ),
        rule(3, GiftRuleKind::Manual, &[HONEY], None),
    ]);
    let o = GiftOrderFacts {
        manual: true,
        ..order(1)
    };
    let plan = plan_with(&p, &o, &customer());
    assert_eq!(
        gift_ids(&plan),
        vec![TEA],
        "the first order rule comes before manual"
    );
    assert_eq!(
        plan.trace,
        vec![
            TraceStep::RuleNotMatched {
                rule_id: 1,
                why: RuleMiss::NotReferred
            },
            TraceStep::RuleMatched {
                rule_id: 2,
                occasion_on: None,
                calendar: None
            },
            TraceStep::GiftChosen {
                rule_id: 2,
                gift_id: TEA
            },
            TraceStep::CardAdded {
                rule_id: 2,
                card: CardOccasion::Welcome
            },
        ],
        "rule 3 is not reached"
    );
}

#[test]
fn a_disabled_rule_is_skipped_and_the_trace_says_so() {
    let mut first = rule(1, GiftRuleKind::FirstOrder, &[TEA], None);
    first.enabled = false;
    let p = policy(vec![
        first,
        rule(2, GiftRuleKind::FirstOrder, &[HONEY], None),
    ]);
    let plan = plan_with(&p, &order(1), &customer());
    assert_eq!(gift_ids(&plan), vec![HONEY]);
    assert_eq!(plan.trace[0], TraceStep::RuleDisabled { rule_id: 1 });
}

#[test]
fn a_rule_that_also_lets_later_rules_give_adds_their_gifts_but_not_the_same_gift_twice() {
    let mut first = rule(
        1,
        GiftRuleKind::FirstOrder,
        &[TEA],
        Some(CardOccasion::Welcome),
    );
    first.also_later_rules = true;
    let p = policy(vec![
        first,
        rule(
            2,
            GiftRuleKind::Referral,
            &[TEA, PIN],
            Some(CardOccasion::Referral),
        ),
    ]);
    let o = GiftOrderFacts {
        referred: true,
        ..order(1)
    };
    let plan = plan_with(&p, &o, &customer());
    assert_eq!(gift_ids(&plan), vec![TEA, PIN]);
    assert_eq!(
        plan.card,
        Some(CardOccasion::Welcome),
        "the first card stays"
    );
    assert!(plan.trace.contains(&TraceStep::GiftSkipped {
        rule_id: 2,
        gift_id: TEA,
        why: GiftSkip::AlreadyInPlan
    }));
}

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

fn budget(pln: i64) -> BTreeMap<String, i64> {
    [("PLN".to_string(), pln)].into()
}

fn spent(year: i32, month: u32, pln: i64) -> BudgetState {
    BudgetState {
        year,
        month,
        spent_minor: [("PLN".to_string(), pln)].into(),
    }
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

fn first_order_of(customer_id: i64, order_id: i64, placed_at: &str) -> GiftCandidate {
    GiftCandidate {
        order: GiftOrderFacts {
            order_id,
            customer_id,
            placed_at: utc(placed_at),
            ..order(1)
        },
        customer: GiftCustomerFacts {
            customer_id,
            ..customer()
        },
    }
}

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
fn rules_are_read_from_camel_case_json_with_a_kind() {
    let json = r#"{
        "rules": [
            {"id": 1, "kind": "firstOrder", "gifts": [1, 2], "card": "welcome"},
            {"id": 2, "kind": "nthOrder", "n": 10, "repeat": true, "gifts": [3]},
            {"id": 3, "kind": "orderTotalAtLeast", "thresholdsMinor": {"PLN": 50000}},
            {"id": 4, "kind": "nameDay", "withinDays": 3, "calendars": ["pl", "ru"],
             "card": "nameDay", "enabled": false},
            {"id": 5, "kind": "winBack", "minGapDays": 180, "alsoLaterRules": true}
        ],
        "monthlyBudgetMinor": {"PLN": 100000}
    }"#;
    let p: GiftPolicy = serde_json::from_str(json).expect("the policy parses");
    assert_eq!(p.no_repeat_months, 6, "a missing field takes its default");
    assert_eq!(p.rules[0].kind, GiftRuleKind::FirstOrder);
    assert_eq!(p.rules[0].gifts, vec![1, 2]);
    assert!(p.rules[0].enabled, "enabled by default");
    assert_eq!(
        p.rules[1].kind,
        GiftRuleKind::NthOrder {
            n: 10,
            repeat: true
        }
    );
    assert_eq!(
        p.rules[3].kind,
        GiftRuleKind::NameDay {
            within_days: 3,
            calendars: vec![NameDayCalendar::Pl, NameDayCalendar::Ru]
        }
    );
    assert!(!p.rules[3].enabled);
    assert!(p.rules[4].also_later_rules);
    let back: GiftPolicy =
        serde_json::from_str(&serde_json::to_string(&p).expect("serialises")).expect("parses");
    assert_eq!(back, p);
}

#[test]
fn trace_steps_serialise_as_kinds_the_ui_can_translate() {
    let step = TraceStep::GiftSkipped {
        rule_id: 1,
        gift_id: 2,
        why: GiftSkip::GivenRecently {
            given_on: day("2026-05-02"),
            months: 6,
        },
    };
    let json = serde_json::to_value(&step).expect("serialises");
    assert_eq!(
        json,
        serde_json::json!({
            "kind": "giftSkipped", "ruleId": 1, "giftId": 2,
            "why": {"kind": "givenRecently", "givenOn": "2026-05-02", "months": 6}
        })
    );
    let miss = TraceStep::RuleNotMatched {
        rule_id: 3,
        why: RuleMiss::TotalBelow {
            total_minor: 100,
            threshold_minor: 200,
            currency: "PLN".into(),
        },
    };
    assert_eq!(
        serde_json::to_value(&miss).expect("serialises"),
        serde_json::json!({
            "kind": "ruleNotMatched", "ruleId": 3,
            "why": {"kind": "totalBelow", "totalMinor": 100, "thresholdMinor": 200, "currency": "PLN"}
        })
    );
    let plan = plan_with(
        &policy(vec![rule(
            1,
            GiftRuleKind::FirstOrder,
            &[TEA],
            Some(CardOccasion::Welcome),
        )]),
        &order(1),
        &customer(),
    );
    let text = serde_json::to_string(&plan).expect("serialises");
    let back: GiftPlan = serde_json::from_str(&text).expect("parses");
    assert_eq!(back, plan);
    assert!(text.contains(r#""card":"welcome""#), "{text}");
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
