//! `courtesy info`: where the database is, its schema and how many customers it holds.

use crate::failure::Failure;
use courtesy_store::LATEST_VERSION;
use std::path::Path;

/// Prints the database's path, schema version and customer count. A missing file
/// is an error rather than a new empty database.
pub fn run(path: &Path) -> Result<(), Failure> {
    let store = crate::failure::open_existing(path)?;
    // Opening refuses newer schemas and upgrades older ones, so an open store is
    // always at this build's version.
    println!("database:  {}", store.location());
    println!("schema:    version {LATEST_VERSION}");
    println!("customers: {}", store.customer_count()?);
    Ok(())
}
