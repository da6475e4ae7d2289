//! The shop's catalogue: products with SKUs such as `TEA-EARL-100`, bin locations
//! `A-03-2` (aisle, shelf, bin), weights, and prices in each currency the shop
//! sells in (converted from złoty and rounded the way shops price: 49.90 zł,
//! €11.90, £9.99, $12.99).

mod items;

use crate::country::PriceList;
use crate::weighted::WeightedTable;
use courtesy_store::NewProduct;
use rand::Rng;

/// Bins per shelf in the warehouse.
const BINS_PER_SHELF: usize = 4;

/// A product as orders use it.
#[derive(Debug, Clone)]
pub(crate) struct Product {
    /// Stock keeping unit.
    pub sku: &'static str,
    /// Name without the variant.
    pub name: &'static str,
    /// Colour or similar; may be empty.
    pub variant: &'static str,
    /// Price of one in minor units, per [`PriceList`].
    pub prices: [i64; 4],
    bin: String,
    grams: i64,
}

impl Product {
    /// The price of one in the list's currency.
    pub(crate) fn price(&self, list: PriceList) -> i64 {
        self.prices[list as usize]
    }
}

/// The catalogue with its bestseller weighting.
#[derive(Debug, Clone)]
pub(crate) struct Catalogue {
    products: Vec<Product>,
    popularity: WeightedTable,
}

/// Converts grosze at `per_unit` złoty per unit of the other currency and gives it a
/// shop price ending: whole units less `ending` minor units (€11.90, £9.99).
fn shop_price(grosze: i64, zloty_per_unit_x100: i64, ending: i64) -> i64 {
    let minor = grosze * 100 / zloty_per_unit_x100;
    let whole = ((minor + 50) / 100).max(1);
    whole * 100 - ending
}

impl Catalogue {
    /// The whole catalogue.
    pub(crate) fn new() -> Self {
        let mut products = Vec::new();
        let mut weights = Vec::new();
        for (aisle, items) in items::AISLES {
            for (i, &(sku, name, variant, grams, pln, popularity)) in items.iter().enumerate() {
                products.push(Product {
                    sku,
                    name,
                    variant,
                    prices: [
                        pln,
                        shop_price(pln, 430, 10),
                        shop_price(pln, 500, 1),
                        shop_price(pln, 395, 1),
                    ],
                    bin: format!(
                        "{aisle}-{:02}-{}",
                        i / BINS_PER_SHELF + 1,
                        i % BINS_PER_SHELF + 1
                    ),
                    grams,
                });
                weights.push(popularity);
            }
        }
        Catalogue {
            products,
            popularity: WeightedTable::new(weights),
        }
    }

    /// A product drawn by how well it sells.
    pub(crate) fn bestseller(&self, rng: &mut impl Rng) -> &Product {
        &self.products[self.popularity.pick(rng)]
    }

    /// The catalogue as the store records it.
    pub(crate) fn products(&self) -> Vec<NewProduct> {
        self.products
            .iter()
            .map(|p| NewProduct {
                sku: p.sku.to_string(),
                name: if p.variant.is_empty() {
                    p.name.to_string()
                } else {
                    format!("{} – {}", p.name, p.variant)
                },
                bin_location: p.bin.clone(),
                weight_grams: Some(p.grams),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_catalogue_has_about_120_unique_skus_in_bins() {
        let products = Catalogue::new().products();
        assert!(
            (110..=140).contains(&products.len()),
            "{} products",
            products.len()
        );
        let skus: HashSet<_> = products.iter().map(|p| &p.sku).collect();
        assert_eq!(skus.len(), products.len(), "duplicate SKU");
        let bins: HashSet<_> = products.iter().map(|p| &p.bin_location).collect();
        assert_eq!(bins.len(), products.len(), "two products in one bin");
        for p in &products {
            let b = p.bin_location.as_bytes();
            assert!(
                b.len() == 6 && b[1] == b'-' && b[4] == b'-',
                "bin {}",
                p.bin_location
            );
        }
    }

    #[test]
    fn prices_end_the_way_shops_price() {
        assert_eq!(shop_price(4990, 430, 10), 1190);
        assert_eq!(shop_price(4990, 500, 1), 999);
        assert_eq!(shop_price(4990, 395, 1), 1299);
        assert_eq!(shop_price(990, 500, 1), 199);
        assert_eq!(shop_price(100, 500, 1), 99);
    }
}
