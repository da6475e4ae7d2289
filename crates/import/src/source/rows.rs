//! The data rows of a delimited text file, read one at a time with their
//! physical line numbers, and how many bytes of the file that took.
//!
//! Memory stays bounded whatever the file's size: the csv reader keeps one row,
//! and a row longer than [`MAX_ROW_BYTES`] (an unclosed quote swallowing the
//! rest of the file) ends the read with an error on that row.
//!
//! A row whose number of fields differs from the header's (an unquoted
//! delimiter in hand-edited text, a download cut off mid-row) or that is not
//! valid text comes with a fault: its cells cannot be trusted, and it is never
//! read with guessed columns. A row that repeats the header (two exports pasted
//! into one file) is skipped.

use crate::record::RowError;
use csv::{ByteRecord, StringRecord, Terminator};
use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The longest row read, in bytes of the file.
pub(crate) const MAX_ROW_BYTES: u64 = 16 * 1024 * 1024;

/// How much of the text the csv reader takes in one read.
const READ_BUFFER: usize = 64 * 1024;

/// Bytes pulled from the file so far, and where the current row began.
#[derive(Debug, Default)]
pub(crate) struct ByteProgress {
    read: AtomicU64,
    row_start: AtomicU64,
}

impl ByteProgress {
    /// Bytes of the file consumed so far.
    pub(crate) fn bytes_read(&self) -> u64 {
        self.read.load(Ordering::Relaxed)
    }

    fn start_row(&self) {
        self.row_start.store(self.bytes_read(), Ordering::Relaxed);
    }
}

/// Counts the bytes read from the raw file and refuses to run past
/// [`MAX_ROW_BYTES`] within one row.
pub(crate) struct CountingReader<R> {
    inner: R,
    progress: Arc<ByteProgress>,
}

impl<R> CountingReader<R> {
    /// Counts reads from `inner` into `progress`.
    pub(crate) fn new(inner: R, progress: Arc<ByteProgress>) -> Self {
        CountingReader { inner, progress }
    }
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.progress.bytes_read();
        if read.saturating_sub(self.progress.row_start.load(Ordering::Relaxed)) > MAX_ROW_BYTES {
            return Err(io::Error::other(format!(
                "a row is longer than {} MiB (is a quote left open?)",
                MAX_ROW_BYTES / 1024 / 1024
            )));
        }
        let n = self.inner.read(buf)?;
        self.progress.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// One data row: its cells and the physical line it starts on (the header is
/// line 1; a quoted newline in an earlier row counts as a line).
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// Line number the row starts on.
    pub(crate) number: u64,
    /// The cells (for a faulty row, what could be made of it).
    pub(crate) cells: StringRecord,
    /// Why the row cannot be read, when it cannot.
    pub(crate) fault: Option<String>,
}

impl Row {
    /// The row's fault as an error on its line.
    pub(crate) fn fault_error(&self) -> Option<RowError> {
        self.fault.as_ref().map(|reason| RowError {
            row: self.number,
            column: None,
            reason: reason.clone(),
        })
    }
}

/// The rows after the header, skipping blank ones (only delimiters and spaces,
/// as spreadsheets leave at the end).
pub(crate) struct RowReader {
    csv: csv::Reader<Box<dyn Read + Send>>,
    progress: Arc<ByteProgress>,
    encoding: &'static str,
    delimiter: u8,
    /// The header's cells, trimmed, once read.
    header: Option<Arc<[String]>>,
    finished: bool,
    /// Bytes and cells of the last row: a new row's buffers start that large.
    last_size: (usize, usize),
}

impl RowReader {
    /// Reads `text` (already UTF-8) split by `delimiter`; the header row is
    /// skipped. `encoding` names the file's encoding for messages.
    pub(crate) fn new(
        text: Box<dyn Read + Send>,
        delimiter: u8,
        progress: Arc<ByteProgress>,
        encoding: &'static str,
    ) -> Self {
        RowReader {
            csv: reader_builder(delimiter)
                .buffer_capacity(READ_BUFFER)
                .from_reader(Box::new(FinalNewline::new(text))),
            progress,
            encoding,
            delimiter,
            header: None,
            finished: false,
            last_size: (0, 0),
        }
    }

    /// Bytes of the file consumed so far.
    pub(crate) fn bytes_read(&self) -> u64 {
        self.progress.bytes_read()
    }

