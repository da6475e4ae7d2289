//! The planned gifts and the card in the slip's Insert block, and the card-text
//! sheet, made from a real database file and read back with poppler's `pdftotext`.

use chrono::{TimeZone, Utc};
use courtesy_core::gifts::{CardOccasion, GiftPolicy, GiftRule, GiftRuleKind};
use courtesy_core::Language;
use courtesy_dispatch::{cards_to_write_sheet, render_slips, PageSize};
use courtesy_store::{GiftInput, SlipFilter, Store};
use courtesy_tests::{pdf_layout_text, small_shop_db, tester};

/// The small shop with a tea sampler for every paid order over 50 zł, with a
/// thank-you card; the paid order (#1002, Łukasz, Polish) planned.
fn planned_shop() -> (tempfile::TempDir, Store) {
    let (dir, store) = small_shop_db();
    let tea = store
        .add_gift(
            &GiftInput {
                name: "Tea sampler".into(),
                sku: Some("GIFT-TEA".into()),
                unit_cost_minor: 1_500,
                currency: "PLN".into(),
                stock: 3,
                low_stock_at: 0,
                active: true,
            },
            &tester(),
        )
        .unwrap();
    let policy = GiftPolicy {
        rules: vec![GiftRule {
            id: 1,
            name: "Big orders".into(),
            enabled: true,
            kind: GiftRuleKind::OrderTotalAtLeast {
                thresholds_minor: [("PLN".to_string(), 5_000)].into(),
            },
            gifts: vec![tea.id],
            card: Some(CardOccasion::ThankYou),
            also_later_rules: false,
        }],
        ..GiftPolicy::default()
    };
    store.save_gift_policy(&policy, &tester()).unwrap();
    let id = store.slip_orders(&SlipFilter::default()).unwrap()[0].id;
    let now = Utc.with_ymd_and_hms(2025, 6, 2, 8, 0, 0).unwrap();
    let counts = store
        .plan_gifts_for_orders(Some(&[id]), now, &tester())
        .unwrap();
    assert_eq!(
        (counts.gifts, counts.cards),
        (1, 1),
        "the paid order is planned"
    );
    (dir, store)
}

#[test]
fn the_insert_block_lists_the_planned_gift_and_the_handwritten_card() {
    let (_dir, store) = planned_shop();
    let slips = render_slips(&store, &SlipFilter::default(), PageSize::A4).unwrap();
    let text = pdf_layout_text(&slips.pdf);
    for needle in [
        "WŁÓŻ DO PACZKI",
        "Tea sampler",
        "GIFT-TEA",
        "Podziękowanie (odręczna)",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
    assert!(
        !text.contains("dziękujemy za zamówienie"),
        "a handwritten card's text is not printed:\n{text}"
    );
}

#[test]
fn a_printed_card_shows_its_text_on_the_slip() {
    let (_dir, store) = planned_shop();
    let id = store.slip_orders(&SlipFilter::default()).unwrap()[0].id;
    let card = store
        .order_gift_plan(id)
        .unwrap()
        .and_then(|p| p.card)
        .expect("the plan has a card");
    store.set_card_printed(card.id, true, &tester()).unwrap();
    let slips = render_slips(&store, &SlipFilter::default(), PageSize::A6).unwrap();
    let text = pdf_layout_text(&slips.pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Łukasz, dziękujemy za zamówienie #1002!"),
        "the printed card's text on the slip:\n{text}"
    );
    assert!(
        !flat.contains("(odręczna)"),
        "not marked handwritten:\n{text}"
    );
}

#[test]
fn the_card_sheet_lists_the_cards_to_write_and_none_once_written() {
    let (_dir, store) = planned_shop();
    let pdf = cards_to_write_sheet(&store, Language::En)
        .unwrap()
        .expect("one card to write");
    let text = pdf_layout_text(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "Cards to write",
        "Łukasz Wójcik",
        "#1002",
        "Thank you · pl",
        "Łukasz, dziękujemy za zamówienie #1002!",
    ] {
        assert!(flat.contains(needle), "{needle:?} missing from:\n{text}");
    }
    let card = store.cards_to_write().unwrap()[0].id;
    store.mark_card_written(card, &tester()).unwrap();
    assert!(
        cards_to_write_sheet(&store, Language::En)
            .unwrap()
            .is_none(),
        "no sheet when every card is written"
    );
}
