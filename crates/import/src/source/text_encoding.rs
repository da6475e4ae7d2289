//! Which character encoding a file is in, told from its first block, and a
//! streaming decoder to UTF-8 for the whole file.
//!
//! A byte-order mark decides (UTF-8, UTF-16). Otherwise valid UTF-8 is UTF-8;
//! anything else is what Excel writes on Windows in the shop's language:
//! windows-1250 (Central Europe), windows-1251 (Cyrillic) or windows-1252
//! (Western), as guessed by chardetng and narrowed to those three.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{
    Encoding, IBM866, ISO_8859_2, ISO_8859_5, KOI8_R, KOI8_U, UTF_16BE, UTF_16LE, UTF_8,
    WINDOWS_1250, WINDOWS_1251, WINDOWS_1252, X_MAC_CYRILLIC,
};
use encoding_rs_io::DecodeReaderBytesBuilder;
use std::io::Read;

/// Guesses the encoding of `block`, the start of a file (`complete` when it is
/// the whole file, so a multi-byte character cut at its end is not an error).
pub(crate) fn detect(block: &[u8], complete: bool) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(block) {
        return encoding;
    }
    if is_utf8(block, complete) {
        return UTF_8;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(block, complete);
    narrow(detector.guess(None, Utf8Detection::Deny))
}

fn is_utf8(block: &[u8], complete: bool) -> bool {
    match std::str::from_utf8(block) {
        Ok(_) => true,
        // `error_len() == None`: the block ends inside a character.
        Err(e) => !complete && e.error_len().is_none() && block.len() - e.valid_up_to() < 4,
    }
}

/// Maps chardetng's guess onto the three Windows code pages shop exports use.
fn narrow(guess: &'static Encoding) -> &'static Encoding {
    if guess == WINDOWS_1250 || guess == ISO_8859_2 {
        WINDOWS_1250
    } else if [
        WINDOWS_1251,
        ISO_8859_5,
        KOI8_R,
        KOI8_U,
        IBM866,
        X_MAC_CYRILLIC,
    ]
    .contains(&guess)
    {
        WINDOWS_1251
    } else {
        WINDOWS_1252
    }
}

/// Decodes the first block for sniffing, without its byte-order mark.
pub(crate) fn decode_block(block: &[u8], encoding: &'static Encoding) -> String {
    let bom_len = match Encoding::for_bom(block) {
        Some((bom_encoding, len)) if bom_encoding == encoding => len,
        _ => 0,
    };
    let (text, _had_errors) = encoding.decode_without_bom_handling(&block[bom_len..]);
    text.into_owned()
}

/// Whether decoded text looks like binary data rather than a text export: any
/// NUL, or control characters in more than 1 % of it (a stray form feed or a
/// DOS end-of-file mark is tolerated).
pub(crate) fn looks_binary(text: &str) -> bool {
    let mut chars = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        chars += 1;
        if c == '\0' {
            return true;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') && (c as u32) < 0x20 {
            controls += 1;
        }
    }
    controls > 2 && controls * 100 > chars
}

/// Wraps `source` so it reads as UTF-8 text. UTF-8 passes through unchanged (so
/// an invalid sequence later in the file surfaces as an error on its row); a
/// BOM is dropped; other encodings are transcoded as the file streams.
pub(crate) fn decoder<R: Read + Send + 'static>(
    source: R,
    encoding: &'static Encoding,
) -> Box<dyn Read + Send> {
    let mut builder = DecodeReaderBytesBuilder::new();
    builder.strip_bom(true).utf8_passthru(true);
    if encoding != UTF_8 && encoding != UTF_16LE && encoding != UTF_16BE {
        builder.encoding(Some(encoding));
    }
    Box::new(builder.build(source))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_cut_inside_a_character_is_still_utf8_when_more_follows() {
        let text = "Łódź".as_bytes();
        assert_eq!(detect(&text[..1], false), UTF_8);
        assert_ne!(detect(&text[..1], true), UTF_8);
    }

    #[test]
    fn byte_order_marks_decide() {
        assert_eq!(detect(b"\xEF\xBB\xBFName", true), UTF_8);
        assert_eq!(detect(b"\xFF\xFEN\0a\0", true), UTF_16LE);
        assert_eq!(decode_block(b"\xFF\xFEN\0a\0", UTF_16LE), "Na");
    }

    #[test]
    fn single_byte_text_is_narrowed_to_windows_code_pages() {
        let polish = WINDOWS_1250
            .encode("Zażółć gęślą jaźń, Łódź, Kraków, Gdańsk, Poznań")
            .0;
        assert_eq!(detect(&polish, true), WINDOWS_1250);
        let russian = WINDOWS_1251
            .encode("Съешь же ещё этих мягких французских булок, да выпей чаю")
            .0;
        assert_eq!(detect(&russian, true), WINDOWS_1251);
        let german = WINDOWS_1252
            .encode("Müller, Größe, Straße, Café, Français")
            .0;
        assert_eq!(detect(&german, true), WINDOWS_1252);
    }

    #[test]
    fn binary_is_told_from_text() {
        assert!(looks_binary("\u{89}PNG\r\n\u{1a}\n\0\0\0\rIHDR"));
        assert!(!looks_binary("Name,Email\r\n#1001,a@b.pl\r\n\u{1a}"));
    }
}