    /// The next non-blank row (with a fault when it cannot be read), or
    /// `None` at the end; an error when the file cannot be read on, after
    /// which reading stops.
    pub(crate) fn next_row(&mut self) -> Option<Result<Row, RowError>> {
        let header = self.header();
        while !self.finished {
            self.progress.start_row();
            let mut bytes = ByteRecord::with_capacity(self.last_size.0, self.last_size.1);
            match self.csv.read_byte_record(&mut bytes) {
                Ok(false) => self.finished = true,
                Ok(true) => {
                    self.last_size = (bytes.as_slice().len(), bytes.len());
                    let number = self.start_line(&bytes);
                    let fields = bytes.len();
                    let (cells, mut fault) = match StringRecord::from_byte_record(bytes) {
                        Ok(cells) => (cells, None),
                        Err(e) => (lossy(e.into_byte_record()), Some(self.not_text())),
                    };
                    if cells.iter().all(|cell| cell.trim().is_empty()) {
                        continue;
                    }
                    if repeats_header(&cells, &header) {
                        continue;
                    }
                    if fields != header.len() {
                        fault.get_or_insert_with(|| self.ragged(fields, header.len()));
                    }
                    return Some(Ok(Row {
                        number,
                        cells,
                        fault,
                    }));
                }
                Err(err) => {
                    self.finished = true;
                    return Some(Err(RowError {
                        row: self.csv.position().line(),
                        column: None,
                        reason: format!("the file could not be read from this row on: {err}"),
                    }));
                }
            }
        }
        None
    }

    /// The header's cells (read once; empty when it cannot be read).
    fn header(&mut self) -> Arc<[String]> {
        if let Some(header) = &self.header {
            return header.clone();
        }
        let cells: Arc<[String]> = self
            .csv
            .byte_headers()
            .map(|h| {
                lossy(h.clone())
                    .iter()
                    .map(|cell| header_cell(cell).to_string())
                    .collect()
            })
            .unwrap_or_default();
        self.header = Some(cells.clone());
        cells
    }

    /// Why a row with `fields` fields under a header of `header` cannot be read.
    fn ragged(&self, fields: usize, header: usize) -> String {
        let delimiter = match self.delimiter {
            b'\t' => "tab".to_string(),
            d => format!("'{}'", char::from(d)),
        };
        if fields > header {
            format!(
                "{fields} fields, the header has {header} (a {delimiter} inside a value that \
                 is not in quotes?); not imported"
            )
        } else {
            format!(
                "{fields} fields, the header has {header} (the row is cut short: an \
                 unfinished download, or a line broken in two?); not imported"
            )
        }
    }

    /// The line a record just read starts on: every record ends with a consumed
    /// `\n` (see [`FinalNewline`]), so it is the reader's line less that
    /// newline and the ones inside quoted cells.
    fn start_line(&self, record: &ByteRecord) -> u64 {
        let inside: usize = record
            .iter()
            .map(|cell| cell.iter().filter(|&&b| b == b'\n').count())
            .sum();
        self.csv
            .position()
            .line()
            .saturating_sub(1 + inside as u64)
            .max(2)
    }

    fn not_text(&self) -> String {
        format!(
            "the row is not valid {} text (is part of the file in another encoding?)",
            self.encoding
        )
    }
}

/// A header cell as rows are compared with it: trimmed, without a byte-order
/// mark (a second file pasted on keeps its own).
fn header_cell(cell: &str) -> &str {
    cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// Whether a row is the header again.
fn repeats_header(cells: &StringRecord, header: &[String]) -> bool {
    cells.len() == header.len()
        && cells
            .iter()
            .zip(header)
            .all(|(cell, name)| header_cell(cell) == name)
}

/// The cells of a row that is not valid text, with the bad bytes replaced.
fn lossy(bytes: ByteRecord) -> StringRecord {
    bytes
        .iter()
        .map(|cell| String::from_utf8_lossy(cell))
        .collect()
}

/// Ends the text with a newline if it does not end with one, so the last
/// record is terminated like the others.
pub(crate) struct FinalNewline<R> {
    inner: R,
    last: Option<u8>,
    done: bool,
}

impl<R> FinalNewline<R> {
    /// Wraps `inner`.
    pub(crate) fn new(inner: R) -> Self {
        FinalNewline {
            inner,
            last: None,
            done: false,
        }
    }
}

impl<R: Read> Read for FinalNewline<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.done || buf.is_empty() {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        if n > 0 {
            self.last = buf.get(n - 1).copied();
            return Ok(n);
        }
        self.done = true;
        match self.last {
            Some(b'\n') | None => Ok(0),
            Some(_) => {
                buf[0] = b'\n';
                Ok(1)
            }
        }
    }
}

