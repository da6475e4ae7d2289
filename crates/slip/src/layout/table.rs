//! The lines table: a tick box, the quantity (white on black when more than one),
//! name with variant, SKU, bin and, when shown, the price, with the total under it.
//! Columns are sized to the slip's own data; the item column takes the rest.

use crate::canvas::{Align, Block, Flow, Ink, Type};
use crate::data::SlipLine;
use crate::layout::style::Style;
use crate::layout::Slip;

/// Where the table's columns are: (left edge, width) each.
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

/// Side of a tick box for text of `size`.
pub(crate) fn tick_side(size: f32) -> f32 {
    (size * 1.1).max(9.5)
}

/// Columns sized to the slip's data.
pub(crate) fn columns(style: &Style, slip: &Slip<'_>) -> Columns {
    let gap = if style.sku_column {
        style.pad * 1.6
    } else {
        style.pad
    };
    let width = style.width();
    let caption = Type::bold(style.caption);
    let caption_width = |text: &str| caption.width(&text.to_uppercase());
    let widest =
        |ty: Type, texts: Vec<&str>| texts.iter().map(|t| ty.width(t.trim())).fold(0.0, f32::max);
    let labels = slip.labels;
    let lines = &slip.lines;

    let tick_side = tick_side(style.body);
    let qty_type = Type::bold(style.qty);
    let quantities: Vec<String> = lines.iter().map(|l| l.quantity.to_string()).collect();
    let widest_qty = widest(qty_type, quantities.iter().map(String::as_str).collect());
    let qty_w = (widest_qty + style.qty * 0.8)
        .max(style.qty * 1.8)
        .max(caption_width(labels.quantity));
    let bin_w = widest(
        Type::bold(style.body),
        lines.iter().map(|l| l.bin.as_str()).collect(),
    )
    .max(caption_width(labels.bin))
    .min(width * if style.sku_column { 0.2 } else { 0.16 });
    let sku_w = style.sku_column.then(|| {
        widest(
            style.small(),
            lines.iter().map(|l| l.sku.as_str()).collect(),
        )
        .max(caption_width(labels.sku))
        .min(width * 0.2)
    });
    let price_w = slip.prices().then(|| {
        widest(
            style.body(),
            lines
                .iter()
                .filter_map(|l| l.unit_price.as_deref())
                .collect(),
        )
        .max(caption_width(labels.price))
        .min(width * 0.2)
    });

    let tick = style.left;
    let qty = (tick + tick_side + gap, qty_w);
    let item_x = qty.0 + qty_w + gap;
    let fixed_right = bin_w + sku_w.map_or(0.0, |w| w + gap) + price_w.map_or(0.0, |w| w + gap);
    let item = (
        item_x,
        (style.right - item_x - gap - fixed_right).max(width * 0.3),
    );
    let mut x = item.0 + item.1 + gap;
    let sku = sku_w.map(|w| {
        let column = (x, w);
        x += w + gap;
        column
    });
    let bin = (x, bin_w);
    let price = price_w.map(|w| (style.right - w, w));
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

/// The table header: column captions on a shaded band (white on black on thermal
/// paper). Kept with the first row.
pub(crate) fn header(style: &Style, slip: &Slip<'_>, cols: &Columns) -> Block {
    let mut block = Block::new(Flow::KeepWithNext);
    let caption = Type::bold(style.caption);
    let h = caption.line() + style.pad;
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
    let caption = caption.ink(ink);
    let top = style.pad / 2.0;
    let labels = slip.labels;
    let mut put = |(x, w): (f32, f32), align: Align, text: &str| {
        let text = caption.one_line(&text.to_uppercase(), w);
        let x = match align {
            Align::Left => x,
            Align::Right => x + w,
            Align::Center => x + w / 2.0,
        };
        block.text(x, top, align, caption, &text);
    };
    put(cols.qty, Align::Center, labels.quantity);
    put(cols.item, Align::Left, labels.item);
    if let Some(sku) = cols.sku {
        put(sku, Align::Left, labels.sku);
    }
    put(cols.bin, Align::Left, labels.bin);
    if let Some(price) = cols.price {
        put(price, Align::Right, labels.price);
    }
    block.height = h;
    block
}

/// One order line: an empty tick box, the quantity (white on black when more than
/// one, so it cannot be missed), name, variant (and SKU on small paper), SKU column,
/// bin in bold and price, over a hairline.
pub(crate) fn row(style: &Style, cols: &Columns, line: &SlipLine) -> Block {
    let mut block = Block::new(Flow::TableRow);
    let top = style.pad * 0.9;
    let body = style.body();
    let (item_x, item_w) = cols.item;

    let name = body.wrap(&line.name, item_w, style.max_name_lines);
    let mut y = block.lines(item_x, top, Align::Left, body, &name);
    let mut details: Vec<&str> = Vec::new();
    if !line.variant.trim().is_empty() {
        details.push(line.variant.trim());
    }
    if cols.sku.is_none() && !line.sku.trim().is_empty() {
        details.push(line.sku.trim());
    }
    if !details.is_empty() {
        let small = style.small().ink(style.muted);
        y = block.lines(
            item_x,
            y,
            Align::Left,
            small,
            &small.wrap(&details.join(" · "), item_w, 3),
        );
    }

    // The tick box and the quantity centre on the first line of the name.
    let middle = top + body.line() * 0.45;
    let side = cols.tick_side;
    block.frame(cols.tick, middle - side / 2.0, side, side, 1.0, Ink::BLACK);

    let (qty_x, qty_w) = cols.qty;
    let qty = Type::bold(style.qty);
    let qty_h = style.qty * 1.3;
    let qty_top = middle - qty_h / 2.0;
    let qty = if line.quantity > 1 {
        block.fill(qty_x, qty_top, qty_w, qty_h, Ink::BLACK);
        qty.ink(Ink::WHITE)
    } else {
        qty
    };
    // Digits are 0.73 em tall and sit on a baseline 0.8 em under the line top.
    let qty_text_top = middle - style.qty * 0.435;
    block.text(
        qty_x + qty_w / 2.0,
        qty_text_top,
        Align::Center,
        qty,
        &line.quantity.to_string(),
    );
    y = y.max(qty_top + qty_h);

    if let Some((x, w)) = cols.sku {
        let small = style.small();
        let sku_top = top + (style.body - style.small) * 0.8;
        y = y.max(block.lines(x, sku_top, Align::Left, small, &small.wrap(&line.sku, w, 3)));
    }
    let bin = Type::bold(style.body);
    y = y.max(block.lines(
        cols.bin.0,
        top,
        Align::Left,
        bin,
        &bin.wrap(&line.bin, cols.bin.1, 3),
    ));
    if let (Some((x, w)), Some(price)) = (cols.price, line.unit_price.as_deref()) {
        block.text(x + w, top, Align::Right, body, &body.one_line(price, w));
    }

    let height = y + style.pad * 0.7;
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

/// The order total, right-aligned under the price column; `None` without prices.
pub(crate) fn total(style: &Style, slip: &Slip<'_>, cols: &Columns) -> Option<Block> {
    let (x, w) = cols.price?;
    let total = slip.data.total.as_deref()?.trim();
    if total.is_empty() {
        return None;
    }
    let mut block = Block::new(Flow::Free);
    let right = x + w;
    let bold = Type::bold(style.body);
    let value = bold.one_line(total, style.width() * 0.4);
    let caption = style
        .body()
        .one_line(&format!("{}:", slip.labels.total), style.width() * 0.4);
    let top = style.pad * 0.8;
    let caption_right = right - bold.width(&value) - style.pad * 1.5;
    block.text(caption_right, top, Align::Right, style.body(), &caption);
    let bottom = block.text(right, top, Align::Right, bold, &value);
    block.height = bottom + style.pad * 0.5;
    Some(block)
}
