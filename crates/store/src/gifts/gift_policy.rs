//! The shop's gift policy (rules in priority order, monthly budgets, no-repeat
//! months), kept as JSON under the `gift_policy` setting; no rules until the
//! owner saves some.

use crate::audit::Actor;
use crate::db::Connection;
use crate::error::{Result, StoreError};
use crate::settings::{get, put_json};
use crate::Store;
use courtesy_core::gifts::{GiftPolicy, GiftRuleKind};
use std::collections::HashSet;

const KEY: &str = "gift_policy";

pub(crate) fn read_gift_policy(conn: &Connection) -> Result<GiftPolicy> {
    Ok(get(conn, KEY)?
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default())
}

/// Whether the policy can be saved: rule ids unique, gifts that exist, sensible
/// numbers and currency codes.
fn check(conn: &Connection, policy: &GiftPolicy) -> Result<()> {
    let invalid = |m: String| Err(StoreError::Invalid(m));
    let known: HashSet<i64> = conn
        .prepare_cached("SELECT id FROM gifts")?
        .query_map([], |r| r.get(0))?
        .collect::<crate::db::Result<_>>()?;
    let currency_ok = |c: &str| c.len() == 3 && c.chars().all(|ch| ch.is_ascii_alphabetic());
    for (c, minor) in &policy.monthly_budget_minor {
        if !currency_ok(c) {
            return invalid(format!("'{c}' is not a currency code"));
        }
        if *minor < 0 {
            return invalid(format!("the monthly budget in {c} cannot be negative"));
        }
    }
    if policy.no_repeat_months > 120 {
        return invalid("no-repeat months are limited to 120".into());
    }
    let mut ids = HashSet::new();
    for rule in &policy.rules {
        if !ids.insert(rule.id) {
            return invalid(format!("two rules have the id {}", rule.id));
        }
        if let Some(g) = rule.gifts.iter().find(|g| !known.contains(g)) {
            return invalid(format!(
                "rule {} names gift {g}, which does not exist",
                rule.id
            ));
        }
        match &rule.kind {
            GiftRuleKind::NthOrder { n: 0, .. } => {
                return invalid(format!(
                    "rule {}: the order number must be at least 1",
                    rule.id
                ))
            }
            GiftRuleKind::OrderTotalAtLeast { thresholds_minor } => {
                if thresholds_minor.is_empty() {
                    return invalid(format!("rule {} needs a threshold", rule.id));
                }
                if let Some(c) = thresholds_minor.keys().find(|c| !currency_ok(c)) {
                    return invalid(format!("rule {}: '{c}' is not a currency code", rule.id));
                }
            }
            GiftRuleKind::Tier { tiers } if tiers.iter().all(|t| t.trim().is_empty()) => {
                return invalid(format!("rule {} needs a tier or tag", rule.id))
            }
            GiftRuleKind::Birthday { within_days } | GiftRuleKind::NameDay { within_days, .. }
                if *within_days > 60 =>
            {
                return invalid(format!("rule {}: at most 60 days ahead", rule.id))
            }
            _ => {}
        }
    }
    Ok(())
}

impl Store {
    /// The gift policy (no rules until the owner saves theirs).
    pub fn gift_policy(&self) -> Result<GiftPolicy> {
        self.read(read_gift_policy)
    }

    /// Saves the gift policy after checking it; the change goes to the audit log.
    /// Orders planned already keep their plans.
    pub fn save_gift_policy(&self, policy: &GiftPolicy, actor: &Actor) -> Result<GiftPolicy> {
        self.write(|tx| {
            check(tx, policy)?;
            put_json(tx, actor, KEY, policy, "the gift policy")?;
            read_gift_policy(tx)
        })
    }
}
