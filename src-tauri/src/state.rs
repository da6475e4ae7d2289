//! What the app holds while it runs: the open store, or why it could not open.

use crate::error::AppError;
use crate::sync_scheduler::SyncWorld;
use courtesy_core::Clock;
use courtesy_desk::{database, Desk, DeskError, SystemClock};
use courtesy_store::{AuditSource, Store};
use courtesy_sync::Keychain;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// The app's state, managed by Tauri.
pub struct AppState {
    /// The database, or the error that kept it closed (shown by the UI).
    pub store: Result<Arc<Store>, AppError>,
    /// This desk's own database file (or the location given with `--db`).
    pub db_path: PathBuf,
    /// A file to import given on the command line (`--import FILE`, "Open with").
    pub startup_import: Option<PathBuf>,
    /// Set to stop the running import after its current batch.
    pub cancel_import: Arc<AtomicBool>,
    /// Where the time comes from.
    pub clock: Arc<dyn Clock>,
    /// Where shop secrets are kept.
    pub keychain: Keychain,
    /// Why secrets are kept only until the app closes (no keychain here).
    pub keychain_session: Option<String>,
}

impl AppState {
    /// Opens the database at `db_path`, or the server this desk was pointed at
    /// (see [`courtesy_desk::database`]); an error is kept for the UI to show.
    pub fn open(db_path: PathBuf, startup_import: Option<PathBuf>) -> AppState {
        let (keychain, keychain_session) = keychain();
        let chosen = if courtesy_store::db::server::is_server_url(&db_path.to_string_lossy()) {
            Ok(None)
        } else {
            database::chosen_server(&db_path)
        };
        let store = match chosen {
            Ok(None) => Store::open(&db_path).map_err(AppError::from),
            Ok(Some(url)) => database::server_url(&url, &keychain, &|v| std::env::var(v).ok())
                .map_err(AppError::from)
                .and_then(|full| Store::open_server(&full).map_err(AppError::from)),
            Err(e) => Err(AppError::from(e)),
        }
        .map(Arc::new);
        AppState {
            store,
            db_path,
            startup_import,
            cancel_import: Arc::new(AtomicBool::new(false)),
            clock: Arc::new(SystemClock),
            keychain,
            keychain_session,
        }
    }

    /// What the app's syncs need, when the database is open.
    pub fn sync_world(&self) -> Option<SyncWorld> {
        Some(SyncWorld {
            store: self.store.clone().ok()?,
            clock: self.clock.clone(),
            keychain: self.keychain.clone(),
        })
    }

    /// Runs one workflow of the desk off the UI thread, for the person at the app.
    pub async fn with_desk<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&Desk<'_>) -> Result<T, DeskError> + Send + 'static,
    {
        let clock = self.clock.clone();
        self.with_store(move |store| f(&Desk::new(store, clock.as_ref(), AuditSource::Ui)))
            .await
    }

    /// Runs `f` on the store off the UI thread.
    pub async fn with_store<T, E, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        E: Into<AppError>,
        F: FnOnce(&Store) -> Result<T, E> + Send + 'static,
    {
        let store = self.store.clone()?;
        tauri::async_runtime::spawn_blocking(move || f(&store).map_err(Into::into))
            .await
            .map_err(AppError::task)?
    }
}

/// The platform's keychain; without one (or with `COURTESY_NO_KEYCHAIN`
/// set), a store in memory that keeps secrets until the app closes, and why.
fn keychain() -> (Keychain, Option<String>) {
    let system = if std::env::var_os("COURTESY_NO_KEYCHAIN").is_some() {
        Keychain::none("COURTESY_NO_KEYCHAIN is set")
    } else {
        Keychain::system()
    };
    if system.is_available() {
        return (system, None);
    }
    match keyring_core::mock::Store::new() {
        Ok(memory) => (
            Keychain::with_store(memory),
            Some(system.why_none().to_string()),
        ),
        Err(_) => (system.clone(), Some(system.why_none().to_string())),
    }
}

/// Refreshes the call queue off the UI thread (at start-up: orders may have
/// shipped or arrived since the app last ran). A failure is only logged: the
/// Today screen refreshes again and shows any error.
pub fn refresh_calls_in_background(state: &AppState) {
    let Ok(store) = state.store.clone() else {
        return;
    };
    let clock = state.clock.clone();
    std::thread::spawn(move || {
        let desk = Desk::new(&store, clock.as_ref(), AuditSource::Ui);
        if let Err(e) = desk.refresh_calls() {
            eprintln!("the call queue was not refreshed: {e}");
        }
        crate::freed_memory::give_back();
    });
}

/// The value of `--NAME VALUE` / `--NAME=VALUE` on the command line, if given.
pub fn path_arg(args: impl IntoIterator<Item = String>, name: &str) -> Option<PathBuf> {
    let flag = format!("--{name}");
    let prefix = format!("--{name}=");
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        if a == flag {
            return it.next().map(PathBuf::from);
        }
        if let Some(p) = a.strip_prefix(&prefix) {
            return Some(PathBuf::from(p));
        }
    }
    None
}

/// The file to import that the app was opened with: `--import FILE`, or the
/// first argument that is not an option (how a file manager's "Open with
/// Courtesy" passes it), when it is a file.
pub fn import_arg(args: Vec<String>) -> Option<PathBuf> {
    if let Some(p) = path_arg(args.clone(), "import") {
        return Some(p);
    }
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        if a.starts_with("--") {
            // `--NAME VALUE` takes the next argument along.
            if !a.contains('=') {
                it.next();
            }
            continue;
        }
        let path = PathBuf::from(a);
        return path.is_file().then_some(path);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_opened_with_the_app_is_imported() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("orders_export.csv");
        std::fs::write(&file, "Name\n").unwrap();
        let f = file.display().to_string();
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(import_arg(args(&[&f])), Some(file.clone()));
        assert_eq!(
            import_arg(args(&["--db", "/x.sqlite", &f])),
            Some(file.clone())
        );
        assert_eq!(
            import_arg(args(&["--import", "/o.csv"])),
            Some(PathBuf::from("/o.csv"))
        );
        assert_eq!(import_arg(args(&["--db", "/x.sqlite"])), None);
        assert_eq!(import_arg(args(&["/no/such/file.csv"])), None);
    }

    #[test]
    fn paths_come_from_either_spelling_of_their_flag() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let path = |p: &str| Some(PathBuf::from(p));
        assert_eq!(
            path_arg(args(&["app", "--db", "/x.sqlite"]), "db"),
            path("/x.sqlite")
        );
        assert_eq!(
            path_arg(args(&["app", "--db=/y.sqlite"]), "db"),
            path("/y.sqlite")
        );
        assert_eq!(
            path_arg(args(&["app", "--import", "/o.csv", "--db", "/x"]), "import"),
            path("/o.csv")
        );
        assert_eq!(path_arg(args(&["app"]), "db"), None);
    }
}
