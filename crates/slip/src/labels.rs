//! The words printed on a slip, in English, Polish, Russian and Finnish, and the
//! date in each language's style.

use chrono::{Datelike, NaiveDate};
use courtesy_core::Language;

/// Every fixed text on a slip, in one language.
#[derive(Debug)]
pub(crate) struct Labels {
    pub packing_slip: &'static str,
    pub order: &'static str,
    pub date: &'static str,
    pub ship_to: &'static str,
    pub shipping_method: &'static str,
    pub customer_note: &'static str,
    pub quantity: &'static str,
    pub item: &'static str,
    pub sku: &'static str,
    pub bin: &'static str,
    pub price: &'static str,
    pub total: &'static str,
    pub items_count: &'static str,
    pub insert: &'static str,
    pub gift: &'static str,
    pub card: &'static str,
    pub gift_message: &'static str,
    pub packed_by: &'static str,
    pub copy: &'static str,
    pub continued: &'static str,
    pub continued_on_next: &'static str,
    pub page: &'static str,
}

const EN: Labels = Labels {
    packing_slip: "Packing slip",
    order: "Order",
    date: "Date",
    ship_to: "Ship to",
    shipping_method: "Shipping",
    customer_note: "Customer note",
    quantity: "Qty",
    item: "Item",
    sku: "SKU",
    bin: "Bin",
    price: "Price",
    total: "Total",
    items_count: "Items",
    insert: "Insert into the parcel",
    gift: "Gift",
    card: "Card",
    gift_message: "Gift message",
    packed_by: "Packed by",
    copy: "COPY",
    continued: "continued",
    continued_on_next: "Continued",
    page: "Page",
};

const PL: Labels = Labels {
    packing_slip: "Lista pakowania",
    order: "Zamówienie",
    date: "Data",
    ship_to: "Adres dostawy",
    shipping_method: "Wysyłka",
    customer_note: "Uwagi klienta",
    quantity: "Ilość",
    item: "Produkt",
    sku: "SKU",
    bin: "Półka",
    price: "Cena",
    total: "Razem",
    items_count: "Sztuk",
    insert: "Włóż do paczki",
    gift: "Prezent",
    card: "Kartka",
    gift_message: "Dedykacja",
    packed_by: "Spakował(a)",
    copy: "KOPIA",
    continued: "ciąg dalszy",
    continued_on_next: "Ciąg dalszy",
    page: "Strona",
};

const RU: Labels = Labels {
    packing_slip: "Упаковочный лист",
    order: "Заказ",
    date: "Дата",
    ship_to: "Получатель",
    shipping_method: "Доставка",
    customer_note: "Комментарий покупателя",
    quantity: "Кол-во",
    item: "Товар",
    sku: "Артикул",
    bin: "Ячейка",
    price: "Цена",
    total: "Итого",
    items_count: "Всего шт.",
    insert: "Вложить в посылку",
    gift: "Подарок",
    card: "Открытка",
    gift_message: "Поздравление",
    packed_by: "Упаковал(а)",
    copy: "КОПИЯ",
    continued: "продолжение",
    continued_on_next: "Продолжение",
    page: "Стр.",
};

const FI: Labels = Labels {
    packing_slip: "Pakkauslista",
    order: "Tilaus",
    date: "Päiväys",
    ship_to: "Toimitusosoite",
    shipping_method: "Toimitustapa",
    customer_note: "Asiakkaan viesti",
    quantity: "Määrä",
    item: "Tuote",
    sku: "Tuotekoodi",
    bin: "Hylly",
    price: "Hinta",
    total: "Yhteensä",
    items_count: "Kpl",
    insert: "Lisää pakettiin",
    gift: "Lahja",
    card: "Kortti",
    gift_message: "Lahjaviesti",
    packed_by: "Pakkaaja",
    copy: "KOPIO",
    continued: "jatkoa",
    continued_on_next: "Jatkuu",
    page: "Sivu",
};

/// The labels of a language.
pub(crate) fn labels(language: Language) -> &'static Labels {
    match language {
        Language::En => &EN,
        Language::Pl => &PL,
        Language::Ru => &RU,
        Language::Fi => &FI,
    }
}

/// A date as the language writes it: `26 Nov 2026` in English, `26.11.2026` in
/// Polish, Russian and Finnish.
pub(crate) fn format_date(date: NaiveDate, language: Language) -> String {
    match language {
        Language::En => {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            let month = MONTHS.get(date.month0() as usize).copied().unwrap_or("");
            format!("{} {} {}", date.day(), month, date.year())
        }
        Language::Pl | Language::Ru | Language::Fi => {
            format!("{:02}.{:02}.{}", date.day(), date.month(), date.year())
        }
    }
}

/// The reprint mark, e.g. `COPY 2`; `None` on the first print.
pub(crate) fn copy_mark(labels: &Labels, copy_number: u32) -> Option<String> {
    (copy_number >= 1).then(|| format!("{} {}", labels.copy, copy_number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_the_language() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
        assert_eq!(format_date(day, Language::En), "26 Nov 2026");
        assert_eq!(format_date(day, Language::Pl), "26.11.2026");
        assert_eq!(format_date(day, Language::Ru), "26.11.2026");
        let early = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap_or_default();
        assert_eq!(format_date(early, Language::Fi), "05.03.2026");
        assert_eq!(format_date(early, Language::En), "5 Mar 2026");
    }

    #[test]
    fn copy_mark_only_on_reprints() {
        assert_eq!(copy_mark(labels(Language::En), 0), None);
        assert_eq!(
            copy_mark(labels(Language::En), 2).as_deref(),
            Some("COPY 2")
        );
        assert_eq!(
            copy_mark(labels(Language::Ru), 1).as_deref(),
            Some("КОПИЯ 1")
        );
    }
}
