//! The desk's workflows: each thing a person does at the desk that takes more
//! than one step (import a file and follow it up, refresh and list today's
//! calls, record a call, pack an order at the bench, print a batch of slips,
//! plan gifts, save a policy and apply it, sync a shop) is one function of [`Desk`]. The
//! app's commands and the command line call the same functions, so the two
//! cannot drift apart.
//!
//! A [`Desk`] is the store, a [`Clock`](courtesy_core::Clock) and the door the
//! person came through (the app or the command line). It decides once who the
//! audit log names ([`operator`]), reads the time from the clock (the store
//! never does), and fills in what the settings give by default (slip size, the
//! desk's printer).
#![deny(missing_docs)]

mod backups;
mod calls;
mod clock;
mod customer_care;
pub mod database;
mod desk;
mod error;
mod gifts;
mod imports;
mod operator;
mod packing;
mod shop;
mod shops;

pub use backups::backup_folder;
pub use clock::SystemClock;
pub use desk::Desk;
pub use error::DeskError;
pub use imports::ImportDone;
pub use operator::operator;
pub use packing::{Packed, SlipOutcome};
pub use shop::DemoLoaded;
pub use shops::{ShopAdded, SyncDone, SyncDoor};
