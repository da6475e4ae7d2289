//! The framed Insert block: what goes into the parcel besides the goods (gifts,
//! cards with their text, the gift message), each with a tick box. It is built as a
//! heading, one block per item and a closing edge, so a long one can continue on
//! the next page with its frame open there; a short one is kept whole.

use crate::canvas::{Align, Block, Flow, Ink, Type};
use crate::data::InsertKind;
use crate::layout::style::Style;
use crate::layout::table::tick_side;
use crate::layout::Slip;

/// The blocks of the Insert block; none when nothing is inserted.
pub(crate) fn blocks(style: &Style, slip: &Slip<'_>) -> Vec<Block> {
    let items = &slip.data.inserts;
    if items.is_empty() {
        return Vec::new();
    }
    let frame = style.frame;
    let (left, right) = (style.left, style.right);
    let pad = style.pad;
    let sides = |block: &mut Block, to: f32| {
        block.vrule(left + frame / 2.0, 0.0, to, frame, Ink::BLACK);
        block.vrule(right - frame / 2.0, 0.0, to, frame, Ink::BLACK);
    };

    let mut blocks = Vec::new();
    let mut heading = Block::new(Flow::KeepWithNext);
    let title = Type::bold(style.body).ink(Ink::WHITE);
    let band = title.line() + pad;
    heading.fill(left, 0.0, right - left, band, Ink::BLACK);
    let text = title.one_line(&slip.labels.insert.to_uppercase(), right - left - 2.0 * pad);
    heading.text(left + frame + pad, pad / 2.0, Align::Left, title, &text);
    heading.height = band;
    blocks.push(heading);

    let side = tick_side(style.body);
    let tick_x = left + frame + pad;
    let content_x = tick_x + side + pad;
    let content_w = right - frame - pad - content_x;
    let bold = Type::bold(style.body);
    let body = style.body();
    for item in items {
        let mut block = Block::new(Flow::KeepWithNext);
        let top = pad * 0.8;
        let kind = match item.kind {
            InsertKind::Gift => slip.labels.gift,
            InsertKind::Card => slip.labels.card,
            InsertKind::GiftMessage => slip.labels.gift_message,
        };
        let title = item.title.trim();
        let heading = if title.is_empty() {
            kind.to_string()
        } else {
            format!("{kind}: {title}")
        };
        let mut y = block.lines(
            content_x,
            top,
            Align::Left,
            bold,
            &bold.wrap(&heading, content_w, 3),
        );
        let text = item.text.trim();
        if !text.is_empty() {
            let lines = body.wrap(text, content_w, style.max_insert_lines);
            y = block.lines(content_x, y + 1.0, Align::Left, body, &lines);
        }
        let middle = top + body.line() * 0.45;
        block.frame(tick_x, middle - side / 2.0, side, side, 1.0, Ink::BLACK);
        sides(&mut block, y);
        block.height = y;
        blocks.push(block);
    }
    let mut closing = Block::new(Flow::Free);
    closing.height = pad;
    sides(&mut closing, pad);
    closing.hrule(left, right, pad - frame / 2.0, frame, Ink::BLACK);
    blocks.push(closing);

    // A short block moves to the next page whole; a long one may break between items,
    // its last item staying with the bottom edge.
    let total: f32 = blocks.iter().map(|b| b.height).sum();
    let last_item = blocks.len() - 2;
    if total > style.page_height() * 0.4 {
        for block in &mut blocks[1..last_item] {
            block.flow = Flow::Free;
        }
    }
    blocks
}
