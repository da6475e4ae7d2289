//! The queries: what staff type looking for real customers of the database.

use courtesy_core::{fold_for_search, normalise_phone, Region};
use courtesy_store::{CustomerProfile, Store};
use std::collections::HashSet;

/// How many queries to run.
const QUERIES: usize = 300;
/// How many customers they are derived from.
const SAMPLED_CUSTOMERS: usize = 60;

/// A query and what kind of typing it stands for.
pub struct Query {
    /// The kind of typing, for the report.
    pub kind: &'static str,
    /// What was typed.
    pub text: String,
}

fn prefix(s: &str, chars: usize) -> String {
    s.chars().take(chars).collect()
}

fn is_cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// Digits in groups of three, as people read numbers out: `601 234 567`.
fn grouped(digits: &str) -> String {
    let chars: Vec<char> = digits.chars().collect();
    chars
        .chunks(3)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a country dials before a national number (`0151…` in Germany, `8 912…` in Russia).
fn trunk_prefix(country: Option<&str>) -> &'static str {
    match country {
        Some("DE" | "FI" | "GB") => "0",
        Some("RU") => "8 ",
        _ => "",
    }
}

/// The queries staff would type looking for customer `p`; `turn` rotates the
/// kinds so that every kind is well represented.
fn queries_for(p: &CustomerProfile, turn: usize, out: &mut Vec<Query>) {
    let mut push = |kind: &'static str, text: String| {
        if !text.trim().is_empty() {
            out.push(Query { kind, text });
        }
    };
    let last = p.last_name.as_str();
    let (typed, folded_kind) = if is_cyrillic(last) {
        ("cyrillic prefix", "transliterated")
    } else {
        ("surname prefix", "without diacritics")
    };
    for n in [1, 2, 3, 5] {
        push(typed, prefix(last, n));
    }
    push(typed, last.to_string());
    let folded = fold_for_search(last);
    if folded != last.to_lowercase() {
        push(folded_kind, prefix(&folded, 5));
    }
    let phone = p.phones.iter().find_map(|ph| {
        let e164 = ph.e164.as_deref()?;
        let national = normalise_phone(e164, Region::parse("PL")?)
            .ok()?
            .national_digits;
        Some((ph.raw.as_str(), e164, national))
    });
    for kind in [turn % 4, (turn + 1) % 4] {
        match kind {
            0 => push(
                "name + surname",
                format!("{} {}", p.first_name, prefix(last, 3)),
            ),
            1 => {
                if let Some(email) = &p.email {
                    let local = email.split('@').next().unwrap_or("");
                    push("e-mail fragment", prefix(local, 5));
                    push("e-mail fragment", prefix(email, local.chars().count() + 3));
                }
            }
            2 => {
                if let Some((raw, e164, national)) = &phone {
                    // Typed differently from how it was stored: a number stored
                    // internationally is typed the national way, and the reverse.
                    let other = if raw.starts_with('+') || raw.starts_with("00") {
                        format!(
                            "{}{}",
                            trunk_prefix(p.country.as_deref()),
                            grouped(national)
                        )
                    } else {
                        format!(
                            "+{} {}",
                            &e164[1..e164.len() - national.len()],
                            grouped(national)
                        )
                    };
                    push("phone, other format", other);
                    push("phone, other format", format!("00{}", &e164[1..]));
                    push("phone, first digits", prefix(national, 6));
                }
            }
            _ => {
                if let Some(order) = p.orders.first() {
                    let digits = order.number.trim_start_matches('#');
                    push("order number", format!("#{}", prefix(digits, 2)));
                    push("order number", format!("#{}", prefix(digits, 4)));
                    push("order number", order.number.clone());
                }
            }
        }
    }
}

/// About [`QUERIES`] distinct queries from customers spread over the database.
pub fn queries(store: &Store) -> Result<Vec<Query>, String> {
    let customers = store.customer_count().map_err(|e| e.to_string())?;
    if customers == 0 {
        return Err("the benchmark database has no customers".into());
    }
    let mut all = Vec::new();
    for i in 0..SAMPLED_CUSTOMERS as i64 {
        // Spread over the ids (customers are 1..=N after a bulk load).
        let id = 1 + (i * 7_919) % customers;
        let profile = store.customer_profile(id).map_err(|e| e.to_string())?;
        queries_for(&profile, i as usize, &mut all);
    }
    let mut seen = HashSet::new();
    all.retain(|q| seen.insert(q.text.clone()));
    all.truncate(QUERIES);
    Ok(all)
}
