//! The audit log as History shows it: who changed what, when and through
//! which door, with before and after, newest first, filtered by customer,
//! person, door and dates, a page at a time.

use crate::customers::export::ABOUT_CUSTOMER;
use crate::db::{params_from_iter, Connection, Value};
use crate::error::Result;
use crate::Store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which entries to show; absent fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryFilter {
    /// Entries about this customer (theirs and their orders', calls', cards', gift plans').
    #[ts(optional, type = "number")]
    pub customer: Option<i64>,
    /// Made by this person or process.
    #[ts(optional)]
    pub actor: Option<String>,
    /// Through this door: ui, import, sync, cli.
    #[ts(optional)]
    pub source: Option<String>,
    /// On or after this day (YYYY-MM-DD, UTC).
    #[ts(optional)]
    pub from: Option<String>,
    /// On or before this day (YYYY-MM-DD, UTC).
    #[ts(optional)]
    pub to: Option<String>,
    /// Older than this entry (the last one of the page before).
    #[ts(optional, type = "number")]
    pub before: Option<i64>,
}

/// One entry of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    /// Its id.
    #[ts(type = "number")]
    pub id: i64,
    /// When, UTC.
    pub at: String,
    /// Who.
    pub actor: String,
    /// Through which door: ui, import, sync, cli.
    pub source: String,
    /// What kind of thing: customer, order, call, card, gift_plan, setting, ….
    pub entity: String,
    /// Which one.
    #[ts(type = "number | null")]
    pub entity_id: Option<i64>,
    /// What happened: update, merge, erase, attempt, ….
    pub action: String,
    /// What changed, as JSON text (`from` and `to` for an edited field).
    pub detail: String,
    /// The customer's name when the entry is about an existing customer.
    pub customer_name: Option<String>,
}

/// A page of entries, and the people who appear in the log (for the filter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryPage {
    /// Newest first.
    pub entries: Vec<HistoryEntry>,
    /// Whether older entries match too.
    pub more: bool,
    /// Everyone who made an entry, sorted.
    pub actors: Vec<String>,
}

fn page(conn: &Connection, f: &HistoryFilter, limit: usize) -> Result<HistoryPage> {
    let mut conditions: Vec<String> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let mark = |v: Value, values: &mut Vec<Value>| {
        values.push(v);
        format!("?{}", values.len())
    };
    if let Some(c) = f.customer {
        let m = mark(Value::Integer(c), &mut values);
        conditions.push(format!("({})", ABOUT_CUSTOMER.replace("?1", &m)));
    }
    if let Some(a) = f.actor.as_ref().filter(|a| !a.is_empty()) {
        conditions.push(format!(
            "a.actor = {}",
            mark(Value::Text(a.clone()), &mut values)
        ));
    }
    if let Some(s) = f.source.as_ref().filter(|s| !s.is_empty()) {
        conditions.push(format!(
            "a.source = {}",
            mark(Value::Text(s.clone()), &mut values)
        ));
    }
    if let Some(d) = f.from.as_ref().filter(|d| !d.is_empty()) {
        conditions.push(format!(
            "a.at >= {}",
            mark(Value::Text(d.clone()), &mut values)
        ));
    }
    if let Some(d) = f.to.as_ref().filter(|d| !d.is_empty()) {
        // The whole day: every time on it sorts before the next day's date.
        conditions.push(format!(
            "a.at < {} || 'T99'",
            mark(Value::Text(d.clone()), &mut values)
        ));
    }
    if let Some(b) = f.before {
        let m = mark(Value::Integer(b), &mut values);
        conditions.push(format!(
            "(a.at, a.id) < (SELECT at, id FROM audit_log WHERE id = {m})"
        ));
    }
    let filter = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let sql = format!(
        "SELECT a.id, a.at, a.actor, a.source, a.entity, a.entity_id, a.action, a.detail,
                c.first_name, c.middle_name, c.last_name, c.company, c.country, c.language
         FROM audit_log a LEFT JOIN customers c ON a.entity = 'customer' AND c.id = a.entity_id
         {filter} ORDER BY a.at DESC, a.id DESC LIMIT {}",
        limit + 1
    );
    let mut entries: Vec<HistoryEntry> = conn
        .prepare(&sql)?
        .query_map(params_from_iter(values.iter()), |r| {
            let first: Option<String> = r.get(8)?;
            let customer_name = match first {
                None => None,
                Some(first) => {
                    let name = courtesy_core::PersonName::new(
                        &first,
                        &r.get::<_, String>(9)?,
                        &r.get::<_, String>(10)?,
                    );
                    let country: Option<String> = r.get(12)?;
                    let language = r
                        .get::<_, Option<String>>(13)?
                        .and_then(|l| courtesy_core::Language::from_tag(&l));
                    let full = name.full(courtesy_core::NameCulture::of(
                        country.as_deref().unwrap_or(""),
                        language,
                    ));
                    Some(if full.is_empty() { r.get(11)? } else { full })
                }
            };
            Ok(HistoryEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                source: r.get(3)?,
                entity: r.get(4)?,
                entity_id: r.get(5)?,
                action: r.get(6)?,
                detail: r.get(7)?,
                customer_name,
            })
        })?
        .collect::<crate::db::Result<_>>()?;
    let more = entries.len() > limit;
    entries.truncate(limit);
    let actors = conn
        .prepare_cached("SELECT DISTINCT actor FROM audit_log ORDER BY actor")?
        .query_map([], |r| r.get(0))?
        .collect::<crate::db::Result<_>>()?;
    Ok(HistoryPage {
        entries,
        more,
        actors,
    })
}

impl Store {
    /// A page of the audit log, newest first (see [`HistoryFilter`]).
    pub fn history(&self, filter: &HistoryFilter, limit: usize) -> Result<HistoryPage> {
        self.read(|c| page(c, filter, limit.clamp(1, 500)))
    }
}
