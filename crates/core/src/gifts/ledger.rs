//! The planner: rules in priority order, gifts in order of preference, constraints
//! checked against a ledger of stock, monthly spending and past gifts that the batch
//! carries from one order to the next.

use super::facts::{BudgetState, Gift, GiftCandidate, GiftCustomerFacts, GiftOrderFacts, PastGift};
use super::matching::rule_applies;
use super::policy::GiftPolicy;
use super::trace::{GiftPlan, GiftSkip, PlannedGift, TraceStep};
use chrono::{Datelike, Months, NaiveDate};
use chrono_tz::Tz;
use std::collections::HashMap;

/// Stock, spending per month and the last time each customer got each gift: the
/// state the constraints are checked against.
#[derive(Debug, Clone, Default)]
pub struct GiftLedger {
    gifts: HashMap<i64, Gift>,
    last_given: HashMap<(i64, i64), NaiveDate>,
    spent: HashMap<(i32, u32, String), i64>,
}

impl GiftLedger {
    /// A ledger of the shop's gifts (with their planned, unpacked counts), the gifts
    /// given before, and what was spent in the months given.
    pub fn new(gifts: &[Gift], past: &[PastGift], budgets: &[BudgetState]) -> GiftLedger {
        let mut ledger = GiftLedger {
            gifts: gifts.iter().map(|g| (g.id, g.clone())).collect(),
            ..GiftLedger::default()
        };
        for p in past {
            ledger.note_given(p.customer_id, p.gift_id, p.given_on);
        }
        for b in budgets {
            for (currency, minor) in &b.spent_minor {
                *ledger
                    .spent
                    .entry((b.year, b.month, currency.to_ascii_uppercase()))
                    .or_default() += minor;
            }
        }
        ledger
    }

    /// A gift as the ledger sees it now (its `planned` count includes plans made
    /// through this ledger).
    pub fn gift(&self, id: i64) -> Option<&Gift> {
        self.gifts.get(&id)
    }

    /// What gifts planned in `year`/`month` cost in `currency`.
    pub fn spent(&self, year: i32, month: u32, currency: &str) -> i64 {
        let key = (year, month, currency.to_ascii_uppercase());
        self.spent.get(&key).copied().unwrap_or(0)
    }

    /// When the customer last got the gift, if ever.
    pub fn last_given(&self, customer_id: i64, gift_id: i64) -> Option<NaiveDate> {
        self.last_given.get(&(customer_id, gift_id)).copied()
    }

    fn note_given(&mut self, customer_id: i64, gift_id: i64, on: NaiveDate) {
        let last = self.last_given.entry((customer_id, gift_id)).or_insert(on);
        if on > *last {
            *last = on;
        }
    }

    /// What the order would get and why, changing nothing.
    pub fn preview(
        &self,
        policy: &GiftPolicy,
        zone: Tz,
        order: &GiftOrderFacts,
        customer: &GiftCustomerFacts,
    ) -> GiftPlan {
        let today = order.placed_at.with_timezone(&zone).date_naive();
        let mut plan = GiftPlan {
            order_id: order.order_id,
            gifts: Vec::new(),
            card: None,
            trace: Vec::new(),
        };
        for rule in &policy.rules {
            let rule_id = rule.id;
            if !rule.enabled {
                plan.trace.push(TraceStep::RuleDisabled { rule_id });
                continue;
            }
            match rule_applies(&rule.kind, order, customer, today) {
                Err(why) => {
                    plan.trace.push(TraceStep::RuleNotMatched { rule_id, why });
                    continue;
                }
                Ok(m) => plan.trace.push(TraceStep::RuleMatched {
                    rule_id,
                    occasion_on: m.occasion_on,
                    calendar: m.calendar,
                }),
            }
            let mut gave = false;
            for &gift_id in &rule.gifts {
                match self.check(policy, order.customer_id, gift_id, today, &plan.gifts) {
                    Err(why) => plan.trace.push(TraceStep::GiftSkipped {
                        rule_id,
                        gift_id,
                        why,
                    }),
                    Ok(gift) => {
                        plan.trace.push(TraceStep::GiftChosen { rule_id, gift_id });
                        plan.gifts.push(PlannedGift {
                            gift_id,
                            rule_id,
                            name: gift.name.clone(),
                            sku: gift.sku.clone(),
                            unit_cost_minor: gift.unit_cost_minor,
                            currency: gift.currency.clone(),
                        });
                        gave = true;
                        break;
                    }
                }
            }
            if let (Some(card), None) = (rule.card, plan.card) {
                plan.card = Some(card);
                plan.trace.push(if gave {
                    TraceStep::CardAdded { rule_id, card }
                } else {
                    TraceStep::CardOnly { rule_id, card }
                });
                gave = true;
            }
            if !gave {
                plan.trace.push(TraceStep::RuleGaveNothing { rule_id });
                continue;
            }
            if !rule.also_later_rules {
                break;
            }
        }
        plan
    }

