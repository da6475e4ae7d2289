//! Reading single cells the way shop exports (and spreadsheets re-saving them)
//! write them: dates, yes/no, money, quantities, country codes, names.

use crate::record::RowError;
use crate::source::columns::Column;
use crate::source::rows::Row;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Utc};
use courtesy_core::{parse_amount, Currency};

/// Date-times with an offset: Shopify's `2024-03-01 14:05:09 +0100`, with a
/// colon in the offset, or ISO 8601 with a `T`.
const WITH_OFFSET: [&str; 4] = [
    "%Y-%m-%d %H:%M:%S%.f %z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M %z",
];

/// Date-times without an offset (a spreadsheet dropped it), taken as UTC.
/// Slashed dates are day first, as in Europe (`31/12/2024`).
const WITHOUT_OFFSET: [&str; 8] = [
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
];

/// Dates alone, taken as midnight UTC.
const DATE_ONLY: [&str; 3] = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"];

/// Parses a date or date-time into UTC; `None` when it is none of the forms above.
pub(crate) fn parse_datetime(text: &str) -> Option<DateTime<Utc>> {
    let t = text.trim();
    if let Some(dt) = shopify_datetime(t) {
        return Some(dt);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Some(dt.with_timezone(&Utc));
    }
    for format in WITH_OFFSET {
        if let Ok(dt) = DateTime::parse_from_str(t, format) {
            return Some(dt.with_timezone(&Utc));
        }
    }
    for format in WITHOUT_OFFSET {
        if let Ok(dt) = NaiveDateTime::parse_from_str(t, format) {
            return Some(dt.and_utc());
        }
    }
    for format in DATE_ONLY {
        if let Ok(d) = NaiveDate::parse_from_str(t, format) {
            return d.and_hms_opt(0, 0, 0).map(|dt| dt.and_utc());
        }
    }
    None
}

/// Shopify's own form, `2024-03-01 14:05:09 +0100`, read without going through
/// the format strings (a large export has a few dates on every order). Anything
/// else, and anything out of range, is left to the general parsing.
fn shopify_datetime(t: &str) -> Option<DateTime<Utc>> {
    let b = t.as_bytes();
    if b.len() != 25
        || (b[4], b[7], b[10], b[13], b[16], b[19]) != (b'-', b'-', b' ', b':', b':', b' ')
    {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let sign = match b[20] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (hh, mm) = (number(21, 23)?, number(23, 25)?);
    if hh > 23 || mm > 59 {
        return None;
    }
    let offset = FixedOffset::east_opt(sign * (hh * 3600 + mm * 60) as i32)?;
    let local = NaiveDate::from_ymd_opt(number(0, 4)? as i32, number(5, 7)?, number(8, 10)?)?
        .and_hms_opt(number(11, 13)?, number(14, 16)?, number(17, 19)?)?;
    Some(
        local
            .and_local_timezone(offset)
            .single()?
            .with_timezone(&Utc),
    )
}

/// Reads `yes`/`no`, `true`/`false`, `1`/`0` (any case), and `TRUE`/`FALSE`
/// as a spreadsheet re-saving the file writes them in its language
/// (`PRAWDA`, `ИСТИНА`, `TOSI`, …); anything else, including an empty cell,
/// is "the source does not say".
pub(crate) fn parse_yes_no(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" | "1" => Some(true),
        "no" | "n" | "false" | "0" => Some(false),
        _ => courtesy_core::spreadsheet_boolean(text),
    }
}

/// Drops the apostrophe Shopify puts before ids, phones and postal codes so a
/// spreadsheet keeps them as text (`'+48601234567`, `'02134`).
pub(crate) fn strip_text_mark(text: &str) -> &str {
    let t = text.trim();
    t.strip_prefix('\'').map_or(t, str::trim)
}

/// An ISO alpha-2 country code, upper-cased; `None` for anything else.
pub(crate) fn country_code(text: &str) -> Option<String> {
    let t = text.trim();
    (t.len() == 2 && t.bytes().all(|b| b.is_ascii_alphabetic())).then(|| t.to_ascii_uppercase())
}

/// Splits a full name at its last space: `Anna Maria Nowak` → (`Anna Maria`,
/// `Nowak`); one word is a given name.
pub(crate) fn split_name(full: &str) -> (String, String) {
    let t = full.split_whitespace().collect::<Vec<_>>().join(" ");
    match t.rsplit_once(' ') {
        Some((first, last)) => (first.to_string(), last.to_string()),
        None => (t, String::new()),
    }
}

/// A non-empty trimmed text, or `None`.
pub(crate) fn non_empty(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Reads cells of one row, turning bad values into a [`RowError`] that names
/// the column and the row.
pub(crate) struct CellReader<'r> {
    row: &'r Row,
    decimal: char,
}

impl<'r> CellReader<'r> {
    /// Reads cells of `row` with the file's decimal separator.
    pub(crate) fn new(row: &'r Row, decimal: char) -> Self {
        CellReader { row, decimal }
    }

