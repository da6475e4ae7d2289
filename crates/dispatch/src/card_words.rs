//! The words for a card in the slip's Insert block: the occasion's name and
//! "handwritten", in English, Polish, Russian and Finnish.

use courtesy_core::gifts::CardOccasion;
use courtesy_core::Language;

/// The occasion's name, e.g. "Birthday" or "Urodziny".
pub fn occasion_name(occasion: CardOccasion, language: Language) -> &'static str {
    use CardOccasion as O;
    use Language as L;
    match (language, occasion) {
        (L::En, O::ThankYou) => "Thank you",
        (L::En, O::Welcome) => "Welcome",
        (L::En, O::Milestone) => "Milestone",
        (L::En, O::BigOrder) => "Big order",
        (L::En, O::Loyalty) => "Loyal customer",
        (L::En, O::Birthday) => "Birthday",
        (L::En, O::NameDay) => "Name day",
        (L::En, O::Referral) => "Referral",
        (L::En, O::WelcomeBack) => "Welcome back",
        (L::Pl, O::ThankYou) => "Podziękowanie",
        (L::Pl, O::Welcome) => "Powitanie",
        (L::Pl, O::Milestone) => "Jubileuszowe zamówienie",
        (L::Pl, O::BigOrder) => "Duże zamówienie",
        (L::Pl, O::Loyalty) => "Stały klient",
        (L::Pl, O::Birthday) => "Urodziny",
        (L::Pl, O::NameDay) => "Imieniny",
        (L::Pl, O::Referral) => "Polecenie",
        (L::Pl, O::WelcomeBack) => "Powrót",
        (L::Ru, O::ThankYou) => "Благодарность",
        (L::Ru, O::Welcome) => "Добро пожаловать",
        (L::Ru, O::Milestone) => "Юбилейный заказ",
        (L::Ru, O::BigOrder) => "Крупный заказ",
        (L::Ru, O::Loyalty) => "Постоянный клиент",
        (L::Ru, O::Birthday) => "День рождения",
        (L::Ru, O::NameDay) => "Именины",
        (L::Ru, O::Referral) => "По рекомендации",
        (L::Ru, O::WelcomeBack) => "С возвращением",
        (L::Fi, O::ThankYou) => "Kiitos",
        (L::Fi, O::Welcome) => "Tervetuloa",
        (L::Fi, O::Milestone) => "Merkkipaalu",
        (L::Fi, O::BigOrder) => "Suuri tilaus",
        (L::Fi, O::Loyalty) => "Kanta-asiakas",
        (L::Fi, O::Birthday) => "Syntymäpäivä",
        (L::Fi, O::NameDay) => "Nimipäivä",
        (L::Fi, O::Referral) => "Suositus",
        (L::Fi, O::WelcomeBack) => "Tervetuloa takaisin",
    }
}

/// "Handwritten", said of a card.
pub fn handwritten(language: Language) -> &'static str {
    match language {
        Language::En => "handwritten",
        Language::Pl => "odręczna",
        Language::Ru => "от руки",
        Language::Fi => "käsin kirjoitettu",
    }
}

/// The card sheet's title, e.g. "Cards to write (12)".
pub fn sheet_title(language: Language, count: usize) -> String {
    let words = match language {
        Language::En => "Cards to write",
        Language::Pl => "Kartki do napisania",
        Language::Ru => "Открытки к написанию",
        Language::Fi => "Kirjoitettavat kortit",
    };
    format!("{words} ({count})")
}
