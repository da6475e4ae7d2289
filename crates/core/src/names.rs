//! People's names shown the way each culture writes them.
//!
//! English, Polish, Finnish and German put the given name first. Russian documents
//! and lists put the family name first, and a Russian customer is addressed by given
//! name and patronymic ("Иван Петрович"), never by the family name alone.

use crate::language::Language;
use crate::search_text::fold_for_search;
use serde::{Deserialize, Serialize};

/// A person's name in its parts; any part may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonName {
    /// Given name.
    pub first: String,
    /// Middle name or, for Russian names, the patronymic.
    pub middle: String,
    /// Family name.
    pub last: String,
}

fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl PersonName {
    /// Builds a name from its parts.
    pub fn new(first: &str, middle: &str, last: &str) -> Self {
        PersonName {
            first: first.trim().to_string(),
            middle: middle.trim().to_string(),
            last: last.trim().to_string(),
        }
    }

    /// The full name in the order of the name's culture: `Jan Kowalski`,
    /// `Иванов Иван Петрович` (Russian official order), `Matti Virtanen`.
    pub fn full(&self, culture: NameCulture) -> String {
        match culture {
            NameCulture::Russian => join(&[&self.last, &self.first, &self.middle]),
            NameCulture::Western => join(&[&self.first, &self.middle, &self.last]),
        }
    }

    /// How staff address the customer on the phone or on a card: the given name,
    /// with the patronymic for Russian names.
    pub fn address_form(&self, culture: NameCulture) -> String {
        match culture {
            NameCulture::Russian if !self.middle.is_empty() => join(&[&self.first, &self.middle]),
            _ => {
                if self.first.is_empty() {
                    self.last.clone()
                } else {
                    self.first.clone()
                }
            }
        }
    }

    /// Up to two initials for an avatar: `JK`, `ИИ`.
    pub fn initials(&self) -> String {
        [&self.first, &self.last]
            .iter()
            .filter_map(|p| p.chars().next())
            .flat_map(char::to_uppercase)
            .collect()
    }

    /// A key that sorts by family name, then given name, ignoring case and diacritics
    /// (`Łukasz` sorts with `L`).
    pub fn sort_key(&self) -> String {
        fold_for_search(&join(&[&self.last, &self.first, &self.middle]))
    }
}

/// The naming convention a name follows, from the customer's country or language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameCulture {
    /// Given name first (EN, PL, FI, DE and most others).
    Western,
    /// Family name first in lists; given name + patronymic in address.
    Russian,
}

impl NameCulture {
    /// The convention for a customer from `country` speaking `language`.
    pub fn of(country: &str, language: Option<Language>) -> NameCulture {
        let c = country.trim().to_ascii_uppercase();
        if language == Some(Language::Ru) || c == "RU" || c == "BY" {
            NameCulture::Russian
        } else {
            NameCulture::Western
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_display_in_their_cultures_order() {
        let cases = [
            (
                PersonName::new("Jan", "", "Kowalski"),
                "PL",
                "Jan Kowalski",
                "Jan",
            ),
            (
                PersonName::new("Иван", "Петрович", "Иванов"),
                "RU",
                "Иванов Иван Петрович",
                "Иван Петрович",
            ),
            (
                PersonName::new("Ольга", "", "Смирнова"),
                "RU",
                "Смирнова Ольга",
                "Ольга",
            ),
            (
                PersonName::new("Matti", "", "Virtanen"),
                "FI",
                "Matti Virtanen",
                "Matti",
            ),
            (
                PersonName::new("Jürgen", "", "Müller"),
                "DE",
                "Jürgen Müller",
                "Jürgen",
            ),
            (
                PersonName::new("Emily", "Rose", "Clarke"),
                "GB",
                "Emily Rose Clarke",
                "Emily",
            ),
            (PersonName::new("", "", "Nowak"), "PL", "Nowak", "Nowak"),
        ];
        for (name, country, full, address) in cases {
            let culture = NameCulture::of(country, None);
            assert_eq!(name.full(culture), full, "full name of {name:?}");
            assert_eq!(
                name.address_form(culture),
                address,
                "address form of {name:?}"
            );
        }
    }

    #[test]
    fn sort_keys_ignore_case_and_diacritics() {
        let a = PersonName::new("Łukasz", "", "Żółć");
        assert_eq!(a.sort_key(), "zolc lukasz");
        assert_eq!(a.initials(), "ŁŻ");
        assert!(
            PersonName::new("anna", "", "Nowak").sort_key()
                < PersonName::new("Adam", "", "Ostrowski").sort_key()
        );
    }
}
