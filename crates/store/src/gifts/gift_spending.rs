//! What the gifts of a month cost: the planned and packed gifts (not released
//! ones) whose day falls in that month, per currency, against the monthly budget.

use crate::db::params;
use crate::error::Result;
use crate::Store;
use chrono::NaiveDate;
use courtesy_core::{Currency, Money};

impl Store {
    /// The cost of the gifts planned or packed for days in the month of `day`
    /// (the shop's calendar), one amount per currency.
    pub fn gift_spending(&self, day: NaiveDate) -> Result<Vec<Money>> {
        let month = day.format("%Y-%m").to_string();
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT i.currency, sum(i.unit_cost_minor)
                 FROM gift_plans p JOIN gift_plan_items i ON i.plan_id = p.id
                 WHERE p.status <> 'released' AND p.given_on >= ?1 || '-01' AND p.given_on <= ?1 || '-31'
                 GROUP BY i.currency ORDER BY i.currency",
            )?;
            let rows = stmt.query_map(params![month], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (code, minor) = row?;
                if let Ok(currency) = Currency::parse(&code) {
                    out.push(Money::new(minor, currency));
                }
            }
            Ok(out)
        })
    }
}
