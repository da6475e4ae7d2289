//! Sniffing a file: its first 64 KiB tell the encoding, the delimiter, the
//! decimal separator and the format (by its header); then the whole file is
//! read as a stream, in bounded memory whatever its size, by the format's
//! importer (see [`crate::formats::open`]). A file whose text starts like JSON
//! is read as a JSON list instead (see [`crate::source::json_detect`]), one
//! object at a time.
//!
//! A file that is not a text export at all (binary, empty, a header and no
//! rows, an unknown header, broken JSON) is refused whole with a [`FileError`].

use crate::source::columns::{Column, Header};
use crate::source::file_error::FileError;
use crate::source::format::{Format, SourceDescription};
use crate::source::json_detect::{looks_like_json, read_json};
use crate::source::json_objects::JsonObjects;
use crate::source::rows::{reader_builder, ByteProgress, CountingReader, RowReader};
use crate::source::text_encoding;
use csv::StringRecord;
use encoding_rs::Encoding;
use std::io::{Cursor, Read};
use std::sync::Arc;

/// How much of the file is read to sniff it.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// A file sniffed and ready to read: the rows of a CSV under their header, or
/// the objects of a JSON list, with what was found out about it.
pub(crate) enum SniffedFile {
    /// A CSV export.
    Csv {
        /// Its data rows.
        rows: RowReader,
        /// Its header.
        header: Header,
        /// What was found.
        description: SourceDescription,
    },
    /// A JSON list.
    Json {
        /// Its objects.
        objects: JsonObjects,
        /// What was found.
        description: SourceDescription,
    },
}

/// Sniffs `reader`: its encoding, then JSON or a CSV (delimiter, header, the
/// format it tells, the decimal separator of its amounts). `hint` skips format
/// detection (the person picked the format); the file must still have that
/// format's required columns. A mapped CSV needs its mapping (see
/// [`sniff_mapped`](crate::formats::mapped_csv::sniff_mapped)).
pub(crate) fn sniff_file(
    mut reader: impl Read + Send + 'static,
    hint: Option<Format>,
) -> Result<SniffedFile, FileError> {
    if hint == Some(Format::MappedCsv) {
        return Err(FileError::NeedsMapping);
    }
    let sniffed = sniff_text(&mut reader)?;
    let json = hint.map_or_else(|| looks_like_json(&sniffed.text), |f| f.is_json());
    if json {
        let (objects, description) = read_json(sniffed.block, reader, sniffed.encoding, hint)?;
        return Ok(SniffedFile::Json {
            objects,
            description,
        });
    }
    let delimiter = sniff_delimiter(&sniffed.text);
    let (header, samples) = sample_rows(&sniffed.text, delimiter, sniffed.complete);
    let format = match hint {
        Some(format) => {
            let missing = format.missing_columns(&header);
            if !missing.is_empty() {
                return Err(FileError::MissingColumns { format, missing });
            }
            format
        }
        None => Format::detect(&header).ok_or_else(|| FileError::UnknownFormat {
            columns: header.names().to_vec(),
        })?,
    };
    if sniffed.complete && samples.is_empty() {
        return Err(FileError::NoRows);
    }
    let amounts: Vec<Column> = format
        .amount_columns()
        .iter()
        .map(|name| header.column(&[name]))
        .collect();
    let decimal = sniff_decimal(delimiter, &amounts, &samples);
    let description = SourceDescription {
        format,
        encoding: sniffed.encoding.name(),
        delimiter: char::from(delimiter),
        decimal,
        columns: header.names().to_vec(),
    };
    let rows = csv_rows(sniffed.block, reader, sniffed.encoding, delimiter);
    Ok(SniffedFile::Csv {
        rows,
        header,
        description,
    })
}

/// The start of a file, decoded: what every opening begins with.
pub(crate) struct Sniffed {
    /// The first block of raw bytes.
    pub(crate) block: Vec<u8>,
    /// Whether the block is the whole file.
    pub(crate) complete: bool,
    /// The file's encoding.
    pub(crate) encoding: &'static Encoding,
    /// The block decoded, without a byte-order mark.
    pub(crate) text: String,
}

/// Reads and decodes the first block, refusing an empty or binary file.
pub(crate) fn sniff_text(reader: &mut impl Read) -> Result<Sniffed, FileError> {
    let (block, complete) = read_block(reader)?;
    let encoding = text_encoding::detect(&block, complete);
    let text = text_encoding::decode_block(&block, encoding);
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    if text_encoding::looks_binary(&text) {
        return Err(FileError::NotText);
    }
    Ok(Sniffed {
        block,
        complete,
        encoding,
        text,
    })
}

