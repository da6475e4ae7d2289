//! The parts the layouts place: the barcode, the copy badge, the ship-to block, the
//! shipping line, the customer note,
//! the short header of continued pages and the footer; and the body every layout
//! shares after its own header, stacked on pages. Sizes come from a [`Style`].

use crate::barcode::{Barcode, QUIET_ZONE_MODULES};
use crate::canvas::{Align, Block, Flow, Ink, Mark, Type};
use crate::error::SlipError;
use crate::layout::insert;
use crate::layout::style::{BarcodeStyle, Style, MIN_ORDER_SIZE};
use crate::layout::table::{self, Columns};
use crate::layout::Slip;
use crate::page_size::MM;
use crate::paginate::{paginate, Frame, PageDecor};

/// The barcode's width for `code` at `module`, quiet zones included.
pub(crate) fn barcode_width(code: &Barcode, module: f32) -> f32 {
    code.modules_with_quiet_zones() as f32 * module
}

/// Draws the barcode of `slip` with its left quiet zone at `x` and the order number
/// under it; returns the bottom.
pub(crate) fn barcode(
    block: &mut Block,
    slip: &Slip<'_>,
    style: &BarcodeStyle,
    x: f32,
    top: f32,
    module: f32,
) -> f32 {
    let bars_left = x + QUIET_ZONE_MODULES as f32 * module;
    for (start, modules) in slip.barcode.bars() {
        let bar_x = bars_left + start as f32 * module;
        block.fill(
            bar_x,
            top,
            modules as f32 * module,
            style.height,
            Ink::BLACK,
        );
    }
    let full = barcode_width(&slip.barcode, module);
    let ty = Type::regular(style.text);
    let human = ty.one_line(&slip.data.order_number, full);
    let text_top = top + style.height + style.gap();
    block.text(x + full / 2.0, text_top, Align::Center, ty, &human)
}

/// The widest module that fits `available`, or the error that the order number is
/// too long for a scannable barcode.
pub(crate) fn module_or_error(
    slip: &Slip<'_>,
    style: &Style,
    available: f32,
) -> Result<f32, SlipError> {
    style
        .barcode
        .module_for(&slip.barcode, available)
        .ok_or_else(|| SlipError::OrderNumberTooLong {
            order_number: slip.data.order_number.clone(),
            page_size: style.page,
        })
}

/// A black badge with white bold text ("COPY 2") whose right edge is `right`;
/// returns its width and height.
pub(crate) fn badge(block: &mut Block, right: f32, top: f32, size: f32, text: &str) -> (f32, f32) {
    let ty = Type::bold(size).ink(Ink::WHITE);
    let w = ty.width(text) + size * 1.2;
    let h = size * 1.6;
    block.fill(right - w, top, w, h, Ink::BLACK);
    block.text(right - w / 2.0, top + size * 0.3, Align::Center, ty, text);
    (w, h)
}

/// Sizes of the ship-to block.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ShipTo {
    /// The recipient, on the first line.
    pub name: Type,
    /// The other address lines.
    pub line: Type,
    /// At most this many address lines after the name.
    pub max_lines: usize,
}

/// The ship-to caption, recipient and address in the column at `x`, `width` wide;
/// returns the bottom.
pub(crate) fn ship_to(
    block: &mut Block,
    style: &Style,
    slip: &Slip<'_>,
    x: f32,
    width: f32,
    sizes: ShipTo,
) -> f32 {
    let caption = style.caption_text(slip.labels.ship_to, width);
    let mut y = block.text(x, 0.0, Align::Left, style.caption(), &caption);
    let mut lines = slip
        .data
        .ship_to
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty());
    if let Some(name) = lines.next() {
        y = block.lines(
            x,
            y,
            Align::Left,
            sizes.name,
            &sizes.name.wrap(name, width, 2),
        );
    }
    for line in lines.take(sizes.max_lines) {
        y = block.lines(
            x,
            y,
            Align::Left,
            sizes.line,
            &sizes.line.wrap(line, width, 3),
        );
    }
    y
}

