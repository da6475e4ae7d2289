//! Importing one file from disk, start to finish: hash it, sniff it, record the
//! run, feed the sink, and say what came of it.

use crate::file_error::FileError;
use crate::format::Format;
use crate::sink::{feed, Flow, Progress};
use crate::sniff::{open, SourceDescription};
use chrono::{DateTime, Utc};
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

/// What sniffing a file found, without importing anything (for a preview).
pub fn describe(path: &Path, hint: Option<Format>) -> Result<SourceDescription, ImportError> {
    let file = File::open(path).map_err(io_error(path))?;
    Ok(open(file, hint)?.1)
}

/// Imports the file at `path` into `store`: a file that is not a supported
/// export is refused whole before anything is written; otherwise every record is
/// merged batch by batch and the recorded run is returned.
pub fn import_file(
    store: &Store,
    path: &Path,
    hint: Option<Format>,
    actor: &Actor,
    now: DateTime<Utc>,
    on_progress: impl FnMut(&Progress) -> Flow,
) -> Result<ImportRun, ImportError> {
    let sha = file_sha256(path)?;
    let file = File::open(path).map_err(io_error(path))?;
    let (mut importer, description) = open(file, hint)?;
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
        now,
        actor,
        on_progress,
    )?)
}

/// The stored name of a format, e.g. `shopify-orders`.
pub fn format_slug(format: Format) -> &'static str {
    match format {
        Format::ShopifyOrders => "shopify-orders",
        Format::ShopifyCustomers => "shopify-customers",
    }
}
