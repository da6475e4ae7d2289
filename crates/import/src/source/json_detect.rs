//! Telling a JSON export from a CSV, and which JSON export it is.
//!
//! A file is taken as JSON when its text starts (after a byte-order mark and
//! spaces) with `{`, or with `[` followed by what a JSON value starts with, so
//! a CSV header never is. The format is told by the keys of the list's first
//! object: `line_items` makes WooCommerce orders; `email` with `username` or
//! `billing` (and no `line_items`) makes WooCommerce customers.
//!
//! The file is read as a stream, one object at a time; only the first object
//! is read here, which may reach past the sniffed block.

use crate::source::file_error::FileError;
use crate::source::format::Format;
use crate::source::format::SourceDescription;
use crate::source::json_array::{CountingRead, JsonArray};
use crate::source::json_objects::{short, JsonObjects};
use crate::source::text_encoding;
use encoding_rs::Encoding;
use serde_json::Value;
use std::io::{Cursor, Read};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

/// Whether the start of a file's text is JSON rather than a CSV header.
pub(crate) fn looks_like_json(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    match t.as_bytes().first() {
        Some(b'{') => true,
        Some(b'[') => matches!(
            t[1..].trim_start().bytes().next(),
            None | Some(b'{' | b'[' | b']' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n')
        ),
        _ => false,
    }
}

/// The JSON format whose first object has `keys`.
pub(crate) fn detect(keys: &[String]) -> Option<Format> {
    let has = |key: &str| keys.iter().any(|k| k == key);
    if has("line_items") {
        Some(Format::WooCommerceOrdersJson)
    } else if has("email") && (has("username") || has("billing")) {
        Some(Format::WooCommerceCustomersJson)
    } else {
        None
    }
}

/// The keys `format` needs that `keys` lacks.
fn missing_keys(format: Format, keys: &[String]) -> Vec<String> {
    let has = |key: &str| keys.iter().any(|k| k == key);
    let mut missing: Vec<String> = format
        .required_columns()
        .iter()
        .filter(|key| !has(key))
        .map(|key| key.to_string())
        .collect();
    if format == Format::WooCommerceCustomersJson && !has("username") && !has("billing") {
        missing.push("billing".to_string());
    }
    missing
}

/// Reads the start of a JSON list: `block` is the sniffed start of the file,
/// `rest` the remainder, `hint` the format the person picked (a JSON one), if
/// any. Its objects come with what its first one says it is.
pub(crate) fn read_json(
    block: Vec<u8>,
    rest: impl Read + Send + 'static,
    encoding: &'static Encoding,
    hint: Option<Format>,
) -> Result<(JsonObjects, SourceDescription), FileError> {
    let bytes = Arc::new(AtomicU64::new(0));
    let raw = CountingRead::new(Cursor::new(block).chain(rest), bytes.clone());
    let mut array = JsonArray::new(text_encoding::decoder(raw, encoding), bytes);
    let malformed =
        |e: crate::source::json_array::JsonError| FileError::Malformed { reason: e.reason };
    if !array.start().map_err(malformed)? {
        return Err(FileError::UnknownJson {
            reason: "it is one object, not a list (save the list the API returns, e.g. GET /wp-json/wc/v3/orders)".to_string(),
        });
    }
    let first = match array.next_element() {
        None => return Err(FileError::Empty),
        Some(Err(e)) => return Err(malformed(e)),
        Some(Ok(first)) => first,
    };
    let keys: Vec<String> = match &first.1 {
        Value::Object(object) => object.keys().cloned().collect(),
        other => {
            return Err(FileError::UnknownJson {
                reason: format!("its first item is {}, not an object", short(other)),
            })
        }
    };
    let format = match hint {
        Some(format) => {
            let missing = missing_keys(format, &keys);
            if !missing.is_empty() {
                return Err(FileError::MissingColumns { format, missing });
            }
            format
        }
        None => detect(&keys).ok_or_else(|| FileError::UnknownJson {
            reason: format!(
                "its first object has {} but no line_items, and no email with billing",
                list_keys(&keys)
            ),
        })?,
    };
    let objects = JsonObjects::new(array, first);
    let description = SourceDescription {
        format,
        encoding: encoding.name(),
        delimiter: ',',
        decimal: '.',
        columns: keys,
    };
    Ok((objects, description))
}

/// The first keys of an object for a message.
fn list_keys(keys: &[String]) -> String {
    let mut shown: Vec<&str> = keys.iter().take(6).map(String::as_str).collect();
    if keys.len() > 6 {
        shown.push("…");
    }
    if shown.is_empty() {
        "no keys".to_string()
    } else {
        shown.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_told_from_csv_by_its_first_characters() {
        assert!(looks_like_json(" \u{feff}\n[ {\"id\": 1}]"));
        assert!(looks_like_json("[]"));
        assert!(looks_like_json("["));
        assert!(looks_like_json("{\"code\": \"rest_no_route\"}"));
        assert!(!looks_like_json("[Order],[Date]\n1,2"));
        assert!(!looks_like_json("Name,Email\n"));
    }

    #[test]
    fn keys_tell_the_format() {
        let keys = |k: &[&str]| k.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            detect(&keys(&["id", "line_items", "email"])),
            Some(Format::WooCommerceOrdersJson)
        );
        assert_eq!(
            detect(&keys(&["email", "username"])),
            Some(Format::WooCommerceCustomersJson)
        );
        assert_eq!(detect(&keys(&["email", "name"])), None);
        assert_eq!(
            missing_keys(Format::WooCommerceCustomersJson, &keys(&["id"])),
            vec!["email".to_string(), "billing".to_string()]
        );
    }
}
