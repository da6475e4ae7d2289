//! The office-sheet layout for A4 and Letter: roomy, portrait, a two-column header
//! (shop on the left; title, order number, date and barcode on the right), the
//! ship-to block large under it, then note, lines, Insert block and initials.

use crate::canvas::{line_height, Align, Block, Flow, Ink, Mark};
use crate::error::SlipError;
use crate::fonts::Face;
use crate::layout::parts::{self, BarcodeStyle, Columns, Style};
use crate::layout::Slip;
use crate::page_size::{PageSize, MM};
use crate::paginate::{paginate, Frame, PageDecor};
use crate::wrap::Measure;

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
            caption: 9.5,
            qty: 15.0,
            muted: Ink(0.3),
            shade: Some(Ink(0.9)),
            hairline: 0.5,
            hairline_ink: Ink(0.55),
            frame: 2.0,
            pad: 6.0,
            sku_column: true,
            max_name_lines: 4,
            max_note_lines: 14,
            max_insert_lines: 16,
            barcode: BarcodeStyle {
                module: 0.33 * MM,
                min_module: 0.25 * MM,
                height: 15.0 * MM,
                text: 11.0,
            },
        }
    }
}

const ORDER_SIZE: f32 = 24.0;
const TITLE_SIZE: f32 = 16.0;
const SHOP_SIZE: f32 = 14.0;
const RECIPIENT_SIZE: f32 = 17.0;
const ADDRESS_SIZE: f32 = 13.0;

/// The pages of `slip` on an office sheet.
pub(crate) fn compose(slip: &Slip<'_>, sheet: Sheet) -> Result<Vec<Vec<Mark>>, SlipError> {
    let style = sheet.style();
    let cols = parts::columns(&style, slip);
    let mut blocks = vec![header(&style, slip)?, addressee(&style, slip)];
    if let Some(note) = parts::note(&style, slip) {
        blocks.push(note);
    }
    blocks.push(Block::space(style.pad));
    blocks.push(parts::table_header(&style, slip, &cols));
    blocks.extend(
        slip.lines
            .iter()
            .map(|line| parts::row(&style, &cols, line)),
    );
    blocks.extend(parts::total(&style, slip, &cols));
    blocks.push(Block::space(style.pad * 2.5));
    blocks.extend(parts::insert(&style, slip));
    blocks.push(parts::packed_by(&style, slip));

    let frame = Frame {
        top: style.top,
        bottom: style.page_height() - style.bottom,
    };
    let decor = Decor {
        style: &style,
        slip,
        cols: &cols,
    };
    Ok(paginate(frame, blocks, &decor))
}

/// Shop on the left; title, order number, date and barcode on the right.
fn header(style: &Style, slip: &Slip<'_>) -> Result<Block, SlipError> {
    let mut block = Block::new(Flow::Free);
    let gap = style.pad * 2.0;
    let right_w = style.width() * 0.46;
    let left_w = style.width() - right_w - gap;
    let right = style.right;

    // Right column.
    let title = Measure::new(Face::Bold, TITLE_SIZE).one_line(slip.labels.packing_slip, right_w);
    let title_w = Measure::new(Face::Bold, TITLE_SIZE).width(&title);
    let mut y = block.text(
        right,
        0.0,
        Align::Right,
        Face::Bold,
        TITLE_SIZE,
        &title,
        Ink::BLACK,
    );
    if let Some(copy) = &slip.copy {
        parts::badge(
            &mut block,
            right - title_w - style.pad * 2.0,
            -2.0,
            12.0,
            copy,
        );
    }
    y += style.pad * 0.5;
    let number_measure = Measure::new(Face::Bold, ORDER_SIZE);
    let number = number_measure.one_line(&slip.data.order_number, right_w);
    let number_w = number_measure.width(&number);
    let caption = Measure::new(Face::Regular, style.body)
        .one_line(slip.labels.order, (right_w - number_w - style.pad).max(0.0));
    block.text(
        right,
        y,
        Align::Right,
        Face::Bold,
        ORDER_SIZE,
        &number,
        Ink::BLACK,
    );
    block.text(
        right - number_w - style.pad,
        y + (ORDER_SIZE - style.body) * 0.8,
        Align::Right,
        Face::Regular,
        style.body,
        &caption,
        style.muted,
    );
    y += line_height(ORDER_SIZE);
    let date = format!("{}: {}", slip.labels.date, slip.date);
    y = block.text(
        right,
        y,
        Align::Right,
        Face::Regular,
        style.body,
        &date,
        Ink::BLACK,
    );
    y += style.pad;
    let module = parts::module_or_error(slip, style, right_w)?;
    let code_w = parts::barcode_width(&slip.barcode, module);
    let right_bottom = parts::barcode(&mut block, slip, &style.barcode, right - code_w, y, module);

    // Left column.
    let mut y = 0.0;
    if let Some((logo, aspect)) = slip.logo {
        let max_w = left_w.min(60.0 * MM);
        let h = (20.0 * MM).min(max_w / aspect);
        block.push(Mark::Logo {
            x: style.left,
            y,
            w: h * aspect,
            h,
            logo,
        });
        y += h + style.pad;
    }
    let shop = Measure::new(Face::Bold, SHOP_SIZE).wrap_at_most(&slip.data.shop.name, left_w, 2);
    y = block.lines(
        style.left,
        y,
        Align::Left,
        Face::Bold,
        SHOP_SIZE,
        &shop,
        Ink::BLACK,
    );
    let address = Measure::new(Face::Regular, style.small);
    for line in &slip.data.shop.address_lines {
        let lines = address.wrap_at_most(line, left_w, 2);
        y = block.lines(
            style.left,
            y,
            Align::Left,
            Face::Regular,
            style.small,
            &lines,
            style.muted,
        );
    }

    let bottom = y.max(right_bottom) + style.pad;
    block.hrule(style.left, style.right, bottom, 1.2, Ink::BLACK);
    block.height = bottom + style.pad * 2.0;
    Ok(block)
}

