//! Money as integer minor units with an ISO 4217 currency; never floats.

use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// An ISO 4217 currency code such as `PLN` or `EUR`, always three upper-case letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

/// A currency code that is not three ASCII letters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not an ISO 4217 currency code (three letters, e.g. PLN)")]
pub struct CurrencyError(pub String);

impl Currency {
    /// Parses a code, accepting lower case and surrounding spaces.
    pub fn parse(code: &str) -> Result<Self, CurrencyError> {
        let t = code.trim();
        let b = t.as_bytes();
        if b.len() != 3 || !b.iter().all(u8::is_ascii_alphabetic) {
            return Err(CurrencyError(code.to_string()));
        }
        Ok(Currency([
            b[0].to_ascii_uppercase(),
            b[1].to_ascii_uppercase(),
            b[2].to_ascii_uppercase(),
        ]))
    }

    /// The three-letter code.
    pub fn code(&self) -> &str {
        // Only ASCII letters are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }

    /// How many decimal places the currency's minor unit has (ISO 4217 exponent).
    pub fn exponent(&self) -> u32 {
        match self.code() {
            "JPY" | "KRW" | "ISK" | "CLP" | "VND" => 0,
            "BHD" | "KWD" | "OMR" | "JOD" | "TND" => 3,
            _ => 2,
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Currency::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// An amount of money: integer minor units (grosze, cents, kopecks) and a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct Money {
    /// The amount in the currency's minor unit, e.g. 1999 for 19.99 PLN.
    #[ts(type = "number")]
    pub minor: i64,
    /// ISO 4217 code.
    #[ts(type = "string")]
    pub currency: Currency,
}

impl Money {
    /// Builds an amount from minor units.
    pub fn new(minor: i64, currency: Currency) -> Self {
        Money { minor, currency }
    }

    /// Adds two amounts of the same currency; `None` on a currency mismatch or overflow.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        if self.currency != other.currency {
            return None;
        }
        Some(Money::new(
            self.minor.checked_add(other.minor)?,
            self.currency,
        ))
    }

    /// Multiplies by a quantity; `None` on overflow.
    pub fn times(self, quantity: i64) -> Option<Money> {
        Some(Money::new(self.minor.checked_mul(quantity)?, self.currency))
    }

    /// The amount as a plain decimal string with a dot, e.g. `19.99` (for logs and exports).
    pub fn to_decimal_string(&self) -> String {
        let exp = self.currency.exponent();
        if exp == 0 {
            return self.minor.to_string();
        }
        let unit = 10i64.pow(exp);
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        format!(
            "{sign}{}.{:0width$}",
            abs / unit as u64,
            abs % unit as u64,
            width = exp as usize
        )
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.to_decimal_string(), self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pln() -> Currency {
        Currency::parse("pln").unwrap()
    }

    #[test]
    fn currency_codes_are_upper_cased_and_validated() {
        assert_eq!(pln().code(), "PLN");
        assert!(Currency::parse("zł").is_err());
        assert!(Currency::parse("EURO").is_err());
    }

    #[test]
    fn amounts_print_with_the_currency_exponent() {
        assert_eq!(Money::new(1999, pln()).to_string(), "19.99 PLN");
        assert_eq!(Money::new(-5, pln()).to_decimal_string(), "-0.05");
        let jpy = Currency::parse("JPY").unwrap();
        assert_eq!(Money::new(1200, jpy).to_decimal_string(), "1200");
    }

    #[test]
    fn adding_different_currencies_is_refused() {
        let eur = Currency::parse("EUR").unwrap();
        assert_eq!(Money::new(1, pln()).checked_add(Money::new(1, eur)), None);
        assert_eq!(
            Money::new(150, pln()).checked_add(Money::new(50, pln())),
            Some(Money::new(200, pln()))
        );
        assert_eq!(
            Money::new(250, pln()).times(3),
            Some(Money::new(750, pln()))
        );
    }
}
