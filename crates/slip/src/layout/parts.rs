//! The parts every layout is built from: the barcode, the copy badge, the customer
//! note, the lines table, the Insert block, the packer's initials line, the short
//! header of continued pages and the footer. Sizes come from a [`Style`].

use crate::barcode::{Barcode, QUIET_ZONE_MODULES};
use crate::canvas::{line_height, Align, Block, Flow, Ink, Mark};
use crate::data::{InsertKind, SlipLine};
use crate::error::SlipError;
use crate::fonts::Face;
use crate::layout::Slip;
use crate::page_size::{PageSize, MM};
use crate::wrap::Measure;

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
    /// Body text: addresses, names, note.
    pub body: f32,
    /// Secondary text: variants, SKUs, the footer.
    pub small: f32,
    /// Captions over blocks ("SHIP TO").
    pub caption: f32,
    /// Quantities.
    pub qty: f32,
    /// Grey for secondary text; black on thermal paper.
    pub muted: Ink,
    /// Background of the note and the table header; `None` on thermal paper.
    pub shade: Option<Ink>,
    /// Thin rules between rows.
    pub hairline: f32,
    /// Ink of the thin rules.
    pub hairline_ink: Ink,
    /// The Insert block's frame.
    pub frame: f32,
    /// The basic padding.
    pub pad: f32,
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

    /// A caption: bold, upper case, muted.
    pub(crate) fn caption_text(&self, text: &str, max_width: f32) -> String {
        Measure::new(Face::Bold, self.caption).one_line(&text.to_uppercase(), max_width)
    }
}

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
        self.height + self.gap() + line_height(self.text)
    }

    fn gap(&self) -> f32 {
        self.text * 0.3
    }
}

/// The barcode's width for `code` at `module`, quiet zones included.
pub(crate) fn barcode_width(code: &Barcode, module: f32) -> f32 {
    code.modules_with_quiet_zones() as f32 * module
}

/// Draws the barcode of `slip` with its left quiet zone at `x`; returns the bottom.
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
        block.fill(
            bars_left + start as f32 * module,
            top,
            modules as f32 * module,
            style.height,
            Ink::BLACK,
        );
    }
    let full = barcode_width(&slip.barcode, module);
    let human = Measure::new(Face::Regular, style.text).one_line(&slip.data.order_number, full);
    let text_top = top + style.height + style.gap();
    block.text(
        x + full / 2.0,
        text_top,
        Align::Center,
        Face::Regular,
        style.text,
        &human,
        Ink::BLACK,
    )
}

/// The widest module that fits `available`, or the error that the order number is too long.
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

/// A black badge with white text ("COPY 2") whose right edge is `right`; returns its
/// width and height.
pub(crate) fn badge(block: &mut Block, right: f32, top: f32, size: f32, text: &str) -> (f32, f32) {
    let measure = Measure::new(Face::Bold, size);
    let w = measure.width(text) + size * 1.2;
    let h = size * 1.6;
    block.fill(right - w, top, w, h, Ink::BLACK);
    block.text(
        right - w / 2.0,
        top + size * 0.3,
        Align::Center,
        Face::Bold,
        size,
        text,
        Ink::WHITE,
    );
    (w, h)
}

/// The customer note, shaded (framed on thermal paper) so it is noticed; `None`
/// when there is no note.
pub(crate) fn note(style: &Style, slip: &Slip<'_>) -> Option<Block> {
    let text = slip.data.customer_note.trim();
    if text.is_empty() {
        return None;
    }
    let pad = style.pad;
    let bar = 3.0;
    let inner_left = style.left + bar + pad;
    let inner_width = style.width() - bar - 2.0 * pad;
    let measure = Measure::new(Face::Regular, style.body);
    let lines = measure.wrap_at_most(text, inner_width, style.max_note_lines);
    let caption = style.caption_text(slip.labels.customer_note, inner_width);

    let mut block = Block::new(Flow::Free);
    let height =
        pad + line_height(style.caption) + lines.len() as f32 * line_height(style.body) + pad * 0.8;
    match style.shade {
        Some(shade) => {
            block.fill(style.left, 0.0, style.width(), height, shade);
            block.fill(style.left, 0.0, bar, height, Ink::BLACK);
        }
        None => {
            block.frame(style.left, 0.0, style.width(), height, 1.5, Ink::BLACK);
            block.fill(style.left, 0.0, bar + 1.5, height, Ink::BLACK);
        }
    }
    let y = block.text(
        inner_left,
        pad,
        Align::Left,
        Face::Bold,
        style.caption,
        &caption,
        Ink::BLACK,
    );
    block.lines(
        inner_left,
        y,
        Align::Left,
        Face::Regular,
        style.body,
        &lines,
        Ink::BLACK,
    );
    block.height = height + pad;
    Some(block)
}