/// Ship-to on the left, large; shipping method and piece count on the right.
fn addressee(style: &Style, slip: &Slip<'_>) -> Block {
    let mut block = Block::new(Flow::Free);
    let gap = style.pad * 2.0;
    let left_w = style.width() * 0.6;
    let right_x = style.left + left_w + gap;
    let right_w = style.right - right_x;

    let caption = style.caption_text(slip.labels.ship_to, left_w);
    let mut y = block.text(
        style.left,
        0.0,
        Align::Left,
        Face::Bold,
        style.caption,
        &caption,
        style.muted,
    );
    let mut lines = slip
        .data
        .ship_to
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty());
    if let Some(name) = lines.next() {
        let name = Measure::new(Face::Bold, RECIPIENT_SIZE).wrap_at_most(name, left_w, 2);
        y = block.lines(
            style.left,
            y,
            Align::Left,
            Face::Bold,
            RECIPIENT_SIZE,
            &name,
            Ink::BLACK,
        );
    }
    let address = Measure::new(Face::Regular, ADDRESS_SIZE);
    for line in lines.take(8) {
        let wrapped = address.wrap_at_most(line, left_w, 2);
        y = block.lines(
            style.left,
            y,
            Align::Left,
            Face::Regular,
            ADDRESS_SIZE,
            &wrapped,
            Ink::BLACK,
        );
    }

    let value_size = 12.5;
    let mut ry = 0.0;
    let caption = style.caption_text(slip.labels.shipping_method, right_w);
    ry = block.text(
        right_x,
        ry,
        Align::Left,
        Face::Bold,
        style.caption,
        &caption,
        style.muted,
    );
    let method =
        Measure::new(Face::Bold, value_size).wrap_at_most(&slip.data.shipping_method, right_w, 3);
    ry = block.lines(
        right_x,
        ry,
        Align::Left,
        Face::Bold,
        value_size,
        &method,
        Ink::BLACK,
    );
    ry += style.pad;
    let caption = style.caption_text(slip.labels.items_count, right_w);
    ry = block.text(
        right_x,
        ry,
        Align::Left,
        Face::Bold,
        style.caption,
        &caption,
        style.muted,
    );
    ry = block.text(
        right_x,
        ry,
        Align::Left,
        Face::Bold,
        value_size,
        &slip.pieces.to_string(),
        Ink::BLACK,
    );

    block.height = y.max(ry) + style.pad * 2.0;
    block
}

struct Decor<'a> {
    style: &'a Style,
    slip: &'a Slip<'a>,
    cols: &'a Columns,
}

impl PageDecor for Decor<'_> {
    fn continued_header(&self, _index: usize) -> Block {
        parts::continued_header(self.style, self.slip, 20.0)
    }

    fn table_header(&self) -> Block {
        parts::table_header(self.style, self.slip, self.cols)
    }

    fn footer(&self, index: usize, count: usize) -> Vec<Mark> {
        parts::footer(self.style, self.slip, index, count)
    }
}
