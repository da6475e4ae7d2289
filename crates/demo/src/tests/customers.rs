//! Customers: valid phones, unique e-mails, native names, the country mix,
//! consents, tags and birthdays in believable shares.

use super::{country, demo, now};
use crate::names::is_female_given_name;
use courtesy_core::{normalise_email, normalise_phone, Region};
use courtesy_store::NewCustomer;
use std::collections::{HashMap, HashSet};

#[test]
fn every_phone_is_valid_with_its_e164_form() {
    let mut with_phone = 0;
    for c in &demo().customers {
        let region = Region::parse(country(c)).expect("a demo country is a region");
        for p in &c.phones {
            let e164 = p
                .e164
                .as_deref()
                .unwrap_or_else(|| panic!("{} ({}) has no E.164", p.raw, country(c)));
            let parsed =
                normalise_phone(&p.raw, region).unwrap_or_else(|e| panic!("{}: {e}", p.raw));
            assert_eq!(parsed.e164, e164, "{}", p.raw);
            assert!(
                e164.starts_with('+') && e164[1..].bytes().all(|b| b.is_ascii_digit()),
                "{e164}"
            );
        }
        with_phone += usize::from(!c.phones.is_empty());
    }
    let share = with_phone as f64 / demo().customers.len() as f64;
    assert!(
        (0.85..0.95).contains(&share),
        "{share:.3} of customers have a phone"
    );
}

#[test]
fn emails_are_unique_normalised_and_mostly_present() {
    let mut seen = HashSet::new();
    let mut missing = 0;
    for c in &demo().customers {
        match &c.email {
            Some(e) => {
                let normal = normalise_email(e).map(|n| n.as_str().to_string());
                assert_eq!(normal.as_deref(), Ok(e.as_str()), "{e} is not normalised");
                assert!(seen.insert(e.clone()), "{e} used twice");
            }
            None => missing += 1,
        }
    }
    let share = missing as f64 / demo().customers.len() as f64;
    assert!(
        (0.02..0.08).contains(&share),
        "{share:.3} of customers have no e-mail"
    );
}

#[test]
fn countries_follow_the_shops_customer_mix() {
    let mut by_country: HashMap<&str, usize> = HashMap::new();
    for c in &demo().customers {
        *by_country.entry(country(c)).or_default() += 1;
    }
    let n = demo().customers.len() as f64;
    for (code, share) in [
        ("PL", 0.40),
        ("DE", 0.15),
        ("FI", 0.12),
        ("RU", 0.12),
        ("GB", 0.11),
        ("US", 0.10),
    ] {
        let got = *by_country.get(code).unwrap_or(&0) as f64 / n;
        assert!(
            (got - share).abs() < 0.03,
            "{code}: {got:.3}, expected about {share}"
        );
    }
}

#[test]
fn polish_names_have_diacritics_and_feminine_surnames() {
    let poles: Vec<_> = demo()
        .customers
        .iter()
        .filter(|c| country(c) == "PL")
        .collect();
    let diacritics = |s: &str| s.chars().any(|c| "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ".contains(c));
    assert!(
        poles.iter().any(|c| diacritics(&c.first_name)),
        "no Polish given name with diacritics"
    );
    assert!(
        poles.iter().any(|c| diacritics(&c.last_name)),
        "no Polish surname with diacritics"
    );
    for c in &poles {
        if is_female_given_name(crate::country::Country::Pl, &c.first_name) {
            assert!(
                !c.last_name.ends_with("ski") && !c.last_name.ends_with("cki"),
                "{} {}",
                c.first_name,
                c.last_name
            );
        } else {
            assert!(
                !c.last_name.ends_with("ska") && !c.last_name.ends_with("cka"),
                "{} {}",
                c.first_name,
                c.last_name
            );
        }
    }
    assert!(
        poles.iter().any(|c| c.last_name.ends_with("ska")),
        "no -ska surname"
    );
}

#[test]
fn russian_names_are_cyrillic_with_patronymics() {
    let cyrillic = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| ('\u{0400}'..='\u{04FF}').contains(&c) || c == '-')
    };
    let russians: Vec<_> = demo()
        .customers
        .iter()
        .filter(|c| country(c) == "RU")
        .collect();
    assert!(!russians.is_empty());
    for c in russians {
        for part in [&c.first_name, &c.middle_name, &c.last_name] {
            assert!(
                cyrillic(part),
                "{} {} {} is not Cyrillic",
                c.first_name,
                c.middle_name,
                c.last_name
            );
        }
        let female = is_female_given_name(crate::country::Country::Ru, &c.first_name);
        let patronymic_ok = if female {
            c.middle_name.ends_with("на")
        } else {
            c.middle_name.ends_with("ич")
        };
        assert!(patronymic_ok, "{} {}", c.first_name, c.middle_name);
        assert!(
            c.addresses
                .iter()
                .all(|a| cyrillic(&a.postal.city.replace(' ', ""))),
            "{:?}",
            c.addresses
        );
    }
}

#[test]
fn customers_have_consents_tags_and_birthdays_in_realistic_shares() {
    let shop = demo();
    let n = shop.customers.len() as f64;
    let share = |f: &dyn Fn(&NewCustomer) -> bool| {
        shop.customers.iter().filter(|c| f(c)).count() as f64 / n
    };
    let birthdays = share(&|c| c.birthday.is_some());
    assert!(
        (0.35..0.45).contains(&birthdays),
        "{birthdays:.3} with birthday"
    );
    let dnc = share(&|c| c.do_not_call);
    assert!((0.015..0.045).contains(&dnc), "{dnc:.3} do not call");
    let email_ok = share(&|c| c.consents.iter().any(|k| k.channel == "email" && k.granted));
    assert!(
        (0.35..0.65).contains(&email_ok),
        "{email_ok:.3} with e-mail consent"
    );
    assert!(share(&|c| c.tags.iter().any(|t| t == "VIP")) > 0.01);
    assert!(share(&|c| !c.notes.is_empty()) > 0.03);
    for c in &shop.customers {
        assert!(
            c.consents
                .iter()
                .all(|k| k.at <= now() && (k.source == "checkout" || !k.granted)),
            "{:?}",
            c.external_id
        );
        assert!(c.created_at < now(), "{:?}", c.external_id);
        assert_eq!(c.source, "demo");
        if country(c) == "DE" {
            assert!(
                matches!(c.language, None | Some(courtesy_core::Language::En)),
                "{:?}",
                c.external_id
            );
        }
    }
}
