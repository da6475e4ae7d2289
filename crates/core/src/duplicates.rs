//! Which customers are likely the same person entered twice: the same mailbox
//! (e-mails that differ only in case, dots or a `+tag` where the provider
//! ignores them), the same phone (E.164), the same name at the same postcode
//! or in the same town, the same id in the shop. Each pair gets a score and
//! the reasons behind it; a name alone is never enough, so namesakes who are
//! different people stay below [`LIKELY`].
//!
//! Pairs come from blocks (customers sharing one key), never from comparing
//! everyone with everyone; a block larger than its kind allows (a shop's own
//! phone typed in for fifty customers, a very common name in a city) says
//! nothing about any two of them and is skipped.

use crate::search_text::fold_for_search;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

/// From this score on a pair is "likely" the same person.
pub const LIKELY: u8 = 70;

/// From this score on a pair is proposed at all ("possible").
pub const POSSIBLE: u8 = 40;

/// A customer as the finder sees them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    /// Database id.
    pub id: i64,
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// E-mails (their own and those they are also known by).
    pub emails: Vec<String>,
    /// Phones in E.164.
    pub phones: Vec<String>,
    /// Addresses as (postcode, city).
    pub places: Vec<(String, String)>,
    /// Their ids in the shop's systems, without the system's name.
    pub shop_ids: Vec<String>,
}

/// Why two customers may be one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Reason {
    /// The same mailbox.
    SameEmail,
    /// The same phone number.
    SamePhone,
    /// The same id in the shop.
    SameShopId,
    /// The same name and postcode.
    SameNameAndPostcode,
    /// The same name and town.
    SameNameAndCity,
    /// The same name (only with another reason).
    SameName,
}

impl Reason {
    /// The reason in words, as the command line prints it.
    pub fn words(self) -> &'static str {
        match self {
            Reason::SameEmail => "same mailbox",
            Reason::SamePhone => "same phone",
            Reason::SameShopId => "same shop id",
            Reason::SameNameAndPostcode => "same name and postcode",
            Reason::SameNameAndCity => "same name and town",
            Reason::SameName => "same name",
        }
    }

    fn points(self) -> u8 {
        match self {
            Reason::SameEmail | Reason::SameShopId => 60,
            Reason::SamePhone => 50,
            Reason::SameNameAndPostcode => 55,
            // A common name in a big town: with the name's points still
            // below POSSIBLE; it only adds to a contact in common.
            Reason::SameNameAndCity => 20,
            Reason::SameName => 15,
        }
    }
}

/// A pair of customers that may be one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// The smaller id.
    pub a: i64,
    /// The larger id.
    pub b: i64,
    /// 0 to 100.
    pub score: u8,
    /// Why, strongest first.
    pub reasons: Vec<Reason>,
}

/// Mail providers that ignore dots in the local part.
const DOTLESS: &[&str] = &["gmail.com", "googlemail.com"];

/// Mail providers that deliver `name+tag@` to `name@`.
const PLUS_TAGS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "icloud.com",
    "me.com",
    "fastmail.com",
    "protonmail.com",
    "proton.me",
    "yandex.ru",
    "ya.ru",
];

/// The mailbox an address delivers to: lower case, and at providers that
/// ignore them, without dots and `+tag` in the local part
/// (`Anna.Nowak+shop@GMail.com` → `annanowak@gmail.com`).
pub fn mailbox(email: &str) -> String {
    let email = email.trim().to_lowercase();
    let Some((local, domain)) = email.rsplit_once('@') else {
        return email;
    };
    let domain = if domain == "googlemail.com" {
        "gmail.com"
    } else {
        domain
    };
    let mut local = local.to_string();
    if PLUS_TAGS.contains(&domain) {
        if let Some(i) = local.find('+') {
            local.truncate(i);
        }
    }
    if DOTLESS.contains(&domain) {
        local.retain(|c| c != '.');
    }
    format!("{local}@{domain}")
}

