//! Finnish addresses: `Hämeenkatu 12 A 5` (stair and flat), postal code `00100`.

use super::{fields, house_number, postal_number, town, Town};
use crate::weighted::any;
use courtesy_core::PostalAddress;
use rand::Rng;
use std::sync::OnceLock;

#[rustfmt::skip]
const TOWNS: &[Town] = &[
    ("Helsinki", "", 100, 990, 130),
    ("Espoo", "", 2100, 2980, 60),
    ("Tampere", "", 33100, 33960, 50),
    ("Vantaa", "", 1300, 1900, 48),
    ("Oulu", "", 90100, 90940, 43),
    ("Turku", "", 20100, 20960, 40),
    ("Jyväskylä", "", 40100, 40950, 29),
    ("Lahti", "", 15100, 15950, 24),
    ("Kuopio", "", 70100, 70950, 25),
    ("Pori", "", 28100, 28900, 17),
    ("Joensuu", "", 80100, 80910, 16),
    ("Lappeenranta", "", 53100, 53950, 15),
    ("Hämeenlinna", "", 13100, 13900, 14),
    ("Vaasa", "", 65100, 65800, 14),
    ("Rovaniemi", "", 96100, 96930, 13),
    ("Seinäjoki", "", 60100, 60800, 13),
    ("Kotka", "", 48100, 48930, 10),
    ("Porvoo", "", 6100, 6750, 10),
    ("Mikkeli", "", 50100, 50970, 10),
    ("Järvenpää", "", 4400, 4480, 9),
];

#[rustfmt::skip]
const STREETS: &[&str] = &[
    "Mannerheimintie", "Aleksanterinkatu", "Hämeenkatu", "Kauppakatu", "Koulukatu", "Puistokatu",
    "Rantatie", "Kirkkokatu", "Satamakatu", "Asemakatu", "Myllytie", "Koivutie", "Mäntytie",
    "Kuusitie", "Pihlajatie", "Tehtaankatu", "Läntinen Rantakatu", "Itäinen Pitkäkatu",
    "Yliopistonkatu", "Väinämöisenkatu", "Kalevankatu", "Pohjoisesplanadi", "Kauppurienkatu",
    "Hallituskatu", "Sibeliuksenkatu", "Runeberginkatu", "Jääkärinkatu", "Pyynikintie",
    "Ruusutie", "Päivärinnankatu", "Kivikkotie", "Saarenkatu",
];

static PICKER: OnceLock<crate::weighted::WeightedTable> = OnceLock::new();

/// A Finnish address; flats carry the stair letter and the flat number.
pub(super) fn address(rng: &mut impl Rng) -> PostalAddress {
    let t = town(TOWNS, &PICKER, rng);
    let n = postal_number(t, 10, rng);
    let street = any(STREETS, rng);
    let house = house_number(rng, 0.0, false);
    let line1 = if rng.random_bool(0.65) {
        let stair = ['A', 'B', 'C', 'D'][rng.random_range(0..4)];
        format!("{street} {house} {stair} {}", rng.random_range(1..=60))
    } else {
        format!("{street} {house}")
    };
    fields(line1, String::new(), format!("{n:05}"), t)
}
