//! The A6 layout (105 × 148 mm): compact, for small parcels and label printers that
//! take A6. A small shop band; the ship-to block beside the order number, date and
//! barcode at the top; then the lines with variant and SKU under each name, the
//! Insert block and the initials line.

use crate::canvas::{Ink, Mark, Type};
use crate::error::SlipError;
use crate::layout::parts::{self, ShipTo};
use crate::layout::style::{BarcodeStyle, Style};
use crate::layout::table;
use crate::layout::top;
use crate::layout::Slip;
use crate::page_size::PageGeometry;
use crate::page_size::{PageSize, MM};

const ORDER_SIZE: f32 = 18.0;
const SHIP_TO: ShipTo = ShipTo {
    name: Type::bold(12.5),
    line: Type::regular(10.5),
    max_lines: 6,
};

fn style() -> Style {
    let (width, _) = PageSize::A6.size_pt();
    let side = 5.0 * MM;
    Style {
        page: PageSize::A6,
        left: side,
        right: width - side,
        top: 5.0 * MM,
        bottom: 9.0 * MM,
        body: 10.0,
        small: 9.0,
        caption: 9.0,
        qty: 12.0,
        muted: Ink(0.3),
        shade: Some(Ink(0.88)),
        hairline: 0.5,
        hairline_ink: Ink(0.5),
        frame: 1.6,
        pad: 4.0,
        packed_by_in_footer: true,
        sku_column: false,
        max_name_lines: 8,
        max_note_lines: 6,
        max_insert_lines: 8,
        barcode: BarcodeStyle {
            module: 0.3 * MM,
            min_module: 0.25 * MM,
            height: 11.0 * MM,
            text: 9.0,
        },
    }
}

/// The pages of `slip` on A6.
pub(crate) fn compose(slip: &Slip<'_>) -> Result<Vec<Vec<Mark>>, SlipError> {
    let style = style();
    let cols = table::columns(&style, slip);
    let mut blocks = top::blocks(&style, slip, Some(9.0 * MM), ORDER_SIZE, SHIP_TO)?;
    blocks.extend(parts::body(&style, slip, &cols));
    Ok(parts::pages(&style, slip, &cols, 16.0, blocks))
}
