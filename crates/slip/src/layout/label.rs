//! The 4×6 inch thermal label layout: black only (no greys, which thermal heads
//! dither into noise), big type, a thick barcode across the label, the ship-to
//! block large, then note, lines, Insert block and the initials line.

use crate::canvas::{Align, Block, Flow, Ink, Mark};
use crate::error::SlipError;
use crate::fonts::Face;
use crate::layout::parts::{self, BarcodeStyle, Columns, Style};
use crate::layout::Slip;
use crate::page_size::{PageSize, MM};
use crate::paginate::{paginate, Frame, PageDecor};
use crate::wrap::Measure;

const ORDER_SIZE: f32 = 24.0;
const RECIPIENT_SIZE: f32 = 15.0;
const ADDRESS_SIZE: f32 = 12.5;

fn style() -> Style {
    let (width, _) = PageSize::Label4x6.size_pt();
    let side = 5.0 * MM;
    Style {
        page: PageSize::Label4x6,
        left: side,
        right: width - side,
        top: 5.0 * MM,
        bottom: 10.0 * MM,
        body: 10.5,
        small: 9.5,
        caption: 9.0,
        qty: 14.0,
        muted: Ink::BLACK,
        shade: None,
        hairline: 0.75,
        hairline_ink: Ink::BLACK,
        frame: 2.5,
        pad: 4.5,
        sku_column: false,
        max_name_lines: 3,
        max_note_lines: 6,
        max_insert_lines: 8,
        barcode: BarcodeStyle {
            // 4 dots of a 203 dpi print head.
            module: 0.5 * MM,
            min_module: 0.25 * MM,
            height: 18.0 * MM,
            text: 11.0,
        },
    }
}

/// The pages of `slip` on a 4×6 label.
pub(crate) fn compose(slip: &Slip<'_>) -> Result<Vec<Vec<Mark>>, SlipError> {
    let style = style();
    let cols = parts::columns(&style, slip);
    let mut blocks = vec![header(&style, slip)?, addressee(&style, slip)];
    if let Some(note) = parts::note(&style, slip) {
        blocks.push(note);
    }
    blocks.push(parts::table_header(&style, slip, &cols));
    blocks.extend(
        slip.lines
            .iter()
            .map(|line| parts::row(&style, &cols, line)),
    );
    blocks.extend(parts::total(&style, slip, &cols));
    blocks.push(Block::space(style.pad * 2.0));
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

/// Shop and copy badge, the order number and date, and the barcode across the label.
fn header(style: &Style, slip: &Slip<'_>) -> Result<Block, SlipError> {
    let mut block = Block::new(Flow::Free);
    let mut right = style.right;
    if let Some(copy) = &slip.copy {
        let (w, _) = parts::badge(&mut block, right, 0.0, 11.0, copy);
        right -= w + style.pad;
    }
    let width = right - style.left;
    let shop = Measure::new(Face::Bold, style.body).one_line(&slip.data.shop.name, width);
    let mut y = block.text(
        style.left,
        0.0,
        Align::Left,
        Face::Bold,
        style.body,
        &shop,
        Ink::BLACK,
    );
    let address = slip
        .data
        .shop
        .address_lines
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(", ");
    let address = Measure::new(Face::Regular, style.small).wrap_at_most(&address, width, 2);
    y = block.lines(
        style.left,
        y,
        Align::Left,
        Face::Regular,
        style.small,
        &address,
        Ink::BLACK,
    );
    y += style.pad * 0.5;
    block.hrule(style.left, style.right, y, 1.0, Ink::BLACK);
    y += style.pad;

    let date = Measure::new(Face::Regular, style.body).one_line(&slip.date, style.width() * 0.4);
    let date_w = Measure::new(Face::Regular, style.body).width(&date);
    let title_w = style.width() - date_w - style.pad;
    let title = style.caption_text(slip.labels.packing_slip, title_w);
    block.text(
        style.left,
        y,
        Align::Left,
        Face::Bold,
        style.caption,
        &title,
        Ink::BLACK,
    );
    y = block.text(
        style.right,
        y,
        Align::Right,
        Face::Regular,
        style.body,
        &date,
        Ink::BLACK,
    );
    let number =
        Measure::new(Face::Bold, ORDER_SIZE).one_line(&slip.data.order_number, style.width());
    y = block.text(
        style.left,
        y - 2.0,
        Align::Left,
        Face::Bold,
        ORDER_SIZE,
        &number,
        Ink::BLACK,
    );

    let module = parts::module_or_error(slip, style, style.width())?;
    let code_w = parts::barcode_width(&slip.barcode, module);
    let x = style.left + (style.width() - code_w) / 2.0;
    y = parts::barcode(
        &mut block,
        slip,
        &style.barcode,
        x,
        y + style.pad * 0.5,
        module,
    );
    y += style.pad * 0.3;
    block.hrule(style.left, style.right, y, 2.0, Ink::BLACK);
    block.height = y + style.pad * 1.5;
    Ok(block)
}

/// Ship-to, big, then the shipping method.
fn addressee(style: &Style, slip: &Slip<'_>) -> Block {
    let mut block = Block::new(Flow::Free);
    let width = style.width();
    let caption = style.caption_text(slip.labels.ship_to, width);
    let mut y = block.text(
        style.left,
        0.0,
        Align::Left,
        Face::Bold,
        style.caption,
        &caption,
        Ink::BLACK,
    );
    let mut lines = slip
        .data
        .ship_to
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty());
    if let Some(name) = lines.next() {
        let name = Measure::new(Face::Bold, RECIPIENT_SIZE).wrap_at_most(name, width, 2);
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
    for line in lines.take(6) {
        let wrapped = address.wrap_at_most(line, width, 2);
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
    y += style.pad * 0.6;
    let caption = format!("{}:", slip.labels.shipping_method);
    let caption = Measure::new(Face::Regular, style.body).one_line(&caption, width * 0.45);
    let caption_w = Measure::new(Face::Regular, style.body).width(&caption) + style.pad;
    block.text(
        style.left,
        y,
        Align::Left,
        Face::Regular,
        style.body,
        &caption,
        Ink::BLACK,
    );
    let method = Measure::new(Face::Bold, style.body + 0.5).wrap_at_most(
        &slip.data.shipping_method,
        width - caption_w,
        2,
    );
    y = block.lines(
        style.left + caption_w,
        y,
        Align::Left,
        Face::Bold,
        style.body + 0.5,
        &method,
        Ink::BLACK,
    );
    block.height = y + style.pad * 1.5;
    block
}

struct Decor<'a> {
    style: &'a Style,
    slip: &'a Slip<'a>,
    cols: &'a Columns,
}

impl PageDecor for Decor<'_> {
    fn continued_header(&self, _index: usize) -> Block {
        parts::continued_header(self.style, self.slip, 18.0)
    }

    fn table_header(&self) -> Block {
        parts::table_header(self.style, self.slip, self.cols)
    }

    fn footer(&self, index: usize, count: usize) -> Vec<Mark> {
        parts::footer(self.style, self.slip, index, count)
    }
}
