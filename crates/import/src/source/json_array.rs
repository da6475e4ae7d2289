//! The elements of a JSON array read one at a time from a stream, as the
//! WooCommerce REST API returns lists (`[{…}, {…}]`).
//!
//! Memory stays bounded whatever the file's size: the array is framed byte by
//! byte (tracking strings and nesting) and only one element is held and parsed
//! at a time, by serde_json. An element longer than [`MAX_ELEMENT_BYTES`] ends
//! the read. Elements are numbered from 1, in the order of the array.
//!
//! A syntax error (or the end of the file inside the array) ends the read: the
//! elements before it stand, and the error is reported once.

use serde_json::Value;
use std::io::{self, BufRead, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The longest element read, in bytes.
pub(crate) const MAX_ELEMENT_BYTES: usize = 16 * 1024 * 1024;

/// Counts the bytes read from the raw file, for progress.
pub(crate) struct CountingRead<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R> CountingRead<R> {
    /// Counts reads from `inner` into `count`.
    pub(crate) fn new(inner: R, count: Arc<AtomicU64>) -> Self {
        CountingRead { inner, count }
    }
}

impl<R: Read> Read for CountingRead<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Why the array could not be read on: the element it happened in (1-based;
/// one past the last element when it happened between elements) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JsonError {
    /// The element being read.
    pub(crate) index: u64,
    /// What is wrong, in a sentence.
    pub(crate) reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Before the `[`.
    Start,
    /// After `[` or after an element and its `,`.
    Element,
    /// After an element, before `,` or `]`.
    Separator,
    /// After `]`, an error or the end.
    Done,
}

/// The elements of the array a UTF-8 text holds.
pub(crate) struct JsonArray {
    input: BufReader<Box<dyn Read + Send>>,
    state: State,
    /// Elements read so far.
    count: u64,
    bytes: Arc<AtomicU64>,
}

impl JsonArray {
    /// Reads the array in `text`; `bytes` counts the bytes of the raw file.
    pub(crate) fn new(text: Box<dyn Read + Send>, bytes: Arc<AtomicU64>) -> Self {
        JsonArray {
            input: BufReader::with_capacity(64 * 1024, text),
            state: State::Start,
            count: 0,
            bytes,
        }
    }

    /// Bytes of the file consumed so far.
    pub(crate) fn bytes_read(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Reads up to the opening `[`; `Ok(false)` when the text is one object
    /// (`{`) rather than a list.
    pub(crate) fn start(&mut self) -> Result<bool, JsonError> {
        self.state = State::Done;
        match self.peek_after_space()? {
            Some(b'[') => {
                self.input.consume(1);
                self.state = State::Element;
                Ok(true)
            }
            Some(b'{') => Ok(false),
            Some(_) => Err(self.error("the file does not start with a JSON list ('[')")),
            None => Err(self.error("the file is empty")),
        }
    }

    /// The next element with its 1-based index; `None` after the closing `]`
    /// (or after an error, which is returned once).
    pub(crate) fn next_element(&mut self) -> Option<Result<(u64, Value), JsonError>> {
        let result = self.step();
        if !matches!(result, Some(Ok(_))) {
            self.state = State::Done;
        }
        result
    }

    fn step(&mut self) -> Option<Result<(u64, Value), JsonError>> {
        loop {
            match self.state {
                State::Start => {
                    if let Err(e) = self.start() {
                        return Some(Err(e));
                    }
                    if self.state != State::Element {
                        return Some(Err(self.error("the file is one JSON object, not a list")));
                    }
                }
                State::Done => return None,
                State::Separator => match self.peek_after_space() {
                    Ok(Some(b',')) => {
                        self.input.consume(1);
                        match self.peek_after_space() {
                            Ok(Some(b']')) => {
                                return Some(Err(self.error("a ',' is followed by ']'")))
                            }
                            Err(e) => return Some(Err(e)),
                            Ok(_) => self.state = State::Element,
                        }
                    }
                    Ok(Some(b']')) => return self.end().map(Err),
                    Ok(Some(b)) => {
                        return Some(Err(self.error(&format!(
                            "expected ',' or ']' after item {} but found '{}'",
                            self.count,
                            char::from(b)
                        ))))
                    }
                    Ok(None) => {
                        return Some(Err(
                            self.error("the file ends before the list is closed (is it cut off?)")
                        ))
                    }
                    Err(e) => return Some(Err(e)),
                },
                State::Element => {
                    match self.peek_after_space() {
                        Ok(Some(b']')) if self.count == 0 => return self.end().map(Err),
                        Ok(None) => {
                            return Some(Err(self.error(
                                "the file ends before the list is closed (is it cut off?)",
                            )))
                        }
                        Err(e) => return Some(Err(e)),
                        Ok(Some(_)) => {}
                    }
                    self.count += 1;
                    let index = self.count;
                    let element = self.read_element().and_then(|bytes| {
                        serde_json::from_slice::<Value>(&bytes).map_err(|e| {
                            self.error_here(&format!(
                                "item {index} is not valid JSON: {}",
                                plain(&e)
                            ))
                        })
                    });
                    self.state = State::Separator;
                    return Some(element.map(|value| (index, value)));
                }
            }
        }
    }

    /// After the closing `]`: only spaces may follow.
    fn end(&mut self) -> Option<JsonError> {
        self.input.consume(1);
        self.state = State::Done;
        match self.peek_after_space() {
            Ok(None) => None,
            Ok(Some(_)) => Some(self.error("there is more text after the end of the list")),
            Err(e) => Some(e),
        }
    }

    /// An error between elements: on the one that would come next.
    fn error(&self, reason: &str) -> JsonError {
        JsonError {
            index: self.count + 1,
            reason: reason.to_string(),
        }
    }

    /// An error inside the element being read.
    fn error_here(&self, reason: &str) -> JsonError {
        JsonError {
            index: self.count.max(1),
            reason: reason.to_string(),
        }
    }

    fn io_error(&self, e: &io::Error) -> JsonError {
        self.error(&format!("the file could not be read on: {e}"))
    }

    /// The next byte that is not JSON whitespace, left unread.
    fn peek_after_space(&mut self) -> Result<Option<u8>, JsonError> {
        loop {
            let buf = match self.input.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(self.io_error(&e)),
            };
            if buf.is_empty() {
                return Ok(None);
            }
            let spaces = buf
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
                .count();
            if spaces < buf.len() {
                let next = buf[spaces];
                self.input.consume(spaces);
                return Ok(Some(next));
            }
            let n = buf.len();
            self.input.consume(n);
        }
    }

    /// The bytes of one element: an object or array up to its closing bracket,
    /// a string up to its closing quote, or a number or literal up to the next
    /// separator.
    fn read_element(&mut self) -> Result<Vec<u8>, JsonError> {
        let mut out = Vec::new();
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        let mut first = true;
        let mut scalar = false;
        loop {
            let buf = match self.input.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(self.io_error(&e)),
            };
            if buf.is_empty() {
                if scalar {
                    return Ok(out);
                }
                return Err(self.error_here(&format!(
                    "the file ends inside item {} (is it cut off?)",
                    self.count
                )));
            }
            let mut end = None;
            for (i, &b) in buf.iter().enumerate() {
                if first {
                    first = false;
                    match b {
                        b'{' | b'[' => depth = 1,
                        b'"' => in_string = true,
                        _ => scalar = true,
                    }
                    if !scalar {
                        continue;
                    }
                }
                if scalar {
                    if matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\r' | b'\n') {
                        end = Some(i);
                        break;
                    }
                    continue;
                }
                if in_string {
                    if escaped {
                        escaped = false;
                    } else if b == b'\\' {
                        escaped = true;
                    } else if b == b'"' {
                        in_string = false;
                        if depth == 0 {
                            end = Some(i + 1);
                            break;
                        }
                    }
                    continue;
                }
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            end = Some(i + 1);
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let n = end.unwrap_or(buf.len());
            out.extend_from_slice(&buf[..n]);
            self.input.consume(n);
            if out.len() > MAX_ELEMENT_BYTES {
                return Err(self.error_here(&format!(
                    "item {} is longer than {} MiB (is a quote or bracket left open?)",
                    self.count,
                    MAX_ELEMENT_BYTES / 1024 / 1024
                )));
            }
            if end.is_some() {
                return Ok(out);
            }
        }
    }
}

