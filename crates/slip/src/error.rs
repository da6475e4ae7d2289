//! Why a slip could not be made, with stable codes for the UI and tests.

use courtesy_core::{ErrorCode, ErrorParams};
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
    pub fn code(&self) -> ErrorCode {
        match self {
            SlipError::NoSlips => ErrorCode::SlipNoSlips,
            SlipError::NoCards => ErrorCode::SlipNoCards,
            SlipError::EmptyOrderNumber => ErrorCode::SlipEmptyOrderNumber,
            SlipError::OrderNumberNotEncodable { .. } => ErrorCode::SlipOrderNumberNotEncodable,
            SlipError::OrderNumberTooLong { .. } => ErrorCode::SlipOrderNumberTooLong,
            SlipError::BadLogo { .. } => ErrorCode::SlipBadLogo,
            SlipError::Pdf { .. } => ErrorCode::SlipPdf,
            SlipError::Font { .. } => ErrorCode::SlipFont,
        }
    }

    /// The error's parameters, named as its code says.
    pub fn params(&self) -> ErrorParams {
        match self {
            SlipError::NoSlips | SlipError::NoCards | SlipError::EmptyOrderNumber => Vec::new(),
            SlipError::OrderNumberNotEncodable {
                order_number,
                character,
            } => vec![
                ("number", order_number.clone()),
                ("character", character.to_string()),
            ],
            SlipError::OrderNumberTooLong {
                order_number,
                page_size,
            } => vec![
                ("number", order_number.clone()),
                ("size", page_size.code().to_string()),
            ],
            SlipError::BadLogo { reason }
            | SlipError::Pdf { reason }
            | SlipError::Font { reason } => {
                vec![("reason", reason.clone())]
            }
        }
    }
}
