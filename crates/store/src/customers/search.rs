//! As-you-type customer search over names, e-mail, phones (any format) and order
//! numbers, on the index kept by `search_index`: FTS5 `MATCH` on SQLite,
//! `tsquery` prefix terms on PostgreSQL (the name column weighs most, as in
//! bm25's order, through `ts_rank_cd`).
//!
//! Ranking (bm25) costs time for every match, so it is used only when the query
//! is narrow. A broad query ("K", "60") is answered from indexes instead:
//! family names starting with the letters, alphabetically, or the first matches
//! in index order. Either way a keystroke is answered in a few milliseconds at
//! 100,000 customers.

use crate::customers::profiles::{list_items_by_ids, CustomerListItem};
use crate::db::{params, Connection};
use crate::error::Result;
use crate::Store;
use courtesy_core::{fold_for_search, phone_search_digits};

/// Above this many matches a query is broad and is not ranked.
const BROAD: i64 = 400;

fn quoted_prefix(term: &str) -> String {
    format!("\"{}\"*", term.replace('"', "\"\""))
}

/// The digit forms a typed phone number may be stored under (phones are indexed
/// by E.164 digits, national digits and digits as typed): as typed; without an
/// international `00`; without a trunk `0` (`040 123` → `40123`); without a
/// trunk `8` (Russia, Lithuania: `8 977 831…` → `977831…`). Prefix matches on
/// these cover every format people type, with no per-keystroke parsing.
fn phone_terms(digits: &str) -> Vec<String> {
    let mut terms = vec![digits.to_string()];
    for stripped in [
        digits.strip_prefix("00"),
        Some(digits.trim_start_matches('0')),
        digits.strip_prefix('8'),
    ]
    .into_iter()
    .flatten()
    {
        if !stripped.is_empty() && !terms.iter().any(|t| t == stripped) {
            terms.push(stripped.to_string());
        }
    }
    terms
}

/// What a query looks for: prefix terms, each in a column or in all of them.
enum Terms {
    /// `#1001`: an order number.
    Order(String),
    /// Phone digits in every form they may be stored under, and order numbers
    /// with those digits.
    Phone(Vec<String>, String),
    /// Folded words, each to prefix-match a word of any column.
    Words(Vec<String>),
}

/// Reads what staff typed.
///
/// - `#1001` looks for an order number.
/// - A phone-shaped query (`+48 601-234`, `8 912 345`) looks for phone digits in
///   every form they may be stored under, and for order numbers with those digits.
/// - Anything else is folded (case, diacritics, script) and every word must
///   prefix-match a word of the name, e-mail, phone or order columns.
fn terms(query: &str) -> Option<Terms> {
    let q = query.trim();
    if let Some(number) = q.strip_prefix('#') {
        let digits = fold_for_search(number);
        return (!digits.is_empty()).then_some(Terms::Order(digits));
    }
    if let Some(digits) = phone_search_digits(q) {
        return Some(Terms::Phone(phone_terms(&digits), digits));
    }
    let words = query_words(q);
    (!words.is_empty()).then_some(Terms::Words(words))
}

/// Turns what staff typed into an FTS5 MATCH expression, or `None` when there is
/// nothing to look for (see [`terms`]).
pub fn match_expression(query: &str) -> Option<String> {
    Some(match terms(query)? {
        Terms::Order(digits) => format!("orders : {}", quoted_prefix(&digits)),
        Terms::Phone(phone, digits) => {
            let mut parts: Vec<String> = phone
                .iter()
                .map(|t| format!("contact : {}", quoted_prefix(t)))
                .collect();
            parts.push(format!("orders : {}", quoted_prefix(&digits)));
            parts.join(" OR ")
        }
        Terms::Words(words) => words
            .iter()
            .map(|w| quoted_prefix(w))
            .collect::<Vec<_>>()
            .join(" "),
    })
}