/// serde_json's message without its position, which is relative to the element.
fn plain(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn array(text: &'static str) -> JsonArray {
        JsonArray::new(Box::new(text.as_bytes()), Arc::new(AtomicU64::new(0)))
    }

    fn all(text: &'static str) -> Vec<Result<(u64, Value), JsonError>> {
        let mut a = array(text);
        std::iter::from_fn(|| a.next_element()).take(100).collect()
    }

    #[test]
    fn elements_come_one_by_one_with_their_index() {
        let got = all(" [ {\"a\": \"x]}\\\"\"}, [1, {}] ,\n\"s\", 12.5, null ] \n");
        let values: Vec<_> = got
            .into_iter()
            .map(|r| r.map(|(i, v)| (i, v.to_string())))
            .collect();
        assert_eq!(
            values,
            vec![
                Ok((1, r#"{"a":"x]}\""}"#.to_string())),
                Ok((2, "[1,{}]".to_string())),
                Ok((3, "\"s\"".to_string())),
                Ok((4, "12.5".to_string())),
                Ok((5, "null".to_string())),
            ]
        );
        assert!(all("[]").is_empty());
    }

    #[test]
    fn a_cut_file_ends_with_one_error_on_the_item_it_cuts() {
        let got = all("[{\"a\":1},{\"b\":");
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[1],
            Err(JsonError {
                index: 2,
                reason: "the file ends inside item 2 (is it cut off?)".into()
            })
        );
        let after = all("[{\"a\":1},");
        assert_eq!(
            after.last().and_then(|r| r.clone().err()).map(|e| e.index),
            Some(2)
        );
    }

    #[test]
    fn syntax_errors_stop_the_read() {
        let got = all("[{\"a\":1},{\"b\" 2},{\"c\":3}]");
        assert_eq!(got.len(), 2);
        let err = got[1].clone().err();
        assert_eq!(err.as_ref().map(|e| e.index), Some(2));
        assert!(
            err.is_some_and(|e| e
                .reason
                .starts_with("item 2 is not valid JSON: expected `:`")),
            "{:?}",
            got[1]
        );
        assert_eq!(
            all("[{},]")
                .last()
                .and_then(|r| r.clone().err())
                .map(|e| e.index),
            Some(2)
        );
        assert!(all("[{}] x").last().is_some_and(Result::is_err));
        assert!(all("{\"a\":1}").first().is_some_and(Result::is_err));
    }
}
