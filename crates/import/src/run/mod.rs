//! An import run: the preview before it, the records converted to what the
//! store keeps, the one sink that writes them in batches, and the whole import
//! of a file from disk.

pub(crate) mod convert;
pub(crate) mod file_notices;
pub(crate) mod import_error;
pub(crate) mod import_file;
pub(crate) mod preview;
pub(crate) mod sink;
