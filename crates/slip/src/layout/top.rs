//! The top of a slip on small paper (A6 and the 4×6 label): a band with the shop,
//! then the ship-to block beside the title, order number, date and barcode, or,
//! when a long order number needs the full width for its barcode, the two stacked.

use crate::canvas::{Align, Block, Flow, Ink, Mark, Type};
use crate::error::SlipError;
use crate::layout::parts::{self, ShipTo};
use crate::layout::style::{Style, MIN_ORDER_SIZE};
use crate::layout::Slip;
use crate::logo::LogoRef;

/// Share of the width the order number and barcode take beside the ship-to block.
const ORDER_SHARE: f32 = 0.4;

/// The blocks at the top of a small-paper slip.
pub(crate) fn blocks(
    style: &Style,
    slip: &Slip<'_>,
    logo_height: Option<f32>,
    order_size: f32,
    ship_to: ShipTo,
) -> Result<Vec<Block>, SlipError> {
    let mut blocks = vec![shop_band(style, slip, logo_height)];
    match side_by_side(style, slip, order_size, ship_to) {
        Some(block) => blocks.push(block),
        None => {
            blocks.push(order_band(style, slip, order_size)?);
            blocks.push(addressee(style, slip, ship_to));
        }
    }
    Ok(blocks)
}

/// The shop's logo (when `logo_height` is given and the slip has one), name and
/// address in a small band, with the copy badge on the right.
fn shop_band(style: &Style, slip: &Slip<'_>, logo_height: Option<f32>) -> Block {
    let mut block = Block::new(Flow::Free);
    let mut right = style.right;
    if let Some(copy) = &slip.copy {
        let (w, _) = parts::badge(&mut block, right, 0.0, style.body, copy);
        right -= w + style.pad;
    }
    let mut x = style.left;
    let mut bottom: f32 = 0.0;
    if let (
        Some(max_h),
        Some(LogoRef {
            index: logo,
            aspect,
        }),
    ) = (logo_height, slip.logo)
    {
        let h = max_h.min(0.3 * style.width() / aspect);
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
    let name = Type::bold(style.small);
    let mut y = block.text(
        x,
        0.0,
        Align::Left,
        name,
        &name.one_line(&slip.data.shop.name, width),
    );
    let address = slip
        .data
        .shop
        .address_lines
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(", ");
    let small = style.small().ink(style.muted);
    y = block.lines(x, y, Align::Left, small, &small.wrap(&address, width, 2));
    block.height = bottom.max(y) + style.pad;
    block
}

/// Title, order number and date on the left, the barcode on the right; the barcode
/// gets a row of its own when the number is too long to share one.
fn order_band(style: &Style, slip: &Slip<'_>, order_size: f32) -> Result<Block, SlipError> {
    let mut block = Block::new(Flow::Free);
    let number_type =
        Type::bold(order_size).fitted(&slip.data.order_number, style.width(), MIN_ORDER_SIZE);
    let numbers = number_type.wrap(&slip.data.order_number, style.width(), 2);
    let title = style.caption_text(slip.labels.packing_slip, style.width());
    let date = format!("{}: {}", slip.labels.date, slip.date);
    let text_w = numbers
        .iter()
        .map(|n| number_type.width(n))
        .fold(0.0, f32::max)
        .max(style.caption().width(&title))
        .max(style.body().width(&date));

    let mut y = block.text(style.left, 0.0, Align::Left, style.caption(), &title);
    y = block.lines(
        style.left,
        y - order_size * 0.08,
        Align::Left,
        number_type,
        &numbers,
    );
    y = block.text(style.left, y, Align::Left, style.body(), &date);

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
    let rule_y = bottom + style.pad * 0.5;
    block.hrule(style.left, style.right, rule_y, 1.5, Ink::BLACK);
    block.height = rule_y + style.pad * 1.5;
    Ok(block)
}

/// Ship-to with the shipping method under it on the left; title, order number,
/// date and barcode on the right. `None` when the barcode needs more room.
fn side_by_side(style: &Style, slip: &Slip<'_>, order_size: f32, ship_to: ShipTo) -> Option<Block> {
    let right_w = style.width() * ORDER_SHARE;
    let module = style.barcode.module_for(&slip.barcode, right_w)?;
    let number = Type::bold(order_size).fitted(&slip.data.order_number, right_w, MIN_ORDER_SIZE);
    if number.width(&slip.data.order_number) > right_w {
        return None;
    }
    let mut block = Block::new(Flow::Free);
    let right = style.right;
    let number = Type::bold(order_size);
    let title = style
        .caption()
        .wrap(&slip.labels.packing_slip.to_uppercase(), right_w, 2);
    let mut ry = block.lines(right, 0.0, Align::Right, style.caption(), &title);
    let text = &slip.data.order_number;
    ry = block.text(right, ry - number.size * 0.08, Align::Right, number, text);
    let date = format!("{}: {}", slip.labels.date, slip.date);
    ry = block.text(
        right,
        ry,
        Align::Right,
        style.body(),
        &style.body().one_line(&date, right_w),
    );
    let code_w = parts::barcode_width(&slip.barcode, module);
    ry = parts::barcode(
        &mut block,
        slip,
        &style.barcode,
        right - code_w,
        ry + style.pad * 0.5,
        module,
    );

    let left_w = style.width() - right_w - style.pad * 2.0;
    let mut y =
        parts::ship_to(&mut block, style, slip, style.left, left_w, ship_to) + style.pad * 0.5;
    y = shipping(&mut block, style, slip, y, left_w);
    let rule_y = y.max(ry) + style.pad * 0.5;
    block.hrule(style.left, style.right, rule_y, 1.5, Ink::BLACK);
    block.height = rule_y + style.pad * 1.5;
    Some(block)
}

/// Ship-to across the width, then the shipping method.
fn addressee(style: &Style, slip: &Slip<'_>, ship_to: ShipTo) -> Block {
    let mut block = Block::new(Flow::Free);
    let y = parts::ship_to(&mut block, style, slip, style.left, style.width(), ship_to);
    let y = shipping(&mut block, style, slip, y + style.pad * 0.5, style.width());
    block.height = y + style.pad * 1.5;
    block
}

/// "Shipping: InPost Paczkomat WAW22M", the method in bold after its label and
/// wrapped under itself, from the left edge, `width` wide; returns the bottom.
fn shipping(block: &mut Block, style: &Style, slip: &Slip<'_>, top: f32, width: f32) -> f32 {
    let x = style.left;
    let label = style.body().ink(style.muted);
    let method = Type::bold(style.body);
    let caption = label.one_line(&format!("{}:", slip.labels.shipping_method), width * 0.5);
    let caption_w = label.width(&caption) + style.pad * 0.6;
    block.text(x, top, Align::Left, label, &caption);
    let lines = method.wrap(&slip.data.shipping_method, width - caption_w, 4);
    block
        .lines(x + caption_w, top, Align::Left, method, &lines)
        .max(top + label.line())
}
