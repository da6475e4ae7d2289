//! The objects of a WooCommerce list, as the importers take them: the first
//! one (already read to tell the format) handed back first, an item that is
//! not an object reported as a row error with the list going on, an object
//! identical to an earlier one (two saved pages joined) counted and passed
//! over, and a broken list reported once as the last row error.

use crate::record::RowError;
use crate::source::json_array::JsonArray;
use crate::source::seen_records::SeenRecords;
use serde_json::{Map, Value};

/// An object of a list with its 1-based place in it.
pub(crate) type NumberedObject = (u64, Map<String, Value>);

/// The objects of a JSON list, the first one already read (to tell the
/// format) and handed back first; an item that is not an object is a row error
/// and the list goes on, a broken list is one row error and the end.
pub(crate) struct JsonObjects {
    array: JsonArray,
    first: Option<(u64, Value)>,
    seen: SeenRecords,
}

impl JsonObjects {
    /// The objects of `array`, starting with `first`.
    pub(crate) fn new(array: JsonArray, first: (u64, Value)) -> Self {
        JsonObjects {
            array,
            first: Some(first),
            seen: SeenRecords::default(),
        }
    }

    /// Objects passed over as repeats of earlier ones.
    pub(crate) fn duplicates(&self) -> u64 {
        self.seen.duplicates()
    }

    /// Bytes of the file consumed so far.
    pub(crate) fn bytes_read(&self) -> u64 {
        self.array.bytes_read()
    }

    /// The next object not seen before, with its 1-based place in the list.
    pub(crate) fn next_object(&mut self) -> Option<Result<NumberedObject, RowError>> {
        loop {
            match self.next_item()? {
                Ok((_, object)) if !self.seen.first_time_object(&object) => continue,
                other => return Some(other),
            }
        }
    }

    fn next_item(&mut self) -> Option<Result<NumberedObject, RowError>> {
        let (index, value) = match self.first.take() {
            Some(first) => first,
            None => match self.array.next_element()? {
                Ok(element) => element,
                Err(e) => {
                    return Some(Err(RowError {
                        row: e.index,
                        column: None,
                        reason: format!("{}; nothing after it was read", e.reason),
                    }))
                }
            },
        };
        Some(match value {
            Value::Object(object) => Ok((index, object)),
            other => Err(RowError {
                row: index,
                column: None,
                reason: format!("item {index} is not an object but {}", short(&other)),
            }),
        })
    }
}

/// A value shown in a message, cut to a few dozen characters.
pub(crate) fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}
