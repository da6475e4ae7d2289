//! The store's side of slips and the dispatch desk: which orders a batch takes,
//! the print log with copy numbers, scanning codes, and packing.

use courtesy_core::{Language, OrderStatus, PageSize};
use courtesy_store::{ScanResult, SlipDestination, SlipFilter, SlipSort, StoreError};
use courtesy_tests::{small_shop_db, tester};

fn numbers(orders: &[courtesy_store::SlipOrder]) -> Vec<&str> {
    orders.iter().map(|o| o.number.as_str()).collect()
}

fn order_id(store: &courtesy_store::Store, number: &str) -> i64 {
    match store.scan(number).unwrap() {
        ScanResult::Order { order } => order.id,
        other => panic!("{number} should be an order, got {other:?}"),
    }
}

#[test]
fn a_batch_takes_paid_orders_by_default_and_the_statuses_asked_for() {
    let (_dir, store) = small_shop_db();
    let paid = store.slip_orders(&SlipFilter::default()).unwrap();
    assert_eq!(numbers(&paid), ["#1002"]);
    let o = &paid[0];
    assert_eq!(o.status, OrderStatus::Paid);
    assert_eq!(o.language, Language::Pl, "Łukasz's language");
    assert_eq!(o.customer_name, "Łukasz Wójcik");
    assert_eq!(
        o.ship_to,
        ["Kraków"],
        "a domestic address has no country line"
    );
    assert_eq!(o.lines.len(), 1);
    assert_eq!(o.lines[0].bin_location.as_deref(), Some("B-04-1"));
    assert_eq!(o.prints, 0);

    let all = store
        .slip_orders(&SlipFilter {
            statuses: vec![
                OrderStatus::Paid,
                OrderStatus::Delivered,
                OrderStatus::Cancelled,
            ],
            sort: SlipSort::Number,
            ..SlipFilter::default()
        })
        .unwrap();
    assert_eq!(numbers(&all), ["#1001", "#1002", "#1003"]);
}

#[test]
fn sorting_by_bin_puts_the_order_whose_first_bin_comes_first_at_the_top() {
    let (_dir, store) = small_shop_db();
    let by_bin = store
        .slip_orders(&SlipFilter {
            statuses: vec![
                OrderStatus::Paid,
                OrderStatus::Delivered,
                OrderStatus::Cancelled,
            ],
            sort: SlipSort::Bin,
            ..SlipFilter::default()
        })
        .unwrap();
    // #1001 starts at A-01-2; #1002 and #1003 at B-04-1 (then by number).
    assert_eq!(numbers(&by_bin), ["#1001", "#1002", "#1003"]);
}

#[test]
fn date_range_shipping_method_and_hand_selection_narrow_the_batch() {
    let (_dir, store) = small_shop_db();
    let any = vec![
        OrderStatus::Paid,
        OrderStatus::Delivered,
        OrderStatus::Cancelled,
    ];
    let june = store
        .slip_orders(&SlipFilter {
            statuses: any.clone(),
            placed_from: chrono::NaiveDate::from_ymd_opt(2025, 6, 1),
            placed_to: chrono::NaiveDate::from_ymd_opt(2025, 6, 1),
            ..SlipFilter::default()
        })
        .unwrap();
    assert_eq!(numbers(&june), ["#1002"], "placed_to takes the whole day");
    let by_method = store
        .slip_orders(&SlipFilter {
            statuses: any.clone(),
            shipping_method: Some("inpost paczkomat".into()),
            ..SlipFilter::default()
        })
        .unwrap();
    assert_eq!(
        by_method.len(),
        3,
        "the method matches without regard to case"
    );
    let none = store
        .slip_orders(&SlipFilter {
            statuses: any.clone(),
            shipping_method: Some("DHL".into()),
            ..SlipFilter::default()
        })
        .unwrap();
    assert!(none.is_empty());
    let picked = store
        .slip_orders(&SlipFilter {
            statuses: any,
            order_ids: Some(vec![order_id(&store, "#1003")]),
            ..SlipFilter::default()
        })
        .unwrap();
    assert_eq!(numbers(&picked), ["#1003"]);
}

