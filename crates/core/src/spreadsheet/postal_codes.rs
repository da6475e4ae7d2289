//! Postal codes that lost their leading zeros: Helsinki's `00100` read as the
//! number 100, Boston's `02134` as 2134. Where a country's postal codes are a
//! fixed number of digits (the formats of the Universal Postal Union, as
//! Google's address data writes them), the zeros a spreadsheet dropped are
//! certain and are put back in the country's layout (`00-950` in Poland); a
//! code too short for a country whose codes never start with zero is doubtful.

use super::CellRepair;

/// A country's postal code layout (`#` a digit, anything else written as is)
/// and whether its codes can start with a zero.
struct Layout {
    country: &'static str,
    pattern: &'static str,
    zero_first: bool,
}

const fn layout(country: &'static str, pattern: &'static str, zero_first: bool) -> Layout {
    Layout {
        country,
        pattern,
        zero_first,
    }
}

/// Countries whose postal codes are digits only, in a fixed layout.
const LAYOUTS: &[Layout] = &[
    layout("AT", "####", false),
    layout("AU", "####", true),
    layout("BE", "####", false),
    layout("BG", "####", false),
    layout("BR", "#####-###", true),
    layout("BY", "######", false),
    layout("CH", "####", false),
    layout("CN", "######", true),
    layout("CY", "####", false),
    layout("CZ", "### ##", false),
    layout("DE", "#####", true),
    layout("DK", "####", true),
    layout("EE", "#####", false),
    layout("ES", "#####", true),
    layout("FI", "#####", true),
    layout("FR", "#####", true),
    layout("GR", "### ##", false),
    layout("HR", "#####", false),
    layout("HU", "####", false),
    layout("IN", "######", false),
    layout("IT", "#####", true),
    layout("JP", "###-####", true),
    layout("KR", "#####", true),
    layout("KZ", "######", true),
    layout("LT", "#####", true),
    layout("LU", "####", false),
    layout("MX", "#####", true),
    layout("MY", "#####", true),
    layout("NO", "####", true),
    layout("NZ", "####", true),
    layout("PL", "##-###", true),
    layout("PT", "####-###", false),
    layout("RO", "######", true),
    layout("RU", "######", false),
    layout("SE", "### ##", false),
    layout("SG", "######", true),
    layout("SI", "####", false),
    layout("SK", "### ##", true),
    layout("TH", "#####", false),
    layout("TR", "#####", true),
    layout("UA", "#####", true),
    layout("US", "#####", true),
    layout("ZA", "####", true),
];

/// Puts back the leading zeros a spreadsheet took from a postal code of
/// `country` (ISO alpha-2). A code that is not digits only, or that has all
/// its digits, or of a country without a fixed layout, is intact.
pub fn restore_postal_code(country: &str, code: &str) -> CellRepair {
    let digits = code.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return CellRepair::Intact;
    }
    let Some(layout) = LAYOUTS
        .iter()
        .find(|l| l.country.eq_ignore_ascii_case(country.trim()))
    else {
        return CellRepair::Intact;
    };
    let wanted = layout.pattern.bytes().filter(|&b| b == b'#').count();
    if digits.len() >= wanted {
        return CellRepair::Intact;
    }
    if !layout.zero_first {
        return CellRepair::Doubtful;
    }
    let padded = format!("{digits:0>wanted$}");
    let mut next = padded.chars();
    let restored: String = layout
        .pattern
        .chars()
        .map(|c| {
            if c == '#' {
                next.next().unwrap_or('0')
            } else {
                c
            }
        })
        .collect();
    CellRepair::Restored(restored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lost_zeros_come_back_in_the_countrys_layout() {
        let restored = |country: &str, code: &str| match restore_postal_code(country, code) {
            CellRepair::Restored(code) => code,
            other => panic!("{country} {code}: {other:?}"),
        };
        assert_eq!(restored("FI", "100"), "00100");
        assert_eq!(restored("US", "2134"), "02134");
        assert_eq!(restored("DE", "1067"), "01067");
        assert_eq!(restored("PL", "950"), "00-950");
        assert_eq!(restored("no", "150"), "0150");
        assert_eq!(restored("SK", "1001"), "010 01");
    }

    #[test]
    fn whole_codes_letters_and_unknown_layouts_are_left_alone() {
        for (country, code) in [
            ("FI", "00100"),
            ("PL", "31-147"),
            ("PL", "31147"),
            ("GB", "SW1A 1AA"),
            ("NL", "1234 AB"),
            ("IE", "123"),
            ("FI", ""),
            ("US", "02134-1234"),
        ] {
            assert_eq!(
                restore_postal_code(country, code),
                CellRepair::Intact,
                "{country} {code}"
            );
        }
    }

    #[test]
    fn a_short_code_where_none_starts_with_zero_is_doubtful() {
        assert_eq!(restore_postal_code("RU", "10100"), CellRepair::Doubtful);
        assert_eq!(restore_postal_code("AT", "101"), CellRepair::Doubtful);
    }

    #[test]
    fn the_table_is_sorted_and_each_layout_has_digits() {
        assert!(LAYOUTS.windows(2).all(|w| w[0].country < w[1].country));
        assert!(LAYOUTS.iter().all(|l| l.pattern.contains('#')));
    }
}