    /// Plans the order and records its gifts in the ledger (stock planned, money
    /// spent, given to the customer), so the next order sees them.
    pub fn plan(
        &mut self,
        policy: &GiftPolicy,
        zone: Tz,
        order: &GiftOrderFacts,
        customer: &GiftCustomerFacts,
    ) -> GiftPlan {
        let plan = self.preview(policy, zone, order, customer);
        let today = order.placed_at.with_timezone(&zone).date_naive();
        for g in &plan.gifts {
            if let Some(gift) = self.gifts.get_mut(&g.gift_id) {
                gift.planned += 1;
            }
            let key = (today.year(), today.month(), g.currency.to_ascii_uppercase());
            *self.spent.entry(key).or_default() += g.unit_cost_minor;
            self.note_given(order.customer_id, g.gift_id, today);
        }
        plan
    }

    /// Whether the gift may go into this plan, given the gifts already in it.
    fn check(
        &self,
        policy: &GiftPolicy,
        customer_id: i64,
        gift_id: i64,
        today: NaiveDate,
        in_plan: &[PlannedGift],
    ) -> Result<&Gift, GiftSkip> {
        let gift = self.gifts.get(&gift_id).ok_or(GiftSkip::UnknownGift)?;
        if in_plan.iter().any(|p| p.gift_id == gift_id) {
            return Err(GiftSkip::AlreadyInPlan);
        }
        if gift.available() == 0 {
            return Err(GiftSkip::OutOfStock {
                stock: gift.stock,
                planned: gift.planned,
            });
        }
        if policy.no_repeat_months > 0 {
            if let Some(given_on) = self.last_given(customer_id, gift_id) {
                let free_from = given_on.checked_add_months(Months::new(policy.no_repeat_months));
                if given_on <= today && free_from.is_none_or(|d| today < d) {
                    return Err(GiftSkip::GivenRecently {
                        given_on,
                        months: policy.no_repeat_months,
                    });
                }
            }
        }
        let currency = gift.currency.to_ascii_uppercase();
        let budget = policy
            .monthly_budget_minor
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(&currency))
            .map(|(_, b)| *b);
        if let Some(budget_minor) = budget {
            let in_this_plan: i64 = in_plan
                .iter()
                .filter(|p| p.currency.eq_ignore_ascii_case(&currency))
                .map(|p| p.unit_cost_minor)
                .sum();
            let spent_minor = self.spent(today.year(), today.month(), &currency) + in_this_plan;
            if spent_minor + gift.unit_cost_minor > budget_minor {
                return Err(GiftSkip::OverBudget {
                    currency,
                    budget_minor,
                    spent_minor,
                    cost_minor: gift.unit_cost_minor,
                });
            }
        }
        Ok(gift)
    }
}

/// What one order would get and why, against the given stock, past gifts and
/// spending; for the preview of a single order.
pub fn plan_gifts(
    policy: &GiftPolicy,
    zone: Tz,
    ledger: &GiftLedger,
    order: &GiftOrderFacts,
    customer: &GiftCustomerFacts,
) -> GiftPlan {
    ledger.preview(policy, zone, order, customer)
}

/// Plans many orders in the given sequence (normally by time placed), each seeing
/// the stock, spending and gifts planned for the ones before it. The ledger is left
/// with everything planned.
pub fn plan_gift_batch(
    policy: &GiftPolicy,
    zone: Tz,
    ledger: &mut GiftLedger,
    candidates: &[GiftCandidate],
) -> Vec<GiftPlan> {
    candidates
        .iter()
        .map(|c| ledger.plan(policy, zone, &c.order, &c.customer))
        .collect()
}
