//! Tauri commands of Settings → Database: which database this desk works on,
//! looking at a server, pointing the desk at it (or moving the shop there),
//! going back to the desk's own file, and restarting onto the choice. The
//! server's password goes from the form to the keychain and never comes back.

use crate::error::AppError;
use crate::shop_commands::{secrets_kept, SecretsKept};
use crate::state::AppState;
use courtesy_desk::database;
use courtesy_store::{CopiedTable, ServerContents};
use courtesy_sync::Saved;
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};
use ts_rs::TS;

/// Which database this desk works on, and which it would open next time.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DatabaseSetup {
    /// The desk's own database file (or the location given at start-up).
    pub own_file: String,
    /// Whether the database open now is on a server.
    pub on_server: bool,
    /// The server this desk is pointed at (its URL without the password),
    /// opened at start-up instead of the file.
    pub chosen_server: Option<String>,
    /// Where a server's password is kept.
    pub secrets: SecretsKept,
    /// Why there is no keychain (empty when there is one).
    pub no_keychain_because: String,
}

/// A shop moved onto a server.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShopMoved {
    /// Tables copied and checked.
    pub tables: u32,
    /// Rows copied.
    #[ts(type = "number")]
    pub rows: i64,
    /// Where the password went.
    pub secrets: SecretsKept,
}

fn kept(saved: &Saved) -> SecretsKept {
    match saved {
        Saved::InKeychain => SecretsKept::Keychain,
        Saved::NoKeychain { .. } => SecretsKept::ThisSession,
    }
}

/// Which database this desk works on.
#[tauri::command]
pub fn database_setup(state: State<'_, AppState>) -> Result<DatabaseSetup, AppError> {
    let on_server = state.store.as_ref().map(|s| s.is_server()).unwrap_or(false);
    let (secrets, no_keychain_because) = secrets_kept(&state);
    Ok(DatabaseSetup {
        own_file: courtesy_store::db::server::shown(&state.db_path.to_string_lossy()),
        on_server,
        chosen_server: database::chosen_server(&state.db_path)?,
        secrets,
        no_keychain_because,
    })
}

/// What the server at `url` holds (with `password`), changing nothing.
#[tauri::command]
pub async fn check_database_server(
    url: String,
    password: String,
) -> Result<ServerContents, AppError> {
    tauri::async_runtime::spawn_blocking(move || database::check_server(&url, &password))
        .await
        .map_err(AppError::task)?
        .map_err(AppError::from)
}

/// Points this desk at the server (a shop's database that other desks use);
/// it opens there after a restart.
#[tauri::command]
pub async fn use_database_server(
    state: State<'_, AppState>,
    url: String,
    password: String,
) -> Result<SecretsKept, AppError> {
    let own_file = state.db_path.clone();
    let keychain = state.keychain.clone();
    let saved = tauri::async_runtime::spawn_blocking(move || {
        database::check_server(&url, &password)?;
        database::choose_server(&own_file, &url, &password, &keychain)
    })
    .await
    .map_err(AppError::task)??;
    Ok(kept(&saved))
}

/// Copies this desk's shop into the empty server database and points the
/// desk at it; each table is announced as `database-move-progress` as it is
/// copied and checked.
#[tauri::command]
pub async fn move_shop_to_server(
    app: AppHandle,
    state: State<'_, AppState>,
    url: String,
    password: String,
) -> Result<ShopMoved, AppError> {
    let store = state.store.clone()?;
    let own_file = state.db_path.clone();
    let keychain = state.keychain.clone();
    let (copied, saved) = tauri::async_runtime::spawn_blocking(move || {
        database::move_to_server(&store, &own_file, &url, &password, &keychain, &mut |t| {
            let _ = app.emit("database-move-progress", t);
        })
    })
    .await
    .map_err(AppError::task)??;
    Ok(ShopMoved {
        tables: copied.len() as u32,
        rows: copied.iter().map(|t: &CopiedTable| t.rows).sum(),
        secrets: kept(&saved),
    })
}

/// Points this desk back at its own file (it opens there after a restart).
#[tauri::command]
pub fn use_own_database_file(state: State<'_, AppState>) -> Result<(), AppError> {
    Ok(database::forget_server(&state.db_path, &state.keychain)?)
}

/// Closes Courtesy and starts it again, onto the database chosen.
#[tauri::command]
pub fn restart_app(app: AppHandle) {
    app.restart();
}
