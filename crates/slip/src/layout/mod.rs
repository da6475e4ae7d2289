//! Slip layouts, one per kind of paper: roomy office sheets (A4 and Letter), the
//! compact A6 and the black-only 4×6 thermal label. Each arranges the same parts
//! ([`parts`], [`table`], [`insert`]) in its own order and sizes; [`compose`] picks one.

mod compact;
mod insert;
mod label;
mod parts;
mod sheet;
mod style;
mod table;
#[cfg(test)]
mod tests;
mod top;

use crate::barcode::Barcode;
use crate::canvas::Mark;
use crate::data::{SlipData, SlipLine};
use crate::error::SlipError;
use crate::labels::{copy_mark, format_date, labels, Labels};
use crate::logo::LogoRef;
use crate::page_size::PageSize;
use crate::sort::sort_lines;

/// A slip with everything worked out that does not depend on the paper.
pub(crate) struct Slip<'a> {
    pub data: &'a SlipData,
    pub labels: &'static Labels,
    pub date: String,
    /// Lines in packing order.
    pub lines: Vec<SlipLine>,
    pub barcode: Barcode,
    /// The decoded logo, if any.
    pub logo: Option<LogoRef>,
    /// "COPY 2" on reprints.
    pub copy: Option<String>,
    /// Pieces to pack, all lines together.
    pub pieces: u64,
}

impl<'a> Slip<'a> {
    /// Prepares `data` with its decoded logo, if any.
    pub(crate) fn prepare(
        data: &'a SlipData,
        logo: Option<LogoRef>,
    ) -> Result<Slip<'a>, SlipError> {
        let labels = labels(data.language);
        let mut lines = data.lines.clone();
        sort_lines(&mut lines);
        Ok(Slip {
            data,
            labels,
            date: format_date(data.placed_at, data.language),
            pieces: lines.iter().map(|l| u64::from(l.quantity)).sum(),
            lines,
            barcode: Barcode::encode(&data.order_number)?,
            logo,
            copy: copy_mark(labels, data.copy_number),
        })
    }

    /// Whether the price column is printed.
    pub(crate) fn prices(&self) -> bool {
        self.data.show_prices
    }
}

/// The pages of one slip on `size` paper, as marks in points from the top-left.
pub(crate) fn compose(slip: &Slip<'_>, size: PageSize) -> Result<Vec<Vec<Mark>>, SlipError> {
    match size {
        PageSize::A4 => sheet::compose(slip, sheet::Sheet::A4),
        PageSize::Letter => sheet::compose(slip, sheet::Sheet::LETTER),
        PageSize::A6 => compact::compose(slip),
        PageSize::Label4x6 => label::compose(slip),
    }
}