/// The same as a PostgreSQL `tsquery` (for `to_tsquery('simple', …)`): prefix
/// terms `'word':*`, restricted to the contact column by weight B and to the
/// orders column by weight C. Terms hold only letters and digits, split as the
/// index was; a term the index splits further (`a-b`) is split here too.
fn ts_query(query: &str) -> Option<String> {
    let prefix = |t: &str, weight: &str| {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| format!("'{w}':*{weight}"))
            .collect::<Vec<_>>()
            .join(" & ")
    };
    let expr = match terms(query)? {
        Terms::Order(digits) => prefix(&digits, "C"),
        Terms::Phone(phone, digits) => {
            let mut parts: Vec<String> = phone.iter().map(|t| prefix(t, "B")).collect();
            parts.push(prefix(&digits, "C"));
            parts
                .into_iter()
                .filter(|p| !p.is_empty())
                .map(|p| format!("({p})"))
                .collect::<Vec<_>>()
                .join(" | ")
        }
        Terms::Words(words) => words
            .iter()
            .map(|w| prefix(w, ""))
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" & "),
    };
    (!expr.is_empty()).then_some(expr)
}

/// The index's queries on one backend: `?1` is the expression, `?2` the limit.
struct IndexQueries {
    /// Up to `?2` matches in index order, each with its rank (lower is better).
    matches: &'static str,
    /// The best `?2` matches by rank (for benchmarks: the index alone).
    ranked: &'static str,
}

const FTS5: IndexQueries = IndexQueries {
    matches: "SELECT rowid, rank FROM customer_search WHERE customer_search MATCH ?1 LIMIT ?2",
    ranked:
        "SELECT rowid FROM customer_search WHERE customer_search MATCH ?1 ORDER BY rank LIMIT ?2",
};

const TSQUERY: IndexQueries = IndexQueries {
    matches:
        "SELECT customer_id, -ts_rank_cd(document, to_tsquery('simple', ?1)) FROM customer_search
              WHERE document @@ to_tsquery('simple', ?1) LIMIT ?2",
    ranked: "SELECT customer_id FROM customer_search WHERE document @@ to_tsquery('simple', ?1)
             ORDER BY ts_rank_cd(document, to_tsquery('simple', ?1)) DESC, customer_id LIMIT ?2",
};

