//! Importing one file from disk, start to finish: hash it, sniff it, record the
//! run, feed the sink, and say what came of it.

use crate::formats::mapping::{header_signature, remembered_mapping, ColumnMapping};
use crate::formats::open::{open, open_mapped, Opened};
use crate::run::import_error::ImportError;
use crate::run::sink::{feed, Flow, Progress};
use crate::source::file_error::FileError;
use crate::source::format::{format_slug, Format};
use courtesy_core::Clock;
use courtesy_store::{Actor, ImportRun, Store, StoreError};
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::Read;
use std::path::Path;

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

/// Opens the file with the given mapping (and remembers it for files of this
/// shape), else by detecting its format, else with a mapping remembered for its header.
fn open_for_import(
    store: &Store,
    path: &Path,
    hint: Option<Format>,
    mapping: Option<&ColumnMapping>,
    actor: &Actor,
) -> Result<Opened, ImportError> {
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
