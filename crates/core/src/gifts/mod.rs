//! Gifts and handwritten cards: which gift (and which card) an order gets, and why.
//!
//! [`GiftPolicy`] is the owner's list of [`GiftRule`]s in priority order (stored as
//! JSON). For each order the rules are tried in turn; the first that matches names its
//! gifts in order of preference, and the first gift that passes the constraints (stock
//! not all planned already, the monthly budget of its currency, not given to the same
//! customer within the policy's months) is planned, with the rule's card. The
//! [`GiftPlan`] keeps a typed trace of every decision — which rule matched or did not
//! and why, which gift was skipped and why — for the "what would this order get"
//! preview and the plan's explanation; the UI turns the steps into words.
//!
//! [`GiftLedger`] carries stock, budget and past gifts from one order to the next, so
//! [`plan_gift_batch`] plans thousands of orders in sequence. Name days of the Polish,
//! Finnish and Russian calendars come with the crate ([`name_days`]). Everything is a
//! pure function of its inputs: the caller passes the shop's time zone and the facts.

mod facts;
mod ledger;
mod matching;
mod name_days;
mod occasions;
mod policy;
mod statuses;
mod trace;

pub use facts::{
    Birthday, BudgetState, Gift, GiftCandidate, GiftCustomerFacts, GiftOrderFacts, PastGift,
};
pub use ledger::{plan_gift_batch, plan_gifts, GiftLedger};
pub use name_days::{
    name_count, name_days, next_name_day, next_name_day_within, NameDayCalendar, NameDayHit,
};
pub use occasions::{birthday_in_year, next_birthday, next_birthday_within};
pub use policy::{CardOccasion, GiftPolicy, GiftRule, GiftRuleKind};
pub use statuses::{CardStatus, PlanStatus};
pub use trace::{GiftPlan, GiftSkip, PlannedGift, RuleMiss, TraceStep};

#[cfg(test)]
mod batch_tests;
#[cfg(test)]
mod constraint_tests;
#[cfg(test)]
mod name_day_tests;
#[cfg(test)]
mod rule_tests;
#[cfg(test)]
mod test_fixtures;
