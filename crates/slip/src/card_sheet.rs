//! The card-text sheet: the cards to write by hand, one framed entry each —
//! customer, order number, language, occasion and the text to copy — on A4 pages
//! numbered at the foot, for the person writing the cards. Set in the same
//! embedded DejaVu Sans as the slips, so Polish, Russian and Finnish texts print.

use crate::canvas::{Align, Block, Flow, Ink, Mark, Type};
use crate::error::SlipError;
use crate::page_size::PageGeometry;
use crate::page_size::{PageSize, MM};
use crate::paginate::{paginate, Frame, PageDecor};
use crate::pdf;
use serde::{Deserialize, Serialize};

/// One card on the sheet.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CardSheetEntry {
    /// Who the card is for.
    pub customer: String,
    /// The order it goes into.
    pub order_number: String,
    /// The language the text is in, as shown to the writer (e.g. "pl").
    pub language: String,
    /// The occasion, in the writer's words.
    pub occasion: String,
    /// The text to write.
    pub text: String,
}

const MARGIN: f32 = 18.0 * MM;
const BODY: f32 = 11.0;
const HEAD: f32 = 16.0;
const PAD: f32 = 8.0;

/// The entries' sheet with `title` at the top of the first page (e.g. "Cards to
/// write — 26 Nov 2026"), on A4. Fails on an empty list.
pub fn render_card_sheet(title: &str, entries: &[CardSheetEntry]) -> Result<Vec<u8>, SlipError> {
    if entries.is_empty() {
        return Err(SlipError::NoCards);
    }
    let size = PageSize::A4;
    let (width, height) = size.size_pt();
    let (left, right) = (MARGIN, width - MARGIN);
    let inner = right - left - 2.0 * PAD;

    let mut blocks = Vec::with_capacity(entries.len() * 2 + 1);
    let head = Type::bold(HEAD);
    let mut top = Block::new(Flow::Free);
    top.text(
        left,
        0.0,
        Align::Left,
        head,
        &head.one_line(title, right - left),
    );
    top.height = head.line() + PAD;
    blocks.push(top);

    let bold = Type::bold(BODY);
    let body = Type::regular(BODY);
    let small = Type::regular(BODY - 2.0);
    for e in entries {
        let mut block = Block::new(Flow::Free);
        let mut y = PAD;
        let who = format!("{} · {}", e.customer.trim(), e.order_number.trim());
        y = block.lines(left + PAD, y, Align::Left, bold, &bold.wrap(&who, inner, 2));
        let about = [e.occasion.trim(), e.language.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        if !about.is_empty() {
            y = block.text(
                left + PAD,
                y,
                Align::Left,
                small,
                &small.one_line(&about, inner),
            );
        }
        y = block.lines(
            left + PAD,
            y + 3.0,
            Align::Left,
            body,
            &body.wrap(&e.text, inner, 40),
        );
        let h = y + PAD;
        block.frame(left, 0.0, right - left, h, 0.8, Ink::BLACK);
        block.height = h;
        blocks.push(block);
        blocks.push(Block::space(PAD));
    }

    let frame = Frame {
        top: MARGIN,
        bottom: height - MARGIN,
    };
    let decor = SheetDecor {
        title: title.to_string(),
        left,
        right,
        height,
    };
    let pages = paginate(frame, blocks, &decor);
    pdf::write(title, size, &pages, &[])
}

/// The small title on later pages and the page numbers.
struct SheetDecor {
    title: String,
    left: f32,
    right: f32,
    height: f32,
}

impl PageDecor for SheetDecor {
    fn continued_header(&self, _index: usize) -> Block {
        let ty = Type::regular(BODY - 2.0);
        let mut block = Block::new(Flow::Free);
        let text = ty.one_line(&self.title, self.right - self.left);
        block.text(self.left, 0.0, Align::Left, ty, &text);
        block.height = ty.line() + PAD;
        block
    }

    fn table_header(&self) -> Block {
        Block::space(0.0)
    }

    fn footer(&self, index: usize, count: usize) -> Vec<Mark> {
        let ty = Type::regular(BODY - 2.0);
        let mut block = Block::new(Flow::Free);
        let y = self.height - MARGIN / 2.0 - ty.line();
        block.text(
            self.right,
            y,
            Align::Right,
            ty,
            &format!("{index} / {count}"),
        );
        block.marks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_sheet_is_refused() {
        assert!(matches!(
            render_card_sheet("Cards", &[]),
            Err(SlipError::NoCards)
        ));
    }

    #[test]
    fn many_cards_continue_on_further_pages() {
        let entry = CardSheetEntry {
            customer: "Anna Nowak".into(),
            order_number: "#1001".into(),
            language: "pl".into(),
            occasion: "Urodziny".into(),
            text: "Droga Anno, wszystkiego najlepszego! ".repeat(8),
        };
        let pdf = render_card_sheet("Cards", &vec![entry; 30]).unwrap();
        let pages = lopdf::Document::load_mem(&pdf).unwrap().get_pages().len();
        assert!(pages >= 3, "30 long cards take several pages, got {pages}");
    }
}
