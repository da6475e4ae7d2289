//! Mobile numbers typed the way people of each country type them: Polish
//! `601 234 567` or `+48 601-234-567`, Russian `8 (912) 345-67-89`, Finnish
//! `040 123 4567`, German `0151 23456789`, British `07911 123456`, American
//! `(212) 486-0142`. Only ranges libphonenumber knows as valid are used, so
//! every number gets its E.164 form.

use crate::country::Country;
use crate::places::US_AREA_CODES;
use crate::weighted::{any, by_share};
use courtesy_store::NewPhone;
use rand::Rng;

/// A mobile phone of someone from `country` as they typed it. Its E.164 form is
/// filled in later by [`normalise`], all numbers of one country at a time.
pub(crate) fn mobile(country: Country, kind: &str, rng: &mut impl Rng) -> NewPhone {
    NewPhone {
        raw: typed(country, rng),
        e164: None,
        national_digits: None,
        kind: kind.to_string(),
    }
}

/// Normalises every phone (E.164 and national digits) of a list of people's
/// phones, country by country: libphonenumber keeps only the last hundred
/// patterns it compiled, so mixing countries would recompile them again and again.
pub(crate) fn normalise(people: &mut [(Country, Vec<NewPhone>)]) {
    for country in Country::ALL {
        let region = country.region();
        for (_, phones) in people.iter_mut().filter(|(c, _)| *c == country) {
            for p in phones.iter_mut() {
                *p = NewPhone::from_raw(&p.raw, region, &p.kind);
            }
        }
    }
}

/// `n` random decimal digits.
fn digits(n: usize, rng: &mut impl Rng) -> String {
    (0..n)
        .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
        .collect()
}

fn typed(country: Country, rng: &mut impl Rng) -> String {
    match country {
        Country::Pl => polish(rng),
        Country::Ru => russian(rng),
        Country::Fi => finnish(rng),
        Country::De => german(rng),
        Country::Gb => british(rng),
        Country::Us => american(rng),
    }
}

/// Polish mobiles: 45, 50, 51, 53, 57, 60, 66, 69, 72, 73, 78, 79, 88 + 7 digits.
fn polish(rng: &mut impl Rng) -> String {
    const PREFIXES: &[&str] = &[
        "45", "50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88",
    ];
    let d = format!("{}{}", any(PREFIXES, rng), digits(7, rng));
    let (a, b, c) = (&d[0..3], &d[3..6], &d[6..9]);
    match by_share(
        &[(0, 45), (1, 10), (2, 15), (3, 15), (4, 5), (5, 5), (6, 5)],
        rng,
    ) {
        0 => format!("{a} {b} {c}"),
        1 => format!("{a}-{b}-{c}"),
        2 => d.clone(),
        3 => format!("+48 {a} {b} {c}"),
        4 => format!("+48 {a}-{b}-{c}"),
        5 => format!("+48{d}"),
        _ => format!("0048 {a} {b} {c}"),
    }
}

/// Russian mobiles: 9xx + 7 digits, written with the trunk prefix 8 or with +7.
fn russian(rng: &mut impl Rng) -> String {
    let d = format!("9{}", digits(9, rng));
    let (code, a, b, c) = (&d[0..3], &d[3..6], &d[6..8], &d[8..10]);
    match by_share(&[(0, 35), (1, 20), (2, 15), (3, 15), (4, 10), (5, 5)], rng) {
        0 => format!("8 ({code}) {a}-{b}-{c}"),
        1 => format!("+7 ({code}) {a}-{b}-{c}"),
        2 => format!("+7 {code} {a}-{b}-{c}"),
        3 => format!("8{d}"),
        4 => format!("+7{d}"),
        _ => format!("8-{code}-{a}-{b}-{c}"),
    }
}

