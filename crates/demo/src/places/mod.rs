//! Addresses the way each country writes them: Polish `ul. Długa 5/12, 00-950
//! Warszawa`, Russian `ул. Ленина, д. 5, кв. 12`, Finnish `Hämeenkatu 12 A 5`,
//! British postcodes such as `SW1A 1AA`, US ZIP codes with the state.

mod american;
mod british;
mod finnish;
mod german;
mod polish;
mod russian;

pub(crate) use american::AREA_CODES as US_AREA_CODES;

use crate::country::Country;
use crate::weighted::WeightedTable;
use courtesy_core::PostalAddress;
use rand::Rng;
use std::sync::OnceLock;

/// A town with its postal codes, as each country's table lists it: name, region
/// (voivodeship, Land, oblast, state or county; may be empty), the lowest and
/// highest postal code as a number, and a weight (roughly its population).
pub(crate) type Town = (&'static str, &'static str, u32, u32, u32);

/// Who the parcel is for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Recipient<'a> {
    /// Full name in the culture's order.
    pub name: &'a str,
    /// Company, may be empty.
    pub company: &'a str,
}

/// A shipping address in `country` for `recipient`.
pub(crate) fn address(
    country: Country,
    recipient: Recipient<'_>,
    rng: &mut impl Rng,
) -> PostalAddress {
    let mut a = match country {
        Country::Pl => polish::address(rng),
        Country::Ru => russian::address(rng),
        Country::Fi => finnish::address(rng),
        Country::De => german::address(rng),
        Country::Gb => british::address(rng),
        Country::Us => american::address(rng),
    };
    a.name = recipient.name.to_string();
    a.company = recipient.company.to_string();
    a.country = country.code().to_string();
    a
}

/// Picks a town of `towns` by weight (the tables are static, so their pickers are
/// built once per process).
fn town(
    towns: &'static [Town],
    cache: &'static OnceLock<WeightedTable>,
    rng: &mut impl Rng,
) -> &'static Town {
    let table = cache.get_or_init(|| WeightedTable::new(towns.iter().map(|t| u64::from(t.4))));
    &towns[table.pick(rng)]
}

/// A postal code of `town` as a number, on a grid of `step` (Finnish codes end in 0).
fn postal_number(town: &Town, step: u32, rng: &mut impl Rng) -> u32 {
    let (from, to) = (town.2, town.3.max(town.2));
    from + step * rng.random_range(0..=(to - from) / step)
}

/// A house number: mostly small, sometimes with a letter (`12a`).
fn house_number(rng: &mut impl Rng, letter_share: f64, lower_case: bool) -> String {
    let n: u32 = if rng.random_bool(0.7) {
        rng.random_range(1..=40)
    } else {
        rng.random_range(41..=220)
    };
    if rng.random_bool(letter_share) {
        let letter = ['A', 'B', 'C', 'D'][rng.random_range(0..4)];
        let letter = if lower_case {
            letter.to_ascii_lowercase()
        } else {
            letter
        };
        format!("{n}{letter}")
    } else {
        n.to_string()
    }
}

fn fields(line1: String, line2: String, postal_code: String, town: &Town) -> PostalAddress {
    PostalAddress {
        line1,
        line2,
        postal_code,
        city: town.0.to_string(),
        region: town.1.to_string(),
        ..PostalAddress::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn sample(country: Country) -> Vec<PostalAddress> {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let who = Recipient {
            name: "N",
            company: "",
        };
        (0..300).map(|_| address(country, who, &mut rng)).collect()
    }

    fn shaped(code: &str, pattern: &str) -> bool {
        code.len() == pattern.len()
            && code.chars().zip(pattern.chars()).all(|(c, p)| match p {
                '9' => c.is_ascii_digit(),
                'A' => c.is_ascii_uppercase(),
                'X' => c.is_ascii_uppercase() || c.is_ascii_digit(),
                other => c == other,
            })
    }

    #[test]
    fn postal_codes_have_each_countrys_shape() {
        for a in sample(Country::Pl) {
            assert!(shaped(&a.postal_code, "99-999"), "PL {a:?}");
            assert!(
                a.line1.starts_with("ul. ")
                    || a.line1.starts_with("al. ")
                    || a.line1.starts_with("os. ")
                    || a.line1.starts_with("pl. "),
                "PL {a:?}"
            );
        }
        for a in sample(Country::Fi) {
            assert!(shaped(&a.postal_code, "99990"), "FI {a:?}");
        }
        for a in sample(Country::De) {
            assert!(shaped(&a.postal_code, "99999"), "DE {a:?}");
        }
        for a in sample(Country::Ru) {
            assert!(shaped(&a.postal_code, "999999"), "RU {a:?}");
            assert!(a.line1.contains(", д. "), "RU {a:?}");
            assert!(
                a.city.chars().any(|c| ('А'..='я').contains(&c)),
                "RU city in Cyrillic: {a:?}"
            );
        }
        for a in sample(Country::Gb) {
            let (out, inward) = a.postal_code.split_once(' ').unwrap_or_default();
            assert!(
                (2..=4).contains(&out.len()) && shaped(inward, "9AA"),
                "GB {a:?}"
            );
        }
        for a in sample(Country::Us) {
            assert!(shaped(&a.postal_code, "99999"), "US {a:?}");
            assert!(shaped(&a.region, "AA"), "US state {a:?}");
        }
    }
}
