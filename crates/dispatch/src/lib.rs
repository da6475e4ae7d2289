//! The dispatch desk: packing slips for chosen orders (rendered by
//! `courtesy-slip` from what the store holds), sent to a system printer or
//! saved as a PDF and logged with copy numbers, with the planned gifts and card
//! in their Insert block; the card-text sheet for the card writer; and packing
//! orders, with the slip printed when it was not yet.
#![deny(missing_docs)]

mod batch;
mod card_sheet;
mod card_words;
mod error;
mod packing;
mod printing;
mod slip_data;

pub use batch::{print_slips, render_slips, save_slips, RenderedSlips, SlipsPrinted};
pub use card_sheet::{card_sheet_entries, cards_to_write_sheet, desk_card_sheet, print_card_sheet};
pub use card_words::{handwritten, occasion_name, sheet_title};
pub use courtesy_slip::PageSize;
pub use error::DispatchError;
pub use packing::{pack_order, PackOutcome, SlipOnPacking};
pub use printing::{print_pdf, system_printers, PrintedTo, SystemPrinter};
pub use slip_data::{slip_data, SlipSettings};