/// The data rows of the whole file: the sniffed `block` again, then `rest`.
pub(crate) fn csv_rows(
    block: Vec<u8>,
    rest: impl Read + Send + 'static,
    encoding: &'static Encoding,
    delimiter: u8,
) -> RowReader {
    let progress = Arc::new(ByteProgress::default());
    let raw = CountingReader::new(Cursor::new(block).chain(rest), progress.clone());
    RowReader::new(
        text_encoding::decoder(raw, encoding),
        delimiter,
        progress,
        encoding.name(),
    )
}

/// Reads up to [`SNIFF_BYTES`]; `true` when that is the whole file.
fn read_block(reader: &mut impl Read) -> Result<(Vec<u8>, bool), FileError> {
    let mut block = Vec::with_capacity(SNIFF_BYTES);
    reader
        .by_ref()
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut block)?;
    if block.len() < SNIFF_BYTES {
        return Ok((block, true));
    }
    // Exactly SNIFF_BYTES: the file is complete only if nothing follows.
    let mut probe = [0u8; 1];
    let n = loop {
        match reader.read(&mut probe) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => break other?,
        }
    };
    block.extend_from_slice(&probe[..n]);
    Ok((block, n == 0))
}

/// The delimiter of the header line: the most frequent of comma, semicolon
/// and tab outside quotes (comma on a tie or when there is none).
pub(crate) fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            _ if quoted => {}
            _ => {
                if let Some(count) = counts.iter_mut().find(|(d, _)| char::from(*d) == c) {
                    count.1 += 1;
                }
            }
        }
    }
    let mut best = counts[0];
    for candidate in &counts[1..] {
        if candidate.1 > best.1 {
            best = *candidate;
        }
    }
    best.0
}

/// The header and the complete non-blank rows in the sniffed text (the last
/// one is dropped when the text is only the start of the file: it may be cut).
pub(crate) fn sample_rows(
    text: &str,
    delimiter: u8,
    complete: bool,
) -> (Header, Vec<StringRecord>) {
    let mut reader = reader_builder(delimiter).from_reader(text.as_bytes());
    let names = reader
        .headers()
        .map(|h| h.iter().map(|cell| cell.trim().to_string()).collect())
        .unwrap_or_default();
    let mut samples: Vec<StringRecord> = reader
        .records()
        .map_while(Result::ok)
        .filter(|r| r.iter().any(|cell| !cell.trim().is_empty()))
        .collect();
    if !complete {
        samples.pop();
    }
    (Header::new(names), samples)
}

/// Which separator the amount columns of the sampled rows use: each amount
/// ending in a separator and one or two digits votes for it (`12,50` for a
/// comma, `1,234.5` for a dot; `1,234` says nothing). Without votes a
/// semicolon-delimited file (Excel in a decimal-comma locale) has a decimal
/// comma and any other a dot.
pub(crate) fn sniff_decimal(delimiter: u8, columns: &[Column], samples: &[StringRecord]) -> char {
    let (mut commas, mut dots) = (0usize, 0usize);
    for row in samples {
        for column in columns {
            match decimal_vote(column.text(row)) {
                Some(',') => commas += 1,
                Some('.') => dots += 1,
                _ => {}
            }
        }
    }
    if commas > dots || (commas == dots && delimiter == b';') {
        ','
    } else {
        '.'
    }
}

fn decimal_vote(amount: &str) -> Option<char> {
    let number = amount.trim_end_matches(|c: char| !c.is_ascii_digit());
    let digits_after = number
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .count();
    let separator = number[..number.len() - digits_after].chars().last()?;
    matches!(separator, ',' | '.')
        .then_some(separator)
        .filter(|_| (1..=2).contains(&digits_after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_counted_outside_quotes_on_the_header_line() {
        assert_eq!(sniff_delimiter("a,b,c\n1;2;3;4;5"), b',');
        assert_eq!(sniff_delimiter("\"a,b\";c;d\n"), b';');
        assert_eq!(sniff_delimiter("a\tb\tc"), b'\t');
        assert_eq!(sniff_delimiter("single"), b',');
    }

    #[test]
    fn amounts_vote_for_their_decimal_separator() {
        assert_eq!(decimal_vote("12,50"), Some(','));
        assert_eq!(decimal_vote("1.234,5 zł"), Some(','));
        assert_eq!(decimal_vote("1,234.50"), Some('.'));
        assert_eq!(decimal_vote("1,234"), None);
        assert_eq!(decimal_vote("12"), None);
        assert_eq!(decimal_vote(""), None);
    }

    #[test]
    fn a_block_of_exactly_the_sniff_size_is_complete_only_at_the_end_of_file() {
        let exact = vec![b'a'; SNIFF_BYTES];
        let (block, complete) = read_block(&mut exact.as_slice()).unwrap_or_default();
        assert_eq!((block.len(), complete), (SNIFF_BYTES, true));
        let longer = vec![b'a'; SNIFF_BYTES + 10];
        let (block, complete) = read_block(&mut longer.as_slice()).unwrap_or_default();
        assert_eq!((block.len(), complete), (SNIFF_BYTES + 1, false));
    }
}
