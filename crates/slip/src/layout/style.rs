//! The sizes, inks and limits that make one layout differ from another: body and
//! caption sizes, greys (none on thermal paper), padding, barcode module and height.

use crate::barcode::Barcode;
use crate::canvas::{Ink, Type};
use crate::page_size::PageGeometry;
use crate::page_size::PageSize;

/// Sizes, inks and limits of one layout.
#[derive(Debug, Clone)]
pub(crate) struct Style {
    pub page: PageSize,
    /// Left edge of the content.
    pub left: f32,
    /// Right edge of the content.
    pub right: f32,
    /// Top margin.
    pub top: f32,
    /// Bottom margin; the footer sits inside it.
    pub bottom: f32,
    /// Body text: names, note, Insert block.
    pub body: f32,
    /// Secondary text: variants, SKUs, shop address, footer.
    pub small: f32,
    /// Captions over blocks and columns ("SHIP TO").
    pub caption: f32,
    /// Quantities.
    pub qty: f32,
    /// Grey of secondary text; black on thermal paper.
    pub muted: Ink,
    /// Background of the note and the table header; `None` on thermal paper.
    pub shade: Option<Ink>,
    /// Thin rules between rows, and their ink.
    pub hairline: f32,
    pub hairline_ink: Ink,
    /// The Insert block's frame.
    pub frame: f32,
    /// The basic padding.
    pub pad: f32,
    /// The "Packed by" line in the bottom margin (small paper) or after the Insert
    /// block (sheets, which have room).
    pub packed_by_in_footer: bool,
    /// A SKU column (sheets) or the SKU under the name (small paper).
    pub sku_column: bool,
    pub max_name_lines: usize,
    pub max_note_lines: usize,
    pub max_insert_lines: usize,
    pub barcode: BarcodeStyle,
}

impl Style {
    pub(crate) fn width(&self) -> f32 {
        self.right - self.left
    }

    pub(crate) fn page_height(&self) -> f32 {
        self.page.size_pt().1
    }

    pub(crate) fn body(&self) -> Type {
        Type::regular(self.body)
    }

    pub(crate) fn small(&self) -> Type {
        Type::regular(self.small)
    }

    pub(crate) fn caption(&self) -> Type {
        Type::bold(self.caption).ink(self.muted)
    }

    /// A caption: bold, upper case, cut to `max_width`.
    pub(crate) fn caption_text(&self, text: &str, max_width: f32) -> String {
        self.caption().one_line(&text.to_uppercase(), max_width)
    }
}

/// The smallest the order number is ever printed, in points.
pub(crate) const MIN_ORDER_SIZE: f32 = 16.0;

/// Size of the barcode on a layout.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BarcodeStyle {
    /// Narrowest bar, when there is room.
    pub module: f32,
    /// Narrowest bar a handheld scanner still reads well.
    pub min_module: f32,
    /// Bar height.
    pub height: f32,
    /// Size of the human-readable number under the bars.
    pub text: f32,
}

impl BarcodeStyle {
    /// The module width for `code` within `available` points, `None` when even the
    /// smallest readable module is too wide.
    pub(crate) fn module_for(&self, code: &Barcode, available: f32) -> Option<f32> {
        let module = (available / code.modules_with_quiet_zones() as f32).min(self.module);
        (module >= self.min_module).then_some(module)
    }

    /// Height of bars, gap and human-readable line.
    pub(crate) fn total_height(&self) -> f32 {
        self.height + self.gap() + Type::regular(self.text).line()
    }

    /// Space between the bars and the number under them.
    pub(crate) fn gap(&self) -> f32 {
        self.text * 0.3
    }
}
