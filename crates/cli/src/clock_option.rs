//! The clock a command runs by: the computer's, or the moment its `--at`
//! option names (to see the desk as it will be, or as it was).

use crate::failure::Failure;
use chrono::{DateTime, Utc};
use courtesy_core::{Clock, FixedClock};
use courtesy_desk::SystemClock;

/// The system clock, or a clock standing at `at` (RFC 3339).
pub fn clock(at: Option<&str>) -> Result<Box<dyn Clock>, Failure> {
    match at {
        None => Ok(Box::new(SystemClock)),
        Some(text) => {
            let at: DateTime<Utc> = DateTime::parse_from_rfc3339(text)
                .map_err(|e| Failure::Usage(format!("--at {text:?} is not an RFC 3339 time: {e}")))?
                .with_timezone(&Utc);
            Ok(Box::new(FixedClock(at)))
        }
    }
}
