//! British addresses: `12 High Street`, `Flat 3`, postcodes such as `SW1A 1AA`.

use super::Town;
use crate::weighted::{any, WeightedTable};
use courtesy_core::PostalAddress;
use rand::Rng;
use std::sync::OnceLock;

/// Towns with their county (empty for the big cities) and postcode districts;
/// the numbers of [`Town`] are unused here, the weight is the last one.
#[rustfmt::skip]
const TOWNS: &[(Town, &[&str])] = &[
    (("London", "", 0, 0, 150), &["SW1A", "SW3", "SW11", "SE1", "SE15", "N1", "N16", "E2", "E17", "NW3", "NW6", "W11", "W4", "EC1V", "WC2H"]),
    (("Manchester", "", 0, 0, 30), &["M1", "M4", "M14", "M20", "M21"]),
    (("Birmingham", "", 0, 0, 30), &["B1", "B13", "B15", "B29"]),
    (("Leeds", "", 0, 0, 20), &["LS1", "LS6", "LS8"]),
    (("Glasgow", "", 0, 0, 20), &["G1", "G3", "G12"]),
    (("Edinburgh", "", 0, 0, 18), &["EH1", "EH3", "EH9", "EH10"]),
    (("Bristol", "", 0, 0, 16), &["BS1", "BS6", "BS8"]),
    (("Liverpool", "", 0, 0, 15), &["L1", "L8", "L17"]),
    (("Sheffield", "", 0, 0, 13), &["S1", "S10", "S11"]),
    (("Cardiff", "", 0, 0, 12), &["CF10", "CF11", "CF24"]),
    (("Belfast", "County Antrim", 0, 0, 10), &["BT1", "BT7", "BT9"]),
    (("Oxford", "Oxfordshire", 0, 0, 6), &["OX1", "OX2", "OX4"]),
    (("Cambridge", "Cambridgeshire", 0, 0, 6), &["CB1", "CB2", "CB4"]),
    (("York", "North Yorkshire", 0, 0, 6), &["YO1", "YO10", "YO31"]),
    (("Brighton", "East Sussex", 0, 0, 8), &["BN1", "BN2"]),
    (("Bath", "Somerset", 0, 0, 4), &["BA1", "BA2"]),
    (("Norwich", "Norfolk", 0, 0, 5), &["NR1", "NR2", "NR3"]),
    (("Nottingham", "", 0, 0, 10), &["NG1", "NG5", "NG7"]),
    (("Newcastle upon Tyne", "", 0, 0, 9), &["NE1", "NE2", "NE6"]),
    (("Exeter", "Devon", 0, 0, 4), &["EX1", "EX2", "EX4"]),
    (("Harrogate", "North Yorkshire", 0, 0, 3), &["HG1", "HG2"]),
];

#[rustfmt::skip]
const STREETS: &[&str] = &[
    "High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue", "Mill Lane",
    "The Green", "Queen's Road", "King Street", "Manor Road", "Kingsway", "Albert Road",
    "Orchard Close", "Meadow Way", "Chapel Street", "Grove Road", "Windsor Terrace",
    "St John's Road", "Elm Grove", "Beech Avenue", "London Road", "York Road",
    "Springfield Road", "Cromwell Road", "Hawthorn Drive", "Castle Street", "Abbey Road",
];

/// Letters British postcodes use in the inward code (never C, I, K, M, O, V).
const INWARD_LETTERS: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";

static PICKER: OnceLock<WeightedTable> = OnceLock::new();

/// A British address with a full postcode.
pub(super) fn address(rng: &mut impl Rng) -> PostalAddress {
    let table =
        PICKER.get_or_init(|| WeightedTable::new(TOWNS.iter().map(|(t, _)| u64::from(t.4))));
    let (town, districts) = &TOWNS[table.pick(rng)];
    let letter = |rng: &mut _| char::from(any(INWARD_LETTERS, rng));
    let postcode = format!(
        "{} {}{}{}",
        any(districts, rng),
        rng.random_range(1..=9),
        letter(rng),
        letter(rng)
    );
    let line2 = if rng.random_bool(0.2) {
        format!("Flat {}", rng.random_range(1..=24))
    } else {
        String::new()
    };
    PostalAddress {
        line1: format!("{} {}", rng.random_range(1..=180), any(STREETS, rng)),
        line2,
        postal_code: postcode,
        city: town.0.to_string(),
        region: town.1.to_string(),
        ..PostalAddress::default()
    }
}
