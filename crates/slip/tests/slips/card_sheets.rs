//! The card-text sheet read back with poppler: every card's customer, order,
//! language and text, Polish and Russian letters intact, in the embedded font.

use courtesy_slip::{render_card_sheet, CardSheetEntry};

use crate::poppler::Pdf;

fn entry(
    customer: &str,
    number: &str,
    language: &str,
    occasion: &str,
    text: &str,
) -> CardSheetEntry {
    CardSheetEntry {
        customer: customer.into(),
        order_number: number.into(),
        language: language.into(),
        occasion: occasion.into(),
        text: text.into(),
    }
}

#[test]
fn a_card_sheet_keeps_polish_and_russian_texts_intact() {
    let entries = [
        entry(
            "Żaneta Grzegorzewska",
            "#1002",
            "pl",
            "Urodziny",
            "Droga Żaneto, wszystkiego najlepszego z okazji urodzin! Zażółć gęślą jaźń.",
        ),
        entry(
            "Ольга Смирнова",
            "#1003",
            "ru",
            "Именины",
            "Ольга, с днём ангела! Съешь же ещё этих мягких французских булок.",
        ),
    ];
    let bytes = render_card_sheet("Cards to write", &entries)
        .unwrap_or_else(|e| panic!("expected the sheet to render, got {e}"));
    let pdf = Pdf::write(&bytes);
    assert_eq!(pdf.page_size(), (595, 842), "an A4 sheet");
    let text = pdf.text();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "Cards to write",
        "Żaneta Grzegorzewska",
        "#1002",
        "Urodziny",
        "Zażółć gęślą jaźń.",
        "Ольга Смирнова",
        "#1003",
        "Именины",
        "Съешь же ещё этих мягких французских булок.",
    ] {
        assert!(flat.contains(needle), "{needle:?} missing from:\n{text}");
    }
    assert!(
        !text.contains('\u{fffd}'),
        "no character was replaced:\n{text}"
    );
    let fonts = pdf.fonts().join("\n");
    assert!(
        fonts.contains("DejaVu"),
        "the embedded DejaVu Sans:\n{fonts}"
    );
}
