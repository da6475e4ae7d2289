//! E-mail addresses as the shop stores them: trimmed, lower-cased, plausibly shaped.

use serde::{Deserialize, Serialize};

/// A normalised e-mail address (trimmed and lower-cased).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    /// The normalised address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a text is not an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Nothing but whitespace.
    #[error("the e-mail address is empty")]
    Empty,
    /// Not of the shape `local@domain.tld`.
    #[error("'{0}' is not an e-mail address")]
    Malformed(String),
}

/// Trims and lower-cases an address and checks its shape: one `@`, a local part,
/// a domain with a dot, no whitespace or control characters.
/// Shop exports are full of `" Anna.Nowak@WP.PL "`; they must all meet as one customer.
pub fn normalise_email(raw: &str) -> Result<Email, EmailError> {
    let t = raw.trim().trim_start_matches("mailto:").trim();
    if t.is_empty() {
        return Err(EmailError::Empty);
    }
    let lower = t.to_lowercase();
    let bad = || EmailError::Malformed(raw.trim().to_string());
    let (local, domain) = lower.split_once('@').ok_or_else(bad)?;
    let shaped = !local.is_empty()
        && local.len() <= 64
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !lower
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == ',' || c == ';');
    if !shaped {
        return Err(bad());
    }
    Ok(Email(lower))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        let cases = [
            ("  Anna.Nowak@WP.PL ", "anna.nowak@wp.pl"),
            ("mailto:Ivan@Yandex.ru", "ivan@yandex.ru"),
            ("MATTI.VIRTANEN@Elisa.FI", "matti.virtanen@elisa.fi"),
            ("j.schmidt+shop@gmx.de", "j.schmidt+shop@gmx.de"),
            ("ÓLA@Poczta.onet.pl", "óla@poczta.onet.pl"),
        ];
        for (raw, want) in cases {
            assert_eq!(
                normalise_email(raw).unwrap().as_str(),
                want,
                "input {raw:?}"
            );
        }
    }

    #[test]
    fn malformed_emails_are_rejected_with_the_reason() {
        assert_eq!(normalise_email("   "), Err(EmailError::Empty));
        for raw in [
            "anna",
            "anna@",
            "@wp.pl",
            "anna@wp",
            "a b@wp.pl",
            "a@@wp.pl",
            "a@wp..pl",
            "a@wp.pl;b@wp.pl",
        ] {
            assert!(
                matches!(normalise_email(raw), Err(EmailError::Malformed(_))),
                "{raw:?} should be rejected"
            );
        }
    }
}
