//! The A6 layout (105 × 148 mm): compact, barcode at the top next to the order
//! number, then the ship-to block, the lines with the SKU under each name, the
//! Insert block and the initials line.

use crate::canvas::{line_height, Align, Block, Flow, Ink, Mark};
use crate::error::SlipError;
use crate::fonts::Face;
use crate::layout::parts::{self, BarcodeStyle, Columns, Style};
use crate::layout::Slip;
use crate::page_size::{PageSize, MM};
use crate::paginate::{paginate, Frame, PageDecor};
use crate::wrap::Measure;

const ORDER_SIZE: f32 = 18.0;
const RECIPIENT_SIZE: f32 = 13.0;
const ADDRESS_SIZE: f32 = 11.0;

fn style() -> Style {
    let (width, _) = PageSize::A6.size_pt();
    let side = 6.0 * MM;
    Style {
        page: PageSize::A6,
        left: side,
        right: width - side,
        top: 6.0 * MM,
        bottom: 10.0 * MM,
        body: 10.0,
        small: 9.0,
        caption: 8.5,
        qty: 12.0,
        muted: Ink(0.3),
        shade: Some(Ink(0.88)),
        hairline: 0.5,
        hairline_ink: Ink(0.5),
        frame: 1.6,
        pad: 4.0,
        sku_column: false,
        max_name_lines: 3,
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
    let cols = parts::columns(&style, slip);
    let mut blocks = vec![
        shop_line(&style, slip),
        header(&style, slip)?,
        addressee(&style, slip),
    ];
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

/// Logo, shop name and address in one small band; the copy badge on the right.
fn shop_line(style: &Style, slip: &Slip<'_>) -> Block {
    let mut block = Block::new(Flow::Free);
    let mut right = style.right;
    if let Some(copy) = &slip.copy {
        let (w, _) = parts::badge(&mut block, right, 0.0, 10.0, copy);
        right -= w + style.pad;
    }
    let mut x = style.left;
    let mut bottom: f32 = 0.0;
    if let Some((logo, aspect)) = slip.logo {
        let h = (9.0 * MM).min(25.0 * MM / aspect);
        let w = h * aspect;
        block.push(Mark::Logo {
            x,
            y: 0.0,
            w,
            h,
            logo,
        });
        x += w + style.pad * 1.5;
        bottom = h;
    }
    let width = right - x;
    let name = Measure::new(Face::Bold, style.small).one_line(&slip.data.shop.name, width);
    let mut y = block.text(
        x,
        0.0,
        Align::Left,
        Face::Bold,
        style.small,
        &name,
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
    let lines = Measure::new(Face::Regular, style.small).wrap_at_most(&address, width, 2);
    y = block.lines(
        x,
        y,
        Align::Left,
        Face::Regular,
        style.small,
        &lines,
        style.muted,
    );
    block.height = bottom.max(y) + style.pad;
    block
}

/// Title, order number and date on the left, the barcode on the right (or under
/// them when the number is long).
fn header(style: &Style, slip: &Slip<'_>) -> Result<Block, SlipError> {
    let mut block = Block::new(Flow::Free);
    let number_measure = Measure::new(Face::Bold, ORDER_SIZE);
    let number = number_measure.one_line(&slip.data.order_number, style.width());
    let title = style.caption_text(slip.labels.packing_slip, style.width());
    let date = slip.date.clone();
    let text_w = number_measure
        .width(&number)
        .max(Measure::new(Face::Bold, style.caption).width(&title))
        .max(Measure::new(Face::Regular, style.body).width(&date));

    let mut y = block.text(
        style.left,
        0.0,
        Align::Left,
        Face::Bold,
        style.caption,
        &title,
        style.muted,
    );
    y = block.text(
        style.left,
        y,
        Align::Left,
        Face::Bold,
        ORDER_SIZE,
        &number,
        Ink::BLACK,
    );
    y = block.text(
        style.left,
        y,
        Align::Left,
        Face::Regular,
        style.body,
        &date,
        Ink::BLACK,
    );

    let beside = style.width() - text_w - style.pad * 2.0;
    let bottom = match style.barcode.module_for(&slip.barcode, beside) {
        Some(module) => {
            let code_w = parts::barcode_width(&slip.barcode, module);
            let top = ((y - style.barcode.total_height()) / 2.0).max(0.0);
            let code_bottom = parts::barcode(
                &mut block,
                slip,
                &style.barcode,
                style.right - code_w,
                top,
                module,
            );
            y.max(code_bottom)
        }
        None => {
            let module = parts::module_or_error(slip, style, style.width())?;
            let code_w = parts::barcode_width(&slip.barcode, module);
            let x = style.left + (style.width() - code_w) / 2.0;
            parts::barcode(&mut block, slip, &style.barcode, x, y + style.pad, module)
        }
    };
    let bottom = bottom + style.pad * 0.5;
    block.hrule(style.left, style.right, bottom, 1.0, Ink::BLACK);
    block.height = bottom + style.pad * 1.5;
    Ok(block)
}

/// Ship-to, large, then the shipping method on one line.
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
        style.muted,
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
        style.muted,
    );
    let method = Measure::new(Face::Bold, style.body).wrap_at_most(
        &slip.data.shipping_method,
        width - caption_w,
        2,
    );
    y = block.lines(
        style.left + caption_w,
        y,
        Align::Left,
        Face::Bold,
        style.body,
        &method,
        Ink::BLACK,
    );
    y = y.max(line_height(style.body));
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
        parts::continued_header(self.style, self.slip, 16.0)
    }

    fn table_header(&self) -> Block {
        parts::table_header(self.style, self.slip, self.cols)
    }

    fn footer(&self, index: usize, count: usize) -> Vec<Mark> {
        parts::footer(self.style, self.slip, index, count)
    }
}
