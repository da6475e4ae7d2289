//! What gift planning needs to know: the gifts in the cupboard, the order, the
//! customer, the gifts given before and the money spent this month.

use crate::Language;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// A gift the shop keeps in stock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Gift {
    /// The gift's id, as rules name it.
    #[ts(type = "number")]
    pub id: i64,
    /// Its name, e.g. "Tea sampler".
    pub name: String,
    /// Its stock-keeping unit, if it has one.
    #[serde(default)]
    pub sku: Option<String>,
    /// What one costs the shop, in minor units of `currency`.
    #[ts(type = "number")]
    pub unit_cost_minor: i64,
    /// ISO currency code of the cost.
    pub currency: String,
    /// Pieces on the shelf.
    pub stock: u32,
    /// Pieces already planned for orders that are not packed yet.
    #[serde(default)]
    pub planned: u32,
}

impl Gift {
    /// Pieces still free to plan: stock less the planned, unpacked ones.
    pub fn available(&self) -> u32 {
        self.stock.saturating_sub(self.planned)
    }
}

/// What the rules need to know about an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GiftOrderFacts {
    /// The order's id.
    pub order_id: i64,
    /// The customer's id.
    pub customer_id: i64,
    /// When the order was placed.
    pub placed_at: DateTime<Utc>,
    /// The order total in minor units of `currency`.
    pub total_minor: i64,
    /// ISO currency code.
    pub currency: String,
    /// Which of the customer's orders this is; 1 is the first.
    pub order_index: u32,
    /// Days since the customer's previous order; `None` for a first order.
    #[serde(default)]
    pub days_since_previous: Option<u32>,
    /// The order or the customer came through a referral.
    #[serde(default)]
    pub referred: bool,
    /// The order was marked by hand for a gift.
    #[serde(default)]
    pub manual: bool,
}

/// A birthday: month and day, the year when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Birthday {
    /// Year of birth, when the customer gave it.
    #[serde(default)]
    pub year: Option<i32>,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

impl Birthday {
    /// A birthday with a known year.
    pub fn from_date(date: NaiveDate) -> Birthday {
        Birthday {
            year: Some(date.year()),
            month: date.month(),
            day: date.day(),
        }
    }

    /// A birthday without a year.
    pub fn day_of_year(month: u32, day: u32) -> Birthday {
        Birthday {
            year: None,
            month,
            day,
        }
    }
}

/// What the rules need to know about a customer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GiftCustomerFacts {
    /// The customer's id.
    pub customer_id: i64,
    /// The customer's tags.
    pub tags: Vec<String>,
    /// The customer's loyalty tier, e.g. `vip` or `loyal`.
    pub tier: Option<String>,
    /// The customer's birthday.
    pub birthday: Option<Birthday>,
    /// The first name, for name days.
    pub first_name: Option<String>,
    /// The customer's language.
    pub language: Option<Language>,
    /// ISO alpha-2 country.
    pub country: Option<String>,
}

/// A gift given (or planned) earlier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PastGift {
    /// Who got it.
    pub customer_id: i64,
    /// Which gift.
    pub gift_id: i64,
    /// The date of its order, in the shop's time zone.
    pub given_on: NaiveDate,
}

/// What the gifts planned in one calendar month already cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BudgetState {
    /// The year.
    pub year: i32,
    /// The month, 1–12, in the shop's time zone.
    pub month: u32,
    /// Spent per currency (ISO code → minor units).
    pub spent_minor: BTreeMap<String, i64>,
}

/// One order to plan with its customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GiftCandidate {
    /// The order.
    pub order: GiftOrderFacts,
    /// Its customer.
    pub customer: GiftCustomerFacts,
}
