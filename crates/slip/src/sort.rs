//! The packer's walking order on the slip: lines sorted by bin location, then
//! SKU (see [`courtesy_core::walking_order`]).

use std::cmp::Ordering;

use crate::data::SlipLine;

/// Sorts lines by bin location, then SKU (empty bins last); equal keys keep their order.
pub fn sort_lines(lines: &mut [SlipLine]) {
    lines.sort_by(compare_lines);
}

/// The order [`sort_lines`] uses.
pub(crate) fn compare_lines(a: &SlipLine, b: &SlipLine) -> Ordering {
    courtesy_core::walking_order((&a.bin, &a.sku), (&b.bin, &b.sku))
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
}
