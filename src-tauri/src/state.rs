//! What the app holds while it runs: the open store, or why it could not open.

use crate::error::AppError;
use courtesy_store::{Actor, AuditSource, Store};
use std::path::PathBuf;
use std::sync::Arc;

/// The app's state, managed by Tauri.
pub struct AppState {
    /// The database, or the error that kept it closed (shown by the UI).
    pub store: Result<Arc<Store>, AppError>,
    /// Where the database is (or would be).
    pub db_path: PathBuf,
}

impl AppState {
    /// Opens the database at `db_path`; an error is kept for the UI to show.
    pub fn open(db_path: PathBuf) -> AppState {
        let store = Store::open(&db_path).map(Arc::new).map_err(AppError::from);
        AppState { store, db_path }
    }

    /// Runs `f` on the store off the UI thread.
    pub async fn with_store<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, courtesy_store::StoreError> + Send + 'static,
    {
        let store = self.store.clone()?;
        tauri::async_runtime::spawn_blocking(move || f(&store).map_err(AppError::from))
            .await
            .map_err(|e| AppError::new("app.task_failed", e.to_string()))?
    }
}

/// The person at the desk, as the audit log names them.
pub fn desk_actor() -> Actor {
    let name = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "desk".to_string());
    Actor::new(name, AuditSource::Ui)
}

/// `--db PATH` / `--db=PATH` from the command line, if given.
pub fn db_arg(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        if a == "--db" {
            return it.next().map(PathBuf::from);
        }
        if let Some(p) = a.strip_prefix("--db=") {
            return Some(PathBuf::from(p));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_db_path_comes_from_either_spelling_of_the_flag() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            db_arg(args(&["app", "--db", "/x.sqlite"])),
            Some(PathBuf::from("/x.sqlite"))
        );
        assert_eq!(
            db_arg(args(&["app", "--db=/y.sqlite"])),
            Some(PathBuf::from("/y.sqlite"))
        );
        assert_eq!(db_arg(args(&["app"])), None);
    }
}
