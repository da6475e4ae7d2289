//! A customer's calls as staff see them: each call with why it was made, how it
//! stands, and every attempt with its outcome, satisfaction and notes. The
//! profile's timeline and the call screen's "previous calls" read this.

use crate::db::{Connection, Row};
use crate::error::Result;
use crate::Store;
use courtesy_core::calls::{CallOutcome, CallReason, CallStatus};
use serde::Serialize;
use ts_rs::TS;

/// A stored name read back as its enum; a name none is a data error.
pub(crate) fn stored<T>(
    r: &crate::db::Row<'_>,
    i: usize,
    parse: fn(&str) -> Option<T>,
) -> crate::db::Result<T> {
    let text: String = r.get(i)?;
    parse(&text).ok_or_else(|| crate::db::DbError::Conversion {
        column: i,
        source: format!("'{text}' is no known value").into(),
    })
}

/// One attempt on a call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallAttemptView {
    /// UTC, ISO 8601.
    pub at: String,
    /// How it ended.
    pub outcome: CallOutcome,
    /// Length of the call in seconds.
    pub duration_seconds: u32,
    /// 1–5, when asked.
    pub satisfaction: Option<u8>,
    /// What was said.
    pub notes: String,
    /// Who called.
    pub staff: String,
    /// The customer reported a delivery problem.
    pub delivery_problem: bool,
}

/// A call and its attempts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallView {
    /// The call's id.
    #[ts(type = "number")]
    pub id: i64,
    /// Why it was queued.
    pub reason: CallReason,
    /// Where it stands.
    pub status: CallStatus,
    /// When it is (or was last) offered, UTC.
    pub due_at: String,
    /// When it was queued, UTC.
    pub created_at: String,
    /// When it was closed, UTC.
    pub closed_at: Option<String>,
    /// Why it was closed without being made (`do_not_call`, `order_cancelled`, …).
    pub closed_reason: Option<String>,
    /// The order it is about.
    #[ts(type = "number | null")]
    pub order_id: Option<i64>,
    /// That order's number.
    pub order_number: Option<String>,
    /// Attempts, oldest first.
    pub attempts: Vec<CallAttemptView>,
}

fn call_from_row(r: &Row<'_>) -> crate::db::Result<CallView> {
    Ok(CallView {
        id: r.get(0)?,
        reason: stored(r, 1, CallReason::parse)?,
        status: stored(r, 2, CallStatus::parse)?,
        due_at: r.get(3)?,
        created_at: r.get(4)?,
        closed_at: r.get(5)?,
        closed_reason: r.get(6)?,
        order_id: r.get(7)?,
        order_number: r.get(8)?,
        attempts: Vec::new(),
    })
}

fn attempts_of(conn: &Connection, call_id: i64) -> Result<Vec<CallAttemptView>> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, outcome, duration_seconds, satisfaction, notes, staff, delivery_problem
         FROM call_attempts WHERE call_id = ?1 ORDER BY at, id",
    )?;
    let rows = stmt.query_map([call_id], |r| {
        Ok(CallAttemptView {
            at: r.get(0)?,
            outcome: stored(r, 1, CallOutcome::parse)?,
            duration_seconds: r.get(2)?,
            satisfaction: r.get(3)?,
            notes: r.get(4)?,
            staff: r.get(5)?,
            delivery_problem: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<crate::db::Result<_>>()?)
}

const CALLS: &str = "
    SELECT k.id, k.reason, k.status, k.due_at, k.created_at, k.closed_at, k.closed_reason,
        k.order_id, o.number
    FROM calls k LEFT JOIN orders o ON o.id = k.order_id";

/// A customer's calls: open ones first (soonest due first), then the closed ones,
/// newest first.
pub(crate) fn calls_of_customer(conn: &Connection, customer_id: i64) -> Result<Vec<CallView>> {
    let sql = format!(
        "{CALLS} WHERE k.customer_id = ?1
         ORDER BY k.status <> 'open', CASE WHEN k.status = 'open' THEN k.due_at END,
                  coalesce(k.closed_at, k.created_at) DESC, k.id DESC"
    );
    let mut calls = conn
        .prepare_cached(&sql)?
        .query_map([customer_id], call_from_row)?
        .collect::<crate::db::Result<Vec<_>>>()?;
    for call in &mut calls {
        call.attempts = attempts_of(conn, call.id)?;
    }
    Ok(calls)
}

/// One call with its attempts; `None` when there is no such call.
pub(crate) fn call_view(conn: &Connection, call_id: i64) -> Result<Option<CallView>> {
    let sql = format!("{CALLS} WHERE k.id = ?1");
    let mut rows = conn
        .prepare_cached(&sql)?
        .query_map([call_id], call_from_row)?
        .collect::<crate::db::Result<Vec<_>>>()?;
    let Some(mut call) = rows.pop() else {
        return Ok(None);
    };
    call.attempts = attempts_of(conn, call.id)?;
    Ok(Some(call))
}

impl Store {
    /// A customer's calls with their attempts: open ones first, then the rest,
    /// newest first.
    pub fn customer_calls(&self, customer_id: i64) -> Result<Vec<CallView>> {
        self.read(|conn| calls_of_customer(conn, customer_id))
    }
}
