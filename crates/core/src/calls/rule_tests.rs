//! The queue and attempt rules, one rule per test, with explicit dates and zones.

use super::*;
use crate::OrderStatus;
use chrono::{DateTime, Utc};

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("{s}: {e}"))
        .with_timezone(&Utc)
}

/// Thursday 26 November 2026, 09:00 UTC.
const NOW: &str = "2026-11-26T09:00:00Z";

fn customer(id: i64) -> CustomerFacts {
    CustomerFacts {
        id,
        do_not_call: false,
        phone_e164: Some("+48601234567".into()),
        phone_consent: None,
        tags: vec![],
        country: Some("PL".into()),
        last_called_at: None,
    }
}

fn order(id: i64) -> OrderFacts {
    OrderFacts {
        id,
        status: OrderStatus::Delivered,
        fulfilled_at: Some(utc("2026-11-20T12:00:00Z")),
        delivered_at: Some(utc("2026-11-23T12:00:00Z")),
        total_minor: 10_000,
        currency: "PLN".into(),
        is_first_order: true,
        has_call: false,
    }
}

fn plan(policy: &CallPolicy, candidates: &[CallCandidate], open: &[OpenCall]) -> CallPlan {
    plan_calls(policy, candidates, open, utc(NOW))
}

fn one(c: CustomerFacts, o: OrderFacts) -> Vec<CallCandidate> {
    vec![CallCandidate {
        customer: c,
        order: o,
    }]
}

#[test]
fn first_order_is_queued_two_days_after_delivery() {
    let p = plan(&CallPolicy::default(), &one(customer(1), order(10)), &[]);
    assert_eq!(
        p.create,
        vec![NewCall {
            customer_id: 1,
            order_id: Some(10),
            reason: CallReason::FirstOrder,
            due_at: utc("2026-11-25T12:00:00Z"),
        }]
    );
}

#[test]
fn reason_follows_the_strongest_rule() {
    let vip = |mut c: CustomerFacts| {
        c.tags = vec!["vip".into()];
        c
    };
    let big = |mut o: OrderFacts| {
        o.total_minor = 50_000;
        o
    };
    let repeat = |mut o: OrderFacts| {
        o.is_first_order = false;
        o
    };
    let cases: [(&str, CustomerFacts, OrderFacts, Option<CallReason>); 5] = [
        (
            "vip tag beats everything",
            vip(customer(1)),
            big(order(1)),
            Some(CallReason::VipOrder),
        ),
        (
            "big order beats first order",
            customer(1),
            big(order(1)),
            Some(CallReason::BigOrder),
        ),
        (
            "first order alone",
            customer(1),
            order(1),
            Some(CallReason::FirstOrder),
        ),
        (
            "repeat small order earns no call",
            customer(1),
            repeat(order(1)),
            None,
        ),
        (
            "vip repeat order still earns a call",
            vip(customer(1)),
            repeat(order(1)),
            Some(CallReason::VipOrder),
        ),
    ];
    for (rule, c, o, want) in cases {
        assert_eq!(call_reason(&CallPolicy::default(), &c, &o), want, "{rule}");
    }
}

#[test]
fn parcel_slower_than_seven_days_earns_a_delivery_problem_call_before_any_thank_you() {
    let mut vip = customer(1);
    vip.tags = vec!["VIP".into()];
    let mut late = order(10);
    late.fulfilled_at = Some(utc("2026-11-14T12:00:00Z"));
    late.delivered_at = Some(utc("2026-11-23T12:00:00Z")); // 9 days on the road
    late.is_first_order = false;
    let policy = CallPolicy::default();
    assert_eq!(
        call_reason(&policy, &vip, &late),
        Some(CallReason::DeliveryProblem)
    );
    let mut in_time = late.clone();
    in_time.fulfilled_at = Some(utc("2026-11-16T12:00:00Z")); // exactly 7 days
    assert_eq!(call_reason(&policy, &customer(2), &in_time), None);
    let p = plan(&policy, &one(customer(2), late.clone()), &[]);
    assert_eq!(
        p.create.len(),
        1,
        "a late parcel is called about even without a thank-you rule"
    );
    assert_eq!(p.create[0].reason, CallReason::DeliveryProblem);
    assert_eq!(p.create[0].due_at, utc("2026-11-25T12:00:00Z"));
}

