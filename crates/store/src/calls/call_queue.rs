//! The call queue: a refresh turns recent orders into calls under the shop's
//! policy (the rules are core's `plan_calls`), and the list of calls to make now,
//! inside calling hours in each customer's own time zone.
//!
//! A refresh looks only at customers noted as changed since the last refresh
//! (schema v5's triggers note a customer when their orders, do-not-call flag,
//! phones, consents, tags or calls change) and then forgets them, so a refresh
//! with nothing new costs next to nothing. The calls a refresh writes note their
//! customers again, so a customer is forgotten only once the rules gave them
//! nothing to do; and the rules give no new work for a customer whose facts did
//! not change, as time only lets orders age out of the window. Under another
//! policy than the last refresh's, at an earlier time, or the first time, every
//! customer is looked at.

use crate::audit::{record, Actor};
use crate::calls::call_policy::shop_zone;
use crate::db::{params, Connection, OptionalExtension, Row};
use crate::dialect::ordered_joins;
use crate::error::Result;
use crate::time::{from_db, to_db};
use crate::Store;
use chrono::{DateTime, Duration, Utc};
use courtesy_core::calls::{
    next_offer_time, plan_calls, zone_for_customer, CallCandidate, CallPolicy, CallReason,
    CustomerFacts, OpenCall, OrderFacts, Tz,
};
use courtesy_core::{Language, NameCulture, OrderStatus, PersonName};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

/// What one refresh of the queue did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RefreshCounts {
    /// Orders looked at (of the customers noted as changed since the last
    /// refresh, or of every customer when the policy changed).
    pub orders_seen: u32,
    /// Calls queued.
    pub created: u32,
    /// Open calls closed because they may no longer be made.
    pub closed: u32,
}

/// A call to make now, with what the caller needs to dial.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallListItem {
    /// The call's id.
    #[ts(type = "number")]
    pub call_id: i64,
    /// The customer's id.
    #[ts(type = "number")]
    pub customer_id: i64,
    /// The customer's name as shown.
    pub customer_name: String,
    /// The number to dial (E.164 when known, else as typed).
    pub phone: String,
    /// The customer's IANA time zone, e.g. `Europe/Helsinki`.
    pub time_zone: String,
    /// The customer's local time now, `HH:MM`.
    pub local_time: String,
    /// Why the call was queued.
    pub reason: CallReason,
    /// The order it is about.
    #[ts(type = "number | null")]
    pub order_id: Option<i64>,
    /// That order's number, e.g. `#1001`.
    pub order_number: Option<String>,
    /// Due since (UTC, ISO 8601).
    pub due_at: String,
    /// Attempts made so far.
    pub attempts: u32,
    /// The customer carries the policy's VIP tag.
    pub vip: bool,
    /// Someone at another desk is on this call now (it is not offered here).
    pub claimed_by: Option<String>,
}

/// Orders are looked at when placed this many days before the oldest delivery a
/// call may still come from (parcels rarely take longer). Of those, only orders
/// without a call whose delivery is recent enough for a call, and the orders of
/// open calls (to close calls that may no longer be made), reach the rules; of
/// the customers noted as changed, or of everyone (see [`Scope`]).
const PLACED_BEFORE_DELIVERY_DAYS: i64 = 45;

