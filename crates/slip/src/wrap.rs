//! Breaking text into lines that fit a width, measured with the font's own advance
//! widths, so nothing runs off the page.

use crate::fonts::{printable, width, Face};

const ELLIPSIS: char = '…';

/// Text in a face and size, to be broken into lines.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Measure {
    pub face: Face,
    pub size: f32,
}

impl Measure {
    pub(crate) fn new(face: Face, size: f32) -> Measure {
        Measure { face, size }
    }

    /// The width of already printable text.
    pub(crate) fn width(&self, text: &str) -> f32 {
        width(self.face, self.size, text)
    }

    /// Breaks `text` into lines no wider than `max_width`: at spaces where it can, inside
    /// a word where a word alone is too wide. Line breaks in the text start a new line;
    /// blank lines are dropped.
    #[cfg(test)]
    pub(crate) fn wrap(&self, text: &str, max_width: f32) -> Vec<String> {
        self.wrap_indented(text, max_width, 0.0)
    }

    /// Like [`wrap`](Self::wrap), with the first line `indent` points shorter (it
    /// follows a caption); when not even the first word fits there, the first line
    /// is empty.
    pub(crate) fn wrap_indented(&self, text: &str, max_width: f32, indent: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.lines() {
            let clean = printable(self.face, paragraph);
            let mut line = String::new();
            for word in clean.split_whitespace() {
                let limit = if lines.is_empty() {
                    max_width - indent
                } else {
                    max_width
                };
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate) <= limit {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() || lines.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if self.width(word) <= max_width {
                    line = word.to_string();
                } else {
                    let mut pieces = self.break_word(word, max_width);
                    line = pieces.pop().unwrap_or_default();
                    lines.extend(pieces);
                }
            }
            if !line.is_empty() {
                lines.push(line);
            }
        }
        lines
    }

    /// Like [`wrap`](Self::wrap), but at most `max_lines` lines; the last one kept ends
    /// with an ellipsis when text was cut.
    pub(crate) fn wrap_at_most(&self, text: &str, max_width: f32, max_lines: usize) -> Vec<String> {
        self.wrap_indented_at_most(text, max_width, 0.0, max_lines)
    }

    /// [`wrap_indented`](Self::wrap_indented) with at most `max_lines` lines.
    pub(crate) fn wrap_indented_at_most(
        &self,
        text: &str,
        max_width: f32,
        indent: f32,
        max_lines: usize,
    ) -> Vec<String> {
        let mut lines = self.wrap_indented(text, max_width, indent);
        if lines.len() > max_lines {
            lines.truncate(max_lines);
            if let Some(last) = lines.last_mut() {
                *last = self.with_ellipsis(last, max_width);
            }
        }
        lines
    }

    /// One line of `text`, cut with an ellipsis when wider than `max_width`.
    pub(crate) fn one_line(&self, text: &str, max_width: f32) -> String {
        let clean = printable(self.face, text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if self.width(&clean) <= max_width {
            clean
        } else {
            self.with_ellipsis(&clean, max_width)
        }
    }

    /// `text` shortened until it and an ellipsis fit.
    fn with_ellipsis(&self, text: &str, max_width: f32) -> String {
        let mut kept: String = text.trim_end().to_string();
        loop {
            let candidate = format!("{kept}{ELLIPSIS}");
            if self.width(&candidate) <= max_width || kept.is_empty() {
                return candidate;
            }
            kept.pop();
            kept = kept.trim_end().to_string();
        }
    }

    /// Splits a word too wide for a line into pieces that fit (at least one character
    /// each, so a very narrow column still makes progress).
    fn break_word(&self, word: &str, max_width: f32) -> Vec<String> {
        let mut pieces = Vec::new();
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if self.width(&piece) > max_width && piece.chars().count() > 1 {
                piece.pop();
                pieces.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        if !piece.is_empty() {
            pieces.push(piece);
        }
        pieces
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fits(m: &Measure, lines: &[String], max: f32) {
        for line in lines {
            assert!(
                m.width(line) <= max + 0.01,
                "expected {line:?} to fit {max} pt, it is {}",
                m.width(line)
            );
        }
    }

    #[test]
    fn wraps_at_spaces_and_keeps_every_word() {
        let m = Measure::new(Face::Regular, 10.0);
        let text = "Proszę zapakować starannie, to prezent dla mamy na urodziny";
        let lines = m.wrap(text, 90.0);
        assert!(lines.len() > 1, "expected several lines, got {lines:?}");
        fits(&m, &lines, 90.0);
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn breaks_a_word_wider_than_the_line() {
        let m = Measure::new(Face::Bold, 12.0);
        let word = "Donaudampfschifffahrtsgesellschaftskapitän";
        let lines = m.wrap(word, 60.0);
        assert!(lines.len() > 2);
        fits(&m, &lines, 60.0);
        assert_eq!(lines.concat(), word);
    }

    #[test]
    fn line_breaks_start_new_lines_and_blank_lines_go() {
        let m = Measure::new(Face::Regular, 10.0);
        assert_eq!(
            m.wrap("ул. Ленина 1\n\n  кв. 5 ", 500.0),
            ["ул. Ленина 1", "кв. 5"]
        );
    }

    #[test]
    fn an_indented_first_line_is_shorter() {
        let m = Measure::new(Face::Regular, 10.0);
        let text = "Пожалуйста, не кладите чек в посылку — это подарок для мамы";
        let lines = m.wrap_indented(text, 150.0, 60.0);
        assert!(
            m.width(&lines[0]) <= 90.0,
            "first line {:?} must leave the indent free",
            lines[0]
        );
        fits(&m, &lines, 150.0);
        assert_eq!(lines.join(" "), text);
        let first_empty = m.wrap_indented("Donaudampfschifffahrt", 150.0, 140.0);
        assert_eq!(
            first_empty.first().map(String::as_str),
            Some(""),
            "a word that does not fit after the caption starts on line two"
        );
    }

    #[test]
    fn cut_text_ends_with_an_ellipsis() {
        let m = Measure::new(Face::Regular, 10.0);
        let lines = m.wrap_at_most(&"word ".repeat(100), 80.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        fits(&m, &lines, 80.0);
        let one = m.one_line("Hyvää joulua ja onnellista uutta vuotta", 60.0);
        assert!(one.ends_with('…') && m.width(&one) <= 60.0, "got {one:?}");
    }
}
