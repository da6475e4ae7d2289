//! Thank-you calls: the queue and its refresh, attempts and follow-ups, the policy and scripts, claims by desk, customers' coming birthdays and name days.

pub(crate) mod attempts;
pub(crate) mod call_history;
pub(crate) mod call_policy;
pub(crate) mod call_queue;
pub(crate) mod call_scripts;
pub(crate) mod claims;
pub(crate) mod occasions;