/// The facts the rules read of each order whose id `$orders` selects.
macro_rules! candidates {
    ($orders:literal) => {
        concat!("
    SELECT o.id, o.customer_id, o.status, o.fulfilled_at, o.delivered_at, o.total_minor, o.currency,
        NOT EXISTS (SELECT 1 FROM orders p WHERE p.customer_id = o.customer_id AND p.id <> o.id
            AND p.status IN ('paid','fulfilled','delivered')
            AND (p.placed_at < o.placed_at OR (p.placed_at = o.placed_at AND p.id < o.id))) AS first,
        EXISTS (SELECT 1 FROM calls k WHERE k.order_id = o.id) AS has_call,
        c.do_not_call, c.country,
        (SELECT e164 FROM customer_phones WHERE customer_id = c.id AND e164 IS NOT NULL
            ORDER BY position LIMIT 1) AS phone,
        (SELECT granted FROM customer_consents WHERE customer_id = c.id AND channel = 'phone') AS consent,
        (SELECT string_agg(tag, '\u{1f}') FROM customer_tags WHERE customer_id = c.id) AS tags,
        (SELECT max(a.at) FROM calls l JOIN call_attempts a ON a.call_id = l.id
            WHERE l.customer_id = c.id) AS last_called
    FROM orders o JOIN customers c ON c.id = o.customer_id
    WHERE o.id IN (", $orders, ")")
    };
}

/// Candidates of the customers noted as changed: their recent shipped orders
/// without a call, and the orders of their open calls.
const CANDIDATES_OF_CHANGED: &str = candidates!("
        SELECT n.id FROM call_queue_stale s CROSS JOIN orders n ON n.customer_id = s.customer_id
        WHERE n.placed_at >= ?1 AND n.status IN ('fulfilled','delivered')
          AND (n.delivered_at >= ?2 OR (n.delivered_at IS NULL AND n.fulfilled_at >= ?3))
          AND NOT EXISTS (SELECT 1 FROM calls k WHERE k.order_id = n.id)
        UNION
        SELECT k.order_id FROM call_queue_stale s CROSS JOIN calls k ON k.customer_id = s.customer_id
        WHERE k.status = 'open' AND k.order_id IS NOT NULL");

/// Candidates of every customer: recent shipped orders without a call, and the
/// orders of open calls.
const CANDIDATES_OF_EVERYONE: &str = candidates!(
    "
        SELECT n.id FROM orders n
        WHERE n.status IN ('fulfilled','delivered') AND n.placed_at >= ?1
          AND (n.delivered_at >= ?2 OR (n.delivered_at IS NULL AND n.fulfilled_at >= ?3))
          AND NOT EXISTS (SELECT 1 FROM calls k WHERE k.order_id = n.id)
        UNION
        SELECT order_id FROM calls WHERE status = 'open' AND order_id IS NOT NULL"
);

/// Notes `customers` as changed, as the schema's triggers do for every other
/// writer: an import writes with the triggers off (see `import_batches`).
pub(crate) fn note_changed(conn: &Connection, customers: &[i64]) -> Result<()> {
    let mut note = conn.prepare_cached(
        "INSERT INTO call_queue_stale (customer_id) VALUES (?1) ON CONFLICT DO NOTHING",
    )?;
    for id in customers {
        note.execute([id])?;
    }
    Ok(())
}

fn candidate(r: &Row<'_>) -> crate::db::Result<CallCandidate> {
    let time = |i: usize| -> crate::db::Result<Option<DateTime<Utc>>> {
        Ok(r.get::<_, Option<String>>(i)?.as_deref().and_then(from_db))
    };
    let status: String = r.get(2)?;
    Ok(CallCandidate {
        order: OrderFacts {
            id: r.get(0)?,
            status: OrderStatus::parse(&status).unwrap_or(OrderStatus::Open),
            fulfilled_at: time(3)?,
            delivered_at: time(4)?,
            total_minor: r.get(5)?,
            currency: r.get(6)?,
            is_first_order: r.get(7)?,
            has_call: r.get(8)?,
        },
        customer: CustomerFacts {
            id: r.get(1)?,
            do_not_call: r.get(9)?,
            country: r.get(10)?,
            phone_e164: r.get(11)?,
            phone_consent: r.get(12)?,
            tags: r
                .get::<_, Option<String>>(13)?
                .map(|t| t.split('\u{1f}').map(str::to_string).collect())
                .unwrap_or_default(),
            last_called_at: time(14)?,
        },
    })
}

/// Which customers a refresh looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Nobody changed since the last refresh.
    Nobody,
    /// The customers noted as changed.
    Changed,
    /// Every customer: a new policy, an earlier time, or the first refresh.
    Everyone,
}

/// The open calls of the customers in `scope`.
fn open_calls(conn: &Connection, scope: Scope) -> Result<Vec<OpenCall>> {
    let mut stmt = conn.prepare_cached(&ordered_joins(
        conn,
        if scope == Scope::Everyone {
            "SELECT id, customer_id, order_id, reason FROM calls WHERE status = 'open'"
        } else {
            "SELECT k.id, k.customer_id, k.order_id, k.reason
         FROM call_queue_stale s CROSS JOIN calls k ON k.customer_id = s.customer_id
         WHERE k.status = 'open'"
        },
    ))?;
    let rows = stmt.query_map([], |r| {
        let reason: String = r.get(3)?;
        Ok(OpenCall {
            id: r.get(0)?,
            customer_id: r.get(1)?,
            order_id: r.get(2)?,
            reason: CallReason::parse(&reason).unwrap_or(CallReason::Manual),
        })
    })?;
    Ok(rows.collect::<crate::db::Result<_>>()?)
}

/// Whom this refresh looks at: everyone when the last refresh ran under another
/// policy, at a later time, or never; else the customers noted as changed. Keeps
/// this refresh's policy and time when it has anything to look at.
fn scope(tx: &Connection, policy: &CallPolicy, now: DateTime<Utc>) -> Result<Scope> {
    let policy_json = serde_json::to_string(policy).unwrap_or_default();
    let last: Option<(String, String)> = tx
        .prepare_cached("SELECT policy, at FROM call_queue_refreshed WHERE id = 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let scope =
        if last.is_none_or(|(p, at)| p != policy_json || from_db(&at).is_none_or(|at| at > now)) {
            Scope::Everyone
        } else if tx
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM call_queue_stale)")?
            .query_row([], |r| r.get(0))?
        {
            Scope::Changed
        } else {
            Scope::Nobody
        };
    if scope != Scope::Nobody {
        // After this refresh no customer has new work at `now` or later.
        tx.prepare_cached(
            "INSERT INTO call_queue_refreshed (id, policy, at) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET policy = excluded.policy, at = excluded.at",
        )?
        .execute(params![policy_json, to_db(now)])?;
    }
    Ok(scope)
}

fn refresh(
    tx: &Connection,
    policy: &CallPolicy,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<RefreshCounts> {
    let scope = scope(tx, policy, now)?;
    if scope == Scope::Nobody {
        return Ok(RefreshCounts::default());
    }
    let days = i64::from(policy.forget_after_days)
        + i64::from(policy.days_after_delivery)
        + i64::from(policy.assumed_shipping_days)
        + PLACED_BEFORE_DELIVERY_DAYS;
    let since = to_db(now - Duration::days(days));
    // Deliveries (or fulfilments) too old for their call to be queued any more.
    let forget = i64::from(policy.forget_after_days) + i64::from(policy.days_after_delivery);
    let delivered_since = to_db(now - Duration::days(forget));
    let fulfilled_since =
        to_db(now - Duration::days(forget + i64::from(policy.assumed_shipping_days)));
    let candidates = tx
        .prepare_cached(&ordered_joins(
            tx,
            if scope == Scope::Everyone {
                CANDIDATES_OF_EVERYONE
            } else {
                CANDIDATES_OF_CHANGED
            },
        ))?
        .query_map(params![since, delivered_since, fulfilled_since], candidate)?
        .collect::<crate::db::Result<Vec<_>>>()?;
    let plan = plan_calls(policy, &candidates, &open_calls(tx, scope)?, now);
    // Forget who changed before writing: the calls written below note their
    // customers again, so the next refresh checks that they have nothing more.
    tx.prepare_cached("DELETE FROM call_queue_stale")?
        .execute([])?;

    let at = to_db(now);
    let mut closed = 0;
    let mut close = tx.prepare_cached(
        "UPDATE calls SET status = 'cancelled', closed_at = ?2, closed_reason = ?3
         WHERE id = ?1 AND status = 'open'",
    )?;
    for (id, why) in &plan.close {
        closed += close.execute(params![id, at, why.as_str()])?;
    }
    let mut created = 0;
    let mut insert = tx.prepare_cached(
        "INSERT INTO calls (customer_id, order_id, reason, status, due_at, created_at)
         VALUES (?1, ?2, ?3, 'open', ?4, ?5) ON CONFLICT DO NOTHING",
    )?;
    for call in &plan.create {
        created += insert.execute(params![
            call.customer_id,
            call.order_id,
            call.reason.as_str(),
            to_db(call.due_at),
            at
        ])?;
    }
    let counts = RefreshCounts {
        orders_seen: candidates.len() as u32,
        created: created as u32,
        closed: closed as u32,
    };
    if created + closed > 0 {
        record(
            tx,
            actor,
            "call_queue",
            None,
            "refresh",
            &json!({"created": counts.created, "closed": counts.closed, "ordersSeen": counts.orders_seen}),
        )?;
    }
    Ok(counts)
}

/// The first due time of an open call from `?1` up to `?2` (the partial index
/// `calls_open_by_due`): where the next due day starts.
const NEXT_DUE: &str =
    "SELECT min(due_at) FROM calls WHERE status = 'open' AND due_at >= ?1 AND due_at <= ?2";

/// The open calls of one due day (`?1` ≤ due < `?2`, due by `?3`), with whether
/// the customer carries the VIP tag `?4`.
const DUE_DAY: &str = "
    SELECT k.id, k.due_at,
        EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = k.customer_id
            AND t.tag = ?4 COLLATE NOCASE) AS vip
    FROM calls k WHERE k.status = 'open' AND k.due_at >= ?1 AND k.due_at < ?2 AND k.due_at <= ?3";

/// What the list shows of the calls whose ids are in `{ids}` (a subquery of `?1`).
const DUE_ITEMS: &str = "
    SELECT k.id, k.customer_id, k.order_id, k.reason,
        c.first_name, c.middle_name, c.last_name, c.company, c.country, c.language,
        (SELECT coalesce(e164, raw) FROM customer_phones WHERE customer_id = c.id
            ORDER BY e164 IS NULL, position LIMIT 1) AS phone,
        (SELECT count(*) FROM call_attempts a WHERE a.call_id = k.id) AS attempts,
        o.number,
        (SELECT staff FROM call_claims m WHERE m.call_id = k.id AND m.desk <> ?2 AND m.expires_at > ?3)
            AS claimed_by
    FROM calls k JOIN customers c ON c.id = k.customer_id
    LEFT JOIN orders o ON o.id = k.order_id
    WHERE k.id IN ({ids})";

/// One open call in the due walk: id, due time, VIP.
struct Due {
    id: i64,
    due_at: String,
    vip: bool,
}

/// The list item of one row of [`DUE_ITEMS`] for `call`, or `None` when its
/// customer is outside calling hours.
fn due_item(
    r: &Row<'_>,
    call: &Due,
    policy: &CallPolicy,
    fallback: Tz,
    now: DateTime<Utc>,
) -> Result<Option<CallListItem>> {
    let country: Option<String> = r.get(8)?;
    let phone: Option<String> = r.get(10)?;
    let zone = zone_for_customer(country.as_deref(), phone.as_deref(), fallback);
    let due_time = from_db(&call.due_at).unwrap_or(now);
    if next_offer_time(policy, zone, due_time, now) != now {
        return Ok(None); // outside calling hours where the customer lives
    }
    let language = r
        .get::<_, Option<String>>(9)?
        .and_then(|l| Language::from_tag(&l));
    let name = PersonName::new(
        &r.get::<_, String>(4)?,
        &r.get::<_, String>(5)?,
        &r.get::<_, String>(6)?,
    )
    .full(NameCulture::of(country.as_deref().unwrap_or(""), language));
    Ok(Some(CallListItem {
        call_id: call.id,
        customer_id: r.get(1)?,
        customer_name: if name.is_empty() { r.get(7)? } else { name },
        phone: phone.unwrap_or_default(),
        time_zone: zone.name().to_string(),
        local_time: now.with_timezone(&zone).format("%H:%M").to_string(),
        reason: crate::calls::call_history::stored(r, 3, CallReason::parse)?,
        order_id: r.get(2)?,
        order_number: r.get(12)?,
        due_at: call.due_at.clone(),
        attempts: r.get(11)?,
        vip: call.vip,
        claimed_by: r.get(13)?,
    }))
}

/// The list items of `calls`, in their order, leaving out customers outside
/// calling hours: one statement for all of them.
fn due_items(
    conn: &Connection,
    desk: &str,
    calls: &[Due],
    policy: &CallPolicy,
    fallback: Tz,
    now: DateTime<Utc>,
) -> Result<Vec<CallListItem>> {
    let ids = serde_json::to_string(&calls.iter().map(|c| c.id).collect::<Vec<_>>())
        .unwrap_or_else(|_| "[]".into());
    let sql = DUE_ITEMS.replace("{ids}", &crate::dialect::json_integers(conn, "?1"));
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params![ids, desk, to_db(now)])?;
    let mut items = std::collections::HashMap::with_capacity(calls.len());
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if let Some(call) = calls.iter().find(|c| c.id == id) {
            items.insert(id, due_item(&r, call, policy, fallback, now)?);
        }
    }
    Ok(calls
        .iter()
        .filter_map(|c| items.remove(&c.id).flatten())
        .collect())
}

