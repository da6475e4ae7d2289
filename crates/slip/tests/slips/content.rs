//! What a slip says: every line, the ship-to block, the Insert block, the copy mark,
//! prices only when shown, the packing order, the slip's language.

use courtesy_core::Language;
use courtesy_slip::PageSize;

use crate::fixtures::{line, order, order_in};
use crate::rendered;

fn assert_has(text: &str, expected: &str, context: &str) {
    assert!(
        text.contains(expected),
        "expected {expected:?} on the {context} slip, the text was:\n{text}"
    );
}

#[test]
fn every_line_the_ship_to_block_and_the_insert_block_are_printed() {
    let slip = order();
    for size in PageSize::ALL {
        let text = rendered(std::slice::from_ref(&slip), size).text();
        let context = size.to_string();
        for l in &slip.lines {
            assert_has(&text, &l.name, &context);
            assert_has(&text, &l.sku, &context);
            assert_has(&text, &l.variant, &context);
            assert_has(&text, &l.bin, &context);
        }
        for address_line in &slip.ship_to {
            assert_has(&text, address_line, &context);
        }
        for item in &slip.inserts {
            assert_has(&text, &item.title, &context);
            assert_has(&text, &item.text, &context);
        }
        for expected in [
            "Insert into the parcel".to_uppercase().as_str(),
            "Gift: Lavender sachet",
            "Card: Thank you card",
            "Gift message",
        ] {
            assert_has(&text, expected, &context);
        }
        for expected in [
            &slip.shipping_method,
            &slip.customer_note,
            &slip.shop.name,
            "Packing slip".to_uppercase().as_str(),
            "#1001",
            "26 Nov 2026",
            "Packed by:",
        ] {
            let found =
                text.contains(expected) || text.to_uppercase().contains(&expected.to_uppercase());
            assert!(
                found,
                "expected {expected:?} on the {context} slip, the text was:\n{text}"
            );
        }
    }
}

#[test]
fn polish_russian_and_finnish_text_is_extracted_intact() {
    let cases = [
        (
            Language::Pl,
            "Lista pakowania",
            "26.11.2026",
            "Zażółć Gęślą-Jaźń",
            "Szalik z wełny świętojańskiej",
        ),
        (
            Language::Ru,
            "Упаковочный лист",
            "26.11.2026",
            "Фёдор Щукин",
            "Шарф из мериносовой шерсти",
        ),
        (
            Language::Fi,
            "Pakkauslista",
            "26.11.2026",
            "Äänekoski Öljynen",
            "Villahuivi, kääntöpuolinen",
        ),
    ];
    for (language, title, date, recipient, product) in cases {
        let slip = order_in(language);
        for size in [PageSize::A4, PageSize::Label4x6] {
            let text = rendered(std::slice::from_ref(&slip), size).text();
            let context = format!("{language:?} {size}");
            let upper = text.to_uppercase();
            assert!(
                upper.contains(&title.to_uppercase()),
                "expected the title {title:?} on the {context} slip:\n{text}"
            );
            for expected in [
                date,
                recipient,
                product,
                &slip.customer_note,
                &slip.inserts[1].text,
                &slip.ship_to[1],
            ] {
                assert_has(&text, expected, &context);
            }
        }
    }
}

#[test]
fn the_copy_mark_appears_only_on_reprints() {
    for size in PageSize::ALL {
        let mut slip = order();
        let first = rendered(std::slice::from_ref(&slip), size).text();
        assert!(
            !first.contains("COPY"),
            "expected no COPY mark on a first print on {size}:\n{first}"
        );
        slip.copy_number = 2;
        let reprint = rendered(std::slice::from_ref(&slip), size).text();
        assert_has(&reprint, "COPY 2", &format!("{size} reprint"));
    }
    let mut polish = order_in(Language::Pl);
    polish.copy_number = 1;
    assert_has(
        &rendered(&[polish], PageSize::A6).text(),
        "KOPIA 1",
        "Polish reprint",
    );
}

#[test]
fn prices_are_printed_only_when_shown() {
    for size in PageSize::ALL {
        let mut slip = order();
        let shown = rendered(std::slice::from_ref(&slip), size).text();
        for price in ["£45.00", "£22.00", "£18.50", "£148.00", "PRICE", "Total:"] {
            assert_has(&shown, price, &format!("{size} priced"));
        }
        slip.show_prices = false;
        let hidden = rendered(std::slice::from_ref(&slip), size).text();
        for price in ["£", "45.00", "148.00", "PRICE", "Total"] {
            assert!(
                !hidden.contains(price),
                "expected no {price:?} on a {size} slip without prices:\n{hidden}"
            );
        }
    }
}

#[test]
fn lines_are_printed_by_bin_then_sku_with_binless_lines_last() {
    let mut slip = order();
    slip.lines = vec![
        line("Z-1", "Line without bin", "", 1, "", "£1"),
        line("K-2", "Shelf C first", "", 1, "C-01", "£1"),
        line("B-9", "Shelf A ten", "", 1, "A-10", "£1"),
        line("B-2", "Shelf A two, SKU B-2", "", 1, "A-2", "£1"),
        line("A-5", "Shelf A two, SKU A-5", "", 1, "A-2", "£1"),
    ];
    let expected = [
        "Shelf A two, SKU A-5",
        "Shelf A two, SKU B-2",
        "Shelf A ten",
        "Shelf C first",
        "Line without bin",
    ];
    for size in PageSize::ALL {
        let text = rendered(std::slice::from_ref(&slip), size).text();
        let positions: Vec<usize> = expected
            .iter()
            .map(|name| {
                text.find(name)
                    .unwrap_or_else(|| panic!("expected {name:?} on the {size} slip:\n{text}"))
            })
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "expected the lines in the order {expected:?} on {size}, found them at {positions:?}:\n{text}"
        );
    }
}

#[test]
fn each_row_reads_name_variant_quantity_sku_bin_price() {
    let text = rendered(&[order()], PageSize::A4).text();
    for row in [
        "Bobble hat Red, adult 3 HAT-BOB-RED A-7 £22.00",
        "Lambswool mittens Size M 2 MIT-LAM-NAT A-7 £18.50",
        "Merino scarf Grey 1 SCF-MER-GRY B-2 £45.00",
    ] {
        assert_has(&text, row, "A4");
    }
}