/// Where the table's columns are.
#[derive(Debug, Clone)]
pub(crate) struct Columns {
    tick: f32,
    tick_side: f32,
    qty: (f32, f32),
    item: (f32, f32),
    sku: Option<(f32, f32)>,
    bin: (f32, f32),
    price: Option<(f32, f32)>,
}

/// Columns sized to the slip's data: tick box, quantity, item, SKU (sheets), bin,
/// price (when shown); the item column takes what is left.
pub(crate) fn columns(style: &Style, slip: &Slip<'_>) -> Columns {
    let gap = style.pad * 1.2;
    let header = Measure::new(Face::Bold, style.caption);
    let caption_width = |text: &str| header.width(&text.to_uppercase());
    let body_bold = Measure::new(Face::Bold, style.body);
    let body = Measure::new(Face::Regular, style.body);
    let small = Measure::new(Face::Regular, style.small);
    let width = style.width();

    let tick_side = (style.body * 1.15).max(10.0);
    let widest_qty = slip
        .lines
        .iter()
        .map(|l| Measure::new(Face::Bold, style.qty).width(&l.quantity.to_string()))
        .fold(0.0_f32, f32::max);
    let qty_w = (widest_qty + style.qty * 0.9)
        .max(style.qty * 1.9)
        .max(caption_width(slip.labels.quantity));
    let bin_w = slip
        .lines
        .iter()
        .map(|l| body_bold.width(l.bin.trim()))
        .fold(caption_width(slip.labels.bin), f32::max)
        .min(width * 0.22);
    let sku_w = style.sku_column.then(|| {
        slip.lines
            .iter()
            .map(|l| small.width(l.sku.trim()))
            .fold(caption_width(slip.labels.sku), f32::max)
            .min(width * 0.2)
    });
    let price_w = slip.prices().then(|| {
        slip.lines
            .iter()
            .filter_map(|l| l.unit_price.as_deref())
            .map(|p| body.width(p))
            .fold(caption_width(slip.labels.price), f32::max)
            .min(width * 0.2)
    });

    let mut x = style.left;
    let tick = x;
    x += tick_side + gap;
    let qty = (x, qty_w);
    x += qty_w + gap;
    let fixed_right = bin_w + sku_w.map_or(0.0, |w| w + gap) + price_w.map_or(0.0, |w| w + gap);
    let item_w = (style.right - x - gap - fixed_right).max(width * 0.3);
    let item = (x, item_w);
    x += item_w + gap;
    let sku = sku_w.map(|w| {
        let column = (x, w);
        x += w + gap;
        column
    });
    let bin = (x, bin_w);
    x += bin_w + gap;
    let price = price_w.map(|w| (x, w));
    Columns {
        tick,
        tick_side,
        qty,
        item,
        sku,
        bin,
        price,
    }
}

/// The table header: column captions on a shaded band (inverted on thermal paper).
pub(crate) fn table_header(style: &Style, slip: &Slip<'_>, cols: &Columns) -> Block {
    let mut block = Block::new(Flow::KeepWithNext);
    let h = line_height(style.caption) + style.pad;
    let ink = match style.shade {
        Some(shade) => {
            block.fill(style.left, 0.0, style.width(), h, shade);
            Ink::BLACK
        }
        None => {
            block.fill(style.left, 0.0, style.width(), h, Ink::BLACK);
            Ink::WHITE
        }
    };
    let top = style.pad / 2.0;
    let labels = slip.labels;
    let mut caption = |x: f32, w: f32, align: Align, text: &str| {
        let text = style.caption_text(text, w);
        let x = match align {
            Align::Left => x,
            Align::Right => x + w,
            Align::Center => x + w / 2.0,
        };
        block.text(x, top, align, Face::Bold, style.caption, &text, ink);
    };
    caption(cols.qty.0, cols.qty.1, Align::Center, labels.quantity);
    caption(cols.item.0, cols.item.1, Align::Left, labels.item);
    if let Some((x, w)) = cols.sku {
        caption(x, w, Align::Left, labels.sku);
    }
    caption(cols.bin.0, cols.bin.1, Align::Left, labels.bin);
    if let Some((x, w)) = cols.price {
        caption(x, w, Align::Right, labels.price);
    }
    block.height = h;
    block
}

