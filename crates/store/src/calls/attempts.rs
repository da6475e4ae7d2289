//! One call and its attempts: recording how an attempt went and applying the
//! policy's consequences (core's `after_attempt`): a retry inside calling hours,
//! closing the call, the customer's do-not-call flag, a follow-up call.

use crate::audit::{record, Actor};
use crate::calls::call_policy::{read_call_policy, shop_zone};
use crate::calls::claims::{check_not_claimed, check_open, end_claim};
use crate::db::{params, Connection, OptionalExtension};
use crate::error::{Result, StoreError};
use crate::time::to_db;
use crate::Store;
use chrono::{DateTime, Utc};
use courtesy_core::calls::{
    after_attempt, zone_for_customer, AttemptReport, AttemptedCall, CallOutcome, CallReason,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

/// How one attempt went, as the person on the phone enters it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttemptInput {
    /// When the attempt was made (UTC).
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// How it ended.
    pub outcome: CallOutcome,
    /// Length of the call in seconds.
    pub duration_seconds: u32,
    /// The customer's satisfaction, 1–5, when asked.
    pub satisfaction: Option<u8>,
    /// Free notes.
    pub notes: String,
    /// The customer reported a problem with the delivery.
    pub delivery_problem: bool,
    /// The customer asked to be called again at this time.
    #[ts(type = "string | null")]
    pub follow_up_at: Option<DateTime<Utc>>,
}

/// What recording an attempt changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttemptResult {
    /// The new attempt's id.
    #[ts(type = "number")]
    pub attempt_id: i64,
    /// Attempts on this call, this one included.
    pub attempts: u32,
    /// The call stays open and is offered again from this time (UTC, ISO 8601).
    pub retry_at: Option<String>,
    /// The call is done.
    pub closed: bool,
    /// The customer's do-not-call flag was set.
    pub do_not_call_set: bool,
    /// A follow-up call was queued (service recovery or call again).
    #[ts(type = "number | null")]
    pub follow_up_call_id: Option<i64>,
    /// Why the follow-up was queued (`service_recovery`, `call_again`).
    pub follow_up_reason: Option<String>,
    /// When the follow-up falls due (UTC, ISO 8601).
    pub follow_up_due_at: Option<String>,
}

struct CallRow {
    customer_id: i64,
    order_id: Option<i64>,
    reason: String,
    status: String,
    attempts: u32,
    country: Option<String>,
    phone: Option<String>,
}

fn call_row(conn: &Connection, id: i64) -> Result<CallRow> {
    conn.prepare_cached(
        "SELECT k.customer_id, k.order_id, k.reason, k.status,
            (SELECT count(*) FROM call_attempts a WHERE a.call_id = k.id),
            c.country,
            (SELECT e164 FROM customer_phones WHERE customer_id = c.id AND e164 IS NOT NULL
                ORDER BY position LIMIT 1)
         FROM calls k JOIN customers c ON c.id = k.customer_id WHERE k.id = ?1",
    )?
    .query_row([id], |r| {
        Ok(CallRow {
            customer_id: r.get(0)?,
            order_id: r.get(1)?,
            reason: r.get(2)?,
            status: r.get(3)?,
            attempts: r.get(4)?,
            country: r.get(5)?,
            phone: r.get(6)?,
        })
    })
    .optional()?
    .ok_or(StoreError::NotFound { entity: "call", id })
}

