//! The owner's gift policy: the rules in priority order, the monthly budgets and how
//! long a customer must wait before the same gift again. Stored as JSON.

use super::name_days::NameDayCalendar;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// Which orders get gifts, from which rules, under which constraints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct GiftPolicy {
    /// The rules, highest priority first.
    pub rules: Vec<GiftRule>,
    /// The most the unit costs of gifts planned in one calendar month (in the shop's
    /// time zone) may add up to, per currency (ISO code → minor units). A gift whose
    /// currency has no budget is not limited.
    #[ts(type = "Record<string, number>")]
    pub monthly_budget_minor: BTreeMap<String, i64>,
    /// A customer does not get the same gift again within this many months; 0 allows
    /// repeats.
    pub no_repeat_months: u32,
}

impl Default for GiftPolicy {
    fn default() -> Self {
        GiftPolicy {
            rules: Vec::new(),
            monthly_budget_minor: BTreeMap::new(),
            no_repeat_months: 6,
        }
    }
}

/// One rule: when it applies, the gifts it offers and the card it adds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GiftRule {
    /// The rule's id, named in the trace.
    #[ts(type = "number")]
    pub id: i64,
    /// The owner's label for the rule.
    #[serde(default)]
    pub name: String,
    /// A switched-off rule is skipped (and the trace says so).
    #[serde(default = "yes")]
    pub enabled: bool,
    /// When the rule applies.
    #[serde(flatten)]
    pub kind: GiftRuleKind,
    /// Gift ids in order of preference; the first that passes the constraints is
    /// planned. Empty: the rule gives only its card.
    #[serde(default)]
    #[ts(type = "Array<number>")]
    pub gifts: Vec<i64>,
    /// The card the rule adds (also when every gift was skipped).
    #[serde(default)]
    pub card: Option<CardOccasion>,
    /// When this rule gives something, the rules after it are still tried and may add
    /// their own gift; otherwise planning stops at this rule.
    #[serde(default)]
    pub also_later_rules: bool,
}

fn yes() -> bool {
    true
}

/// When a rule applies. Dates are the order's date in the shop's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum GiftRuleKind {
    /// The customer's first order.
    FirstOrder,
    /// The customer's `n`-th order; with `repeat`, every `n`-th (n, 2n, 3n…).
    NthOrder {
        /// Which order, counting the first as 1.
        n: u32,
        /// Also every multiple of `n`.
        #[serde(default)]
        repeat: bool,
    },
    /// An order whose total reaches the threshold of its currency (ISO code → minor
    /// units). An order in a currency without a threshold does not match.
    OrderTotalAtLeast {
        /// Threshold per currency.
        #[ts(type = "Record<string, number>")]
        thresholds_minor: BTreeMap<String, i64>,
    },
    /// A customer with one of these tags, or in one of these tiers (case-insensitive).
    Tier {
        /// Tag or tier names, e.g. `VIP`, `loyal`.
        tiers: Vec<String>,
    },
    /// The customer's birthday falls within `within_days` days from the order date
    /// (the order date itself counts as day 0).
    Birthday {
        /// Days ahead that still count.
        within_days: u32,
    },
    /// The customer's name day falls within `within_days` days from the order date.
    NameDay {
        /// Days ahead that still count.
        within_days: u32,
        /// Calendars to look in; empty: the customer's country's, else their
        /// language's.
        #[serde(default)]
        calendars: Vec<NameDayCalendar>,
    },
    /// An order or customer marked as referred by someone.
    Referral,
    /// A returning customer's order after a gap of at least `min_gap_days` days.
    WinBack {
        /// Days since the previous order that make a gap.
        min_gap_days: u32,
    },
    /// An order marked by hand for a gift.
    Manual,
}

/// The occasion of a card, which picks its template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CardOccasion {
    /// A plain thank-you.
    ThankYou,
    /// Welcome, for a first order.
    Welcome,
    /// A milestone such as the 10th order.
    Milestone,
    /// A big order.
    BigOrder,
    /// A VIP or loyal customer.
    Loyalty,
    /// A birthday.
    Birthday,
    /// A name day.
    NameDay,
    /// Thanks for coming on a friend's recommendation.
    Referral,
    /// Welcome back after a long gap.
    WelcomeBack,
}
