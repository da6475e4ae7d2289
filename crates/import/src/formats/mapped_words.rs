//! Reading the free-text cells of a CSV from any shop system: order statuses
//! (also WooCommerce's translated status labels) and yes/no answers written in
//! English, Polish, Russian, Finnish or German,
//! and quantities as spreadsheets write them (`2`, `2,0`, `2.00`).

use courtesy_core::OrderStatus;

/// Word beginnings of each status, the strongest first: money returned wins
/// over a cancellation, which wins over delivery, shipping and payment.
const STATUS_STEMS: [(OrderStatus, &[&str]); 5] = [
    (
        OrderStatus::Refunded,
        &[
            "refund",
            "zwróc",
            "zwroc",
            "zwrot",
            "возврат",
            "возвращ",
            "hyvitet",
            "erstatt",
            "rückerstatt",
            "ruckerstatt",
        ],
    ),
    (
        OrderStatus::Cancelled,
        &[
            "cancel",
            "anulow",
            "отмен",
            "peruttu",
            "peruutet",
            "storn",
            "void",
        ],
    ),
    (
        OrderStatus::Delivered,
        &[
            "delivered",
            "dostarcz",
            "доставлен",
            "zugestellt",
            "geliefert",
            "perillä",
        ],
    ),
    (
        OrderStatus::Fulfilled,
        &[
            "shipped",
            "sent",
            "completed",
            "fulfilled",
            "wysłan",
            "wyslan",
            "отправлен",
            "toimitettu",
            "lähetetty",
            "versandt",
            "versendet",
            "verschickt",
            "zrealizowan",
            "выполнен",
            "valmis",
            "abgeschlossen",
        ],
    ),
    (
        OrderStatus::Paid,
        &[
            "paid",
            "opłacon",
            "oplacon",
            "оплачен",
            "maksettu",
            "bezahlt",
            "processing",
            "realizacji",
            "обработк",
            "käsittely",
            "bearbeitung",
        ],
    ),
];

/// Words that turn a status around (`not paid`, `nie wysłane`, `не оплачен`).
const NEGATIONS: [&str; 7] = ["not", "no", "nie", "nicht", "не", "ei", "un"];

/// Word beginnings that make a refund partial (`partially refunded`,
/// `częściowo zwrócone`, `частично возвращён`, `osittain hyvitetty`,
/// `teilweise erstattet`): the order stays a purchase.
const PARTIAL: [&str; 5] = ["partial", "częściow", "czesciow", "частичн", "osittai"];

/// Maps a status written by people or any shop system: the strongest status
/// one of its words begins with (`Paid, shipped` is fulfilled); a negation or
/// anything unknown is open.
pub(crate) fn status(text: &str) -> OrderStatus {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| NEGATIONS.contains(w)) {
        return OrderStatus::Open;
    }
    let partial = words
        .iter()
        .any(|word| PARTIAL.iter().any(|stem| word.starts_with(stem)))
        || words.contains(&"teilweise");
    let found = STATUS_STEMS
        .iter()
        .filter(|(status, _)| !(partial && *status == OrderStatus::Refunded))
        .find(|(_, stems)| {
            words
                .iter()
                .any(|word| stems.iter().any(|stem| word.starts_with(stem)))
        })
        .map(|(status, _)| *status);
    match found {
        Some(status) => status,
        // A partial refund of an order that says nothing else was paid for.
        None if partial => OrderStatus::Paid,
        None => OrderStatus::Open,
    }
}

/// Reads yes or no in the app's languages (and German); anything else,
/// including an empty cell, is "the file does not say".
pub(crate) fn consent(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "tak" | "да" | "kyllä" | "kylla" | "ja" | "x" => Some(true),
        "no" | "n" | "false" | "0" | "nie" | "нет" | "ei" | "nein" => Some(false),
        // TRUE and FALSE as a spreadsheet writes them in its language.
        _ => courtesy_core::spreadsheet_boolean(text),
    }
}

/// A whole number as spreadsheets write it: `2`, `2,0`, `2.00`; `None` for
/// anything else (`2,5`, `two`).
pub(crate) fn whole_number(text: &str) -> Option<i64> {
    let t = text.trim();
    let whole = match t.split_once([',', '.']) {
        Some((whole, zeros)) if !zeros.is_empty() && zeros.bytes().all(|b| b == b'0') => whole,
        Some(_) => return None,
        None => t,
    };
    whole.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus::*;

    #[test]
    fn statuses_in_four_languages() {
        let cases = [
            ("Paid", Paid),
            ("opłacone", Paid),
            ("Оплачен", Paid),
            ("maksettu", Paid),
            ("Shipped", Fulfilled),
            ("wysłane", Fulfilled),
            ("completed", Fulfilled),
            ("отправлен", Fulfilled),
            ("Toimitettu", Fulfilled),
            ("delivered", Delivered),
            ("Dostarczone", Delivered),
            ("доставлен", Delivered),
            ("cancelled", Cancelled),
            ("anulowane", Cancelled),
            ("отменён", Cancelled),
            ("peruttu", Cancelled),
            ("refunded", Refunded),
            ("zwrócone", Refunded),
            ("возврат", Refunded),
            ("hyvitetty", Refunded),
            ("partially refunded", Paid),
            ("Częściowo zwrócone", Paid),
            ("частично возвращён", Paid),
            ("osittain hyvitetty", Paid),
            ("teilweise erstattet", Paid),
            ("Shipped, partially refunded", Fulfilled),
            ("bezahlt", Paid),
            ("versandt", Fulfilled),
            ("storniert", Cancelled),
            ("Paid, shipped", Fulfilled),
            ("unpaid", Open),
            ("nie opłacone", Open),
            ("не оплачен", Open),
            ("new", Open),
            ("", Open),
        ];
        for (text, want) in cases {
            assert_eq!(status(text), want, "{text}");
        }
    }

    #[test]
    fn consent_words() {
        assert_eq!(consent("TAK"), Some(true));
        assert_eq!(consent("да"), Some(true));
        assert_eq!(consent("Kyllä"), Some(true));
        assert_eq!(consent("nie"), Some(false));
        assert_eq!(consent("нет"), Some(false));
        assert_eq!(consent("ei"), Some(false));
        assert_eq!(consent("PRAWDA"), Some(true));
        assert_eq!(consent("EPÄTOSI"), Some(false));
        assert_eq!(consent("maybe"), None);
        assert_eq!(consent(""), None);
    }

    #[test]
    fn quantities_as_spreadsheets_write_them() {
        assert_eq!(whole_number("2"), Some(2));
        assert_eq!(whole_number(" 2,0 "), Some(2));
        assert_eq!(whole_number("3.00"), Some(3));
        assert_eq!(whole_number("2,5"), None);
        assert_eq!(whole_number("2,"), None);
        assert_eq!(whole_number("two"), None);
    }
}
