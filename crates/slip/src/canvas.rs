//! What a page is made of before it becomes PDF: text runs, boxes, rules and the
//! logo, measured in points from the top-left corner, grouped into blocks that the
//! paginator stacks down the page.

use crate::fonts::{width, Face};
use crate::wrap::Measure;

/// Where a text line's baseline sits below the top of its line box, as a share of
/// the font size (DejaVu's capitals are 0.73 em tall).
const BASELINE: f32 = 0.80;
/// Line advance, as a share of the font size.
pub(crate) const LEADING: f32 = 1.22;

/// A grey level: 0 is black, 1 is white paper.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Ink(pub f32);

impl Ink {
    pub(crate) const BLACK: Ink = Ink(0.0);
    pub(crate) const WHITE: Ink = Ink(1.0);
}

/// Horizontal alignment of a text run against its x.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
    Center,
}

/// One thing drawn on a page; y grows downwards from the top of the block (or page).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Mark {
    /// A run of printable text (see [`crate::fonts::printable`]) starting at `x`.
    Text {
        x: f32,
        baseline: f32,
        face: Face,
        size: f32,
        text: String,
        ink: Ink,
    },
    /// A filled rectangle; `y` is its top edge.
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        ink: Ink,
    },
    /// A stroked rectangle; `y` is its top edge.
    Frame {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        line: f32,
        ink: Ink,
    },
    /// A straight line.
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        line: f32,
        ink: Ink,
    },
    /// The document's logo number `logo`, scaled into the box.
    Logo {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        logo: usize,
    },
}

impl Mark {
    /// The same mark moved down by `dy`.
    pub(crate) fn moved_down(self, dy: f32) -> Mark {
        match self {
            Mark::Text {
                x,
                baseline,
                face,
                size,
                text,
                ink,
            } => Mark::Text {
                x,
                baseline: baseline + dy,
                face,
                size,
                text,
                ink,
            },
            Mark::Fill { x, y, w, h, ink } => Mark::Fill {
                x,
                y: y + dy,
                w,
                h,
                ink,
            },
            Mark::Frame {
                x,
                y,
                w,
                h,
                line,
                ink,
            } => Mark::Frame {
                x,
                y: y + dy,
                w,
                h,
                line,
                ink,
            },
            Mark::Rule {
                x1,
                y1,
                x2,
                y2,
                line,
                ink,
            } => Mark::Rule {
                x1,
                y1: y1 + dy,
                x2,
                y2: y2 + dy,
                line,
                ink,
            },
            Mark::Logo { x, y, w, h, logo } => Mark::Logo {
                x,
                y: y + dy,
                w,
                h,
                logo,
            },
        }
    }
}

/// How the paginator treats a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flow {
    /// Goes wherever it fits.
    Free,
    /// Must not be the last thing on a page (a heading).
    KeepWithNext,
    /// An order line: a page that starts with one repeats the table header first.
    TableRow,
}

/// A horizontal band of marks with a fixed height.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Block {
    pub height: f32,
    pub marks: Vec<Mark>,
    pub flow: Flow,
}

impl Block {
    /// An empty block of the given flow.
    pub(crate) fn new(flow: Flow) -> Block {
        Block {
            height: 0.0,
            marks: Vec::new(),
            flow,
        }
    }

    /// Empty vertical space.
    pub(crate) fn space(height: f32) -> Block {
        Block {
            height,
            marks: Vec::new(),
            flow: Flow::Free,
        }
    }

    /// Adds a mark.
    pub(crate) fn push(&mut self, mark: Mark) {
        self.marks.push(mark);
    }

    /// One line of text whose line box starts at `top`; returns the top of the next
    /// line. `text` must already be printable and fit (see [`Type::one_line`]).
    pub(crate) fn text(&mut self, x: f32, top: f32, align: Align, ty: Type, text: &str) -> f32 {
        if !text.is_empty() {
            let w = ty.width(text);
            let left = match align {
                Align::Left => x,
                Align::Right => x - w,
                Align::Center => x - w / 2.0,
            };
            self.marks.push(Mark::Text {
                x: left,
                baseline: top + BASELINE * ty.size,
                face: ty.face,
                size: ty.size,
                text: text.to_string(),
                ink: ty.ink,
            });
        }
        top + ty.line()
    }

