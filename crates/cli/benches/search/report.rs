//! The report: percentiles overall and per kind of query, the slowest queries,
//! and the verdict against the target.

use crate::queries::Query;
use crate::shop::SEED;
use crate::timing::{percentile, sorted, Timings, LIMIT, ROUNDS};
use courtesy_demo::{Scale, GENERATOR_VERSION};
use courtesy_store::LATEST_VERSION;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

/// What as-you-type search must stay under, at the 95th percentile.
const TARGET_P95_MS: f64 = 5.0;

fn row(out: &mut String, label: &str, samples: &[f64]) {
    let s = sorted(samples.to_vec());
    let _ = writeln!(
        out,
        "{label:<32} {:>8.3} {:>8.3} {:>8.3} {:>8.3}",
        percentile(&s, 50.0),
        percentile(&s, 95.0),
        percentile(&s, 99.0),
        s.last().copied().unwrap_or(0.0)
    );
}

pub fn report(
    backend: &str,
    scale: Scale,
    db: &str,
    built: Option<Duration>,
    queries: &[Query],
    t: &Timings,
) -> (String, bool) {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Courtesy as-you-type search on {backend}: {} customers, {} orders (seed {SEED}, schema {LATEST_VERSION}, generator {GENERATOR_VERSION})",
        scale.customers, scale.orders
    );
    let _ = writeln!(
        out,
        "database: {} ({})",
        db,
        built.map_or("reused".to_string(), |d| format!(
            "made in {:.1} s",
            d.as_secs_f64()
        ))
    );
    let _ = writeln!(
        out,
        "{} queries × {ROUNDS} rounds after a warm-up round, limit {LIMIT}\n",
        queries.len()
    );
    let _ = writeln!(
        out,
        "{:<32} {:>8} {:>8} {:>8} {:>8}   (ms)",
        "", "p50", "p95", "p99", "max"
    );
    let api: Vec<f64> = t.api.iter().flatten().copied().collect();
    let raw: Vec<f64> = t.raw.iter().flatten().copied().collect();
    row(&mut out, "store.search_customers(q, 50)", &api);
    row(&mut out, "bare index query, ids only", &raw);

    let mut kinds: BTreeMap<&str, (Vec<f64>, Vec<f64>, usize)> = BTreeMap::new();
    for (i, q) in queries.iter().enumerate() {
        let e = kinds.entry(q.kind).or_default();
        e.0.extend(&t.api[i]);
        e.1.extend(&t.raw[i]);
        e.2 += 1;
    }
    let _ = writeln!(out, "\nby kind (queries)                 api p95  raw p95");
    for (kind, (a, r, n)) in &kinds {
        let _ = writeln!(
            out,
            "  {:<30} {:>8.3} {:>8.3}",
            format!("{kind} ({n})"),
            percentile(&sorted(a.clone()), 95.0),
            percentile(&sorted(r.clone()), 95.0)
        );
    }
    let mut slowest: Vec<(f64, f64, usize)> = (0..queries.len())
        .map(|i| {
            (
                percentile(&sorted(t.api[i].clone()), 50.0),
                percentile(&sorted(t.raw[i].clone()), 50.0),
                i,
            )
        })
        .collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let _ = writeln!(out, "\nslowest queries (median ms: api / raw, hits)");
    for (a, r, i) in slowest.iter().take(10) {
        let _ = writeln!(
            out,
            "  {:<28} {a:>8.3} / {r:>7.3}  ({})  [{}]",
            format!("{:?}", queries[*i].text),
            t.hits[*i],
            queries[*i].kind
        );
    }
    let empty: Vec<String> = (0..queries.len())
        .filter(|&i| t.hits[i] == 0)
        .map(|i| format!("{:?} [{}]", queries[i].text, queries[i].kind))
        .collect();
    let _ = writeln!(
        out,
        "\nqueries without a hit: {}{}",
        empty.len(),
        if empty.is_empty() {
            String::new()
        } else {
            format!(": {}", empty.join(", "))
        }
    );
    let _ = writeln!(
        out,
        "store and bare index query returned different ids for {} queries",
        t.disagreements
    );
    let p95 = percentile(&sorted(api), 95.0);
    let pass = p95 <= TARGET_P95_MS;
    let _ = writeln!(
        out,
        "target on {backend}: p95 ≤ {TARGET_P95_MS} ms for store.search_customers: {} (p95 = {p95:.3} ms)",
        if pass { "PASS" } else { "FAIL" }
    );
    (out, pass)
}
