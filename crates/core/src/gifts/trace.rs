//! The plan of one order and the trace of how it was reached. Every step is typed
//! and serialises as `{"kind": …, …}` so the UI can put it into the user's language.

use super::name_days::NameDayCalendar;
use super::policy::CardOccasion;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The gifts and card planned for one order, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GiftPlan {
    /// The order planned.
    #[ts(type = "number")]
    pub order_id: i64,
    /// The gifts to pack, in the order the rules chose them.
    pub gifts: Vec<PlannedGift>,
    /// The card to write, if any.
    pub card: Option<CardOccasion>,
    /// Every decision, in order.
    pub trace: Vec<TraceStep>,
}

/// A gift planned for an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlannedGift {
    /// The gift.
    #[ts(type = "number")]
    pub gift_id: i64,
    /// The rule that chose it.
    #[ts(type = "number")]
    pub rule_id: i64,
    /// The gift's name.
    pub name: String,
    /// The gift's SKU.
    pub sku: Option<String>,
    /// Its unit cost in minor units of `currency`.
    #[ts(type = "number")]
    pub unit_cost_minor: i64,
    /// ISO currency code of the cost.
    pub currency: String,
}

/// One decision of the planner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum TraceStep {
    /// The rule is switched off.
    RuleDisabled {
        /// The rule.
        #[ts(type = "number")]
        rule_id: i64,
    },
    /// The rule does not apply to this order.
    RuleNotMatched {
        /// The rule.
        #[ts(type = "number")]
        rule_id: i64,
        /// Why not.
        why: RuleMiss,
    },
    /// The rule applies.
    RuleMatched {
        /// The rule.
        #[ts(type = "number")]
        rule_id: i64,
        /// The birthday or name day that made it apply.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        occasion_on: Option<NaiveDate>,
        /// The calendar of that name day.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        calendar: Option<NameDayCalendar>,
    },
    /// A gift of the rule did not pass a constraint.
    GiftSkipped {
        /// The rule.
        #[ts(type = "number")]
        rule_id: i64,
        /// The gift.
        #[ts(type = "number")]
        gift_id: i64,
        /// The constraint.
        why: GiftSkip,
    },
    /// A gift was planned.
    GiftChosen {
        /// The rule.
        #[ts(type = "number")]
        rule_id: i64,
        /// The gift.
        #[ts(type = "number")]
        gift_id: i64,
    },
    /// A card was added along with the rule's gift.
    CardAdded {
        /// The rule.
        #[ts(type = "number")]
        rule_id: i64,
        /// The card's occasion.
        card: CardOccasion,
    },
    /// The rule gives its card alone: it names no gift, or every gift was skipped.
    CardOnly {
        /// The rule.
        #[ts(type = "number")]
        rule_id: i64,
        /// The card's occasion.
        card: CardOccasion,
    },
    /// The rule applied but had nothing left to give; the next rule is tried.
    RuleGaveNothing {
        /// The rule.
        #[ts(type = "number")]
        rule_id: i64,
    },
}

/// Why a rule does not apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum RuleMiss {
    /// The order is not the customer's first.
    NotFirstOrder {
        /// Which order it is.
        order_index: u32,
    },
    /// The order is not the n-th (or a multiple of it).
    NotNthOrder {
        /// Which order it is.
        order_index: u32,
        /// The rule's n.
        n: u32,
    },
    /// The total is below the threshold.
    TotalBelow {
        /// The order total.
        #[ts(type = "number")]
        total_minor: i64,
        /// The threshold.
        #[ts(type = "number")]
        threshold_minor: i64,
        /// Their currency.
        currency: String,
    },
    /// The rule has no threshold for the order's currency.
    NoThresholdForCurrency {
        /// The order's currency.
        currency: String,
    },
    /// The customer has none of the rule's tags or tiers.
    NotInTier,
    /// The customer's birthday is not known.
    NoBirthday,
    /// The next birthday is too far off.
    BirthdayNotWithin {
        /// The next birthday.
        next: NaiveDate,
        /// The rule's days.
        within_days: u32,
    },
    /// The customer's first name is not known.
    NoFirstName,
    /// No calendar: the rule names none and the customer's country and language
    /// have none.
    NoNameDayCalendar,
    /// The calendars do not list the name.
    NameNotInCalendar,
    /// The next name day is too far off.
    NameDayNotWithin {
        /// The next name day.
        next: NaiveDate,
        /// Its calendar.
        calendar: NameDayCalendar,
        /// The rule's days.
        within_days: u32,
    },
    /// The order is not marked as referred.
    NotReferred,
    /// There is no previous order to have a gap after.
    NoPreviousOrder,
    /// The gap since the previous order is too short.
    GapTooShort {
        /// Days since the previous order.
        days_since_previous: u32,
        /// The rule's minimum.
        min_gap_days: u32,
    },
    /// The order is not marked for a gift by hand.
    NotManual,
}

/// Why a gift was skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum GiftSkip {
    /// The rule names a gift that does not exist (any more).
    UnknownGift,
    /// Every piece on the shelf is planned already.
    OutOfStock {
        /// Pieces on the shelf.
        stock: u32,
        /// Pieces planned for unpacked orders.
        planned: u32,
    },
    /// The gift would take the month over its budget.
    OverBudget {
        /// The budget's currency.
        currency: String,
        /// The month's budget.
        #[ts(type = "number")]
        budget_minor: i64,
        /// Spent this month so far.
        #[ts(type = "number")]
        spent_minor: i64,
        /// The gift's unit cost.
        #[ts(type = "number")]
        cost_minor: i64,
    },
    /// The customer got this gift too recently.
    GivenRecently {
        /// When.
        given_on: NaiveDate,
        /// The policy's months.
        months: u32,
    },
    /// An earlier rule put this gift in the plan already.
    AlreadyInPlan,
}
