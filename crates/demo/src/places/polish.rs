//! Polish addresses: `ul. Kwiatowa 12/4`, postal code `00-950`, voivodeship.

use super::{fields, house_number, postal_number, town, Town};
use crate::weighted::any;
use courtesy_core::PostalAddress;
use rand::Rng;
use std::sync::OnceLock;

#[rustfmt::skip]
const TOWNS: &[Town] = &[
    ("Warszawa", "mazowieckie", 1, 4999, 180),
    ("Kraków", "małopolskie", 30001, 31999, 80),
    ("Łódź", "łódzkie", 90001, 94999, 65),
    ("Wrocław", "dolnośląskie", 50001, 54999, 65),
    ("Poznań", "wielkopolskie", 60001, 61999, 55),
    ("Gdańsk", "pomorskie", 80001, 80999, 47),
    ("Szczecin", "zachodniopomorskie", 70001, 71999, 40),
    ("Bydgoszcz", "kujawsko-pomorskie", 85001, 85999, 33),
    ("Lublin", "lubelskie", 20001, 20999, 34),
    ("Białystok", "podlaskie", 15001, 15999, 30),
    ("Katowice", "śląskie", 40001, 40999, 29),
    ("Gdynia", "pomorskie", 81001, 81699, 24),
    ("Sopot", "pomorskie", 81701, 81899, 4),
    ("Częstochowa", "śląskie", 42200, 42229, 21),
    ("Radom", "mazowieckie", 26600, 26699, 20),
    ("Toruń", "kujawsko-pomorskie", 87100, 87119, 20),
    ("Rzeszów", "podkarpackie", 35001, 35999, 20),
    ("Kielce", "świętokrzyskie", 25001, 25999, 19),
    ("Olsztyn", "warmińsko-mazurskie", 10001, 10999, 17),
    ("Zielona Góra", "lubuskie", 65001, 65999, 14),
    ("Opole", "opolskie", 45001, 45999, 13),
    ("Gliwice", "śląskie", 44100, 44164, 17),
    ("Bielsko-Biała", "śląskie", 43300, 43382, 17),
    ("Tarnów", "małopolskie", 33100, 33110, 11),
    ("Nowy Sącz", "małopolskie", 33300, 33310, 8),
    ("Zakopane", "małopolskie", 34500, 34500, 3),
    ("Żyrardów", "mazowieckie", 96300, 96300, 4),
    ("Łomża", "podlaskie", 18400, 18400, 6),
    ("Świnoujście", "zachodniopomorskie", 72600, 72602, 4),
    ("Gniezno", "wielkopolskie", 62200, 62200, 7),
    ("Piaseczno", "mazowieckie", 5500, 5500, 5),
    ("Wieliczka", "małopolskie", 32020, 32020, 3),
    ("Ząbki", "mazowieckie", 5091, 5091, 3),
];

#[rustfmt::skip]
const STREETS: &[&str] = &[
    "ul. Marszałkowska", "ul. Długa", "ul. Kwiatowa", "ul. Polna", "ul. Leśna", "ul. Słoneczna",
    "ul. Krótka", "ul. Szkolna", "ul. Ogrodowa", "ul. Lipowa", "ul. Brzozowa", "ul. Łąkowa",
    "ul. Kościuszki", "ul. Mickiewicza", "ul. Sienkiewicza", "ul. Piłsudskiego", "ul. Jana Pawła II",
    "ul. Żeromskiego", "ul. Słowackiego", "ul. Kopernika", "ul. Wojska Polskiego", "ul. 3 Maja",
    "ul. Grunwaldzka", "ul. Źródlana", "ul. Wiśniowa", "ul. Świętokrzyska", "al. Jerozolimskie",
    "al. Niepodległości", "os. Tysiąclecia", "pl. Wolności", "ul. Żwirki i Wigury",
    "ul. Chełmońskiego", "ul. Bolesława Chrobrego", "ul. Ks. Józefa Poniatowskiego",
    "ul. Gałczyńskiego", "ul. Reymonta", "ul. Dębowa", "ul. Jaśminowa", "ul. Różana",
];

static PICKER: OnceLock<crate::weighted::WeightedTable> = OnceLock::new();

/// A Polish address; the flat number follows the house number after a slash.
pub(super) fn address(rng: &mut impl Rng) -> PostalAddress {
    let t = town(TOWNS, &PICKER, rng);
    let n = postal_number(t, 1, rng);
    let house = house_number(rng, 0.06, false);
    let line1 = if rng.random_bool(0.6) {
        format!(
            "{} {house}/{}",
            any(STREETS, rng),
            rng.random_range(1..=120)
        )
    } else {
        format!("{} {house}", any(STREETS, rng))
    };
    fields(
        line1,
        String::new(),
        format!("{:02}-{:03}", n / 1000, n % 1000),
        t,
    )
}