/// Walks the open calls in due order one due day at a time: each day's calls are
/// put in list order (VIPs first, then due time, id) and offered until `limit`
/// are listed, so only the days needed are read, each in a few statements.
fn due(
    conn: &Connection,
    desk: &str,
    now: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<CallListItem>> {
    let policy = crate::calls::call_policy::read_call_policy(conn)?;
    let fallback = shop_zone(conn)?;
    let vip_tag = policy.vip_tag.clone().unwrap_or_default();
    let now_db = to_db(now);
    let mut from = String::new();
    let mut out = Vec::new();
    while out.len() < limit {
        let first: Option<String> = conn
            .prepare_cached(NEXT_DUE)?
            .query_row(params![from, now_db], |r| r.get(0))?;
        let Some(first) = first else {
            break;
        };
        let day = first.get(..10).unwrap_or(&first).to_string();
        let day_end = format!("{day}\u{7f}");
        let mut calls: Vec<Due> = conn
            .prepare_cached(DUE_DAY)?
            .query_map(params![day, day_end, now_db, vip_tag], |r| {
                Ok(Due {
                    id: r.get(0)?,
                    due_at: r.get(1)?,
                    vip: r.get(2)?,
                })
            })?
            .collect::<crate::db::Result<_>>()?;
        calls.sort_by(|a, b| (!a.vip, &a.due_at, a.id).cmp(&(!b.vip, &b.due_at, b.id)));
        let mut rest = &calls[..];
        while out.len() < limit && !rest.is_empty() {
            let (batch, more) = rest.split_at((limit - out.len()).min(rest.len()));
            out.extend(due_items(conn, desk, batch, &policy, fallback, now)?);
            rest = more;
        }
        from = day_end;
    }
    Ok(out)
}

impl Store {
    /// Turns recent orders into calls under `policy` and closes open calls that may
    /// no longer be made, in one transaction. Looks only at customers noted as
    /// changed since the last refresh (every customer under a new policy): at
    /// their orders recent enough to still earn a call, and their open calls.
    pub fn refresh_call_queue(
        &self,
        policy: &CallPolicy,
        now: DateTime<Utc>,
        actor: &Actor,
    ) -> Result<RefreshCounts> {
        self.write(|tx| refresh(tx, policy, now, actor))
    }

    /// Up to `limit` open calls due by `now` whose customer is inside calling hours
    /// now: by due day, VIP customers first within a day, then by due time and id.
    /// Reads only as many due days as the list needs.
    pub fn calls_due(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<CallListItem>> {
        self.read(|conn| due(conn, &self.desk, now, limit))
    }
}

/// The queue's work as one bare SQL query, for benchmarks comparing the store
/// with SQLite alone: customers (ids, earliest due first) with a recent shipped
/// order without a call that earns a thank-you call under `policy`, who may be
/// called and have no open thank-you or delivery-problem call.
const RAW: &str = "
    WITH due AS (
        SELECT o.customer_id, o.id,
            coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', o.delivered_at, ?4),
                     strftime('%Y-%m-%dT%H:%M:%SZ', o.fulfilled_at, ?5)) AS due_at
        FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE o.status IN ('fulfilled','delivered') AND o.placed_at >= ?1 AND c.do_not_call = 0
          AND EXISTS (SELECT 1 FROM customer_phones p WHERE p.customer_id = c.id AND p.e164 IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM calls k WHERE k.order_id = o.id)
          AND (EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag = ?6 COLLATE NOCASE)
               OR o.total_minor >= (SELECT value FROM json_each(?7) WHERE key = o.currency)
               OR NOT EXISTS (SELECT 1 FROM orders p WHERE p.customer_id = o.customer_id AND p.id <> o.id
                   AND p.status IN ('paid','fulfilled','delivered')
                   AND (p.placed_at < o.placed_at OR (p.placed_at = o.placed_at AND p.id < o.id))))
    )
    SELECT customer_id FROM due
    WHERE due_at BETWEEN ?2 AND ?3
      AND customer_id NOT IN (SELECT customer_id FROM calls WHERE status = 'open'
          AND reason IN ('first_order','big_order','vip_order','delivery_problem'))
    GROUP BY customer_id ORDER BY min(due_at), customer_id LIMIT ?8";

