//! Shopify's GraphQL rate limit: a bucket of points that refills at a steady
//! rate; a query takes its requested cost from the bucket when it arrives and
//! gives back what it did not use. Every answer says how full the bucket is
//! (`extensions.cost.throttleStatus`); from that Courtesy knows how long to
//! wait before the next query, so no query is sent that the bucket cannot pay
//! for. Pure: the caller passes the time and sleeps.

use std::time::Duration;

/// How full the bucket was when an answer left the shop.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThrottleStatus {
    /// The bucket's size.
    pub maximum_available: f64,
    /// Points in it.
    pub currently_available: f64,
    /// Points it gains per second.
    pub restore_rate: f64,
}

impl ThrottleStatus {
    /// Reads `extensions.cost.throttleStatus` of an answer.
    pub fn from_answer(answer: &serde_json::Value) -> Option<ThrottleStatus> {
        let t = answer.pointer("/extensions/cost/throttleStatus")?;
        Some(ThrottleStatus {
            maximum_available: t.get("maximumAvailable")?.as_f64()?,
            currently_available: t.get("currentlyAvailable")?.as_f64()?,
            restore_rate: t.get("restoreRate")?.as_f64()?,
        })
    }
}

/// The requested cost an answer reports (`extensions.cost.requestedQueryCost`).
pub fn requested_cost(answer: &serde_json::Value) -> Option<f64> {
    answer
        .pointer("/extensions/cost/requestedQueryCost")
        .and_then(serde_json::Value::as_f64)
}

/// What Courtesy knows of the bucket: its state at the last answer, and when
/// (seconds on the caller's clock) that answer came.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Bucket {
    last: Option<(ThrottleStatus, f64)>,
}

impl Bucket {
    /// Notes the state an answer reported, received at `at` seconds.
    pub fn observe(&mut self, status: ThrottleStatus, at: f64) {
        self.last = Some((status, at));
    }

    /// The bucket's size, once known.
    pub fn maximum(&self) -> Option<f64> {
        self.last.map(|(s, _)| s.maximum_available)
    }

    /// Points in the bucket at `at` at the least: what the last answer said,
    /// plus what it regained since (never more than its size).
    pub fn available_at(&self, at: f64) -> Option<f64> {
        self.last.map(|(s, then)| {
            (s.currently_available + s.restore_rate * (at - then).max(0.0)).min(s.maximum_available)
        })
    }

    /// How long to wait at `at` before a query of `cost` points can be paid;
    /// zero before anything is known (the first query learns the bucket). A
    /// cost larger than the bucket waits for a full bucket.
    pub fn wait_for(&self, cost: f64, at: f64) -> Duration {
        let Some((status, _)) = self.last else {
            return Duration::ZERO;
        };
        let Some(available) = self.available_at(at) else {
            return Duration::ZERO;
        };
        let needed = cost.min(status.maximum_available) - available;
        if needed <= 0.0 || status.restore_rate <= 0.0 {
            return Duration::ZERO;
        }
        // A hair over, so the shop's own rounding never leaves it short.
        Duration::from_secs_f64(needed / status.restore_rate + 0.01)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(available: f64) -> ThrottleStatus {
        ThrottleStatus {
            maximum_available: 1000.0,
            currently_available: available,
            restore_rate: 50.0,
        }
    }

    #[test]
    fn nothing_is_waited_before_the_bucket_is_known_or_when_it_can_pay() {
        let mut b = Bucket::default();
        assert_eq!(b.wait_for(500.0, 0.0), Duration::ZERO);
        b.observe(status(800.0), 10.0);
        assert_eq!(b.wait_for(500.0, 10.0), Duration::ZERO);
    }

    #[test]
    fn the_wait_is_what_the_bucket_lacks_at_its_restore_rate() {
        let mut b = Bucket::default();
        b.observe(status(100.0), 10.0);
        // 400 points short at 50 a second: 8 s; two seconds later, 6 s.
        assert!((b.wait_for(500.0, 10.0).as_secs_f64() - 8.01).abs() < 1e-9);
        assert!((b.wait_for(500.0, 12.0).as_secs_f64() - 6.01).abs() < 1e-9);
        assert_eq!(b.available_at(100.0), Some(1000.0));
        // A query dearer than the bucket waits for a full bucket.
        assert!((b.wait_for(5000.0, 10.0).as_secs_f64() - 18.01).abs() < 1e-9);
    }

    #[test]
    fn the_status_and_cost_are_read_from_an_answer() {
        let answer = serde_json::json!({"extensions": {"cost": {"requestedQueryCost": 752, "actualQueryCost": null,
            "throttleStatus": {"maximumAvailable": 1000.0, "currentlyAvailable": 666, "restoreRate": 50.0}}}});
        assert_eq!(ThrottleStatus::from_answer(&answer), Some(status(666.0)));
        assert_eq!(requested_cost(&answer), Some(752.0));
        assert_eq!(
            ThrottleStatus::from_answer(&serde_json::json!({"data": {}})),
            None
        );
    }
}
