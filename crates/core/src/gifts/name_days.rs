//! Name days of the Polish (imieniny), Finnish (nimipäivät) and Russian Orthodox
//! (именины) calendars, shipped as data files under `data/name_days/` (each names its
//! source in its header) and parsed once on first use.
//!
//! Names match case-insensitively; Polish and Finnish names also without their
//! diacritics (`Jozef` finds `Józef`), Russian names in Cyrillic (`ё` as `е`) and in
//! the common Latin transliterations the data lists.

use super::occasions::next_anniversary;
use crate::Language;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;
use ts_rs::TS;

/// A name-day calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum NameDayCalendar {
    /// Poland's civil calendar (imieniny).
    Pl,
    /// Finland's almanac, Finnish names (nimipäivät).
    Fi,
    /// The Russian Orthodox calendar (именины).
    Ru,
}

impl NameDayCalendar {
    /// Every calendar.
    pub const ALL: [NameDayCalendar; 3] = [
        NameDayCalendar::Pl,
        NameDayCalendar::Fi,
        NameDayCalendar::Ru,
    ];

    /// The calendar of a country (ISO alpha-2, any case): PL, FI, RU.
    pub fn for_country(country: &str) -> Option<NameDayCalendar> {
        match country.trim().to_ascii_uppercase().as_str() {
            "PL" => Some(NameDayCalendar::Pl),
            "FI" => Some(NameDayCalendar::Fi),
            "RU" => Some(NameDayCalendar::Ru),
            _ => None,
        }
    }

    /// The calendar of a language.
    pub fn for_language(language: Language) -> Option<NameDayCalendar> {
        match language {
            Language::Pl => Some(NameDayCalendar::Pl),
            Language::Fi => Some(NameDayCalendar::Fi),
            Language::Ru => Some(NameDayCalendar::Ru),
            Language::En => None,
        }
    }

    /// The calendar a customer's name days follow: their country's, else their
    /// language's (a Finn living in Germany keeps the Finnish almanac).
    pub fn of_customer(
        country: Option<&str>,
        language: Option<Language>,
    ) -> Option<NameDayCalendar> {
        country
            .and_then(NameDayCalendar::for_country)
            .or_else(|| language.and_then(NameDayCalendar::for_language))
    }

    fn source(&self) -> &'static str {
        match self {
            NameDayCalendar::Pl => include_str!("../../data/name_days/pl.csv"),
            NameDayCalendar::Fi => include_str!("../../data/name_days/fi.csv"),
            NameDayCalendar::Ru => include_str!("../../data/name_days/ru.csv"),
        }
    }
}

/// A name day found on a calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NameDayHit {
    /// The date of the name day.
    pub date: NaiveDate,
    /// The calendar it comes from.
    pub calendar: NameDayCalendar,
}

/// A calendar: folded name → its days (month, day), sorted.
type Table = HashMap<String, Vec<(u32, u32)>>;

/// A line of a data file that could not be read: line number and text.
pub(crate) type BadLine = (usize, String);

/// Reads a data file: `MM-DD|Name|Name (Alias Alias)|…`; `#` lines are comments.
pub(crate) fn parse_calendar(text: &str) -> (Table, Vec<BadLine>) {
    let mut table: Table = HashMap::new();
    let mut bad = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with("date|") {
            continue;
        }
        let mut fields = line.split('|');
        let day = fields.next().and_then(parse_month_day);
        let Some(day) = day else {
            bad.push((i + 1, line.to_string()));
            continue;
        };
        for entry in fields {
            let (name, aliases) = match entry.split_once('(') {
                Some((name, rest)) => (name, rest.trim_end_matches(')')),
                None => (entry, ""),
            };
            for n in std::iter::once(name).chain(aliases.split_whitespace()) {
                let key = fold_name(n);
                if key.is_empty() {
                    bad.push((i + 1, line.to_string()));
                    continue;
                }
                let days = table.entry(key).or_default();
                if !days.contains(&day) {
                    days.push(day);
                }
            }
        }
    }
    for days in table.values_mut() {
        days.sort_unstable();
    }
    (table, bad)
}

fn parse_month_day(s: &str) -> Option<(u32, u32)> {
    let (m, d) = s.trim().split_once('-')?;
    let (m, d) = (m.parse().ok()?, d.parse().ok()?);
    // 2024 is a leap year, so 29 February is accepted.
    NaiveDate::from_ymd_opt(2024, m, d).map(|_| (m, d))
}

/// The key a name is looked up by: lower case; `ё` as `е`; Latin-script names
/// without diacritics.
fn fold_name(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    if lower.chars().any(|c| matches!(c, '\u{0400}'..='\u{04FF}')) {
        lower.replace('ё', "е")
    } else {
        deunicode::deunicode(&lower)
    }
}

fn table(calendar: NameDayCalendar) -> &'static Table {
    static PL: OnceLock<Table> = OnceLock::new();
    static FI: OnceLock<Table> = OnceLock::new();
    static RU: OnceLock<Table> = OnceLock::new();
    let cell = match calendar {
        NameDayCalendar::Pl => &PL,
        NameDayCalendar::Fi => &FI,
        NameDayCalendar::Ru => &RU,
    };
    cell.get_or_init(|| parse_calendar(calendar.source()).0)
}

/// The name's days (month, day) on `calendar`, earliest in the year first; empty
/// when the calendar does not know the name. A double name ("Anna Maria",
/// "Anna-Liisa") that is not listed whole is looked up by its first part.
pub fn name_days(first_name: &str, calendar: NameDayCalendar) -> Vec<(u32, u32)> {
    let t = table(calendar);
    if let Some(days) = t.get(&fold_name(first_name)) {
        return days.clone();
    }
    first_name
        .split(|c: char| c.is_whitespace() || c == '-')
        .find(|p| !p.is_empty())
        .and_then(|first| t.get(&fold_name(first)))
        .cloned()
        .unwrap_or_default()
}

/// How many different names (and transliterations) `calendar` knows.
pub fn name_count(calendar: NameDayCalendar) -> usize {
    table(calendar).len()
}

/// The first name day on or after `from` on any of `calendars` (the earlier calendar
/// wins a tie).
pub fn next_name_day(
    first_name: &str,
    calendars: &[NameDayCalendar],
    from: NaiveDate,
) -> Option<NameDayHit> {
    let mut best: Option<NameDayHit> = None;
    for &calendar in calendars {
        for (m, d) in name_days(first_name, calendar) {
            if let Some(date) = next_anniversary(m, d, from) {
                if best.is_none_or(|b| date < b.date) {
                    best = Some(NameDayHit { date, calendar });
                }
            }
        }
    }
    best
}

/// The next name day if it is at most `days` days after `from` (`from` itself is 0).
pub fn next_name_day_within(
    first_name: &str,
    calendars: &[NameDayCalendar],
    from: NaiveDate,
    days: u32,
) -> Option<NameDayHit> {
    next_name_day(first_name, calendars, from)
        .filter(|hit| (hit.date - from).num_days() <= i64::from(days))
}
