//! Timing the queries through the store and as the bare index query (FTS5 or tsquery).

use crate::queries::Query;
use courtesy_store::Store;
use std::time::{Duration, Instant};

/// Results per query.
pub const LIMIT: i64 = 50;
/// Measured rounds over all queries.
pub const ROUNDS: usize = 5;

/// Percentile `p` (0–100) of sorted samples, nearest rank.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    v
}

/// Milliseconds per query and round, hits and agreement of the two paths.
pub struct Timings {
    /// `store.search_customers`, per query, per round.
    pub api: Vec<Vec<f64>>,
    /// Bare FTS5, per query, per round.
    pub raw: Vec<Vec<f64>>,
    /// Customers found, per query.
    pub hits: Vec<usize>,
    /// Queries for which the store and bare FTS5 returned different ids.
    pub disagreements: usize,
}

/// Times every query `ROUNDS` times through the store and as the bare index
/// query (FTS5 or tsquery), after a
/// warm-up round; the two alternate which goes first.
pub fn measure(store: &Store, queries: &[Query]) -> Result<Timings, String> {
    let exprs: Vec<String> = queries.iter().map(|q| q.text.clone()).collect();
    let mut t = Timings {
        api: vec![Vec::new(); queries.len()],
        raw: vec![Vec::new(); queries.len()],
        hits: vec![0; queries.len()],
        disagreements: 0,
    };
    for round in 0..=ROUNDS {
        for (i, q) in queries.iter().enumerate() {
            let api = || -> Result<(Duration, Vec<i64>), String> {
                let started = Instant::now();
                let found = store
                    .search_customers(&q.text, LIMIT)
                    .map_err(|e| format!("{:?}: {e}", q.text))?;
                Ok((started.elapsed(), found.iter().map(|c| c.id).collect()))
            };
            let raw = || -> Result<(Duration, Vec<i64>), String> {
                let started = Instant::now();
                let ids = store
                    .search_ids_raw(&exprs[i], LIMIT)
                    .map_err(|e| format!("{:?}: {e}", exprs[i]))?;
                Ok((started.elapsed(), ids))
            };
            let ((api_took, api_ids), (raw_took, raw_ids)) = if round % 2 == 0 {
                let a = api()?;
                (a, raw()?)
            } else {
                let r = raw()?;
                (api()?, r)
            };
            if round == 0 {
                t.hits[i] = api_ids.len();
                t.disagreements += usize::from(api_ids != raw_ids);
                continue;
            }
            t.api[i].push(ms(api_took));
            t.raw[i].push(ms(raw_took));
        }
    }
    Ok(t)
}