#[test]
fn printing_logs_each_slip_and_reprints_count_up_as_copies() {
    let (_dir, store) = small_shop_db();
    let id = order_id(&store, "#1002");
    let to = SlipDestination::Printer {
        printer: "Desk".into(),
        job: "Desk-7".into(),
    };
    assert_eq!(
        store
            .record_slip_prints(&[id], &to, PageSize::A6, &tester())
            .unwrap(),
        [0]
    );
    let unprinted = SlipFilter {
        unprinted: true,
        ..SlipFilter::default()
    };
    assert!(
        store.slip_orders(&unprinted).unwrap().is_empty(),
        "#1002 is printed now"
    );
    assert_eq!(
        store.slip_orders(&SlipFilter::default()).unwrap()[0].prints,
        1
    );
    assert_eq!(
        store
            .record_slip_prints(&[id], &SlipDestination::File, PageSize::A4, &tester())
            .unwrap(),
        [1]
    );
    let log = store.slip_prints(id).unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(
        (log[0].destination.as_str(), log[0].printer.as_str()),
        ("printer", "Desk")
    );
    assert_eq!((log[0].page_size.as_str(), log[0].copy_number), ("a6", 0));
    assert_eq!(
        (log[1].destination.as_str(), log[1].copy_number),
        ("file", 1)
    );
    assert_eq!(log[1].actor, "tester");

    assert!(
        "a5".parse::<PageSize>().is_err(),
        "a size that is none is refused before anything is logged"
    );
    let err = store
        .record_slip_prints(&[id, 999], &SlipDestination::File, PageSize::A4, &tester())
        .unwrap_err();
    assert!(
        matches!(err, StoreError::NotFound { id: 999, .. }),
        "{err:?}"
    );
    assert_eq!(
        store.slip_prints(id).unwrap().len(),
        2,
        "a failed batch logs nothing"
    );
}

#[test]
fn a_scanned_code_is_an_order_number_with_or_without_hash_or_a_sku() {
    let (_dir, store) = small_shop_db();
    for code in ["#1002", "1002", "  1002\n"] {
        match store.scan(code).unwrap() {
            ScanResult::Order { order } => assert_eq!(order.number, "#1002", "{code:?}"),
            other => panic!("{code:?}: {other:?}"),
        }
    }
    match store.scan("mug-stone").unwrap() {
        ScanResult::Product { product } => {
            assert_eq!(
                (product.sku.as_str(), product.bin_location.as_str()),
                ("MUG-STONE", "C-02-3")
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        store.scan("4242").unwrap(),
        ScanResult::Unknown {
            code: "4242".into()
        }
    );
}

#[test]
fn packing_marks_the_order_once_and_refuses_cancelled_orders() {
    let (_dir, store) = small_shop_db();
    let id = order_id(&store, "1002");
    let packed = store.mark_packed(id, &tester()).unwrap();
    assert!(packed.packed_at.is_some());
    assert_eq!(packed.packed_by, "tester");
    let again = store.mark_packed(id, &tester()).unwrap_err();
    assert_eq!(again.code(), "dispatch.already_packed", "{again}");
    assert!(again.to_string().contains("tester"), "{again}");

    let cancelled = order_id(&store, "1003");
    let err = store.mark_packed(cancelled, &tester()).unwrap_err();
    assert_eq!(err.code(), "dispatch.not_to_be_packed");
    assert!(store.slip_order(cancelled).unwrap().packed_at.is_none());
    let unpacked = SlipFilter {
        unpacked: true,
        ..SlipFilter::default()
    };
    assert!(
        store.slip_orders(&unpacked).unwrap().is_empty(),
        "#1002 is packed"
    );
}

#[test]
fn slip_settings_and_the_logo_are_kept_and_checked() {
    let (_dir, store) = small_shop_db();
    let mut s = store.settings().unwrap();
    assert_eq!(
        (s.slip_size, s.slip_prices, s.desk_printer.clone()),
        (PageSize::A4, true, None)
    );
    s.slip_size = PageSize::Label4x6;
    s.slip_prices = false;
    s.desk_printer = Some(" Zebra ".into());
    s.shop_address = "ul. Prosta 1\n\n  00-001 Warszawa ".into();
    let saved = store.save_settings(&s, &tester()).unwrap();
    assert_eq!(saved.slip_size, PageSize::Label4x6);
    assert!(!saved.slip_prices);
    assert_eq!(saved.desk_printer.as_deref(), Some("Zebra"));
    assert_eq!(saved.shop_address, "ul. Prosta 1\n00-001 Warszawa");
    let mut json = serde_json::to_value(&s).unwrap();
    json["slipSize"] = "a5".into();
    assert!(
        serde_json::from_value::<courtesy_store::Settings>(json).is_err(),
        "settings with a size that is none are refused where they come in"
    );

    assert_eq!(store.shop_logo().unwrap(), None);
    let err = store.set_shop_logo(b"GIF89a....", &tester()).unwrap_err();
    assert!(err.to_string().contains("PNG or JPEG"), "{err}");
    let png = b"\x89PNG\r\n\x1a\n rest of the image".to_vec();
    store.set_shop_logo(&png, &tester()).unwrap();
    assert_eq!(store.shop_logo().unwrap(), Some(png));
    store.clear_shop_logo(&tester()).unwrap();
    assert_eq!(store.shop_logo().unwrap(), None);
}
