//! Consents as a checkout records them: a realistic share of customers tick the
//! newsletter, SMS, phone and post boxes when they first buy; a few later
//! unsubscribe, and a do-not-call customer's phone consent is withdrawn.

use chrono::{DateTime, TimeDelta, Utc};
use courtesy_store::NewConsent;
use rand::Rng;

/// What a customer could consent to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reachability {
    /// Has an e-mail address.
    pub email: bool,
    /// Has a phone number.
    pub phone: bool,
    /// Asked never to be called.
    pub do_not_call: bool,
}

fn consent(channel: &str, granted: bool, at: DateTime<Utc>, source: &str) -> NewConsent {
    NewConsent {
        channel: channel.to_string(),
        granted,
        at,
        source: source.to_string(),
    }
}

/// A moment between `from` and `now`, for a later change of mind.
fn later(from: DateTime<Utc>, now: DateTime<Utc>, rng: &mut impl Rng) -> DateTime<Utc> {
    let span = (now - from).num_seconds().max(2);
    from + TimeDelta::seconds(rng.random_range(1..span))
}

/// The consents of a customer who signed up at `signed_up`.
pub(crate) fn draw(
    reach: Reachability,
    signed_up: DateTime<Utc>,
    now: DateTime<Utc>,
    rng: &mut impl Rng,
) -> Vec<NewConsent> {
    let at = signed_up.min(now);
    let mut out = Vec::new();
    if reach.email && rng.random_bool(0.55) {
        if rng.random_bool(0.08) {
            out.push(consent(
                "email",
                false,
                later(at, now, rng),
                "unsubscribe link",
            ));
        } else {
            out.push(consent("email", true, at, "checkout"));
        }
    }
    if reach.phone && rng.random_bool(0.3) {
        out.push(consent("sms", true, at, "checkout"));
    }
    if reach.phone && reach.do_not_call {
        out.push(consent("phone", false, later(at, now, rng), "phone call"));
    } else if reach.phone && rng.random_bool(0.35) {
        out.push(consent("phone", true, at, "checkout"));
    }
    if rng.random_bool(0.15) {
        out.push(consent("post", true, at, "checkout"));
    }
    out
}
