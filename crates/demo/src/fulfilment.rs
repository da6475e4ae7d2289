//! An order's life up to `now`: paid (by card within minutes, by transfer within
//! two days, or never), packed within working hours, carried for the method's
//! transit time, delivered; a few cancelled or refunded. Every time is in order
//! (placed ≤ paid ≤ fulfilled ≤ delivered ≤ now) and the status is where the order
//! stands at `now`.

use crate::shipping::Carrier;
use chrono::{DateTime, Datelike, TimeDelta, Utc, Weekday};
use courtesy_core::OrderStatus;
use rand::Rng;

/// Where an order stands and when it got there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Timeline {
    /// Status at `now`.
    pub status: OrderStatus,
    /// Paid.
    pub paid_at: Option<DateTime<Utc>>,
    /// Handed to the carrier.
    pub fulfilled_at: Option<DateTime<Utc>>,
    /// Delivered.
    pub delivered_at: Option<DateTime<Utc>>,
}

/// What will happen to the order, decided when it is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Normal,
    NeverPaid,
    CancelledByCustomer,
    Returned,
}

fn seconds(rng: &mut impl Rng, from: i64, to: i64) -> TimeDelta {
    TimeDelta::seconds(rng.random_range(from..to))
}

/// Packing happens on working days: a parcel "packed" at the weekend goes out on Monday.
fn next_working_moment(at: DateTime<Utc>) -> DateTime<Utc> {
    match at.weekday() {
        Weekday::Sat => at + TimeDelta::days(2),
        Weekday::Sun => at + TimeDelta::days(1),
        _ => at,
    }
}

/// The timeline of an order placed at `placed`, shipped with `carrier`, seen at `now`.
pub(crate) fn timeline(
    placed: DateTime<Utc>,
    carrier: &Carrier,
    now: DateTime<Utc>,
    rng: &mut impl Rng,
) -> Timeline {
    let fate = match rng.random_range(0..1000) {
        0..=14 => Fate::NeverPaid,
        15..=29 => Fate::CancelledByCustomer,
        30..=39 => Fate::Returned,
        _ => Fate::Normal,
    };
    let seen = |t: DateTime<Utc>| (t <= now).then_some(t);
    if fate == Fate::NeverPaid {
        let status = if now - placed > TimeDelta::days(7) {
            OrderStatus::Cancelled
        } else {
            OrderStatus::Open
        };
        return Timeline {
            status,
            paid_at: None,
            fulfilled_at: None,
            delivered_at: None,
        };
    }
    let paid = if rng.random_bool(0.12) {
        placed + seconds(rng, 2 * 3600, 48 * 3600)
    } else {
        placed + seconds(rng, 20, 600)
    };
    if fate == Fate::CancelledByCustomer {
        let cancelled = paid + seconds(rng, 600, 6 * 3600);
        let status = if cancelled <= now {
            OrderStatus::Cancelled
        } else if paid <= now {
            OrderStatus::Paid
        } else {
            OrderStatus::Open
        };
        return Timeline {
            status,
            paid_at: seen(paid),
            fulfilled_at: None,
            delivered_at: None,
        };
    }
    let fulfilled = next_working_moment(paid + seconds(rng, 3 * 3600, 40 * 3600));
    let (lo, hi) = carrier.transit_days;
    let delivered = (rng.random_range(0..1000) < carrier.scanned_per_mille)
        .then(|| {
            fulfilled
                + TimeDelta::days(rng.random_range(lo..=hi))
                + seconds(rng, -6 * 3600, 6 * 3600)
        })
        .map(|d| d.max(fulfilled + TimeDelta::hours(2)));
    let (paid_at, fulfilled_at, delivered_at) =
        (seen(paid), seen(fulfilled), delivered.and_then(seen));
    let status = match (paid_at, fulfilled_at, delivered_at) {
        (_, _, Some(_)) if fate == Fate::Returned => OrderStatus::Refunded,
        (_, _, Some(_)) => OrderStatus::Delivered,
        (_, Some(_), None) => OrderStatus::Fulfilled,
        (Some(_), None, None) => OrderStatus::Paid,
        _ => OrderStatus::Open,
    };
    Timeline {
        status,
        paid_at,
        fulfilled_at,
        delivered_at,
    }
}
