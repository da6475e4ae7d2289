//! Whether a rule applies to an order, and if not, why.

use super::facts::{GiftCustomerFacts, GiftOrderFacts};
use super::name_days::{next_name_day, NameDayCalendar, NameDayHit};
use super::occasions::next_birthday;
use super::policy::GiftRuleKind;
use super::trace::RuleMiss;
use chrono::NaiveDate;

/// What made a date rule apply.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Matched {
    /// The birthday or name day.
    pub occasion_on: Option<NaiveDate>,
    /// The name day's calendar.
    pub calendar: Option<NameDayCalendar>,
}

/// Whether `kind` applies to the order placed on `today` (the shop's date).
pub(crate) fn rule_applies(
    kind: &GiftRuleKind,
    order: &GiftOrderFacts,
    customer: &GiftCustomerFacts,
    today: NaiveDate,
) -> Result<Matched, RuleMiss> {
    let yes = Ok(Matched::default());
    match kind {
        GiftRuleKind::FirstOrder => {
            if order.order_index == 1 {
                yes
            } else {
                Err(RuleMiss::NotFirstOrder {
                    order_index: order.order_index,
                })
            }
        }
        GiftRuleKind::NthOrder { n, repeat } => {
            let i = order.order_index;
            let hit = *n > 0 && (i == *n || (*repeat && i > 0 && i.is_multiple_of(*n)));
            if hit {
                yes
            } else {
                Err(RuleMiss::NotNthOrder {
                    order_index: i,
                    n: *n,
                })
            }
        }
        GiftRuleKind::OrderTotalAtLeast { thresholds_minor } => {
            let currency = order.currency.trim().to_ascii_uppercase();
            let threshold = thresholds_minor
                .iter()
                .find(|(c, _)| c.eq_ignore_ascii_case(&currency))
                .map(|(_, t)| *t);
            match threshold {
                None => Err(RuleMiss::NoThresholdForCurrency { currency }),
                Some(t) if order.total_minor >= t => yes,
                Some(t) => Err(RuleMiss::TotalBelow {
                    total_minor: order.total_minor,
                    threshold_minor: t,
                    currency,
                }),
            }
        }
        GiftRuleKind::Tier { tiers } => {
            let has = |name: &str| {
                tiers
                    .iter()
                    .any(|t| t.trim().eq_ignore_ascii_case(name.trim()))
            };
            let in_tier =
                customer.tags.iter().any(|t| has(t)) || customer.tier.as_deref().is_some_and(has);
            if in_tier {
                yes
            } else {
                Err(RuleMiss::NotInTier)
            }
        }
        GiftRuleKind::Birthday { within_days } => {
            let next = customer
                .birthday
                .as_ref()
                .and_then(|b| next_birthday(b, today))
                .ok_or(RuleMiss::NoBirthday)?;
            if (next - today).num_days() <= i64::from(*within_days) {
                Ok(Matched {
                    occasion_on: Some(next),
                    calendar: None,
                })
            } else {
                Err(RuleMiss::BirthdayNotWithin {
                    next,
                    within_days: *within_days,
                })
            }
        }
        GiftRuleKind::NameDay {
            within_days,
            calendars,
        } => name_day_applies(customer, calendars, today, *within_days),
        GiftRuleKind::Referral => {
            if order.referred {
                yes
            } else {
                Err(RuleMiss::NotReferred)
            }
        }
        GiftRuleKind::WinBack { min_gap_days } => match order.days_since_previous {
            _ if order.order_index <= 1 => Err(RuleMiss::NoPreviousOrder),
            None => Err(RuleMiss::NoPreviousOrder),
            Some(gap) if gap >= *min_gap_days => yes,
            Some(gap) => Err(RuleMiss::GapTooShort {
                days_since_previous: gap,
                min_gap_days: *min_gap_days,
            }),
        },
        GiftRuleKind::Manual => {
            if order.manual {
                yes
            } else {
                Err(RuleMiss::NotManual)
            }
        }
    }
}

fn name_day_applies(
    customer: &GiftCustomerFacts,
    calendars: &[NameDayCalendar],
    today: NaiveDate,
    within_days: u32,
) -> Result<Matched, RuleMiss> {
    let name = customer
        .first_name
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .ok_or(RuleMiss::NoFirstName)?;
    let own;
    let calendars = if calendars.is_empty() {
        own = NameDayCalendar::of_customer(customer.country.as_deref(), customer.language)
            .ok_or(RuleMiss::NoNameDayCalendar)?;
        std::slice::from_ref(&own)
    } else {
        calendars
    };
    let NameDayHit { date, calendar } =
        next_name_day(name, calendars, today).ok_or(RuleMiss::NameNotInCalendar)?;
    if (date - today).num_days() <= i64::from(within_days) {
        Ok(Matched {
            occasion_on: Some(date),
            calendar: Some(calendar),
        })
    } else {
        Err(RuleMiss::NameDayNotWithin {
            next: date,
            calendar,
            within_days,
        })
    }
}
