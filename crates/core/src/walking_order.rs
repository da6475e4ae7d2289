//! The packer's walking order: an order's lines by bin location, then SKU.
//!
//! Bins and SKUs compare "naturally": runs of digits by their value, so bin `A-2`
//! comes before `A-10`, and letters without regard to case. Lines without a bin go
//! last, since the packer has to look for them. The slip prints the lines in this
//! order and the dispatch desk shows them in it.

use std::cmp::Ordering;

/// The walking order of two lines given as (bin, SKU).
pub fn walking_order(a: (&str, &str), b: (&str, &str)) -> Ordering {
    let (bin_a, bin_b) = (a.0.trim(), b.0.trim());
    bin_a
        .is_empty()
        .cmp(&bin_b.is_empty())
        .then_with(|| natural(bin_a, bin_b))
        .then_with(|| natural(a.1.trim(), b.1.trim()))
}

/// Compares two strings with digit runs as numbers and letters case-insensitively.
pub fn natural(a: &str, b: &str) -> Ordering {
    let mut xs = a.chars().peekable();
    let mut ys = b.chars().peekable();
    loop {
        match (xs.peek().copied(), ys.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let run_x = digit_run(&mut xs);
                let run_y = digit_run(&mut ys);
                let order = compare_digit_runs(&run_x, &run_y);
                if order != Ordering::Equal {
                    return order;
                }
            }
            (Some(x), Some(y)) => {
                let order = x.to_lowercase().cmp(y.to_lowercase());
                if order != Ordering::Equal {
                    return order;
                }
                xs.next();
                ys.next();
            }
        }
    }
}

fn digit_run(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> String {
    let mut run = String::new();
    while let Some(c) = chars.peek().copied().filter(char::is_ascii_digit) {
        run.push(c);
        chars.next();
    }
    run
}

/// Compares digit strings by value without parsing (they may be longer than u64).
fn compare_digit_runs(a: &str, b: &str) -> Ordering {
    let a = a.trim_start_matches('0');
    let b = b.trim_start_matches('0');
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk<'a>(lines: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
        let mut sorted = lines.to_vec();
        sorted.sort_by(|a, b| walking_order(*a, *b));
        sorted
    }

    #[test]
    fn lines_go_by_bin_then_sku_and_lines_without_a_bin_last() {
        assert_eq!(
            walk(&[
                ("", "CARD"),
                ("C-1", "CANDLE-FIG"),
                ("A-2", "SOAP-LAV"),
                ("B-10", "MUG")
            ]),
            [
                ("A-2", "SOAP-LAV"),
                ("B-10", "MUG"),
                ("C-1", "CANDLE-FIG"),
                ("", "CARD")
            ]
        );
    }

    #[test]
    fn lines_in_one_bin_go_by_sku() {
        assert_eq!(
            walk(&[("A-1", "ZED"), ("A-1", "ALPHA")]),
            [("A-1", "ALPHA"), ("A-1", "ZED")]
        );
    }

    #[test]
    fn letters_compare_without_case_and_digits_by_value() {
        assert_eq!(natural("shelf-b", "Shelf-A"), Ordering::Greater);
        assert_ne!(
            natural("R007", "R7"),
            Ordering::Equal,
            "ties fall back to the raw text"
        );
        assert_eq!(natural("R9", "R10"), Ordering::Less);
        assert_eq!(
            natural("R99999999999999999999999", "R100000000000000000000000"),
            Ordering::Less
        );
    }
}
