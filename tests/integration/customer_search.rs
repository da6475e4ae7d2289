//! As-you-type search finds customers however staff type them.

use courtesy_tests::small_shop_db;

fn names(store: &courtesy_store::Store, q: &str) -> Vec<String> {
    store
        .search_customers(q, 20)
        .unwrap()
        .into_iter()
        .map(|c| c.display_name)
        .collect()
}

#[test]
fn polish_names_are_found_with_or_without_diacritics() {
    let (_dir, store) = small_shop_db();
    for q in [
        "Łukasz Wójcik",
        "lukasz wojcik",
        "WÓJ",
        "Żan",
        "zaneta grzeg",
    ] {
        let found = names(&store, q);
        assert_eq!(found.len(), 1, "{q:?} found {found:?}");
    }
    assert_eq!(names(&store, "Łukasz Wójcik"), ["Łukasz Wójcik"]);
}

#[test]
fn cyrillic_names_are_found_in_cyrillic_and_in_latin_letters() {
    let (_dir, store) = small_shop_db();
    assert_eq!(names(&store, "Смирн"), ["Смирнова Ольга Петровна"]);
    assert_eq!(names(&store, "smirnova olga"), ["Смирнова Ольга Петровна"]);
    assert_eq!(names(&store, "Петровна"), ["Смирнова Ольга Петровна"]);
}

#[test]
fn phones_are_found_in_another_format_than_stored() {
    let (_dir, store) = small_shop_db();
    // stored "601 234 567"
    for q in [
        "+48601234567",
        "0048 601-234-567",
        "601-234",
        "48 601 234 567",
    ] {
        assert_eq!(names(&store, q), ["Łukasz Wójcik"], "query {q:?}");
    }
    // stored "8 (912) 345-67-89" (Russian trunk prefix 8)
    for q in ["+7 912 345 67 89", "9123456789", "912 345"] {
        assert_eq!(names(&store, q), ["Смирнова Ольга Петровна"], "query {q:?}");
    }
    // stored "040 123 4567" in Finland
    assert_eq!(names(&store, "+358 40 1234567"), ["Väinö Äijälä"]);
    assert_eq!(names(&store, "040 123"), ["Väinö Äijälä"]);
}

#[test]
fn order_numbers_and_emails_find_their_customer() {
    let (_dir, store) = small_shop_db();
    assert_eq!(names(&store, "#1002"), ["Łukasz Wójcik"]);
    assert_eq!(names(&store, "#1003"), ["Смирнова Ольга Петровна"]);
    assert_eq!(names(&store, "zaneta.g@onet"), ["Żaneta Grzegorzewska"]);
    assert_eq!(names(&store, "yandex"), ["Смирнова Ольга Петровна"]);
}

#[test]
fn nothing_matches_an_unknown_name_and_blank_queries_return_nothing() {
    let (_dir, store) = small_shop_db();
    assert!(names(&store, "Kowalczyk").is_empty());
    assert!(names(&store, "   ").is_empty());
    assert!(
        names(&store, "\"*)(").is_empty(),
        "FTS syntax in the query must not break the search"
    );
}
