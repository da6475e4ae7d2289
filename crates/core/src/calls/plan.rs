//! One refresh of the call queue: the calls to create and the open calls to close.

use super::policy::CallPolicy;
use super::reasons::CallReason;
use super::triggers::{call_reason, due_at, eligibility, CustomerFacts, Ineligible, OrderFacts};
use crate::OrderStatus;
use chrono::{DateTime, Duration, Utc};
use std::collections::{HashMap, HashSet};

/// An order the refresh looks at, with its customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallCandidate {
    /// The customer who placed it.
    pub customer: CustomerFacts,
    /// The order.
    pub order: OrderFacts,
}

/// A call that is open now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenCall {
    /// The call's id.
    pub id: i64,
    /// Whom to call.
    pub customer_id: i64,
    /// The order it is about, if any.
    pub order_id: Option<i64>,
    /// Why.
    pub reason: CallReason,
}

/// A call to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCall {
    /// Whom to call.
    pub customer_id: i64,
    /// The order it is about, if any.
    pub order_id: Option<i64>,
    /// Why.
    pub reason: CallReason,
    /// From when it may be made (calling hours are applied when it is offered).
    pub due_at: DateTime<Utc>,
}

/// Why an open call is closed without being made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseWhy {
    /// The customer asked not to be called.
    DoNotCall,
    /// The customer has no phone number any more.
    NoPhone,
    /// Phone consent is required and missing.
    NoPhoneConsent,
    /// The order was cancelled or refunded.
    OrderCancelled,
}

impl CloseWhy {
    /// The value stored as the call's closed reason.
    pub fn as_str(&self) -> &'static str {
        match self {
            CloseWhy::DoNotCall => "do_not_call",
            CloseWhy::NoPhone => "no_phone",
            CloseWhy::NoPhoneConsent => "no_phone_consent",
            CloseWhy::OrderCancelled => "order_cancelled",
        }
    }
}

impl From<Ineligible> for CloseWhy {
    fn from(i: Ineligible) -> Self {
        match i {
            Ineligible::DoNotCall => CloseWhy::DoNotCall,
            Ineligible::NoPhone => CloseWhy::NoPhone,
            Ineligible::NoPhoneConsent => CloseWhy::NoPhoneConsent,
        }
    }
}

/// What one refresh changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallPlan {
    /// Calls to queue.
    pub create: Vec<NewCall>,
    /// Open calls to close, with the reason.
    pub close: Vec<(i64, CloseWhy)>,
}

/// Whether the customer was called less than the policy's days before `due`
/// (or after it): a thank-you call would come too soon after the last one.
fn called_lately(policy: &CallPolicy, customer: &CustomerFacts, due: DateTime<Utc>) -> bool {
    policy.min_days_between_calls > 0
        && customer
            .last_called_at
            .is_some_and(|t| due - t < Duration::days(policy.min_days_between_calls.into()))
}

/// Plans one refresh. A candidate becomes a call when its customer may be called,
/// a rule gives a reason, the order has shipped, its call is not older than the
/// policy forgets, no call exists for the order, and the customer has no open
/// call of the kinds a refresh queues (thank-you or delivery problem; open or
/// planned here), so a second refresh plans nothing new. When a customer has
/// several candidates, the earliest due wins. Open calls of customers who may no longer be called are
/// closed, and so are thank-you calls of cancelled or refunded orders.
pub fn plan_calls(
    policy: &CallPolicy,
    candidates: &[CallCandidate],
    open_calls: &[OpenCall],
    now: DateTime<Utc>,
) -> CallPlan {
    let mut plan = CallPlan::default();
    let mut closing: HashSet<i64> = HashSet::new();
    let mut customers_seen: HashSet<i64> = HashSet::new();
    let mut open_by_customer: HashMap<i64, Vec<&OpenCall>> = HashMap::new();
    for call in open_calls {
        open_by_customer
            .entry(call.customer_id)
            .or_default()
            .push(call);
    }

    for c in candidates {
        if customers_seen.insert(c.customer.id) {
            if let Err(why) = eligibility(policy, &c.customer) {
                for call in open_by_customer.get(&c.customer.id).into_iter().flatten() {
                    if closing.insert(call.id) {
                        plan.close.push((call.id, why.into()));
                    }
                }
            }
        }
        if matches!(
            c.order.status,
            OrderStatus::Cancelled | OrderStatus::Refunded
        ) {
            for call in open_calls.iter().filter(|o| o.order_id == Some(c.order.id)) {
                if call.reason.is_thank_you() && closing.insert(call.id) {
                    plan.close.push((call.id, CloseWhy::OrderCancelled));
                }
            }
        }
    }

    let forget_before = now - Duration::days(policy.forget_after_days.into());
    let mut wanted: Vec<NewCall> = candidates
        .iter()
        .filter(|c| !c.order.has_call && eligibility(policy, &c.customer).is_ok())
        .filter_map(|c| {
            let reason = call_reason(policy, &c.customer, &c.order)?;
            let due = due_at(policy, &c.order)?;
            if reason.is_thank_you() && called_lately(policy, &c.customer, due) {
                return None;
            }
            (due >= forget_before).then_some(NewCall {
                customer_id: c.customer.id,
                order_id: Some(c.order.id),
                reason,
                due_at: due,
            })
        })
        .collect();
    wanted.sort_by_key(|n| (n.due_at, n.order_id));

    let mut busy: HashSet<i64> = open_calls
        .iter()
        .filter(|o| {
            (o.reason.is_thank_you() || o.reason == CallReason::DeliveryProblem)
                && !closing.contains(&o.id)
        })
        .map(|o| o.customer_id)
        .collect();
    for call in wanted {
        if busy.insert(call.customer_id) {
            plan.create.push(call);
        }
    }
    plan
}
