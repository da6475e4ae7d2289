//! Phone numbers normalised to E.164 with the shop's default region, raw text kept.
//!
//! Parsing and validation are libphonenumber's rules (the `phonenumber` crate), so
//! `8 (912) 345-67-89` in Russia, `040 1234567` in Finland and `+48 601-234-567`
//! all become one canonical `+…` form that search and merging can rely on.
//!
//! The crate parses; whether the number is valid and which region it belongs to
//! are decided on the crate's metadata by [`rules`], which compiles each
//! pattern once instead of looking it up in the crate's small shared cache for
//! every number (an import of a million lines checks hundreds of thousands).

use phonenumber::country;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

#[path = "phone_rules.rs"]
mod rules;

/// An ISO 3166-1 alpha-2 region used to read numbers written without a `+` prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region(country::Id);

impl Region {
    /// Parses `PL`, `fi`, `GB` (also accepts `UK` for Great Britain).
    pub fn parse(code: &str) -> Option<Region> {
        let up = code.trim().to_ascii_uppercase();
        let up = if up == "UK" { "GB".to_string() } else { up };
        country::Id::from_str(&up).ok().map(Region)
    }

    /// The region's ISO code, e.g. `PL`.
    pub fn code(&self) -> String {
        let code: &str = self.0.as_ref();
        code.to_string()
    }
}

/// A phone number: what the customer typed, and its canonical forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone {
    /// The text as it came in, trimmed.
    pub raw: String,
    /// E.164, e.g. `+48601234567`.
    pub e164: String,
    /// The digits a person dials inside the country without the trunk prefix, e.g. `601234567`.
    pub national_digits: String,
    /// The region the number belongs to, e.g. `PL`, when it maps to one.
    pub region: Option<String>,
}

/// Why a text is not a usable phone number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// Nothing but whitespace.
    #[error("the phone number is empty")]
    Empty,
    /// Not a phone number at all.
    #[error("'{0}' is not a phone number")]
    Unparseable(String),
    /// Shaped like a number but not a valid one for its country.
    #[error("'{0}' is not a valid phone number for {1}")]
    Invalid(String, String),
}

/// Reads `raw` as a phone number, using `default_region` when it has no `+`/`00` prefix,
/// and returns its E.164 form. Invalid numbers (wrong length for the country, unknown
/// ranges) are an error: the caller keeps the raw text and leaves E.164 empty.
pub fn normalise_phone(raw: &str, default_region: Region) -> Result<Phone, PhoneError> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(PhoneError::Empty);
    }
    if !t.chars().any(|c| c.is_ascii_digit()) {
        return Err(PhoneError::Unparseable(t.to_string()));
    }
    let parsed = phonenumber::parse(Some(default_region.0), t)
        .map_err(|_| PhoneError::Unparseable(t.to_string()))?;
    let region = rules::region(&parsed).map(|id| id.as_ref().to_string());
    if !rules::is_valid(&parsed) {
        return Err(PhoneError::Invalid(
            t.to_string(),
            region.unwrap_or_else(|| default_region.code()),
        ));
    }
    let national = parsed.national();
    let national_digits = format!(
        "{}{}",
        "0".repeat(national.zeros() as usize),
        national.value()
    );
    Ok(Phone {
        raw: t.to_string(),
        // The crate's E.164 form: `+`, the country code, the national number
        // with its leading zeros.
        e164: format!("+{}{}", parsed.code().value(), national),
        national_digits,
        region,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(code: &str) -> Region {
        Region::parse(code).unwrap()
    }

    #[test]
    fn numbers_in_local_formats_become_e164() {
        // (typed by the customer, shop's default region, E.164, national digits)
        let cases = [
            ("601 234 567", "PL", "+48601234567", "601234567"),
            ("+48 601-234-567", "PL", "+48601234567", "601234567"),
            ("0048 601 234 567", "PL", "+48601234567", "601234567"),
            ("(22) 628 12 34", "PL", "+48226281234", "226281234"),
            ("8 (912) 345-67-89", "RU", "+79123456789", "9123456789"),
            ("+7 912 345 67 89", "PL", "+79123456789", "9123456789"),
            ("8 495 123-45-67", "RU", "+74951234567", "4951234567"),
            ("040 1234567", "FI", "+358401234567", "401234567"),
            ("+358 50 987 6543", "PL", "+358509876543", "509876543"),
            ("09 1234 567", "FI", "+35891234567", "91234567"),
            ("0151 23456789", "DE", "+4915123456789", "15123456789"),
            ("030 12345678", "DE", "+493012345678", "3012345678"),
            ("07911 123456", "GB", "+447911123456", "7911123456"),
            ("020 7946 0958", "UK", "+442079460958", "2079460958"),
            ("(201) 555-0123", "US", "+12015550123", "2015550123"),
            ("+1 212-555-0199", "FI", "+12125550199", "2125550199"),
        ];
        for (raw, reg, e164, national) in cases {
            let p = normalise_phone(raw, region(reg))
                .unwrap_or_else(|e| panic!("{raw:?} in {reg} should parse: {e}"));
            assert_eq!(p.e164, e164, "E.164 of {raw:?} in {reg}");
            assert_eq!(
                p.national_digits, national,
                "national digits of {raw:?} in {reg}"
            );
            assert_eq!(p.raw, raw);
        }
    }

    #[test]
    fn the_region_of_a_number_comes_from_its_prefix_not_the_shop() {
        let p = normalise_phone("+358 40 1234567", region("PL")).unwrap();
        assert_eq!(p.region.as_deref(), Some("FI"));
    }

    #[test]
    fn non_numbers_and_invalid_numbers_are_errors() {
        assert_eq!(normalise_phone("  ", region("PL")), Err(PhoneError::Empty));
        assert!(matches!(
            normalise_phone("brak", region("PL")),
            Err(PhoneError::Unparseable(_))
        ));
        assert!(matches!(
            normalise_phone("123", region("PL")),
            Err(PhoneError::Invalid(_, _))
        ));
        assert!(matches!(
            normalise_phone("+48 601 234 56", region("PL")),
            Err(PhoneError::Invalid(_, _))
        ));
    }

    #[test]
    fn regions_accept_uk_as_great_britain() {
        assert_eq!(region("uk").code(), "GB");
        assert_eq!(Region::parse("XX"), None);
    }
}
