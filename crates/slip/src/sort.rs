//! The packer's walking order: lines sorted by bin location, then SKU.
//!
//! Bins and SKUs compare "naturally": runs of digits by their value, so bin `A-2`
//! comes before `A-10`, and letters without regard to case. Lines without a bin go
//! last, since the packer has to look for them.

use std::cmp::Ordering;

use crate::data::SlipLine;

/// Sorts lines by bin location, then SKU (empty bins last); equal keys keep their order.
pub fn sort_lines(lines: &mut [SlipLine]) {
    lines.sort_by(compare_lines);
}

/// The order [`sort_lines`] uses.
pub(crate) fn compare_lines(a: &SlipLine, b: &SlipLine) -> Ordering {
    let (bin_a, bin_b) = (a.bin.trim(), b.bin.trim());
    bin_a
        .is_empty()
        .cmp(&bin_b.is_empty())
        .then_with(|| natural(bin_a, bin_b))
        .then_with(|| natural(a.sku.trim(), b.sku.trim()))
}

/// Compares two strings with digit runs as numbers and letters case-insensitively.
fn natural(a: &str, b: &str) -> Ordering {
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

    fn line(bin: &str, sku: &str) -> SlipLine {
        SlipLine {
            sku: sku.into(),
            bin: bin.into(),
            name: format!("{bin}/{sku}"),
            quantity: 1,
            ..SlipLine::default()
        }
    }

    fn order(lines: &[SlipLine]) -> Vec<String> {
        lines.iter().map(|l| l.name.clone()).collect()
    }

    #[test]
    fn bins_first_then_skus_and_empty_bins_last() {
        let mut lines = vec![
            line("", "A1"),
            line("B-1", "Z9"),
            line("A-10", "X"),
            line("A-2", "Y"),
            line("B-1", "K3"),
            line(" ", "A0"),
        ];
        sort_lines(&mut lines);
        assert_eq!(
            order(&lines),
            ["A-2/Y", "A-10/X", "B-1/K3", "B-1/Z9", " /A0", "/A1"],
            "expected bins in natural order, SKUs within a bin, empty bins last"
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
