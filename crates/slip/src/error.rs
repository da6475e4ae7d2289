//! Why a slip could not be made, with stable codes for the UI and tests.

use thiserror::Error;

/// A slip that cannot be rendered.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SlipError {
    /// `render` was given no slips.
    #[error("there are no slips to print")]
    NoSlips,
    /// `render_card_sheet` was given no cards.
    #[error("there are no cards to write")]
    NoCards,
    /// An order has no number, so it has no barcode either.
    #[error("an order has no order number")]
    EmptyOrderNumber,
    /// The order number holds a character Code 128 cannot encode (only printable
    /// ASCII can be scanned back).
    #[error(
        "order number {order_number:?} has {character:?}, which a Code 128 barcode cannot carry"
    )]
    OrderNumberNotEncodable {
        /// The order number as given.
        order_number: String,
        /// The first character that cannot be encoded.
        character: char,
    },
    /// The order number is too long for a scannable barcode on this page size.
    #[error("order number {order_number:?} is too long for a scannable barcode on {page_size}")]
    OrderNumberTooLong {
        /// The order number as given.
        order_number: String,
        /// The page size it did not fit.
        page_size: crate::PageSize,
    },
    /// Logo bytes that are not a PNG or JPEG image this crate can draw.
    #[error("the logo is not a PNG or JPEG image that can be drawn: {reason}")]
    BadLogo {
        /// What the decoder said.
        reason: String,
    },
    /// The PDF could not be assembled (a defect, not user data).
    #[error("the PDF could not be written: {reason}")]
    Pdf {
        /// What went wrong.
        reason: String,
    },
    /// The embedded font could not be read or subset (a build defect, not user data).
    #[error("the embedded font could not be prepared: {reason}")]
    Font {
        /// What went wrong.
        reason: String,
    },
}

impl SlipError {
    /// A stable, machine-readable code, e.g. `slip.no_slips`.
    pub fn code(&self) -> &'static str {
        match self {
            SlipError::NoSlips => "slip.no_slips",
            SlipError::NoCards => "slip.no_cards",
            SlipError::EmptyOrderNumber => "slip.empty_order_number",
            SlipError::OrderNumberNotEncodable { .. } => "slip.order_number_not_encodable",
            SlipError::OrderNumberTooLong { .. } => "slip.order_number_too_long",
            SlipError::BadLogo { .. } => "slip.bad_logo",
            SlipError::Pdf { .. } => "slip.pdf",
            SlipError::Font { .. } => "slip.font",
        }
    }
}
