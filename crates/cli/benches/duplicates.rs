//! Finding duplicate customers in the largest shop Courtesy is built for:
//! 100,000 customers and 1,000,000 orders (the search benchmark's cached shop).
//!
//! Works on a copy of that database. Times `Store::duplicate_customers(50)` —
//! every customer's names, e-mails, phones, postcodes and towns and shop ids
//! read once, paired by blocks and scored by core's finder, the best 50 as list
//! rows — a warm-up and then several rounds, and splits one round into reading
//! the customers (the same queries, bare) and pairing them. Beside it, once:
//! the plain SQL way in the `sqlite3` shell on the same file, self-joins
//! counting pairs of customers with the same lower-case e-mail, the same E.164
//! phone, or the same lower-case names at the same postcode (exact keys, no
//! score, no cap on how many share a key). The target: the finder ≤ 2 s.
//!
//! `cargo bench -p courtesy-cli --bench duplicates`. Environment as for the
//! search benchmark: `COURTESY_BENCH_CUSTOMERS` / `COURTESY_BENCH_ORDERS`, and
//! `COURTESY_BENCH_STRICT=1` to exit with status 1 when the target is missed.

#[path = "common/harness.rs"]
mod harness;

#[path = "search/shop.rs"]
mod shop;

#[path = "common/working_copy.rs"]
mod working_copy;
use working_copy::working_copy;

use courtesy_core::duplicates::{find_duplicates, Person, Reason};
use courtesy_store::Store;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

/// What finding the duplicates must stay under (median).
const TARGET_S: f64 = 2.0;
/// Measured rounds after a warm-up round.
const ROUNDS: usize = 5;

/// Pairs of customers sharing an exact key, one row: e-mail, phone, name and
/// postcode pairs, and the distinct pairs among them.
const SQL: &str = "
WITH keys(kind, k, c) AS (
  SELECT DISTINCT 'e', lower(email), id FROM customers WHERE email IS NOT NULL
  UNION ALL
  SELECT DISTINCT 'p', e164, customer_id FROM customer_phones WHERE e164 IS NOT NULL
  UNION ALL
  SELECT DISTINCT 'n', lower(c.first_name) || '|' || lower(c.last_name) || '|' || a.postal_code, c.id
  FROM customers c JOIN customer_addresses a ON a.customer_id = c.id WHERE a.postal_code <> ''
),
pairs AS (
  SELECT x.c AS a, y.c AS b, max(x.kind = 'e') AS e, max(x.kind = 'p') AS p, max(x.kind = 'n') AS n
  FROM keys x JOIN keys y ON y.kind = x.kind AND y.k = x.k AND y.c > x.c
  GROUP BY x.c, y.c
)
SELECT sum(e), sum(p), sum(n), count(*) FROM pairs;";

/// Every customer as the finder sees them, read with the store's own queries.
fn people(db: &Path) -> Result<Vec<Person>, rusqlite::Error> {
    let conn = rusqlite::Connection::open(db)?;
    let mut people: Vec<Person> = Vec::new();
    let mut index: HashMap<i64, usize> = HashMap::new();
    let mut stmt =
        conn.prepare("SELECT id, first_name, last_name, email FROM customers ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        index.insert(r.get(0)?, people.len());
        people.push(Person {
            id: r.get(0)?,
            first_name: r.get(1)?,
            last_name: r.get(2)?,
            emails: r.get::<_, Option<String>>(3)?.into_iter().collect(),
            ..Person::default()
        });
    }
    type Add = fn(&mut Person, String, String);
    let more: [(&str, Add); 4] = [
        (
            "SELECT customer_id, email, '' FROM customer_other_emails",
            |p, e, _| p.emails.push(e),
        ),
        (
            "SELECT customer_id, e164, '' FROM customer_phones WHERE e164 IS NOT NULL",
            |p, e, _| p.phones.push(e),
        ),
        (
            "SELECT customer_id, postal_code, city FROM customer_addresses",
            |p, code, city| p.places.push((code, city)),
        ),
        (
            "SELECT customer_id, external_id, '' FROM customer_external_ids WHERE source <> 'demo'",
            |p, x, _| p.shop_ids.push(x),
        ),
    ];
    for (sql, add) in more {
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(&i) = index.get(&r.get::<_, i64>(0)?) {
                add(&mut people[i], r.get(1)?, r.get(2)?);
            }
        }
    }
    Ok(people)
}

