//! The order number as a Code 128 barcode, drawn by the slip as vector bars.
//!
//! barcoders encodes; this module picks the code sets (B for text, C for runs of
//! digits, which halves their width) and turns the modules into bars.

use barcoders::sym::code128::Code128;

use crate::error::SlipError;

/// Modules of white space each side of the bars; Code 128 asks for at least 10.
pub(crate) const QUIET_ZONE_MODULES: usize = 10;

/// Switch to (or start in) code set B, in barcoders' notation.
const SET_B: char = 'Ɓ';
/// Switch to (or start in) code set C, in barcoders' notation.
const SET_C: char = 'Ć';

/// An encoded order number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Barcode {
    modules: Vec<u8>,
}

impl Barcode {
    /// Encodes `order_number` exactly as given.
    pub(crate) fn encode(order_number: &str) -> Result<Barcode, SlipError> {
        if order_number.trim().is_empty() {
            return Err(SlipError::EmptyOrderNumber);
        }
        if let Some(character) = order_number.chars().find(|c| !(' '..='~').contains(c)) {
            return Err(SlipError::OrderNumberNotEncodable {
                order_number: order_number.to_string(),
                character,
            });
        }
        let symbols = code_sets(order_number);
        let code = Code128::new(&symbols).map_err(|_| SlipError::OrderNumberNotEncodable {
            order_number: order_number.to_string(),
            character: order_number.chars().next().unwrap_or(' '),
        })?;
        Ok(Barcode {
            modules: code.encode(),
        })
    }

    /// Width in modules, without quiet zones.
    #[cfg(test)]
    pub(crate) fn modules(&self) -> usize {
        self.modules.len()
    }

    /// Width in modules, with both quiet zones.
    pub(crate) fn modules_with_quiet_zones(&self) -> usize {
        self.modules.len() + 2 * QUIET_ZONE_MODULES
    }

    /// The bars as (first module, width in modules), left to right.
    pub(crate) fn bars(&self) -> Vec<(usize, usize)> {
        let mut bars = Vec::new();
        let mut start = None;
        for (i, &m) in self.modules.iter().chain(std::iter::once(&0)).enumerate() {
            match (m, start) {
                (1, None) => start = Some(i),
                (0, Some(s)) => {
                    bars.push((s, i - s));
                    start = None;
                }
                _ => {}
            }
        }
        bars
    }
}

/// The order number with code-set switches: set C for runs of four digits or more
/// (an even number of them), set B for the rest.
fn code_sets(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut current = None;
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run >= 4 || (run >= 2 && run == chars.len()) {
            if run % 2 == 1 {
                switch(&mut out, &mut current, SET_B);
                out.push(chars[i]);
                i += 1;
            }
            let even = run - run % 2;
            switch(&mut out, &mut current, SET_C);
            out.extend(&chars[i..i + even]);
            i += even;
        } else {
            switch(&mut out, &mut current, SET_B);
            let take = run.max(1);
            out.extend(&chars[i..i + take]);
            i += take;
        }
    }
    out
}

fn switch(out: &mut String, current: &mut Option<char>, set: char) {
    if *current != Some(set) {
        out.push(set);
        *current = Some(set);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_use_set_c_and_text_set_b() {
        assert_eq!(code_sets("1001"), "Ć1001");
        assert_eq!(code_sets("#1001"), "Ɓ#Ć1001");
        assert_eq!(code_sets("#10015"), "Ɓ#1Ć0015");
        assert_eq!(code_sets("A-12"), "ƁA-12");
        assert_eq!(code_sets("12345-AB"), "Ɓ1Ć2345Ɓ-AB");
        assert_eq!(code_sets("7"), "Ɓ7");
    }

    #[test]
    fn every_printable_order_number_encodes_with_start_and_stop() {
        for number in ["1001", "#1001", "7", "SO-2026/11/26-0042", " ~"] {
            let code = Barcode::encode(number).expect("printable ASCII encodes");
            // 11 modules per symbol (start, data.., check) + 13 for stop and bar.
            assert_eq!(
                (code.modules() - 13) % 11,
                0,
                "{number}: {} modules",
                code.modules()
            );
            assert_eq!(
                code.bars().first(),
                Some(&(0, 2)),
                "{number}: starts with a 2-module bar"
            );
        }
    }

    #[test]
    fn digits_make_a_shorter_code_than_text() {
        let digits = Barcode::encode("#10010010")
            .map(|b| b.modules())
            .unwrap_or(0);
        let letters = Barcode::encode("#ABCDABCD")
            .map(|b| b.modules())
            .unwrap_or(0);
        assert!(digits < letters, "{digits} vs {letters}");
    }

    #[test]
    fn refuses_empty_and_non_ascii_numbers() {
        assert_eq!(
            Barcode::encode(" ").map_err(|e| e.code().as_str()),
            Err("slip.empty_order_number")
        );
        assert_eq!(
            Barcode::encode("№1001").map_err(|e| e.code().as_str()),
            Err("slip.order_number_not_encodable")
        );
    }
}
