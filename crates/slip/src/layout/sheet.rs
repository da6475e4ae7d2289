//! The office-sheet layout for A4 and Letter: roomy, portrait, a two-column header
//! (logo, shop name and address on the left; title, order number, date and barcode
//! on the right), the ship-to block large under it beside the shipping method and
//! piece count, then note, lines, Insert block and initials.

use crate::canvas::{Align, Block, Flow, Ink, Mark, Type};
use crate::error::SlipError;
use crate::layout::parts::{self, ShipTo};
use crate::layout::style::{BarcodeStyle, Style, MIN_ORDER_SIZE};
use crate::layout::table;
use crate::layout::Slip;
use crate::logo::LogoRef;
use crate::page_size::PageGeometry;
use crate::page_size::{PageSize, MM};

/// An office sheet and its margins.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sheet {
    size: PageSize,
    side: f32,
    top: f32,
    bottom: f32,
}

impl Sheet {
    pub(crate) const A4: Sheet = Sheet {
        size: PageSize::A4,
        side: 16.0 * MM,
        top: 14.0 * MM,
        bottom: 16.0 * MM,
    };
    pub(crate) const LETTER: Sheet = Sheet {
        size: PageSize::Letter,
        side: 0.6 * 72.0,
        top: 0.55 * 72.0,
        bottom: 0.65 * 72.0,
    };

    fn style(&self) -> Style {
        let (width, _) = self.size.size_pt();
        Style {
            page: self.size,
            left: self.side,
            right: width - self.side,
            top: self.top,
            bottom: self.bottom,
            body: 11.0,
            small: 10.0,
            caption: 10.0,
            qty: 15.0,
            muted: Ink(0.3),
            shade: Some(Ink(0.9)),
            hairline: 0.5,
            hairline_ink: Ink(0.55),
            frame: 2.0,
            pad: 6.0,
            packed_by_in_footer: false,
            sku_column: true,
            max_name_lines: 6,
            max_note_lines: 14,
            max_insert_lines: 16,
            barcode: BarcodeStyle {
                module: 0.38 * MM,
                min_module: 0.25 * MM,
                height: 15.0 * MM,
                text: 11.0,
            },
        }
    }
}

const ORDER: Type = Type::bold(24.0);
const TITLE: Type = Type::bold(16.0);
const SHOP: Type = Type::bold(14.0);
const SHIP_TO: ShipTo = ShipTo {
    name: Type::bold(17.0),
    line: Type::regular(13.0),
    max_lines: 8,
};
const VALUE: Type = Type::bold(12.5);

/// The pages of `slip` on an office sheet.
pub(crate) fn compose(slip: &Slip<'_>, sheet: Sheet) -> Result<Vec<Vec<Mark>>, SlipError> {
    let style = sheet.style();
    let cols = table::columns(&style, slip);
    let mut blocks = vec![header(&style, slip)?, addressee(&style, slip)];
    blocks.extend(parts::body(&style, slip, &cols));
    Ok(parts::pages(&style, slip, &cols, 20.0, blocks))
}

/// Shop on the left; title, order number, date and barcode on the right.
fn header(style: &Style, slip: &Slip<'_>) -> Result<Block, SlipError> {
    let mut block = Block::new(Flow::Free);
    let right_w = style.width() * 0.46;
    let left_w = style.width() - right_w - style.pad * 2.0;
    let right = style.right;

    // Right column: title (copy badge beside it), order number, date, barcode.
    let title = TITLE.one_line(slip.labels.packing_slip, right_w);
    let mut y = block.text(right, 0.0, Align::Right, TITLE, &title);
    if let Some(copy) = &slip.copy {
        let badge_right = right - TITLE.width(&title) - style.pad * 2.0;
        parts::badge(&mut block, badge_right, -2.0, 12.0, copy);
    }
    y += style.pad * 0.5;
    // The order number, smaller when long (never under 16 pt), "Order" beside it
    // when there is room.
    let number = ORDER.fitted(&slip.data.order_number, right_w, MIN_ORDER_SIZE);
    let lines = number.wrap(&slip.data.order_number, right_w, 2);
    let number_w = lines.first().map_or(0.0, |l| number.width(l));
    let label = style.body().ink(style.muted);
    let room = right_w - number_w - style.pad;
    if lines.len() == 1 && label.width(slip.labels.order) <= room {
        let caption_top = y + (number.size - label.size) * 0.8;
        let caption_right = right - number_w - style.pad;
        block.text(
            caption_right,
            caption_top,
            Align::Right,
            label,
            slip.labels.order,
        );
    }
    y = block.lines(right, y, Align::Right, number, &lines);
    let date = format!("{}: {}", slip.labels.date, slip.date);
    y = block.text(right, y, Align::Right, style.body(), &date) + style.pad;
    let module = parts::module_or_error(slip, style, right_w)?;
    let code_w = parts::barcode_width(&slip.barcode, module);
    let right_bottom = parts::barcode(&mut block, slip, &style.barcode, right - code_w, y, module);

    // Left column: logo, shop name, address.
    let mut y = 0.0;
    if let Some(LogoRef {
        index: logo,
        aspect,
    }) = slip.logo
    {
        let h = (20.0 * MM).min(left_w.min(60.0 * MM) / aspect);
        let (x, w) = (style.left, h * aspect);
        block.push(Mark::Logo { x, y, w, h, logo });
        y += h + style.pad;
    }
    y = block.lines(
        style.left,
        y,
        Align::Left,
        SHOP,
        &SHOP.wrap(&slip.data.shop.name, left_w, 2),
    );
    let address = style.small().ink(style.muted);
    for line in &slip.data.shop.address_lines {
        y = block.lines(
            style.left,
            y,
            Align::Left,
            address,
            &address.wrap(line, left_w, 2),
        );
    }

    let bottom = y.max(right_bottom) + style.pad;
    block.hrule(style.left, style.right, bottom, 1.5, Ink::BLACK);
    block.height = bottom + style.pad * 2.0;
    Ok(block)
}

/// Ship-to on the left, large; shipping method and piece count on the right.
fn addressee(style: &Style, slip: &Slip<'_>) -> Block {
    let mut block = Block::new(Flow::Free);
    let left_w = style.width() * 0.6;
    let right_x = style.left + left_w + style.pad * 2.0;
    let right_w = style.right - right_x;
    let y = parts::ship_to(&mut block, style, slip, style.left, left_w, SHIP_TO);

    let caption = style.caption_text(slip.labels.shipping_method, right_w);
    let mut ry = block.text(right_x, 0.0, Align::Left, style.caption(), &caption);
    let method = VALUE.wrap(&slip.data.shipping_method, right_w, 3);
    ry = block.lines(right_x, ry, Align::Left, VALUE, &method) + style.pad;
    let caption = style.caption_text(slip.labels.items_count, right_w);
    ry = block.text(right_x, ry, Align::Left, style.caption(), &caption);
    ry = block.text(right_x, ry, Align::Left, VALUE, &slip.pieces.to_string());

    block.height = y.max(ry) + style.pad * 2.0;
    block
}