impl Store {
    /// The queue's candidates as one bare SQL query (customer ids, at most
    /// `limit`), for benchmarks beside [`Store::refresh_call_queue`] and
    /// [`Store::calls_due`]. Calling hours are not applied.
    pub fn call_candidates_raw(
        &self,
        policy: &CallPolicy,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<i64>> {
        let window = i64::from(policy.forget_after_days)
            + i64::from(policy.days_after_delivery)
            + i64::from(policy.assumed_shipping_days)
            + PLACED_BEFORE_DELIVERY_DAYS;
        let after_delivery = format!("+{} days", policy.days_after_delivery);
        let after_fulfilment = format!(
            "+{} days",
            policy.days_after_delivery + policy.assumed_shipping_days
        );
        let thresholds =
            serde_json::to_string(&policy.big_order_thresholds).unwrap_or_else(|_| "{}".into());
        self.read(|conn| {
            if conn.is_postgres() {
                return Err(crate::error::StoreError::Invalid(
                    "the bare queue query is written for SQLite".to_string(),
                ));
            }
            let mut stmt = conn.prepare_cached(RAW)?;
            let ids = stmt
                .query_map(
                    params![
                        to_db(now - Duration::days(window)),
                        to_db(now - Duration::days(policy.forget_after_days.into())),
                        to_db(now),
                        after_delivery,
                        after_fulfilment,
                        policy.vip_tag.clone().unwrap_or_default(),
                        thresholds,
                        limit
                    ],
                    |r| r.get(0),
                )?
                .collect::<crate::db::Result<Vec<i64>>>()?;
            Ok(ids)
        })
    }
}
