//! Courtesy's domain core: the types and rules every other crate shares.
//!
//! Nothing here touches a file, a clock, the network or randomness: callers pass
//! `now`, the shop's region and the data in, so each rule is testable with plain values.
#![deny(missing_docs)]

#[macro_use]
mod stored_names;

pub mod address;
pub mod amount;
pub mod backup_rotation;
pub mod calls;
pub mod clock;
pub mod duplicates;
pub mod email;
pub mod error_code;
pub mod gifts;
pub mod language;
pub mod merge_fields;
pub mod money;
pub mod money_format;
pub mod names;
pub mod order_status;
pub mod packing;
pub mod page_size;
pub mod phone;
pub mod search_text;
pub mod shops;
pub mod spreadsheet;
pub mod walking_order;

pub use address::PostalAddress;
pub use amount::{parse_amount, AmountError};
pub use calls::{CallOutcome, CallPolicy, CallReason};
pub use clock::{Clock, FixedClock};
pub use email::{normalise_email, Email, EmailError};
pub use error_code::{ErrorCode, ErrorParams};
pub use gifts::{GiftPlan, GiftPolicy, GiftRule};
pub use language::Language;
pub use merge_fields::{fill_merge_fields, merge_field_names};
pub use money::{Currency, CurrencyError, Money};
pub use money_format::format_money;
pub use names::{NameCulture, PersonName};
pub use order_status::OrderStatus;
pub use packing::{pack_verdict, PackVerdict};
pub use page_size::{PageSize, UnknownPageSize};
pub use phone::{normalise_phone, Phone, PhoneError, Region};
pub use search_text::{fold_for_search, phone_search_digits};
pub use shops::{shop_address, ShopAddressError, ShopAuth, ShopKind};
pub use spreadsheet::{
    is_rounded_number, restore_phone, restore_postal_code, spreadsheet_boolean, CellRepair,
};
pub use walking_order::walking_order;
