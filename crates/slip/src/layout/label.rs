//! The 4×6 inch thermal label layout: black only (thermal heads dither greys into
//! noise, so captions, the table header and the note frame are solid black or white
//! on black), big type, a thick barcode whose bars are whole dots of a 203 dpi
//! head, the ship-to block large, then note, lines, Insert block and initials. No
//! logo: a picture would come out as a dithered grey.

use crate::canvas::{Ink, Mark, Type};
use crate::error::SlipError;
use crate::layout::parts::{self, ShipTo};
use crate::layout::style::{BarcodeStyle, Style};
use crate::layout::table;
use crate::layout::top;
use crate::layout::Slip;
use crate::page_size::PageGeometry;
use crate::page_size::{PageSize, MM};

const ORDER_SIZE: f32 = 22.0;
const SHIP_TO: ShipTo = ShipTo {
    name: Type::bold(14.0),
    line: Type::regular(11.5),
    max_lines: 6,
};

fn style() -> Style {
    let (width, _) = PageSize::Label4x6.size_pt();
    let side = 4.5 * MM;
    Style {
        page: PageSize::Label4x6,
        left: side,
        right: width - side,
        top: 4.5 * MM,
        bottom: 9.0 * MM,
        body: 10.0,
        small: 9.0,
        caption: 9.0,
        qty: 14.0,
        muted: Ink::BLACK,
        shade: None,
        hairline: 0.75,
        hairline_ink: Ink::BLACK,
        frame: 2.5,
        pad: 4.0,
        packed_by_in_footer: true,
        sku_column: false,
        max_name_lines: 8,
        max_note_lines: 6,
        max_insert_lines: 8,
        barcode: BarcodeStyle {
            // Four dots of a 203 dpi print head.
            module: 0.5 * MM,
            min_module: 0.25 * MM,
            height: 13.0 * MM,
            text: 10.0,
        },
    }
}

/// The pages of `slip` on a 4×6 label.
pub(crate) fn compose(slip: &Slip<'_>) -> Result<Vec<Vec<Mark>>, SlipError> {
    let style = style();
    let cols = table::columns(&style, slip);
    let mut blocks = top::blocks(&style, slip, None, ORDER_SIZE, SHIP_TO)?;
    blocks.extend(parts::body(&style, slip, &cols));
    Ok(parts::pages(&style, slip, &cols, 18.0, blocks))
}