/// One order line: an empty tick box, the quantity (white on black when more than
/// one), name and variant, SKU, bin and price.
pub(crate) fn row(style: &Style, cols: &Columns, line: &SlipLine) -> Block {
    let mut block = Block::new(Flow::TableRow);
    let pad = style.pad;
    let top = pad * 0.9;
    let (item_x, item_w) = cols.item;

    let name = Measure::new(Face::Regular, style.body).wrap_at_most(
        &line.name,
        item_w,
        style.max_name_lines,
    );
    let mut y = block.lines(
        item_x,
        top,
        Align::Left,
        Face::Regular,
        style.body,
        &name,
        Ink::BLACK,
    );
    let mut details: Vec<String> = Vec::new();
    if !line.variant.trim().is_empty() {
        details.push(line.variant.trim().to_string());
    }
    if cols.sku.is_none() && !line.sku.trim().is_empty() {
        details.push(line.sku.trim().to_string());
    }
    if !details.is_empty() {
        let small = Measure::new(Face::Regular, style.small);
        let text = details.join(" · ");
        let lines = small.wrap_at_most(&text, item_w, 2);
        y = block.lines(
            item_x,
            y,
            Align::Left,
            Face::Regular,
            style.small,
            &lines,
            style.muted,
        );
    }

    // Tick box, aligned with the first line of the name.
    let side = cols.tick_side;
    let box_top = top + (line_height(style.body) - side) / 2.0 - style.body * 0.05;
    block.frame(cols.tick, box_top, side, side, 1.0, Ink::BLACK);

    // Quantity: bold; more than one is white on a black box so it cannot be missed.
    let (qty_x, qty_w) = cols.qty;
    let qty_text = line.quantity.to_string();
    let qty_h = style.qty * 1.3;
    let qty_top = top + (line_height(style.body) - qty_h) / 2.0;
    let qty_ink = if line.quantity > 1 {
        block.fill(qty_x, qty_top, qty_w, qty_h, Ink::BLACK);
        Ink::WHITE
    } else {
        Ink::BLACK
    };
    block.text(
        qty_x + qty_w / 2.0,
        qty_top + (qty_h - line_height(style.qty)) / 2.0 + style.qty * 0.08,
        Align::Center,
        Face::Bold,
        style.qty,
        &qty_text,
        qty_ink,
    );
    y = y.max(qty_top + qty_h);

    if let Some((x, w)) = cols.sku {
        let sku = Measure::new(Face::Regular, style.small).wrap_at_most(line.sku.trim(), w, 2);
        let sku_top = top + (style.body - style.small) * 0.8;
        y = y.max(block.lines(
            x,
            sku_top,
            Align::Left,
            Face::Regular,
            style.small,
            &sku,
            Ink::BLACK,
        ));
    }
    let (bin_x, bin_w) = cols.bin;
    let bin = Measure::new(Face::Bold, style.body).wrap_at_most(line.bin.trim(), bin_w, 2);
    y = y.max(block.lines(
        bin_x,
        top,
        Align::Left,
        Face::Bold,
        style.body,
        &bin,
        Ink::BLACK,
    ));
    if let (Some((x, w)), Some(price)) = (cols.price, line.unit_price.as_deref()) {
        let price = Measure::new(Face::Regular, style.body).one_line(price, w);
        block.text(
            x + w,
            top,
            Align::Right,
            Face::Regular,
            style.body,
            &price,
            Ink::BLACK,
        );
    }

    let height = y + pad * 0.7;
    block.hrule(
        style.left,
        style.right,
        height,
        style.hairline,
        style.hairline_ink,
    );
    block.height = height;
    block
}

