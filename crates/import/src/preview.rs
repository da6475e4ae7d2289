//! A look at a file before importing it: what was detected, and its first rows
//! as the importer will read them.

use crate::format::Format;
use crate::import_file::{format_slug, ImportError};
use crate::sniff::{open, SNIFF_BYTES};
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
    /// Detected format, e.g. `shopify-orders`.
    pub format: String,
    /// A label for people, e.g. `Shopify orders`.
    pub format_label: String,
    /// `UTF-8`, `windows-1250`, …
    pub encoding: String,
    /// `,`, `;` or `\t`.
    pub delimiter: String,
    /// `.` or `,`.
    pub decimal: String,
    /// Header cells.
    pub columns: Vec<String>,
    /// The first data rows, cell by cell.
    pub rows: Vec<Vec<String>>,
}

/// Sniffs the file at `path` and reads up to `rows` data rows for display.
/// A file that is not a supported export is the same error the import gives.
pub fn preview(path: &Path, hint: Option<Format>, rows: usize) -> Result<Preview, ImportError> {
    let io = |source| ImportError::Io {
        path: path.display().to_string(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    let (_, d) = open(File::open(path).map_err(io)?, hint)?;
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    File::open(path)
        .map_err(io)?
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(io)?;
    let encoding =
        encoding_rs::Encoding::for_label(d.encoding.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    let (text, _, _) = encoding.decode(&head);
    // The block may end inside a row: keep whole lines only.
    let whole = if (head.len() as u64) < size {
        text.rfind('\n').map_or(&text[..], |i| &text[..i])
    } else {
        &text[..]
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(u8::try_from(d.delimiter).unwrap_or(b','))
        .flexible(true)
        .from_reader(whole.as_bytes());
    let sample = reader
        .records()
        .filter_map(Result::ok)
        .take(rows)
        .map(|r| r.iter().map(str::to_string).collect())
        .collect();
    Ok(Preview {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        size,
        format: format_slug(d.format).to_string(),
        format_label: d.format.label().to_string(),
        encoding: d.encoding.to_string(),
        delimiter: if d.delimiter == '\t' {
            "tab".into()
        } else {
            d.delimiter.to_string()
        },
        decimal: d.decimal.to_string(),
        columns: d.columns,
        rows: sample,
    })
}

/// The problems of a run as CSV (row, column, reason), for the person to fix them.
pub fn problems_csv(problems: &[courtesy_store::RowProblem]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["row", "column", "reason"])?;
    for p in problems {
        w.write_record([
            p.row.to_string().as_str(),
            p.column.as_deref().unwrap_or(""),
            &p.reason,
        ])?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}
