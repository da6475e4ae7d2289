//! Reading money amounts as shop exports write them: `1234.50`, `1 234,50`,
//! `1.234,50`, `€12,5`, `-3.00` — into integer minor units, never through floats.

/// Why a text is not an amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    /// No digits at all.
    #[error("'{0}' is not an amount")]
    NotANumber(String),
    /// More decimal places than the currency has (e.g. `1.234` in a 2-decimal currency).
    #[error("'{0}' has more than {1} decimal places")]
    TooPrecise(String, u32),
    /// Beyond what 64 bits hold.
    #[error("'{0}' is too large")]
    TooLarge(String),
}

/// Parses `text` into minor units of a currency with `exponent` decimal places,
/// where `decimal` is the file's decimal separator (`.` or `,`); the other one,
/// spaces (also non-breaking) and apostrophes are taken as thousands separators.
/// Currency symbols and codes around the number are ignored. Empty text is `Ok(0)`.
pub fn parse_amount(text: &str, decimal: char, exponent: u32) -> Result<i64, AmountError> {
    let raw = text.trim();
    if raw.is_empty() {
        return Ok(0);
    }
    let not_a_number = || AmountError::NotANumber(raw.to_string());
    let first = raw
        .find(|c: char| c.is_ascii_digit())
        .ok_or_else(not_a_number)?;
    let last = raw
        .rfind(|c: char| c.is_ascii_digit())
        .ok_or_else(not_a_number)?;
    let (prefix, number, suffix) = (&raw[..first], &raw[first..=last], &raw[last + 1..]);
    // Around the number only signs, brackets, spaces and currency signs or codes.
    let decoration = |s: &str| {
        s.chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || "-+()$€£₽.".contains(c))
    };
    if !decoration(prefix) || !decoration(suffix) {
        return Err(not_a_number());
    }
    let negative = prefix.contains('-')
        || suffix.contains('-')
        || (prefix.contains('(') && suffix.contains(')'));
    let mut int_part: i128 = 0;
    let mut frac = String::new();
    let mut seen_decimal = false;
    let mut any_digit = false;
    for c in number.chars() {
        if c.is_ascii_digit() {
            any_digit = true;
            if seen_decimal {
                frac.push(c);
            } else {
                int_part = int_part * 10 + i128::from(c as u8 - b'0');
                if int_part > i128::from(i64::MAX) {
                    return Err(AmountError::TooLarge(raw.to_string()));
                }
            }
        } else if c == decimal && !seen_decimal {
            seen_decimal = true;
        } else if seen_decimal || !matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '\'') {
            return Err(not_a_number());
        }
    }
    if !any_digit {
        return Err(AmountError::NotANumber(raw.to_string()));
    }
    let trimmed = frac.trim_end_matches('0');
    if trimmed.len() > exponent as usize {
        return Err(AmountError::TooPrecise(raw.to_string(), exponent));
    }
    let mut minor = int_part * 10i128.pow(exponent);
    if !trimmed.is_empty() {
        let scale = 10i128.pow(exponent - trimmed.len() as u32);
        minor += trimmed
            .parse::<i128>()
            .map_err(|_| AmountError::NotANumber(raw.to_string()))?
            * scale;
    }
    let minor = if negative { -minor } else { minor };
    i64::try_from(minor).map_err(|_| AmountError::TooLarge(raw.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_every_export_style_become_minor_units() {
        let cases = [
            ("1234.50", '.', 123_450),
            ("1,234.50", '.', 123_450),
            ("1 234,50", ',', 123_450),
            ("1.234,50", ',', 123_450),
            ("1\u{a0}234,5", ',', 123_450),
            ("12,5 zł", ',', 1_250),
            ("€19.99", '.', 1_999),
            ("PLN 0.99", '.', 99),
            ("-3.00", '.', -300),
            ("(4,00)", ',', -400),
            ("7", '.', 700),
            ("", '.', 0),
            ("2.500", '.', 250),
        ];
        for (text, decimal, want) in cases {
            assert_eq!(
                parse_amount(text, decimal, 2),
                Ok(want),
                "{text:?} with {decimal:?}"
            );
        }
        assert_eq!(parse_amount("1200", '.', 0), Ok(1200));
    }

    #[test]
    fn non_amounts_and_extra_precision_are_errors() {
        assert!(matches!(
            parse_amount("abc", '.', 2),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            parse_amount("1.2.3", '.', 2),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            parse_amount("1.234", '.', 2),
            Err(AmountError::TooPrecise(_, 2))
        ));
        assert!(matches!(
            parse_amount("12#5", '.', 2),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            parse_amount("99999999999999999999", '.', 2),
            Err(AmountError::TooLarge(_))
        ));
    }
}
