//! UTC timestamps as the database stores them: ISO 8601 text with a `Z`.

use chrono::{DateTime, SecondsFormat, Utc};

/// `2026-11-26T08:00:00Z`.
pub fn to_db(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Reads a stored time back; `None` when the text is not one.
pub(crate) fn from_db(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
