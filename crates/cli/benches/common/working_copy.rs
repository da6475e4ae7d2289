//! A fresh copy of the cached benchmark shop for a benchmark that writes (calls,
//! gift plans), so the cached database stays untouched.

use std::path::{Path, PathBuf};

/// Copies `db` (with its WAL) to `CARGO_TARGET_TMPDIR/<folder>/shop.sqlite`,
/// replacing an earlier copy, and returns the copy's path.
pub fn working_copy(db: &Path, folder: &str) -> Result<PathBuf, String> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(folder);
    std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let copy = dir.join("shop.sqlite");
    for suffix in ["", "-wal", "-shm"] {
        let to = PathBuf::from(format!("{}{suffix}", copy.display()));
        let _ = std::fs::remove_file(&to);
        let from = PathBuf::from(format!("{}{suffix}", db.display()));
        if suffix != "-shm" && from.exists() {
            std::fs::copy(&from, &to).map_err(|e| format!("copying {}: {e}", from.display()))?;
        }
    }
    Ok(copy)
}