/// Finnish mobiles: 040, 041, 044, 045, 046, 050 + 7 digits.
fn finnish(rng: &mut impl Rng) -> String {
    const PREFIXES: &[&str] = &["40", "41", "44", "45", "46", "50"];
    let p = any(PREFIXES, rng);
    let d = digits(7, rng);
    let (a, b) = (&d[0..3], &d[3..7]);
    match by_share(&[(0, 40), (1, 20), (2, 10), (3, 20), (4, 10)], rng) {
        0 => format!("0{p} {a} {b}"),
        1 => format!("0{p}{d}"),
        2 => format!("0{p}-{a} {b}"),
        3 => format!("+358 {p} {a} {b}"),
        _ => format!("+358{p}{d}"),
    }
}

/// German mobiles: 015x with 8 digits, 016x and 017x with 7.
fn german(rng: &mut impl Rng) -> String {
    const PREFIXES: &[(&str, usize)] = &[
        ("151", 8),
        ("152", 8),
        ("157", 8),
        ("159", 8),
        ("160", 7),
        ("162", 7),
        ("163", 7),
        ("170", 7),
        ("171", 7),
        ("172", 7),
        ("173", 7),
        ("174", 7),
        ("175", 7),
        ("176", 8),
        ("177", 7),
        ("178", 7),
        ("179", 7),
    ];
    let (p, n) = any(PREFIXES, rng);
    let d = digits(n, rng);
    match by_share(&[(0, 40), (1, 10), (2, 5), (3, 25), (4, 10), (5, 10)], rng) {
        0 => format!("0{p} {d}"),
        1 => format!("0{p}/{d}"),
        2 => format!("0{p}-{d}"),
        3 => format!("+49 {p} {d}"),
        4 => format!("+49{p}{d}"),
        _ => format!("0049 {p} {d}"),
    }
}

/// British mobiles: 07 and a valid three-digit block, then 7 digits.
fn british(rng: &mut impl Rng) -> String {
    const BLOCKS: &[&str] = &[
        "740", "741", "742", "743", "744", "746", "747", "748", "749", "751", "753", "754", "755",
        "756", "757", "758", "759", "771", "772", "773", "774", "775", "776", "777", "780", "784",
        "785", "786", "787", "788", "789", "790", "792", "794", "795", "796", "797", "798", "799",
    ];
    let p = format!("{}{}", any(BLOCKS, rng), digits(1, rng));
    let d = digits(6, rng);
    match by_share(&[(0, 50), (1, 20), (2, 20), (3, 10)], rng) {
        0 => format!("0{p} {d}"),
        1 => format!("0{p}{d}"),
        2 => format!("+44 {p} {d}"),
        _ => format!("+44 (0){p} {d}"),
    }
}

/// US numbers: a real area code, an exchange not starting with 0 or 1 and
/// neither N11 nor the fictional 555, and four digits.
fn american(rng: &mut impl Rng) -> String {
    let area = any(US_AREA_CODES, rng);
    let exchange = loop {
        let e: u16 = rng.random_range(200..1000);
        if e != 555 && e % 100 != 11 {
            break e;
        }
    };
    let line = digits(4, rng);
    match by_share(&[(0, 45), (1, 25), (2, 5), (3, 10), (4, 10), (5, 5)], rng) {
        0 => format!("({area}) {exchange}-{line}"),
        1 => format!("{area}-{exchange}-{line}"),
        2 => format!("{area}.{exchange}.{line}"),
        3 => format!("{area}{exchange}{line}"),
        4 => format!("+1 {area}-{exchange}-{line}"),
        _ => format!("1 ({area}) {exchange}-{line}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::country::Country;
    use courtesy_core::normalise_phone;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn every_generated_number_is_valid_in_its_country_at_first_try() {
        let mut rng = ChaCha8Rng::seed_from_u64(11);
        for country in Country::ALL {
            for _ in 0..400 {
                let raw = typed(country, &mut rng);
                let parsed = normalise_phone(&raw, country.region());
                assert!(parsed.is_ok(), "{raw:?} from {country:?}: {parsed:?}");
            }
        }
    }
}