/// A name folded for comparing: lower-case ASCII letters, one word.
fn folded(name: &str) -> String {
    fold_for_search(name)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// A postcode as compared: letters and digits, upper case.
fn postcode(code: &str) -> String {
    code.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The folded (family, given) names, or none when either is missing.
fn name_of(p: &Person) -> Option<(String, String)> {
    let (first, last) = (folded(&p.first_name), folded(&p.last_name));
    (!first.is_empty() && !last.is_empty()).then_some((last, first))
}

/// Whether two people's names can be the same person's: the same family
/// name, and given names equal or one the other's start ("A." and "Anna");
/// family and given name may be swapped (exports disagree on the order).
fn same_name(a: &(String, String), b: &(String, String)) -> bool {
    let given = |x: &str, y: &str| {
        x == y || (x.len() == 1 && y.starts_with(x)) || (y.len() == 1 && x.starts_with(y))
    };
    (a.0 == b.0 && given(&a.1, &b.1)) || (a.0 == b.1 && a.1 == b.0)
}

/// The name keys a block is built on: a family name with the given name's
/// initial, and the other way round, so an initial ("A. Nowak") and a swapped
/// pair ("Nowak Anna") meet the full name.
fn name_keys(name: &(String, String)) -> [String; 2] {
    let initial = |s: &str| s.chars().next().unwrap_or_default();
    [
        format!("{}|{}", name.0, initial(&name.1)),
        format!("{}|{}", name.1, initial(&name.0)),
    ]
}

/// The biggest block of each kind that is still looked into.
const MOST_SHARING_A_CONTACT: usize = 6;
const MOST_SHARING_A_NAME_AND_PLACE: usize = 12;

/// Finds the pairs scoring at least [`POSSIBLE`], best first; pairs in
/// `dismissed` (smaller id first) are left out.
pub fn find_duplicates(people: &[Person], dismissed: &HashSet<(i64, i64)>) -> Vec<Candidate> {
    let names: Vec<Option<(String, String)>> = people.iter().map(name_of).collect();
    let mut blocks: HashMap<(u8, String), Vec<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        let mut keys: Vec<(u8, String)> = Vec::new();
        keys.extend(p.emails.iter().map(|e| (0, mailbox(e))));
        keys.extend(p.phones.iter().map(|ph| (1, ph.clone())));
        keys.extend(
            p.shop_ids
                .iter()
                .filter(|s| s.len() >= 4)
                .map(|s| (2, s.clone())),
        );
        if let Some(name) = &names[i] {
            for key in name_keys(name) {
                for (code, city) in &p.places {
                    let code = postcode(code);
                    if !code.is_empty() {
                        keys.push((3, format!("{key}|{code}")));
                    }
                    let city = folded(city);
                    if !city.is_empty() {
                        keys.push((4, format!("{key}|{city}")));
                    }
                }
            }
        }
        keys.sort();
        keys.dedup();
        for k in keys {
            blocks.entry(k).or_default().push(i);
        }
    }
    let mut found: HashMap<(usize, usize), HashSet<Reason>> = HashMap::new();
    for ((kind, _), members) in &blocks {
        let most = if *kind <= 2 {
            MOST_SHARING_A_CONTACT
        } else {
            MOST_SHARING_A_NAME_AND_PLACE
        };
        if members.len() < 2 || members.len() > most {
            continue;
        }
        for (n, &i) in members.iter().enumerate() {
            for &j in &members[n + 1..] {
                let both = (names[i].as_ref(), names[j].as_ref());
                let named_alike = matches!(both, (Some(a), Some(b)) if same_name(a, b));
                let reason = match kind {
                    0 => Reason::SameEmail,
                    1 => Reason::SamePhone,
                    2 => Reason::SameShopId,
                    3 if named_alike => Reason::SameNameAndPostcode,
                    4 if named_alike => Reason::SameNameAndCity,
                    _ => continue,
                };
                let reasons = found.entry((i.min(j), i.max(j))).or_default();
                reasons.insert(reason);
                if named_alike {
                    reasons.insert(Reason::SameName);
                }
            }
        }
    }
    let mut out: Vec<Candidate> = found
        .into_iter()
        .filter_map(|((i, j), reasons)| {
            let (a, b) = (
                people[i].id.min(people[j].id),
                people[i].id.max(people[j].id),
            );
            if dismissed.contains(&(a, b)) {
                return None;
            }
            let mut reasons: Vec<Reason> = reasons.into_iter().collect();
            if reasons.contains(&Reason::SameNameAndPostcode) {
                reasons.retain(|r| *r != Reason::SameNameAndCity);
            }
            reasons.sort_by_key(|r| std::cmp::Reverse(r.points()));
            let score: u32 = reasons.iter().map(|r| u32::from(r.points())).sum();
            let score = score.min(100) as u8;
            (score >= POSSIBLE).then_some(Candidate {
                a,
                b,
                score,
                reasons,
            })
        })
        .collect();
    out.sort_by(|x, y| {
        y.score
            .cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: i64, first: &str, last: &str) -> Person {
        Person {
            id,
            first_name: first.into(),
            last_name: last.into(),
            ..Person::default()
        }
    }

    #[test]
    fn mailboxes_ignore_what_their_provider_ignores() {
        assert_eq!(mailbox("Anna.Nowak+shop@GMail.com"), "annanowak@gmail.com");
        assert_eq!(mailbox("anna.nowak@googlemail.com"), "annanowak@gmail.com");
        assert_eq!(mailbox("anna+x@outlook.com"), "anna@outlook.com");
        // Other providers keep dots and plus signs: they may be other mailboxes.
        assert_eq!(mailbox("anna.nowak+x@wp.pl"), "anna.nowak+x@wp.pl");
    }

    #[test]
    fn the_same_mailbox_and_name_is_likely() {
        let mut a = person(1, "Anna", "Nowak");
        a.emails = vec!["anna.nowak@gmail.com".into()];
        let mut b = person(2, "Anna", "Nowak");
        b.emails = vec!["annanowak+sklep@gmail.com".into()];
        let found = find_duplicates(&[a, b], &HashSet::new());
        assert_eq!(found.len(), 1);
        assert!(found[0].score >= LIKELY, "{found:?}");
        assert_eq!(found[0].reasons, vec![Reason::SameEmail, Reason::SameName]);
    }

    #[test]
    fn namesakes_are_not_proposed_in_other_towns_nor_in_the_same_one() {
        let mut a = person(1, "Jan", "Kowalski");
        a.places = vec![("00-001".into(), "Warszawa".into())];
        let mut b = person(2, "Jan", "Kowalski");
        b.places = vec![("30-001".into(), "Kraków".into())];
        let mut c = person(3, "Jan", "Kowalski");
        c.places = vec![("00-950".into(), "Warszawa".into())];
        assert!(find_duplicates(&[a, b, c.clone()], &HashSet::new()).is_empty());
        // The same town adds to a phone in common.
        let mut d = person(4, "Jan", "Kowalski");
        d.places = vec![("00-120".into(), "Warszawa".into())];
        d.phones = vec!["+48601000001".into()];
        c.phones = d.phones.clone();
        let found = find_duplicates(&[c, d], &HashSet::new());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].score, 85, "{found:?}");
    }

    #[test]
    fn the_same_name_and_postcode_is_likely_even_with_an_initial_or_swapped() {
        let mut a = person(1, "Иван", "Петров");
        a.places = vec![("101000".into(), "Москва".into())];
        let mut b = person(2, "I.", "Petrov");
        b.places = vec![("101 000".into(), "Moskva".into())];
        let mut c = person(3, "Petrov", "Ivan");
        c.places = vec![("101000".into(), "Moscow".into())];
        let found = find_duplicates(&[a, b, c], &HashSet::new());
        let pairs: Vec<(i64, i64, bool)> = found
            .iter()
            .map(|c| (c.a, c.b, c.score >= LIKELY))
            .collect();
        assert!(pairs.contains(&(1, 2, true)), "{found:?}");
        assert!(pairs.contains(&(1, 3, true)), "{found:?}");
    }

    #[test]
    fn a_shared_phone_with_other_names_is_only_possible_and_a_crowded_one_nothing() {
        let mut a = person(1, "Anna", "Nowak");
        a.phones = vec!["+48601234567".into()];
        let mut b = person(2, "Piotr", "Nowak");
        b.phones = vec!["+48601234567".into()];
        let found = find_duplicates(&[a.clone(), b], &HashSet::new());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].score, Reason::SamePhone.points());
        let crowd: Vec<Person> = (1..=10)
            .map(|i| {
                let mut p = person(i, "X", &format!("Person{i}"));
                p.phones = vec!["+48221234567".into()];
                p
            })
            .collect();
        assert!(find_duplicates(&crowd, &HashSet::new()).is_empty());
    }

    #[test]
    fn dismissed_pairs_are_not_proposed_again() {
        let mut a = person(1, "Anna", "Nowak");
        a.phones = vec!["+48601234567".into()];
        let mut b = person(2, "Anna", "Nowak");
        b.phones = vec!["+48601234567".into()];
        assert_eq!(
            find_duplicates(&[a.clone(), b.clone()], &HashSet::new()).len(),
            1
        );
        assert!(find_duplicates(&[a, b], &HashSet::from([(1, 2)])).is_empty());
    }
}
