//! The languages Courtesy speaks to staff and customers: English, Polish, Russian, Finnish.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language of the UI and of customer-facing texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English, also the fallback.
    En,
    /// Polish.
    Pl,
    /// Russian.
    Ru,
    /// Finnish.
    Fi,
}

impl Language {
    /// All supported languages, in menu order.
    pub const ALL: [Language; 4] = [Language::En, Language::Pl, Language::Ru, Language::Fi];

    /// Reads a BCP 47 tag or bare code (`pl`, `ru-RU`, `FI`); `None` when unsupported.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Language::En),
            "pl" => Some(Language::Pl),
            "ru" => Some(Language::Ru),
            "fi" => Some(Language::Fi),
            _ => None,
        }
    }

    /// The two-letter code.
    pub fn code(&self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Pl => "pl",
            Language::Ru => "ru",
            Language::Fi => "fi",
        }
    }

    /// The language a customer from `country` (ISO alpha-2) most likely reads;
    /// English where we have no better guess.
    pub fn for_country(country: &str) -> Language {
        match country.trim().to_ascii_uppercase().as_str() {
            "PL" => Language::Pl,
            "RU" | "BY" | "KZ" => Language::Ru,
            "FI" => Language::Fi,
            _ => Language::En,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_map_to_supported_languages_only() {
        assert_eq!(Language::from_tag("ru-RU"), Some(Language::Ru));
        assert_eq!(Language::from_tag(" FI "), Some(Language::Fi));
        assert_eq!(Language::from_tag("pl_PL"), Some(Language::Pl));
        assert_eq!(Language::from_tag("de"), None);
        assert_eq!(Language::for_country("de"), Language::En);
        assert_eq!(Language::for_country("PL"), Language::Pl);
    }
}