/// The order total under the price column.
pub(crate) fn total(style: &Style, slip: &Slip<'_>, cols: &Columns) -> Option<Block> {
    let (x, w) = cols.price?;
    let total = slip.data.total.as_deref()?.trim();
    if total.is_empty() {
        return None;
    }
    let mut block = Block::new(Flow::Free);
    let value = Measure::new(Face::Bold, style.body).one_line(total, w.max(style.width() * 0.3));
    let right = x + w;
    let value_w = Measure::new(Face::Bold, style.body).width(&value);
    let caption = format!("{}:", slip.labels.total);
    let caption = Measure::new(Face::Regular, style.body).one_line(&caption, style.width() * 0.4);
    let top = style.pad * 0.8;
    block.text(
        right - value_w - style.pad * 1.5,
        top,
        Align::Right,
        Face::Regular,
        style.body,
        &caption,
        Ink::BLACK,
    );
    let bottom = block.text(
        right,
        top,
        Align::Right,
        Face::Bold,
        style.body,
        &value,
        Ink::BLACK,
    );
    block.height = bottom + style.pad * 0.5;
    Some(block)
}

/// The framed Insert block, as a heading, one block per item and a closing edge, so
/// that a long one can continue on the next page; empty when nothing is inserted.
pub(crate) fn insert(style: &Style, slip: &Slip<'_>) -> Vec<Block> {
    let items = &slip.data.inserts;
    if items.is_empty() {
        return Vec::new();
    }
    let frame = style.frame;
    let (left, right) = (style.left, style.right);
    let pad = style.pad;
    let heading_size = style.body;
    let sides = |block: &mut Block, from: f32, to: f32| {
        block.vrule(left + frame / 2.0, from, to, frame, Ink::BLACK);
        block.vrule(right - frame / 2.0, from, to, frame, Ink::BLACK);
    };

    let mut blocks = Vec::new();
    let mut heading = Block::new(Flow::KeepWithNext);
    let band = line_height(heading_size) + pad;
    heading.fill(left, 0.0, right - left, band, Ink::BLACK);
    let title = Measure::new(Face::Bold, heading_size)
        .one_line(&slip.labels.insert.to_uppercase(), right - left - 2.0 * pad);
    heading.text(
        left + pad + frame,
        pad / 2.0,
        Align::Left,
        Face::Bold,
        heading_size,
        &title,
        Ink::WHITE,
    );
    heading.height = band;
    blocks.push(heading);

    let text_left = left + frame + pad;
    let tick_side = (style.body * 1.15).max(10.0);
    let content_left = text_left + tick_side + pad;
    let content_width = right - frame - pad - content_left;
    for item in items {
        let mut block = Block::new(Flow::Free);
        let top = pad;
        let kind = match item.kind {
            InsertKind::Gift => slip.labels.gift,
            InsertKind::Card => slip.labels.card,
            InsertKind::GiftMessage => slip.labels.gift_message,
        };
        let title = item.title.trim();
        let heading_text = if title.is_empty() {
            kind.to_string()
        } else {
            format!("{kind}: {title}")
        };
        let heading_lines =
            Measure::new(Face::Bold, style.body).wrap_at_most(&heading_text, content_width, 3);
        let mut y = block.lines(
            content_left,
            top,
            Align::Left,
            Face::Bold,
            style.body,
            &heading_lines,
            Ink::BLACK,
        );
        let text = item.text.trim();
        if !text.is_empty() {
            let lines = Measure::new(Face::Regular, style.body).wrap_at_most(
                text,
                content_width,
                style.max_insert_lines,
            );
            y = block.lines(
                content_left,
                y + 1.0,
                Align::Left,
                Face::Regular,
                style.body,
                &lines,
                Ink::BLACK,
            );
        }
        let box_top = top + (line_height(style.body) - tick_side) / 2.0 - style.body * 0.05;
        block.frame(text_left, box_top, tick_side, tick_side, 1.0, Ink::BLACK);
        block.height = y;
        sides(&mut block, 0.0, y);
        blocks.push(block);
    }
    let mut closing = Block::new(Flow::Free);
    closing.height = pad;
    sides(&mut closing, 0.0, pad);
    closing.hrule(left, right, pad - frame / 2.0, frame, Ink::BLACK);
    blocks.push(closing);
    blocks
}

