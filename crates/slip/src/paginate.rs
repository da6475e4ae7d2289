//! Stacking a slip's blocks down its pages: the full header on the first page, a
//! short one with the order number and barcode on every page after it, the table
//! header again when a page starts with order lines, and a footer that says which
//! page of how many and that the slip goes on.

use crate::canvas::{Block, Flow, Mark};

/// The part of a page that blocks may fill, in points from the top.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    /// Where the first block starts.
    pub top: f32,
    /// No block may reach below this.
    pub bottom: f32,
}

/// What a layout draws on pages besides the slip's own blocks.
pub(crate) trait PageDecor {
    /// The header of page `index` (1-based, at least 2).
    fn continued_header(&self, index: usize) -> Block;
    /// The table header, repeated when a page starts with order lines.
    fn table_header(&self) -> Block;
    /// Footer marks of page `index` of `count` (1-based), in page coordinates.
    fn footer(&self, index: usize, count: usize) -> Vec<Mark>;
}

/// The pages of one slip, each a list of marks in page coordinates.
pub(crate) fn paginate(frame: Frame, blocks: Vec<Block>, decor: &dyn PageDecor) -> Vec<Vec<Mark>> {
    let mut pages: Vec<Vec<Mark>> = Vec::new();
    let mut page = Vec::new();
    let mut y = frame.top;
    // Nothing of the slip's own is on the page yet.
    let mut page_start = true;
    let heights: Vec<f32> = blocks.iter().map(|b| b.height).collect();
    let flows: Vec<Flow> = blocks.iter().map(|b| b.flow).collect();

    for (i, block) in blocks.into_iter().enumerate() {
        // A block kept with the next one needs room for the whole chain.
        let chain_end = flows[i..]
            .iter()
            .position(|f| *f != Flow::KeepWithNext)
            .map_or(flows.len() - 1, |n| i + n);
        let needed: f32 = heights[i..=chain_end].iter().sum();
        if !page_start && y + needed > frame.bottom {
            pages.push(std::mem::take(&mut page));
            y = frame.top;
            let header = decor.continued_header(pages.len() + 1);
            y = place(&mut page, header, y);
            if block.flow == Flow::TableRow {
                y = place(&mut page, decor.table_header(), y);
            }
            page_start = true;
        }
        // Spacing never starts a page.
        if page_start && block.marks.is_empty() && !pages.is_empty() {
            continue;
        }
        page_start = false;
        y = place(&mut page, block, y);
    }
    pages.push(page);

    let count = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        page.extend(decor.footer(i + 1, count));
    }
    pages
}

fn place(page: &mut Vec<Mark>, block: Block, y: f32) -> f32 {
    page.extend(block.marks.into_iter().map(|m| m.moved_down(y)));
    y + block.height
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canvas::{Align, Type};

    struct Decor;

    impl PageDecor for Decor {
        fn continued_header(&self, index: usize) -> Block {
            labelled(&format!("header {index}"), 20.0, Flow::Free)
        }
        fn table_header(&self) -> Block {
            labelled("columns", 10.0, Flow::Free)
        }
        fn footer(&self, index: usize, count: usize) -> Vec<Mark> {
            labelled(&format!("{index}/{count}"), 0.0, Flow::Free).marks
        }
    }

    fn labelled(text: &str, height: f32, flow: Flow) -> Block {
        let mut block = Block::new(flow);
        block.text(0.0, 0.0, Align::Left, Type::regular(8.0), text);
        block.height = height;
        block
    }

    fn texts(page: &[Mark]) -> Vec<String> {
        page.iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn rows_that_do_not_fit_continue_under_a_header_and_the_table_header() {
        let frame = Frame {
            top: 0.0,
            bottom: 100.0,
        };
        let mut blocks = vec![
            labelled("title", 40.0, Flow::Free),
            labelled("columns", 10.0, Flow::KeepWithNext),
        ];
        blocks.extend((1..=6).map(|n| labelled(&format!("row {n}"), 15.0, Flow::TableRow)));
        let pages = paginate(frame, blocks, &Decor);
        assert_eq!(pages.len(), 2, "expected two pages");
        assert_eq!(
            texts(&pages[0]),
            ["title", "columns", "row 1", "row 2", "row 3", "1/2"]
        );
        assert_eq!(
            texts(&pages[1]),
            ["header 2", "columns", "row 4", "row 5", "row 6", "2/2"]
        );
    }

    #[test]
    fn a_chain_of_kept_blocks_moves_together() {
        let frame = Frame {
            top: 0.0,
            bottom: 100.0,
        };
        let blocks = vec![
            labelled("body", 50.0, Flow::Free),
            labelled("last item", 20.0, Flow::KeepWithNext),
            labelled("closing", 5.0, Flow::KeepWithNext),
            labelled("initials", 30.0, Flow::Free),
        ];
        let pages = paginate(frame, blocks, &Decor);
        assert_eq!(texts(&pages[0]), ["body", "1/2"]);
        assert_eq!(
            texts(&pages[1]),
            ["header 2", "last item", "closing", "initials", "2/2"]
        );
    }

    #[test]
    fn a_heading_moves_with_the_block_after_it() {
        let frame = Frame {
            top: 0.0,
            bottom: 100.0,
        };
        let blocks = vec![
            labelled("body", 70.0, Flow::Free),
            labelled("heading", 10.0, Flow::KeepWithNext),
            labelled("content", 30.0, Flow::Free),
        ];
        let pages = paginate(frame, blocks, &Decor);
        assert_eq!(texts(&pages[0]), ["body", "1/2"]);
        assert_eq!(texts(&pages[1]), ["header 2", "heading", "content", "2/2"]);
    }
}
