//! Placeholder, replaced by the slip benchmark.
fn main() {}
