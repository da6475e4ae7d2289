//! Which customers may be called, why an order earns a call, and when it falls due.

use super::policy::CallPolicy;
use super::reasons::CallReason;
use crate::OrderStatus;
use chrono::{DateTime, Duration, Utc};

/// What the rules need to know about a customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerFacts {
    /// The customer's id.
    pub id: i64,
    /// The customer asked never to be called.
    pub do_not_call: bool,
    /// The first phone number (E.164), if any.
    pub phone_e164: Option<String>,
    /// Phone consent: granted, refused, or never asked (`None`).
    pub phone_consent: Option<bool>,
    /// The customer's tags.
    pub tags: Vec<String>,
    /// ISO alpha-2 country.
    pub country: Option<String>,
    /// When the customer was last called (the latest attempt on any call).
    pub last_called_at: Option<DateTime<Utc>>,
}

/// What the rules need to know about an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderFacts {
    /// The order's id.
    pub id: i64,
    /// Where the order stands.
    pub status: OrderStatus,
    /// When it left the shop.
    pub fulfilled_at: Option<DateTime<Utc>>,
    /// When it arrived.
    pub delivered_at: Option<DateTime<Utc>>,
    /// The order total in minor units of `currency`.
    pub total_minor: i64,
    /// ISO currency code.
    pub currency: String,
    /// This is the customer's first purchase.
    pub is_first_order: bool,
    /// A call for this order exists already (in any status).
    pub has_call: bool,
}

/// Why a customer may not be called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ineligible {
    /// The do-not-call flag is set.
    DoNotCall,
    /// There is no phone number.
    NoPhone,
    /// The shop requires phone consent and it was not given.
    NoPhoneConsent,
}

/// Whether the customer may be called at all under `policy`.
pub fn eligibility(policy: &CallPolicy, customer: &CustomerFacts) -> Result<(), Ineligible> {
    if customer.do_not_call {
        return Err(Ineligible::DoNotCall);
    }
    if customer
        .phone_e164
        .as_deref()
        .is_none_or(|p| p.trim().is_empty())
    {
        return Err(Ineligible::NoPhone);
    }
    if policy.require_phone_consent && customer.phone_consent != Some(true) {
        return Err(Ineligible::NoPhoneConsent);
    }
    Ok(())
}

/// The reason this order earns a call, strongest first: a late delivery (the
/// parcel took longer than the policy allows), VIP, a big order, a first order.
/// `None` when no rule applies.
pub fn call_reason(
    policy: &CallPolicy,
    customer: &CustomerFacts,
    order: &OrderFacts,
) -> Option<CallReason> {
    let vip = policy
        .vip_tag
        .as_deref()
        .is_some_and(|tag| customer.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)));
    let big = policy
        .big_order_thresholds
        .get(&order.currency.to_ascii_uppercase())
        .is_some_and(|limit| order.total_minor >= *limit);
    if is_late(policy, order) {
        Some(CallReason::DeliveryProblem)
    } else if vip {
        Some(CallReason::VipOrder)
    } else if big {
        Some(CallReason::BigOrder)
    } else if policy.first_order && order.is_first_order {
        Some(CallReason::FirstOrder)
    } else {
        None
    }
}

/// Whether the parcel took longer than `late_delivery_days` to arrive.
fn is_late(policy: &CallPolicy, order: &OrderFacts) -> bool {
    let (Some(sent), Some(arrived)) = (order.fulfilled_at, order.delivered_at) else {
        return false;
    };
    policy.late_delivery_days > 0
        && arrived - sent > Duration::days(policy.late_delivery_days.into())
}

/// When the call for `order` falls due: some days after delivery or, without a
/// delivery time, after fulfilment plus the assumed shipping days. `None` while the
/// order has not shipped, or when it was cancelled or refunded.
pub fn due_at(policy: &CallPolicy, order: &OrderFacts) -> Option<DateTime<Utc>> {
    if matches!(order.status, OrderStatus::Cancelled | OrderStatus::Refunded) {
        return None;
    }
    let arrived = match (order.delivered_at, order.fulfilled_at) {
        (Some(d), _) => d,
        (None, Some(f)) => f + Duration::days(policy.assumed_shipping_days.into()),
        (None, None) => return None,
    };
    Some(arrived + Duration::days(policy.days_after_delivery.into()))
}
