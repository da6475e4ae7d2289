//! Importing one file from disk, start to finish: hash it, sniff it, record the
//! run, feed the sink, and say what came of it.

use crate::file_error::FileError;
use crate::format::Format;
use crate::mapped_csv::open_mapped;
use crate::mapping::{header_signature, ColumnMapping};
use crate::preview::{preview, Preview};
use crate::record::Importer;
use crate::sink::{feed, Flow, Progress};
use crate::sniff::{open, SourceDescription};
use courtesy_core::Clock;
use courtesy_store::{Actor, ImportRun, Store, StoreError};
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Why a whole import could not run or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file is not a supported export; nothing was written.
    #[error("{0}")]
    File(#[from] FileError),
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The database refused; batches committed before stay.
    #[error("{0}")]
    Store(#[from] StoreError),
}

impl ImportError {
    /// A stable code, e.g. `import.unknown_format`.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::File(e) => e.code(),
            ImportError::Io { .. } => "import.io",
            ImportError::Store(e) => e.code(),
        }
    }
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> ImportError + '_ {
    move |source| ImportError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// SHA-256 of a file, hex.
pub fn file_sha256(path: &Path) -> Result<String, ImportError> {
    let mut file = File::open(path).map_err(io_error(path))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf).map_err(io_error(path))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

fn remembered_mapping(
    store: &Store,
    columns: &[String],
) -> Result<Option<ColumnMapping>, ImportError> {
    Ok(store
        .saved_mapping(&header_signature(columns))?
        .and_then(|json| serde_json::from_str::<ColumnMapping>(&json).ok()))
}

/// Opens the file with the given mapping (and remembers it for files of this
/// shape), else by detecting its format, else with a mapping remembered for its header.
fn open_for_import(
    store: &Store,
    path: &Path,
    hint: Option<Format>,
    mapping: Option<&ColumnMapping>,
    actor: &Actor,
) -> Result<(Box<dyn Importer + Send>, SourceDescription), ImportError> {
    let file = || File::open(path).map_err(io_error(path));
    if let Some(m) = mapping {
        let (importer, d) = open_mapped(file()?, m)?;
        let json = serde_json::to_string(m).map_err(|e| StoreError::Invalid(e.to_string()))?;
        store.save_mapping(&header_signature(&d.columns), &json, actor)?;
        return Ok((importer, d));
    }
    match open(file()?, hint) {
        Err(FileError::UnknownFormat { columns }) => match remembered_mapping(store, &columns)? {
            Some(m) => Ok(open_mapped(file()?, &m)?),
            None => Err(FileError::UnknownFormat { columns }.into()),
        },
        other => Ok(other?),
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

/// Imports the file at `path` into `store` as `actor` (its time is the run's
/// start; `clock` says when it ends): a file that is not a supported export
/// (and has no mapping) is refused whole before anything is written; otherwise
/// every record is merged batch by batch and the recorded run is returned.
pub fn import_file(
    store: &Store,
    path: &Path,
    hint: Option<Format>,
    mapping: Option<&ColumnMapping>,
    actor: &Actor,
    clock: &dyn Clock,
    on_progress: impl FnMut(&Progress) -> Flow,
) -> Result<ImportRun, ImportError> {
    let sha = file_sha256(path)?;
    let (mut importer, description) = open_for_import(store, path, hint, mapping, actor)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let run = store.start_import(
        &name,
        &sha,
        format_slug(description.format),
        description.encoding,
        actor,
    )?;
    let region = store.shop_region()?;
    Ok(feed(
        store,
        run.id,
        importer.as_mut(),
        region,
        actor,
        clock,
        on_progress,
    )?)
}

/// The stored name of a format, e.g. `shopify-orders`.
pub fn format_slug(format: Format) -> &'static str {
    match format {
        Format::ShopifyOrders => "shopify-orders",
        Format::ShopifyCustomers => "shopify-customers",
        Format::WooCommerceOrdersJson => "woocommerce-orders-json",
        Format::WooCommerceCustomersJson => "woocommerce-customers-json",
        Format::WooCommerceOrdersCsv => "woocommerce-orders-csv",
        Format::MappedCsv => "mapped-csv",
    }
}
