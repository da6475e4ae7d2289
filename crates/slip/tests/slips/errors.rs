//! Refusals with stable codes, and logos: drawn when they decode, skipped otherwise.

use courtesy_slip::{check_logo, render, PageSize};

use crate::fixtures::{logo_png, order};
use crate::rendered;

#[test]
fn an_empty_batch_is_refused() {
    let error = render(&[], PageSize::A4).err();
    assert_eq!(
        error.as_ref().map(|e| e.code().as_str()),
        Some("slip.no_slips"),
        "expected slip.no_slips, got {error:?}"
    );
}

#[test]
fn order_numbers_a_scanner_cannot_read_are_refused() {
    let cases = [
        ("", "slip.empty_order_number"),
        ("№1001", "slip.order_number_not_encodable"),
        ("Zamówienie-1", "slip.order_number_not_encodable"),
        (&"X".repeat(60), "slip.order_number_too_long"),
    ];
    for (number, code) in cases {
        let mut slip = order();
        slip.order_number = number.to_string();
        let error = render(&[order(), slip], PageSize::A6).err();
        assert_eq!(
            error.as_ref().map(|e| e.code().as_str()),
            Some(code),
            "expected {code} for {number:?}, got {error:?}"
        );
    }
}

#[test]
fn a_logo_is_embedded_once_for_a_whole_batch() {
    let mut slip = order();
    slip.shop.logo = Some(logo_png());
    let batch = vec![slip.clone(), slip.clone(), slip];
    for size in [PageSize::A4, PageSize::Letter, PageSize::A6] {
        assert_eq!(
            rendered(&batch, size).images(),
            1,
            "expected one logo image in a {size} batch of three"
        );
    }
    assert_eq!(
        rendered(&batch, PageSize::Label4x6).images(),
        0,
        "expected no logo on black-only thermal labels"
    );
}

#[test]
fn a_logo_that_does_not_decode_is_left_out_and_the_slip_prints() {
    let mut slip = order();
    slip.shop.logo = Some(b"\x89PNG\r\n\x1a\nnot really".to_vec());
    assert_eq!(
        check_logo(slip.shop.logo.as_deref().unwrap_or_default()).map_err(|e| e.code().as_str()),
        Err("slip.bad_logo")
    );
    let pdf = rendered(&[slip], PageSize::A4);
    assert_eq!(pdf.images(), 0, "expected no image for an undecodable logo");
    assert!(
        pdf.text().contains("Northwind Knits"),
        "expected the slip to print without its logo"
    );
    assert_eq!(
        check_logo(&logo_png()),
        Ok(()),
        "expected a real PNG to pass the check"
    );
}
