//! Birthdays on the calendar: this year's date of a birthday (29 February falls on
//! the 28th in other years) and the next one within a few days, across the new year.

use super::facts::Birthday;
use chrono::{Datelike, NaiveDate};

/// The date of a `month`/`day` anniversary in `year`; 29 February becomes 28 February
/// in a year without it. `None` for a day that does not exist.
pub(crate) fn anniversary_in(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).or_else(|| {
        if month == 2 && day == 29 {
            NaiveDate::from_ymd_opt(year, 2, 28)
        } else {
            None
        }
    })
}

/// The first `month`/`day` anniversary on or after `from`.
pub(crate) fn next_anniversary(month: u32, day: u32, from: NaiveDate) -> Option<NaiveDate> {
    [from.year(), from.year() + 1]
        .into_iter()
        .filter_map(|y| anniversary_in(y, month, day))
        .find(|d| *d >= from)
}

/// The birthday's date in `year` (29 February is kept on the 28th in other years).
pub fn birthday_in_year(birthday: &Birthday, year: i32) -> Option<NaiveDate> {
    anniversary_in(year, birthday.month, birthday.day)
}

/// The next birthday on or after `from`.
pub fn next_birthday(birthday: &Birthday, from: NaiveDate) -> Option<NaiveDate> {
    next_anniversary(birthday.month, birthday.day, from)
}

/// The next birthday if it is at most `days` days after `from` (`from` itself is 0).
pub fn next_birthday_within(birthday: &Birthday, from: NaiveDate, days: u32) -> Option<NaiveDate> {
    next_birthday(birthday, from).filter(|d| (*d - from).num_days() <= i64::from(days))
}
