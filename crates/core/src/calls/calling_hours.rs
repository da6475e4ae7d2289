//! The next moment a call may be offered: inside the calling hours, on a calling
//! day, in the customer's own time zone (with its daylight-saving changes).

use super::policy::{CallPolicy, CallingHours};
use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The first moment at or after `max(due_at, now)` inside the policy's calling
/// hours in `zone`. A policy without any calling day returns that moment unchanged.
pub fn next_offer_time(
    policy: &CallPolicy,
    zone: Tz,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    let from = due_at.max(now);
    let hours = &policy.calling_hours;
    let local = from.with_timezone(&zone);
    let today = local.date_naive();
    if hours.is_calling_day(today.weekday()) && hours.contains(local.time()) {
        return from;
    }
    (0..=7)
        .filter_map(|d| today.checked_add_days(Days::new(d)))
        .filter(|day| hours.is_calling_day(day.weekday()))
        .filter_map(|day| window_start(hours, zone, day))
        .find(|start| *start >= from)
        .unwrap_or(from)
}

/// The first calling-hours moment on the local day `days` after the local date of
/// `at`, or later when that day has no window.
pub(crate) fn start_of_window_after_days(
    policy: &CallPolicy,
    zone: Tz,
    at: DateTime<Utc>,
    days: u32,
) -> DateTime<Utc> {
    let day = at.with_timezone(&zone).date_naive();
    let day = day.checked_add_days(Days::new(days.into())).unwrap_or(day);
    let midnight = local_instant(zone, day, NaiveTime::MIN).unwrap_or(at);
    next_offer_time(policy, zone, midnight, at)
}

/// The start of the window on `day` as a UTC instant.
fn window_start(hours: &CallingHours, zone: Tz, day: NaiveDate) -> Option<DateTime<Utc>> {
    if !hours.is_valid() {
        return None;
    }
    local_instant(zone, day, hours.start)
}

