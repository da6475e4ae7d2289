//! The gift rules, one rule per test, with explicit dates in the shop's zone
//! (Europe/Warsaw); the policy's JSON and the trace's kinds.

use super::test_fixtures::*;
use super::*;
use std::collections::BTreeMap;

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
fn typescript_types_use_the_same_names_as_the_json() {
    use ts_rs::{Config, TS};
    let cfg = Config::new();
    let decls = [
        GiftPolicy::decl(&cfg),
        GiftRule::decl(&cfg),
        GiftRuleKind::decl(&cfg),
        TraceStep::decl(&cfg),
        RuleMiss::decl(&cfg),
        GiftSkip::decl(&cfg),
        GiftPlan::decl(&cfg),
    ]
    .join("\n");
    for name in [
        "monthlyBudgetMinor",
        "alsoLaterRules",
        "\"kind\": \"nthOrder\"",
        "withinDays",
        "\"kind\": \"giftSkipped\"",
        "ruleId: number",
        "givenOn: string",
        "thresholdMinor: number",
        "orderId: number",
    ] {
        assert!(decls.contains(name), "{name} missing from:\n{decls}");
    }
    assert!(
        !decls.contains("bigint"),
        "ids and money are numbers:\n{decls}"
    );
    assert!(!decls.contains("rule_id"), "no snake_case names:\n{decls}");
}
