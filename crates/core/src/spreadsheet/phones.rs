//! Phone numbers a spreadsheet read as numbers: `+48601234567` written back as
//! `48601234567`, `0401234567` as `401234567`, and a long one as `4,86012E+10`.
//! A number of digits only is tried as written, then with the `+` and then with
//! the trunk `0` a spreadsheet drops; the first form that is a valid number
//! (libphonenumber's rules, in the customer's region) is the one the customer
//! gave.

use super::{is_rounded_number, CellRepair};
use crate::phone::{normalise_phone, Region};

/// Undoes what a spreadsheet did to a phone number read in `region`.
pub fn restore_phone(raw: &str, region: Region) -> CellRepair {
    let t = raw.trim();
    if is_rounded_number(t) {
        return CellRepair::Rounded;
    }
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return CellRepair::Intact;
    }
    let e164 = |text: &str| normalise_phone(text, region).ok().map(|p| p.e164);
    let with_zero = format!("0{t}");
    let with_plus = format!("+{t}");
    match e164(t) {
        // Valid as written; a plus or a trunk zero that gives the same number was dropped.
        Some(number) if e164(&with_plus).as_ref() == Some(&number) => {
            CellRepair::Restored(with_plus)
        }
        Some(number) if e164(&with_zero).as_ref() == Some(&number) => {
            CellRepair::Restored(with_zero)
        }
        Some(_) => CellRepair::Intact,
        None => {
            if e164(&with_plus).is_some() {
                CellRepair::Restored(with_plus)
            } else if e164(&with_zero).is_some() {
                CellRepair::Restored(with_zero)
            } else {
                CellRepair::Doubtful
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(code: &str) -> Region {
        Region::parse(code).expect("region")
    }

    #[test]
    fn the_plus_and_the_trunk_zero_come_back() {
        let cases = [
            ("48601234567", "PL", "+48601234567"),
            ("358401234567", "PL", "+358401234567"),
            ("401234567", "FI", "0401234567"),
        ];
        for (raw, reg, want) in cases {
            let repaired = restore_phone(raw, region(reg));
            let CellRepair::Restored(text) = &repaired else {
                panic!("{raw} in {reg}: {repaired:?}");
            };
            assert_eq!(text, want, "{raw} in {reg}");
        }
    }

    #[test]
    fn numbers_with_their_formatting_or_valid_as_written_are_intact() {
        for (raw, reg) in [
            ("601234567", "PL"),
            ("+48 601 234 567", "PL"),
            ("040 1234567", "FI"),
            ("'+48601234567", "PL"),
            ("9123456789", "RU"),
        ] {
            assert_eq!(restore_phone(raw, region(reg)), CellRepair::Intact, "{raw}");
        }
    }

    #[test]
    fn rounded_and_unknowable_numbers_are_said_so() {
        assert_eq!(
            restore_phone("4,86012E+10", region("PL")),
            CellRepair::Rounded
        );
        assert_eq!(restore_phone("12345", region("PL")), CellRepair::Doubtful);
    }
}
