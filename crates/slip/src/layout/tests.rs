//! Rules every layout keeps, checked on the marks before they become PDF: type a
//! packer can read at arm's length, black only on thermal labels, quantities above
//! one on black, everything inside the paper.

use crate::page_size::PageGeometry;
use chrono::NaiveDate;
use courtesy_core::Language;

use crate::canvas::{Ink, Mark};
use crate::data::{InsertItem, InsertKind, ShopHeader, SlipData, SlipLine};
use crate::layout::{compose, Slip};
use crate::page_size::PageSize;

fn slip_data() -> SlipData {
    SlipData {
        language: Language::Pl,
        shop: ShopHeader {
            name: "Pracownia Lniana".into(),
            address_lines: vec!["ul. Floriańska 3".into(), "31-019 Kraków".into()],
            logo: None,
        },
        order_number: "#1001".into(),
        placed_at: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default(),
        ship_to: vec![
            "Anna Nowak".into(),
            "ul. Długa 5".into(),
            "00-238 Warszawa".into(),
        ],
        shipping_method: "InPost".into(),
        customer_note: "Proszę o staranne zapakowanie.".into(),
        lines: vec![
            SlipLine {
                sku: "A-1".into(),
                name: "Ręcznik".into(),
                variant: "szary".into(),
                quantity: 3,
                bin: "B-2".into(),
                unit_price: Some("10 zł".into()),
            },
            SlipLine {
                sku: "A-2".into(),
                name: "Serwetka".into(),
                variant: String::new(),
                quantity: 1,
                bin: "A-1".into(),
                unit_price: Some("5 zł".into()),
            },
        ],
        show_prices: true,
        total: Some("35 zł".into()),
        inserts: vec![InsertItem {
            kind: InsertKind::Gift,
            title: "Mydło".into(),
            text: "Gratis".into(),
        }],
        copy_number: 1,
    }
}

fn pages(size: PageSize) -> Vec<Vec<Mark>> {
    let data = slip_data();
    let slip = Slip::prepare(&data, None).expect("the slip prepares");
    compose(&slip, size).expect("the slip lays out")
}

fn texts(marks: &[Mark]) -> impl Iterator<Item = (&str, f32, Ink)> {
    marks.iter().filter_map(|m| match m {
        Mark::Text {
            text, size, ink, ..
        } => Some((text.as_str(), *size, *ink)),
        _ => None,
    })
}

#[test]
fn type_is_readable_at_arms_length() {
    for (size, minimum) in [
        (PageSize::A4, 10.0),
        (PageSize::Letter, 10.0),
        (PageSize::A6, 8.9),
        (PageSize::Label4x6, 8.9),
    ] {
        for page in pages(size) {
            for (text, points, _) in texts(&page) {
                assert!(
                    points >= minimum,
                    "expected {text:?} at {minimum} pt or more on {size}, it is {points}"
                );
            }
            let order = texts(&page)
                .filter(|(t, _, _)| *t == "#1001")
                .map(|(_, points, _)| points)
                .fold(0.0, f32::max);
            assert!(
                order >= 16.0,
                "expected the order number at 16 pt or more on {size}, the largest is {order}"
            );
        }
    }
}

#[test]
fn thermal_labels_use_black_and_white_only() {
    for page in pages(PageSize::Label4x6) {
        for mark in &page {
            let ink = match mark {
                Mark::Text { ink, .. }
                | Mark::Fill { ink, .. }
                | Mark::Frame { ink, .. }
                | Mark::Rule { ink, .. } => *ink,
                Mark::Logo { .. } => panic!("expected no logo on a thermal label"),
            };
            assert!(
                ink == Ink::BLACK || ink == Ink::WHITE,
                "expected black or white on 4x6, got {ink:?} in {mark:?}"
            );
        }
    }
}

#[test]
fn quantities_above_one_are_white_on_black() {
    for size in PageSize::ALL {
        let page = &pages(size)[0];
        let three = texts(page)
            .find(|(t, _, _)| *t == "3")
            .map(|(_, _, ink)| ink);
        assert_eq!(
            three,
            Some(Ink::WHITE),
            "expected the quantity 3 in white on {size}"
        );
        let one = texts(page)
            .find(|(t, _, _)| *t == "1")
            .map(|(_, _, ink)| ink);
        assert_eq!(
            one,
            Some(Ink::BLACK),
            "expected the quantity 1 in black on {size}"
        );
    }
}

#[test]
fn every_mark_stays_inside_the_paper() {
    for size in PageSize::ALL {
        let (width, height) = size.size_pt();
        for page in pages(size) {
            for mark in &page {
                let (x1, y1, x2, y2) = match *mark {
                    Mark::Text {
                        x,
                        baseline,
                        size: s,
                        ref text,
                        face,
                        ..
                    } => (
                        x,
                        baseline - s,
                        x + crate::fonts::width(face, s, text),
                        baseline + s * 0.25,
                    ),
                    Mark::Fill { x, y, w, h, .. }
                    | Mark::Frame { x, y, w, h, .. }
                    | Mark::Logo { x, y, w, h, .. } => (x, y, x + w, y + h),
                    Mark::Rule { x1, y1, x2, y2, .. } => {
                        (x1.min(x2), y1.min(y2), x1.max(x2), y1.max(y2))
                    }
                };
                let inside = x1 >= 8.0 && y1 >= 8.0 && x2 <= width - 8.0 && y2 <= height - 8.0;
                assert!(
                    inside,
                    "expected {mark:?} inside {size} ({width}×{height} pt) with 8 pt to spare"
                );
            }
        }
    }
}
