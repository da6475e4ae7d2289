//! Getting data in: whole shops loaded, import runs and their reported rows, batches merged with what is stored, remembered column mappings.

pub(crate) mod bulk;
pub(crate) mod import_batches;
pub(crate) mod import_runs;
pub(crate) mod known_keys;
pub(crate) mod mappings;
pub(crate) mod merge;
pub(crate) mod order_merge;
