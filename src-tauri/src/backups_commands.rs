//! Tauri commands of Settings → Backups: the backups there are, one taken
//! now, a backup file looked at before it is restored, and the restore (the
//! current state backed up first). The daily backup runs by itself (see
//! [`start_daily_backups`]).

use crate::error::AppError;
use crate::state::AppState;
use courtesy_core::backup_rotation::BackupReason;
use courtesy_desk::Desk;
use courtesy_store::{AuditSource, BackupCounts, BackupInfo, Restored};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Arc;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

/// The backups folder and what is in it, newest first.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupsOverview {
    /// Where backups go.
    pub folder: String,
    /// The backups there, newest first.
    pub backups: Vec<BackupInfo>,
}

/// A backup file as looked at before restoring it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupFile {
    /// The file.
    pub file: String,
    /// Its schema version.
    #[ts(type = "number")]
    pub schema_version: i64,
    /// What it holds.
    pub counts: BackupCounts,
}

/// Where this desk's backups go.
pub(crate) fn folder(state: &AppState) -> Result<PathBuf, AppError> {
    let store = state.store.clone()?;
    Ok(courtesy_desk::backup_folder(&store, &state.db_path))
}

/// The backups folder and its backups.
#[tauri::command]
pub async fn backups_overview(state: State<'_, AppState>) -> Result<BackupsOverview, AppError> {
    let folder = folder(&state)?;
    let shown = folder.display().to_string();
    let backups =
        tauri::async_runtime::spawn_blocking(move || courtesy_store::list_backups(&folder))
            .await
            .map_err(AppError::task)??;
    Ok(BackupsOverview {
        folder: shown,
        backups,
    })
}

/// Takes a backup now (and rotates the folder).
#[tauri::command]
pub async fn back_up_now(state: State<'_, AppState>) -> Result<BackupInfo, AppError> {
    let folder = folder(&state)?;
    state
        .with_desk(move |desk| desk.back_up(&folder, BackupReason::Manual))
        .await
}

/// Asks for a backup file and says what it holds (nothing when none was picked).
#[tauri::command]
pub async fn pick_backup_file(app: AppHandle) -> Result<Option<BackupFile>, AppError> {
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .add_filter("Courtesy backups", &["sqlite"])
            .blocking_pick_file()
            .and_then(|f| f.into_path().ok())
    })
    .await
    .map_err(AppError::task)?;
    let Some(file) = picked else { return Ok(None) };
    let (schema_version, counts) = courtesy_store::inspect_backup(&file)?;
    Ok(Some(BackupFile {
        file: file.display().to_string(),
        schema_version,
        counts,
    }))
}

/// Asks for a folder (a synced or external drive) and points this desk's
/// backups there; the overview afterwards (unchanged when cancelled).
#[tauri::command]
pub async fn choose_backup_folder(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<BackupsOverview, AppError> {
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .blocking_pick_folder()
            .and_then(|f| f.into_path().ok())
    })
    .await
    .map_err(AppError::task)?;
    if let Some(chosen) = picked {
        let own = state.db_path.clone();
        state
            .with_desk(move |d| d.choose_backup_folder(&own, Some(&chosen)))
            .await?;
    }
    backups_overview(state).await
}

/// Points this desk's backups back at the folder beside the database.
#[tauri::command]
pub async fn reset_backup_folder(state: State<'_, AppState>) -> Result<BackupsOverview, AppError> {
    let own = state.db_path.clone();
    state
        .with_desk(move |d| d.choose_backup_folder(&own, None))
        .await?;
    backups_overview(state).await
}

/// Restores the backup `file` over the database, the current state backed up first.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    file: String,
) -> Result<Restored, AppError> {
    let folder = folder(&state)?;
    state
        .with_desk(move |desk| desk.restore(std::path::Path::new(&file), &folder))
        .await
}

/// Takes the daily backup now and then every hour, whenever the day has none
/// yet; a failure is logged and tried again at the next hour.
pub fn start_daily_backups(state: &AppState) {
    let Ok(store) = state.store.clone() else {
        return;
    };
    let own_file = state.db_path.clone();
    let clock = state.clock.clone();
    std::thread::Builder::new()
        .name("courtesy-daily-backup".into())
        .spawn(move || daily_backups(store, clock, own_file))
        .ok();
}

fn daily_backups(
    store: Arc<courtesy_store::Store>,
    clock: Arc<dyn courtesy_core::Clock>,
    own_file: PathBuf,
) {
    loop {
        let desk = Desk::new(&store, clock.as_ref(), AuditSource::Ui);
        // The folder may have been changed in Settings meanwhile.
        let folder = desk.backup_folder(&own_file);
        if let Err(e) = desk.daily_backup(&folder) {
            eprintln!("the daily backup was not taken: {e}");
        }
        crate::freed_memory::give_back();
        std::thread::sleep(std::time::Duration::from_secs(3600));
    }
}