/// "Packed by: ______" for the packer's initials, with room to write.
pub(crate) fn packed_by(style: &Style, slip: &Slip<'_>) -> Block {
    let mut block = Block::new(Flow::Free);
    let top = style.pad * 2.0;
    let caption = format!("{}:", slip.labels.packed_by);
    let caption = Measure::new(Face::Regular, style.body).one_line(&caption, style.width() * 0.5);
    let caption_w = Measure::new(Face::Regular, style.body).width(&caption);
    block.text(
        style.left,
        top,
        Align::Left,
        Face::Regular,
        style.body,
        &caption,
        Ink::BLACK,
    );
    let line_y = top + style.body * 1.05;
    let line_start = style.left + caption_w + style.pad;
    let line_end = (line_start + 40.0 * MM).min(style.right);
    block.hrule(line_start, line_end, line_y, 0.8, Ink::BLACK);
    block.height = line_y + style.pad;
    block
}

/// The header of a continued page: the order number, "continued" and the barcode,
/// over a rule.
pub(crate) fn continued_header(style: &Style, slip: &Slip<'_>, order_size: f32) -> Block {
    let mut block = Block::new(Flow::Free);
    let module = style
        .barcode
        .module_for(&slip.barcode, style.width() * 0.5)
        .unwrap_or(style.barcode.min_module);
    let code_w = barcode_width(&slip.barcode, module);
    let bottom_code = barcode(
        &mut block,
        slip,
        &style.barcode,
        style.right - code_w,
        0.0,
        module,
    );

    let text_w = style.width() - code_w - style.pad;
    let shop = Measure::new(Face::Regular, style.small).one_line(
        &format!(
            "{} · {}",
            slip.data.shop.name.trim(),
            slip.labels.packing_slip
        ),
        text_w,
    );
    let mut y = block.text(
        style.left,
        0.0,
        Align::Left,
        Face::Regular,
        style.small,
        &shop,
        style.muted,
    );
    let number = Measure::new(Face::Bold, order_size).one_line(&slip.data.order_number, text_w);
    y = block.text(
        style.left,
        y,
        Align::Left,
        Face::Bold,
        order_size,
        &number,
        Ink::BLACK,
    );
    let continued = Measure::new(Face::Regular, style.body)
        .one_line(&format!("({})", slip.labels.continued), text_w);
    y = block.text(
        style.left,
        y,
        Align::Left,
        Face::Regular,
        style.body,
        &continued,
        Ink::BLACK,
    );
    if let Some(copy) = &slip.copy {
        let (_, h) = badge(&mut block, style.left + text_w, 0.0, style.body, copy);
        y = y.max(h);
    }
    let bottom = y.max(bottom_code) + style.pad;
    block.hrule(style.left, style.right, bottom, 1.0, Ink::BLACK);
    block.height = bottom + style.pad * 1.5;
    block
}

/// Footer of page `index` of `count`: the order number and page, and on every page
/// but the last, that the slip continues. Nothing on a one-page slip.
pub(crate) fn footer(style: &Style, slip: &Slip<'_>, index: usize, count: usize) -> Vec<Mark> {
    if count <= 1 {
        return Vec::new();
    }
    let mut block = Block::new(Flow::Free);
    let top = style.page_height() - style.bottom + style.pad * 0.6;
    let page = format!(
        "{} · {} {}/{}",
        slip.data.order_number, slip.labels.page, index, count
    );
    let half = style.width() / 2.0 - style.pad;
    let page = Measure::new(Face::Regular, style.small).one_line(&page, half);
    block.hrule(
        style.left,
        style.right,
        top - style.pad * 0.3,
        style.hairline,
        style.hairline_ink,
    );
    block.text(
        style.left,
        top,
        Align::Left,
        Face::Regular,
        style.small,
        &page,
        Ink::BLACK,
    );
    if index < count {
        let next = format!("{} →", slip.labels.continued_on_next);
        let next = Measure::new(Face::Bold, style.small).one_line(&next, half);
        block.text(
            style.right,
            top,
            Align::Right,
            Face::Bold,
            style.small,
            &next,
            Ink::BLACK,
        );
    }
    block.marks
}
