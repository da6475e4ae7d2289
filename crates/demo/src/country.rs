//! The six countries the demo shop sells to and what differs between them:
//! share of customers, currency, VAT, time zone, e-mail providers.

use crate::weighted::by_share;
use chrono::{DateTime, NaiveDate, Utc};
use courtesy_core::{Currency, Language, Region};
use rand::Rng;

/// A customer's country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Country {
    Pl,
    De,
    Fi,
    Ru,
    Gb,
    Us,
}

/// Which column of the catalogue's price list a country pays from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PriceList {
    Pln = 0,
    Eur = 1,
    Gbp = 2,
    Usd = 3,
}

/// Shares of customers per country, in percent.
const SHARES: [(Country, u32); 6] = [
    (Country::Pl, 40),
    (Country::De, 15),
    (Country::Fi, 12),
    (Country::Ru, 12),
    (Country::Gb, 11),
    (Country::Us, 10),
];

impl Country {
    /// Every country, most customers first.
    pub(crate) const ALL: [Country; 6] = [
        Country::Pl,
        Country::De,
        Country::Fi,
        Country::Ru,
        Country::Gb,
        Country::Us,
    ];

    /// A country drawn by the shop's customer mix.
    pub(crate) fn pick(rng: &mut impl Rng) -> Country {
        *by_share(&SHARES, rng)
    }

    /// ISO 3166-1 alpha-2.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Country::Pl => "PL",
            Country::De => "DE",
            Country::Fi => "FI",
            Country::Ru => "RU",
            Country::Gb => "GB",
            Country::Us => "US",
        }
    }

    /// The region phone numbers written without `+` are read in.
    pub(crate) fn region(self) -> Region {
        Region::parse(self.code()).expect("the six demo countries are libphonenumber regions")
    }

    /// The price list (and so the currency) the customer pays in.
    pub(crate) fn price_list(self) -> PriceList {
        match self {
            Country::Pl => PriceList::Pln,
            Country::De | Country::Fi | Country::Ru => PriceList::Eur,
            Country::Gb => PriceList::Gbp,
            Country::Us => PriceList::Usd,
        }
    }

    /// The currency of the customer's orders.
    pub(crate) fn currency(self) -> Currency {
        let code = match self.price_list() {
            PriceList::Pln => "PLN",
            PriceList::Eur => "EUR",
            PriceList::Gbp => "GBP",
            PriceList::Usd => "USD",
        };
        Currency::parse(code).expect("a constant ISO 4217 code")
    }

    /// The language of customer-facing texts. Courtesy does not speak German, so
    /// German customers get English or nothing recorded at all.
    pub(crate) fn language(self, rng: &mut impl Rng) -> Option<Language> {
        match self {
            Country::De => rng.random_bool(0.5).then_some(Language::En),
            other => Some(Language::for_country(other.code())),
        }
    }

    /// Hours ahead of UTC in winter; good enough to put orders in the evening.
    pub(crate) fn utc_offset_hours(self) -> i64 {
        match self {
            Country::Pl | Country::De => 1,
            Country::Fi => 2,
            Country::Ru => 3,
            Country::Gb => 0,
            Country::Us => -5,
        }
    }

    /// VAT included in the price, in per mille: the destination's rate inside the
    /// EU (one-stop shop), none on exports. Finland went from 24 % to 25.5 % on
    /// 1 September 2024.
    pub(crate) fn vat_per_mille(self, at: DateTime<Utc>) -> i64 {
        match self {
            Country::Pl => 230,
            Country::De => 190,
            Country::Fi => {
                let change = NaiveDate::from_ymd_opt(2024, 9, 1);
                if change.is_some_and(|d| at.date_naive() < d) {
                    240
                } else {
                    255
                }
            }
            Country::Ru | Country::Gb | Country::Us => 0,
        }
    }

    /// Where people of this country keep their mailbox, with shares.
    pub(crate) fn mail_providers(self) -> &'static [(&'static str, u32)] {
        match self {
            Country::Pl => &[
                ("gmail.com", 32),
                ("wp.pl", 24),
                ("onet.pl", 14),
                ("o2.pl", 10),
                ("interia.pl", 10),
                ("outlook.com", 5),
                ("icloud.com", 5),
            ],
            Country::De => &[
                ("gmx.de", 28),
                ("web.de", 28),
                ("gmail.com", 22),
                ("t-online.de", 14),
                ("outlook.com", 8),
            ],
            Country::Fi => &[
                ("gmail.com", 42),
                ("elisanet.fi", 14),
                ("saunalahti.fi", 12),
                ("outlook.com", 12),
                ("luukku.com", 8),
                ("icloud.com", 12),
            ],
            Country::Ru => &[
                ("yandex.ru", 34),
                ("mail.ru", 34),
                ("gmail.com", 18),
                ("rambler.ru", 6),
                ("bk.ru", 8),
            ],
            Country::Gb => &[
                ("gmail.com", 34),
                ("outlook.com", 14),
                ("hotmail.co.uk", 14),
                ("btinternet.com", 10),
                ("icloud.com", 12),
                ("yahoo.co.uk", 10),
                ("sky.com", 6),
            ],
            Country::Us => &[
                ("gmail.com", 46),
                ("yahoo.com", 14),
                ("outlook.com", 10),
                ("icloud.com", 16),
                ("hotmail.com", 9),
                ("aol.com", 5),
            ],
        }
    }
}
