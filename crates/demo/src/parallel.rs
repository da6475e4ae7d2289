//! Sharing generation work between the machine's cores without changing the
//! result: the work is cut into pieces that do not depend on the number of
//! threads, each piece draws from its own random stream, and the results come
//! back in the pieces' order.

use std::thread;

/// Applies `f` to every item, on as many threads as the machine has cores, and
/// returns the results in the items' order.
pub(crate) fn map_in_order<T, R, F>(items: Vec<T>, f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync,
{
    let threads = thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || items.len() < 2 {
        return items.into_iter().map(f).collect();
    }
    let per_thread = items.len().div_ceil(threads);
    let mut groups: Vec<Vec<T>> = Vec::with_capacity(threads);
    let mut rest = items.into_iter();
    loop {
        let group: Vec<T> = rest.by_ref().take(per_thread).collect();
        if group.is_empty() {
            break;
        }
        groups.push(group);
    }
    let f = &f;
    thread::scope(|scope| {
        let handles: Vec<_> = groups
            .into_iter()
            .map(|group| scope.spawn(move || group.into_iter().map(f).collect::<Vec<R>>()))
            .collect();
        let mut out = Vec::new();
        for h in handles {
            match h.join() {
                Ok(results) => out.extend(results),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order() {
        let out = map_in_order((0..1000).collect(), |i: u32| i * 2);
        assert_eq!(out, (0..1000).map(|i| i * 2).collect::<Vec<_>>());
        assert!(map_in_order(Vec::<u32>::new(), |i| i).is_empty());
    }
}