#[test]
fn customer_called_within_fourteen_days_of_the_due_date_gets_no_new_thank_you_call() {
    // The order's call falls due 2026-11-25 12:00 (delivered 23 Nov + 2 days).
    let policy = CallPolicy::default();
    let called = |at: &str| {
        let mut c = customer(1);
        c.last_called_at = Some(utc(at));
        c
    };
    for (rule, last_call, queued) in [
        (
            "called the day before the due date",
            "2026-11-24T12:00:00Z",
            false,
        ),
        ("called after the due date", "2026-11-26T08:00:00Z", false),
        ("called 13 days before", "2026-11-12T12:00:00Z", false),
        ("called 15 days before", "2026-11-10T12:00:00Z", true),
    ] {
        let p = plan(&policy, &one(called(last_call), order(10)), &[]);
        assert_eq!(p.create.len() == 1, queued, "{rule}");
    }
    let never = CallPolicy {
        min_days_between_calls: 0,
        ..CallPolicy::default()
    };
    let p = plan(&never, &one(called("2026-11-24T12:00:00Z"), order(10)), &[]);
    assert_eq!(p.create.len(), 1, "0 days turns the rule off");
}

#[test]
fn delivery_problem_call_is_made_even_after_a_recent_call() {
    let mut c = customer(1);
    c.last_called_at = Some(utc("2026-11-24T12:00:00Z"));
    let mut late = order(10);
    late.fulfilled_at = Some(utc("2026-11-10T12:00:00Z"));
    let p = plan(&CallPolicy::default(), &one(c, late), &[]);
    assert_eq!(p.create.len(), 1);
    assert_eq!(p.create[0].reason, CallReason::DeliveryProblem);
}

#[test]
fn late_delivery_rule_is_off_at_zero_days() {
    let policy = CallPolicy {
        late_delivery_days: 0,
        ..CallPolicy::default()
    };
    let mut late = order(10);
    late.fulfilled_at = Some(utc("2026-11-01T12:00:00Z"));
    late.is_first_order = false;
    assert_eq!(call_reason(&policy, &customer(1), &late), None);
}

#[test]
fn big_order_threshold_is_per_currency() {
    let policy = CallPolicy::default();
    let mut o = order(1);
    o.is_first_order = false;
    let cases = [
        ("PLN", 49_999, None),
        ("PLN", 50_000, Some(CallReason::BigOrder)),
        ("EUR", 15_000, Some(CallReason::BigOrder)),
        ("EUR", 14_999, None),
        ("XYZ", 99_999_999, None),
    ];
    for (currency, total, want) in cases {
        o.currency = currency.into();
        o.total_minor = total;
        assert_eq!(
            call_reason(&policy, &customer(1), &o),
            want,
            "{currency} {total}"
        );
    }
}

#[test]
fn without_delivery_time_due_is_fulfilment_plus_shipping_days_plus_two() {
    let mut o = order(1);
    o.status = OrderStatus::Fulfilled;
    o.delivered_at = None;
    assert_eq!(
        due_at(&CallPolicy::default(), &o),
        Some(utc("2026-11-25T12:00:00Z")),
        "fulfilled 20th + 3 shipping days + 2"
    );
}

