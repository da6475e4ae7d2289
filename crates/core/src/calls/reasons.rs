//! Why a call exists and how an attempt ended, with their stored names.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why a call was queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CallReason {
    /// The customer's first purchase.
    FirstOrder,
    /// An order whose total reached the policy's threshold.
    BigOrder,
    /// An order of a VIP customer.
    VipOrder,
    /// A delivery that went wrong.
    DeliveryProblem,
    /// Queued by hand.
    Manual,
    /// "Call again in N days", asked for during a call.
    CallAgain,
    /// A follow-up after a poor rating or a delivery problem.
    ServiceRecovery,
}

impl CallReason {
    /// Every reason, in stored-name order of the database check.
    pub const ALL: [CallReason; 7] = [
        CallReason::FirstOrder,
        CallReason::BigOrder,
        CallReason::VipOrder,
        CallReason::DeliveryProblem,
        CallReason::Manual,
        CallReason::CallAgain,
        CallReason::ServiceRecovery,
    ];

    /// The value stored in the database.
    pub fn as_str(&self) -> &'static str {
        match self {
            CallReason::FirstOrder => "first_order",
            CallReason::BigOrder => "big_order",
            CallReason::VipOrder => "vip_order",
            CallReason::DeliveryProblem => "delivery_problem",
            CallReason::Manual => "manual",
            CallReason::CallAgain => "call_again",
            CallReason::ServiceRecovery => "service_recovery",
        }
    }

    /// Reads a stored value.
    pub fn parse(s: &str) -> Option<CallReason> {
        CallReason::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// A thank-you call made because of an order; a customer has at most one open.
    pub fn is_thank_you(&self) -> bool {
        matches!(
            self,
            CallReason::FirstOrder | CallReason::BigOrder | CallReason::VipOrder
        )
    }
}

/// How one attempt to call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CallOutcome {
    /// Spoke with the customer.
    Reached,
    /// Left a voicemail.
    Voicemail,
    /// Nobody answered.
    NoAnswer,
    /// The line was busy.
    Busy,
    /// The number belongs to someone else.
    WrongNumber,
    /// The customer did not want to talk now.
    Refused,
    /// The customer asked never to be called.
    DoNotCall,
}

impl CallOutcome {
    /// Every outcome.
    pub const ALL: [CallOutcome; 7] = [
        CallOutcome::Reached,
        CallOutcome::Voicemail,
        CallOutcome::NoAnswer,
        CallOutcome::Busy,
        CallOutcome::WrongNumber,
        CallOutcome::Refused,
        CallOutcome::DoNotCall,
    ];

    /// The value stored in the database.
    pub fn as_str(&self) -> &'static str {
        match self {
            CallOutcome::Reached => "reached",
            CallOutcome::Voicemail => "voicemail",
            CallOutcome::NoAnswer => "no_answer",
            CallOutcome::Busy => "busy",
            CallOutcome::WrongNumber => "wrong_number",
            CallOutcome::Refused => "refused",
            CallOutcome::DoNotCall => "do_not_call",
        }
    }

    /// Reads a stored value.
    pub fn parse(s: &str) -> Option<CallOutcome> {
        CallOutcome::ALL.into_iter().find(|o| o.as_str() == s)
    }

    /// Nobody was reached, so the call is worth trying again.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            CallOutcome::Voicemail | CallOutcome::NoAnswer | CallOutcome::Busy
        )
    }
}

/// Where a call stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CallStatus {
    /// Still to make (or to try again).
    Open,
    /// Made, or given up after its attempts.
    Done,
    /// No longer to make (the order was cancelled, the customer asked not to be called).
    Cancelled,
}

impl CallStatus {
    /// The stored name.
    pub fn as_str(&self) -> &'static str {
        match self {
            CallStatus::Open => "open",
            CallStatus::Done => "done",
            CallStatus::Cancelled => "cancelled",
        }
    }

    /// Reads a stored name.
    pub fn parse(s: &str) -> Option<CallStatus> {
        [CallStatus::Open, CallStatus::Done, CallStatus::Cancelled]
            .into_iter()
            .find(|c| c.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_read_back_to_the_same_value() {
        for r in CallReason::ALL {
            assert_eq!(CallReason::parse(r.as_str()), Some(r), "{r:?}");
        }
        for o in CallOutcome::ALL {
            assert_eq!(CallOutcome::parse(o.as_str()), Some(o), "{o:?}");
        }
    }
}

/// A stored name compares with its enum (`reason == "first_order"`).
macro_rules! compares_with_its_name {
    ($($ty:ty),*) => {$(
        impl PartialEq<&str> for $ty {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
    )*};
}

compares_with_its_name!(CallReason, CallOutcome, CallStatus);
