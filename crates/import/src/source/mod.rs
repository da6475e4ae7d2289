//! Reading a file whatever export it is: its encoding, delimiter and decimal
//! separator, which export its header or first object says it is, and its rows
//! and cells (or JSON objects and fields) one at a time, with the faults of
//! rows that cannot be read and the records that repeat earlier ones.

pub(crate) mod cells;
pub(crate) mod columns;
pub(crate) mod file_error;
pub(crate) mod format;
pub(crate) mod json_array;
pub(crate) mod json_detect;
pub(crate) mod json_fields;
pub(crate) mod json_objects;
pub(crate) mod order_rows;
pub(crate) mod record_rows;
pub(crate) mod rows;
pub(crate) mod seen_records;
pub(crate) mod sniff;
pub(crate) mod text_encoding;
