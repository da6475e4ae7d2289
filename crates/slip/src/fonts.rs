//! The slip's typeface, DejaVu Sans in regular and bold, embedded in the binary
//! (licence in `fonts/LICENSE-DejaVu.txt`), its metrics for measuring text, and the
//! subset of it that goes into each PDF.
//!
//! printpdf subsets fonts only with its HTML layout engine compiled in; this crate
//! subsets with allsorts (which printpdf already uses) and hands printpdf a font
//! that holds just the glyphs the document uses, named with a subset tag
//! (`ABCDEF+DejaVuSans`) as ISO 32000 asks.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use printpdf::ParsedFont;

use crate::error::SlipError;

static REGULAR_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Drawn in place of a character the font does not have.
const REPLACEMENT: char = '\u{FFFD}';

/// A face of the slip's typeface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Face {
    Regular,
    Bold,
}

impl Face {
    /// Both faces.
    #[cfg(test)]
    pub(crate) const ALL: [Face; 2] = [Face::Regular, Face::Bold];

    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR_TTF,
            Face::Bold => BOLD_TTF,
        }
    }

    fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "DejaVuSans",
            Face::Bold => "DejaVuSans-Bold",
        }
    }

    fn metrics(self) -> &'static Metrics {
        static REGULAR: OnceLock<Metrics> = OnceLock::new();
        static BOLD: OnceLock<Metrics> = OnceLock::new();
        let cell = match self {
            Face::Regular => &REGULAR,
            Face::Bold => &BOLD,
        };
        cell.get_or_init(|| Metrics::read(self.bytes()))
    }
}

/// What layout needs from a face: which glyph draws a character and how wide it is.
struct Metrics {
    glyphs: Glyphs,
    units_per_em: f32,
}

/// Character -> (glyph id, advance width in font units): a table for the Basic
/// Multilingual Plane, looked up without hashing, and a map for the rest.
struct Glyphs {
    bmp: Vec<Option<(u16, u16)>>,
    astral: HashMap<char, (u16, u16)>,
}

impl Glyphs {
    fn new(entries: impl Iterator<Item = (char, (u16, u16))>) -> Glyphs {
        let mut glyphs = Glyphs {
            bmp: vec![None; 0x1_0000],
            astral: HashMap::new(),
        };
        for (c, glyph) in entries {
            match glyphs.bmp.get_mut(c as usize) {
                Some(slot) => *slot = Some(glyph),
                None => {
                    glyphs.astral.insert(c, glyph);
                }
            }
        }
        glyphs
    }

    fn get(&self, c: char) -> Option<(u16, u16)> {
        match self.bmp.get(c as usize) {
            Some(slot) => *slot,
            None => self.astral.get(&c).copied(),
        }
    }
}

impl Metrics {
    fn read(bytes: &[u8]) -> Metrics {
        let mut warnings = Vec::new();
        let Some(font) = ParsedFont::from_bytes(bytes, 0, &mut warnings) else {
            // Only reachable with a broken build; every character then measures zero
            // and `subset_font` reports the failure as a typed error.
            return Metrics {
                glyphs: Glyphs::new(std::iter::empty()),
                units_per_em: 1000.0,
            };
        };
        let glyphs = Glyphs::new(font.codepoint_to_glyph.iter().filter_map(|(&cp, &gid)| {
            let c = char::from_u32(cp)?;
            let advance = font.glyph_widths.get(&gid).copied().unwrap_or(0);
            Some((c, (gid, advance)))
        }));
        Metrics {
            glyphs,
            units_per_em: f32::from(font.units_per_em.max(1)),
        }
    }
}

/// The width of `text` set in `face` at `size` points, in points (no kerning, as
/// drawn).
pub(crate) fn width(face: Face, size: f32, text: &str) -> f32 {
    let metrics = face.metrics();
    let units: u32 = text
        .chars()
        .map(|c| {
            metrics
                .glyphs
                .get(c)
                .or_else(|| metrics.glyphs.get(REPLACEMENT))
                .map_or(0, |(_, advance)| u32::from(advance))
        })
        .sum();
    units as f32 * size / metrics.units_per_em
}