/// A local wall time as an instant; a time skipped by a clock change moves on to
/// the first existing minute after it.
fn local_instant(zone: Tz, day: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
    let mut wall = day.and_time(time);
    for _ in 0..=180 {
        if let Some(t) = zone.from_local_datetime(&wall).earliest() {
            return Some(t.with_timezone(&Utc));
        }
        wall += chrono::Duration::minutes(1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .unwrap_or_else(|e| panic!("{s}: {e}"))
            .with_timezone(&Utc)
    }

    /// (rule, zone, due, now, expected offer time)
    const CASES: &[(&str, Tz, &str, &str, &str)] = &[
        (
            "inside hours on a weekday the due time stands",
            Tz::Europe__Warsaw,
            "2026-11-25T09:00:00Z", // Wed 10:00 Warsaw
            "2026-11-25T08:00:00Z",
            "2026-11-25T09:00:00Z",
        ),
        (
            "helsinki customer at 17:30 warsaw time is 18:30 there, so next morning",
            Tz::Europe__Helsinki,
            "2026-11-25T16:30:00Z", // Wed 17:30 Warsaw, 18:30 Helsinki
            "2026-11-25T16:30:00Z",
            "2026-11-26T08:00:00Z", // Thu 10:00 Helsinki
        ),
        (
            "warsaw customer at 17:30 warsaw time is still inside hours",
            Tz::Europe__Warsaw,
            "2026-11-25T16:30:00Z",
            "2026-11-25T16:30:00Z",
            "2026-11-25T16:30:00Z",
        ),
        (
            "moscow customer before 10 moscow time waits for 10 moscow",
            Tz::Europe__Moscow,
            "2026-11-25T06:00:00Z", // 09:00 Moscow (UTC+3, no DST)
            "2026-11-25T06:00:00Z",
            "2026-11-25T07:00:00Z",
        ),
        (
            "new york customer at 10 warsaw time waits for 10 new york",
            Tz::America__New_York,
            "2026-11-25T09:00:00Z", // 04:00 New York (EST, UTC-5)
            "2026-11-25T09:00:00Z",
            "2026-11-25T15:00:00Z",
        ),
        (
            "friday evening moves to monday 10:00",
            Tz::Europe__Warsaw,
            "2026-11-27T18:00:00Z", // Fri 19:00 Warsaw
            "2026-11-27T18:00:00Z",
            "2026-11-30T09:00:00Z", // Mon 10:00 Warsaw
        ),
        (
            "saturday moves to monday 10:00",
            Tz::Europe__Helsinki,
            "2026-11-28T10:00:00Z",
            "2026-11-28T10:00:00Z",
            "2026-11-30T08:00:00Z",
        ),
        (
            "friday evening before the spring change gives monday 10:00 summer time",
            Tz::Europe__Warsaw,
            "2026-03-27T18:00:00Z", // Fri 19:00 CET; clocks go forward Sun 29 March
            "2026-03-27T18:00:00Z",
            "2026-03-30T08:00:00Z", // Mon 10:00 CEST (UTC+2)
        ),
        (
            "friday evening before the autumn change gives monday 10:00 winter time",
            Tz::Europe__Helsinki,
            "2026-10-23T16:00:00Z", // Fri 19:00 EEST; clocks go back Sun 25 October
            "2026-10-23T16:00:00Z",
            "2026-10-26T08:00:00Z", // Mon 10:00 EET (UTC+2)
        ),
        (
            "new york changes clocks on a different weekend than europe",
            Tz::America__New_York,
            "2026-03-06T23:30:00Z", // Fri 18:30 EST; US clocks go forward Sun 8 March
            "2026-03-06T23:30:00Z",
            "2026-03-09T14:00:00Z", // Mon 10:00 EDT (UTC-4)
        ),
        (
            "a due time already past is offered from now",
            Tz::Europe__Warsaw,
            "2026-11-20T09:00:00Z",
            "2026-11-25T11:00:00Z",
            "2026-11-25T11:00:00Z",
        ),
        (
            "the end of the window is outside it",
            Tz::Europe__Warsaw,
            "2026-11-25T17:00:00Z", // Wed 18:00 Warsaw exactly
            "2026-11-25T17:00:00Z",
            "2026-11-26T09:00:00Z",
        ),
    ];

    #[test]
    fn offer_time_follows_calling_hours_in_the_customer_zone() {
        let policy = CallPolicy::default();
        for (rule, zone, due, now, want) in CASES {
            let got = next_offer_time(&policy, *zone, utc(due), utc(now));
            assert_eq!(got, utc(want), "{rule}");
        }
    }

    #[test]
    fn next_day_window_starts_at_opening_time() {
        let policy = CallPolicy::default();
        // Wed 15:00 Warsaw → Thu 10:00 Warsaw; Fri 15:00 → Mon 10:00.
        let cases = [
            ("2026-11-25T14:00:00Z", "2026-11-26T09:00:00Z"),
            ("2026-11-27T14:00:00Z", "2026-11-30T09:00:00Z"),
        ];
        for (at, want) in cases {
            let got = start_of_window_after_days(&policy, Tz::Europe__Warsaw, utc(at), 1);
            assert_eq!(got, utc(want), "after {at}");
        }
    }

    #[test]
    fn policy_without_calling_days_leaves_the_time_unchanged() {
        let mut policy = CallPolicy::default();
        policy.calling_hours.days.clear();
        let t = utc("2026-11-28T10:00:00Z");
        assert_eq!(next_offer_time(&policy, Tz::Europe__Warsaw, t, t), t);
    }

    #[test]
    fn window_ending_at_midnight_includes_the_late_evening() {
        let mut policy = CallPolicy::default();
        policy.calling_hours.start = NaiveTime::MIN;
        policy.calling_hours.end = NaiveTime::MIN;
        // Wed 23:59:30 Warsaw is inside a 00:00–00:00 window.
        let late = utc("2026-11-25T22:59:30Z");
        assert_eq!(
            next_offer_time(&policy, Tz::Europe__Warsaw, late, late),
            late
        );
        // With the window 20:00–00:00, Wed 19:30 waits for 20:00.
        policy.calling_hours.start = NaiveTime::from_hms_opt(20, 0, 0).expect("valid time");
        let early = utc("2026-11-25T18:30:00Z");
        let want = utc("2026-11-25T19:00:00Z");
        assert_eq!(
            next_offer_time(&policy, Tz::Europe__Warsaw, early, early),
            want
        );
    }
}
