//! The computer's clock: the one place Courtesy reads the time.

use chrono::{DateTime, Local, NaiveDate, Utc};
use courtesy_core::Clock;

/// The system clock; today is the local calendar day of the computer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn today(&self) -> NaiveDate {
        Local::now().date_naive()
    }
}
