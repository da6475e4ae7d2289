//! Where "now" comes from. Rules take the time as a value and the store takes
//! it with the actor of each write; only the desk reads the computer's clock,
//! through one [`Clock`], so tests and benchmarks can hold time still with a
//! [`FixedClock`].

use chrono::{DateTime, NaiveDate, Utc};

/// A source of the current time.
pub trait Clock: Send + Sync {
    /// The current moment.
    fn now(&self) -> DateTime<Utc>;

    /// Today's date where the desk is (its local calendar day).
    fn today(&self) -> NaiveDate;
}

/// A clock that always says the same moment, and that day as today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }

    fn today(&self) -> NaiveDate {
        self.0.date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_fixed_clock_stands_still() {
        let at = Utc.with_ymd_and_hms(2026, 11, 26, 23, 30, 0).unwrap();
        let clock = FixedClock(at);
        assert_eq!((clock.now(), clock.now()), (at, at));
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
        );
    }
}
