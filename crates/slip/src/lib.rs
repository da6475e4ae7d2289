//! Packing slips of Courtesy: [`SlipData`] in, PDF bytes out.
//!
//! [`render`] is a pure function: no files, no printer, no clock of its own (the
//! PDF's metadata dates come from printpdf). Each [`PageSize`] has its own layout,
//! not a scaled copy: roomy A4 and Letter sheets, a compact A6 and a black-only 4×6
//! thermal label. Every slip carries the shop, the order number and date, a vector
//! Code 128 barcode of the order number, the ship-to block, shipping method,
//! customer note, the lines in bin order with tick boxes, optional prices, a framed
//! Insert block with gifts, cards and the gift message, the packer's initials line
//! and, on reprints, a COPY mark, all in the customer's language and set in an
//! embedded, subset DejaVu Sans. Long orders continue on further pages, each with
//! the order number and barcode. [`render_card_sheet`] sets the texts of the cards
//! to write by hand on A4 pages in the same font.
#![deny(missing_docs)]

mod barcode;
mod canvas;
mod card_sheet;
mod data;
mod error;
mod fonts;
mod labels;
mod layout;
mod logo;
mod page_size;
mod paginate;
mod pdf;
mod sort;
mod wrap;

pub use card_sheet::{render_card_sheet, CardSheetEntry};
pub use data::{InsertItem, InsertKind, ShopHeader, SlipData, SlipLine};
pub use error::SlipError;
pub use logo::check_logo;
pub use page_size::{PageGeometry, PageSize};
pub use sort::sort_lines;

use printpdf::RawImage;

use crate::labels::labels;
use crate::layout::{compose, Slip};
use crate::logo::LogoRef;

/// Renders `slips` on `size` paper into one PDF, each slip on one or more pages, in
/// the order given.
///
/// Fails on an empty batch and on an order number that cannot be a scannable
/// barcode; a logo that cannot be decoded is left out (see [`check_logo`]).
pub fn render(slips: &[SlipData], size: PageSize) -> Result<Vec<u8>, SlipError> {
    let first = slips.first().ok_or(SlipError::NoSlips)?;
    let mut logos = Logos::default();
    let mut pages = Vec::new();
    for data in slips {
        // Thermal labels are black only: a logo would come out as dithered grey.
        let logo = match (&data.shop.logo, size) {
            (Some(bytes), PageSize::A4 | PageSize::Letter | PageSize::A6) => logos.get(bytes),
            _ => None,
        };
        let slip = Slip::prepare(data, logo)?;
        pages.extend(compose(&slip, size)?);
    }
    let title = if slips.len() == 1 {
        format!(
            "{} {}",
            labels(first.language).packing_slip,
            first.order_number
        )
    } else {
        format!("{} ({})", labels(first.language).packing_slip, slips.len())
    };
    pdf::write(&title, size, &pages, &logos.images)
}

/// The logos of a batch, each decoded once however many slips share it.
#[derive(Default)]
struct Logos<'a> {
    seen: Vec<(&'a [u8], Option<LogoRef>)>,
    images: Vec<RawImage>,
}

impl<'a> Logos<'a> {
    /// Where the logo in `bytes` is in the document; `None` when it does not decode.
    fn get(&mut self, bytes: &'a [u8]) -> Option<LogoRef> {
        if let Some((_, known)) = self.seen.iter().find(|(b, _)| *b == bytes) {
            return *known;
        }
        let decoded = logo::decode(bytes).ok().map(|logo| {
            self.images.push(logo.image);
            LogoRef {
                index: self.images.len() - 1,
                aspect: logo.aspect,
            }
        });
        self.seen.push((bytes, decoded));
        decoded
    }
}
