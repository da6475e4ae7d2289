//! Thank-you calls: which orders turn into calls, when a call may be offered, and
//! what each attempt leads to.
//!
//! [`CallPolicy`] is the owner's policy (stored as JSON). [`plan_calls`] turns the
//! orders a refresh looks at into new calls and closes calls that may no longer be
//! made; [`next_offer_time`] finds the next moment inside calling hours in the
//! customer's own time zone; [`after_attempt`] says what an outcome leads to
//! (a retry, the do-not-call flag, a service-recovery follow-up). Everything is a
//! pure function of its inputs: the caller passes `now`.

mod attempts;
mod calling_hours;
mod plan;
mod policy;
mod reasons;
mod scripts;
mod time_zones;
mod triggers;

pub use attempts::{after_attempt, AttemptEffects, AttemptReport, AttemptedCall};
pub use calling_hours::next_offer_time;
pub use plan::{plan_calls, CallCandidate, CallPlan, CloseWhy, NewCall, OpenCall};
pub use policy::{CallPolicy, CallingHours, RetryRule};
pub use reasons::{CallOutcome, CallReason, CallStatus};
pub use scripts::{
    default_script, render_script, CallScripts, ScriptKind, ScriptValues, SCRIPT_FIELDS,
};
pub use time_zones::{zone_for_country, zone_for_customer, zone_for_phone};
pub use triggers::{call_reason, due_at, eligibility, CustomerFacts, Ineligible, OrderFacts};

/// A time zone from the IANA database (re-exported so callers need not depend on
/// `chrono-tz` themselves).
pub use chrono_tz::Tz;

#[cfg(test)]
mod rule_tests;
