//! Slips rendered to real PDFs and read back with poppler and zbar, as a packer's
//! printer and scanner would see them. Each test name states the rule it checks.

mod barcodes;
mod card_sheets;
mod content;
mod errors;
mod fixtures;
mod pages;
mod paper;
mod poppler;

use courtesy_slip::{render, PageSize, SlipData};
use poppler::Pdf;

/// Renders `slips` on `size` and writes the PDF for reading back.
fn rendered(slips: &[SlipData], size: PageSize) -> Pdf {
    let bytes = render(slips, size)
        .unwrap_or_else(|e| panic!("expected the slips to render on {size}, got {e}"));
    Pdf::write(&bytes)
}
