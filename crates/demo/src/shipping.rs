//! How parcels travel from the shop in Poland: InPost, DPD and Poczta Polska at
//! home, DHL to Germany, Posti to Finland, Royal Mail to the UK, USPS to the US,
//! international post to Russia; with prices, free-shipping thresholds and transit
//! times.

use crate::country::Country;
use crate::weighted::by_share;
use rand::Rng;

/// A shipping method offered at checkout.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Carrier {
    /// As shown at checkout and on the slip.
    pub name: &'static str,
    /// What the customer pays, in the country's currency.
    pub price: i64,
    /// Days on the road, fewest and most.
    pub transit_days: (i64, i64),
    /// Per mille of parcels whose delivery is scanned (untracked ones stay "fulfilled").
    pub scanned_per_mille: u32,
}

const fn carrier(
    name: &'static str,
    price: i64,
    transit_days: (i64, i64),
    scanned_per_mille: u32,
) -> Carrier {
    Carrier {
        name,
        price,
        transit_days,
        scanned_per_mille,
    }
}

#[rustfmt::skip]
const POLAND: &[(Carrier, u32)] = &[
    (carrier("InPost Paczkomat", 1399, (1, 2), 1000), 55),
    (carrier("DPD", 1699, (1, 2), 1000), 20),
    (carrier("Poczta Polska", 1299, (2, 4), 990), 15),
    (carrier("InPost Kurier", 1599, (1, 2), 1000), 10),
];
#[rustfmt::skip]
const GERMANY: &[(Carrier, u32)] = &[
    (carrier("DHL Paket", 790, (2, 4), 1000), 80),
    (carrier("DHL Packstation", 790, (2, 4), 1000), 20),
];
#[rustfmt::skip]
const FINLAND: &[(Carrier, u32)] = &[
    (carrier("Posti SmartPOST", 990, (3, 6), 1000), 70),
    (carrier("Posti kotiinkuljetus", 1590, (3, 6), 1000), 30),
];
#[rustfmt::skip]
const RUSSIA: &[(Carrier, u32)] = &[
    (carrier("Poczta Polska Priority International", 1990, (10, 30), 750), 70),
    (carrier("EMS International", 2990, (7, 15), 950), 30),
];
#[rustfmt::skip]
const BRITAIN: &[(Carrier, u32)] = &[
    (carrier("Royal Mail Tracked 48", 890, (3, 6), 1000), 70),
    (carrier("Royal Mail Tracked 24", 1190, (2, 4), 1000), 30),
];
#[rustfmt::skip]
const STATES: &[(Carrier, u32)] = &[
    (carrier("USPS Priority Mail International", 2490, (6, 10), 980), 60),
    (carrier("USPS First-Class Package International", 1790, (8, 16), 900), 40),
];

/// The method a customer in `country` picks.
pub(crate) fn pick(country: Country, rng: &mut impl Rng) -> &'static Carrier {
    let table = match country {
        Country::Pl => POLAND,
        Country::De => GERMANY,
        Country::Fi => FINLAND,
        Country::Ru => RUSSIA,
        Country::Gb => BRITAIN,
        Country::Us => STATES,
    };
    by_share(table, rng)
}

/// Order value (after discounts, in the country's currency) from which shipping
/// is free; Russia never ships free.
pub(crate) fn free_from(country: Country) -> Option<i64> {
    match country {
        Country::Pl => Some(19_900),
        Country::De | Country::Gb => Some(6_000),
        Country::Fi => Some(8_000),
        Country::Us => Some(12_000),
        Country::Ru => None,
    }
}
