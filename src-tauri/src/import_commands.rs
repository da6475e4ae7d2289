//! Tauri commands of the Import screen: pick or receive a file, preview it,
//! import it with progress over a channel, cancel, and save the problem rows.

use crate::error::AppError;
use crate::state::AppState;
use courtesy_core::ErrorCode;
use courtesy_import::{
    mapping_fields, preview, preview_remembered, problems_csv, ColumnMapping, Flow, ImportError,
    MappingFields, Preview,
};
use courtesy_store::{ImportCounts, ImportRun, RowProblem};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::Instant;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

/// How far an import has come, sent after every batch.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    /// Data rows read.
    #[ts(type = "number")]
    pub rows: u64,
    /// Bytes read.
    #[ts(type = "number")]
    pub bytes: u64,
    /// The file's size.
    #[ts(type = "number")]
    pub total_bytes: u64,
    /// Rows per second so far.
    pub rows_per_second: f64,
    /// New / updated / unchanged so far.
    pub counts: ImportCounts,
    /// Rows with problems so far.
    #[ts(type = "number")]
    pub problems: u64,
}

impl From<ImportError> for AppError {
    fn from(e: ImportError) -> Self {
        AppError::new(e.code(), e.to_string(), e.params())
    }
}

/// The file given with `--import FILE` when the app was started, if any.
#[tauri::command]
pub fn startup_import_path(state: State<'_, AppState>) -> Option<String> {
    state
        .startup_import
        .as_ref()
        .map(|p| p.display().to_string())
}

/// Asks for an export file with the system's file dialog.
#[tauri::command]
pub async fn pick_import_file(app: AppHandle) -> Result<Option<String>, AppError> {
    tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .add_filter("Shop exports", &["csv", "json", "txt"])
            .blocking_pick_file()
            .and_then(|f| f.into_path().ok())
            .map(|p| p.display().to_string())
    })
    .await
    .map_err(AppError::task)
}

/// What the file is and its first rows: with the given mapping, else as
/// detected, else with a mapping remembered for files of its shape.
#[tauri::command]
pub async fn preview_import(
    state: State<'_, AppState>,
    path: String,
    mapping: Option<ColumnMapping>,
) -> Result<Preview, AppError> {
    let path = PathBuf::from(path);
    state
        .with_store(move |s| match &mapping {
            Some(m) => preview(&path, None, Some(m), 8),
            None => preview_remembered(s, &path, 8),
        })
        .await
}

/// The fields a column mapping can fill.
#[tauri::command]
pub fn mapping_fields_list() -> MappingFields {
    mapping_fields()
}

/// Imports the file, reporting progress on `on_progress`; Cancel stops it after the current batch.
#[tauri::command]
pub async fn run_import(
    state: State<'_, AppState>,
    path: String,
    mapping: Option<ColumnMapping>,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportRun, AppError> {
    let cancel = state.cancel_import.clone();
    cancel.store(false, Ordering::SeqCst);
    let path = PathBuf::from(path);
    let total_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let started = Instant::now();
    state
        .with_desk(move |d| {
            d.import(&path, None, mapping.as_ref(), |p| {
                let _ = on_progress.send(ImportProgress {
                    rows: p.rows,
                    bytes: p.bytes,
                    total_bytes,
                    rows_per_second: p.rows as f64 / started.elapsed().as_secs_f64().max(0.001),
                    counts: p.counts,
                    problems: p.problems,
                });
                if cancel.load(Ordering::SeqCst) {
                    Flow::Cancel
                } else {
                    Flow::Continue
                }
            })
        })
        .await
        .map(|done| done.run)
}

/// Asks the running import to stop after its current batch.
#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) {
    state.cancel_import.store(true, Ordering::SeqCst);
}

/// The rows of a run that could not be imported.
#[tauri::command]
pub async fn import_problems(
    state: State<'_, AppState>,
    run_id: i64,
) -> Result<Vec<RowProblem>, AppError> {
    state.with_store(move |s| s.import_problems(run_id)).await
}

/// Saves the problem rows of a run as CSV where the person chooses; the path, or null when cancelled.
#[tauri::command]
pub async fn save_import_problems(
    app: AppHandle,
    state: State<'_, AppState>,
    run_id: i64,
) -> Result<Option<String>, AppError> {
    let problems = state.with_store(move |s| s.import_problems(run_id)).await?;
    tauri::async_runtime::spawn_blocking(move || {
        let Some(target) = app
            .dialog()
            .file()
            .set_file_name(format!("import-{run_id}-problems.csv"))
            .add_filter("CSV", &["csv"])
            .blocking_save_file()
            .and_then(|f| f.into_path().ok())
        else {
            return Ok(None);
        };
        let bytes = problems_csv(&problems)
            .map_err(|e| AppError::because(ErrorCode::ImportIo, e.to_string()))?;
        std::fs::write(&target, bytes)
            .map_err(|e| AppError::file(ErrorCode::ImportIo, &target, &e))?;
        Ok(Some(target.display().to_string()))
    })
    .await
    .map_err(AppError::task)?
}