/// The csv settings every reader of a file shares, so sniffing and importing
/// see the same rows: rows may have more or fewer cells than the header, and
/// only `\n` ends a row (a `\r` before it stays at the end of the last cell,
/// which is trimmed), so line numbers can be counted from the end of each row.
pub(crate) fn reader_builder(delimiter: u8) -> csv::ReaderBuilder {
    let mut builder = csv::ReaderBuilder::new();
    builder
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(true)
        .terminator(Terminator::Any(b'\n'));
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &'static str) -> RowReader {
        let progress = Arc::new(ByteProgress::default());
        let source = CountingReader::new(text.as_bytes(), progress.clone());
        RowReader::new(Box::new(source), b',', progress, "UTF-8")
    }

    #[test]
    fn rows_carry_the_physical_line_they_start_on() {
        let mut reader = rows("a,b\r\n1,\"x\ny\"\r\n\r\n,\r\n2,z\r\n");
        let first = reader.next_row().and_then(Result::ok).map(|r| r.number);
        let second = reader.next_row().and_then(Result::ok).map(|r| r.number);
        assert_eq!(
            (first, second),
            (Some(2), Some(6)),
            "blank rows are skipped"
        );
        assert!(reader.next_row().is_none());
        assert_eq!(reader.bytes_read(), 24);
    }

    #[test]
    fn invalid_utf8_is_a_fault_of_its_row_and_reading_goes_on() {
        let progress = Arc::new(ByteProgress::default());
        let bytes: &'static [u8] = b"a,b\n1,\xff\n2,ok\n";
        let mut reader = RowReader::new(Box::new(bytes), b',', progress, "UTF-8");
        let faulty = reader.next_row().and_then(Result::ok);
        assert_eq!(faulty.as_ref().map(|r| r.number), Some(2));
        assert!(
            faulty
                .and_then(|r| r.fault)
                .is_some_and(|f| f.contains("not valid UTF-8")),
            "the row is faulty"
        );
        let next = reader.next_row().and_then(Result::ok);
        assert_eq!(
            next.as_ref().map(|r| (r.number, r.fault.is_none())),
            Some((3, true))
        );
    }

    #[test]
    fn a_row_with_more_or_fewer_fields_than_the_header_is_faulty() {
        let mut reader = rows("a,b,c\n1,2,3\n1,2,3,4\n1,2\n4,5,6");
        let read: Vec<(u64, Option<String>)> = std::iter::from_fn(|| reader.next_row())
            .filter_map(Result::ok)
            .map(|r| (r.number, r.fault))
            .collect();
        assert_eq!(read.len(), 4);
        assert_eq!((read[0].0, read[0].1.is_none()), (2, true));
        assert!(read[1]
            .1
            .as_deref()
            .is_some_and(|f| f.starts_with("4 fields, the header has 3")));
        assert!(read[2]
            .1
            .as_deref()
            .is_some_and(|f| f.starts_with("2 fields, the header has 3")));
        assert_eq!((read[3].0, read[3].1.is_none()), (5, true));
    }

    #[test]
    fn the_header_repeated_by_a_pasted_file_is_skipped() {
        let mut reader = rows("a,b\n1,2\n\u{feff}a, b\n3,4\n");
        let numbers: Vec<u64> = std::iter::from_fn(|| reader.next_row())
            .filter_map(Result::ok)
            .map(|r| r.number)
            .collect();
        assert_eq!(numbers, vec![2, 4]);
    }

    #[test]
    fn an_unclosed_quote_stops_the_read_instead_of_filling_memory() {
        let progress = Arc::new(ByteProgress::default());
        let text = io::Read::chain(
            &b"a,b\n1,ok\n2,\"open"[..],
            io::repeat(b'x').take(MAX_ROW_BYTES + 1024 * 1024),
        );
        let source = CountingReader::new(text, progress.clone());
        let mut reader = RowReader::new(Box::new(source), b',', progress, "UTF-8");
        assert_eq!(
            reader.next_row().and_then(Result::ok).map(|r| r.number),
            Some(2)
        );
        let err = reader.next_row().and_then(Result::err);
        assert!(
            err.as_ref()
                .is_some_and(|e| e.reason.contains("longer than 16 MiB")),
            "{err:?}"
        );
        assert!(reader.next_row().is_none(), "reading stops after the error");
    }
}
