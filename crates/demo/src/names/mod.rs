//! Native names per country: given names by gender, family names with their
//! feminine forms (Kowalski → Kowalska, Смирнов → Смирнова) and, for Russians,
//! a patronymic from the father's name (Петрович, Петровна).

mod american;
mod british;
mod finnish;
mod german;
mod polish;
mod russian;

use crate::country::Country;
use crate::weighted::any;
use rand::Rng;

/// A generated person's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DemoName {
    /// Given name.
    pub first: String,
    /// Middle name or patronymic.
    pub middle: String,
    /// Family name in the person's gender.
    pub last: String,
}

/// Draws a name a person of `country` and gender would have.
pub(crate) fn draw(country: Country, female: bool, rng: &mut impl Rng) -> DemoName {
    match country {
        Country::Pl => {
            let first = any(given(female, polish::FEMALE, polish::MALE), rng);
            let last = polish::in_gender(any(polish::SURNAMES, rng), female);
            name(first, "", &last)
        }
        Country::Ru => {
            let first = if female {
                any(russian::FEMALE, rng)
            } else {
                any(russian::MALE, rng).0
            };
            let father = any(russian::MALE, rng);
            let patronymic = if female { father.2 } else { father.1 };
            let last = russian::in_gender(any(russian::SURNAMES, rng), female);
            name(first, patronymic, &last)
        }
        Country::Fi => {
            let first = any(given(female, finnish::FEMALE, finnish::MALE), rng);
            name(first, "", any(finnish::SURNAMES, rng))
        }
        Country::De => {
            let first = any(given(female, german::FEMALE, german::MALE), rng);
            name(first, "", any(german::SURNAMES, rng))
        }
        Country::Gb => {
            let list = given(female, british::FEMALE, british::MALE);
            let first = any(list, rng);
            let middle = middle_name(list, first, 0.12, rng);
            name(first, middle, any(british::SURNAMES, rng))
        }
        Country::Us => {
            let list = given(female, american::FEMALE, american::MALE);
            let first = any(list, rng);
            let middle = middle_name(list, first, 0.25, rng);
            name(first, middle, any(american::SURNAMES, rng))
        }
    }
}

/// Every given name a country uses for women (for tests of feminine surnames).
#[cfg(test)]
pub(crate) fn is_female_given_name(country: Country, first: &str) -> bool {
    let list: &[&str] = match country {
        Country::Pl => polish::FEMALE,
        Country::Ru => russian::FEMALE,
        Country::Fi => finnish::FEMALE,
        Country::De => german::FEMALE,
        Country::Gb => british::FEMALE,
        Country::Us => american::FEMALE,
    };
    list.contains(&first)
}

fn given<'a>(female: bool, women: &'a [&'a str], men: &'a [&'a str]) -> &'a [&'a str] {
    if female {
        women
    } else {
        men
    }
}

/// A second given name of the same gender, for the share of people who give one.
fn middle_name<'a>(list: &'a [&'a str], first: &str, share: f64, rng: &mut impl Rng) -> &'a str {
    if !rng.random_bool(share) {
        return "";
    }
    let middle = any(list, rng);
    if middle == first {
        ""
    } else {
        middle
    }
}

fn name(first: &str, middle: &str, last: &str) -> DemoName {
    DemoName {
        first: first.to_string(),
        middle: middle.to_string(),
        last: last.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feminine_surnames_follow_polish_and_russian_grammar() {
        assert_eq!(polish::in_gender("Kowalski", true), "Kowalska");
        assert_eq!(polish::in_gender("Czarnecki", true), "Czarnecka");
        assert_eq!(polish::in_gender("Zawadzki", true), "Zawadzka");
        assert_eq!(polish::in_gender("Wójcik", true), "Wójcik");
        assert_eq!(polish::in_gender("Kowalski", false), "Kowalski");
        assert_eq!(russian::in_gender("Смирнов", true), "Смирнова");
        assert_eq!(russian::in_gender("Соловьёв", true), "Соловьёва");
        assert_eq!(russian::in_gender("Никитин", true), "Никитина");
        assert_eq!(russian::in_gender("Вишневский", true), "Вишневская");
        assert_eq!(russian::in_gender("Толстой", true), "Толстая");
        assert_eq!(russian::in_gender("Шевченко", true), "Шевченко");
        assert_eq!(russian::in_gender("Смирнов", false), "Смирнов");
    }

    #[test]
    fn every_country_has_about_sixty_names_of_each_kind() {
        let lists: [(&str, usize); 17] = [
            ("pl male", polish::MALE.len()),
            ("pl female", polish::FEMALE.len()),
            ("pl surnames", polish::SURNAMES.len()),
            ("ru male", russian::MALE.len()),
            ("ru female", russian::FEMALE.len()),
            ("ru surnames", russian::SURNAMES.len()),
            ("fi male", finnish::MALE.len()),
            ("fi female", finnish::FEMALE.len()),
            ("fi surnames", finnish::SURNAMES.len()),
            ("de male", german::MALE.len()),
            ("de female", german::FEMALE.len()),
            ("de surnames", german::SURNAMES.len()),
            ("gb male", british::MALE.len()),
            ("gb female", british::FEMALE.len()),
            ("gb surnames", british::SURNAMES.len()),
            ("us male", american::MALE.len()),
            ("us female", american::FEMALE.len()),
        ];
        for (what, n) in lists {
            assert!(n >= 55, "{what}: only {n} names");
        }
        assert!(american::SURNAMES.len() >= 55);
    }
}
