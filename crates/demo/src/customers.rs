//! The shop's customers: native names, an address and a mobile number in their
//! country, an e-mail at a local provider, language, consents from checkout, a
//! birthday for some, tags and staff notes for a few. Signed up when they first
//! bought.

use crate::calendar::ShopCalendar;
use crate::consents::{self, Reachability};
use crate::country::Country;
use crate::emails::MailboxRegistry;
use crate::names::{self, DemoName};
use crate::phones;
use crate::places::{self, Recipient};
use crate::texts::{self, NoteTopic};
use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc};
use courtesy_core::{NameCulture, PersonName};
use courtesy_store::{NewAddress, NewCustomer};
use rand::Rng;

/// Orders from which a customer counts as a VIP for the shop.
const VIP_ORDERS: u32 = 12;

/// A customer and what their orders need to know about them.
#[derive(Debug, Clone)]
pub(crate) struct Buyer {
    /// The record to store.
    pub customer: NewCustomer,
    /// Their country.
    pub country: Country,
    /// Buys for a business, in quantity, at a trade discount.
    pub wholesale: bool,
    /// Tagged VIP.
    pub vip: bool,
}

/// The customers' countries, drawn first because when people buy depends on
/// their time zone.
pub(crate) fn countries(rng: &mut impl Rng, customers: usize) -> Vec<Country> {
    (0..customers).map(|_| Country::pick(rng)).collect()
}

fn birthday(now: DateTime<Utc>, rng: &mut impl Rng) -> Option<NaiveDate> {
    let age: i32 = rng.random_range(18..=78);
    NaiveDate::from_yo_opt(now.year() - age, rng.random_range(1..=365))
}

fn tags(wholesale: bool, vip: bool, rng: &mut impl Rng) -> Vec<String> {
    let mut tags = Vec::new();
    let mut tag = |t: &str, on: bool| {
        if on {
            tags.push(t.to_string());
        }
    };
    tag("VIP", vip);
    tag("wholesale", wholesale);
    tag("influencer", rng.random_bool(0.005));
    tag("complained", rng.random_bool(0.025));
    tag("fragrance-free", rng.random_bool(0.015));
    tag("gift buyer", rng.random_bool(0.04));
    tags
}

/// Staff notes that go with the tags, and a remark on a few others.
fn notes(customer: &NewCustomer, rng: &mut impl Rng) -> String {
    let mut topics = Vec::new();
    for (tag, topic) in [
        ("complained", NoteTopic::Complaint),
        ("fragrance-free", NoteTopic::Allergy),
        ("influencer", NoteTopic::Influencer),
        ("wholesale", NoteTopic::Wholesale),
    ] {
        if customer.tags.iter().any(|t| t == tag) {
            topics.push(topic);
        }
    }
    if rng.random_bool(0.05) {
        topics.push(NoteTopic::Preference);
    }
    topics
        .into_iter()
        .map(|t| texts::staff_note(customer.language, t, rng))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Generates customer `index` of `country` who places `orders` orders, the first
/// at `first_order` (if any).
fn customer(
    index: usize,
    country: Country,
    orders: u32,
    first_order: Option<DateTime<Utc>>,
    calendar: &ShopCalendar,
    mailboxes: &mut MailboxRegistry,
    rng: &mut impl Rng,
) -> Buyer {
    let now = calendar.now();
    let female = rng.random_bool(0.64);
    let name: DemoName = names::draw(country, female, rng);
    let language = country.language(rng);
    let wholesale = rng.random_bool(0.006) || (orders >= 40 && rng.random_bool(0.4));
    let vip = orders >= VIP_ORDERS || (orders >= 8 && rng.random_bool(0.3));
    let created_at = match first_order {
        // Most sign up at their first checkout, some made an account earlier.
        Some(t) if rng.random_bool(0.2) => {
            t - TimeDelta::seconds(rng.random_range(3600..30 * 86_400))
        }
        Some(t) => t - TimeDelta::seconds(rng.random_range(30..900)),
        None => calendar.any_time(rng),
    };
    let birthday = if rng.random_bool(0.4) {
        birthday(now, rng)
    } else {
        None
    };
    let birth_year = birthday.map_or_else(|| now.year() - rng.random_range(20..70), |b| b.year());
    let email = rng
        .random_bool(0.95)
        .then(|| mailboxes.address(country, &name, birth_year, rng));
    let mut phones = Vec::new();
    if rng.random_bool(0.9) {
        phones.push(phones::mobile(country, "mobile", rng));
        if rng.random_bool(0.05) {
            phones.push(phones::mobile(country, "work", rng));
        }
    }
    let company = if wholesale {
        texts::company_name(country, &name, rng)
    } else {
        String::new()
    };
    let person = PersonName::new(&name.first, &name.middle, &name.last);
    let full_name = person.full(NameCulture::of(country.code(), language));
    let recipient = Recipient {
        name: &full_name,
        company: &company,
    };
    let mut addresses = vec![NewAddress::new(
        "shipping",
        places::address(country, recipient, rng),
    )];
    if wholesale || rng.random_bool(0.04) {
        addresses.push(NewAddress::new(
            "billing",
            places::address(country, recipient, rng),
        ));
    }
    let do_not_call = rng.random_bool(0.03);
    let reach = Reachability {
        email: email.is_some(),
        phone: !phones.is_empty(),
        do_not_call,
    };
    let consents = consents::draw(reach, created_at, now, rng);
    let tags = tags(wholesale, vip, rng);
    let mut customer = NewCustomer {
        source: "demo".to_string(),
        external_id: Some(format!("C{:05}", index + 1)),
        first_name: name.first,
        middle_name: name.middle,
        last_name: name.last,
        company,
        email,
        phones,
        language,
        country: Some(country.code().to_string()),
        birthday,
        notes: String::new(),
        tags,
        consents,
        do_not_call,
        addresses,
        created_at,
    };
    customer.notes = notes(&customer, rng);
    Buyer {
        customer,
        country,
        wholesale,
        vip,
    }
}

/// All customers, in the order of their external ids. Their phones are as
/// typed; `phones::normalise` adds the E.164 forms.
pub(crate) fn generate(
    rng: &mut impl Rng,
    calendar: &ShopCalendar,
    countries: &[Country],
    counts: &[u32],
    first_orders: &[Option<DateTime<Utc>>],
) -> Vec<Buyer> {
    let mut mailboxes = MailboxRegistry::default();
    countries
        .iter()
        .zip(counts)
        .zip(first_orders)
        .enumerate()
        .map(|(i, ((&country, &orders), &first))| {
            customer(i, country, orders, first, calendar, &mut mailboxes, rng)
        })
        .collect()
}
