//! Statement parameters, written as for rusqlite (`params![…]`, `[id]`, `[]`,
//! [`params_from_iter`]) and bound on either backend.

use rusqlite::ToSql;

/// Values to bind to a statement's parameters, in order.
pub trait Params {
    /// Calls `f` with the values.
    fn with_values<R>(self, f: impl FnOnce(&[&dyn ToSql]) -> R) -> R;
}

impl Params for &[&dyn ToSql] {
    fn with_values<R>(self, f: impl FnOnce(&[&dyn ToSql]) -> R) -> R {
        f(self)
    }
}

impl Params for [&(dyn ToSql + Send + Sync); 0] {
    fn with_values<R>(self, f: impl FnOnce(&[&dyn ToSql]) -> R) -> R {
        f(&[])
    }
}

macro_rules! arrays {
    ($($n:literal)+) => {$(
        impl<T: ToSql> Params for [T; $n] {
            fn with_values<R>(self, f: impl FnOnce(&[&dyn ToSql]) -> R) -> R {
                let values: [&dyn ToSql; $n] = std::array::from_fn(|i| &self[i] as &dyn ToSql);
                f(&values)
            }
        }
        impl<T: ToSql> Params for &[&T; $n] {
            fn with_values<R>(self, f: impl FnOnce(&[&dyn ToSql]) -> R) -> R {
                let values: [&dyn ToSql; $n] = std::array::from_fn(|i| self[i] as &dyn ToSql);
                f(&values)
            }
        }
    )+};
}

arrays!(1 2 3 4 5 6 7 8 9 10 11 12);

/// Any sequence of values as parameters.
pub struct ParamsFromIter<I>(I);

/// The values of `iter` as parameters, in order.
pub fn params_from_iter<I>(iter: I) -> ParamsFromIter<I>
where
    I: IntoIterator,
    I::Item: ToSql,
{
    ParamsFromIter(iter)
}

impl<I> Params for ParamsFromIter<I>
where
    I: IntoIterator,
    I::Item: ToSql,
{
    fn with_values<R>(self, f: impl FnOnce(&[&dyn ToSql]) -> R) -> R {
        let items: Vec<I::Item> = self.0.into_iter().collect();
        let values: Vec<&dyn ToSql> = items.iter().map(|v| v as &dyn ToSql).collect();
        f(&values)
    }
}
