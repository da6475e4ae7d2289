//! US addresses: `350 Maple Avenue`, `Apt 4B`, city, two-letter state, ZIP code.
//! Also the area codes of those cities, for phone numbers.

use super::{fields, postal_number, town, Town};
use crate::weighted::any;
use courtesy_core::PostalAddress;
use rand::Rng;
use std::sync::OnceLock;

#[rustfmt::skip]
const TOWNS: &[Town] = &[
    ("New York", "NY", 10001, 10282, 60),
    ("Brooklyn", "NY", 11201, 11256, 30),
    ("Los Angeles", "CA", 90001, 90089, 40),
    ("Chicago", "IL", 60601, 60661, 35),
    ("Houston", "TX", 77001, 77099, 22),
    ("Phoenix", "AZ", 85001, 85054, 15),
    ("Philadelphia", "PA", 19102, 19154, 15),
    ("San Antonio", "TX", 78201, 78260, 10),
    ("San Diego", "CA", 92101, 92199, 13),
    ("Dallas", "TX", 75201, 75254, 13),
    ("Austin", "TX", 78701, 78759, 12),
    ("Seattle", "WA", 98101, 98199, 14),
    ("Denver", "CO", 80202, 80249, 11),
    ("Boston", "MA", 2108, 2137, 13),
    ("Portland", "OR", 97201, 97236, 10),
    ("Minneapolis", "MN", 55401, 55488, 9),
    ("Atlanta", "GA", 30303, 30363, 10),
    ("Miami", "FL", 33101, 33199, 10),
    ("Nashville", "TN", 37201, 37250, 8),
    ("Pittsburgh", "PA", 15201, 15244, 7),
    ("Cleveland", "OH", 44101, 44199, 6),
    ("Madison", "WI", 53703, 53726, 4),
    ("Burlington", "VT", 5401, 5408, 2),
    ("Anchorage", "AK", 99501, 99524, 2),
    ("Honolulu", "HI", 96813, 96826, 3),
    ("Hamtramck", "MI", 48211, 48212, 2),
];

/// Area codes of the cities above (and their suburbs), all in service.
#[rustfmt::skip]
pub(crate) const AREA_CODES: &[u16] = &[
    212, 646, 917, 718, 347, 213, 310, 323, 818, 312, 773, 713, 832, 602, 480, 215, 267,
    210, 619, 858, 214, 469, 512, 737, 206, 303, 720, 617, 857, 503, 971, 612, 404, 470,
    305, 786, 615, 412, 216, 608, 802, 907, 808, 313,
];

#[rustfmt::skip]
const STREETS: &[&str] = &[
    "Main Street", "Oak Street", "Maple Avenue", "Cedar Lane", "Elm Street", "Washington Street",
    "Park Avenue", "Lake Shore Drive", "Sunset Boulevard", "Pine Street", "2nd Street",
    "Broadway", "Market Street", "Highland Avenue", "Church Street", "Walnut Street",
    "Willow Way", "Jefferson Avenue", "Lincoln Road", "Madison Avenue", "Chestnut Street",
    "Spring Street", "Ridge Road", "Hillcrest Drive", "Fifth Avenue", "Magnolia Court",
];

static PICKER: OnceLock<crate::weighted::WeightedTable> = OnceLock::new();

/// A US address; flats and suites go on the second line.
pub(super) fn address(rng: &mut impl Rng) -> PostalAddress {
    let t = town(TOWNS, &PICKER, rng);
    let zip = postal_number(t, 1, rng);
    let line1 = format!("{} {}", rng.random_range(1..=9800), any(STREETS, rng));
    let line2 = match rng.random_range(0..100) {
        0..=19 => format!(
            "Apt {}{}",
            rng.random_range(1..=30),
            ['A', 'B', 'C', 'D', 'E', 'F'][rng.random_range(0..6)]
        ),
        20..=23 => format!("Suite {}", rng.random_range(100..=950)),
        _ => String::new(),
    };
    fields(line1, line2, format!("{zip:05}"), t)
}
