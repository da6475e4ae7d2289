//! Whether a parsed number is valid, and its region: the decisions of the
//! `phonenumber` crate (`is_valid`, `PhoneNumber::country().id()`), taken on
//! the same metadata with the same steps, but with each pattern compiled once
//! per thread and anchored, instead of fetched from the crate's shared cache of
//! a hundred patterns (hashing the pattern's text each time, and recompiling it
//! when a handful of countries cycle through more than a hundred patterns).
//!
//! The crate tests a pattern with `find` and accepts a match that starts at
//! the first digit; `^(?:pattern)` matches exactly when such a match exists.

use phonenumber::country;
use phonenumber::metadata::{Descriptor, Metadata, DATABASE};
use phonenumber::PhoneNumber;
use regex::{Regex, RegexBuilder};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Hashes an address by one multiplication (the keys are distinct addresses,
/// not text from outside).
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

type ByAddress<V> = HashMap<usize, V, BuildHasherDefault<AddressHasher>>;

thread_local! {
    /// Compiled patterns by the address of their text in the crate's static
    /// metadata (which lives as long as the program); `None` if one would not
    /// compile anchored, which falls back to the crate's own matching.
    static ANCHORED: RefCell<ByAddress<Option<Regex>>> = RefCell::new(ByAddress::default());
}

/// Whether the metadata's pattern `source` matches `value` from its start;
/// `crate_match` asks the crate instead, should the pattern not compile anchored.
fn matches_from_start(source: &str, value: &str, crate_match: impl FnOnce() -> bool) -> bool {
    ANCHORED.with(|cache| {
        let mut cache = cache.borrow_mut();
        let compiled = cache.entry(source.as_ptr() as usize).or_insert_with(|| {
            // The metadata's patterns are compiled ignoring whitespace; the
            // line breaks keep a trailing comment from swallowing the `)`.
            RegexBuilder::new(&format!("^(?:\n{source}\n)"))
                .ignore_whitespace(true)
                .build()
                .ok()
        });
        match compiled {
            Some(regex) => regex.is_match(value),
            None => crate_match(),
        }
    })
}

/// The crate's `Descriptor::is_match`: a possible length, and the pattern.
fn described(descriptor: &Descriptor, value: &str) -> bool {
    let lengths = descriptor.possible_length();
    let pattern = descriptor.national_number();
    (lengths.is_empty() || lengths.contains(&(value.len() as u16)))
        && matches_from_start(pattern.as_str(), value, || {
            pattern.find(value).is_some_and(|m| m.start() == 0)
        })
}

/// Whether the crate's `number_type` is anything but `Unknown`: the general
/// description matches and so does one of the types.
fn has_type(meta: &Metadata, national: &str) -> bool {
    let d = meta.descriptors();
    described(d.general(), national)
        && [
            d.premium_rate(),
            d.toll_free(),
            d.shared_cost(),
            d.voip(),
            d.personal_number(),
            d.pager(),
            d.uan(),
            d.voicemail(),
            d.fixed_line(),
            d.mobile(),
        ]
        .into_iter()
        .flatten()
        .any(|desc| described(desc, national))
}

/// The crate's `source_for` followed by its metadata lookup: the metadata a
/// national number with country code `code` is read with.
fn metadata_for(code: u16, national: &str) -> Option<&'static Metadata> {
    let regions = DATABASE.region(&code)?;
    if let [only] = regions[..] {
        return if only == "001" {
            DATABASE.by_code(&code).and_then(|m| m.into_iter().next())
        } else {
            let id: country::Id = only.parse().ok()?;
            DATABASE.by_id(id.as_ref())
        };
    }
    for region in regions {
        let meta = DATABASE.by_id(region)?;
        let belongs = match meta.leading_digits() {
            Some(pattern) => matches_from_start(pattern.as_str(), national, || {
                pattern.find(national).is_some_and(|m| m.start() == 0)
            }),
            None => has_type(meta, national),
        };
        if belongs {
            let id: country::Id = region.parse().ok()?;
            return DATABASE.by_id(id.as_ref());
        }
    }
    None
}

/// `phonenumber::is_valid(number)`.
pub(super) fn is_valid(number: &PhoneNumber) -> bool {
    let national = number.national().to_string();
    metadata_for(number.code().value(), &national).is_some_and(|meta| has_type(meta, &national))
}

/// `number.country().id()`: the region the number belongs to, when it maps to one.
pub(super) fn region(number: &PhoneNumber) -> Option<country::Id> {
    let national = number.national().value().to_string();
    metadata_for(number.code().value(), &national).and_then(|meta| meta.id().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    /// Numbers shaped as people type them, from a fixed pseudo-random sequence:
    /// national and international, with spaces, dashes, brackets, trunk
    /// prefixes and `00`, of many lengths, for countries with one region per
    /// code and codes shared by several (+1, +7, +44, +358).
    fn typed_numbers(count: usize) -> Vec<String> {
        let prefixes = [
            "", "", "", "+48", "+49", "+358", "+7", "+44", "+1", "+39", "+33", "0048", "8", "0",
            "+", "00", "+800", "+979", "+262", "+590",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        (0..count)
            .map(|_| {
                let mut text = prefixes[next(prefixes.len() as u64) as usize].to_string();
                let digits = 3 + next(11);
                for i in 0..digits {
                    match next(12) {
                        0 if i > 0 => text.push(' '),
                        1 if i > 0 => text.push('-'),
                        2 if i == 1 => text.push_str(" ("),
                        _ => {}
                    }
                    let first = if i == 0 {
                        [5, 6, 7, 9, 4, 1, 2, 3][next(8) as usize]
                    } else {
                        next(10)
                    };
                    text.push(char::from(b'0' + first as u8));
                    if i == 3 && text.contains('(') && !text.contains(')') {
                        text.push_str(") ");
                    }
                }
                text
            })
            .collect()
    }

    #[test]
    fn validity_and_region_are_the_crates_decisions() {
        let regions = ["PL", "DE", "FI", "RU", "GB", "US", "IT", "FR", "KZ", "AX"];
        let mut valid = 0;
        for (i, raw) in typed_numbers(12_000).iter().enumerate() {
            let region = country::Id::from_str(regions[i % regions.len()]).unwrap();
            let Ok(number) = phonenumber::parse(Some(region), raw) else {
                continue;
            };
            let crate_says = phonenumber::is_valid(&number);
            assert_eq!(
                is_valid(&number),
                crate_says,
                "validity of {raw:?} in {region:?}"
            );
            assert_eq!(
                super::region(&number),
                number.country().id(),
                "region of {raw:?} in {region:?}"
            );
            valid += usize::from(crate_says);
        }
        assert!(valid > 1_000, "the sample holds valid numbers too: {valid}");
    }
}
