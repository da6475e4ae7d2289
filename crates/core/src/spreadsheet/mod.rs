//! What a spreadsheet does to the cells of an export when a person opens it
//! and saves it again (Excel on a Polish, Russian or Finnish Windows most of
//! all), and how much of it can be undone.
//!
//! Excel reads every cell that looks like a number as one, then writes it back
//! as its "General" format shows it: a 13-digit id becomes `5,01253E+12` (six
//! significant digits; the rest is gone), `0401234567` loses its leading zero,
//! `+48601234567` its plus, `35.00` becomes `35`, and `TRUE` is written in the
//! language of the Windows (`PRAWDA`, `ИСТИНА`, `TOSI`). What can be put back
//! with certainty is put back ([`restore_postal_code`], [`restore_phone`],
//! [`spreadsheet_boolean`]); what cannot is said so ([`is_rounded_number`],
//! [`CellRepair::Doubtful`]), so the import can report it instead of storing
//! a wrong value.

mod phones;
mod postal_codes;

pub use phones::restore_phone;
pub use postal_codes::restore_postal_code;

/// What became of a cell a spreadsheet may have re-typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellRepair {
    /// The value is as the shop wrote it.
    Intact,
    /// A spreadsheet changed it; this is the value it had.
    Restored(String),
    /// A spreadsheet may have changed it, and what it was cannot be told.
    Doubtful,
    /// A spreadsheet rounded it to a few digits; the value is lost.
    Rounded,
}

/// Whether `text` is a number a spreadsheet wrote in scientific notation:
/// `5,01253E+12`, `5.01253e+12`, `5E+12`. Such a cell held a long number (an
/// id, a phone, a barcode) of which only the first digits are left.
pub fn is_rounded_number(text: &str) -> bool {
    let t = text.trim();
    let Some((mantissa, exponent)) = t.split_once(['E', 'e']) else {
        return false;
    };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once([',', '.']) {
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => digits(mantissa),
    };
    mantissa_ok && digits(exponent)
}

/// `TRUE` and `FALSE` as Excel writes them in the app's languages and in
/// German: `PRAWDA`/`FAŁSZ`, `ИСТИНА`/`ЛОЖЬ`, `TOSI`/`EPÄTOSI`, `WAHR`/`FALSCH`
/// (any case). Anything else is `None`.
pub fn spreadsheet_boolean(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "true" | "prawda" | "истина" | "tosi" | "wahr" => Some(true),
        "false" | "fałsz" | "falsz" | "ложь" | "epätosi" | "epatosi" | "falsch" => {
            Some(false)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_scientific_notation_are_rounded() {
        for text in [
            "5,01253E+12",
            "5.01253E+12",
            "5E+12",
            " 4,86012e+10 ",
            "1,2E+012",
            "3E12",
        ] {
            assert!(is_rounded_number(text), "{text}");
        }
        for text in [
            "5012534567890",
            "E+12",
            "5,E+12",
            "5,01253E+",
            "12.50",
            "EUR",
            "",
            "1e-3x",
            "#1001",
        ] {
            assert!(!is_rounded_number(text), "{text}");
        }
    }

    #[test]
    fn excel_booleans_in_five_languages() {
        for (text, want) in [
            ("TRUE", true),
            ("PRAWDA", true),
            ("ИСТИНА", true),
            ("Tosi", true),
            ("WAHR", true),
            ("FALSE", false),
            ("FAŁSZ", false),
            ("ЛОЖЬ", false),
            ("EPÄTOSI", false),
            ("falsch", false),
        ] {
            assert_eq!(spreadsheet_boolean(text), Some(want), "{text}");
        }
        assert_eq!(spreadsheet_boolean("yes"), None);
        assert_eq!(spreadsheet_boolean(""), None);
    }
}
