//! Tauri commands of one customer's data and of History: everything about a
//! customer saved as JSON, the erasure and what it takes, the likely
//! duplicates, a merge (after a backup) and its undo, and the audit log.

use crate::error::AppError;
use crate::state::AppState;
use courtesy_store::{
    DuplicateList, ErasurePreview, HistoryFilter, HistoryPage, MergeRequest, MergeView,
};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

/// Asks where to save everything about customer `id` and writes it there;
/// the file, or nothing when the dialog was cancelled.
#[tauri::command]
pub async fn export_customer(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> Result<Option<String>, AppError> {
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_file_name(format!("customer-{id}.json"))
            .add_filter("JSON", &["json"])
            .blocking_save_file()
            .and_then(|f| f.into_path().ok())
    })
    .await
    .map_err(AppError::task)?;
    let Some(file) = picked else { return Ok(None) };
    let shown = file.display().to_string();
    state
        .with_desk(move |d| d.export_customer_to(id, &file))
        .await?;
    Ok(Some(shown))
}

/// What erasing customer `id` takes away and keeps.
#[tauri::command]
pub async fn erasure_preview(
    state: State<'_, AppState>,
    id: i64,
) -> Result<ErasurePreview, AppError> {
    state.with_store(move |s| s.erasure_preview(id)).await
}

/// Erases customer `id`.
#[tauri::command]
pub async fn erase_customer(
    state: State<'_, AppState>,
    id: i64,
) -> Result<ErasurePreview, AppError> {
    state.with_desk(move |d| d.erase_customer(id)).await
}

/// The likely duplicate customers, best first.
#[tauri::command]
pub async fn duplicate_customers(
    state: State<'_, AppState>,
    limit: usize,
) -> Result<DuplicateList, AppError> {
    let found = state
        .with_store(move |s| s.duplicate_customers(limit))
        .await;
    crate::freed_memory::give_back();
    found
}

/// Remembers that two customers are different people.
#[tauri::command]
pub async fn dismiss_duplicate(state: State<'_, AppState>, a: i64, b: i64) -> Result<(), AppError> {
    state
        .with_desk(move |d| Ok(d.store().dismiss_duplicate(a, b, &d.actor())?))
        .await
}

/// Merges two customers (a backup is taken first).
#[tauri::command]
pub async fn merge_customers(
    state: State<'_, AppState>,
    request: MergeRequest,
) -> Result<MergeView, AppError> {
    let folder = crate::backups_commands::folder(&state)?;
    state
        .with_desk(move |d| d.merge_customers(&request, &folder))
        .await
}

/// The newest merge not undone, if any.
#[tauri::command]
pub async fn last_merge(state: State<'_, AppState>) -> Result<Option<MergeView>, AppError> {
    state.with_store(|s| s.last_merge()).await
}

/// Undoes the newest merge.
#[tauri::command]
pub async fn undo_last_merge(state: State<'_, AppState>) -> Result<MergeView, AppError> {
    state.with_desk(|d| d.undo_last_merge()).await
}

/// A page of the audit log, newest first.
#[tauri::command]
pub async fn history(
    state: State<'_, AppState>,
    filter: HistoryFilter,
    limit: usize,
) -> Result<HistoryPage, AppError> {
    state.with_store(move |s| s.history(&filter, limit)).await
}
