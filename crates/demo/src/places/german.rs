//! German addresses: `Lindenstraße 12a`, five-digit PLZ, Land.

use super::{fields, house_number, postal_number, town, Town};
use crate::weighted::any;
use courtesy_core::PostalAddress;
use rand::Rng;
use std::sync::OnceLock;

#[rustfmt::skip]
const TOWNS: &[Town] = &[
    ("Berlin", "Berlin", 10115, 14199, 140),
    ("Hamburg", "Hamburg", 20095, 22769, 75),
    ("München", "Bayern", 80331, 81929, 60),
    ("Köln", "Nordrhein-Westfalen", 50667, 51149, 43),
    ("Frankfurt am Main", "Hessen", 60306, 60599, 30),
    ("Stuttgart", "Baden-Württemberg", 70173, 70629, 25),
    ("Düsseldorf", "Nordrhein-Westfalen", 40210, 40629, 25),
    ("Leipzig", "Sachsen", 4103, 4357, 24),
    ("Dortmund", "Nordrhein-Westfalen", 44135, 44388, 23),
    ("Essen", "Nordrhein-Westfalen", 45127, 45359, 23),
    ("Bremen", "Bremen", 28195, 28779, 22),
    ("Dresden", "Sachsen", 1067, 1328, 22),
    ("Hannover", "Niedersachsen", 30159, 30669, 21),
    ("Nürnberg", "Bayern", 90402, 90491, 21),
    ("Freiburg im Breisgau", "Baden-Württemberg", 79098, 79117, 9),
    ("Münster", "Nordrhein-Westfalen", 48143, 48167, 12),
    ("Lübeck", "Schleswig-Holstein", 23552, 23570, 9),
    ("Würzburg", "Bayern", 97070, 97084, 5),
    ("Göttingen", "Niedersachsen", 37073, 37085, 5),
    ("Regensburg", "Bayern", 93047, 93059, 6),
    ("Heidelberg", "Baden-Württemberg", 69115, 69126, 6),
    ("Bonn", "Nordrhein-Westfalen", 53111, 53229, 13),
    ("Potsdam", "Brandenburg", 14467, 14482, 7),
    ("Rostock", "Mecklenburg-Vorpommern", 18055, 18147, 8),
];

#[rustfmt::skip]
const STREETS: &[&str] = &[
    "Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße", "Dorfstraße", "Bergstraße",
    "Birkenweg", "Lindenstraße", "Kirchstraße", "Waldstraße", "Ringstraße", "Schillerstraße",
    "Goethestraße", "Mozartstraße", "Am Markt", "Friedrichstraße", "Königsallee", "Müllerstraße",
    "Schloßstraße", "Weißdornweg", "Rosenweg", "Amselweg", "Feldstraße", "Wiesenweg",
    "Kastanienallee", "Fröbelstraße", "Brückenstraße", "Uhlandstraße", "Beethovenstraße",
    "Große Straße", "Kölner Straße", "Am Mühlbach",
];

static PICKER: OnceLock<crate::weighted::WeightedTable> = OnceLock::new();

/// A German address; a few name the floor on the second line.
pub(super) fn address(rng: &mut impl Rng) -> PostalAddress {
    let t = town(TOWNS, &PICKER, rng);
    let n = postal_number(t, 1, rng);
    let line1 = format!("{} {}", any(STREETS, rng), house_number(rng, 0.1, true));
    let line2 = if rng.random_bool(0.08) {
        format!("{}. OG", rng.random_range(1..=5))
    } else {
        String::new()
    };
    fields(line1, line2, format!("{n:05}"), t)
}
