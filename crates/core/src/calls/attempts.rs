//! What one attempt leads to: a retry, closing the call, the do-not-call flag, a
//! follow-up call.

use super::calling_hours::{next_offer_time, start_of_window_after_days};
use super::plan::NewCall;
use super::policy::CallPolicy;
use super::reasons::{CallOutcome, CallReason};
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

/// The call an attempt was made on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptedCall {
    /// Whom.
    pub customer_id: i64,
    /// The order it is about, if any.
    pub order_id: Option<i64>,
    /// Why.
    pub reason: CallReason,
    /// Attempts made on this call before this one.
    pub earlier_attempts: u32,
    /// The customer's time zone.
    pub zone: Tz,
}

/// What the person on the phone reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptReport {
    /// How the attempt ended.
    pub outcome: CallOutcome,
    /// The customer's satisfaction, 1–5, when asked.
    pub satisfaction: Option<u8>,
    /// The customer reported a problem with the delivery.
    pub delivery_problem: bool,
    /// "Call again" at this time, when the customer asked for it.
    pub call_again_at: Option<DateTime<Utc>>,
}

/// The effects of an attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptEffects {
    /// The call stays open and is offered again from this time.
    pub retry_at: Option<DateTime<Utc>>,
    /// The call is done.
    pub close: bool,
    /// Set the customer's do-not-call flag.
    pub set_do_not_call: bool,
    /// A new call to queue: service recovery, or a "call again".
    pub follow_up: Option<NewCall>,
}

/// Applies the policy to one attempt. No answer, voicemail or busy: retry from the
/// start of calling hours `retry.after_days` later, until `retry.max_attempts`
/// attempts were made, then close. Any other outcome closes the call. Do-not-call
/// sets the flag and never leads to a follow-up. Satisfaction ≤ 2 or a delivery
/// problem queues a service-recovery call; otherwise a requested "call again" is
/// queued.
pub fn after_attempt(
    policy: &CallPolicy,
    call: &AttemptedCall,
    report: &AttemptReport,
    now: DateTime<Utc>,
) -> AttemptEffects {
    let attempts = call.earlier_attempts + 1;
    let retry_at = (report.outcome.is_retryable() && attempts < policy.retry.max_attempts)
        .then(|| start_of_window_after_days(policy, call.zone, now, policy.retry.after_days));
    let set_do_not_call = report.outcome == CallOutcome::DoNotCall;
    let poor = report.satisfaction.is_some_and(|s| s <= 2);
    let follow_up = if set_do_not_call {
        None
    } else if poor || report.delivery_problem {
        let due = now + Duration::days(policy.service_recovery_after_days.into());
        Some(NewCall {
            customer_id: call.customer_id,
            order_id: call.order_id,
            reason: CallReason::ServiceRecovery,
            due_at: next_offer_time(policy, call.zone, due, now),
        })
    } else {
        report.call_again_at.map(|at| NewCall {
            customer_id: call.customer_id,
            order_id: call.order_id,
            reason: CallReason::CallAgain,
            due_at: next_offer_time(policy, call.zone, at, now),
        })
    };
    AttemptEffects {
        retry_at,
        close: retry_at.is_none(),
        set_do_not_call,
        follow_up,
    }
}
