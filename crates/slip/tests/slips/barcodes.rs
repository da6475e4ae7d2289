//! The barcode: a scanner reads back exactly the order number, on every paper.

use courtesy_slip::PageSize;

use crate::fixtures::{long_order, order};
use crate::rendered;

#[test]
fn the_barcode_scans_as_the_order_number_on_every_page_size() {
    for number in ["#1001", "1001", "SO-2026/00042"] {
        for size in PageSize::ALL {
            let mut slip = order();
            slip.order_number = number.into();
            let pdf = rendered(&[slip], size);
            assert_eq!(
                pdf.barcodes(1),
                [number],
                "expected zbarimg to read exactly one CODE-128 {number:?} on {size}"
            );
            let text = pdf.text();
            assert!(
                text.contains(number),
                "expected the number {number:?} printed under the barcode on {size}:\n{text}"
            );
        }
    }
}

#[test]
fn a_long_order_number_scans_and_is_printed_whole() {
    let number = "WEB-2026-11-26-000123";
    for size in PageSize::ALL {
        let mut slip = order();
        slip.order_number = number.into();
        let pdf = rendered(&[slip], size);
        assert_eq!(
            pdf.barcodes(1),
            [number],
            "expected {number:?} to scan on {size}"
        );
        let text = pdf.text();
        assert!(
            text.matches(number).count() >= 2,
            "expected {number:?} in full above and under the barcode on {size}:\n{text}"
        );
    }
}

#[test]
fn every_page_of_a_long_order_carries_a_scannable_barcode() {
    let slip = long_order(30);
    for size in [PageSize::A4, PageSize::A6, PageSize::Label4x6] {
        let pdf = rendered(std::slice::from_ref(&slip), size);
        let pages = pdf.pages();
        assert!(
            pages >= 2,
            "expected 30 lines to need more than one {size} page"
        );
        for page in 1..=pages {
            assert_eq!(
                pdf.barcodes(page),
                ["#2002"],
                "expected the barcode on page {page} of {pages} on {size}"
            );
        }
    }
}
