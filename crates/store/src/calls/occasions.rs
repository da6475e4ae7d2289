//! Birthdays and name days coming up: which customers celebrate in the next days,
//! for the Today screen (a call, a card, a gift). Name days follow the customer's
//! calendar as the name-day gift rule does (`NameDayCalendar::of_customer`).

use crate::db::{params_from_iter, Connection};
use crate::error::Result;
use crate::Store;
use chrono::{Datelike, Days, NaiveDate};
use courtesy_core::gifts::{next_birthday_within, next_name_day_within, Birthday, NameDayCalendar};
use courtesy_core::{Language, NameCulture, PersonName};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// A customer's birthday or name day in the coming days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CustomerOccasion {
    /// The customer's id.
    #[ts(type = "number")]
    pub customer_id: i64,
    /// The customer's name as shown.
    pub customer_name: String,
    /// `birthday` or `nameDay`.
    pub kind: String,
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// The age they turn, when the year of birth is known.
    pub turns: Option<u32>,
    /// The name-day calendar (`pl`, `fi`, `ru`).
    pub calendar: Option<String>,
}

struct Row {
    id: i64,
    first: String,
    middle: String,
    last: String,
    country: Option<String>,
    language: Option<Language>,
    birthday: Option<String>,
}

impl Row {
    fn name(&self) -> String {
        PersonName::new(&self.first, &self.middle, &self.last).full(NameCulture::of(
            self.country.as_deref().unwrap_or(""),
            self.language,
        ))
    }
}

/// `MM-DD` of each day from `from` for `days` more days (29 February included
/// when the 28th is in range of a non-leap year: such birthdays are kept then).
fn month_days(from: NaiveDate, days: u32) -> Vec<String> {
    let mut out = Vec::new();
    for d in 0..=days {
        let Some(day) = from.checked_add_days(Days::new(d.into())) else {
            break;
        };
        out.push(day.format("%m-%d").to_string());
        if day.month() == 2
            && day.day() == 28
            && NaiveDate::from_ymd_opt(day.year(), 2, 29).is_none()
        {
            out.push("02-29".into());
        }
    }
    out
}

const CUSTOMER: &str =
    "SELECT c.id, c.first_name, c.middle_name, c.last_name, c.country, c.language, c.birthday
    FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)";

fn read_rows(conn: &Connection, sql: &str, args: &[String]) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map(params_from_iter(args), |r| {
        Ok(Row {
            id: r.get(0)?,
            first: r.get(1)?,
            middle: r.get(2)?,
            last: r.get(3)?,
            country: r.get(4)?,
            language: r
                .get::<_, Option<String>>(5)?
                .and_then(|l| Language::from_tag(&l)),
            birthday: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<crate::db::Result<_>>()?)
}

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(",")
}

fn coming(
    conn: &Connection,
    from: NaiveDate,
    days: u32,
    limit: usize,
) -> Result<Vec<CustomerOccasion>> {
    let mut out = Vec::new();
    // Birthdays: the month-days of the window, matched in SQL.
    let md = month_days(from, days);
    let sql = format!(
        "{CUSTOMER} AND substr(c.birthday, 6, 5) IN ({})",
        placeholders(md.len())
    );
    for row in read_rows(conn, &sql, &md)? {
        let Some(born) = row
            .birthday
            .as_deref()
            .and_then(|b| NaiveDate::parse_from_str(b, "%Y-%m-%d").ok())
        else {
            continue;
        };
        let Some(date) = next_birthday_within(&Birthday::from_date(born), from, days) else {
            continue;
        };
        out.push(CustomerOccasion {
            customer_id: row.id,
            customer_name: row.name(),
            kind: "birthday".into(),
            date: date.to_string(),
            turns: u32::try_from(date.year() - born.year()).ok(),
            calendar: None,
        });
    }
    // Name days: each distinct first name is looked up once per calendar.
    let mut celebrating: HashMap<(String, NameDayCalendar), NaiveDate> = HashMap::new();
    let names = conn
        .prepare_cached(
            "SELECT DISTINCT first_name, language, country FROM customers WHERE first_name <> ''",
        )?
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?
        .collect::<crate::db::Result<Vec<_>>>()?;
    for (first, language, country) in names {
        let language = language.and_then(|l| Language::from_tag(&l));
        let Some(calendar) = NameDayCalendar::of_customer(country.as_deref(), language) else {
            continue;
        };
        if celebrating.contains_key(&(first.clone(), calendar)) {
            continue;
        }
        if let Some(hit) = next_name_day_within(&first, &[calendar], from, days) {
            celebrating.insert((first, calendar), hit.date);
        }
    }
    let firsts: Vec<String> = {
        let mut f: Vec<String> = celebrating.keys().map(|(n, _)| n.clone()).collect();
        f.sort();
        f.dedup();
        f
    };
    if !firsts.is_empty() {
        let sql = format!(
            "{CUSTOMER} AND c.first_name IN ({})",
            placeholders(firsts.len())
        );
        for row in read_rows(conn, &sql, &firsts)? {
            let Some(calendar) = NameDayCalendar::of_customer(row.country.as_deref(), row.language)
            else {
                continue;
            };
            let Some(date) = celebrating.get(&(row.first.clone(), calendar)) else {
                continue;
            };
            out.push(CustomerOccasion {
                customer_id: row.id,
                customer_name: row.name(),
                kind: "nameDay".into(),
                date: date.to_string(),
                turns: None,
                calendar: Some(format!("{calendar:?}").to_lowercase()),
            });
        }
    }
    out.sort_by(|a, b| {
        (&a.date, &a.kind, &a.customer_name, a.customer_id).cmp(&(
            &b.date,
            &b.kind,
            &b.customer_name,
            b.customer_id,
        ))
    });
    out.truncate(limit);
    Ok(out)
}

impl Store {
    /// Customers (with at least one order) whose birthday or name day falls from
    /// `from` to `days` days later, soonest first, at most `limit`.
    pub fn coming_occasions(
        &self,
        from: NaiveDate,
        days: u32,
        limit: usize,
    ) -> Result<Vec<CustomerOccasion>> {
        self.read(|conn| coming(conn, from, days, limit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_month_days_wrap_the_year_and_keep_leap_birthdays_in_other_years() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        assert_eq!(
            month_days(d("2026-12-30"), 3),
            ["12-30", "12-31", "01-01", "01-02"]
        );
        assert_eq!(month_days(d("2027-02-27"), 1), ["02-27", "02-28", "02-29"]);
        assert_eq!(month_days(d("2028-02-28"), 1), ["02-28", "02-29"]);
    }
}
