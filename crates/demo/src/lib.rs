//! A believable demo shop for Courtesy: a small gift, tea and cosmetics shop in
//! Poland selling to Poland, Germany, Finland, Russia, the UK and the US.
//!
//! [`generate`] is a pure function of `now`, a seed and a [`Scale`]: no clock, no
//! files, no OS randomness. The same inputs give the same shop on every platform
//! (ChaCha8 streams), so tests, screenshots and benchmarks can rely on it. Big
//! shops are generated on all cores, in pieces with their own streams, so the
//! result does not depend on the number of threads either. The result is written
//! with `courtesy_store::Store::load_shop`.
//!
//! Customers carry native names (Łukasz Wójcik, Ольга Петровна Смирнова, Väinö
//! Äijälä), addresses and phone numbers typed the way people type them; orders
//! spread over the two years before `now` with a few loyal big spenders and many
//! one-time buyers, the way a real shop's history looks.
#![deny(missing_docs)]

mod aftercare;
mod calendar;
mod catalogue;
mod consents;
mod country;
mod customers;
mod emails;
mod fulfilment;
mod names;
mod orders;
mod parallel;
mod phones;
mod places;
mod purchases;
mod shipping;
mod texts;
mod weighted;

#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};
use courtesy_store::{Actor, LoadCounts, NewCustomer, NewOrder, NewProduct, Store, StoreError};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// The seed `courtesy demo` uses unless told otherwise.
pub const DEFAULT_SEED: u64 = 7;

/// Changes whenever the same seed and scale start giving a different shop, so
/// caches of generated databases (the search benchmark's) know to rebuild.
pub const GENERATOR_VERSION: u32 = 2;

/// How big a shop to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Scale {
    /// Number of customers.
    pub customers: usize,
    /// Number of orders, spread over the customers (every customer gets at least
    /// one when there are at least as many orders as customers).
    pub orders: usize,
}

impl Scale {
    /// The shop `courtesy demo` creates: big enough to feel real in every screen.
    pub const DEMO: Scale = Scale {
        customers: 2_400,
        orders: 7_000,
    };

    /// The shop the search benchmark runs against: the largest shop Courtesy is built for.
    pub const BENCHMARK: Scale = Scale {
        customers: 100_000,
        orders: 1_000_000,
    };
}

/// A whole generated shop, ready for `Store::load_shop`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoShop {
    /// The catalogue (about 120 products).
    pub products: Vec<NewProduct>,
    /// Customers, external ids `C00001`…
    pub customers: Vec<NewCustomer>,
    /// Orders in the order they were placed, numbers `#1001`…, external ids `O0001`…
    pub orders: Vec<NewOrder>,
}

/// The independent random streams of one generation, so that, say, a change in
/// how orders are drawn leaves the customers as they were.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Stream {
    Customers = 1,
    Purchases = 2,
    Orders = 3,
}

/// The random stream for `part` of the work of kind `which`.
fn stream(seed: u64, which: Stream, part: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(which as u64 | part << 8);
    rng
}

/// Generates a shop with `scale` customers and orders whose history ends just
/// before `now`. Deterministic: the same `now`, `seed` and `scale` give the same shop.
pub fn generate(now: DateTime<Utc>, seed: u64, scale: Scale) -> DemoShop {
    let catalogue = catalogue::Catalogue::new();
    let calendar = calendar::ShopCalendar::ending_at(now);

    let mut customer_rng = stream(seed, Stream::Customers, 0);
    let countries = customers::countries(&mut customer_rng, scale.customers);

    let mut purchase_rng = stream(seed, Stream::Purchases, 0);
    let counts = purchases::order_counts(&mut purchase_rng, scale.customers, scale.orders);
    let placed = purchases::placed_orders(&mut purchase_rng, &calendar, &countries, &counts);
    let first_orders = purchases::first_order_times(&placed, scale.customers);

    let mut buyers = customers::generate(
        &mut customer_rng,
        &calendar,
        &countries,
        &counts,
        &first_orders,
    );

    // Normalising phones (libphonenumber) and writing orders do not depend on
    // each other: they run side by side.
    let mut phone_book: Vec<_> = buyers
        .iter_mut()
        .map(|b| (b.country, std::mem::take(&mut b.customer.phones)))
        .collect();
    let orders = std::thread::scope(|scope| {
        let typing = scope.spawn(|| phones::normalise(&mut phone_book));
        let orders = orders::generate(
            |part| stream(seed, Stream::Orders, part),
            now,
            &catalogue,
            &buyers,
            &placed,
        );
        if let Err(panic) = typing.join() {
            std::panic::resume_unwind(panic);
        }
        orders
    });
    for (buyer, (_, phones)) in buyers.iter_mut().zip(phone_book) {
        buyer.customer.phones = phones;
    }

    DemoShop {
        products: catalogue.products(),
        customers: buyers.into_iter().map(|b| b.customer).collect(),
        orders,
    }
}

pub use aftercare::{aftercare, AftercareCounts};

/// The demo shop's name and return address, printed on its slips.
pub const SHOP_NAME: &str = "Herbaciarnia Pod Lipą";
/// See [`SHOP_NAME`].
pub const SHOP_ADDRESS: &str = "ul. Lipowa 12\n31-016 Kraków";

/// Generates the shop and writes it into `store`, which must have no customers
/// yet (else [`StoreError::NotEmpty`], and nothing is written). A shop whose
/// name and address were never set gets the demo shop's.
pub fn load(
    store: &Store,
    now: DateTime<Utc>,
    seed: u64,
    scale: Scale,
    actor: &Actor,
) -> Result<LoadCounts, StoreError> {
    let shop = generate(now, seed, scale);
    let counts = store.load_shop(&shop.products, &shop.customers, &shop.orders, actor)?;
    let mut settings = store.settings()?;
    if settings.shop_address.is_empty() && settings.shop_name == courtesy_store::DEFAULT_SHOP_NAME {
        settings.shop_name = SHOP_NAME.to_string();
        settings.shop_address = SHOP_ADDRESS.to_string();
        store.save_settings(&settings, actor)?;
    }
    Ok(counts)
}
