//! Postal addresses laid out the way each country's post expects them.

use serde::{Deserialize, Serialize};

/// An address in parts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostalAddress {
    /// Recipient.
    pub name: String,
    /// Company.
    pub company: String,
    /// Street and number.
    pub line1: String,
    /// Flat, floor, c/o.
    pub line2: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// State, county, oblast.
    pub region: String,
    /// ISO alpha-2.
    pub country: String,
}

fn english_country_name(code: &str) -> &str {
    match code {
        "PL" => "POLAND",
        "RU" => "RUSSIA",
        "FI" => "FINLAND",
        "DE" => "GERMANY",
        "GB" => "UNITED KINGDOM",
        "US" => "UNITED STATES",
        "SE" => "SWEDEN",
        "EE" => "ESTONIA",
        "LT" => "LITHUANIA",
        other => other,
    }
}

impl PostalAddress {
    /// The address as printed lines, in the destination country's order. The
    /// country line is added when it differs from `from_country` (the shop's).
    pub fn lines(&self, from_country: &str) -> Vec<String> {
        let c = self.country.trim().to_ascii_uppercase();
        let t = |s: &str| s.trim().to_string();
        let mut out: Vec<String> = Vec::new();
        let mut push = |s: String| {
            if !s.trim().is_empty() {
                out.push(s.trim().to_string());
            }
        };
        match c.as_str() {
            // Russian post: street, city, region, postcode (recipient last in Russia
            // proper, but international mail keeps the recipient first).
            "RU" => {
                push(t(&self.name));
                push(t(&self.company));
                push(t(&self.line1));
                push(t(&self.line2));
                push(t(&self.city));
                push(t(&self.region));
                push(t(&self.postal_code));
            }
            "US" => {
                push(t(&self.name));
                push(t(&self.company));
                push(t(&self.line1));
                push(t(&self.line2));
                push(
                    format!(
                        "{} {} {}",
                        t(&self.city),
                        t(&self.region),
                        t(&self.postal_code)
                    )
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                );
            }
            "GB" => {
                push(t(&self.name));
                push(t(&self.company));
                push(t(&self.line1));
                push(t(&self.line2));
                push(t(&self.city).to_uppercase());
                push(t(&self.region));
                push(t(&self.postal_code).to_uppercase());
            }
            _ => {
                push(t(&self.name));
                push(t(&self.company));
                push(t(&self.line1));
                push(t(&self.line2));
                push(format!("{} {}", t(&self.postal_code), t(&self.city)));
            }
        }
        if !c.is_empty() && c != from_country.trim().to_ascii_uppercase() {
            out.push(english_country_name(&c).to_string());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(country: &str, postal: &str, city: &str, region: &str) -> PostalAddress {
        PostalAddress {
            name: "N".into(),
            line1: "Street 1".into(),
            postal_code: postal.into(),
            city: city.into(),
            region: region.into(),
            country: country.into(),
            ..Default::default()
        }
    }

    #[test]
    fn addresses_follow_the_destination_countrys_order() {
        assert_eq!(
            addr("PL", "00-950", "Warszawa", "").lines("PL"),
            ["N", "Street 1", "00-950 Warszawa"]
        );
        assert_eq!(
            addr("FI", "00100", "Helsinki", "").lines("PL"),
            ["N", "Street 1", "00100 Helsinki", "FINLAND"]
        );
        assert_eq!(
            addr("US", "10001", "New York", "NY").lines("PL"),
            ["N", "Street 1", "New York NY 10001", "UNITED STATES"]
        );
        assert_eq!(
            addr("GB", "sw1a 1aa", "London", "").lines("GB"),
            ["N", "Street 1", "LONDON", "SW1A 1AA"]
        );
        assert_eq!(
            addr("RU", "101000", "Москва", "").lines("PL"),
            ["N", "Street 1", "Москва", "101000", "RUSSIA"]
        );
    }
}
