//! Slips made from a real database file and read back with poppler's
//! `pdftotext`: the order's content in the customer's language, prices hidden
//! on gift orders, saving logs the slip, and the second slip says COPY.

use courtesy_core::OrderStatus;
use courtesy_dispatch::{render_slips, save_slips, DispatchError, PageSize};
use courtesy_store::{SlipFilter, SlipSort};
use courtesy_tests::{pdf_layout_text, small_shop_db, tester};

fn all_statuses() -> SlipFilter {
    SlipFilter {
        statuses: vec![
            OrderStatus::Paid,
            OrderStatus::Delivered,
            OrderStatus::Cancelled,
        ],
        sort: SlipSort::Number,
        ..SlipFilter::default()
    }
}

#[test]
fn a_batch_holds_every_order_with_its_lines_in_the_customers_language() {
    let (_dir, store) = small_shop_db();
    let slips = render_slips(&store, &all_statuses(), PageSize::A4).unwrap();
    assert_eq!(slips.order_ids.len(), 3);
    let text = pdf_layout_text(&slips.pdf);
    for needle in [
        "#1001",
        "#1002",
        "#1003",
        "Earl Grey 100 g",
        "TEA-EARL-100",
        "Stoneware mug",
        "Fig candle",
        "Kraków",
        "InPost Paczkomat",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
    // Łukasz's slips are Polish; Ольга's (#1003) Russian.
    assert!(text.contains("zł"), "Polish prices in złoty:\n{text}");
    assert!(
        text.chars().any(|c| ('а'..='я').contains(&c)),
        "Russian labels on #1003:\n{text}"
    );
}

#[test]
fn saving_logs_the_slips_and_the_next_one_is_a_copy() {
    let (dir, store) = small_shop_db();
    let paid = SlipFilter::default();
    let path = dir.path().join("paid.pdf");
    let done = save_slips(&store, &paid, PageSize::A6, &path, &tester()).unwrap();
    assert_eq!((done.slips, done.copies), (1, 0));
    let first = pdf_layout_text(&std::fs::read(&path).unwrap());
    assert!(first.contains("#1002"));
    let again = save_slips(&store, &paid, PageSize::A6, &path, &tester()).unwrap();
    assert_eq!((again.slips, again.copies), (1, 1));
    let second = pdf_layout_text(&std::fs::read(&path).unwrap());
    let marks = |t: &str| t.matches("KOPIA").count() + t.matches("COPY").count();
    assert_eq!(marks(&first), 0, "the first slip is no copy:\n{first}");
    assert!(marks(&second) >= 1, "the reprint says COPY:\n{second}");
    let unprinted = SlipFilter {
        unprinted: true,
        ..SlipFilter::default()
    };
    assert!(matches!(
        render_slips(&store, &unprinted, PageSize::A6),
        Err(DispatchError::NoOrders)
    ));
}
