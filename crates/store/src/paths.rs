//! Where the database lives: `--db`, else `COURTESY_DB`, else the OS app-data folder.

use std::path::PathBuf;

/// The database in the OS app-data folder, e.g. `~/.local/share/courtesy/courtesy.sqlite`
/// on Linux, `%APPDATA%\Courtesy\Courtesy\data\courtesy.sqlite` on Windows.
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("app", "Courtesy", "Courtesy")
        .map(|d| d.data_dir().join("courtesy.sqlite"))
}

/// The path given explicitly, else `COURTESY_DB`, else [`default_db_path`].
pub fn resolve_db_path(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit
        .or_else(|| {
            std::env::var_os("COURTESY_DB")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(default_db_path)
}
