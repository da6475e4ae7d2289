//! Pages: long orders continue with the order number on every page, a batch is one
//! PDF, and nothing is printed off the paper.

use courtesy_core::Language;
use courtesy_slip::{InsertItem, InsertKind, PageSize};

use crate::fixtures::{long_order, order, order_in};
use crate::rendered;

#[test]
fn a_long_order_continues_on_pages_that_repeat_the_order_number() {
    let slip = long_order(40);
    for size in PageSize::ALL {
        let pdf = rendered(std::slice::from_ref(&slip), size);
        let pages = pdf.pages();
        assert!(
            pages >= 2,
            "expected 40 lines to need more than one {size} page, got {pages}"
        );
        for page in 1..=pages {
            let text = pdf.page_text(page);
            assert!(
                text.contains("#2002"),
                "expected the order number on page {page} of {pages} ({size}):\n{text}"
            );
            assert!(
                text.contains(&format!("Page {page}/{pages}")),
                "expected 'Page {page}/{pages}' on {size}:\n{text}"
            );
            if page > 1 {
                assert!(
                    text.contains("(continued)"),
                    "expected '(continued)' on page {page} ({size}):\n{text}"
                );
                assert!(
                    text.contains("QTY ITEM"),
                    "expected the table header again on page {page} ({size}):\n{text}"
                );
            }
            if page < pages {
                assert!(
                    text.contains("Continued →"),
                    "expected 'Continued →' at the foot of page {page} ({size}):\n{text}"
                );
            } else {
                assert!(
                    text.contains("Packed by:"),
                    "expected the initials line on the last page ({size}):\n{text}"
                );
            }
        }
        let all = pdf.text();
        for line in &slip.lines {
            assert_eq!(
                all.matches(&line.name).count(),
                1,
                "expected {:?} exactly once on {size}",
                line.name
            );
        }
    }
}

#[test]
fn a_batch_is_one_pdf_with_each_slip_on_its_own_page() {
    let mut slips = vec![order(), order_in(Language::Ru), order_in(Language::Fi)];
    for (i, slip) in slips.iter_mut().enumerate() {
        slip.order_number = format!("#30{i:02}");
    }
    let pdf = rendered(&slips, PageSize::A4);
    assert_eq!(pdf.pages(), 3, "expected one page per slip");
    for (i, slip) in slips.iter().enumerate() {
        let text = pdf.page_text(i + 1);
        assert!(
            text.contains(&slip.order_number),
            "expected {} on page {}:\n{text}",
            slip.order_number,
            i + 1
        );
        assert_eq!(
            pdf.barcodes(i + 1),
            std::slice::from_ref(&slip.order_number),
            "expected page {} to scan as its own order",
            i + 1
        );
    }
}

#[test]
fn long_texts_wrap_and_nothing_is_printed_off_the_paper() {
    let mut slip = order_in(Language::Ru);
    slip.lines[0].name = "Очень длинное название товара, которое никак не помещается в одну строку таблицы и переносится".into();
    slip.lines[0].variant = "Размер XXL / цвет «мокрый асфальт» / без подарочной упаковки".into();
    slip.lines[1].sku = "SKU-WITH-A-VERY-LONG-CODE-THAT-NEEDS-BREAKING-0001".into();
    slip.lines[2].bin = "Стеллаж-12-полка-4-ячейка-18".into();
    slip.customer_note = "Пожалуйста, ".repeat(40);
    slip.ship_to
        .push("Дом с зелёной крышей за поворотом направо после заправки, вход со двора".into());
    slip.shipping_method = "Курьерская доставка до двери с примеркой и частичным выкупом".into();
    slip.inserts.push(InsertItem {
        kind: InsertKind::Card,
        title: "Открытка ".repeat(8),
        text: "Спасибо за покупку! ".repeat(30),
    });
    slip.copy_number = 12;
    for size in PageSize::ALL {
        let pdf = rendered(std::slice::from_ref(&slip), size);
        let (width, height) = pdf.page_size();
        let words = pdf.words();
        assert!(
            words.len() > 100,
            "expected the words of the slip on {size}, got {}",
            words.len()
        );
        for word in &words {
            let inside = word.x_min >= 5.0
                && word.y_min >= 5.0
                && word.x_max <= width as f32 - 5.0
                && word.y_max <= height as f32 - 5.0;
            assert!(
                inside,
                "expected {:?} on page {} inside the {width}×{height} pt {size} page with a 5 pt edge, its box is {word:?}",
                word.text,
                word.page
            );
        }
        let text = pdf.text();
        assert!(
            text.contains("переносится"),
            "expected the long name to wrap, not be cut, on {size}:\n{text}"
        );
    }
}
