//! The data rows of a delimited text file, read one at a time with their
//! physical line numbers, and how many bytes of the file that took.
//!
//! Memory stays bounded whatever the file's size: the csv reader keeps one row,
//! and a row longer than [`MAX_ROW_BYTES`] (an unclosed quote swallowing the
//! rest of the file) ends the read with an error on that row.

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
    /// The cells.
    pub(crate) cells: StringRecord,
}

/// The rows after the header, skipping blank ones (only delimiters and spaces,
/// as spreadsheets leave at the end).
pub(crate) struct RowReader {
    csv: csv::Reader<Box<dyn Read + Send>>,
    progress: Arc<ByteProgress>,
    encoding: &'static str,
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
            finished: false,
            last_size: (0, 0),
        }
    }

    /// Bytes of the file consumed so far.
    pub(crate) fn bytes_read(&self) -> u64 {
        self.progress.bytes_read()
    }

    /// The next non-blank row, an error for a row that is not valid text, or
    /// `None` at the end (also after a read failure, which is reported once).
    pub(crate) fn next_row(&mut self) -> Option<Result<Row, RowError>> {
        while !self.finished {
            self.progress.start_row();
            let mut bytes = ByteRecord::with_capacity(self.last_size.0, self.last_size.1);
            match self.csv.read_byte_record(&mut bytes) {
                Ok(false) => self.finished = true,
                Ok(true) => {
                    self.last_size = (bytes.as_slice().len(), bytes.len());
                    let number = self.start_line(&bytes);
                    let cells = match StringRecord::from_byte_record(bytes) {
                        Ok(cells) => cells,
                        Err(_) => return Some(Err(self.not_text(number))),
                    };
                    if cells.iter().all(|cell| cell.trim().is_empty()) {
                        continue;
                    }
                    return Some(Ok(Row { number, cells }));
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

    fn not_text(&self, row: u64) -> RowError {
        RowError {
            row,
            column: None,
            reason: format!(
                "the row is not valid {} text (is part of the file in another encoding?)",
                self.encoding
            ),
        }
    }
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
    fn invalid_utf8_is_an_error_on_its_row_and_reading_goes_on() {
        let progress = Arc::new(ByteProgress::default());
        let bytes: &'static [u8] = b"a,b\n1,\xff\n2,ok\n";
        let mut reader = RowReader::new(Box::new(bytes), b',', progress, "UTF-8");
        let err = reader.next_row().and_then(Result::err).map(|e| e.row);
        assert_eq!(err, Some(2));
        let next = reader.next_row().and_then(Result::ok).map(|r| r.number);
        assert_eq!(next, Some(3));
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