/// The customer note, shaded (framed on thermal paper) with a black bar on its left
/// so it is noticed; `None` when there is no note.
pub(crate) fn note(style: &Style, slip: &Slip<'_>) -> Option<Block> {
    let text = slip.data.customer_note.trim();
    if text.is_empty() {
        return None;
    }
    let pad = style.pad;
    let bar = 3.5;
    let inner_left = style.left + bar + pad;
    let inner_width = style.width() - bar - 2.0 * pad;
    let body = style.body();
    // The caption starts the first line and the note runs on after it; a caption
    // wider than half the box gets a line of its own.
    let caption_type = Type::bold(style.caption);
    let caption = format!("{}:", slip.labels.customer_note.to_uppercase());
    let caption = caption_type.one_line(&caption, inner_width);
    let inline = caption_type.width(&caption) <= inner_width * 0.5;
    let (indent, caption_lines) = if inline {
        (caption_type.width(&caption) + pad, 0.0)
    } else {
        (0.0, 1.0)
    };
    let lines = body.wrap_indented(text, inner_width, indent, style.max_note_lines);

    let mut block = Block::new(Flow::Free);
    let top = pad * 0.8;
    let height =
        top + caption_lines * caption_type.line() + lines.len() as f32 * body.line() + pad * 0.6;
    match style.shade {
        Some(shade) => block.fill(style.left, 0.0, style.width(), height, shade),
        None => block.frame(style.left, 0.0, style.width(), height, 1.5, Ink::BLACK),
    }
    block.fill(style.left, 0.0, bar, height, Ink::BLACK);
    // Same baseline for the caption and the note's first line.
    let caption_top = top + (style.body - style.caption) * 0.8;
    let y = block.text(inner_left, caption_top, Align::Left, caption_type, &caption);
    if inline {
        if let Some((first, rest)) = lines.split_first() {
            let y = block.text(inner_left + indent, top, Align::Left, body, first);
            block.lines(inner_left, y, Align::Left, body, rest);
        }
    } else {
        block.lines(inner_left, y, Align::Left, body, &lines);
    }
    block.height = height + pad * 1.5;
    Some(block)
}

/// The header of a continued page: shop and title, the order number with
/// "(continued)", the copy badge, and the barcode on the right, over a rule.
pub(crate) fn continued_header(style: &Style, slip: &Slip<'_>, order_size: f32) -> Block {
    let mut block = Block::new(Flow::Free);
    let module = style
        .barcode
        .module_for(&slip.barcode, style.width() * 0.55)
        .unwrap_or(style.barcode.min_module);
    let code_w = barcode_width(&slip.barcode, module);
    let code_bottom = barcode(
        &mut block,
        slip,
        &style.barcode,
        style.right - code_w,
        0.0,
        module,
    );

    let text_w = style.width() - code_w - style.pad;
    let small = style.small().ink(style.muted);
    let shop = format!(
        "{} · {}",
        slip.data.shop.name.trim(),
        slip.labels.packing_slip
    );
    let mut y = block.text(
        style.left,
        0.0,
        Align::Left,
        small,
        &small.one_line(&shop, text_w),
    );
    let number = Type::bold(order_size).fitted(&slip.data.order_number, text_w, MIN_ORDER_SIZE);
    let lines = number.wrap(&slip.data.order_number, text_w, 2);
    y = block.lines(style.left, y, Align::Left, number, &lines);
    // "(continued)", and the copy badge after it on reprints.
    let continued = style
        .body()
        .one_line(&format!("({})", slip.labels.continued), text_w);
    let line_top = y;
    y = block.text(style.left, y, Align::Left, style.body(), &continued);
    if let Some(copy) = &slip.copy {
        let badge_w = Type::bold(style.small).width(copy) + style.small * 1.2;
        let right = style.left + style.body().width(&continued) + style.pad + badge_w;
        if right <= style.left + text_w {
            let top = line_top + (style.body().line() - style.small * 1.6) / 2.0;
            badge(&mut block, right, top, style.small, copy);
        } else {
            let (_, h) = badge(
                &mut block,
                style.left + badge_w,
                y + style.pad * 0.3,
                style.small,
                copy,
            );
            y += style.pad * 0.3 + h;
        }
    }
    let bottom = y.max(code_bottom) + style.pad * 0.5;
    block.hrule(style.left, style.right, bottom, 1.5, Ink::BLACK);
    block.height = bottom + style.pad * 1.5;
    block
}

