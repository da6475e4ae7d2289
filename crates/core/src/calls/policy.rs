//! The owner's call policy: who is called, when, how often, and with what consent.
//! Stored as JSON in the settings; a missing field takes its default.

use chrono::{NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// Which orders become thank-you calls and how calls are offered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct CallPolicy {
    /// Call after a customer's first purchase.
    pub first_order: bool,
    /// Call after an order whose total reaches the threshold of its currency
    /// (ISO code → minor units). A currency without a threshold never counts.
    #[ts(type = "Record<string, number>")]
    pub big_order_thresholds: BTreeMap<String, i64>,
    /// Call after every order of a customer with this tag; `None` turns it off.
    pub vip_tag: Option<String>,
    /// A parcel that took longer than this many days from fulfilment to delivery
    /// earns a delivery-problem call (any order, any customer); 0 turns it off.
    pub late_delivery_days: u32,
    /// Days after delivery when the call falls due.
    pub days_after_delivery: u32,
    /// Days a parcel is assumed to travel when only the fulfilment time is known.
    pub assumed_shipping_days: u32,
    /// A customer called (any attempt) less than this many days before a thank-you
    /// call would fall due is not called again for it; 0 turns it off.
    pub min_days_between_calls: u32,
    /// Orders whose call would have been due longer ago than this are not queued
    /// (an import of old orders must not flood the queue).
    pub forget_after_days: u32,
    /// When calls may be made, in the customer's local time.
    pub calling_hours: CallingHours,
    /// What happens when nobody answers.
    pub retry: RetryRule,
    /// Queue calls only for customers who gave phone consent.
    pub require_phone_consent: bool,
    /// Days after a poor rating or a delivery problem when the service-recovery
    /// call falls due.
    pub service_recovery_after_days: u32,
}

/// The window in which a customer may be called, in their own time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct CallingHours {
    /// First moment of the window, local time.
    #[ts(type = "string")]
    pub start: NaiveTime,
    /// End of the window (exclusive), local time; `00:00` means midnight at the
    /// end of the day.
    #[ts(type = "string")]
    pub end: NaiveTime,
    /// The days with a window.
    #[ts(type = "Array<string>")]
    pub days: Vec<Weekday>,
}

/// Retries after voicemail, no answer or a busy line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct RetryRule {
    /// Days until the next try (it is offered from the start of calling hours).
    pub after_days: u32,
    /// Attempts in all, the first included; then the call is closed.
    pub max_attempts: u32,
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

impl Default for CallingHours {
    fn default() -> Self {
        CallingHours {
            start: hm(10, 0),
            end: hm(18, 0),
            days: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
        }
    }
}

impl Default for RetryRule {
    fn default() -> Self {
        RetryRule {
            after_days: 1,
            max_attempts: 3,
        }
    }
}

impl Default for CallPolicy {
    fn default() -> Self {
        let thresholds = [
            ("PLN", 50_000),
            ("EUR", 15_000),
            ("USD", 15_000),
            ("GBP", 12_000),
            ("SEK", 150_000),
            ("RUB", 1_500_000),
            ("UAH", 600_000),
        ];
        CallPolicy {
            first_order: true,
            big_order_thresholds: thresholds
                .into_iter()
                .map(|(c, m)| (c.to_string(), m))
                .collect(),
            vip_tag: Some("VIP".to_string()),
            late_delivery_days: 7,
            days_after_delivery: 2,
            assumed_shipping_days: 3,
            min_days_between_calls: 14,
            forget_after_days: 14,
            calling_hours: CallingHours::default(),
            retry: RetryRule::default(),
            require_phone_consent: false,
            service_recovery_after_days: 1,
        }
    }
}

impl CallingHours {
    /// Whether `day` has a window.
    pub fn is_calling_day(&self, day: Weekday) -> bool {
        self.days.contains(&day)
    }

    /// Whether the window ends at midnight (`end` is `00:00`).
    fn ends_at_midnight(&self) -> bool {
        self.end == NaiveTime::MIN
    }

    /// The window starts before it ends (a window ending at midnight always does).
    pub fn is_valid(&self) -> bool {
        self.ends_at_midnight() || self.start < self.end
    }

    /// Whether the local time `t` is inside the window (on a calling day).
    pub fn contains(&self, t: NaiveTime) -> bool {
        t >= self.start && (self.ends_at_midnight() || t < self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_json_reads_as_the_default_policy() {
        let p: CallPolicy = serde_json::from_str("{}").expect("empty object parses");
        assert_eq!(p, CallPolicy::default());
    }

    #[test]
    fn default_policy_round_trips_through_json() {
        let json = serde_json::to_string(&CallPolicy::default()).expect("serialises");
        assert!(json.contains("\"callingHours\""), "camelCase names: {json}");
        let back: CallPolicy = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, CallPolicy::default());
    }

    #[test]
    fn partial_json_keeps_defaults_for_missing_fields() {
        let p: CallPolicy =
            serde_json::from_str(r#"{"requirePhoneConsent": true, "retry": {"maxAttempts": 5}}"#)
                .expect("parses");
        assert!(p.require_phone_consent);
        assert_eq!(p.retry.max_attempts, 5);
        assert_eq!(p.retry.after_days, 1);
        assert_eq!(p.days_after_delivery, 2);
    }
}
