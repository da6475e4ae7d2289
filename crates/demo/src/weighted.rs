//! Picking from weighted lists: cities by population, products by popularity,
//! days by season. Integer weights, so every platform picks the same item.

use rand::Rng;

/// A list of weights prepared for picking an index in `O(log n)`.
#[derive(Debug, Clone)]
pub(crate) struct WeightedTable {
    cumulative: Vec<u64>,
}

impl WeightedTable {
    /// Prepares `weights`; zero weights are never picked.
    pub(crate) fn new(weights: impl IntoIterator<Item = u64>) -> Self {
        let mut total = 0u64;
        let cumulative = weights
            .into_iter()
            .map(|w| {
                total = total.saturating_add(w);
                total
            })
            .collect();
        WeightedTable { cumulative }
    }

    /// An index drawn with probability proportional to its weight (0 when all
    /// weights are zero).
    pub(crate) fn pick(&self, rng: &mut impl Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0);
        if total == 0 {
            return 0;
        }
        let r = rng.random_range(0..total);
        self.cumulative.partition_point(|&c| c <= r)
    }
}

/// Picks one item of a short static table of `(item, share)` pairs by its share.
pub(crate) fn by_share<'a, T>(items: &'a [(T, u32)], rng: &mut impl Rng) -> &'a T {
    let total: u32 = items.iter().map(|(_, s)| *s).sum();
    let mut r = if total == 0 {
        0
    } else {
        rng.random_range(0..total)
    };
    for (item, share) in items {
        if r < *share {
            return item;
        }
        r -= share;
    }
    // Only reached for an all-zero table: the first item stands in.
    &items[0].0
}

/// Picks one item of a non-empty static list uniformly.
pub(crate) fn any<T: Copy>(items: &[T], rng: &mut impl Rng) -> T {
    items[rng.random_range(0..items.len())]
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn picks_follow_the_weights_and_skip_zeroes() {
        let table = WeightedTable::new([0, 3, 0, 1]);
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let mut seen = [0u32; 4];
        for _ in 0..4000 {
            seen[table.pick(&mut rng)] += 1;
        }
        assert_eq!(seen[0] + seen[2], 0, "zero weights were picked: {seen:?}");
        assert!(seen[1] > 2 * seen[3], "3:1 weights came out as {seen:?}");
        let shares = [("a", 0), ("b", 5)];
        assert_eq!(*by_share(&shares, &mut rng), "b");
    }
}