/// Footer of page `index` of `count`, in the bottom margin: on a slip of several
/// pages the order number and page, and "Continued →" on all pages but the last;
/// on the last page the "Packed by: ______" line for the packer's initials.
pub(crate) fn footer(style: &Style, slip: &Slip<'_>, index: usize, count: usize) -> Vec<Mark> {
    let mut block = Block::new(Flow::Free);
    let top = style.page_height() - style.bottom + style.pad;
    let half = style.width() / 2.0 - style.pad;
    if count > 1 {
        let small = style.small();
        let page = format!(
            "{} · {} {}/{}",
            slip.data.order_number, slip.labels.page, index, count
        );
        let rule_y = top - style.pad * 0.5;
        block.hrule(
            style.left,
            style.right,
            rule_y,
            style.hairline,
            style.hairline_ink,
        );
        block.text(
            style.left,
            top,
            Align::Left,
            small,
            &small.one_line(&page, half),
        );
    }
    if index < count {
        let bold = Type::bold(style.small);
        let next = bold.one_line(&format!("{} →", slip.labels.continued_on_next), half);
        block.text(style.right, top, Align::Right, bold, &next);
    } else if style.packed_by_in_footer {
        let x = if count > 1 { None } else { Some(style.left) };
        packed_by(
            &mut block,
            style,
            slip,
            top - (style.body - style.small) * 0.8,
            x,
        );
    }
    block.marks
}

/// "Packed by: ______" for the packer's initials from `x`, or ending at the right
/// edge; returns the bottom.
fn packed_by(block: &mut Block, style: &Style, slip: &Slip<'_>, top: f32, x: Option<f32>) -> f32 {
    let body = style.body();
    let caption = body.one_line(&format!("{}:", slip.labels.packed_by), style.width() * 0.3);
    let line_w = (40.0 * MM).min(style.width() * 0.3);
    let total = body.width(&caption) + style.pad + line_w;
    let x = x.unwrap_or(style.right - total);
    block.text(x, top, Align::Left, body, &caption);
    let line_y = top + style.body * 0.85;
    let line_start = x + body.width(&caption) + style.pad;
    block.hrule(line_start, line_start + line_w, line_y, 0.8, Ink::BLACK);
    line_y
}

/// The "Packed by" line as a block of its own, after the Insert block.
fn packed_by_block(style: &Style, slip: &Slip<'_>) -> Block {
    let mut block = Block::new(Flow::Free);
    let bottom = packed_by(&mut block, style, slip, style.pad * 2.5, Some(style.left));
    block.height = bottom + style.pad;
    block
}

/// What follows the header on every layout: the note, the lines table with its
/// total and the Insert block.
pub(crate) fn body(style: &Style, slip: &Slip<'_>, cols: &Columns) -> Vec<Block> {
    let mut blocks = Vec::new();
    blocks.extend(note(style, slip));
    blocks.push(table::header(style, slip, cols));
    blocks.extend(slip.lines.iter().map(|line| table::row(style, cols, line)));
    blocks.extend(table::total(style, slip, cols));
    blocks.push(Block::space(style.pad * 1.5));
    blocks.extend(insert::blocks(style, slip));
    if !style.packed_by_in_footer {
        // Not alone at the top of a page: it moves with the block before it.
        if let Some(last) = blocks.last_mut().filter(|b| b.flow == Flow::Free) {
            last.flow = Flow::KeepWithNext;
        }
        blocks.push(packed_by_block(style, slip));
    }
    blocks
}

/// Stacks `blocks` on pages of the layout's paper; continued pages are headed by the
/// order number at `order_size` and the barcode.
pub(crate) fn pages(
    style: &Style,
    slip: &Slip<'_>,
    cols: &Columns,
    order_size: f32,
    blocks: Vec<Block>,
) -> Vec<Vec<Mark>> {
    let frame = Frame {
        top: style.top,
        bottom: style.page_height() - style.bottom,
    };
    let decor = Decor {
        style,
        slip,
        cols,
        order_size,
    };
    paginate(frame, blocks, &decor)
}

struct Decor<'a> {
    style: &'a Style,
    slip: &'a Slip<'a>,
    cols: &'a Columns,
    order_size: f32,
}

impl PageDecor for Decor<'_> {
    fn continued_header(&self, _index: usize) -> Block {
        continued_header(self.style, self.slip, self.order_size)
    }

    fn table_header(&self) -> Block {
        table::header(self.style, self.slip, self.cols)
    }

    fn footer(&self, index: usize, count: usize) -> Vec<Mark> {
        footer(self.style, self.slip, index, count)
    }
}
