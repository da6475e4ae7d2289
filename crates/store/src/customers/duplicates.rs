//! Likely duplicate customers, for staff to review: every customer is read
//! once (names, e-mails, phones, postcodes, shop ids) and
//! [`courtesy_core::duplicates`] pairs them; pairs staff said are two people
//! are remembered and not proposed again.

use crate::audit::{record, Actor};
use crate::customers::profiles::{list_items_by_ids, CustomerListItem};
use crate::db::{params, Connection};
use crate::error::{Result, StoreError};
use crate::time::to_db;
use crate::Store;
use courtesy_core::duplicates::{find_duplicates, Person, Reason, LIKELY};
use serde::Serialize;
use serde_json::json;
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

/// Two customers who may be one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DuplicatePair {
    /// One of them (the smaller id).
    pub a: CustomerListItem,
    /// The other.
    pub b: CustomerListItem,
    /// 0 to 100.
    pub score: u8,
    /// At or above the "likely" score.
    pub likely: bool,
    /// Why, strongest first.
    pub reasons: Vec<Reason>,
}

/// The pairs found, best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DuplicateList {
    /// How many pairs there are in all.
    #[ts(type = "number")]
    pub total: i64,
    /// Of those, how many are likely.
    #[ts(type = "number")]
    pub likely: i64,
    /// The best `limit` of them.
    pub pairs: Vec<DuplicatePair>,
}

/// Every customer as the finder sees them.
fn people(conn: &Connection) -> Result<Vec<Person>> {
    let mut people: Vec<Person> = Vec::new();
    let mut index: HashMap<i64, usize> = HashMap::new();
    let mut stmt =
        conn.prepare_cached("SELECT id, first_name, last_name, email FROM customers ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        index.insert(id, people.len());
        people.push(Person {
            id,
            first_name: r.get(1)?,
            last_name: r.get(2)?,
            emails: r.get::<_, Option<String>>(3)?.into_iter().collect(),
            ..Person::default()
        });
    }
    drop(rows);
    let mut each = |sql: &str, add: &mut dyn FnMut(&mut Person, String, String)| -> Result<()> {
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if let Some(&i) = index.get(&id) {
                add(&mut people[i], r.get(1)?, r.get(2)?);
            }
        }
        Ok(())
    };
    each(
        "SELECT customer_id, email, '' FROM customer_other_emails",
        &mut |p, e, _| p.emails.push(e),
    )?;
    each(
        "SELECT customer_id, e164, '' FROM customer_phones WHERE e164 IS NOT NULL",
        &mut |p, e, _| p.phones.push(e),
    )?;
    each(
        "SELECT customer_id, postal_code, city FROM customer_addresses",
        &mut |p, code, city| p.places.push((code, city)),
    )?;
    each(
        "SELECT customer_id, external_id, '' FROM customer_external_ids WHERE source <> 'demo'",
        &mut |p, x, _| p.shop_ids.push(x),
    )?;
    Ok(people)
}

fn dismissed(conn: &Connection) -> Result<HashSet<(i64, i64)>> {
    Ok(conn
        .prepare_cached("SELECT low_id, high_id FROM duplicate_dismissals")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<crate::db::Result<_>>()?)
}

impl Store {
    /// The likely duplicate customers, best first, the first `limit` of them
    /// with both customers as list rows.
    pub fn duplicate_customers(&self, limit: usize) -> Result<DuplicateList> {
        self.read(|c| {
            let found = find_duplicates(&people(c)?, &dismissed(c)?);
            let shown = &found[..found.len().min(limit)];
            let ids: Vec<i64> = shown.iter().flat_map(|p| [p.a, p.b]).collect();
            let items: HashMap<i64, CustomerListItem> = list_items_by_ids(c, &ids)?
                .into_iter()
                .map(|i| (i.id, i))
                .collect();
            let pairs = shown
                .iter()
                .filter_map(|p| {
                    Some(DuplicatePair {
                        a: items.get(&p.a)?.clone(),
                        b: items.get(&p.b)?.clone(),
                        score: p.score,
                        likely: p.score >= LIKELY,
                        reasons: p.reasons.clone(),
                    })
                })
                .collect();
            Ok(DuplicateList {
                total: found.len() as i64,
                likely: found.iter().filter(|p| p.score >= LIKELY).count() as i64,
                pairs,
            })
        })
    }

    /// Remembers that customers `a` and `b` are two people: the pair is not
    /// proposed again.
    pub fn dismiss_duplicate(&self, a: i64, b: i64, actor: &Actor) -> Result<()> {
        if a == b {
            return Err(StoreError::Invalid(
                "a customer cannot be their own duplicate".into(),
            ));
        }
        let (low, high) = (a.min(b), a.max(b));
        self.write(|tx| {
            tx.execute(
                "INSERT INTO duplicate_dismissals (low_id, high_id, at, actor) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (low_id, high_id) DO NOTHING",
                params![low, high, to_db(actor.at), actor.name],
            )?;
            for (id, other) in [(low, high), (high, low)] {
                record(tx, actor, "customer", Some(id), "not_duplicate", &json!({"other": other}))?;
            }
            Ok(())
        })
    }
}
