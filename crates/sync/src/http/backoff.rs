//! How long to wait before trying again: exponential backoff with full jitter
//! after a failure, or what the shop's `Retry-After` says. Pure: the caller
//! sleeps.

use chrono::{DateTime, Utc};
use std::time::Duration;

/// Timeouts and the bounds of every retry loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Connecting gives up after this.
    pub connect_timeout: Duration,
    /// A response (or the next part of its body) that takes longer is cut.
    pub read_timeout: Duration,
    /// Attempts of one request that fails (timeout, cut off, 5xx).
    pub attempts: u32,
    /// The first backoff; each next one doubles, up to `backoff_cap`.
    pub backoff_base: Duration,
    /// The longest backoff.
    pub backoff_cap: Duration,
    /// How many "wait" answers (429, 503, THROTTLED) one request accepts.
    pub throttled_attempts: u32,
    /// The longest single wait the shop may ask for.
    pub longest_wait: Duration,
    /// Between two looks at a bulk export under way.
    pub poll_every: Duration,
    /// How long a bulk export may take before the sync gives up on it.
    pub bulk_deadline: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(60),
            attempts: 5,
            backoff_base: Duration::from_millis(500),
            backoff_cap: Duration::from_secs(30),
            throttled_attempts: 30,
            longest_wait: Duration::from_secs(300),
            poll_every: Duration::from_secs(3),
            bulk_deadline: Duration::from_secs(6 * 3600),
        }
    }
}

impl Policy {
    /// The wait before attempt `attempt + 1` after attempt `attempt` (1-based)
    /// failed: a random share (`jitter`, 0..1) of `base × 2^(attempt-1)`,
    /// capped.
    pub fn backoff(&self, attempt: u32, jitter: f64) -> Duration {
        let exp = self
            .backoff_base
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(16));
        let ceiling = exp.min(self.backoff_cap);
        ceiling.mul_f64(jitter.clamp(0.0, 1.0))
    }

    /// The wait a "wait" answer asks for, bounded by `longest_wait`; without
    /// a usable `Retry-After`, the backoff of the attempt (at least a second).
    pub fn retry_after(
        &self,
        header: Option<&str>,
        now: DateTime<Utc>,
        attempt: u32,
        jitter: f64,
    ) -> Duration {
        let asked = header.and_then(|h| parse_retry_after(h, now));
        asked
            .unwrap_or_else(|| self.backoff(attempt, jitter).max(Duration::from_secs(1)))
            .min(self.longest_wait)
    }
}

/// A `Retry-After` value: seconds (`120`, `1.5`) or an HTTP date; a date in
/// the past is no wait.
pub fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let v = value.trim();
    if let Ok(seconds) = v.parse::<f64>() {
        return (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds));
    }
    let at = DateTime::parse_from_rfc2822(v).ok()?.with_timezone(&Utc);
    Some((at - now).to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn backoff_doubles_up_to_the_cap_and_jitter_takes_a_share() {
        let p = Policy::default();
        assert_eq!(p.backoff(1, 1.0), Duration::from_millis(500));
        assert_eq!(p.backoff(2, 1.0), Duration::from_secs(1));
        assert_eq!(p.backoff(4, 1.0), Duration::from_secs(4));
        assert_eq!(p.backoff(20, 1.0), Duration::from_secs(30));
        assert_eq!(p.backoff(3, 0.5), Duration::from_secs(1));
        assert_eq!(p.backoff(3, 0.0), Duration::ZERO);
    }

    #[test]
    fn retry_after_reads_seconds_and_dates_and_is_bounded() {
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0).unwrap();
        assert_eq!(parse_retry_after("2", now), Some(Duration::from_secs(2)));
        assert_eq!(
            parse_retry_after(" 1.5 ", now),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(
            parse_retry_after("Thu, 03 Dec 2026 10:00:30 GMT", now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            parse_retry_after("Thu, 03 Dec 2026 09:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-3", now), None);
        let p = Policy::default();
        assert_eq!(p.retry_after(Some("100000"), now, 1, 0.5), p.longest_wait);
        assert_eq!(p.retry_after(None, now, 1, 0.1), Duration::from_secs(1));
        assert_eq!(
            p.retry_after(Some("3"), now, 1, 0.1),
            Duration::from_secs(3)
        );
    }
}