fn run() -> Result<bool, String> {
    let scale = shop::scale()?;
    let (db, _built) = shop::database(scale)?;
    let copy = working_copy(&db, "courtesy-duplicates-bench")?;
    let store = Store::open(&copy).map_err(|e| e.to_string())?;

    let (mut times, mut found) = (vec![], None);
    for round in 0..=ROUNDS {
        let started = Instant::now();
        let list = store.duplicate_customers(50).map_err(|e| e.to_string())?;
        if round > 0 {
            times.push(started.elapsed().as_secs_f64());
        }
        found = Some(list);
    }
    let list = found.ok_or("no round ran")?;
    times.sort_by(f64::total_cmp);
    let (min, median) = (times[0], times[times.len() / 2]);

    let started = Instant::now();
    let people = people(&copy).map_err(|e| e.to_string())?;
    let read_s = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let pairs = find_duplicates(&people, &HashSet::new());
    let pair_s = started.elapsed().as_secs_f64();
    let mut by_reason: BTreeMap<Reason, usize> = BTreeMap::new();
    for reason in pairs.iter().flat_map(|p| &p.reasons) {
        *by_reason.entry(*reason).or_default() += 1;
    }

    let started = Instant::now();
    let out = Command::new("sqlite3")
        .arg(&copy)
        .arg(SQL)
        .output()
        .map_err(|e| format!("running sqlite3 (install the sqlite3 package): {e}"))?;
    let sql_s = started.elapsed().as_secs_f64();
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr);
        return Err(format!("sqlite3 failed: {} {why}", out.status));
    }
    let counts: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .trim()
        .split('|')
        .map(|n| if n.is_empty() { "0".into() } else { n.into() })
        .collect();
    let [email, phone, name, distinct] = counts.as_slice() else {
        return Err(format!("sqlite3 printed {counts:?}"));
    };

    println!(
        "Duplicate customers in the shop: {} customers, {} orders ({ROUNDS} rounds after a warm-up)",
        scale.customers, scale.orders
    );
    println!("{:<80} {:>7} {:>7}", "", "min s", "med s");
    println!(
        "{:<80} {min:>7.2} {median:>7.2}",
        "Courtesy duplicate finder (mailbox, phone, name+postcode/city, shop id; scored)"
    );
    println!(
        "{:<80} {:>7.2}",
        "  one round, split: reading the customers (the same queries, bare)", read_s
    );
    println!(
        "{:<80} {:>7.2}",
        "  one round, split: pairing and scoring (find_duplicates)", pair_s
    );
    println!(
        "{:<80} {sql_s:>7.2}",
        "sqlite3 self-joins (exact e-mail, phone, name+postcode; unscored)"
    );
    println!(
        "Courtesy: {} pairs, {} likely ({} in the split round, from {} people)",
        list.total,
        list.likely,
        pairs.len(),
        people.len()
    );
    println!("  pairs by reason: {by_reason:?}");
    println!(
        "sqlite3: {distinct} distinct pairs: {email} by e-mail, {phone} by phone, {name} by name+postcode"
    );
    let pass = median <= TARGET_S;
    println!(
        "target: duplicate_customers(50) median ≤ {TARGET_S} s: {}",
        if pass { "met" } else { "MISSED" }
    );
    Ok(pass)
}

fn main() -> ExitCode {
    harness::bench_main("duplicates", run)
}