#[test]
fn unshipped_or_cancelled_orders_are_not_due() {
    let cases = [
        (OrderStatus::Paid, None, None),
        (OrderStatus::Open, None, None),
        (
            OrderStatus::Cancelled,
            Some(utc("2026-11-20T12:00:00Z")),
            None,
        ),
        (
            OrderStatus::Refunded,
            Some(utc("2026-11-20T12:00:00Z")),
            Some(utc("2026-11-21T12:00:00Z")),
        ),
    ];
    for (status, fulfilled, delivered) in cases {
        let mut o = order(1);
        o.status = status;
        o.fulfilled_at = fulfilled;
        o.delivered_at = delivered;
        assert_eq!(due_at(&CallPolicy::default(), &o), None, "{status:?}");
    }
}

#[test]
fn do_not_call_customer_is_never_queued() {
    let mut c = customer(1);
    c.do_not_call = true;
    assert!(plan(&CallPolicy::default(), &one(c, order(1)), &[])
        .create
        .is_empty());
}

#[test]
fn customer_without_phone_is_never_queued() {
    for phone in [None, Some(String::new())] {
        let mut c = customer(1);
        c.phone_e164 = phone.clone();
        let p = plan(&CallPolicy::default(), &one(c, order(1)), &[]);
        assert!(p.create.is_empty(), "phone {phone:?}");
    }
}

#[test]
fn required_consent_missing_or_refused_is_not_queued() {
    let policy = CallPolicy {
        require_phone_consent: true,
        ..CallPolicy::default()
    };
    for (consent, queued) in [(None, false), (Some(false), false), (Some(true), true)] {
        let mut c = customer(1);
        c.phone_consent = consent;
        let p = plan(&policy, &one(c, order(1)), &[]);
        assert_eq!(!p.create.is_empty(), queued, "consent {consent:?}");
    }
}

#[test]
fn consent_not_required_queues_without_consent() {
    let p = plan(&CallPolicy::default(), &one(customer(1), order(1)), &[]);
    assert_eq!(p.create.len(), 1);
}

#[test]
fn second_order_while_a_call_is_open_creates_no_second_call() {
    let open = [OpenCall {
        id: 7,
        customer_id: 1,
        order_id: Some(10),
        reason: CallReason::FirstOrder,
    }];
    let mut o = order(11);
    o.total_minor = 90_000;
    let p = plan(&CallPolicy::default(), &one(customer(1), o), &open);
    assert_eq!(p, CallPlan::default());
}

#[test]
fn two_orders_in_one_refresh_create_one_call_for_the_earliest_due() {
    let mut later = order(11);
    later.delivered_at = Some(utc("2026-11-24T12:00:00Z"));
    later.total_minor = 90_000;
    let candidates = vec![
        CallCandidate {
            customer: customer(1),
            order: later,
        },
        CallCandidate {
            customer: customer(1),
            order: order(10),
        },
    ];
    let p = plan(&CallPolicy::default(), &candidates, &[]);
    assert_eq!(p.create.len(), 1);
    assert_eq!(p.create[0].order_id, Some(10));
}

#[test]
fn open_delivery_problem_call_blocks_another_call_as_it_did_when_planned() {
    let mut late = order(10);
    late.fulfilled_at = Some(utc("2026-11-10T12:00:00Z")); // 13 days on the road
    let mut later = order(11);
    later.delivered_at = Some(utc("2026-11-24T12:00:00Z"));
    let candidates = vec![
        CallCandidate {
            customer: customer(1),
            order: late.clone(),
        },
        CallCandidate {
            customer: customer(1),
            order: later,
        },
    ];
    let first = plan(&CallPolicy::default(), &candidates, &[]);
    assert_eq!(first.create.len(), 1, "{first:?}");
    assert_eq!(first.create[0].reason, CallReason::DeliveryProblem);
    let open = [OpenCall {
        id: 7,
        customer_id: 1,
        order_id: Some(10),
        reason: CallReason::DeliveryProblem,
    }];
    let mut after = candidates;
    after[0].order.has_call = true;
    assert_eq!(
        plan(&CallPolicy::default(), &after, &open),
        CallPlan::default(),
        "the next refresh plans nothing new"
    );
}

