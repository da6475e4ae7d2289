//! Shared fixtures of the gift tests: a shelf of four gifts, a customer's order placed
//! on 26 November 2026 in Warsaw, and small helpers to read a plan.

use super::*;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use std::collections::BTreeMap;

pub(super) const ZONE: Tz = chrono_tz::Europe::Warsaw;

pub(super) const TEA: i64 = 1;
pub(super) const HONEY: i64 = 2;
pub(super) const SOCKS: i64 = 3;
pub(super) const PIN: i64 = 4;

pub(super) fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("{s}: {e}"))
        .with_timezone(&Utc)
}

pub(super) fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

pub(super) fn gift(id: i64, name: &str, cost: i64, stock: u32) -> Gift {
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

pub(super) fn shelf() -> Vec<Gift> {
    vec![
        gift(TEA, "Tea sampler", 1_500, 10),
        gift(HONEY, "Honey", 2_500, 10),
        gift(SOCKS, "Socks", 3_000, 10),
        gift(PIN, "Pin", 300, 10),
    ]
}

pub(super) fn rule(
    id: i64,
    kind: GiftRuleKind,
    gifts: &[i64],
    card: Option<CardOccasion>,
) -> GiftRule {
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

pub(super) fn policy(rules: Vec<GiftRule>) -> GiftPolicy {
    GiftPolicy {
        rules,
        ..GiftPolicy::default()
    }
}

/// The customer's first order, 26 November 2026 at 10:00 in Warsaw, 120.00 PLN.
pub(super) fn order(index: u32) -> GiftOrderFacts {
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

pub(super) fn customer() -> GiftCustomerFacts {
    GiftCustomerFacts {
        customer_id: 7,
        country: Some("PL".into()),
        ..GiftCustomerFacts::default()
    }
}

pub(super) fn plan_with(p: &GiftPolicy, o: &GiftOrderFacts, c: &GiftCustomerFacts) -> GiftPlan {
    plan_gifts(p, ZONE, &GiftLedger::new(&shelf(), &[], &[]), o, c)
}

pub(super) fn gift_ids(plan: &GiftPlan) -> Vec<i64> {
    plan.gifts.iter().map(|g| g.gift_id).collect()
}

pub(super) fn matched(plan: &GiftPlan, rule_id: i64) -> bool {
    plan.trace
        .iter()
        .any(|s| matches!(s, TraceStep::RuleMatched { rule_id: r, .. } if *r == rule_id))
}

pub(super) fn miss(plan: &GiftPlan, rule_id: i64) -> Option<RuleMiss> {
    plan.trace.iter().find_map(|s| match s {
        TraceStep::RuleNotMatched { rule_id: r, why } if *r == rule_id => Some(why.clone()),
        _ => None,
    })
}

pub(super) fn budget(pln: i64) -> BTreeMap<String, i64> {
    [("PLN".to_string(), pln)].into()
}

pub(super) fn spent(year: i32, month: u32, pln: i64) -> BudgetState {
    BudgetState {
        year,
        month,
        spent_minor: [("PLN".to_string(), pln)].into(),
    }
}

pub(super) fn first_order_of(customer_id: i64, order_id: i64, placed_at: &str) -> GiftCandidate {
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