    /// The trimmed text of a cell.
    pub(crate) fn text(&self, column: Column) -> &'r str {
        column.text(&self.row.cells)
    }

    /// An error on this row in `column`.
    pub(crate) fn error(&self, column: Column, reason: String) -> RowError {
        RowError {
            row: self.row.number,
            column: Some(column.name.to_string()),
            reason,
        }
    }

    /// A money amount in minor units of `currency`; an empty cell is 0.
    pub(crate) fn amount(&self, column: Column, currency: Currency) -> Result<i64, RowError> {
        parse_amount(self.text(column), self.decimal, currency.exponent())
            .map_err(|e| self.error(column, e.to_string()))
    }

    /// A date-time that must be there.
    pub(crate) fn required_date(&self, column: Column) -> Result<DateTime<Utc>, RowError> {
        match self.date(column)? {
            Some(dt) => Ok(dt),
            None => Err(self.error(column, format!("the {} date is missing", column.name))),
        }
    }

    /// A date-time that may be empty.
    pub(crate) fn date(&self, column: Column) -> Result<Option<DateTime<Utc>>, RowError> {
        let text = self.text(column);
        if text.is_empty() {
            return Ok(None);
        }
        parse_datetime(text)
            .map(Some)
            .ok_or_else(|| self.error(column, format!("'{text}' is not a date")))
    }

    /// A quantity of at least 1.
    pub(crate) fn quantity(&self, column: Column) -> Result<i64, RowError> {
        let text = self.text(column);
        match text.parse::<i64>() {
            Ok(q) if q >= 1 => Ok(q),
            Ok(q) => Err(self.error(
                column,
                format!("the quantity is {q}; it must be at least 1"),
            )),
            Err(_) => Err(self.error(column, format!("'{text}' is not a quantity"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|d| d.with_timezone(&Utc))
    }

    #[test]
    fn shopify_and_spreadsheet_dates_become_utc() {
        let want = utc("2024-03-01T13:05:09Z");
        assert_eq!(parse_datetime("2024-03-01 14:05:09 +0100"), want);
        assert_eq!(parse_datetime("2024-03-01 14:05:09 +01:00"), want);
        assert_eq!(parse_datetime("2024-03-01T14:05:09+01:00"), want);
        assert_eq!(parse_datetime("2024-03-01T13:05:09Z"), want);
        assert_eq!(parse_datetime("2024-03-01 13:05:09"), want);
        assert_eq!(parse_datetime("2024-03-01"), utc("2024-03-01T00:00:00Z"));
        assert_eq!(
            parse_datetime("01.03.2024 13:05"),
            utc("2024-03-01T13:05:00Z")
        );
        assert_eq!(
            parse_datetime("31/12/2024 23:59"),
            utc("2024-12-31T23:59:00Z")
        );
        assert_eq!(parse_datetime("05/03/2024"), utc("2024-03-05T00:00:00Z"));
        assert_eq!(parse_datetime("2024-02-30 10:00:00 +0100"), None);
        assert_eq!(parse_datetime("yesterday"), None);
    }

    #[test]
    fn shopify_dates_read_directly_as_the_format_strings_read_them() {
        let general = |t: &str| {
            DateTime::parse_from_str(t, WITH_OFFSET[0])
                .ok()
                .map(|d| d.with_timezone(&Utc))
        };
        for t in [
            "2024-03-01 14:05:09 +0100",
            "2024-10-27 02:30:00 +0200",
            "2023-12-31 23:59:59 -0530",
            "2024-02-29 00:00:00 +0000",
            "2024-02-30 10:00:00 +0100",
            "2024-13-01 10:00:00 +0100",
            "2024-03-01 24:00:00 +0100",
            "2024-03-01 14:05:60 +0100",
            "2024-03-01 14:05:09 +2400",
            "2024-03-01 14:05:09 +0160",
            "2024-03-01 14:05:09 *0100",
            "2024-03-01T14:05:09 +0100",
            "2024-03-01 14:05:0x +0100",
        ] {
            let direct = shopify_datetime(t);
            if direct.is_some() {
                assert_eq!(direct, general(t), "{t}");
            }
            assert_eq!(
                parse_datetime(t),
                general(t).or_else(|| parse_datetime_slow(t)),
                "{t}"
            );
        }
    }

    /// `parse_datetime` without the direct reading of Shopify's form.
    fn parse_datetime_slow(t: &str) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(t)
            .ok()
            .or_else(|| {
                WITH_OFFSET
                    .iter()
                    .find_map(|f| DateTime::parse_from_str(t, f).ok())
            })
            .map(|d| d.with_timezone(&Utc))
    }

    #[test]
    fn names_split_at_the_last_space() {
        assert_eq!(
            split_name(" Anna  Maria Nowak "),
            ("Anna Maria".into(), "Nowak".into())
        );
        assert_eq!(split_name("Cher"), ("Cher".into(), String::new()));
    }

    #[test]
    fn small_cells() {
        assert_eq!(parse_yes_no("YES"), Some(true));
        assert_eq!(parse_yes_no("false"), Some(false));
        assert_eq!(parse_yes_no(""), None);
        assert_eq!(parse_yes_no("PRAWDA"), Some(true));
        assert_eq!(parse_yes_no("ЛОЖЬ"), Some(false));
        assert_eq!(strip_text_mark(" '02134"), "02134");
        assert_eq!(country_code("pl"), Some("PL".into()));
        assert_eq!(country_code("Poland"), None);
    }
}