    /// Several lines of text from `top`; returns the top after the last one.
    pub(crate) fn lines(
        &mut self,
        x: f32,
        top: f32,
        align: Align,
        ty: Type,
        lines: &[String],
    ) -> f32 {
        lines
            .iter()
            .fold(top, |y, line| self.text(x, y, align, ty, line))
    }

    /// A filled rectangle.
    pub(crate) fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, ink: Ink) {
        self.marks.push(Mark::Fill { x, y, w, h, ink });
    }

    /// A stroked rectangle whose outer edge is the given box.
    pub(crate) fn frame(&mut self, x: f32, y: f32, w: f32, h: f32, line: f32, ink: Ink) {
        let half = line / 2.0;
        self.marks.push(Mark::Frame {
            x: x + half,
            y: y + half,
            w: w - line,
            h: h - line,
            line,
            ink,
        });
    }

    /// A horizontal rule at `y`.
    pub(crate) fn hrule(&mut self, x1: f32, x2: f32, y: f32, line: f32, ink: Ink) {
        self.marks.push(Mark::Rule {
            x1,
            y1: y,
            x2,
            y2: y,
            line,
            ink,
        });
    }

    /// A vertical rule at `x`.
    pub(crate) fn vrule(&mut self, x: f32, y1: f32, y2: f32, line: f32, ink: Ink) {
        self.marks.push(Mark::Rule {
            x1: x,
            y1,
            x2: x,
            y2,
            line,
            ink,
        });
    }
}

/// Height of one line of text at `size`.
pub(crate) fn line_height(size: f32) -> f32 {
    LEADING * size
}

/// How a run of text looks: face, size and ink; measures and breaks text too.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Type {
    pub face: Face,
    pub size: f32,
    pub ink: Ink,
}

impl Type {
    /// Regular black text.
    pub(crate) const fn regular(size: f32) -> Type {
        Type {
            face: Face::Regular,
            size,
            ink: Ink::BLACK,
        }
    }

    /// Bold black text.
    pub(crate) const fn bold(size: f32) -> Type {
        Type {
            face: Face::Bold,
            size,
            ink: Ink::BLACK,
        }
    }

    /// The same type in another ink.
    pub(crate) const fn ink(self, ink: Ink) -> Type {
        Type { ink, ..self }
    }

    /// This type made smaller, down to `min_size`, until `text` fits `max_width`.
    pub(crate) fn fitted(self, text: &str, max_width: f32, min_size: f32) -> Type {
        let mut ty = self;
        while ty.size > min_size && ty.width(text) > max_width {
            ty.size = (ty.size - 0.5).max(min_size);
        }
        ty
    }

    /// Line advance.
    pub(crate) fn line(&self) -> f32 {
        line_height(self.size)
    }

    /// Width of printable text.
    pub(crate) fn width(&self, text: &str) -> f32 {
        width(self.face, self.size, text)
    }

    /// `text` on one line, cut with an ellipsis when wider than `max_width`.
    pub(crate) fn one_line(&self, text: &str, max_width: f32) -> String {
        self.measure().one_line(text, max_width)
    }

    /// `text` broken into at most `max_lines` lines no wider than `max_width`.
    pub(crate) fn wrap(&self, text: &str, max_width: f32, max_lines: usize) -> Vec<String> {
        self.measure().wrap_at_most(text, max_width, max_lines)
    }

    /// Like [`wrap`](Self::wrap), the first line `indent` points shorter.
    pub(crate) fn wrap_indented(
        &self,
        text: &str,
        max_width: f32,
        indent: f32,
        max_lines: usize,
    ) -> Vec<String> {
        self.measure()
            .wrap_indented_at_most(text, max_width, indent, max_lines)
    }

    fn measure(&self) -> Measure {
        Measure::new(self.face, self.size)
    }
}