#[test]
fn open_service_recovery_call_does_not_block_a_thank_you_call() {
    let open = [OpenCall {
        id: 7,
        customer_id: 1,
        order_id: None,
        reason: CallReason::ServiceRecovery,
    }];
    let p = plan(&CallPolicy::default(), &one(customer(1), order(1)), &open);
    assert_eq!(p.create.len(), 1);
}

#[test]
fn order_that_already_has_a_call_is_not_queued_again() {
    let mut o = order(1);
    o.has_call = true;
    assert!(plan(&CallPolicy::default(), &one(customer(1), o), &[])
        .create
        .is_empty());
}

#[test]
fn call_due_longer_ago_than_the_policy_forgets_is_not_queued() {
    let mut o = order(1);
    o.delivered_at = Some(utc("2026-11-01T12:00:00Z")); // due 3 Nov, 23 days ago
    assert!(plan(&CallPolicy::default(), &one(customer(1), o), &[])
        .create
        .is_empty());
}

#[test]
fn open_call_of_a_customer_now_on_do_not_call_is_closed() {
    let open = [OpenCall {
        id: 7,
        customer_id: 1,
        order_id: Some(1),
        reason: CallReason::FirstOrder,
    }];
    let mut c = customer(1);
    c.do_not_call = true;
    let p = plan(&CallPolicy::default(), &one(c, order(1)), &open);
    assert_eq!(p.close, vec![(7, CloseWhy::DoNotCall)]);
    assert!(p.create.is_empty());
}

#[test]
fn open_call_of_a_cancelled_order_is_closed() {
    let open = [OpenCall {
        id: 7,
        customer_id: 1,
        order_id: Some(1),
        reason: CallReason::BigOrder,
    }];
    let mut o = order(1);
    o.status = OrderStatus::Cancelled;
    let p = plan(&CallPolicy::default(), &one(customer(1), o), &open);
    assert_eq!(p.close, vec![(7, CloseWhy::OrderCancelled)]);
}

fn attempted(earlier: u32, zone: Tz) -> AttemptedCall {
    AttemptedCall {
        customer_id: 1,
        order_id: Some(10),
        reason: CallReason::FirstOrder,
        earlier_attempts: earlier,
        zone,
    }
}

fn report(outcome: CallOutcome) -> AttemptReport {
    AttemptReport {
        outcome,
        satisfaction: None,
        delivery_problem: false,
        call_again_at: None,
    }
}

#[test]
fn no_answer_voicemail_busy_retry_next_day_at_opening_in_the_customer_zone() {
    // Thursday 26 Nov 2026, 14:00 UTC → Friday 10:00 local.
    let now = utc("2026-11-26T14:00:00Z");
    let cases = [
        (
            CallOutcome::NoAnswer,
            Tz::Europe__Warsaw,
            "2026-11-27T09:00:00Z",
        ),
        (
            CallOutcome::Voicemail,
            Tz::Europe__Helsinki,
            "2026-11-27T08:00:00Z",
        ),
        (
            CallOutcome::Busy,
            Tz::Europe__Moscow,
            "2026-11-27T07:00:00Z",
        ),
        (
            CallOutcome::NoAnswer,
            Tz::America__New_York,
            "2026-11-27T15:00:00Z",
        ),
    ];
    for (outcome, zone, want) in cases {
        let e = after_attempt(
            &CallPolicy::default(),
            &attempted(0, zone),
            &report(outcome),
            now,
        );
        assert_eq!(e.retry_at, Some(utc(want)), "{outcome:?} in {zone}");
        assert!(!e.close, "{outcome:?} keeps the call open");
    }
}

#[test]
fn retry_after_a_friday_attempt_is_monday() {
    let now = utc("2026-11-27T14:00:00Z");
    let e = after_attempt(
        &CallPolicy::default(),
        &attempted(0, Tz::Europe__Warsaw),
        &report(CallOutcome::NoAnswer),
        now,
    );
    assert_eq!(e.retry_at, Some(utc("2026-11-30T09:00:00Z")));
}