fn record_attempt(
    tx: &Connection,
    desk: &str,
    call_id: i64,
    input: &AttemptInput,
    actor: &Actor,
) -> Result<AttemptResult> {
    if input.satisfaction.is_some_and(|s| !(1..=5).contains(&s)) {
        return Err(StoreError::Invalid("satisfaction is from 1 to 5".into()));
    }
    let call = call_row(tx, call_id)?;
    if call.status != "open" {
        check_open(tx, call_id)?;
    }
    check_not_claimed(tx, call_id, desk, actor.at)?;
    let policy = read_call_policy(tx)?;
    let zone = zone_for_customer(
        call.country.as_deref(),
        call.phone.as_deref(),
        shop_zone(tx)?,
    );
    let effects = after_attempt(
        &policy,
        &AttemptedCall {
            customer_id: call.customer_id,
            order_id: call.order_id,
            reason: CallReason::parse(&call.reason).unwrap_or(CallReason::Manual),
            earlier_attempts: call.attempts,
            zone,
        },
        &AttemptReport {
            outcome: input.outcome,
            satisfaction: input.satisfaction,
            delivery_problem: input.delivery_problem,
            call_again_at: input.follow_up_at,
        },
        input.at,
    );
    let at = to_db(input.at);
    let attempt_id = tx
        .prepare_cached(
            "INSERT INTO call_attempts (call_id, at, outcome, duration_seconds, satisfaction, notes,
            staff, follow_up_at, delivery_problem)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
        )?
        .insert(params![
        call_id,
        at,
        input.outcome.as_str(),
        input.duration_seconds,
        input.satisfaction,
        input.notes.trim(),
        actor.name,
        input.follow_up_at.map(to_db),
        input.delivery_problem
    ])?;

    if let Some(retry) = effects.retry_at {
        tx.execute(
            "UPDATE calls SET due_at = ?2 WHERE id = ?1",
            params![call_id, to_db(retry)],
        )?;
    } else {
        let why = if input.outcome.is_retryable() {
            "attempts_exhausted"
        } else {
            input.outcome.as_str()
        };
        tx.execute(
            "UPDATE calls SET status = 'done', closed_at = ?2, closed_reason = ?3 WHERE id = ?1",
            params![call_id, at, why],
        )?;
    }
    if effects.set_do_not_call {
        tx.execute(
            "UPDATE customers SET do_not_call = 1, updated_at = ?2 WHERE id = ?1",
            params![call.customer_id, at],
        )?;
        tx.execute(
            "UPDATE calls SET status = 'cancelled', closed_at = ?2, closed_reason = 'do_not_call'
             WHERE customer_id = ?1 AND status = 'open'",
            params![call.customer_id, at],
        )?;
        record(
            tx,
            actor,
            "customer",
            Some(call.customer_id),
            "do_not_call",
            &json!({"call": call_id}),
        )?;
    }
    let follow_up_call_id = match &effects.follow_up {
        Some(f) => Some(tx.insert(
            "INSERT INTO calls (customer_id, order_id, reason, status, due_at, created_at)
                 VALUES (?1, ?2, ?3, 'open', ?4, ?5) RETURNING id",
            params![
                f.customer_id,
                f.order_id,
                f.reason.as_str(),
                to_db(f.due_at),
                at
            ],
        )?),
        None => None,
    };
    let result = AttemptResult {
        attempt_id,
        attempts: call.attempts + 1,
        retry_at: effects.retry_at.map(to_db),
        closed: effects.close,
        do_not_call_set: effects.set_do_not_call,
        follow_up_call_id,
        follow_up_reason: effects
            .follow_up
            .as_ref()
            .map(|f| f.reason.as_str().to_string()),
        follow_up_due_at: effects.follow_up.as_ref().map(|f| to_db(f.due_at)),
    };
    record(
        tx,
        actor,
        "call",
        Some(call_id),
        "attempt",
        &json!({
            "outcome": input.outcome.as_str(),
            "satisfaction": input.satisfaction,
            "deliveryProblem": input.delivery_problem,
            "retryAt": result.retry_at,
            "followUpCall": follow_up_call_id,
        }),
    )?;
    Ok(result)
}

impl Store {
    /// Records one attempt on an open call and applies the policy: a retry (the
    /// call moves to the next day inside calling hours), closing it, the customer's
    /// do-not-call flag (which also cancels their other open calls), a follow-up.
    pub fn record_attempt(
        &self,
        call_id: i64,
        input: &AttemptInput,
        actor: &Actor,
    ) -> Result<AttemptResult> {
        self.write(|tx| {
            let result = record_attempt(tx, &self.desk, call_id, input, actor)?;
            end_claim(tx, call_id)?;
            Ok(result)
        })
    }
}

fn plan_manual_call(
    tx: &Connection,
    customer_id: i64,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<i64> {
    let do_not_call: bool = tx
        .query_row(
            "SELECT do_not_call FROM customers WHERE id = ?1",
            [customer_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(StoreError::NotFound {
            entity: "customer",
            id: customer_id,
        })?;
    if do_not_call {
        return Err(StoreError::Invalid(
            "this customer asked not to be called".into(),
        ));
    }
    let due = to_db(due_at.max(now));
    let id = tx.insert(
        "INSERT INTO calls (customer_id, order_id, reason, status, due_at, created_at)
         VALUES (?1, NULL, 'manual', 'open', ?2, ?3) RETURNING id",
        params![customer_id, due, to_db(now)],
    )?;
    record(
        tx,
        actor,
        "call",
        Some(id),
        "plan",
        &json!({"customer": customer_id, "dueAt": due}),
    )?;
    Ok(id)
}

impl Store {
    /// Queues a call to a customer by hand, due at `due_at` (or now, if that is
    /// past). Refused for a customer who asked not to be called.
    pub fn plan_manual_call(
        &self,
        customer_id: i64,
        due_at: DateTime<Utc>,
        now: DateTime<Utc>,
        actor: &Actor,
    ) -> Result<i64> {
        self.write(|tx| plan_manual_call(tx, customer_id, due_at, now, actor))
    }
}
