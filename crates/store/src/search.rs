//! As-you-type customer search over names, e-mail, phones (any format) and order
//! numbers, on the FTS5 index kept by `search_index`.

use crate::customers::{list_items_by_ids, CustomerListItem};
use crate::error::Result;
use crate::Store;
use courtesy_core::{fold_for_search, normalise_phone, phone_search_digits, Region};

fn quoted_prefix(term: &str) -> String {
    format!("\"{}\"*", term.replace('"', "\"\""))
}

/// Turns what staff typed into an FTS5 MATCH expression, or `None` when there is
/// nothing to look for.
///
/// - `#1001` looks for an order number.
/// - A phone-shaped query (`+48 601-234`, `8 912 345`) looks for phone digits as
///   typed, without a leading trunk `0`, and as the national number of the shop's
///   region, and for order numbers with those digits.
/// - Anything else is folded (case, diacritics, script) and every word must
///   prefix-match a word of the name, e-mail, phone or order columns.
pub fn match_expression(query: &str, region: Region) -> Option<String> {
    let q = query.trim();
    if let Some(number) = q.strip_prefix('#') {
        let digits = fold_for_search(number);
        return (!digits.is_empty()).then(|| format!("orders : {}", quoted_prefix(&digits)));
    }
    if let Some(digits) = phone_search_digits(q) {
        let mut terms = vec![digits.clone()];
        let unzeroed = digits.trim_start_matches('0');
        if !unzeroed.is_empty() && unzeroed != digits {
            terms.push(unzeroed.to_string());
        }
        if let Ok(p) = normalise_phone(q, region) {
            terms.push(p.national_digits);
            terms.push(p.e164.trim_start_matches('+').to_string());
        }
        terms.sort();
        terms.dedup();
        let mut parts: Vec<String> = terms
            .iter()
            .map(|t| format!("contact : {}", quoted_prefix(t)))
            .collect();
        parts.push(format!("orders : {}", quoted_prefix(&digits)));
        return Some(parts.join(" OR "));
    }
    let folded = fold_for_search(q);
    let words: Vec<String> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(quoted_prefix)
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

impl Store {
    /// Customers matching what was typed, best matches first, at most `limit`.
    pub fn search_customers(&self, query: &str, limit: i64) -> Result<Vec<CustomerListItem>> {
        let region = self.shop_region()?;
        let Some(expr) = match_expression(query, region) else {
            return Ok(Vec::new());
        };
        let limit = limit.clamp(1, 500);
        self.read(|c| {
            let ids: Vec<i64> = c
                .prepare_cached("SELECT rowid FROM customer_search WHERE customer_search MATCH ?1 ORDER BY rank LIMIT ?2")?
                .query_map(rusqlite::params![expr, limit], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            list_items_by_ids(c, &ids)
        })
    }

    /// The raw FTS5 query the search is built on (ids only), for benchmarks
    /// comparing the store API with SQLite alone.
    pub fn search_ids_raw(&self, fts_expression: &str, limit: i64) -> Result<Vec<i64>> {
        self.read(|c| {
            Ok(c.prepare_cached("SELECT rowid FROM customer_search WHERE customer_search MATCH ?1 ORDER BY rank LIMIT ?2")?
                .query_map(rusqlite::params![fts_expression, limit], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pl() -> Region {
        Region::parse("PL").unwrap()
    }

    #[test]
    fn words_are_folded_and_prefix_matched() {
        assert_eq!(
            match_expression("Łukasz Wój", pl()).unwrap(),
            "\"lukasz\"* \"woj\"*"
        );
        assert_eq!(match_expression("  ", pl()), None);
        assert_eq!(
            match_expression("anna.nowak@wp", pl()).unwrap(),
            "\"anna\"* \"nowak\"* \"wp\"*"
        );
    }

    #[test]
    fn order_numbers_search_the_orders_column() {
        assert_eq!(match_expression("#10", pl()).unwrap(), "orders : \"10\"*");
    }

    #[test]
    fn phone_queries_search_every_digit_form() {
        let e = match_expression("0048 601-234-567", pl()).unwrap();
        assert!(e.contains("contact : \"0048601234567\"*"), "{e}");
        assert!(e.contains("contact : \"48601234567\"*"), "{e}");
        assert!(e.contains("contact : \"601234567\"*"), "{e}");
        assert!(e.contains("orders : \"0048601234567\"*"), "{e}");
    }
}