#[test]
fn retries_are_capped_at_three_attempts() {
    let now = utc(NOW);
    let cases = [(0, true), (1, true), (2, false), (5, false)];
    for (earlier, retried) in cases {
        let e = after_attempt(
            &CallPolicy::default(),
            &attempted(earlier, Tz::Europe__Warsaw),
            &report(CallOutcome::Busy),
            now,
        );
        assert_eq!(
            e.retry_at.is_some(),
            retried,
            "after {earlier} earlier attempts"
        );
        assert_eq!(e.close, !retried, "after {earlier} earlier attempts");
    }
}

#[test]
fn other_outcomes_close_the_call_without_retry() {
    for outcome in [
        CallOutcome::Reached,
        CallOutcome::WrongNumber,
        CallOutcome::Refused,
        CallOutcome::DoNotCall,
    ] {
        let e = after_attempt(
            &CallPolicy::default(),
            &attempted(0, Tz::Europe__Warsaw),
            &report(outcome),
            utc(NOW),
        );
        assert!(e.close && e.retry_at.is_none(), "{outcome:?}");
        assert_eq!(
            e.set_do_not_call,
            outcome == CallOutcome::DoNotCall,
            "{outcome:?}"
        );
    }
}

#[test]
fn satisfaction_two_or_less_or_a_delivery_problem_queues_service_recovery() {
    let cases = [
        (Some(1), false, true),
        (Some(2), false, true),
        (Some(3), false, false),
        (Some(5), true, true),
        (None, true, true),
        (None, false, false),
    ];
    for (satisfaction, delivery_problem, follow_up) in cases {
        let r = AttemptReport {
            satisfaction,
            delivery_problem,
            ..report(CallOutcome::Reached)
        };
        let e = after_attempt(
            &CallPolicy::default(),
            &attempted(0, Tz::Europe__Warsaw),
            &r,
            utc(NOW),
        );
        assert_eq!(
            e.follow_up.as_ref().map(|f| f.reason),
            follow_up.then_some(CallReason::ServiceRecovery),
            "satisfaction {satisfaction:?}, delivery problem {delivery_problem}"
        );
    }
}

#[test]
fn service_recovery_is_due_next_day_inside_hours() {
    let r = AttemptReport {
        satisfaction: Some(1),
        ..report(CallOutcome::Reached)
    };
    // Thursday 09:00 UTC + 1 day = Friday 10:00 Warsaw, inside hours.
    let e = after_attempt(
        &CallPolicy::default(),
        &attempted(0, Tz::Europe__Warsaw),
        &r,
        utc(NOW),
    );
    assert_eq!(
        e.follow_up.map(|f| f.due_at),
        Some(utc("2026-11-27T09:00:00Z"))
    );
}

#[test]
fn do_not_call_outcome_never_leads_to_a_follow_up() {
    let r = AttemptReport {
        satisfaction: Some(1),
        delivery_problem: true,
        ..report(CallOutcome::DoNotCall)
    };
    let e = after_attempt(
        &CallPolicy::default(),
        &attempted(0, Tz::Europe__Warsaw),
        &r,
        utc(NOW),
    );
    assert!(e.set_do_not_call);
    assert_eq!(e.follow_up, None);
}

#[test]
fn call_again_request_queues_a_call_again_inside_hours() {
    let r = AttemptReport {
        call_again_at: Some(utc("2026-12-05T12:00:00Z")), // a Saturday
        ..report(CallOutcome::Reached)
    };
    let e = after_attempt(
        &CallPolicy::default(),
        &attempted(0, Tz::Europe__Warsaw),
        &r,
        utc(NOW),
    );
    let f = e.follow_up.expect("a call-again follow-up");
    assert_eq!(f.reason, CallReason::CallAgain);
    assert_eq!(f.due_at, utc("2026-12-07T09:00:00Z"), "Monday 10:00 Warsaw");
}