/// `text` with what cannot be drawn replaced: control characters and line breaks
/// become spaces, characters missing from the font become U+FFFD.
pub(crate) fn printable(face: Face, text: &str) -> String {
    let metrics = face.metrics();
    text.chars()
        .map(|c| {
            if c.is_control() {
                ' '
            } else if metrics.glyphs.get(c).is_some() {
                c
            } else {
                REPLACEMENT
            }
        })
        .collect()
}

/// A face cut down to the characters in `chars`, ready to embed.
pub(crate) fn subset_font(face: Face, chars: &BTreeSet<char>) -> Result<ParsedFont, SlipError> {
    let metrics = face.metrics();
    let mut glyph_ids: Vec<u16> = chars
        .iter()
        .filter_map(|&c| metrics.glyphs.get(c).map(|(gid, _)| gid))
        .collect();
    glyph_ids.push(0);
    glyph_ids.sort_unstable();
    glyph_ids.dedup();

    let font_error = |reason: String| SlipError::Font { reason };
    let file = ReadScope::new(face.bytes())
        .read::<FontData<'_>>()
        .map_err(|e| font_error(e.to_string()))?;
    let provider = file
        .table_provider(0)
        .map_err(|e| font_error(e.to_string()))?;
    let bytes = subset(
        &provider,
        &glyph_ids,
        &SubsetProfile::Pdf,
        CmapTarget::Unicode,
    )
    .map_err(|e| font_error(e.to_string()))?;
    let mut warnings = Vec::new();
    let mut font = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
        .ok_or_else(|| font_error(format!("the subset of {face:?} does not parse")))?;
    font.font_name = Some(format!(
        "{}+{}",
        subset_tag(face, &glyph_ids),
        face.postscript_name()
    ));
    Ok(font)
}

/// Six capital letters that name one subset: the same glyphs give the same tag.
fn subset_tag(face: Face, glyph_ids: &[u16]) -> String {
    // FNV-1a over the face and its glyph ids.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let face_byte = face as u8;
    let bytes = std::iter::once(face_byte).chain(glyph_ids.iter().flat_map(|g| g.to_le_bytes()));
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (0..6)
        .map(|i| char::from(b'A' + ((hash >> (i * 8)) % 26) as u8))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_polish_russian_and_finnish_letters_in_both_faces() {
        let text = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ äöåÄÖÅ абвгдеёжзийклмнопрстуфхцчшщъыьэюяЁЙ №—…";
        for face in Face::ALL {
            assert_eq!(
                printable(face, text),
                text,
                "expected {face:?} to draw every character"
            );
        }
    }

    #[test]
    fn missing_characters_and_controls_are_replaced() {
        assert_eq!(printable(Face::Regular, "a\tb\nc"), "a b c");
        assert_eq!(printable(Face::Bold, "ok \u{6F22}"), "ok \u{FFFD}");
    }

    #[test]
    fn bold_is_wider_and_width_scales_with_size() {
        let regular = width(Face::Regular, 10.0, "Packing slip");
        assert!(
            regular > 40.0 && regular < 80.0,
            "expected a plausible width, got {regular}"
        );
        assert!(width(Face::Bold, 10.0, "Packing slip") > regular);
        let doubled = width(Face::Regular, 20.0, "Packing slip");
        assert!((doubled - 2.0 * regular).abs() < 0.01);
    }

    #[test]
    fn subset_is_small_tagged_and_stable() {
        let chars: BTreeSet<char> = "Zamówienie #1001 Упаковка".chars().collect();
        let font = subset_font(Face::Regular, &chars).expect("the subset builds");
        let name = font.font_name.clone().unwrap_or_default();
        assert!(
            name.ends_with("+DejaVuSans") && name.len() == 6 + 1 + 10,
            "got {name}"
        );
        assert!(
            font.original_bytes.len() < 60_000,
            "expected a small subset, got {} bytes",
            font.original_bytes.len()
        );
        let again = subset_font(Face::Regular, &chars).expect("the subset builds");
        assert_eq!(
            again.font_name, font.font_name,
            "expected the same tag for the same glyphs"
        );
    }
}
