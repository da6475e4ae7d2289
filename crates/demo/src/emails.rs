//! E-mail addresses people make from their names: `anna.kowalska@wp.pl`,
//! `smirnova.olga85@yandex.ru`, `juergen.mueller@gmx.de`, at the providers people
//! of each country use. Every address is unique in the shop (the database keeps
//! e-mail unique), so a taken one gets digits, as the provider would ask for.

use crate::country::Country;
use crate::names::DemoName;
use crate::weighted::by_share;
use courtesy_core::duplicates::mailbox;
use courtesy_core::fold_for_search;
use rand::Rng;
use std::collections::HashSet;

/// The mailboxes handed out so far (see [`mailbox`]).
#[derive(Debug, Default)]
pub(crate) struct MailboxRegistry {
    taken: HashSet<String>,
}

/// A name part as it goes into an address: ASCII letters only, German umlauts
/// spelled out (`Müller` → `mueller`), everything else transliterated.
fn mailbox_word(country: Country, text: &str) -> String {
    let spelled = if country == Country::De {
        text.replace('ä', "ae")
            .replace('ö', "oe")
            .replace('ü', "ue")
            .replace('Ä', "Ae")
            .replace('Ö', "Oe")
            .replace('Ü', "Ue")
            .replace('ß', "ss")
    } else {
        text.to_string()
    };
    fold_for_search(&spelled)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

impl MailboxRegistry {
    /// A new, unique address for a person of `country` born in `birth_year`.
    pub(crate) fn address(
        &mut self,
        country: Country,
        name: &DemoName,
        birth_year: i32,
        rng: &mut impl Rng,
    ) -> String {
        let first = mailbox_word(country, &name.first);
        let last = mailbox_word(country, &name.last);
        let initial: String = first.chars().take(1).collect();
        let yy = format!("{:02}", birth_year.rem_euclid(100));
        let local = match by_share(
            &[
                (0, 30),
                (1, 12),
                (2, 12),
                (3, 6),
                (4, 12),
                (5, 6),
                (6, 8),
                (7, 6),
                (8, 8),
            ],
            rng,
        ) {
            0 => format!("{first}.{last}"),
            1 => format!("{first}{last}"),
            2 => format!("{initial}.{last}"),
            3 => format!("{first}_{last}"),
            4 => format!("{first}.{last}{yy}"),
            5 => format!("{last}.{first}"),
            6 => format!("{first}{birth_year}"),
            7 => format!("{first}.{last}{}", rng.random_range(1..100)),
            _ => format!("{last}{initial}"),
        };
        let provider = by_share(country.mail_providers(), rng);
        // Taken means the mailbox: Gmail's `anna.nowak` is `annanowak` too.
        let taken = |c: &str, t: &HashSet<String>| t.contains(&mailbox(c));
        let mut candidate = format!("{local}@{provider}");
        if taken(&candidate, &self.taken) {
            candidate = format!("{local}{yy}@{provider}");
        }
        while taken(&candidate, &self.taken) {
            candidate = format!("{local}{}@{provider}", rng.random_range(1..10_000));
        }
        self.taken.insert(mailbox(&candidate));
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn person(first: &str, last: &str) -> DemoName {
        DemoName {
            first: first.into(),
            middle: String::new(),
            last: last.into(),
        }
    }

    #[test]
    fn addresses_are_ascii_transliterations_and_never_repeat() {
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let mut registry = MailboxRegistry::default();
        let mut seen = HashSet::new();
        for (country, p) in [
            (Country::De, person("Jürgen", "Weiß")),
            (Country::Pl, person("Łukasz", "Wójcik")),
            (Country::Ru, person("Ольга", "Смирнова")),
            (Country::Gb, person("Siobhan", "O'Brien")),
        ] {
            for _ in 0..200 {
                let a = registry.address(country, &p, 1984, &mut rng);
                assert!(a.is_ascii() && a == a.to_lowercase(), "{a}");
                assert!(courtesy_core::normalise_email(&a).is_ok(), "{a}");
                assert!(seen.insert(a.clone()), "{a} handed out twice");
            }
        }
        assert!(seen
            .iter()
            .any(|a| a.contains("juergen") || a.contains("weiss")));
        assert!(seen
            .iter()
            .any(|a| a.contains("lukasz") || a.contains("wojcik")));
        assert!(seen.iter().any(|a| a.contains("smirnova")));
        assert!(seen.iter().any(|a| a.contains("obrien")));
    }
}