/// The folded words of a name/e-mail query, split the way the index tokenises.
fn query_words(q: &str) -> Vec<String> {
    fold_for_search(q)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn ids(conn: &Connection, sql: &str, params: impl crate::db::Params) -> Result<Vec<i64>> {
    Ok(conn
        .prepare_cached(sql)?
        .query_map(params, |r| r.get(0))?
        .collect::<crate::db::Result<_>>()?)
}

/// Customers whose order number is exactly `number`, then those whose number
/// starts with it, in number order (one range off the index on `number`, in
/// which the exact number sorts first).
fn order_number_ids(conn: &Connection, number: &str, limit: i64) -> Result<Vec<i64>> {
    ids(
        conn,
        "SELECT customer_id FROM orders WHERE number >= ?1 AND number < ?1 || '\u{10ffff}'
           AND customer_id IS NOT NULL ORDER BY number LIMIT ?2",
        params![number, limit * 4],
    )
}

/// Up to `limit` customers whose family name (sort key) starts with `word`,
/// alphabetically (straight off the index on `sort_key`).
fn family_name_ids(conn: &Connection, word: &str, limit: i64) -> Result<Vec<i64>> {
    let mut upper = word.to_string();
    upper.push('\u{7f}');
    ids(
        conn,
        "SELECT id FROM customers WHERE sort_key >= ?1 AND sort_key < ?2 ORDER BY sort_key, id LIMIT ?3",
        params![word, upper, limit],
    )
}

/// The best `limit` matches of `expr` when the query is narrow (at most
/// [`BROAD`] matches), ranked; for a broad one, family names starting with its
/// one word alphabetically, then the first matches in index order.
///
/// One short word is checked against family names first: when more than
/// [`BROAD`] start with it, the query is broad and the page is answered from
/// the `sort_key` index without touching the text index.
fn ranked_or_broad(
    conn: &Connection,
    expr: &str,
    words: &[String],
    limit: i64,
) -> Result<Vec<i64>> {
    let mut found = match words {
        [word] => family_name_ids(conn, word, BROAD + 1)?,
        _ => Vec::new(),
    };
    if found.len() as i64 > BROAD {
        found.truncate(limit as usize);
        return Ok(found);
    }
    let index = if conn.is_postgres() { &TSQUERY } else { &FTS5 };
    let mut matches: Vec<(i64, f64)> = conn
        .prepare_cached(index.matches)?
        .query_map(params![expr, BROAD + 1], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<crate::db::Result<_>>()?;
    if matches.len() as i64 <= BROAD {
        matches.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        return Ok(matches
            .into_iter()
            .take(limit as usize)
            .map(|m| m.0)
            .collect());
    }
    found.truncate(limit as usize);
    for (id, _) in matches {
        if found.len() as i64 >= limit {
            break;
        }
        if !found.contains(&id) {
            found.push(id);
        }
    }
    Ok(found)
}

fn dedup_keep_order(list: &mut Vec<i64>, limit: i64) {
    let mut seen = std::collections::HashSet::new();
    list.retain(|id| seen.insert(*id));
    list.truncate(limit.max(0) as usize);
}

impl Store {
    /// Customers matching what was typed, best matches first, at most `limit`.
    pub fn search_customers(&self, query: &str, limit: i64) -> Result<Vec<CustomerListItem>> {
        let q = query.trim();
        let limit = limit.clamp(1, 500);
        self.read(|c| {
            let expr = if c.is_postgres() {
                ts_query(q)
            } else {
                match_expression(q)
            };
            let Some(expr) = expr else {
                return Ok(Vec::new());
            };
            let mut found = if let Some(number) = q.strip_prefix('#') {
                order_number_ids(c, &format!("#{}", number.trim()), limit)?
            } else if let Some(digits) = phone_search_digits(q) {
                let mut by_order = order_number_ids(c, &format!("#{digits}"), limit)?;
                by_order.truncate(1);
                by_order.extend(ranked_or_broad(c, &expr, &[], limit)?);
                by_order
            } else {
                ranked_or_broad(c, &expr, &query_words(q), limit)?
            };
            dedup_keep_order(&mut found, limit);
            list_items_by_ids(c, &found)
        })
    }

    /// The bare index query with ranking (ids only), for benchmarks comparing
    /// the store API with the database alone: `query` is what staff typed.
    pub fn search_ids_raw(&self, query: &str, limit: i64) -> Result<Vec<i64>> {
        self.read(|c| {
            let (index, expr) = if c.is_postgres() {
                (&TSQUERY, ts_query(query))
            } else {
                (&FTS5, match_expression(query))
            };
            match expr {
                Some(expr) => ids(c, index.ranked, params![expr, limit]),
                None => Ok(Vec::new()),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_and_prefix_matched() {
        assert_eq!(
            match_expression("Łukasz Wój").unwrap(),
            "\"lukasz\"* \"woj\"*"
        );
        assert_eq!(match_expression("  "), None);
        assert_eq!(
            match_expression("anna.nowak@wp").unwrap(),
            "\"anna\"* \"nowak\"* \"wp\"*"
        );
    }

    #[test]
    fn order_numbers_search_the_orders_column() {
        assert_eq!(match_expression("#10").unwrap(), "orders : \"10\"*");
    }

    #[test]
    fn phone_queries_search_every_digit_form() {
        let e = match_expression("0048 601-234-567").unwrap();
        assert!(e.contains("contact : \"0048601234567\"*"), "{e}");
        assert!(e.contains("contact : \"48601234567\"*"), "{e}");
        assert!(e.contains("orders : \"0048601234567\"*"), "{e}");
        let e = match_expression("040 123 4567").unwrap();
        assert!(e.contains("contact : \"401234567\"*"), "{e}");
    }

    #[test]
    fn the_postgres_query_has_the_same_terms() {
        assert_eq!(ts_query("Łukasz Wój").unwrap(), "'lukasz':* & 'woj':*");
        assert_eq!(ts_query("#10").unwrap(), "'10':*C");
        let e = ts_query("0048 601-234-567").unwrap();
        assert!(e.contains("('48601234567':*B)"), "{e}");
        assert!(e.ends_with("('0048601234567':*C)"), "{e}");
        assert_eq!(ts_query(" "), None);
    }

    #[test]
    fn a_number_with_the_russian_trunk_8_is_also_tried_without_it() {
        let e = match_expression("8 977 831-81-75").unwrap();
        assert!(e.contains("contact : \"89778318175\"*"), "{e}");
        assert!(e.contains("contact : \"9778318175\"*"), "{e}");
    }
}
