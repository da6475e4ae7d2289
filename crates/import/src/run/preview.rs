//! A look at a file before importing it: what was detected, and its first rows
//! as the importer will read them. A CSV that is no known export is previewed
//! too, with its columns, so a person can map them.

use crate::formats::mapping::{header_signature, remembered_mapping, ColumnMapping};
use crate::formats::open::{open, open_mapped};
use crate::run::file_notices::{notices, FileNotice};
use crate::run::import_error::ImportError;
use crate::source::file_error::FileError;
use crate::source::format::{format_slug, Format};
use crate::source::sniff::{sniff_delimiter, SNIFF_BYTES};
use crate::source::text_encoding::{decode_block, detect};
use courtesy_store::Store;
use serde::Serialize;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use ts_rs::TS;

/// What the Import screen shows before the person presses Import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    /// The file's name.
    pub file_name: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub size: u64,
    /// Detected format, e.g. `shopify-orders`; `unknown` when it needs a mapping.
    pub format: String,
    /// A label for people, e.g. `Shopify orders`.
    pub format_label: String,
    /// `UTF-8`, `windows-1250`, …
    pub encoding: String,
    /// `,`, `;` or `tab`.
    pub delimiter: String,
    /// `.` or `,` (empty until known).
    pub decimal: String,
    /// Header cells.
    pub columns: Vec<String>,
    /// The first data rows, cell by cell.
    pub rows: Vec<Vec<String>>,
    /// The columns match no known export: a mapping is needed.
    pub needs_mapping: bool,
    /// The mapping the preview was made with, if any.
    pub mapping: Option<ColumnMapping>,
    /// The header's signature, under which a mapping is remembered.
    pub signature: String,
    /// What the start of the file shows that the person should know (ids a
    /// spreadsheet rounded, ids several orders share).
    pub notices: Vec<FileNotice>,
}

fn head_of(path: &Path) -> Result<(Vec<u8>, u64), ImportError> {
    let io = |source| ImportError::Io {
        path: path.display().to_string(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    File::open(path)
        .map_err(io)?
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(io)?;
    Ok((head, size))
}

/// Up to `rows` data rows of the decoded head of the file.
fn sample(text: &str, complete: bool, delimiter: u8, rows: usize) -> Vec<Vec<String>> {
    // The block may end inside a row: keep whole lines only.
    let whole = if complete {
        text
    } else {
        text.rfind('\n').map_or(text, |i| &text[..i])
    };
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(whole.as_bytes())
        .records()
        .filter_map(Result::ok)
        .take(rows)
        .map(|r| r.iter().map(str::to_string).collect())
        .collect()
}

fn delimiter_label(d: u8) -> String {
    if d == b'\t' {
        "tab".into()
    } else {
        char::from(d).to_string()
    }
}

/// Sniffs the file at `path` (with `mapping`, when the person made one) and
/// reads up to `rows` data rows for display. A file that is not text, empty or
/// header-only is the same error the import gives.
pub fn preview(
    path: &Path,
    hint: Option<Format>,
    mapping: Option<&ColumnMapping>,
    rows: usize,
) -> Result<Preview, ImportError> {
    let io = |source| ImportError::Io {
        path: path.display().to_string(),
        source,
    };
    let file = File::open(path).map_err(io)?;
    let opened = match mapping {
        Some(m) => open_mapped(file, m),
        None => open(file, hint),
    };
    let (head, size) = head_of(path)?;
    let complete = head.len() as u64 >= size;
    let encoding = detect(&head, complete);
    let text = decode_block(&head, encoding);
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match opened {
        Ok((_, d)) if d.format.is_json() => Ok(Preview {
            file_name,
            size,
            format: format_slug(d.format).to_string(),
            format_label: d.format.label().to_string(),
            encoding: d.encoding.to_string(),
            delimiter: String::new(),
            decimal: ".".into(),
            signature: String::new(),
            columns: d.columns,
            // JSON objects have no rows to show as a table.
            rows: Vec::new(),
            needs_mapping: false,
            mapping: None,
            notices: Vec::new(),
        }),
        Ok((_, d)) => {
            let delimiter = u8::try_from(d.delimiter).unwrap_or(b',');
            // Every row of the sniffed block is looked at; a few are shown.
            let mut sampled = sample(&text, complete, delimiter, usize::MAX);
            let notices = notices(d.format, mapping, &d.columns, &sampled);
            sampled.truncate(rows);
            Ok(Preview {
                file_name,
                size,
                format: format_slug(d.format).to_string(),
                format_label: d.format.label().to_string(),
                encoding: d.encoding.to_string(),
                delimiter: delimiter_label(delimiter),
                decimal: d.decimal.to_string(),
                signature: header_signature(&d.columns),
                columns: d.columns,
                rows: sampled,
                needs_mapping: false,
                mapping: mapping.cloned(),
                notices,
            })
        }
        Err(FileError::UnknownFormat { columns }) => {
            let delimiter = sniff_delimiter(&text);
            Ok(Preview {
                file_name,
                size,
                format: "unknown".into(),
                format_label: String::new(),
                encoding: encoding.name().to_string(),
                delimiter: delimiter_label(delimiter),
                decimal: String::new(),
                signature: header_signature(&columns),
                columns,
                rows: sample(&text, complete, delimiter, rows),
                needs_mapping: true,
                mapping: None,
                notices: Vec::new(),
            })
        }
        Err(e) => Err(e.into()),
    }
}

/// A preview of the file, made with a mapping remembered for its header when the
/// file is no known export and a person mapped one of its shape before.
pub fn preview_remembered(store: &Store, path: &Path, rows: usize) -> Result<Preview, ImportError> {
    let first = preview(path, None, None, rows)?;
    if !first.needs_mapping {
        return Ok(first);
    }
    match remembered_mapping(store, &first.columns)? {
        Some(m) => preview(path, None, Some(&m), rows),
        None => Ok(first),
    }
}

/// The rows a run reported as CSV (row, column, reason, imported: `no` for a
/// row left out, `yes` for one imported with a note), for the person to fix them.
pub fn problems_csv(problems: &[courtesy_store::RowProblem]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["row", "column", "reason", "imported"])?;
    for p in problems {
        w.write_record([
            p.row.to_string().as_str(),
            p.column.as_deref().unwrap_or(""),
            &p.reason,
            if p.skipped { "no" } else { "yes" },
        ])?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}
